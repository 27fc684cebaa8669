"""The Indonesian catalogue: every message key of every stage, and the report labels."""

from __future__ import annotations

from . import checks, diff, fractions, importers, numbers, results, values
from .labels import LABELS

MESSAGES: dict[str, str] = {
    **checks.MESSAGES,
    **numbers.MESSAGES,
    **results.MESSAGES,
    **values.MESSAGES,
    **diff.MESSAGES,
    **importers.MESSAGES,
    **fractions.MESSAGES,
}

__all__ = ["LABELS", "MESSAGES"]
