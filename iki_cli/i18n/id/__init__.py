"""The Indonesian catalogue: every message key of every stage, and the report labels."""

from __future__ import annotations

from . import analysis, checks, diff, fractions, importers, results, riwayat
from .labels import LABELS as REPORT_LABELS

MESSAGES: dict[str, str] = {
    **results.MESSAGES,
    **diff.MESSAGES,
    **importers.MESSAGES,
    **fractions.MESSAGES,
    **checks.MESSAGES,
    **analysis.MESSAGES,
}

# The labels of performance over time are kept beside the others, in a module of their own.
LABELS: dict[str, str] = {**REPORT_LABELS, **riwayat.LABELS}

__all__ = ["LABELS", "MESSAGES"]
