"""`iki diff` and `iki doc`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from ..i18n import t
from .app import command
from .console import err, escape, fail, out, print_problems
from .options import (
    DefinitionsOpt,
    LangOpt,
    TemplatesOpt,
    check_lang,
    load_valid,
    output_folder,
    parse_formats,
    path_argument,
    templates_folder,
)


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
    from ..diff import describe
    from ..diff.sides import InvalidSide, diff_definitions

    # Plain str options checked here: typer's choice types would need module-level enums.
    if format not in ("text", "md", "json"):
        raise UsageError(t("cli.diff-bad-format", value=format))
    if fail_on not in (None, "breaking"):
        raise UsageError(t("cli.diff-bad-fail-on", value=fail_on))
    try:
        result = diff_definitions(definitions, base, head)
    except InvalidSide as exc:
        print_problems(exc.problems)
        raise
    if format == "json":
        sys.stdout.write(describe.to_json(result))
    elif format == "md":
        sys.stdout.write(describe.to_markdown(result))
    elif not result.changes:
        out.print(t("cli.diff-no-changes", base=escape(base),
                    head=escape(describe.head_label(result))))
    else:
        n = describe.counts(result)
        out.print(f"[bold]{escape(base)} → {escape(describe.head_label(result))}[/]: "
                  + t("cli.diff-counts", breaking=n["breaking"], target=n["target"],
                      text=n["text"]))
        styles = {"plain": "", "old": "red", "new": "green", "value": "cyan"}
        colours = {"breaking": "bold red", "target": "bold yellow", "text": "bold blue"}
        for klass in describe.CLASSES:
            group = result.of_class(klass)
            if group:
                out.print(f"\n[{colours[klass]}]{klass}[/]")
            for c in group:
                what = "".join(f"[{styles[p.kind]}]{escape(p.text)}[/]" if styles[p.kind]
                               else escape(p.text) for p in describe.describe(c))
                field = f" [bold]{escape(c.field)}[/]:" if c.field else ""
                out.print(f"  {escape(c.object)}{field} {what}")
    if fail_on == "breaking" and result.has_breaking:
        fail(t("cli.diff-breaking", count=describe.counts(result)["breaking"]), 1)


@command()
def doc(
    definitions: DefinitionsOpt = Path("definitions"),
    output: Annotated[Path, typer.Option("-o", "--output", parser=path_argument,
                                         help="Folder for the document.")] = Path("laporan"),
    formats: Annotated[str, typer.Option(
        "-f", "--format", help="Comma-separated formats: md, html.")] = "md,html",
    lang: LangOpt = "id",
    templates: TemplatesOpt = None,
) -> None:
    """Render the IKI document itself: per position its tasks, functions, objectives,
    indicators with formulas written out and data sources. Writes DIR/iki-dokumen.<ext>."""
    from ..export.atomic import write_all
    from ..render import render_document

    chosen = parse_formats(formats, ("md", "html"))
    check_lang(lang)
    output_folder(output)
    templates = templates_folder(templates)
    defs = load_valid(definitions)
    contents: dict[Path, str | bytes] = {
        output / f"iki-dokumen.{fmt}": render_document(defs, fmt, lang, templates)
        for fmt in chosen}
    write_all(contents)
    for path in contents:
        err.print(t("cli.wrote", path=escape(str(path))))
