"""`iki compute` and `iki template`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import ProblemsError, UsageError
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
    check_lang,
    load_valid,
    parse_delimiter,
    parse_formats,
    parse_period_option,
)
from .policy import gc_kept, gc_paused

if TYPE_CHECKING:
    from ..definitions.loading import Definitions
    from ..evaluation.results import Report
    from ..periods import Period
    from ..values.analysis import Analisis


@command()
def compute(
    periode: PeriodOpt,
    values: Annotated[list[Path], typer.Option(
        "-v", "--values", help="Values file (CSV or .xlsx); repeat for several files.")],
    definitions: DefinitionsOpt = Path("definitions"),
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the reports.")]
    = Path("laporan"),
    formats: Annotated[str, typer.Option(
        "-f", "--format", help="Comma-separated formats: md, html, json, csv, xlsx.")]
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
    analisis: Annotated[Path | None, typer.Option(
        "--analisis", help="The office's analysis of the period (CSV or .xlsx): faktor "
        "pendukung, faktor penghambat and tindak lanjut per indicator.")] = None,
    strict: Annotated[bool, typer.Option(
        help="Exit 1 when a value warning is found or any result is not `lengkap`; with "
        "--analisis also when an indicator below target has no faktor_penghambat.")] = False,
) -> None:
    """Compute every indicator for a period from measured values and write the reports."""
    from ..evaluation.compute import compute as run
    from ..values.reading import read_values

    period = parse_period_option(periode)
    delim = parse_delimiter(delimiter)
    chosen = parse_formats(formats, REPORT_FORMATS)
    check_lang(lang)
    revision = None
    if rev is not None:
        defs, revision = _definitions_at(definitions, rev)
    else:
        defs = load_valid(definitions)
    try:
        with gc_kept():
            data = read_values(values, defs.variables, notation=angka.value,
                               delimiter=delim, sheet=sheet)
    except ProblemsError as exc:
        print_problems(exc.problems)
        raise
    warnings = [p for p in data.problems if p.level == "warning"]
    print_problems(warnings)
    analyses = _analyses(analisis, defs, period, delim)
    report = run(defs, data, period, analyses=analyses)
    if revision is not None:
        report.definisi = revision
        err.print(f"definitions at {escape(revision)}")
    files = render_outputs(report, defs, chosen, output, lang, templates)
    from .summary import summary

    out.print(summary(report, defs, lang))
    for path in files:
        err.print(f"wrote {escape(str(path))}")
    if strict and (warnings or any(r.status != "lengkap" for r in report.hasil)):
        raise typer.Exit(1)
    if strict and analyses is not None and _unexplained(report):
        raise typer.Exit(1)


def _analyses(path: Path | None, defs: Definitions, period: Period,
              delimiter: str | None) -> dict[tuple[str, str], Analisis] | None:
    """The analysis file's rows for `period` (its warnings printed), or None without one."""
    if path is None:
        return None
    from ..values.analysis import read_analysis

    try:
        found, problems = read_analysis(path, defs, period, delimiter)
    except ProblemsError as exc:
        print_problems(exc.problems)
        raise
    print_problems(problems)
    return found


def _unexplained(report: Report) -> bool:
    """Print the indicators below target without a hindering factor; True when any is."""
    from ..evaluation.history import unexplained
    from ..i18n import t

    missing = unexplained(report.hasil)
    if missing:
        err.print(escape(t("values.analysis-unexplained", count=len(missing), indicators=", ".join(
            f"{r.jabatan}/{r.indikator}" for r in missing))))
    return bool(missing)


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
    rendered: dict[str, bytes] = {}
    if pages:
        from ..render import render_reports

        # Rendering makes short-lived objects only: collector passes would free little.
        with gc_paused():
            rendered = render_reports(report, defs, pages, lang, templates, encoded=True)
    contents: dict[Path, str | bytes] = {}
    for fmt in formats:
        path = output / f"iki-{report.periode}.{fmt}"
        if fmt == "json":
            contents[path] = to_json(report, defs, lang)
        elif fmt == "csv":
            contents[path] = to_csv(report, defs, lang)
        elif fmt == "xlsx":
            from ..export.workbook import report_workbook

            contents[path] = report_workbook(report, defs, lang)
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
    analisis: Annotated[bool, typer.Option(
        "--analisis", help="Write the analysis table instead: one row per indicator for "
        "faktor_pendukung, faktor_penghambat and tindak_lanjut.")] = False,
    values: Annotated[list[Path] | None, typer.Option(
        "-v", "--values", help="With --analisis: values files whose realisasi and capaian "
        "are filled in beside each indicator.")] = None,
) -> None:
    """Write a values template for a period: one empty row per variable used."""
    from ..forms.csvform import template_csv

    period = parse_period_option(periode)
    delim = parse_delimiter(delimiter)
    if values and not analisis:
        raise UsageError("-v/--values is for the analysis table: add --analisis")
    if analisis:
        if per_sumber:
            raise UsageError("--analisis writes one table for the whole office; leave out "
                             "--per-sumber")
        _analysis_template(load_valid(definitions), period, values or [], output, angka,
                           delim)
        return
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
        from ..export.atomic import write_all
        from ..forms.workbook import template_workbooks

        files = {folder / name: data for name, data in template_workbooks(defs, period).items()}
        write_all(files)  # every workbook or none
        for path in files:
            err.print(f"wrote {escape(str(path))}")
        return
    if output is not None and output.suffix.lower() == ".xlsx":
        from ..export.atomic import write_atomic
        from ..forms.workbook import template_workbook

        write_atomic(output, template_workbook(defs, period))
        err.print(f"wrote {escape(str(output))}")
        return
    text = template_csv(defs, period, notation=angka.value, delimiter=delim)
    if output is None:
        sys.stdout.write(text)
        return
    from ..export.atomic import write_atomic

    # A byte order mark lets Excel open the UTF-8 file with the right characters.
    write_atomic(output, "\ufeff" + text)
    err.print(f"wrote {escape(str(output))}")


def _analysis_template(defs: Definitions, period: Period, values: list[Path],
                       output: Path | None, angka: Angka, delimiter: str | None) -> None:
    """`iki template --analisis`: the analysis table, with the numbers when values are given."""
    from ..export.atomic import write_atomic
    from ..forms.analysis import analysis_csv, analysis_workbook

    if output is not None and output.suffix.lower() in (".xlsm", ".xls", ".ods"):
        raise UsageError(f"cannot write `{output}`: the analysis table is written as .xlsx "
                         "(or give a .csv file)")
    report = None
    if values:
        from ..evaluation.compute import compute as run
        from ..values.reading import read_values

        try:
            with gc_kept():
                data = read_values(values, defs.variables)
        except ProblemsError as exc:
            print_problems(exc.problems)
            raise
        report = run(defs, data, period)
    if output is not None and output.suffix.lower() == ".xlsx":
        write_atomic(output, analysis_workbook(defs, period, report))
    else:
        text = analysis_csv(defs, period, report, notation=angka.value, delimiter=delimiter)
        if output is None:
            sys.stdout.write(text)
            return
        write_atomic(output, "\ufeff" + text)
    err.print(f"wrote {escape(str(output))}")
