"""Atomic output files: a failed run leaves no partial file and the old one intact.

Every output is written to a temporary file beside the file it replaces, then
renamed over it. "Beside" is the folder of the real file: an output given as a
symbolic link replaces the regular file the link names, in that file's folder,
and the link stays a link. A FIFO, a device, a socket or a folder is refused:
renaming over it would replace the special file (as root, `-o /dev/null`
would turn the real `/dev/null` into a text file), and writing into it is not
what an output file is.

Temporary files are named `.iki-<pid>-<random>-<name>.tmp` (backups `.bak`),
the name cut so that the whole stays within 255 bytes. A run that was killed
(SIGKILL, a power cut) leaves them behind; the next run writing to the same
folder removes those whose process is gone and that are older than itself.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import IkiError, UsageError
from ..i18n import t

NAME_MAX = 255  # bytes in one file name on every file system iki's users have
_STARTED = time.time()
_LEFTOVER = re.compile(r"\.iki-(?P<pid>[0-9]+)-[0-9a-f]{8}-.*\.(?:tmp|bak)\Z", re.DOTALL)
_MKSTEMP = "[a-z0-9_]{8}"  # the random part of the names earlier versions gave temporary files
_DAY = 24 * 3600


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

    Every target is checked first (a special file or an over-long name is
    refused before anything is written). Every file is then written to a
    temporary sibling; only when all are written are they renamed into place.
    An existing file is kept as a temporary backup until every rename
    succeeded, so a rename failing half way (disk full, a file locked by a
    viewer) or an interruption (Ctrl-C, SIGTERM) puts the old files back.
    """
    targets = {path: target_of(path) for path in files}
    seen: dict[Path, Path] = {}
    for path, real in targets.items():
        if real in seen:  # two outputs linked to one file: one would overwrite the other
            raise UsageError(t("export.same-file", first=str(seen[real]), second=str(path),
                               target=str(real)))
        seen[real] = path
    modes = {real: _mode_of(real) for real in targets.values()}
    folders = sorted({real.parent for real in targets.values()})
    for folder in folders:
        remove_leftovers(folder, [real.name for real in targets.values()
                                  if real.parent == folder])
    staged: list[tuple[str, Path]] = []
    backups: dict[Path, str | None] = {}  # target → its backup (None: there was no file)
    created = [folder for folder in folders if not folder.exists()]
    try:
        for path, content in files.items():
            real = targets[path]
            data = content.encode("utf-8") if isinstance(content, str) else content
            try:
                real.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise IkiError(t("export.cannot-write-folder", folder=str(real.parent),
                                 reason=_reason(exc))) from None
            fd = _create(real, "tmp", staged)
            _chmod(fd, staged[-1][0], modes[real])
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        for _tmp, real in staged:
            backups[real] = None
            if real.exists():
                _backup(real, backups)
        while staged:
            tmp, real = staged[0]
            os.replace(tmp, real)
            del staged[0]  # renamed: no temp file left to remove, its target was replaced
        for backup in backups.values():
            if backup:
                _remove(backup)
        backups.clear()
        created.clear()
    except OSError as exc:
        raise IkiError(t("export.cannot-write", reason=_reason(exc))) from None
    finally:
        # A temporary file that is gone was renamed, even if an interruption came
        # before it was struck off `staged`: its target is put back like the others.
        untouched = {real for tmp, real in staged if os.path.lexists(tmp)}
        for tmp, _ in staged:
            _remove(tmp)
        _restore(backups, untouched)
        for folder in created:
            _rmdir_if_empty(folder)


