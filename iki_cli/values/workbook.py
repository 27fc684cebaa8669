"""Values read from Excel workbooks (SPEC §4).

openpyxl is imported inside the functions that need it, so `iki --help` does not
pay for it. Reading is streamed (read-only mode); every bad cell becomes a
problem `file:sheet!C5: message`, never a traceback.

Text cells holding a number follow `--angka`; `auto` means Indonesian notation
(`81,25`), because a number typed in an Indonesian Excel is stored as a number
anyway, and one that stayed text was most likely typed or pasted the
Indonesian way. A number that does not fit is an error with a hint, never a
guess.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from ..errors import UsageError
from ..numbers import Notation, NumberError, parse_number
from ..problems import Problem, did_you_mean
from .ingest import REQUIRED, Ingest, NotationChoice, Source, header_columns

# An encrypted (password-protected) .xlsx, like an Excel 97-2003 .xls, is an OLE
# compound file, not a zip.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A valid period for Ingest.row when only the variable is left to check (nothing
# is recorded, since the value passed with it is None).
ANY_PERIOD = "2000"
DATE_TYPES = (dt.datetime, dt.date, dt.time, dt.timedelta)
# What reading a damaged package raises: the zip and XML layers (ElementTree's and lxml's
# parse errors are SyntaxErrors; a missing part is a KeyError of zipfile).
DAMAGED_PACKAGE = (zipfile.BadZipFile, zlib.error, OSError, EOFError, SyntaxError, KeyError)
# What openpyxl raises on a malformed workbook, on top of those: its descriptors' checks
# (TypeError, ValueError) and parts it expected but did not find (AttributeError,
# IndexError). Caught only around openpyxl's own calls, never around iki's code.
DAMAGED = (*DAMAGED_PACKAGE, ValueError, TypeError, AttributeError, IndexError)
# A formula element, with or without a namespace prefix (`<f>`, `<f t="shared" …/>`, `<x:f>`)
FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
OPEN_AND_SAVE = ("open the workbook in Excel or LibreOffice and save it, so that the "
                 "result is stored, then run again")


class Unreadable(Exception):
    """The file cannot be read as a workbook (damaged, encrypted, not a workbook)."""


# --- reading -------------------------------------------------------------------------------

def read_workbook(path: Path, ingest: Ingest, notation: NotationChoice = "auto",
                  sheet: str | None = None, display: str | None = None) -> None:
    """Stream the values sheet of one workbook into `ingest` (first sheet, or `sheet`)."""
    display = display or str(path)
    chosen: Notation = "id" if notation == "auto" else notation
    with warnings.catch_warnings():
        # openpyxl warns about workbook features it does not keep (extensions,
        # missing default style); none of them changes a cell value.
        warnings.simplefilter("ignore")
        try:
            _read(path, display, ingest, chosen, sheet)
        except Unreadable as exc:
            ingest.values.problems.append(Problem(display, 0, 0, "error", "values", str(exc)))


def _read(path: Path, display: str, ingest: Ingest, notation: Notation,
          sheet: str | None) -> None:
    workbook = _open(path, display)
    try:
        ws = _choose_sheet(workbook, sheet)
        ws.reset_dimensions()  # some writers store a wrong used range; read every cell
        index = ingest.add_source(Source(display, sheet=ws.title))
        source = ingest.values.sources[index]
        rows = _guarded(ws.iter_rows(), ws.title)
        header = next(rows, ())
        others = [other.title for other in workbook.worksheets if other is not ws]
        hint = "" if sheet is not None or not others else (
            f" (this is the first sheet, `{ws.title}`; read another with --sheet NAME: "
            + ", ".join(f"`{name}`" for name in others) + ")")
        names = ["" if cell.value is None else str(cell.value) for cell in header]
        columns = header_columns(
            names, source, 1, ingest, letter=_letter,
            missing_note="; row 1 must be the header naming periode, variabel and nilai" + hint)
        if columns is None:
            return
        letters = {key: _letter(i) for key, i in columns.items()}
        source.value_column = letters["nilai"]
        pending = _formulas_without_result(path, ws, {columns[key] + 1 for key in REQUIRED})
        for row_no, cells in enumerate(rows, start=2):
            _row(ingest, index, row_no, cells, columns, letters, pending, notation)
    finally:
        workbook.close()  # read-only mode keeps the file open until closed


def _open(path: Path, display: str) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with path.open("rb") as fh:
            head = fh.read(len(OLE_MAGIC))
    except OSError as exc:
        raise UsageError(f"cannot read `{display}`: {exc.strerror or exc}") from None
    if head == OLE_MAGIC:
        raise Unreadable(
            "the file is password-protected or an old Excel 97-2003 file: open it in "
            "Excel or LibreOffice, remove the password to open and save it as Excel "
            "Workbook (.xlsx)")
    if not zipfile.is_zipfile(path):
        raise Unreadable(
            "the file is not a readable .xlsx workbook (damaged, or not an Excel file): "
            "open it in Excel or LibreOffice and save it as Excel Workbook (.xlsx); a CSV "
            "file must end in .csv")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, *DAMAGED) as exc:
        raise Unreadable(f"the file cannot be read as a workbook ({_reason(exc)}): open it in "
                         "Excel or LibreOffice and save it again as .xlsx") from None


def _reason(exc: Exception) -> str:
    text = str(exc).strip().strip("\"'")
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__


def _choose_sheet(workbook: Any, sheet: str | None) -> Any:
    worksheets = workbook.worksheets  # chart sheets hold no cells
    if sheet is None:
        if not worksheets:
            raise Unreadable("the workbook has no worksheet")
        return worksheets[0]
    for match in (lambda title: title == sheet,
                  lambda title: title.casefold() == sheet.casefold()):
        for ws in worksheets:
            if match(ws.title):
                return ws
    names = [ws.title for ws in worksheets]
    raise Unreadable(f"the workbook has no sheet `{sheet}`{did_you_mean(sheet, names)}; its "
                     "sheets are " + ", ".join(f"`{n}`" for n in names))


def _guarded(rows: Iterable[tuple[Any, ...]], title: str) -> Iterator[tuple[Any, ...]]:
    """openpyxl's rows; a damaged sheet (found while streaming) becomes `Unreadable`."""
    it = iter(rows)
    while True:
        try:
            cells = next(it)
        except StopIteration:
            return
        except DAMAGED as exc:  # found while streaming the sheet
            raise Unreadable(f"sheet `{title}` is damaged ({_reason(exc)}): open the file in "
                             "Excel or LibreOffice and save it again") from None
        yield cells


