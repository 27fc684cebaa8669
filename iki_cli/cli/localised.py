"""Help and usage errors in the user's language (SPEC §6: everything the CLI prints).

typer (and click under it) write `--help` and the usage errors ("Missing option",
"No such command") in English. The application's group and commands are these
subclasses: in English they are typer's own; in Indonesian `--help` takes each
command's and option's text from `i18n/id/help.py`, and a usage error is worded
from the catalogue, prefixed like every other error (`galat:`).

The language of a command's help or usage error is its `--lang` when the
command line has one (read before the line is parsed, so that `--help` and a
mistake in the line follow it), else `IKI_LANG`, else Indonesian. `iki --help`
itself has no `--lang`: it follows `IKI_LANG`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from typer._click import exceptions as errors  # the click typer carries (typer >= 0.29)
from typer.core import TyperCommand, TyperGroup

from ..i18n import LANGS, language, t, using

_LANG = "iki.lang"  # in the context's meta (shared by a command's context and its group's)


def _lang_in(args: Sequence[str]) -> str | None:
    """The value of `--lang` on the command line, if any (before a `--`)."""
    for k, arg in enumerate(args):
        if arg == "--":
            return None
        if arg == "--lang" and k + 1 < len(args):
            return args[k + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _language(ctx: Any) -> str:
    chosen = ctx.meta.get(_LANG) if ctx is not None else None
    if isinstance(chosen, str) and chosen.strip().lower() in LANGS:
        return chosen.strip().lower()
    return language()


def _help_texts() -> dict[str, str]:
    from ..i18n.id.help import HELP

    return HELP


def help_key(command: str, param: str | None = None) -> list[str]:
    """The keys of `HELP` tried for a command's text or one of its parameters, in order."""
    if param is None:
        return [command]
    return [f"{command}.{param}", f"*.{param}"]


def help_text(command: str, param: str | None = None) -> str | None:
    """The Indonesian help of a command (or of its parameter `param`), None if missing."""
    table = _help_texts()
    return next((table[k] for k in help_key(command, param) if k in table), None)


def _bracket(record: tuple[str, str]) -> tuple[str, str]:
    """A help record's `[env var: X; default: y; required]` worded in the catalogue."""
    names, text = record
    found = re.search(r"\[([^\[\]]*)\]\Z", text)
    if found is None:
        return record
    parts = []
    for part in found.group(1).split("; "):
        if part.startswith("env var: "):
            part = t("cli.click-env-var", name=part.removeprefix("env var: "))
        elif part.startswith("default: "):
            part = t("cli.click-default", value=part.removeprefix("default: "))
        elif part == "required":
            part = t("cli.click-required")
        parts.append(part)
    return names, text[:found.start()] + "[" + "; ".join(parts) + "]"


class _Localised:
    """What the group and the commands share: help worded from `HELP` in Indonesian."""

    name: str | None
    help: str | None

    def _key(self) -> str:
        return self.name or "iki"

    @contextmanager
    def _texts(self, ctx: Any) -> Iterator[None]:
        """The command's and its parameters' help in Indonesian while the help is written."""
        saved: list[tuple[Any, str | None]] = []
        own = help_text(self._key())
        if own is not None:
            saved.append((self, self.help))
            self.help = own
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            text = help_text(self._key(), param.name)
            if text is not None and hasattr(param, "help"):
                saved.append((param, param.help))
                param.help = text
        try:
            yield
        finally:
            for owner, text in saved:
                owner.help = text

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        if _language(ctx) == "en":
            super().format_usage(ctx, formatter)  # type: ignore[misc]
            return
        pieces = [t("cli.click-usage-options") if p == "[OPTIONS]" else
                  t("cli.click-usage-command") if p == "COMMAND [ARGS]..." else p
                  for p in self.collect_usage_pieces(ctx)]  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces),
                              prefix=t("cli.click-usage") + " ")

    def format_options(self, ctx: Any, formatter: Any) -> None:
        if _language(ctx) == "en":
            super().format_options(ctx, formatter)  # type: ignore[misc]
            return
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is not None:
                found = arguments if param.param_type_name == "argument" else options
                found.append(_bracket(record))
        for title, records in (("cli.click-arguments", arguments),
                               ("cli.click-options", options)):
            if records:
                with formatter.section(t(title)):
                    formatter.write_dl(records)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        if _language(ctx) == "en":
            super().format_help(ctx, formatter)  # type: ignore[misc]
            return
        with using(_language(ctx)), self._texts(ctx):  # `--lang id` under IKI_LANG=en too
            super().format_help(ctx, formatter)  # type: ignore[misc]


