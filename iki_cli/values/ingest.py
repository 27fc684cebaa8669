"""Ingesting values (SPEC §4): the columns, the recorded entries, and the checks of a row.

The CSV and workbook readers hand each row to `Ingest`, which folds it into
one entry per (variable, period). Every bad row is collected; if any is bad,
the caller gets a ProblemsError and nothing is computed.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from ..definitions.model import Variabel
from ..i18n import t
from ..numbers import format_plain
from ..periods import Period, PeriodError, parse_period, suggest_period
from ..problems import Problem

REQUIRED = ("periode", "variabel", "nilai")
OPTIONAL = ("keterangan",)
INFORMATIONAL = ("uraian", "satuan", "sumber_data")
KNOWN_COLUMNS = REQUIRED + OPTIONAL + INFORMATIONAL
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}
MAX_PROBLEMS = 1000

NotationChoice = Literal["auto", "id", "en"]


def suggest(word: str, candidates: Iterable[str]) -> str:
    """A "; did you mean `x`?" suffix in the current language, or "" when nothing is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return t("values.did-you-mean", name=close[0]) if close else ""


def period_hint(text: str) -> str:
    """A did-you-mean for a mistyped period code ("" when nothing is likely)."""
    likely = suggest_period(text)
    return t("values.did-you-mean", name=likely) if likely else ""


def period_problem(text: str, exc: PeriodError) -> str:
    """The message of a `periode` cell that is not a period code."""
    if not text:
        return t("values.periode-empty")
    if "\x00" in text:
        return t("values.nul")
    return t("values.periode-bad", text=text[:40], hint=period_hint(text))


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
        """(path, line) of a row: `file:line` for CSV, `file:sheet!C5` for a workbook cell.

        Row 0 is the file (for a workbook, its sheet) as a whole.
        """
        if self.sheet is None:
            return self.display, row
        if row == 0:
            return f"{self.display}:{self.sheet}", 0
        return f"{self.display}:{self.sheet}!{column or self.value_column}{row}", 0

    def label(self, row: int) -> str:
        path, line = self.where(row)
        return f"{path}:{line}" if line else path

    def row_label(self, row: int) -> str:
        """A row within this file, as a message names it: `line 6`, `cell F6`."""
        if self.sheet is None:
            return t("values.line", line=row)
        return t("values.cell", cell=f"{self.value_column}{row}")

    def rows_text(self, ranges: Sequence[tuple[int, int]]) -> str:
        """`lines 2–5, 8` for a CSV file, `cells F2:F5, F8` for a workbook."""
        if self.sheet is None:
            parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in ranges]
            return t("values.lines", lines=", ".join(parts))
        col = self.value_column
        parts = [f"{col}{a}" if a == b else f"{col}{a}:{col}{b}" for a, b in ranges]
        return t("values.cells", cells=", ".join(parts))


