"""The layers of docs/architecture.md, over every import of the package (function-level too).

Data flows one way: files → loaded root → checks → evaluation → results → render/export,
with the CLI on top. A stage imports only the vocabulary and the stages before it; only
the CLI imports typer, click, rich or `iki_cli.cli`; no import cycle; no module much over
500 lines.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import iki_cli

PACKAGE = Path(iki_cli.__file__).parent
# The stages in the order data flows through them; index = layer.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__init__", "problems", "errors", "periods", "numbers", "formula", "i18n", "markdown",
     "quantities"),
    ("definitions",),
    ("checks",),
    ("values",),
    ("evaluation",),
    ("forms",),
    ("render",),
    ("export",),
    ("importers",),
    ("diff",),
    ("cli", "__main__"),
)
PRESENTATION_LIBRARIES = ("typer", "click", "rich", "iki_cli.cli")
MAX_LINES = 500


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"] if len(rel.parts) > 1 else list(rel.parts)
    return ".".join(["iki_cli", *parts]) if parts != ["__init__"] else "iki_cli"


def _stage(module: str) -> str:
    """The stage of a module: `iki_cli.values.csvfile` → `values`, `iki_cli` → `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(module: str) -> int:
    stage = _stage(module)
    for index, names in enumerate(LAYERS):
        if stage in names:
            return index
    raise AssertionError(f"{module}: stage `{stage}` is in no layer of test_architecture.py")


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, anywhere in it (a function's lazy imports included)."""
    own = _module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    return _imports_of(path.read_text(encoding="utf-8"), package)


def _imports_of(source: str, package: str) -> set[str]:
    """The modules `source` imports, relative imports resolved against `package`."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            # `from . import formula` imports the module `formula`, not a name of `.`
            names.update(f"{module}.{alias.name}" for alias in node.names
                         if (PACKAGE.parent / f"{module}.{alias.name}".replace(".", "/")
                             ).with_suffix(".py").exists()
                         or (PACKAGE.parent / f"{module}.{alias.name}".replace(".", "/")
                             ).is_dir())
    return names


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _internal_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = {m for m in _imports(path) if m in modules and m != name}
    return graph


def test_every_module_is_in_a_layer() -> None:
    for name in _modules():
        _layer(name)


def test_no_stage_imports_a_later_one() -> None:
    bad = []
    for name, targets in _internal_graph().items():
        for target in targets:
            if _layer(target) > _layer(name):
                bad.append(f"{name} imports {target}")
    assert bad == []


def test_only_the_cli_imports_typer_rich_or_the_cli() -> None:
    bad = []
    for name, path in _modules().items():
        if _stage(name) in ("cli", "__main__"):
            continue
        for imported in _imports(path):
            if any(imported == lib or imported.startswith(lib + ".")
                   for lib in PRESENTATION_LIBRARIES):
                bad.append(f"{name} imports {imported}")
    assert bad == []


def test_no_import_cycles() -> None:
    graph = _internal_graph()
    # A package imports its own modules (its `__init__`), and the modules of a package
    # import their siblings; a cycle is a path back to where it started.
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if nxt.startswith(node + "."):
                continue  # a package's __init__ importing its own module is not a cycle
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines"


def test_the_layer_check_sees_a_lazy_import() -> None:
    """The contract reads imports inside functions: a lazy `import typer` is found."""
    found = _imports_of("def f():\n    import typer\n    from ..cli import app\n",
                        "iki_cli.evaluation")
    assert {"typer", "iki_cli.cli"} <= found


def test_version_does_not_load_heavy_modules() -> None:
    code = ("import sys; from iki_cli.cli import app; "
            "print(sorted(m for m in ('pydantic', 'jinja2', 'yaml', 'openpyxl', 'rich.console',"
            " 'python_calamine', 'docx') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"
