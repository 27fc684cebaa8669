"""Reading every values file of a run: CSV files and workbooks, by their extension."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..definitions.model import Variabel
from ..errors import ProblemsError, UsageError
from .csvfile import read_csv
from .ingest import MAX_PROBLEMS, Ingest, NotationChoice, Values


def read_values(files: Iterable[Path], variables: dict[str, Variabel],
                notation: NotationChoice = "auto", delimiter: str | None = None,
                sheet: str | None = None) -> Values:
    """Read every values file (CSV or .xlsx); raise ProblemsError listing every bad row."""
    ingest = Ingest(variables)
    for path in files:
        if not path.is_file():
            raise UsageError(f"values file `{path}` does not exist")
        # .xls/.ods go to the workbook reader too, which says to save them as .xlsx.
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
            from .workbook import read_workbook

            read_workbook(path, ingest, notation=notation, sheet=sheet, display=str(path))
        else:
            read_csv(path, ingest, notation=notation, delimiter=delimiter, display=str(path))
    values = ingest.values
    if values.has_errors:
        errors = [p for p in values.problems if p.level == "error"]
        more = "" if len(values.problems) < MAX_PROBLEMS else f" (first {MAX_PROBLEMS} shown)"
        count = len(errors) + values.dropped_errors
        raise ProblemsError(f"{count} bad value row(s){more}; nothing was computed",
                            values.problems)
    return values


