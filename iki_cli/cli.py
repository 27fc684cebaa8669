"""The `iki` command line: options in, calls to the core, reporters out, exit codes.

Exit codes: 0 success; 1 invalid definitions or data (or, with --strict,
warnings / incomplete results); 2 wrong usage.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from . import __version__
from .problems import IkiError, Problem, ProblemsError, UsageError

if TYPE_CHECKING:
    from .definitions import Definitions
    from .evaluate import Report
    from .periods import Period

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


class _LazyConsole:
    """A rich Console built on first use, so `iki --version` and `--help` start fast."""

    def __init__(self, **options: Any):
        self._options = options
        self._console: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return getattr(self._console, name)


out = _LazyConsole(highlight=False, soft_wrap=True)
err = _LazyConsole(stderr=True, highlight=False, soft_wrap=True)


def escape(text: str) -> str:
    """Escape rich markup in user text."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)

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


def load_valid(root: Path) -> Definitions:
    """Validated definitions; errors are printed and end the command with exit 1."""
    from .checks import validate
    from .definitions import gc_kept

    with gc_kept():
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
    version: Annotated[bool | None, typer.Option(
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")] = None,
) -> None:
    """Indikator Kinerja Individu as code: validate definitions, compute achievement, render
    reports."""


class ValidateFormat(StrEnum):
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
    from .definitions import gc_kept
    from .reporters import REPORTER_BY_NAME

    with gc_kept():
        defs, problems = run(require_root(definitions))
    sys.stdout.write(REPORTER_BY_NAME[format.value](problems, defs.files))
    if any(p.level == "error" for p in problems) or (strict and problems):
        raise typer.Exit(1)


class ListFormat(StrEnum):
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
    output: Annotated[Path | None, typer.Option(
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


class Angka(StrEnum):
    auto = "auto"
    id = "id"
    en = "en"


AngkaOpt = Annotated[Angka, typer.Option(
    "--angka", help="Number notation of the values: id (1.234,5), en (1,234.5) or auto "
    "(id for ;-separated files and for text cells of workbooks, en otherwise).")]
DelimiterOpt = Annotated[str | None, typer.Option(
    "--delimiter", help="CSV delimiter: ',', ';' or 'tab' (default: detected from the header).")]
PeriodOpt = Annotated[str, typer.Option(
    "-p", "--periode", help="Period: 2026, 2026-S1, 2026-TW1 (or 2026-Q1), 2026-01.")]
LangOpt = Annotated[str, typer.Option("--lang", help="Report language: id or en.")]
TemplatesOpt = Annotated[Path | None, typer.Option(
    "--templates", help="Folder of your own Jinja templates, tried before the built-in ones.")]
REPORT_FORMATS = ("md", "html", "json", "csv")


def parse_period_option(text: str) -> Period:
    """The -p value as a Period, or a usage error naming the accepted forms."""
    from .periods import PeriodError, parse_period

    try:
        return parse_period(text)
    except PeriodError as exc:
        raise UsageError(str(exc)) from None


def parse_formats(text: str, allowed: tuple[str, ...]) -> list[str]:
    """`md,html` → ["md", "html"]; an unknown name is a usage error."""
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in allowed]
    if unknown or not formats:
        raise UsageError(f"unknown format `{','.join(unknown) or text}`; choose from "
                         + ", ".join(allowed))
    return list(dict.fromkeys(formats))


def check_lang(lang: str) -> str:
    from .i18n import LANGS

    if lang not in LANGS:
        raise UsageError(f"unknown language `{lang}`; choose id or en")
    return lang


@command()
def compute(
    periode: PeriodOpt,
    values: Annotated[list[Path], typer.Option(
        "-v", "--values", help="Values file (CSV or .xlsx); repeat for several files.")],
    definitions: DefinitionsOpt = Path("definitions"),
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the reports.")]
    = Path("laporan"),
    formats: Annotated[str, typer.Option(
        "-f", "--format", help="Comma-separated formats: md, html, json, csv.")]
    = "md,html,json",
    lang: LangOpt = "id",
    angka: AngkaOpt = Angka.auto,
    delimiter: DelimiterOpt = None,
    sheet: Annotated[str | None, typer.Option(
        "--sheet", help="Worksheet to read from .xlsx values files (default: the first).")]
    = None,
    templates: TemplatesOpt = None,
    strict: Annotated[bool, typer.Option(
        help="Exit 1 when a value warning is found or any result is not `lengkap`.")] = False,
) -> None:
    """Compute every indicator for a period from measured values and write the reports."""
    from .definitions import gc_kept
    from .evaluate import compute as run
    from .values import read_values

    period = parse_period_option(periode)
    chosen = parse_formats(formats, REPORT_FORMATS)
    check_lang(lang)
    defs = load_valid(definitions)
    try:
        with gc_kept():
            data = read_values(values, defs.variables, notation=angka.value,
                               delimiter=delimiter, sheet=sheet)
    except ProblemsError as exc:
        print_problems(exc.problems)
        raise
    warnings = [p for p in data.problems if p.level == "warning"]
    print_problems(warnings)
    report = run(defs, data, period, lang)
    files = render_outputs(report, defs, chosen, output, lang, templates)
    from .summary import summary

    out.print(summary(report, lang))
    for path in files:
        err.print(f"wrote {escape(str(path))}")
    if strict and (warnings or any(r.status != "lengkap" for r in report.hasil)):
        raise typer.Exit(1)


def render_outputs(report: Report, defs: Definitions, formats: list[str], output: Path,
                   lang: str, templates: Path | None) -> list[Path]:
    """Render every format in memory, then write them all atomically."""
    from .outputs import write_all
    from .results import to_csv, to_json

    pages = [fmt for fmt in formats if fmt in ("md", "html")]
    rendered: dict[str, str] = {}
    if pages:
        from .definitions import gc_paused
        from .render import render_reports

        # Rendering makes short-lived objects only: collector passes would free little.
        with gc_paused():
            rendered = render_reports(report, defs, pages, lang, templates)
    contents: dict[Path, str] = {}
    for fmt in formats:
        path = output / f"iki-{report.periode}.{fmt}"
        if fmt == "json":
            contents[path] = to_json(report)
        elif fmt == "csv":
            contents[path] = to_csv(report)
        else:
            contents[path] = rendered[fmt]
    if output.exists() and not output.is_dir():
        raise UsageError(f"output `{output}` exists and is not a folder")
    write_all(contents)
    return list(contents)


@command()
def template(
    periode: PeriodOpt,
    definitions: DefinitionsOpt = Path("definitions"),
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="File to write (.csv, or .xlsx for a workbook); "
        "without it the CSV is printed. With --per-sumber: the folder for the workbooks.")]
    = None,
    angka: AngkaOpt = Angka.id,
    delimiter: DelimiterOpt = None,
    per_sumber: Annotated[bool, typer.Option(
        "--per-sumber", help="Write one .xlsx workbook per sumber_data into the folder -o, "
        "so each data source gets only its own rows (no sumber_data: lainnya.xlsx).")]
    = False,
) -> None:
    """Write a values template for a period: one empty row per variable used."""
    from .template import template_csv

    period = parse_period_option(periode)
    folder: Path | None = None
    if per_sumber:
        if output is None:
            raise UsageError("--per-sumber writes one workbook per data source: give the "
                             f"folder with -o, e.g. -o nilai-{period.code}")
        if output.suffix.lower() in (".xlsx", ".xlsm", ".csv") or (
                output.exists() and not output.is_dir()):
            raise UsageError(f"with --per-sumber, -o names a folder, not the file `{output}`")
        folder = output
    elif output is not None and output.suffix.lower() in (".xlsm", ".xls", ".ods"):
        raise UsageError(f"cannot write `{output}`: the workbook template is written as .xlsx "
                         "(or give a .csv file)")
    defs = load_valid(definitions)
    if folder is not None:
        from .outputs import write_all
        from .xlsx import template_workbooks

        files = {folder / name: data for name, data in template_workbooks(defs, period).items()}
        write_all(files)  # every workbook or none
        for path in files:
            err.print(f"wrote {escape(str(path))}")
        return
    if output is not None and output.suffix.lower() == ".xlsx":
        from .outputs import write_atomic
        from .xlsx import template_workbook

        write_atomic(output, template_workbook(defs, period))
        err.print(f"wrote {escape(str(output))}")
        return
    text = template_csv(defs, period, notation=angka.value, delimiter=delimiter)
    if output is None:
        sys.stdout.write(text)
        return
    from .outputs import write_atomic

    # A byte order mark lets Excel open the UTF-8 file with the right characters.
    write_atomic(output, "\ufeff" + text)
    err.print(f"wrote {escape(str(output))}")


