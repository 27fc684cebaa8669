"""The Indonesian catalogue: every message key of every stage, and the report labels."""

from __future__ import annotations

from . import checks_office, diff, fractions, importers, report, results, terminal
from .labels import LABELS

MESSAGES: dict[str, str] = {
    **results.MESSAGES,
    **diff.MESSAGES,
    **importers.MESSAGES,
    **fractions.MESSAGES,
    **checks_office.MESSAGES,
    **report.MESSAGES,
    **terminal.MESSAGES,
}

__all__ = ["LABELS", "MESSAGES"]
