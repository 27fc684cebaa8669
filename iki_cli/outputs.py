"""Atomic output files: a failed run leaves no partial file and the old one intact."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .problems import IkiError


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write to a temporary file in the same folder, then rename it over `path`."""
    write_all({path: content})


def write_all(files: dict[Path, str | bytes]) -> None:
    """Write several outputs so that either all are replaced or none is.

    Every file is first written to a temporary sibling; only when all are
    written are they renamed into place.
    """
    staged: list[tuple[str, Path]] = []
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
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for tmp, path in staged:
            os.replace(tmp, path)
        staged.clear()
    except OSError as exc:
        raise IkiError(f"cannot write outputs: {exc.strerror or exc}") from None
    finally:
        for tmp, _ in staged:
            _remove(tmp)


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