def target_of(path: Path) -> Path:
    """The regular file that writing `path` replaces: `path`, or what its symlink names.

    A path that does not exist yet is its own target. A usage error when the
    path names a folder, a FIFO, a device or a socket, a symlink that leads
    nowhere, or has a name longer than the file system allows.
    """
    _check_name_lengths(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path
    except NotADirectoryError as exc:  # a part of the path is a file
        raise IkiError(t("export.cannot-write-folder", folder=str(path.parent),
                         reason=_reason(exc))) from None
    except OSError as exc:  # a folder on the way that cannot be entered
        raise IkiError(t("export.cannot-write-file", path=str(path), reason=_reason(exc))) \
            from None
    target = path
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise UsageError(t("export.dangling-link", path=str(path),
                               target=os.readlink(path))) from None
        except OSError as exc:
            raise UsageError(t("export.bad-link", path=str(path), reason=_reason(exc))) \
                from None
        target = Path(os.path.realpath(path))
        _check_name_lengths(target)
    if stat.S_ISREG(info.st_mode):
        return target
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(t("export.is-folder", path=str(path)))
    raise UsageError(t("export.special-file", path=str(path), kind=_kind(info.st_mode)))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return t("export.kind-fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return t("export.kind-device")
    if stat.S_ISSOCK(mode):
        return t("export.kind-socket")
    return t("export.kind-other")


def _check_name_lengths(path: Path) -> None:
    for part in path.parts:
        if len(os.fsencode(part)) > NAME_MAX:
            raise UsageError(t("export.name-too-long", name=part[:40] + "…",
                               size=len(os.fsencode(part)), limit=NAME_MAX))


def _mode_of(real: Path) -> int:
    """The permissions the new file gets: the replaced file's, else the usual ones."""
    try:
        return stat.S_IMODE(os.stat(real).st_mode)
    except OSError:
        return _FILE_MODE


def _temp_name(real: Path, suffix: str) -> str:
    """A new name beside `real`: `.iki-<pid>-<random>-<name>.<suffix>`, at most 255 bytes."""
    head = f".iki-{os.getpid()}-{secrets.token_hex(4)}-"
    room = NAME_MAX - len(head) - len(suffix) - 1
    name = os.fsencode(real.name)[:room].decode("utf-8", errors="ignore")
    return str(real.parent / f"{head}{name}.{suffix}")


def _create(real: Path, suffix: str, staged: list[tuple[str, Path]]) -> int:
    """Create a new private temporary file beside `real`, listed in `staged` before it exists.

    Listed first, so that an interruption right after it was made still removes it.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) \
        | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = _temp_name(real, suffix)
        staged.append((tmp, real))
        try:
            return os.open(tmp, flags, 0o600)
        except FileExistsError:
            staged.pop()  # someone else's file: never removed by us
        except OSError as exc:
            staged.pop()
            raise IkiError(t("export.cannot-write-folder", folder=str(real.parent),
                             reason=_reason(exc))) from None
    raise IkiError(t("export.cannot-write-folder", folder=str(real.parent),
                     reason="no free temporary name"))


def _chmod(fd: int, name: str, mode: int) -> None:
    # The file is made private (0600) and gets its final mode once it is ours.
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows
        os.chmod(name, mode)


def _backup(real: Path, backups: dict[Path, str | None]) -> None:
    """Keep the current content of `real` in a temporary sibling (a hard link if possible)."""
    for _ in range(100):
        backup = _temp_name(real, "bak")
        backups[real] = backup  # listed before it exists, so an interruption removes it
        try:
            os.link(real, backup)
            return
        except FileExistsError:
            backups[real] = None
        except OSError:
            break
    backup = _temp_name(real, "bak")
    backups[real] = backup
    shutil.copy2(real, backup)


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


def remove_leftovers(folder: Path, names: Iterable[str] = ()) -> list[str]:
    """Remove the temporary files and backups that interrupted runs of iki left in `folder`.

    Only files of iki's own naming, older than this run, whose process is no
    longer running; and the `.<name>.XXXXXXXX.tmp`/`.bak` files that earlier
    versions made for the outputs `names`. Returns the names removed.
    """
    legacy = re.compile(r"\.(?:" + "|".join(re.escape(n) for n in names) + r")\."
                        + _MKSTEMP + r"\.(?:tmp|bak)\Z", re.DOTALL) if names else None
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _LEFTOVER.match(entry.name)
        if match is None and not (legacy and legacy.match(entry.name)):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or info.st_mtime >= _STARTED:
            continue
        if match is not None and _running(int(match["pid"]), info.st_mtime):
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(entry.name)
    return removed


def _running(pid: int, mtime: float) -> bool:
    """Whether the process that made a temporary file may still be writing it."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return time.time() - mtime < _DAY  # no cheap process check: only day-old files go
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # a process of another user
    return True


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


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