class Command(_Localised, TyperCommand):
    """A command of `iki`: its `--lang` is known before its line is parsed."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        found = _lang_in(args)
        if found is not None:
            ctx.meta[_LANG] = found
        return super().parse_args(ctx, args)


class Group(_Localised, TyperGroup):
    """The `iki` program: its commands listed, and usage errors shown, in the language."""

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)  # in English typer's, with the commands
        if _language(ctx) != "en":
            self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        if _language(ctx) == "en":
            super().format_commands(ctx, formatter)
            return
        commands = [(n, c) for n in self.list_commands(ctx)
                    if (c := self.get_command(ctx, n)) is not None and not c.hidden]
        if not commands:
            return
        limit = formatter.width - 6 - max(len(n) for n, _ in commands)
        rows = []
        for name, cmd in commands:
            text = help_text(name)
            rows.append((name, _short(text, limit) if text is not None
                         else cmd.get_short_help_str(limit)))
        with formatter.section(t("cli.click-commands")):
            formatter.write_dl(rows)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        """typer's `main`, but a usage error is shown here, in the command's language."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode,
                                windows_expand_args, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, windows_expand_args,
                                  **extra)
        except errors.ClickException as exc:
            show_error(exc)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo(t("cli.click-aborted"), err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def _short(text: str, limit: int) -> str:
    """The first sentence of a help text, cut to `limit` characters with an ellipsis."""
    first = " ".join(text.split())
    end = re.search(r"\.(\s|\Z)", first)
    if end is not None:
        first = first[:end.start() + 1]
    if len(first) <= limit:
        return first
    return first[:max(limit - 3, 1)].rsplit(" ", 1)[0] + "..."


def show_error(exc: errors.ClickException) -> None:
    """Print a usage error as click does, worded in the language of its command."""
    ctx = getattr(exc, "ctx", None)
    # An error that shows something else (`iki` alone shows the help) is shown as it is.
    own = type(exc).show not in (errors.ClickException.show, errors.UsageError.show)
    lang = _language(ctx)
    if own or lang == "en":
        exc.show()
        return
    with using(lang):
        _show(exc, ctx)


def _show(exc: errors.ClickException, ctx: Any) -> None:
    if isinstance(exc, errors.UsageError) and ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = t("cli.click-try-help",
                     command=f"{ctx.command_path} {ctx.help_option_names[0]}") + "\n"
        typer.echo(f"{ctx.get_usage()}\n{hint}", err=True)
    typer.echo(f"{t('cli.error-prefix')} {_message(exc)}", err=True)


def _hint(exc: errors.BadParameter) -> str:
    if exc.param_hint is not None:
        hint = exc.param_hint
    elif exc.param is not None:
        hint = exc.param.get_error_hint()
    else:
        return ""
    if isinstance(hint, str):
        return hint
    return " / ".join(repr(h) for h in hint)


_NO_COMMAND = re.compile(r"No such command '(?P<name>.*)'\.(?: Did you mean (?P<like>.*)\?)?\Z",
                         re.S)
_EXTRA = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)\Z", re.S)
_CHOICE = re.compile(r"(?:Value error, )?(?P<value>.*) is not one of (?P<choices>.*?)\.?\Z", re.S)


def _message(exc: errors.ClickException) -> str:
    """The error's message from the catalogue, or click's own for one it does not know."""
    if isinstance(exc, errors.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param else "option")
        key = "cli.click-missing-argument" if kind == "argument" else "cli.click-missing-option"
        return t(key, name=_hint(exc))
    if isinstance(exc, errors.NoSuchOption):
        text = t("cli.click-no-such-option", name=exc.option_name)
        if exc.possibilities:
            text += t("cli.click-possible-options",
                      options=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, errors.BadOptionUsage):
        if exc.message.endswith("does not take a value."):
            return t("cli.click-takes-no-value", name=repr(exc.option_name))
        if " requires " in exc.message:
            return t("cli.click-requires-argument", name=repr(exc.option_name))
    if isinstance(exc, errors.BadParameter):
        hint, message = _hint(exc), exc.message
        found = _CHOICE.match(message)
        if found is not None:
            message = t("cli.click-not-one-of", value=found["value"], choices=found["choices"])
        return t("cli.click-invalid-value", name=hint, message=message) if hint else message
    message = exc.format_message()
    found = _NO_COMMAND.match(message)
    if found is not None:
        text = t("cli.click-no-such-command", name=repr(found["name"]))
        if found["like"]:
            text += t("cli.click-did-you-mean", names=found["like"])
        return text
    found = _EXTRA.match(message)
    if found is not None:
        return t("cli.click-extra-arguments", arguments=found["args"])
    if message == "Missing command.":
        return t("cli.click-missing-command")
    return message
