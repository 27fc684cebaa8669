"""`iki list`, `iki show` and `iki tree`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from ..i18n import t
from .app import command
from .console import out
from .options import DefinitionsOpt, LangOpt, load_valid


class ListFormat(StrEnum):
    text = "text"
    json = "json"


@command("list")
def list_(
    definitions: DefinitionsOpt = Path("definitions"),
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="text or json.")]
    = ListFormat.text,
    lang: LangOpt = "id",
) -> None:
    """List the positions with their objectives and indicators."""
    from . import browse

    defs = load_valid(definitions)
    if format is ListFormat.json:
        sys.stdout.write(browse.list_json(defs))
    else:
        out.print(browse.list_table(defs, out.width))


@command()
def show(
    position: Annotated[str, typer.Argument(help="Position id, e.g. kepala-dinas.")],
    definitions: DefinitionsOpt = Path("definitions"),
    lang: LangOpt = "id",
) -> None:
    """Show one position: tasks, functions, objectives and indicators."""
    from . import browse

    defs = load_valid(definitions)
    positions = defs.positions
    if position not in positions:
        from ..problems import did_you_mean

        raise UsageError(t("cli.no-position", position=position,
                           hint=did_you_mean(position, positions)))
    out.print(browse.show_position(defs, position, out.width))


@command()
def tree(definitions: DefinitionsOpt = Path("definitions"), lang: LangOpt = "id") -> None:
    """Show the positions as a tree by `atasan`, with each objective's cascade link."""
    from . import browse

    out.print(browse.position_tree(load_valid(definitions)))
