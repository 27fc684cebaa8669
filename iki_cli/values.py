"""Reading measured values (SPEC §4): CSV files (and, through `xlsx`, workbooks).

Rows are streamed: each is checked and folded into one entry per
(variable, period), so a large file is never held as rows in memory. Every
bad row is collected; if any is bad, the caller gets a ProblemsError and
nothing is computed.
"""

from __future__ import annotations

import csv
import difflib
import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple, TextIO

from .definitions import gc_paused
from .model import Variabel
from .numbers import Notation, NumberError, number_parser
from .periods import Period, PeriodError, aligned_parts, parse_period
from .problems import Problem, ProblemsError, UsageError, did_you_mean

REQUIRED = ("periode", "variabel", "nilai")
OPTIONAL = ("keterangan",)
INFORMATIONAL = ("uraian", "satuan", "sumber_data")
KNOWN_COLUMNS = REQUIRED + OPTIONAL + INFORMATIONAL
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}
MAX_PROBLEMS = 1000

NotationChoice = Literal["auto", "id", "en"]


@lru_cache(maxsize=4096)
def cached_period(text: str) -> Period:
    """Parse a period once per distinct spelling (a values file repeats a few dozen)."""
    return parse_period(text)


def period_hint(text: str) -> str:
    """A did-you-mean for a mistyped period code, from the codes of its year."""
    m = re.match(r"\s*(\d{4})", text)
    if not m:
        return ""
    codes = [p.code for p in aligned_parts(Period(int(m.group(1)), 1, 12))]
    close = difflib.get_close_matches(text.strip().upper(), codes, n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else ""


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
            period = cached_period(period_text)
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


def _not_text(encoding: str) -> UnicodeDecodeError:
    """A NUL in a line: UTF-16 (Excel's "Unicode Text") or binary, not 8-bit text."""
    return UnicodeDecodeError(encoding, b"\x00", 0, 1, "NUL byte in text")


def _detect_delimiter(header: str) -> str:
    best, best_score = ",", -1
    for delim in (";", ",", "\t"):
        names = [c.strip().strip('"').lower() for c in header.split(delim)]
        score = sum(name in KNOWN_COLUMNS for name in names) * 10 + header.count(delim)
        if score > best_score and header.count(delim) > 0:
            best, best_score = delim, score
    return best


def read_csv(path: Path, ingest: Ingest, notation: NotationChoice = "auto",
             delimiter: str | None = None, display: str | None = None) -> None:
    """Stream one CSV file into `ingest`, trying UTF-8 (BOM or not), then cp1252."""
    display = display or str(path)
    for encoding in ("utf-8-sig", "cp1252"):
        mark = len(ingest.values.problems), _snapshot(ingest)
        dropped = ingest.values.dropped_errors
        try:
            _read_csv(path, display, encoding, ingest, notation, delimiter)
            return
        except UnicodeDecodeError:
            _restore(ingest, *mark)
            ingest.values.dropped_errors = dropped
        except OSError as exc:
            raise UsageError(f"cannot read `{display}`: {exc.strerror or exc}") from None
    ingest.values.problems.append(Problem(display, 0, 0, "error", "values",
                                          "file is neither UTF-8 nor Windows-1252 text; "
                                          "save it as CSV UTF-8"))


def _snapshot(ingest: Ingest) -> int:
    return len(ingest.values.sources)


def _restore(ingest: Ingest, n_problems: int, n_sources: int) -> None:
    """Forget what a failed decoding attempt recorded, before trying the next encoding."""
    del ingest.values.problems[n_problems:]
    dropped = set(range(n_sources, len(ingest.values.sources)))
    del ingest.values.sources[n_sources:]
    for per_var in ingest.values.entries.values():
        for period in [p for p, e in per_var.items() if e.source in dropped]:
            del per_var[period]


def _read_csv(path: Path, display: str, encoding: str, ingest: Ingest,
              notation: NotationChoice, delimiter: str | None) -> None:
    with path.open("r", encoding=encoding, newline="") as fh:
        _read_rows(fh, display, encoding, ingest, notation, delimiter)


def _read_rows(fh: TextIO, display: str, encoding: str, ingest: Ingest,
               notation: NotationChoice, delimiter: str | None) -> None:
    index = ingest.add_source(Source(display))
    source = ingest.values.sources[index]
    first_line_no = 1
    first = fh.readline()
    if not first:
        ingest.values.error(source, 1, "file is empty; it needs a header row "
                            "`periode;variabel;nilai;keterangan`")
        return
    if "\x00" in first:
        raise _not_text(encoding)
    sep = re.match(r'^"?sep=(.)"?\s*$', first)
    if sep:
        delimiter = delimiter or sep.group(1)
        first = fh.readline()
        first_line_no = 2
        if not first:
            ingest.values.error(source, 1, "file has no header row after `sep=`")
            return
    delim = DELIMITERS.get(delimiter, delimiter) if delimiter else _detect_delimiter(first)
    chosen: Notation = ("id" if delim == ";" else "en") if notation == "auto" else notation

    # strict: a stray or unclosed quote is reported, never silently swallowing the rows after it
    reader = csv.reader(itertools.chain((first,), fh), delimiter=delim, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        ingest.values.error(source, first_line_no, _quote_message(exc, delim))
        return
    if "\x00" in "".join(header):
        raise _not_text(encoding)
    columns = header_columns(header, source, first_line_no, ingest)
    if columns is None:
        return
    width = len(header)
    line = first_line_no
    # Per-row work is kept to the minimum: a values file can hold hundreds of thousands.
    at_periode, at_variabel, at_nilai = columns["periode"], columns["variabel"], columns["nilai"]
    at_note = columns.get("keterangan")
    record = ingest.row
    entries = ingest.values.entries
    new_entry = tuple.__new__  # Entry(...) through its Python-level __new__ costs twice as much
    parse = number_parser(chosen)
    periods: dict[str, Period] = {}  # `periode` cell text → its period, for texts that parse
    while True:
        # A malformed row raises from the reader; it is reported and reading goes on after it.
        try:
            for cells in reader:
                start, line = line + 1, first_line_no + reader.line_num - 1
                joined = "".join(cells)
                if "\x00" in joined:
                    raise _not_text(encoding)
                if not joined.strip():  # an empty row (every cell blank)
                    continue
                if len(cells) != width:
                    if len(cells) > width:
                        hint = (" (a number with a decimal comma must be quoted, or use `;` "
                                "as delimiter)" if delim == "," else "")
                        ingest.values.error(source, start, f"row has {len(cells)} fields but "
                                            f"the header has {width}{hint}")
                        continue
                    cells += [""] * (width - len(cells))
                raw = cells[at_nilai].strip()
                value: float | None = None
                if raw:
                    try:
                        value = parse(raw)
                    except NumberError as exc:
                        ingest.values.error(source, start, f"`nilai`: {exc}")
                        # the period and variable are still checked, so every fault is reported
                note = cells[at_note].strip() if at_note is not None else ""
                # The usual row (a number for a period spelt as before, for a variable that
                # already has values, and not given before) is recorded right here;
                # `Ingest.row` does the same and explains everything else. A cell equal to a
                # key of `entries` is a known variable written without surrounding blanks, so
                # both ways store the same entry.
                known = entries.get(cells[at_variabel])
                if known is not None and value is not None:
                    period = periods.get(cells[at_periode])
                    if period is None:
                        try:
                            period = periods[cells[at_periode]] = cached_period(
                                cells[at_periode].strip())
                        except PeriodError:
                            period = None
                    if period is not None:
                        entry = new_entry(Entry, (value, index, start, note))
                        if known.setdefault(period, entry) is entry:
                            continue
                record(index, start, cells[at_periode], cells[at_variabel], value, note)
            return
        except csv.Error as exc:
            start, line = line + 1, first_line_no + reader.line_num - 1
            ingest.values.error(source, start, _quote_message(exc, delim))


def _quote_message(exc: csv.Error, delim: str) -> str:
    if "field limit" in str(exc):
        return (f"a field is longer than {csv.field_size_limit():,} characters; "
                "is this really a values file?")
    if "end of data" in str(exc):
        return ("a quoted field starting on this line is never closed (a `\"` is missing), "
                "so the rest of the file could not be read")
    shown = "tab" if delim == "\t" else f"`{delim}`"
    return (f"misplaced `\"`: a field that starts with `\"` must end with `\"` just before "
            f"the next {shown}; write a `\"` inside a field as `\"\"`")


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


def read_values(files: Iterable[Path], variables: dict[str, Variabel],
                notation: NotationChoice = "auto", delimiter: str | None = None,
                sheet: str | None = None) -> Values:
    """Read every values file (CSV or .xlsx); raise ProblemsError listing every bad row."""
    ingest = Ingest(variables)
    with gc_paused():
        for path in files:
            if not path.is_file():
                raise UsageError(f"values file `{path}` does not exist")
            # .xls/.ods go to the workbook reader too, which says to save them as .xlsx.
            if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
                from .xlsx import read_workbook

                read_workbook(path, ingest, notation=notation, sheet=sheet, display=str(path))
            else:
                read_csv(path, ingest, notation=notation, delimiter=delimiter,
                         display=str(path))
    values = ingest.values
    if values.has_errors:
        errors = [p for p in values.problems if p.level == "error"]
        more = "" if len(values.problems) < MAX_PROBLEMS else f" (first {MAX_PROBLEMS} shown)"
        count = len(errors) + values.dropped_errors
        raise ProblemsError(f"{count} bad value row(s){more}; nothing was computed",
                            values.problems)
    return values


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and \
        math.isfinite(value)
