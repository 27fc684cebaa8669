"""The typer application, and how a command is added to it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from .. import __version__
from ..errors import IkiError, UsageError
from .console import OutputError, fail
from .localised import Command, Group

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="iki",
    cls=Group,  # help and usage errors in the user's language (cli/localised.py)
    help="Indikator Kinerja Individu as code: validate, compute, report.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def command(name: str | None = None) -> Callable[[F], F]:
    """Mark a function as a command (`register` adds it to `app` in the listed order)."""

    def mark(fn: F) -> F:
        fn.__dict__["command_name"] = name
        return fn

    return mark


def register(commands: list[Callable[..., Any]]) -> None:
    """Add the commands to `app`, in this order (the order of `iki --help`).

    Each runs in the language of its `--lang` (everything it prints follows it), with
    domain errors turned into one printed line and an exit code.
    """
    from .. import i18n
    from .options import check_lang

    for fn in commands:
        if "command_name" not in fn.__dict__:
            raise ValueError(f"`{fn.__name__}` is not marked with @command")

        @functools.wraps(fn)
        def run(*a: Any, _fn: Callable[..., Any] = fn, **kw: Any) -> Any:
            try:
                lang = check_lang(kw.get("lang"))
            except UsageError as exc:
                fail(str(exc), 2)
            with i18n.using(lang):
                try:
                    return _fn(*a, **kw)
                except OutputError:
                    raise  # standard output failed: `main` says so once, at the end
                except UsageError as exc:
                    fail(str(exc), 2)
                except IkiError as exc:
                    fail(str(exc), 1)

        app.command(fn.__dict__["command_name"], cls=Command)(run)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"iki {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool | None, typer.Option(
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")] = None,
) -> None:
    """Indikator Kinerja Individu as code: validate definitions, compute achievement, render
    reports."""
