"""The Indonesian catalogue: every message key of every stage, and the report labels."""

from __future__ import annotations

from . import (
    checks,
    checks_office,
    diff,
    fractions,
    importers,
    numbers,
    report,
    results,
    terminal,
    values,
)
from .labels import LABELS

MESSAGES: dict[str, str] = {
    **checks.MESSAGES,
    **numbers.MESSAGES,
    **results.MESSAGES,
    **values.MESSAGES,
    **diff.MESSAGES,
    **importers.MESSAGES,
    **fractions.MESSAGES,
    **checks_office.MESSAGES,
    **report.MESSAGES,
    **terminal.MESSAGES,
}

__all__ = ["LABELS", "MESSAGES"]
