"""Reading every values file of a run: CSV files and workbooks, by their extension."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..definitions.model import Variabel
from ..errors import ProblemsError, UsageError
from ..i18n import t
from ..problems import Problem
from .csvfile import read_csv
from .ingest import Ingest, NotationChoice, Values
from .sniff import WORKBOOK_EXTENSIONS

_WORKBOOK_SUFFIXES = tuple(s for suffixes in WORKBOOK_EXTENSIONS.values() for s in suffixes)


def read_values(files: Iterable[Path], variables: dict[str, Variabel],
                notation: NotationChoice = "auto", delimiter: str | None = None,
                sheet: str | None = None) -> Values:
    """Read every values file (CSV or workbook); raise ProblemsError listing every bad row."""
    ingest = Ingest(variables)
    for path in files:
        if not path.is_file():
            raise UsageError(t("values.file-missing", file=str(path)))
        if path.suffix.lower() in _WORKBOOK_SUFFIXES:
            from .workbook import read_workbook

            read_workbook(path, ingest, notation=notation, sheet=sheet, display=str(path))
        else:
            read_csv(path, ingest, notation=notation, delimiter=delimiter, display=str(path))
    values = ingest.values
    count = sum(p.level == "error" for p in values.problems) + values.dropped_errors
    _note_dropped(values)
    if values.has_errors:
        raise ProblemsError(t("values.summary", count=f"{count:,}"), values.problems)
    return values


def _note_dropped(values: Values) -> None:
    """Say how many problems were not listed, so that none passes unsaid."""
    if values.dropped_errors or values.dropped_warnings:
        level = "error" if values.dropped_errors else "warning"
        values.problems.append(Problem("", 0, 0, level, "values", t(  # type: ignore[arg-type]
            "values.more-problems", errors=f"{values.dropped_errors:,}",
            warnings=f"{values.dropped_warnings:,}", shown=f"{len(values.problems):,}")))
