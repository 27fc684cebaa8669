"""Reporters for validation problems: `text`, `json` and `github` (workflow annotations)."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..problems import Problem


def _summary(problems: list[Problem], files: int) -> str:
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"OK: {files} file(s) checked, no problems."

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')} in {files} file(s) checked."


def text_report(problems: list[Problem], files: int) -> str:
    """`path:line:col: level [rule] message` lines, then a summary line."""
    lines = [f"{p.location()}: {p.level} [{p.rule}] {p.message}" for p in problems]
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
        props = [f"file={_escape_property(p.path)}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.column:
            props.append(f"col={p.column}")
        props.append(f"title={_escape_property('iki ' + p.rule)}")
        lines.append(f"::{p.level} {','.join(props)}::{_escape_data(p.message)}")
    lines.append(_summary(problems, files))
    return "\n".join(lines) + "\n"


REPORTER_BY_NAME: dict[str, Callable[[list[Problem], int], str]] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
}
