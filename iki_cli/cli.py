"""The `iki` command line: options in, calls to the core, reporters out, exit codes.

Exit codes: 0 success; 1 invalid definitions or data (or, with --strict,
warnings / incomplete results); 2 wrong usage.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
import functools
from typing import Annotated, Any, Callable, NoReturn, Optional, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__
from .problems import IkiError, Problem, ProblemsError, UsageError

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="iki",
    help="Indikator Kinerja Individu as code: validate, compute, report.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DefinitionsOpt = Annotated[
    Path,
    typer.Option("-d", "--definitions", envvar="IKI_DEFINITIONS", show_envvar=True,
                 help="Definitions folder (organisasi.yaml, variabel.yaml, jabatan/)."),
]


def command(*args: Any, **kwargs: Any) -> Callable[[F], F]:
    """`app.command`, turning domain errors into one printed line and an exit code."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def run(*a: Any, **kw: Any) -> Any:
            try:
                return fn(*a, **kw)
            except UsageError as exc:
                fail(str(exc), 2)
            except IkiError as exc:
                fail(str(exc), 1)

        app.command(*args, **kwargs)(run)
        return fn

    return decorate


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clear line and exit with `code`."""
    err.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


def print_problems(problems: list[Problem]) -> None:
    """Print problems as `path:line:col: level [rule] message` on stderr."""
    for p in problems:
        colour = "red" if p.level == "error" else "yellow"
        err.print(f"{escape(p.location())}: [{colour}]{p.level}[/] "
                  f"[dim]\\[{p.rule}][/] {escape(p.message)}")


def require_root(root: Path) -> Path:
    """The definitions folder, or a usage error (exit 2) when it does not exist."""
    if not root.is_dir():
        raise UsageError(f"definitions folder `{root}` does not exist "
                         "(give it with -d/--definitions or $IKI_DEFINITIONS)")
    return root


def load_valid(root: Path):  # type: ignore[no-untyped-def]
    """Validated definitions; errors are printed and end the command with exit 1."""
    from .checks import validate

    defs, problems = validate(require_root(root))
    errors = [p for p in problems if p.level == "error"]
    if errors:
        print_problems(errors)
        raise ProblemsError(f"the definitions in `{root}` have {len(errors)} error(s); "
                            "run `iki validate` for details", errors)
    return defs


def _version(value: bool) -> None:
    if value:
        typer.echo(f"iki {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[Optional[bool], typer.Option(
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")] = None,
) -> None:
    """Indikator Kinerja Individu as code: validate definitions, compute achievement, render
    reports."""


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@command()
def validate(
    definitions: DefinitionsOpt = Path("definitions"),
    format: Annotated[ValidateFormat, typer.Option(
        "--format", "-f", help="Output: text, json or github (workflow annotations).")]
    = ValidateFormat.text,
    strict: Annotated[bool, typer.Option(help="Exit 1 on warnings too.")] = False,
) -> None:
    """Check every definitions file, its formulas and worked examples."""
    from .checks import validate as run
    from .reporters import REPORTER_BY_NAME

    defs, problems = run(require_root(definitions))
    sys.stdout.write(REPORTER_BY_NAME[format.value](problems, defs.files))
    if any(p.level == "error" for p in problems) or (strict and problems):
        raise typer.Exit(1)


class ListFormat(str, Enum):
    text = "text"
    json = "json"


@command("list")
def list_(
    definitions: DefinitionsOpt = Path("definitions"),
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="text or json.")]
    = ListFormat.text,
) -> None:
    """List the positions with their objectives and indicators."""
    from . import browse

    defs = load_valid(definitions)
    if format is ListFormat.json:
        sys.stdout.write(browse.list_json(defs))
    else:
        out.print(browse.list_table(defs))


@command()
def show(
    position: Annotated[str, typer.Argument(help="Position id, e.g. kepala-dinas.")],
    definitions: DefinitionsOpt = Path("definitions"),
) -> None:
    """Show one position: tasks, functions, objectives and indicators."""
    from . import browse

    defs = load_valid(definitions)
    positions = defs.positions
    if position not in positions:
        from .problems import did_you_mean

        raise UsageError(f"no position `{position}`{did_you_mean(position, positions)}")
    out.print(browse.show_position(defs, position))


@command()
def tree(definitions: DefinitionsOpt = Path("definitions")) -> None:
    """Show the positions as a tree by `atasan`, with each objective's cascade link."""
    from . import browse

    out.print(browse.position_tree(load_valid(definitions)))


@command()
def schema(
    output: Annotated[Optional[Path], typer.Option(
        "-o", "--output", help="Folder to write the .schema.json files to; "
        "without it the schemas are printed as one JSON object.")] = None,
) -> None:
    """Write the JSON Schemas (draft-07) of the three definition file kinds."""
    import json

    from .outputs import write_atomic
    from .schema import all_schemas

    schemas = all_schemas()
    if output is None:
        merged = {name: json.loads(text) for name, text in schemas.items()}
        sys.stdout.write(json.dumps(merged, indent=2, ensure_ascii=False) + "\n")
        return
    output.mkdir(parents=True, exist_ok=True)
    for name, text in schemas.items():
        write_atomic(output / name, text)
        err.print(f"wrote {escape(str(output / name))}")


def main() -> None:
    """Console entry point: domain errors become one line and an exit code, never a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
