"""The layering of STYLE.md: the core never imports the CLI, typer or rich."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import iki_cli

PACKAGE = Path(iki_cli.__file__).parent
# The CLI and the modules that build rich renderables for it.
PRESENTATION = {"cli", "__main__", "browse", "summary"}
FORBIDDEN = ("typer", "rich", "click", "iki_cli.cli")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                module = "iki_cli." + module if module else "iki_cli"
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_core_modules_do_not_import_the_cli_or_its_libraries() -> None:
    core = [p for p in PACKAGE.glob("*.py") if p.stem not in PRESENTATION]
    assert len(core) >= 10
    for path in core:
        bad = sorted(name for name in _imports(path)
                     if any(name == f or name.startswith(f + ".") for f in FORBIDDEN))
        assert not bad, f"{path.name} imports {bad}"


def test_version_does_not_load_heavy_modules() -> None:
    code = ("import sys; from iki_cli.cli import app; "
            "print(sorted(m for m in ('pydantic', 'jinja2', 'yaml', 'openpyxl', 'rich.console')"
            " if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"
