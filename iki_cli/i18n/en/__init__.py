"""The English catalogue: every message key of every stage, and the report labels."""

from __future__ import annotations

from . import (
    checks,
    cli,
    definitions,
    diff,
    export,
    formula,
    fractions,
    importers,
    periods,
    problems,
    results,
)
from .labels import LABELS

MESSAGES: dict[str, str] = {
    **results.MESSAGES,
    **checks.MESSAGES,
    **cli.MESSAGES,
    **definitions.MESSAGES,
    **export.MESSAGES,
    **formula.MESSAGES,
    **periods.MESSAGES,
    **problems.MESSAGES,
    **diff.MESSAGES,
    **importers.MESSAGES,
    **fractions.MESSAGES,
}

__all__ = ["LABELS", "MESSAGES"]