@dataclass
class Values:
    """Every recorded value by variable and period, with the problems found reading them."""

    sources: list[Source] = field(default_factory=list)
    entries: dict[str, dict[Period, Entry]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Problems past the first MAX_PROBLEMS are not kept, but counted: one bad row must
    # stop the computation even when a thousand warnings came before it, and the reader
    # is told how many more there were.
    dropped_errors: int = 0
    dropped_warnings: int = 0
    # Where the problems of the file being read begin: a problem of the whole file (row 0)
    # goes before its rows' problems, though it is known only once the file is read.
    file_start: int = 0

    def error(self, source: Source, row: int, message: str, column: str | None = None,
              level: str = "error") -> None:
        if len(self.problems) < MAX_PROBLEMS:
            path, line = source.where(row, column)
            problem = Problem(path, line, 0, level, "values", message)  # type: ignore[arg-type]
            if row == 0:
                self.problems.insert(self.file_start, problem)
                self.file_start += 1
            else:
                self.problems.append(problem)
        elif level == "error":
            self.dropped_errors += 1
        else:
            self.dropped_warnings += 1

    @property
    def has_errors(self) -> bool:
        return self.dropped_errors > 0 or any(p.level == "error" for p in self.problems)


class Ingest:
    """Checks raw rows and folds them into `Values` (shared by the CSV and workbook readers)."""

    def __init__(self, variables: dict[str, Variabel]):
        self.variables = variables
        self.values = Values()
        # (min, max) of the variables with a `rentang`; absent bounds are infinite.
        self.bounds: dict[str, tuple[float, float]] = {
            v.id: (-_INF if v.rentang.min is None else v.rentang.min,
                   _INF if v.rentang.max is None else v.rentang.max)
            for v in variables.values() if v.rentang is not None}

    def add_source(self, source: Source) -> int:
        self.values.sources.append(source)
        self.values.file_start = len(self.values.problems)
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
            self.values.error(self.values.sources[index], row,
                              period_problem(period_text, exc), (columns or {}).get("periode"))
            ok = False
        if var_text not in self.variables:
            msg = (t("values.variabel-empty") if not var_text else t("values.nul")
                   if "\x00" in var_text else
                   t("values.variabel-unknown", name=var_text[:64],
                     hint=suggest(var_text, self.variables)))
            self.values.error(self.values.sources[index], row, msg,
                              (columns or {}).get("variabel"))
            ok = False
        if not ok or nilai is None:
            return
        bounds = self.bounds.get(var_text)
        if bounds is not None and not bounds[0] <= nilai <= bounds[1]:
            self.out_of_range(index, row, var_text, nilai, (columns or {}).get("nilai"))
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
            self.values.error(source, row, t("values.duplicate-same", var=var_text,
                                             period=period.code, first=first),
                              cols.get("variabel"), level="warning")
        else:
            self.values.error(source, row, t("values.duplicate-differs", var=var_text,
                                             period=period.code, value=_shown(nilai),
                                             before=_shown(before.value), first=first),
                              cols.get("nilai"))

    def out_of_range(self, index: int, row: int, var: str, value: float,
                     column: str | None) -> None:
        """A value outside its variable's `rentang`: an error at the row."""
        rentang = self.variables[var].rentang
        assert rentang is not None
        low = "" if rentang.min is None else _shown(rentang.min)
        high = "" if rentang.max is None else _shown(rentang.max)
        key = ("values.out-of-range" if low and high else
               "values.below-min" if low else "values.above-max")
        self.values.error(self.values.sources[index], row,
                          t(key, value=_shown(value), var=var, min=low, max=high), column)


_INF = float("inf")


def _shown(value: float) -> str:
    """A number in a message: every digit, in the notation of the current language."""
    from ..i18n import language

    return format_plain(value, "id" if language() == "id" else "en")


def named_columns(names: Sequence[str], known: Collection[str],
                  unknown: Callable[[str, str, int], None], twice: Callable[[str, int], None]
                  ) -> tuple[dict[str, int], bool]:
    """Column name → index of a header row, and whether every name was right.

    Names are compared stripped and in lower case; blank ones are passed over. A name not
    in `known` goes to `unknown(name, key, index)`, one given again to `twice(key, index)`.
    """
    columns: dict[str, int] = {}
    ok = True
    for i, name in enumerate(names):
        key = name.strip().lower()
        if not key:
            continue
        if key not in known:
            unknown(name, key, i)
            ok = False
        elif key in columns:
            twice(key, i)
            ok = False
        else:
            columns[key] = i
    return columns, ok


def header_columns(header: Sequence[str], source: Source, line: int, ingest: Ingest, *,
                   letter: Callable[[int], str] | None = None,
                   missing_note: str | None = None) -> dict[str, int] | None:
    """Column name → index from a header row (CSV or workbook); problems go to `ingest`.

    `letter` names a workbook column so that problems point at the header cell.
    """
    def unknown(name: str, key: str, i: int) -> None:
        ingest.values.error(source, line, t("values.column-unknown", name=name.strip()[:64],
                                            hint=suggest(key, KNOWN_COLUMNS),
                                            known=", ".join(KNOWN_COLUMNS)),
                            letter(i) if letter else None)

    def twice(key: str, i: int) -> None:
        ingest.values.error(source, line, t("values.column-twice", name=key),
                            letter(i) if letter else None)

    columns, ok = named_columns(header, KNOWN_COLUMNS, unknown, twice)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        note = missing_note if missing_note is not None else t("values.header-needs")
        ingest.values.error(source, line, t("values.columns-missing", names=", ".join(
            f"`{c}`" for c in missing), note=note), letter(0) if letter else None)
        ok = False
    return columns if ok else None
