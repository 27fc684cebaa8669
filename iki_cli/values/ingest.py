"""Ingesting values (SPEC §4): the columns, the recorded entries, and the checks of a row.

The CSV and workbook readers hand each row to `Ingest`, which folds it into
one entry per (variable, period). Every bad row is collected; if any is bad,
the caller gets a ProblemsError and nothing is computed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from ..definitions.model import Variabel
from ..periods import Period, PeriodError, parse_period, suggest_period
from ..problems import Problem, did_you_mean

REQUIRED = ("periode", "variabel", "nilai")
OPTIONAL = ("keterangan",)
INFORMATIONAL = ("uraian", "satuan", "sumber_data")
KNOWN_COLUMNS = REQUIRED + OPTIONAL + INFORMATIONAL
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}
MAX_PROBLEMS = 1000

NotationChoice = Literal["auto", "id", "en"]


def period_hint(text: str) -> str:
    """A did-you-mean for a mistyped period code ("" when nothing is likely)."""
    likely = suggest_period(text)
    return f"; did you mean `{likely}`?" if likely else ""


class Entry(NamedTuple):
    """One recorded value: where it came from (source index, row) and its note.

    A named tuple, not a dataclass: one is made per row, and this is twice as quick.
    """

    value: float
    source: int
    row: int
    note: str = ""


@dataclass
class Source:
    """A values file as the user names it; `sheet` and `column` for workbooks."""

    display: str
    sheet: str | None = None
    value_column: str = ""

    def where(self, row: int, column: str | None = None) -> tuple[str, int]:
        """(path, line) of a row: `file:line` for CSV, `file:sheet!C5` for a workbook cell."""
        if self.sheet is None:
            return self.display, row
        return f"{self.display}:{self.sheet}!{column or self.value_column}{row}", 0

    def label(self, row: int) -> str:
        path, line = self.where(row)
        return f"{path}:{line}" if line else path


@dataclass
class Values:
    """Every recorded value by variable and period, with the problems found reading them."""

    sources: list[Source] = field(default_factory=list)
    entries: dict[str, dict[Period, Entry]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Errors past the first MAX_PROBLEMS problems are not kept, but counted: one bad row
    # must stop the computation even when a thousand warnings came before it.
    dropped_errors: int = 0

    def error(self, source: Source, row: int, message: str, column: str | None = None,
              level: str = "error") -> None:
        if len(self.problems) < MAX_PROBLEMS:
            path, line = source.where(row, column)
            self.problems.append(Problem(path, line, 0, level, "values",  # type: ignore[arg-type]
                                         message))
        elif level == "error":
            self.dropped_errors += 1

    @property
    def has_errors(self) -> bool:
        return self.dropped_errors > 0 or any(p.level == "error" for p in self.problems)


class Ingest:
    """Checks raw rows and folds them into `Values` (shared by the CSV and xlsx readers)."""

    def __init__(self, variables: dict[str, Variabel]):
        self.variables = variables
        self.values = Values()

    def add_source(self, source: Source) -> int:
        self.values.sources.append(source)
        return len(self.values.sources) - 1

    def row(self, index: int, row: int, periode: object, variabel: object,
            nilai: float | None, note: str = "", columns: dict[str, str] | None = None) -> None:
        """Record one row whose `nilai` is already a number (None: not collected yet)."""
        # This runs for every row of every file: the happy path does no more than it must,
        # and what only messages need (the source, the cell columns) is looked up for them.
        period_text = "" if periode is None else str(periode).strip()
        var_text = "" if variabel is None else str(variabel).strip()
        ok = True
        try:
            period = parse_period(period_text)
        except PeriodError as exc:
            msg = "`periode` is empty" if not period_text else f"{exc}{period_hint(period_text)}"
            self.values.error(self.values.sources[index], row, msg,
                              (columns or {}).get("periode"))
            ok = False
        if var_text not in self.variables:
            msg = ("`variabel` is empty" if not var_text else
                   f"unknown variable `{var_text}`{did_you_mean(var_text, self.variables)}")
            self.values.error(self.values.sources[index], row, msg,
                              (columns or {}).get("variabel"))
            ok = False
        if not ok or nilai is None:
            return
        known = self.values.entries.get(var_text)
        if known is None:
            known = self.values.entries[var_text] = {}
        entry = Entry(nilai, index, row, note)
        before = known.setdefault(period, entry)
        if before is entry:
            return
        source = self.values.sources[index]
        cols = columns or {}
        first = self.values.sources[before.source].label(before.row)
        if before.value == nilai:
            self.values.error(source, row, f"`{var_text}` for {period} is also given on {first} "
                              "(same value)", cols.get("variabel"), level="warning")
        else:
            self.values.error(source, row, f"`{var_text}` for {period} is {nilai:g} here but "
                              f"{before.value:g} on {first}; keep one", cols.get("nilai"))



def header_columns(header: Sequence[str], source: Source, line: int, ingest: Ingest, *,
                   letter: Callable[[int], str] | None = None,
                   missing_note: str = "; the header must name periode, variabel and nilai",
                   ) -> dict[str, int] | None:
    """Column name → index from a header row (CSV or workbook); problems go to `ingest`.

    `letter` names a workbook column so that problems point at the header cell.
    """
    columns: dict[str, int] = {}
    ok = True
    for i, name in enumerate(header):
        key = name.strip().lower()
        if not key:
            continue
        cell = letter(i) if letter else None
        if key not in KNOWN_COLUMNS:
            ingest.values.error(source, line, f"unknown column `{name.strip()}`"
                                f"{did_you_mean(key, KNOWN_COLUMNS)}; the columns are "
                                + ", ".join(KNOWN_COLUMNS), cell)
            ok = False
        elif key in columns:
            ingest.values.error(source, line, f"column `{key}` appears twice", cell)
            ok = False
        else:
            columns[key] = i
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        ingest.values.error(source, line, "missing column(s) "
                            + ", ".join(f"`{c}`" for c in missing) + missing_note,
                            letter(0) if letter else None)
        ok = False
    return columns if ok else None