@command()
def diff(
    base: Annotated[str, typer.Argument(
        metavar="BASE", help="Git revision to compare from: branch, tag or commit.")] = "HEAD",
    head: Annotated[str | None, typer.Argument(
        metavar="HEAD", help="Git revision to compare to; without it, the working tree.",
        show_default=False)] = None,
    definitions: DefinitionsOpt = Path("definitions"),
    format: Annotated[str, typer.Option(
        "--format", "-f", help="Output: text, md (to paste into a review) or json.")] = "text",
    fail_on: Annotated[str | None, typer.Option(
        "--fail-on", help="`breaking`: exit 1 when a breaking change is present (CI gate).",
        show_default=False)] = None,
) -> None:
    """Show what changed in the definitions between two git revisions, by id and field."""
    from . import diff as core

    # Plain str options checked here: typer's choice types would need module-level enums.
    if format not in ("text", "md", "json"):
        raise UsageError(f"--format must be text, md or json, not `{format}`")
    if fail_on not in (None, "breaking"):
        raise UsageError(f"--fail-on must be `breaking`, not `{fail_on}`")
    try:
        result = core.diff_definitions(definitions, base, head)
    except core.InvalidSide as exc:
        print_problems(exc.problems)
        raise
    if format == "json":
        sys.stdout.write(core.to_json(result))
    elif format == "md":
        sys.stdout.write(core.to_markdown(result))
    elif not result.changes:
        out.print(f"No changes to the definitions between {escape(base)} and "
                  f"{escape(core.head_label(result))}.")
    else:
        n = core.counts(result)
        out.print(f"[bold]{escape(base)} → {escape(core.head_label(result))}[/]: "
                  f"{n['breaking']} breaking, {n['target']} target, {n['text']} text")
        styles = {"plain": "", "old": "red", "new": "green", "value": "cyan"}
        colours = {"breaking": "bold red", "target": "bold yellow", "text": "bold blue"}
        for klass in core.CLASSES:
            group = result.of_class(klass)
            if group:
                out.print(f"\n[{colours[klass]}]{klass}[/]")
            for c in group:
                what = "".join(f"[{styles[p.kind]}]{escape(p.text)}[/]" if styles[p.kind]
                               else escape(p.text) for p in core.describe(c))
                field = f" [bold]{escape(c.field)}[/]:" if c.field else ""
                out.print(f"  {escape(c.object)}{field} {what}")
    if fail_on == "breaking" and result.has_breaking:
        fail(f"{core.counts(result)['breaking']} breaking change(s) (--fail-on breaking)", 1)


@command()
def doc(
    definitions: DefinitionsOpt = Path("definitions"),
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the document.")]
    = Path("laporan"),
    formats: Annotated[str, typer.Option(
        "-f", "--format", help="Comma-separated formats: md, html.")] = "md,html",
    lang: LangOpt = "id",
    templates: TemplatesOpt = None,
) -> None:
    """Render the IKI document itself: per position its tasks, functions, objectives,
    indicators with formulas written out and data sources. Writes DIR/iki-dokumen.<ext>."""
    from .outputs import write_all
    from .render import render_document

    chosen = parse_formats(formats, ("md", "html"))
    check_lang(lang)
    defs = load_valid(definitions)
    if output.exists() and not output.is_dir():
        raise UsageError(f"output `{output}` exists and is not a folder")
    contents: dict[Path, str | bytes] = {
        output / f"iki-dokumen.{fmt}": render_document(defs, fmt, lang, templates)
        for fmt in chosen}
    write_all(contents)
    for path in contents:
        err.print(f"wrote {escape(str(path))}")


def main() -> None:
    """Console entry point: domain errors become one line and an exit code, never a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