def _letter(index: int) -> str:
    """The column letter of a 0-based column index (0 → A, 26 → AA)."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _formulas_without_result(path: Path, ws: Any, columns: set[int]
                             ) -> dict[tuple[int, int], str]:
    """(row, column) → formula of the cells in `columns` that have no saved result.

    In data-only mode such a cell reads as empty, just like a formula whose
    saved result is the empty string, which is a legitimately empty value. Only
    the sheet's XML tells them apart: a saved empty text is `t="str"` with an
    empty `<v>`; no `<v>`, or an empty one on a number cell (as openpyxl and
    other generators write formulas they cannot compute), is no result. The XML
    is streamed once here with the standard library, cells cleared as seen.
    """
    # openpyxl's read-only worksheet keeps the part name of its XML in the package
    part = ws._worksheet_path
    found: dict[tuple[int, int], str] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            if _has_formula(archive, part):
                found = _scan_formulas(archive, part, columns)
    except DAMAGED_PACKAGE as exc:
        raise Unreadable(f"sheet `{ws.title}` is damaged ({_reason(exc)}): open the file in "
                         "Excel or LibreOffice and save it again") from None
    return found


def _has_formula(archive: zipfile.ZipFile, part: str) -> bool:
    """Whether the sheet's XML has any formula element: a quick byte scan, no parsing."""
    tail = b""
    with archive.open(part) as fh:
        while chunk := fh.read(1 << 20):
            if FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


def _scan_formulas(archive: zipfile.ZipFile, part: str, columns: set[int]
                   ) -> dict[tuple[int, int], str]:
    """The formulas without a saved result in `columns`, below the header row."""
    found: dict[tuple[int, int], str] = {}
    sheet_data: ElementTree.Element | None = None
    row_no = col_no = 0
    with archive.open(part) as fh:
        for event, elem in ElementTree.iterparse(fh, events=("start", "end")):
            tag = elem.tag.rpartition("}")[2]
            if event == "start":
                if tag == "sheetData":
                    sheet_data = elem
                elif tag == "row":
                    ref = elem.get("r")
                    if ref is not None and not (ref.isascii() and ref.isdigit()):
                        raise Unreadable(f"the sheet has a row numbered `{ref[:20]}`: the file "
                                         "is damaged; open it in Excel or LibreOffice and save "
                                         "it again")
                    row_no = int(ref) if ref is not None else row_no + 1
                    col_no = 0
                continue
            if tag == "c":
                ref = elem.get("r")
                col_no = _column_number(ref) if ref else col_no + 1
                if row_no > 1 and col_no in columns:
                    parts = {child.tag.rpartition("}")[2]: child for child in elem}
                    saved = parts.get("v")
                    if "f" in parts and (saved is None or not saved.text and
                                         elem.get("t") != "str"):
                        found[(row_no, col_no)] = parts["f"].text or ""
            elif tag == "row" and sheet_data is not None:
                sheet_data.clear()  # rows already seen: keep memory flat
    return found


