"""`iki import`: an office's Word IKI document → a draft definitions root."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import command
from .console import escape, out
from .options import LangOpt, check_lang


@command("import")
def import_(
    document: Annotated[Path, typer.Argument(
        metavar="DOCUMENT", help="The office's IKI document (.docx).", show_default=False)],
    output: Annotated[Path, typer.Option(
        "-o", "--output", help="Folder for the draft definitions root (new or empty).",
        show_default=False)],
    lang: LangOpt = "id",
) -> None:
    """Turn an office's Word IKI document into a draft definitions root to review."""
    from ..importers import import_document

    check_lang(lang)
    summary = import_document(document, output, lang)
    for line in summary.lines(lang):
        out.print(escape(line))
