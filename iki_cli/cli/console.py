"""The terminal: rich consoles made on first use, and how messages and problems are printed.

Standard output can fail — a full disk (`> /dev/full`), a closed stream
(`>&-`), a reader that went away (`| head -1`). In the `iki` process
(`guard_streams`, called by the entry point) standard output is wrapped so that
such a failure is one `OutputError`: one message, exit 1, never a traceback.
"""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn, TextIO

import typer

from ..errors import IkiError
from ..i18n import t
from ..problems import Problem, printable

MAX_WIDTH = 1000  # a COLUMNS above this is a mistake (rich would draw lines that long)
CHUNK = 1 << 16  # characters written to standard output at once


class OutputError(IkiError):
    """Standard output cannot be written: full disk, closed, or a broken pipe."""


class CheckedOutput:
    """A text stream whose failing write or flush raises one `OutputError`.

    Once it failed, it takes no more text: what could not be written is dropped,
    so that the process can end with its message and exit code.
    """

    def __init__(self, stream: TextIO | None):
        self._stream = stream
        self.failure: str | None = None if stream is not None else t("cli.stdout-closed")
        # The message's first word, in the language of the moment of the failure (a
        # command's --lang holds only while it runs).
        self.prefix = t("cli.error-prefix")

    def write(self, text: str) -> int:
        if self.failure is not None:
            raise OutputError(self.failure)
        assert self._stream is not None
        try:
            if len(text) <= CHUNK:
                return self._stream.write(text)
            # One write of megabytes to a pipe whose reader goes away half way returns
            # what reached the pipe, with no error, and Python drops the rest: written
            # in chunks, the chunk after the reader left fails with EPIPE as it should.
            for start in range(0, len(text), CHUNK):
                self._stream.write(text[start:start + CHUNK])
                self._stream.flush()
            return len(text)
        except (OSError, ValueError) as exc:
            raise self._failed(exc) from None

    def flush(self) -> None:
        if self.failure is not None or self._stream is None:
            return
        try:
            self._stream.flush()
        except (OSError, ValueError) as exc:
            raise self._failed(exc) from None

    def _failed(self, exc: Exception) -> OutputError:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.failure = t("cli.stdout-failed", reason=reason)
        self.prefix = t("cli.error-prefix")
        _silence_stdout()
        return OutputError(self.failure)

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":  # every write goes through `write`, never around it
            raise AttributeError(name)
        return getattr(self._stream, name)


def _silence_stdout() -> None:
    """Point file descriptor 1 at the null device: the interpreter's last flush then
    succeeds instead of printing its own error (Python's advice for broken pipes)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def guard_streams() -> CheckedOutput:
    """Make standard output a `CheckedOutput`; give closed standard streams the null device.

    A closed descriptor 0, 1 or 2 would be taken by the next file iki opens, and
    then a report or a message would land in that file: each closed one is
    filled with the null device first. Standard output stays closed for iki all
    the same (the first write is an error); a closed standard error only loses
    the messages.
    """
    closed = {fd for fd in (0, 1, 2) if not _is_open(fd)}
    for fd in sorted(closed):
        try:
            opened = os.open(os.devnull, os.O_RDWR)
            if opened != fd:
                os.dup2(opened, fd)
                os.close(opened)
        except OSError:
            pass
    if 2 in closed or sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives with us)
    stream = None if (1 in closed or sys.stdout is None) else sys.stdout
    checked = CheckedOutput(stream)
    sys.stdout = checked
    return checked


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def finish(checked: CheckedOutput) -> bool:
    """Flush standard output at the end of a command; False (and the message) when it failed."""
    try:
        checked.flush()
    except OutputError:
        pass
    if checked.failure is None:
        return True
    try:
        sys.stderr.write(f"{checked.prefix} {checked.failure}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return False


def terminal_width(stream: TextIO | None) -> int | None:
    """The width to lay tables out in: `COLUMNS` when it is a width, else the terminal's.

    A `COLUMNS` of 0, negative, not a number or absurdly large is ignored
    (rich would hide every message at 0 and run out of memory at 10^11).
    None lets rich decide (it reads a valid `COLUMNS` on every print).
    """
    text = os.environ.get("COLUMNS")
    if text is None:
        return None
    value = text.strip()
    if value.isdigit() and 0 < int(value) <= MAX_WIDTH and value.isascii():
        return None
    try:
        fd = stream.fileno() if stream is not None else -1
        return max(1, min(os.get_terminal_size(fd).columns, MAX_WIDTH))
    except (OSError, ValueError, AttributeError):
        return 80


class _LazyConsole:
    """A rich Console built on first use, so `iki --version` and `--help` start fast."""

    def __init__(self, **options: Any):
        self._options = options
        self._console: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            stream = sys.stderr if self._options.get("stderr") else sys.stdout
            width = terminal_width(stream)
            if width is not None:
                self._options["width"] = width
            self._console = Console(**self._options)
        return getattr(self._console, name)


out = _LazyConsole(highlight=False, soft_wrap=True)
err = _LazyConsole(stderr=True, highlight=False, soft_wrap=True)


def escape(text: str) -> str:
    """User text made safe to print: rich markup escaped, control characters written out."""
    from rich.markup import escape as rich_escape

    return rich_escape(printable(text))


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clear line and exit with `code`."""
    err.print(f"[bold red]{t('cli.error-prefix')}[/] {escape(printable(message, one_line=True))}")
    raise typer.Exit(code)


def print_problems(problems: list[Problem]) -> None:
    """Print problems as `path:line:col: level [rule] message` on stderr."""
    for p in problems:
        colour = "red" if p.level == "error" else "yellow"
        err.print(f"{escape(printable(p.location(), one_line=True))}: [{colour}]{p.level}[/] "
                  f"[dim]\\[{p.rule}][/] {escape(printable(p.message, one_line=True))}")
