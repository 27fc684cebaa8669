"""Values read from workbooks (SPEC §4): .xlsx, .xlsm, .ods and .xls, by the same rules.

The cells are read by calamine (python-calamine, imported inside the function
that reads), which reads every kind fast. What it does not show — an error
cell reads as empty, a formula without a saved result too, and a percentage
as its fraction — and the size of what it would build are found first by the
kind's own measuring pass (`xlsxscan`, `odsscan`, `xlsscan`). Every bad cell
is a problem `file:sheet!C5: message`, never a traceback.

Text cells holding a number follow `--angka`; under `auto` their own numbers
decide the notation, as in a `,`-separated CSV file (`notation.Judge`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..i18n import t
from ..numbers import letters as letter  # a column's letter
from ..periods import Period, PeriodError, parse_period
from ..problems import Problem
from .ingest import REQUIRED, Entry, Ingest, NotationChoice, Source, header_columns, suggest
from .limits import SheetFacts, Unreadable, damaged
from .notation import PENDING, Judge
from .sniff import Mislabelled, check_kind

# A valid period for Ingest.row when only the variable is left to check (nothing
# is recorded, since the value passed with it is None).
ANY_PERIOD = "2000"
DATE_TYPES = (dt.datetime, dt.date, dt.time, dt.timedelta)


def kind_by_name(path: Path) -> str:
    """The workbook kind its extension names: `xlsx` (also .xlsm), `ods` or `xls`."""
    suffix = path.suffix.lower()
    return "xlsx" if suffix in (".xlsx", ".xlsm") else suffix.lstrip(".")


def read_workbook(path: Path, ingest: Ingest, notation: NotationChoice = "auto",
                  sheet: str | None = None, display: str | None = None) -> None:
    """Read the values sheet of one workbook into `ingest` (first worksheet, or `sheet`)."""
    display = display or str(path)
    try:
        kind = check_kind(path, display, kind_by_name(path))
        _read(path, display, ingest, notation, sheet, kind)
    except (Mislabelled, Unreadable) as exc:
        ingest.values.problems.append(Problem(display, 0, 0, "error", "values", str(exc)))
    except OSError as exc:
        raise UsageError(t("values.cannot-read", file=display,
                           reason=exc.strerror or str(exc))) from None


@dataclass
class OpenSheet:
    """A worksheet ready to be read: its rows (from `start`, calamine's first used cell,
    0-based; None for an empty sheet), its title, what the measuring pass found, and the
    names of the other worksheets."""

    rows: Any
    start: tuple[int, int] | None
    title: str
    facts: SheetFacts
    others: list[str]


def open_sheet(path: Path, display: str, sheet: str | None, kind: str) -> OpenSheet:
    """Measure a workbook (`Unreadable` past a limit) and open its first worksheet, or
    `sheet`: what every reader of a workbook shares (the values, the analysis)."""
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    # Measured before the reader opens it: it builds every used range it reads in full.
    if kind == "xlsx":
        from . import xlsxscan

        listing = xlsxscan.sheets(path)
        names = [name for name, _part, is_sheet in listing if is_sheet]
        chosen = choose_sheet(names, sheet, len(listing))
        facts = xlsxscan.facts(path, next(p for n, p, s in listing if s and n == chosen))
    elif kind == "ods":
        from . import odsscan

        tables = odsscan.facts(path)
        names = list(tables)
        chosen = choose_sheet(names, sheet, len(names))
        facts = tables[chosen]
    else:
        from . import xlsscan

        names, chosen, facts = xlsscan.scan(
            path, lambda found: choose_sheet(found, sheet, len(found)))
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise Unreadable(t("values.really-ole-encrypted", file=display, suffix="")) from None
    except CalamineError as exc:
        raise damaged(_reason(exc)) from None
    try:
        ws = workbook.get_sheet_by_name(chosen)
        rows = ws.iter_rows()
        start = ws.start
    except CalamineError as exc:
        raise damaged(_reason(exc)) from None
    finally:
        workbook.close()
    return OpenSheet(rows, start, chosen, facts, [name for name in names if name != chosen])


def _read(path: Path, display: str, ingest: Ingest, notation: NotationChoice,
          sheet: str | None, kind: str) -> None:
    opened = open_sheet(path, display, sheet, kind)
    _read_sheet(opened.rows, opened.start, display, opened.title, ingest, notation,
                opened.facts, hint="" if sheet is not None or not opened.others else t(
                    "values.first-sheet-hint", sheet=opened.title,
                    others=", ".join(f"`{name}`" for name in opened.others)))


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}"[:120] if text else type(exc).__name__


def choose_sheet(names: Sequence[str], sheet: str | None, all_sheets: int) -> str:
    """The worksheet to read: the first, or `sheet` (exactly, else ignoring case)."""
    if not names:
        raise Unreadable(t("values.no-worksheet") if not all_sheets else
                         t("values.only-charts"))
    if sheet is None:
        return names[0]
    for name in names:
        if name == sheet:
            return name
    for name in names:
        if name.casefold() == sheet.casefold():
            return name
    raise Unreadable(t("values.no-such-sheet", sheet=sheet, hint=suggest(sheet, names),
                       sheets=", ".join(f"`{n}`" for n in names)))


def _read_sheet(rows: Any, start: tuple[int, int] | None, display: str, title: str,
                ingest: Ingest, notation: NotationChoice, facts: SheetFacts,
                hint: str) -> None:
    index = ingest.add_source(Source(display, sheet=title))
    source = ingest.values.sources[index]
    first_row, first_col = start or (0, 0)
    iterator = iter(rows) if start is not None else iter(())

    def at(cells: Sequence[Any], col: int) -> Any:
        i = col - first_col
        return cells[i] if 0 <= i < len(cells) else ""

    header_cells: Sequence[Any] = next(iterator, []) if first_row == 0 else []
    width = first_col + len(header_cells)
    names = [_plain(at(header_cells, c)) for c in range(width)]
    columns = header_columns(names, source, 1, ingest, letter=letter, missing_note=t(
        "values.header-needs-row1") + hint)
    if columns is None:
        return
    letters = {key: letter(i) for key, i in columns.items()}
    source.value_column = letters["nilai"]
    judge = Judge(notation, source, lambda row, message: ingest.values.error(source, row, message),
                  cell_key="values.nilai-text")
    waiting: list[tuple[int, str, str, str, str]] = []
    flags = facts.flags
    wanted = {key: columns[key] for key in (*REQUIRED, "keterangan") if key in columns}
    # Per-row work is kept to the minimum: a sheet can hold a million rows. The usual row
    # (text period and variable, a number, nothing flagged, a known variable without
    # `rentang` that already has values) is recorded here; `Ingest.row` does the same and
    # explains everything else.
    at_periode, at_variabel, at_nilai = (columns[key] - first_col for key in REQUIRED)
    at_note = columns["keterangan"] - first_col if "keterangan" in columns else -1
    least = min(at_periode, at_variabel, at_nilai, at_note if at_note >= 0 else at_nilai)
    needed = max(at_periode, at_variabel, at_nilai, at_note) + 1
    entries, bounded = ingest.values.entries, ingest.bounds
    periods: dict[str, Period] = {}
    new_entry = tuple.__new__
    for row_no, cells in enumerate(iterator, start=max(first_row, 1) + 1):
        if not flags and least >= 0 and len(cells) >= needed:
            nilai, var, periode_text = cells[at_nilai], cells[at_variabel], cells[at_periode]
            known = entries.get(var) if type(var) is str else None
            if known is not None and type(nilai) in (float, int) and type(periode_text) is str \
                    and var not in bounded and nilai - nilai == 0:
                period = periods.get(periode_text)
                if period is None:
                    try:
                        period = periods[periode_text] = parse_period(periode_text.strip())
                    except PeriodError:
                        period = None
                if period is not None:
                    note = cells[at_note] if at_note >= 0 else ""
                    note = note.strip() if type(note) is str else _plain(note)
                    entry = new_entry(Entry, (float(nilai), index, row_no, note))
                    if known.setdefault(period, entry) is entry:
                        continue
        values = {key: at(cells, col) for key, col in wanted.items()}
        marks = {key: flags[(row_no, col + 1)] for key, col in wanted.items()
                 if (row_no, col + 1) in flags} if flags else {}
        if not marks and all(_blank(value) for value in cells):
            continue
        problems = False
        for key in ("periode", "variabel"):
            if key in marks:
                ingest.values.error(source, row_no, _flag_message(key, *marks[key]),
                                    letters[key])
                problems = True
        periode, periode_problem = _periode(values["periode"])
        if periode_problem and "periode" not in marks:
            ingest.values.error(source, row_no, periode_problem, letters["periode"])
        value: Any = None
        if "nilai" in marks:
            ingest.values.error(source, row_no, _flag_message("nilai", *marks["nilai"],
                                                              value=values["nilai"]),
                                letters["nilai"])
        else:
            value, problem = _number(values["nilai"])
            if problem:
                ingest.values.error(source, row_no, problem, letters["nilai"])
            elif isinstance(value, str):
                value = judge.read(value, row_no)
        if "variabel" in marks:
            continue
        variabel = _plain(values["variabel"])
        note = _plain(values.get("keterangan", ""))
        if problems or periode_problem:
            # the period is reported already; still check the variable (None records nothing)
            ingest.row(index, row_no, ANY_PERIOD, variabel, None, columns=letters)
            continue
        if value is PENDING:
            waiting.append((row_no, periode, variabel, _plain(values["nilai"]), note))
            continue
        if waiting and judge.notation is not None:
            _flush(waiting, judge, ingest, index, letters)
        ingest.row(index, row_no, periode, variabel, value, note, columns=letters)
    judge.finish()
    _flush(waiting, judge, ingest, index, letters)


def _flush(waiting: list[tuple[int, str, str, str, str]], judge: Judge, ingest: Ingest,
           index: int, letters: dict[str, str]) -> None:
    for row_no, periode, variabel, text, note in waiting:
        ingest.row(index, row_no, periode, variabel, judge.resolve(text), note,
                   columns=letters)
    waiting.clear()


def _flag_message(key: str, kind: str, detail: str, value: Any = None) -> str:
    if kind == "error":
        return t("values.cell-error", column=key, value=detail or "#N/A")
    if kind == "formula":
        shown = f" (`={detail}`)" if detail else ""
        return t("values.cell-formula", column=key, formula=shown)
    number = float(value) if isinstance(value, (int, float)) else 0.75
    return t("values.cell-percent", column=key, shown=_shown(number * 100),
             value=_shown(number))


def _shown(value: float) -> str:
    from ..i18n import language
    from ..numbers import format_plain

    return format_plain(round(value, 10), "id" if language() == "id" else "en")


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _plain(value: Any) -> str:
    """A cell as text: empty for none, whole numbers without `.0` (2026), dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()


def _periode(value: Any) -> tuple[str, str | None]:
    """The text of a `periode` cell, or a problem when the spreadsheet made it a date."""
    if isinstance(value, DATE_TYPES):
        hint = ""
        if isinstance(value, dt.date) and value.day == 1:
            hint = f" (`{value.year}-{value.month:02d}`?)"
        return "", t("values.periode-date", value=_plain(value), hint=hint)
    return _plain(value), None


def _number(value: Any) -> tuple[float | str | None, str | None]:
    """The number in a `nilai` cell (None: empty; text: for the judge), or a problem."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, t("values.cell-logical", value=str(value).upper())
    if isinstance(value, DATE_TYPES):
        return None, t("values.cell-date", value=_plain(value))
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            return None, t("values.cell-not-finite", value=str(value))
        return float(value), None
    text = str(value).strip()
    if not text:
        return None, None
    return text, None
