"""`iki compute` and `iki template`."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import ProblemsError, UsageError
from ..i18n import language, t
from ..problems import Problem
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
    from ..periods import Period
    from ..render.source import Sumber
    from ..values.analysis import Analisis
    from ..values.ingest import Source


@command()
def compute(
    periode: PeriodOpt,
    files: Annotated[list[str] | None, typer.Argument(
        metavar="[FILE]...", show_default=False,
        help="Values files after the options: CSV, .xlsx, .xlsm, .ods or .xls files, folders "
        "(every values file directly in them, in name order) or quoted glob patterns "
        "('kirim/*.xlsx').")] = None,
    values: Annotated[list[str] | None, typer.Option(
        "-v", "--values", help="A values file, folder or glob pattern, as the arguments; "
        "repeat for several.")] = None,
    definitions: DefinitionsOpt = Path("definitions"),
    output: Annotated[Path, typer.Option("-o", "--output", parser=path_argument,
                                         help="Folder for the reports.")] = Path("laporan"),
    formats: Annotated[str, typer.Option(
        "-f", "--format", help="Comma-separated formats: md, html, json, csv, xlsx.")]
    = "md,html,json",
    lang: LangOpt = "id",
    angka: AngkaOpt = Angka.auto,
    delimiter: DelimiterOpt = None,
    sheet: Annotated[str | None, typer.Option(
        "--sheet", help="Worksheet to read from the workbooks (default: the first).")]
    = None,
    templates: TemplatesOpt = None,
    rev: Annotated[str | None, typer.Option(
        "--rev", help="Compute with the definitions of this git revision (e.g. the tag of the "
        "adopted Perjanjian Kinerja, pk-2026) instead of the working tree.",
        show_default=False)] = None,
    tanggal: Annotated[str | None, typer.Option(
        "--tanggal", metavar="YYYY-MM-DD", help="The date of signing, written on the "
        "signature's date line; without it the line is left blank to be dated by hand.",
        show_default=False)] = None,
    analisis: Annotated[Path | None, typer.Option(
        "--analisis", help="The office's analysis of the period (CSV or workbook): faktor "
        "pendukung, faktor penghambat and tindak lanjut per indicator.")] = None,
    strict: Annotated[bool, typer.Option(
        help="Exit 1 when a value warning is found or any result is not `lengkap`; with "
        "--analisis also when an indicator below target has no faktor_penghambat.")] = False,
) -> None:
    """Compute every indicator for a period from measured values and write the reports."""
    from ..evaluation.compute import compute as run
    from ..values.files import expand
    from ..values.reading import read_values

    # The command runs in the language of --lang, else $IKI_LANG, else `id` (`app.register`).
    lang = check_lang(lang)
    period = parse_period_option(periode)
    delim = parse_delimiter(delimiter)
    chosen = parse_formats(formats, REPORT_FORMATS)
    signed = parse_date_option(tanggal)
    output_folder(output)
    templates = templates_folder(templates)
    paths = expand(check_inputs([*(values or []), *(files or [])]))
    revision = None
    if rev is not None:
        defs, revision = _definitions_at(definitions, rev)
    else:
        defs = load_valid(definitions)
    try:
        with gc_kept():
            data = read_values(paths, defs.variables, notation=angka.value,
                               delimiter=delim, sheet=sheet)
    except ProblemsError as exc:
        print_problems(exc.problems)
        raise
    warnings = [p for p in data.problems if p.level == "warning"]
    print_problems(warnings)
    analyses = _analyses(analisis, defs, period, delim)
    with gc_kept():  # the results and their figures over time are kept to the end
        report = run(defs, data, period, analyses=analyses)
    broken = rule_problems(report, defs, strict)
    print_problems(broken)
    if revision is not None:
        report.definisi = revision
        err.print(escape(t("cli.definitions-at", revision=revision)))
    source = figures_source(definitions, data.sources, rev)
    written = render_outputs(report, defs, chosen, output, lang, templates, source, signed)
    from .summary import summary

    out.print(summary(report, defs, lang))
    for path in written:
        err.print(escape(t("cli.wrote", path=str(path))))
    if strict and (warnings or broken or any(r.status != "lengkap" for r in report.hasil)):
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

    missing = unexplained(report.hasil)
    if missing:
        err.print(escape(t("values.analysis-unexplained", count=len(missing),
                           indicators=", ".join(f"{r.jabatan}/{r.indikator}" for r in missing))))
    return bool(missing)


def parse_date_option(text: str | None) -> datetime.date | None:
    """The --tanggal value as a date; anything but a real YYYY-MM-DD date is a usage error."""
    if text is None:
        return None
    import re

    value = text.strip()
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise UsageError(t("cli.bad-date", value=text)) from None


def figures_source(definitions: Path, sources: list[Source], rev: str | None = None) -> Sumber:
    """Where the figures come from, for the reports' footer: the definitions' commit (or
    folder), the values files as given, the iki version."""
    from .. import __version__
    from ..diff.git import definitions_source
    from ..render.source import Sumber

    found = definitions_source(definitions, rev)
    files = tuple(dict.fromkeys(s.display for s in sources))
    return Sumber(found.folder, found.commit, found.tag, found.dirty, rev, files, __version__)


def rule_problems(report: Report, defs: Definitions, strict: bool) -> list[Problem]:
    """The broken plausibility rules of the period, at their `aturan` in variabel.yaml."""
    from ..evaluation.plausibility import BrokenRule
    from ..render.messages import pesan_text

    if defs.variabel is None:
        return []
    rules = [a.id for a in defs.variabel.model.aturan]
    found = []
    for rule in report.aturan:
        assert isinstance(rule, BrokenRule)
        line, column = defs.variabel.doc.pos(("aturan", rules.index(rule.aturan.id), "syarat"))
        text = pesan_text(rule.pesan(), language(), {})
        found.append(Problem(defs.variabel.path, line, column, "error" if strict else "warning",
                             "aturan", f"{report.periode}: {text}"))
    return found


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
                   lang: str, templates: Path | None, source: Sumber | None = None,
                   signed: datetime.date | None = None) -> list[Path]:
    """Render every format in memory, then write them all atomically."""
    from ..export.atomic import write_all
    from ..export.results import to_csv, to_json

    pages = [fmt for fmt in formats if fmt in ("md", "html")]
    rendered: dict[str, bytearray] = {}
    contents: dict[Path, str | bytes | bytearray] = {}
    # Rendering and encoding make short-lived objects only: collector passes would free
    # little.
    with gc_paused():
        if pages:
            from ..render import render_reports

            rendered = render_reports(report, defs, pages, lang, templates, sumber=source,
                                      tanggal=signed, encoded=True)
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
    lang: LangOpt = "id",
    analisis: Annotated[bool, typer.Option(
        "--analisis", help="Write the analysis table instead: one row per indicator for "
        "faktor_pendukung, faktor_penghambat and tindak_lanjut.")] = False,
    values: Annotated[list[str] | None, typer.Option(
        "-v", "--values", help="With --analisis: values files (folders, glob patterns) whose "
        "realisasi and capaian are filled in beside each indicator.")] = None,
) -> None:
    """Write a values template for a period: one empty row per variable used."""
    from ..forms.csvform import template_csv

    period = parse_period_option(periode)
    delim = parse_delimiter(delimiter)
    if values and not analisis:
        raise UsageError(t("cli.analysis-values-need-analisis"))
    if analisis:
        if per_sumber:
            raise UsageError(t("cli.analysis-not-per-sumber"))
        _analysis_template(load_valid(definitions), period, values or [], output, angka, delim)
        return
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
            raise UsageError(t("cli.template-workbook-xlsx", path=str(output)))
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
            err.print(escape(t("cli.wrote", path=str(path))))
        return
    if output is not None and output.suffix.lower() == ".xlsx":
        from ..export.atomic import write_atomic
        from ..forms.workbook import template_workbook

        write_atomic(output, template_workbook(defs, period))
        err.print(escape(t("cli.wrote", path=str(output))))
        return
    text = template_csv(defs, period, notation=angka.value, delimiter=delim)
    if output is None:
        sys.stdout.write(text)
        return
    from ..export.atomic import write_atomic

    # A byte order mark lets Excel open the UTF-8 file with the right characters.
    write_atomic(output, "\ufeff" + text)
    err.print(escape(t("cli.wrote", path=str(output))))


def _analysis_template(defs: Definitions, period: Period, values: list[str],
                       output: Path | None, angka: Angka, delimiter: str | None) -> None:
    """`iki template --analisis`: the analysis table, with the numbers when values are given."""
    from ..export.atomic import write_atomic
    from ..forms.analysis import analysis_csv, analysis_workbook

    if output is not None and output.suffix.lower() in (".xlsm", ".xls", ".ods"):
        raise UsageError(t("cli.analysis-workbook-xlsx", path=str(output)))
    report = None
    if values:
        from ..evaluation.compute import compute as run
        from ..values.files import expand
        from ..values.reading import read_values

        try:
            with gc_kept():
                data = read_values(expand(values), defs.variables)
        except ProblemsError as exc:
            print_problems(exc.problems)
            raise
        with gc_kept():
            report = run(defs, data, period)
    if output is not None and output.suffix.lower() == ".xlsx":
        write_atomic(output, analysis_workbook(defs, period, report))
    else:
        text = analysis_csv(defs, period, report, notation=angka.value, delimiter=delimiter)
        if output is None:
            sys.stdout.write(text)
            return
        write_atomic(output, "\ufeff" + text)  # a byte order mark: Excel reads it as UTF-8
    err.print(escape(t("cli.wrote", path=str(output))))
