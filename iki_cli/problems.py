"""Problems found in user files, and the exception family of domain errors."""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

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
    """A "; did you mean `x`?" suffix, or "" when nothing is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


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
