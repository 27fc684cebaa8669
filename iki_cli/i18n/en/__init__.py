"""The English catalogue: every message key of every stage, and the report labels."""

from __future__ import annotations

from . import (
    analysis,
    checks,
    checks_office,
    cli,
    definitions,
    diff,
    export,
    formula,
    fractions,
    importers,
    numbers,
    periods,
    problems,
    report,
    results,
    riwayat,
    terminal,
    values,
)
from .labels import LABELS as REPORT_LABELS

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
    **cli.MESSAGES,
    **definitions.MESSAGES,
    **export.MESSAGES,
    **formula.MESSAGES,
    **periods.MESSAGES,
    **problems.MESSAGES,
    **analysis.MESSAGES,
}

# The labels of performance over time are kept beside the others, in a module of their own.
LABELS: dict[str, str] = {**REPORT_LABELS, **riwayat.LABELS}

__all__ = ["LABELS", "MESSAGES"]
