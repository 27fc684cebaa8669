"""The English catalogue: every message key of every stage, and the report labels."""

from __future__ import annotations

from . import diff, fractions, importers, results
from .labels import LABELS

MESSAGES: dict[str, str] = {
    **results.MESSAGES,
    **diff.MESSAGES,
    **importers.MESSAGES,
    **fractions.MESSAGES,
}

__all__ = ["LABELS", "MESSAGES"]
