"""The terminal: rich consoles made on first use, and how messages and problems are printed."""

from __future__ import annotations

from typing import Any, NoReturn

import typer

from ..problems import Problem


class _LazyConsole:
    """A rich Console built on first use, so `iki --version` and `--help` start fast."""

    def __init__(self, **options: Any):
        self._options = options
        self._console: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return getattr(self._console, name)


out = _LazyConsole(highlight=False, soft_wrap=True)
err = _LazyConsole(stderr=True, highlight=False, soft_wrap=True)


def escape(text: str) -> str:
    """Escape rich markup in user text."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)

def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clear line and exit with `code`."""
    err.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


def print_problems(problems: list[Problem]) -> None:
    """Print problems as `path:line:col: level [rule] message` on stderr."""
    for p in problems:
        colour = "red" if p.level == "error" else "yellow"
        err.print(f"{escape(p.location())}: [{colour}]{p.level}[/] "
                  f"[dim]\\[{p.rule}][/] {escape(p.message)}")
