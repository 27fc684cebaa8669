"""Atomic output files: a failed run leaves no partial file and the old one intact."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..errors import IkiError


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _default_mode()


def write_atomic(path: Path, content: str | bytes | bytearray) -> None:
    """Write to a temporary file in the same folder, then rename it over `path`."""
    write_all({path: content})


def write_all(files: Mapping[Path, str | bytes | bytearray]) -> None:
    """Write several outputs so that either all are replaced or none is.

    Every file is first written to a temporary sibling; only when all are
    written are they renamed into place. An existing file is kept as a
    temporary backup until every rename succeeded, so a rename failing half
    way (disk full, a file locked by a viewer) can put the old files back.
    """
    staged: list[tuple[str, Path]] = []
    backups: dict[Path, str | None] = {}  # target → its backup (None: there was no file)
    created = [p for p in {path.parent for path in files} if not p.exists()]
    try:
        for path, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                           dir=path.parent)
            except OSError as exc:
                raise IkiError(f"cannot write to `{path.parent}`: {exc.strerror or exc}") \
                    from None
            staged.append((tmp, path))
            # mkstemp makes the file private (0600); a report gets the usual mode.
            os.fchmod(fd, _FILE_MODE)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for _tmp, path in staged:
            backups[path] = _backup(path) if path.exists() else None
        while staged:
            tmp, path = staged[0]
            os.replace(tmp, path)
            del staged[0]  # renamed: no temp file left to remove, its target was replaced
        for backup in backups.values():
            if backup:
                _remove(backup)
        backups.clear()
        created.clear()
    except OSError as exc:
        raise IkiError(f"cannot write outputs: {exc.strerror or exc}") from None
    finally:
        for tmp, _ in staged:
            _remove(tmp)
        _restore(backups, {path for _, path in staged})
        for folder in created:
            _rmdir_if_empty(folder)


def _backup(path: Path) -> str:
    """A temporary sibling holding the current content of `path` (a hard link if possible)."""
    fd, backup = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".bak", dir=path.parent)
    os.close(fd)
    try:
        os.unlink(backup)
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
    return backup


def _restore(backups: dict[Path, str | None], untouched: set[Path]) -> None:
    """Put back what was there before the renames (best effort: we are already failing)."""
    for path, backup in backups.items():
        try:
            if path in untouched:
                if backup:
                    os.unlink(backup)
            elif backup:
                os.replace(backup, path)
            else:
                os.unlink(path)
        except OSError:
            pass


def _rmdir_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
