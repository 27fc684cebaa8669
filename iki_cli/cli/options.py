"""The options shared by several commands, and the checks of their values.

Paths a user gives are checked here, before a command does anything: an empty
one, a name too long, a path through a regular file or through a folder the user
cannot enter are one message each (exit 2 for a wrong argument, 1 for a folder
that cannot be read), never a traceback from deep inside.
"""

from __future__ import annotations

import errno
import os
import stat
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import IkiError, ProblemsError, UsageError
from ..i18n import t
from .console import print_problems
from .policy import gc_kept

if TYPE_CHECKING:
    from ..definitions.loading import Definitions
    from ..periods import Period

NAME_MAX = 255


def path_argument(value: str) -> Path:
    """A path option's text as a Path; an empty one is a usage error.

    `Path("")` is the current folder: `-o ''` (an unset shell variable) would
    otherwise write the reports where nobody asked for them.
    """
    if not value:
        raise typer.BadParameter(t("cli.empty-path"))
    return Path(value)


DefinitionsOpt = Annotated[
    Path,
    typer.Option("-d", "--definitions", envvar="IKI_DEFINITIONS", show_envvar=True,
                 parser=path_argument,
                 help="Definitions folder (organisasi.yaml, variabel.yaml, jabatan/)."),
]



MAX_PATH_SHOWN = 120


def _shown_path(path: Path) -> str:
    """A path as a message names it: a path of thousands of characters by its end."""
    text = str(path)
    return text if len(text) <= MAX_PATH_SHOWN else "…" + text[-MAX_PATH_SHOWN:]


def _stat(path: Path) -> os.stat_result | None:
    """`os.stat(path)`, None when it does not exist; every other failure is one message."""
    for part in path.parts:
        if len(os.fsencode(part)) > NAME_MAX:
            raise UsageError(t("cli.name-too-long", name=part[:40] + "…",
                               size=len(os.fsencode(part)), limit=NAME_MAX))
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise UsageError(t("cli.through-a-file", path=_shown_path(path),
                           file=_shown_path(_first_file(path)))) from None
    except PermissionError:
        raise IkiError(t("cli.no-permission", path=_shown_path(path),
                         folder=_shown_path(_first_closed(path)))) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UsageError(t("cli.link-loop", path=_shown_path(path))) from None
        if exc.errno == errno.ENAMETOOLONG:  # each name fits; the whole path does not
            raise UsageError(t("cli.path-too-long", path=_shown_path(path),
                               size=len(os.fsencode(str(path))))) from None
        raise IkiError(t("cli.cannot-open", path=_shown_path(path),
                         reason=exc.strerror or str(exc))) from None


def _first_file(path: Path) -> Path:
    """The first part of `path` that is not a folder (for "… is a file, not a folder")."""
    for parent in reversed(path.parents):
        if parent != Path(parent.anchor) and parent.exists() and not parent.is_dir():
            return parent
    return path


def _first_closed(path: Path) -> Path:
    """The first folder on the way to `path` that cannot be entered."""
    for parent in reversed([path, *path.parents]):
        try:
            os.stat(parent)
        except PermissionError:
            return parent.parent
        except OSError:
            break
    return path.parent


def require_root(root: Path) -> Path:
    """The definitions folder; a usage error (exit 2) when it does not exist or is a file."""
    info = _stat(root)
    if info is None:
        raise UsageError(t("cli.definitions-missing", path=str(root)))
    if not stat.S_ISDIR(info.st_mode):
        raise UsageError(t("cli.definitions-not-folder", path=str(root)))
    return root


def output_folder(folder: Path) -> Path:
    """A folder to write into: it may not exist yet, but it may not be a file."""
    info = _stat(folder)
    if info is not None and not stat.S_ISDIR(info.st_mode):
        raise UsageError(t("cli.output-not-folder", path=str(folder)))
    return folder


def output_file(path: Path) -> Path:
    """A file to write: a name that fits, on a path that can be reached, that is not a
    folder, a FIFO or a device (what a symlink names counts)."""
    from ..export.atomic import target_of

    _stat(path)
    target_of(path)
    return path


def templates_folder(folder: Path | None) -> Path | None:
    """The `--templates` folder: it must exist and be a folder."""
    if folder is None:
        return None
    info = _stat(folder)
    if info is None:
        raise UsageError(t("cli.templates-missing", path=str(folder)))
    if not stat.S_ISDIR(info.st_mode):
        raise UsageError(t("cli.templates-not-folder", path=str(folder)))
    return folder


def check_inputs(names: list[str]) -> list[str]:
    """Values files, folders and patterns whose path can be reached: a name over 255
    bytes, a path through a file or into a folder that cannot be entered is one message.

    Whether a file exists, and what a folder or a glob pattern holds, is for the
    reading of the values files to say.
    """
    for name in names:
        if name and not set("*?[") & set(name):
            _stat(Path(name))
    return names


def load_valid(root: Path) -> Definitions:
    """Validated definitions; errors are printed and end the command with exit 1."""
    from ..checks import validate

    with gc_kept():
        defs, problems = validate(require_root(root))
    errors = [p for p in problems if p.level == "error"]
    if errors:
        print_problems(errors)
        raise ProblemsError(t("cli.definitions-invalid", path=str(root), count=len(errors)),
                            errors)
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
    "--templates", parser=path_argument,
    help="Folder of your own Jinja templates, tried before the built-in ones.")]
REPORT_FORMATS = ("md", "html", "json", "csv", "xlsx")


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
        raise UsageError(t("cli.bad-delimiter", value=text))
    return found


def parse_formats(text: str, allowed: tuple[str, ...]) -> list[str]:
    """`md,html` → ["md", "html"]; an unknown name is a usage error."""
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in allowed]
    if unknown or not formats:
        raise UsageError(t("cli.unknown-format", value=",".join(unknown) or text,
                           allowed=", ".join(allowed)))
    return list(dict.fromkeys(formats))


def check_lang(lang: str | None) -> str:
    """The --lang value (or $IKI_LANG) checked; None: the current language."""
    from ..i18n import LANGS, language

    if lang is None:
        return language()
    if lang.strip().lower() not in LANGS:
        raise UsageError(t("cli.unknown-language", value=lang))
    return lang.strip().lower()
