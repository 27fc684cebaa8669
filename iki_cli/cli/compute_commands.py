"""`iki compute` and `iki template`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import ProblemsError, UsageError
from ..i18n import t
from .app import command
from .console import err, escape, out, print_problems
from .options import (
    REPORT_FORMATS,
    Angka,
    AngkaOpt,
    DefinitionsOpt,
    DelimiterOpt,
    LangOpt,
    PeriodOpt,
    TemplatesOpt,
    check_inputs,
    check_lang,
    load_valid,
    output_file,
    output_folder,
    parse_delimiter,
    parse_formats,
    parse_period_option,
    path_argument,
    templates_folder,
)
from .policy import gc_kept, gc_paused

if TYPE_CHECKING:
    from ..definitions.loading import Definitions
    from ..evaluation.results import Report


@command()
def compute(
    periode: PeriodOpt,
    values: Annotated[list[Path], typer.Option(
        "-v", "--values", parser=path_argument,
        help="Values file (CSV or .xlsx); repeat for several files.")],
    definitions: DefinitionsOpt = Path("definitions"),
    output: Annotated[Path, typer.Option("-o", "--output", parser=path_argument,
                                         help="Folder for the reports.")] = Path("laporan"),
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
    rev: Annotated[str | None, typer.Option(
        "--rev", help="Compute with the definitions of this git revision (e.g. the tag of the "
        "adopted Perjanjian Kinerja, pk-2026) instead of the working tree.",
        show_default=False)] = None,
    strict: Annotated[bool, typer.Option(
        help="Exit 1 when a value warning is found or any result is not `lengkap`.")] = False,
) -> None:
    """Compute every indicator for a period from measured values and write the reports."""
    from ..evaluation.compute import compute as run
    from ..values.reading import read_values

    period = parse_period_option(periode)
    delim = parse_delimiter(delimiter)
    chosen = parse_formats(formats, REPORT_FORMATS)
    check_lang(lang)
    output_folder(output)
    templates = templates_folder(templates)
    revision = None
    if rev is not None:
        defs, revision = _definitions_at(definitions, rev)
    else:
        defs = load_valid(definitions)
    try:
        with gc_kept():
            data = read_values(check_inputs(values), defs.variables, notation=angka.value,
                               delimiter=delim, sheet=sheet)
    except ProblemsError as exc:
        print_problems(exc.problems)
        raise
    warnings = [p for p in data.problems if p.level == "warning"]
    print_problems(warnings)
    report = run(defs, data, period)
    if revision is not None:
        report.definisi = revision
        err.print(t("cli.definitions-at", revision=escape(revision)))
    files = render_outputs(report, defs, chosen, output, lang, templates)
    from .summary import summary

    out.print(summary(report, defs, lang))
    for path in files:
        err.print(t("cli.wrote", path=escape(str(path))))
    if strict and (warnings or any(r.status != "lengkap" for r in report.hasil)):
        raise typer.Exit(1)


def _definitions_at(definitions: Path, rev: str) -> tuple[Definitions, str]:
    """The valid definitions at `rev` (problems printed and exit 1 when they are not)."""
    from ..diff.sides import InvalidSide, definitions_at

    try:
        with gc_kept():
            return definitions_at(definitions, rev)
    except InvalidSide as exc:
        print_problems(exc.problems)
        raise


def render_outputs(report: Report, defs: Definitions, formats: list[str], output: Path,
                   lang: str, templates: Path | None) -> list[Path]:
    """Render every format in memory, then write them all atomically."""
    from ..export.atomic import write_all
    from ..export.results import to_csv, to_json

    pages = [fmt for fmt in formats if fmt in ("md", "html")]
    rendered: dict[str, str] = {}
    if pages:
        from ..render import render_reports

        # Rendering makes short-lived objects only: collector passes would free little.
        with gc_paused():
            rendered = render_reports(report, defs, pages, lang, templates)
    contents: dict[Path, str] = {}
    for fmt in formats:
        path = output / f"iki-{report.periode}.{fmt}"
        if fmt == "json":
            contents[path] = to_json(report, defs, lang)
        elif fmt == "csv":
            contents[path] = to_csv(report, defs, lang)
        else:
            contents[path] = rendered[fmt]
    write_all(contents)
    return list(contents)


# A CSV template (.csv, or .tsv with --delimiter tab) or the data-entry workbook (.xlsx).
TEMPLATE_SUFFIXES = (".csv", ".tsv", ".xlsx")


def _exists_as_file(path: Path) -> bool:
    try:
        return path.exists() and not path.is_dir()
    except OSError:
        return False


@command()
def template(
    periode: PeriodOpt,
    definitions: DefinitionsOpt = Path("definitions"),
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", parser=path_argument,
        help="File to write (.csv, or .xlsx for a workbook); without it the CSV is printed. "
        "With --per-sumber: the folder for the workbooks.")]
    = None,
    angka: AngkaOpt = Angka.id,
    delimiter: DelimiterOpt = None,
    per_sumber: Annotated[bool, typer.Option(
        "--per-sumber", help="Write one .xlsx workbook per sumber_data into the folder -o, "
        "so each data source gets only its own rows (no sumber_data: lainnya.xlsx).")]
    = False,
) -> None:
    """Write a values template for a period: one empty row per variable used."""
    from ..forms.csvform import template_csv

    period = parse_period_option(periode)
    delim = parse_delimiter(delimiter)
    folder: Path | None = None
    if per_sumber:
        if output is None:
            raise UsageError(t("cli.per-sumber-needs-folder", example=f"nilai-{period.code}"))
        if output.suffix.lower() in TEMPLATE_SUFFIXES + (".xlsm",) or (
                _exists_as_file(output)):
            raise UsageError(t("cli.per-sumber-not-file", path=str(output)))
        folder = output_folder(output)
    elif output is not None:
        output_file(output)  # a device or a FIFO is refused as such, whatever its name
        if output.suffix.lower() in (".xlsm", ".xls", ".ods"):
            raise UsageError(t("cli.template-workbook-suffix", path=str(output)))
        if output.suffix.lower() not in TEMPLATE_SUFFIXES:
            raise UsageError(t("cli.template-suffix", path=str(output),
                               suffix=output.suffix or "–"))
    defs = load_valid(definitions)
    if folder is not None:
        from ..export.atomic import write_all
        from ..forms.workbook import template_workbooks

        files = {folder / name: data for name, data in template_workbooks(defs, period).items()}
        write_all(files)  # every workbook or none
        for path in files:
            err.print(t("cli.wrote", path=escape(str(path))))
        return
    if output is not None and output.suffix.lower() == ".xlsx":
        from ..export.atomic import write_atomic
        from ..forms.workbook import template_workbook

        write_atomic(output, template_workbook(defs, period))
        err.print(t("cli.wrote", path=escape(str(output))))
        return
    text = template_csv(defs, period, notation=angka.value, delimiter=delim)
    if output is None:
        sys.stdout.write(text)
        return
    from ..export.atomic import write_atomic

    # A byte order mark lets Excel open the UTF-8 file with the right characters.
    write_atomic(output, "\ufeff" + text)
    err.print(t("cli.wrote", path=escape(str(output))))
