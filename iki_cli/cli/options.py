"""The options shared by several commands, and the checks of their values."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import ProblemsError, UsageError
from .console import print_problems
from .policy import gc_kept

if TYPE_CHECKING:
    from ..definitions.loading import Definitions
    from ..periods import Period

DefinitionsOpt = Annotated[
    Path,
    typer.Option("-d", "--definitions", envvar="IKI_DEFINITIONS", show_envvar=True,
                 help="Definitions folder (organisasi.yaml, variabel.yaml, jabatan/)."),
]



def require_root(root: Path) -> Path:
    """The definitions folder, or a usage error (exit 2) when it does not exist."""
    if not root.is_dir():
        raise UsageError(f"definitions folder `{root}` does not exist "
                         "(give it with -d/--definitions or $IKI_DEFINITIONS)")
    return root


def load_valid(root: Path) -> Definitions:
    """Validated definitions; errors are printed and end the command with exit 1."""
    from ..checks import validate

    with gc_kept():
        defs, problems = validate(require_root(root))
    errors = [p for p in problems if p.level == "error"]
    if errors:
        print_problems(errors)
        raise ProblemsError(f"the definitions in `{root}` have {len(errors)} error(s); "
                            "run `iki validate` for details", errors)
    return defs


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
LangOpt = Annotated[str, typer.Option(
    "--lang", envvar="IKI_LANG", show_envvar=True,
    help="Language of everything the command prints and writes: id (default) or en.")]
TemplatesOpt = Annotated[Path | None, typer.Option(
    "--templates", help="Folder of your own Jinja templates, tried before the built-in ones.")]
REPORT_FORMATS = ("md", "html", "json", "csv")


def parse_period_option(text: str) -> Period:
    """The -p value as a Period, or a usage error naming the accepted forms."""
    from ..periods import PeriodError, parse_period

    try:
        return parse_period(text)
    except PeriodError as exc:
        raise UsageError(str(exc)) from None


DELIMITER_NAMES = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}


def parse_delimiter(text: str | None) -> str | None:
    """The --delimiter value as the character itself (None: detect it), or a usage error."""
    if text is None:
        return None
    found = DELIMITER_NAMES.get(text.strip().lower() if text.strip() else text)
    if found is None:
        raise UsageError(f"--delimiter must be `,`, `;` or `tab`, not `{text}`")
    return found


def parse_formats(text: str, allowed: tuple[str, ...]) -> list[str]:
    """`md,html` → ["md", "html"]; an unknown name is a usage error."""
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in allowed]
    if unknown or not formats:
        raise UsageError(f"unknown format `{','.join(unknown) or text}`; choose from "
                         + ", ".join(allowed))
    return list(dict.fromkeys(formats))


def check_lang(lang: str | None) -> str:
    """The --lang value (or $IKI_LANG) checked; None: the current language."""
    from ..i18n import LANGS, language

    if lang is None:
        return language()
    if lang.strip().lower() not in LANGS:
        raise UsageError(f"unknown language `{lang}` (--lang or IKI_LANG); choose id or en")
    return lang.strip().lower()
