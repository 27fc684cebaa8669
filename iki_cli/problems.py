"""Problems found in user files, suggestions, and user text made safe to show."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .i18n import t

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding at a position of a file (line and column 1-based; 0 = unknown)."""

    path: str
    line: int
    column: int
    level: Level
    rule: str
    message: str

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of SPEC §5 (`iki validate --format json`)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "level": self.level,
            "rule": self.rule,
            "message": self.message,
        }

    def location(self) -> str:
        """`path:line:col`, leaving out what is unknown."""
        out = self.path
        if self.line:
            out += f":{self.line}"
            if self.column:
                out += f":{self.column}"
        return out


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in a stable order: by file, position, then rule."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.rule, p.message))


def has_errors(problems: Iterable[Problem]) -> bool:
    """True when any problem is an error (not only warnings)."""
    return any(p.level == "error" for p in problems)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A "; did you mean `x`?" suffix (in the current language), or "" when nothing is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return t("problems.did-you-mean", suggestion=close[0]) if close else ""


# Characters a terminal acts on instead of showing: C0 controls, DEL, C1 controls
# (ESC starts the sequences that retitle a window or move the cursor), and the
# bidirectional overrides and isolates that make text read differently than it is stored.
CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_UNPRINTABLE = re.compile(f"[{CONTROL}]")
_UNPRINTABLE_LINE = re.compile(f"[{CONTROL}\t\n]")


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with every control character written as an escape (`\\x1b`, `\\u202e`).

    Whatever a user's file holds is shown, never acted on by the terminal. With
    `one_line`, tabs and line breaks are escaped too (a problem is one line).
    """
    pattern = _UNPRINTABLE_LINE if one_line else _UNPRINTABLE
    if not pattern.search(text):
        return text
    return pattern.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return {9: "\\t", 10: "\\n", 13: "\\r"}.get(code) or (
        f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


MAX_SHOWN = 40  # characters of a user's value quoted in a message


def shown(value: object) -> str:
    """A user's value as a message quotes it: one line, at most 40 characters, the length said.

    A 400-digit number or a pasted paragraph in a message would hide the message.
    """
    text = printable(str(value), one_line=True)
    if len(text) <= MAX_SHOWN:
        return text
    return t("problems.shortened", start=text[:20], count=len(str(value)))


def display_path(path: Path) -> str:
    """A path as the user should read it: relative to the working folder when inside it,
    else as given (never `../../tmp/…`)."""
    text = os.path.normpath(path)
    if not os.path.isabs(text):
        return text
    try:
        return str(Path(text).relative_to(Path.cwd()))
    except (ValueError, OSError):
        return text
