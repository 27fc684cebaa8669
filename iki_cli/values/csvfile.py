"""Reading a values CSV (SPEC §4): encodings, `sep=`, delimiters, quoting, every bad row.

Rows are streamed: each is checked and folded into one entry per (variable,
period), so a large file is never held as rows in memory.
"""

from __future__ import annotations

import csv
import itertools
import re
from pathlib import Path
from typing import TextIO

from ..errors import UsageError
from ..numbers import Notation, NumberError, number_parser
from ..periods import Period, PeriodError, parse_period
from ..problems import Problem
from .ingest import DELIMITERS, KNOWN_COLUMNS, Entry, Ingest, NotationChoice, Source, header_columns


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
                            period = periods[cells[at_periode]] = parse_period(
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


