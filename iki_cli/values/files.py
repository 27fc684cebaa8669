"""The values files of a run, as people name them (SPEC §4, *Several files*).

Each name is a file, a folder (every values file directly in it, in name
order) or a glob pattern, which iki expands itself because Windows shells do
not (`kirim/*.xlsx`). A file named twice, by a folder and by a pattern say,
is read once.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..errors import UsageError
from ..i18n import t
from .sniff import VALUES_EXTENSIONS

_GLOB_CHARS = frozenset("*?[")


def is_values_name(name: str) -> bool:
    """A name a folder's values file has: a values extension, not hidden, no lock file."""
    return (name.lower().endswith(VALUES_EXTENSIONS) and not name.startswith((".", "~$")))


def expand(names: Iterable[str | Path]) -> list[Path]:
    """Every values file the names give, in order, each once; a usage error for a bad name."""
    found: list[Path] = []
    seen: set[str] = set()
    for name in names:
        for path in _expand_one(str(name)):
            key = os.path.normcase(os.path.realpath(path))
            if key not in seen:
                seen.add(key)
                found.append(path)
    if not found:
        raise UsageError(t("values.no-files"))
    return found


def _expand_one(text: str) -> list[Path]:
    if not text.strip():
        raise UsageError(t("values.name-empty"))
    path = Path(text)
    mode = _mode(path, text)
    if mode is None:
        if _GLOB_CHARS & set(text):
            return _matches(text)
        raise UsageError(t("values.file-missing", file=text))
    if stat.S_ISDIR(mode):
        return _folder(path, text)
    if not stat.S_ISREG(mode):
        raise UsageError(t("values.not-a-file", file=text))
    return [path]


def _mode(path: Path, text: str) -> int | None:
    """The file's mode, None when there is nothing at `path`; other failures are usage errors."""
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise UsageError(t("values.name-too-long", file=text[:80] + "…")) from None
        if exc.errno == errno.ENOTDIR:
            return None
        raise UsageError(t("values.cannot-read", file=text,
                           reason=exc.strerror or str(exc))) from None


def _folder(path: Path, text: str) -> list[Path]:
    try:
        entries = sorted(os.scandir(path), key=lambda e: e.name)
        files = [Path(entry.path) for entry in entries
                 if is_values_name(entry.name) and entry.is_file()]
    except OSError as exc:
        raise UsageError(t("values.cannot-open-folder", folder=text,
                           reason=exc.strerror or str(exc))) from None
    if not files:
        raise UsageError(t("values.folder-empty", folder=text,
                           extensions=", ".join(VALUES_EXTENSIONS)))
    return files


def _matches(pattern: str) -> list[Path]:
    matches = sorted(glob.glob(pattern))
    files = [Path(m) for m in matches if os.path.isfile(m) and is_values_name(Path(m).name)]
    if not files:
        raise UsageError(t("values.pattern-empty", pattern=pattern))
    return files
