"""Reading a values CSV (SPEC §4): encodings, `sep=`, delimiters, quoting, every bad row.

Rows are streamed: each is checked and folded into one entry per (variable,
period), so a large file is never held as rows in memory. The notation of the
numbers is the file's own (`notation.Judge`): only the rows whose value waits
for it are kept until the file has decided.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any, TextIO

from ..errors import UsageError
from ..i18n import t
from ..periods import Period, PeriodError, parse_period
from ..problems import Problem
from .ingest import DELIMITERS, KNOWN_COLUMNS, Entry, Ingest, NotationChoice, Source, header_columns
from .notation import PENDING, Judge
from .sniff import Mislabelled, check_kind


class _NotText(Exception):
    """Bytes that are not text in the encoding tried (the next one is tried)."""


def detect_delimiter(header: str, known: Collection[str] = KNOWN_COLUMNS) -> str:
    """The delimiter of a header line: the one that splits it into most `known` names."""
    best, best_score = ",", -1
    for delim in (";", ",", "\t"):
        names = [c.strip().strip('"').lower() for c in header.split(delim)]
        score = sum(name in known for name in names) * 10 + header.count(delim)
        if score > best_score and header.count(delim) > 0:
            best, best_score = delim, score
    return best


def read_csv(path: Path, ingest: Ingest, notation: NotationChoice = "auto",
             delimiter: str | None = None, display: str | None = None) -> None:
    """Stream one CSV file into `ingest`, trying UTF-8 (BOM or not), then cp1252."""
    display = display or str(path)
    try:
        check_kind(path, display, "csv")
    except Mislabelled as exc:
        ingest.values.problems.append(Problem(display, 0, 0, "error", "values", str(exc)))
        return
    except OSError as exc:
        raise UsageError(t("values.cannot-read", file=display,
                           reason=exc.strerror or str(exc))) from None
    for encoding in ("utf-8-sig", "cp1252"):
        mark = len(ingest.values.problems), len(ingest.values.sources)
        dropped = ingest.values.dropped_errors, ingest.values.dropped_warnings
        try:
            with path.open("r", encoding=encoding, newline="") as fh:
                _read_rows(fh, display, ingest, notation, delimiter)
            return
        except UnicodeDecodeError:
            _restore(ingest, *mark)
            ingest.values.dropped_errors, ingest.values.dropped_warnings = dropped
        except OSError as exc:
            raise UsageError(t("values.cannot-read", file=display,
                               reason=exc.strerror or str(exc))) from None
    ingest.values.problems.append(Problem(display, 0, 0, "error", "values",
                                          t("values.not-utf8-or-cp1252")))


def _restore(ingest: Ingest, n_problems: int, n_sources: int) -> None:
    """Forget what a failed decoding attempt recorded, before trying the next encoding."""
    del ingest.values.problems[n_problems:]
    dropped = set(range(n_sources, len(ingest.values.sources)))
    del ingest.values.sources[n_sources:]
    for per_var in ingest.values.entries.values():
        for period in [p for p, e in per_var.items() if e.source in dropped]:
            del per_var[period]


def _read_rows(fh: TextIO, display: str, ingest: Ingest, notation: NotationChoice,
               delimiter: str | None) -> None:
    index = ingest.add_source(Source(display))
    source = ingest.values.sources[index]
    first_line_no = 1
    first = fh.readline()
    if not first:
        ingest.values.error(source, 1, t("values.csv-empty"))
        return
    sep = re.match(r'^"?sep=(.)"?\s*$', first)
    if sep:
        delimiter = delimiter or sep.group(1)
        first = fh.readline()
        first_line_no = 2
        if not first:
            ingest.values.error(source, 1, t("values.csv-no-header-after-sep"))
            return
    delim = DELIMITERS.get(delimiter, delimiter) if delimiter else detect_delimiter(first)

    # strict: a stray or unclosed quote is reported, never silently swallowing the rows after it
    reader = csv.reader(itertools.chain((first,), fh), delimiter=delim, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        ingest.values.error(source, first_line_no, quote_message(exc, delim))
        return
    if "\x00" in "".join(header):
        ingest.values.error(source, first_line_no, t("values.nul"))
        return
    columns = header_columns(header, source, first_line_no, ingest)
    if columns is None:
        return
    width = len(header)
    line = first_line_no
    # Per-row work is kept to the minimum: a values file can hold millions of rows.
    at_periode, at_variabel, at_nilai = columns["periode"], columns["variabel"], columns["nilai"]
    at_note = columns.get("keterangan")
    needed = max(at_periode, at_variabel, at_nilai) + 1
    record = ingest.row
    entries = ingest.values.entries
    bounded = ingest.bounds
    new_entry = tuple.__new__  # Entry(...) through its Python-level __new__ costs twice as much
    judge = Judge(notation, source, lambda row, message: ingest.values.error(source, row, message),
                  by_delimiter="id" if delim == ";" and notation == "auto" else None)
    # Rows whose value waits for the file's notation: (line, periode, variabel, text, note).
    waiting: list[tuple[int, str, str, str, str]] = []
    periods: dict[str, Period] = {}  # `periode` cell text → its period, for texts that parse
    while True:
        # A malformed row raises from the reader; it is reported and reading goes on after it.
        try:
            for cells in reader:
                start, line = line + 1, first_line_no + reader.line_num - 1
                if len(cells) != width:
                    if not "".join(cells).strip():  # an empty row (every cell blank)
                        continue
                    if "\x00" in "".join(cells):
                        ingest.values.error(source, start, t("values.nul"))
                        continue
                    if len(cells) > width:
                        hint = t("values.row-long-hint") if delim == "," else ""
                        ingest.values.error(source, start, t("values.row-long", fields=len(
                            cells), width=width, hint=hint))
                        continue
                    if len(cells) < needed:
                        ingest.values.error(source, start, t("values.row-short", fields=len(
                            cells), width=width))
                        continue
                    cells += [""] * (width - len(cells))
                raw = cells[at_nilai].strip()
                value: Any = None
                if raw:
                    value = judge.read(raw, start)  # quicker once the notation is settled
                    if value is PENDING:
                        note = cells[at_note].strip() if at_note is not None else ""
                        waiting.append((start, cells[at_periode], cells[at_variabel], raw, note))
                        continue
                    if waiting and judge.notation is not None:
                        _flush(waiting, judge, record, index)
                elif not "".join(cells).strip():
                    continue
                note = cells[at_note].strip() if at_note is not None else ""
                # The usual row (a number for a period spelt as before, for a variable that
                # already has values and no `rentang`, and not given before) is recorded
                # right here; `Ingest.row` does the same and explains everything else. A
                # cell equal to a key of `entries` is a known variable written without
                # surrounding blanks, so both ways store the same entry.
                var = cells[at_variabel]
                known = entries.get(var)
                if known is not None and value is not None and var not in bounded:
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
                record(index, start, cells[at_periode], var, value, note)
            break
        except csv.Error as exc:
            start, line = line + 1, first_line_no + reader.line_num - 1
            ingest.values.error(source, start, quote_message(exc, delim))
    judge.finish()
    _flush(waiting, judge, record, index)


def _flush(waiting: list[tuple[int, str, str, str, str]], judge: Judge, record: Any,
           index: int) -> None:
    """Record the rows that waited for the file's notation (None where it never came)."""
    for start, periode, variabel, text, note in waiting:
        record(index, start, periode, variabel, judge.resolve(text), note)
    waiting.clear()


def quote_message(exc: csv.Error, delim: str) -> str:
    """The message of a malformed quoted field, by what the csv module found."""
    if "field limit" in str(exc):
        return t("values.field-too-long", limit=f"{csv.field_size_limit():,}")
    if "end of data" in str(exc):
        return t("values.quote-unclosed")
    shown = t("values.tab") if delim == "\t" else f"`{delim}`"
    return t("values.quote-misplaced", delimiter=shown)
