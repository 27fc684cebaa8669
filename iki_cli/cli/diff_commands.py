"""`iki diff` and `iki doc`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import ProblemsError, UsageError
from ..i18n import t
from .app import command
from .console import err, escape, fail, out, print_problems
from .options import (
    Angka,
    AngkaOpt,
    DefinitionsOpt,
    DelimiterOpt,
    LangOpt,
    TemplatesOpt,
    check_lang,
    load_valid,
    output_folder,
    parse_delimiter,
    parse_formats,
    parse_period_option,
    path_argument,
    templates_folder,
)
from .policy import gc_kept

if TYPE_CHECKING:
    from ..definitions.loading import Definitions
    from ..diff.compare import DiffResult
    from ..diff.describe import Part
    from ..diff.impact_describe import Preview
    from ..periods import Period
    from ..values.ingest import NotationChoice


FAIL_ON = ("breaking", "predikat")


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
        "--fail-on", help="`breaking`: exit 1 when a breaking change is present; `predikat`: "
        "exit 1 when any predikat changes (with -p); both: `breaking,predikat` (CI gates).",
        show_default=False)] = None,
    periode: Annotated[str | None, typer.Option(
        "-p", "--periode", help="Impact preview: compute both sides for this period on the "
        "values given with -v, and list every indicator whose numbers change.",
        show_default=False)] = None,
    values: Annotated[list[Path] | None, typer.Option(
        "-v", "--values", help="Values file (CSV or workbook) for the impact preview; repeat "
        "for several files.", show_default=False)] = None,
    angka: AngkaOpt = Angka.auto,
    delimiter: DelimiterOpt = None,
    lang: LangOpt = "id",
) -> None:
    """Show what changed in the definitions between two git revisions, by id and field;
    with -p and -v, also what the change does to the numbers (impact preview)."""
    from ..diff import describe
    from ..diff.sides import InvalidSide, diff_sides

    # Plain str options checked here: typer's choice types would need module-level enums.
    if format not in ("text", "md", "json"):
        raise UsageError(t("cli.diff-bad-format", value=format))
    gates = [g.strip() for g in (fail_on or "").split(",") if g.strip()]
    if fail_on is not None and (not gates or any(g not in FAIL_ON for g in gates)):
        raise UsageError(t("cli.diff-bad-fail-on", value=fail_on))
    if (periode is None) != (not values):
        raise UsageError(t("cli.diff-preview-needs"))
    if "predikat" in gates and periode is None:
        raise UsageError(t("cli.diff-predikat-needs"))
    check_lang(lang)
    period = parse_period_option(periode) if periode is not None else None
    delim = parse_delimiter(delimiter)
    try:
        old, new, result = diff_sides(definitions, base, head)
    except InvalidSide as exc:
        print_problems(exc.problems)
        raise
    preview = None
    if period is not None and values:
        preview = _preview(old.defs, new.defs, result, values, period, angka.value, delim)
    if format == "json":
        sys.stdout.write(_json(result, preview))
    elif format == "md":
        sys.stdout.write(describe.to_markdown(result))
        if preview is not None:
            from ..diff.impact_describe import to_markdown

            sys.stdout.write("\n" + to_markdown(preview, lang))
    else:
        _print_changes(result, base)
        if preview is not None:
            _print_preview(preview, lang)
    if "breaking" in gates and result.has_breaking:
        fail(t("cli.diff-breaking", count=describe.counts(result)["breaking"]), 1)
    if "predikat" in gates and preview is not None:
        from ..diff.impact import predikat_changed

        moved = predikat_changed(preview.effects)
        if moved:
            fail(t("cli.diff-predikat-moved", count=len(moved)), 1)


def _preview(old_defs: Definitions | None, new_defs: Definitions | None, result: DiffResult,
             files: list[Path], period: Period, notation: NotationChoice,
             delimiter: str | None
             ) -> Preview:
    """Both sides computed on the same values: the effects of the change on the numbers."""
    from ..definitions.loading import Definitions as Empty
    from ..diff.impact import impact, union_catalogue
    from ..diff.impact_describe import Preview
    from ..values.reading import read_values

    old = old_defs if old_defs is not None else Empty(root=Path("."))
    new = new_defs if new_defs is not None else Empty(root=Path("."))
    try:
        with gc_kept():
            data = read_values(files, union_catalogue(old, new), notation=notation,
                               delimiter=delimiter)
    except ProblemsError as exc:
        print_problems(exc.problems)
        raise
    print_problems([p for p in data.problems if p.level == "warning"])
    with gc_kept():  # both sides' results are kept to the end
        effects = impact(old, new, data, period, result.changes)
    titles = {j.model.id: j.model.jabatan for j in old.jabatan}
    titles.update({j.model.id: j.model.jabatan for j in new.jabatan})
    return Preview(period.code, tuple(str(f) for f in files), tuple(effects), titles)


def _json(result: DiffResult, preview: Preview | None) -> str:
    import json

    data = result.to_dict()
    if preview is not None:
        from ..diff.impact_describe import dampak

        data.update({"periode": preview.periode, "nilai": list(preview.values),
                     "dampak": dampak(preview.effects)})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _print_changes(result: DiffResult, base: str) -> None:
    from ..diff import describe

    if not result.changes:
        out.print(t("cli.diff-no-changes", base=escape(base),
                    head=escape(describe.head_label(result))))
        return
    n = describe.counts(result)
    out.print(f"[bold]{escape(base)} → {escape(describe.head_label(result))}[/]: "
              + t("cli.diff-counts", breaking=n["breaking"], target=n["target"],
                  text=n["text"]))
    colours = {"breaking": "bold red", "target": "bold yellow", "text": "bold blue"}
    for klass in describe.CLASSES:
        group = result.of_class(klass)
        if group:
            out.print(f"\n[{colours[klass]}]{klass}[/]")
        for c in group:
            field = f" [bold]{escape(c.field)}[/]:" if c.field else ""
            out.print(f"  {escape(c.object)}{field} {_styled(describe.describe(c))}")


_STYLES = {"plain": "", "old": "red", "new": "green", "value": "cyan"}


def _styled(parts: list[Part]) -> str:
    return "".join(f"[{_STYLES[p.kind]}]{escape(p.text)}[/]" if _STYLES[p.kind]
                   else escape(p.text) for p in parts)


def _print_preview(preview: Preview, lang: str) -> None:
    from ..diff.impact_describe import to_text_lines
    from ..i18n import t

    out.print(f"\n[bold]{escape(t('diff.impact-heading', lang, period=preview.periode))}[/]")
    if not preview.effects:
        out.print(escape(t("diff.no-impact", lang)))
        return
    for kind, parts in to_text_lines(preview, lang):
        out.print(("" if kind == "position" else "  ") + _styled(parts))


@command()
def doc(
    definitions: DefinitionsOpt = Path("definitions"),
    output: Annotated[Path, typer.Option("-o", "--output", parser=path_argument,
                                         help="Folder for the document.")] = Path("laporan"),
    formats: Annotated[str, typer.Option(
        "-f", "--format", help="Comma-separated formats: md, html, docx (Word).")] = "md,html",
    lang: LangOpt = "id",
    templates: TemplatesOpt = None,
) -> None:
    """Render the IKI document itself: per position its tasks, functions, objectives,
    indicators with formulas written out and data sources. Writes DIR/iki-dokumen.<ext>."""
    from ..export.atomic import write_all
    from ..render import render_document

    chosen = parse_formats(formats, ("md", "html", "docx"))
    lang = check_lang(lang)
    output_folder(output)
    templates = templates_folder(templates)
    defs = load_valid(definitions)
    contents: dict[Path, str | bytes] = {}
    for fmt in chosen:
        if fmt == "docx":
            from ..render.context import document_context
            from ..render.docx import document_docx

            contents[output / "iki-dokumen.docx"] = document_docx(document_context(defs, lang))
        else:
            contents[output / f"iki-dokumen.{fmt}"] = render_document(defs, fmt, lang,
                                                                      templates)
    write_all(contents)
    for path in contents:
        err.print(escape(t("cli.wrote", path=str(path))))
