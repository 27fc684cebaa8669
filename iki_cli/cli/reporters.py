"""Reporters for validation problems: `text`, `json` and `github` (workflow annotations)."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..i18n import t
from ..problems import Problem, printable


def _summary(problems: list[Problem], files: int) -> str:
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return t("cli.validate-ok", files=files)
    return t("cli.validate-summary", errors=_count(errors, "error"),
             warnings=_count(warnings, "warning"), files=files)


def _count(n: int, word: str) -> str:
    return t(f"cli.{word}-{'one' if n == 1 else 'many'}", n=n)


def text_report(problems: list[Problem], files: int) -> str:
    """`path:line:col: level [rule] message` lines, then a summary line.

    Whatever a file holds is written out, never acted on by the terminal: control
    characters in a location or a message are escapes (`\\x1b`), one problem one line.
    """
    lines = [f"{printable(p.location(), one_line=True)}: {p.level} [{p.rule}] "
             f"{printable(p.message, one_line=True)}" for p in problems]
    return "\n".join(lines + [_summary(problems, files)]) + "\n"


def json_report(problems: list[Problem], files: int) -> str:
    """`{"files": N, "problems": [...]}` (SPEC §5)."""
    return json.dumps({"files": files, "problems": [p.to_dict() for p in problems]},
                      ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_report(problems: list[Problem], files: int) -> str:
    """GitHub Actions workflow commands, one annotation per problem."""
    lines = []
    for p in problems:
        props = [f"file={_escape_property(printable(p.path))}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.column:
            props.append(f"col={p.column}")
        props.append(f"title={_escape_property('iki ' + p.rule)}")
        lines.append(f"::{p.level} {','.join(props)}::"
                     f"{_escape_data(printable(p.message))}")
    lines.append(_summary(problems, files))
    return "\n".join(lines) + "\n"


REPORTER_BY_NAME: dict[str, Callable[[list[Problem], int], str]] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
}
