"""The exception family of domain errors: the CLI prints one line and picks the exit code."""

from __future__ import annotations

from .problems import Problem


class IkiError(Exception):
    """A user-facing error: the CLI prints it on one line and exits 1."""


class UsageError(IkiError):
    """Wrong usage (missing file, bad option value): exit code 2."""


class ProblemsError(IkiError):
    """Input that failed with a list of problems (all reported, not only the first)."""

    def __init__(self, summary: str, problems: list[Problem]):
        super().__init__(summary)
        self.problems = problems