def _column_number(ref: str) -> int:
    number = 0
    for ch in ref:
        if not ch.isalpha():
            break
        number = number * 26 + ord(ch.upper()) - 64
    return number


def _row(ingest: Ingest, index: int, row_no: int, cells: Sequence[Any], columns: dict[str, int],
         letters: dict[str, str], pending: dict[tuple[int, int], str],
         notation: Notation) -> None:
    """Check one data row and hand it to `ingest`; blank rows are skipped."""
    source = ingest.values.sources[index]

    def value_of(key: str) -> Any:
        i = columns.get(key)
        return None if i is None or i >= len(cells) else cells[i]

    formulas = {key: pending[(row_no, columns[key] + 1)] for key in REQUIRED
                if (row_no, columns[key] + 1) in pending}
    if not formulas and all(_blank(c) for c in cells):
        return
    for key, text in formulas.items():
        shown = f" (`={text}`)" if text else ""
        ingest.values.error(source, row_no, f"`{key}` is a formula{shown} with no saved "
                            f"result: {OPEN_AND_SAVE}", letters[key])
    periode, periode_problem = _periode(value_of("periode"))
    if periode_problem:
        ingest.values.error(source, row_no, periode_problem, letters["periode"])
    value: float | None = None
    if "nilai" not in formulas:
        value, problem = _number(value_of("nilai"), notation)
        if problem:
            ingest.values.error(source, row_no, problem, letters["nilai"])
    if "variabel" in formulas:
        return
    variabel = _plain(value_of("variabel"))
    if "periode" in formulas or periode_problem:
        # the period is reported already; still check the variable (None records nothing)
        ingest.row(index, row_no, ANY_PERIOD, variabel, None, columns=letters)
        return
    ingest.row(index, row_no, periode, variabel, value, _plain(value_of("keterangan")),
               columns=letters)


def _blank(cell: Any) -> bool:
    value = None if cell is None else cell.value
    return value is None or (isinstance(value, str) and not value.strip())


def _plain(cell: Any) -> str:
    """A cell as text: empty for none, whole numbers without `.0` (2026), dates as ISO dates."""
    value = None if cell is None else cell.value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()


def _periode(cell: Any) -> tuple[str, str | None]:
    """The text of a `periode` cell, or a problem when Excel turned the code into a date."""
    value = None if cell is None else cell.value
    if isinstance(value, DATE_TYPES):
        hint = ""
        if isinstance(value, dt.datetime) and value.day == 1:
            hint = f" (`{value.year}-{value.month:02d}`?)"
        return "", (f"`periode` is a date ({_plain(cell)}): Excel turned the period code into "
                    f"a date; format the column as Text and type the code again{hint}")
    return _plain(cell), None


def _number(cell: Any, notation: Notation) -> tuple[float | None, str | None]:
    """The number in a `nilai` cell (None: empty, not collected yet), or a problem."""
    value = None if cell is None else cell.value
    if value is None:
        return None, None
    if cell.data_type == "e":
        return None, (f"`nilai` is the Excel error value `{value}`: fix the formula in the "
                      "workbook or leave the cell empty")
    if isinstance(value, bool):
        return None, (f"`nilai` is the logical value {str(value).upper()}, not a number; "
                      "type the number (1 or 0 for yes/no)")
    if isinstance(value, DATE_TYPES):
        return None, (f"`nilai` is a date or time ({_plain(cell)}), not a number: type the "
                      "number and set the cell format to Number")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            return None, f"`nilai` is `{value}`, not a finite number"
        if _is_percent(cell):
            return None, (f"`nilai` is formatted as a percentage, so the cell shows "
                          f"{value * 100:g}% but holds {value:g}: type the number without `%` "
                          "and set the cell format to Number")
        return float(value), None
    text = str(value).strip()
    if not text:
        return None, None
    try:
        return parse_number(text, notation), None
    except NumberError as exc:
        return None, f"`nilai` holds text: {exc}"


def _is_percent(cell: Any) -> bool:
    try:
        number_format = str(cell.number_format)
    except (IndexError, KeyError):  # a style id the workbook does not define
        return False
    # a `%` inside quotes or after a backslash is literal text, not a percent format
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format)
