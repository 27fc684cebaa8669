"""An .xlsx/.xlsm package measured before it is read (see `limits`).

The sheet's XML is streamed once as bytes with the standard library: its
size, its row numbers and columns (a quick pattern search, no parsing), any
text longer than a cell can be, and whether it holds anything the reader would
not show as it is (formulas, error cells, percent formats). Only then is it
parsed, element by element, to note those cells, or its exact size where the
quick search could not tell it.
"""

from __future__ import annotations

import functools
import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import cast
from xml.etree import ElementTree

from .limits import (
    DAMAGED_PACKAGE,
    MAX_PART_BYTES,
    LongText,
    SheetFacts,
    check_dimensions,
    damaged,
    part_chunks,
    too_large_part,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
# `r="12"` of a row as Excel, LibreOffice and openpyxl write it; a cell's column of two or
# three letters (AA … XFD).
# (Searched with a literal start, which is fast; elements written otherwise — another
# attribute first, a namespace prefix — are parsed instead.)
_ROW_R = re.compile(rb'<row r="([0-9]+)"')
_WIDE_COLUMN = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')
_ONE_LETTER = re.compile(rb'<c r="([A-Z])[0-9]')


@functools.lru_cache(maxsize=32)
def _beyond(column: int) -> re.Pattern[bytes]:
    """A cell in a one-letter column right of `column` (0: any)."""
    letters = bytes(range(65 + column, 91))
    return re.compile(rb'<c r="[' + letters + rb'][0-9]')
_PERCENT = re.compile(r'%')


def sheets(path: Path) -> list[tuple[str, str, bool]]:
    """The sheets of the workbook in order: (name, part, is a worksheet)."""
    with zipfile.ZipFile(path) as archive:
        workbook = _part_of(archive, "_rels/.rels", "officeDocument") or "xl/workbook.xml"
        rels = _relations(archive, _rels_of(workbook))
        root = ElementTree.fromstring(_read_small(archive, workbook))
    found = []
    for sheet in root.iter(f"{{{MAIN}}}sheet"):
        target, kind = rels.get(sheet.get(f"{{{REL}}}id") or "", ("", ""))
        found.append((sheet.get("name") or "", _join(workbook, target),
                      kind.endswith("/worksheet")))
    return found


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _join(base: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _relations(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    try:
        root = ElementTree.fromstring(_read_small(archive, part))
    except KeyError:
        return {}
    return {rel.get("Id") or "": (rel.get("Target") or "", rel.get("Type") or "")
            for rel in root.iter(f"{{{PKG_REL}}}Relationship")}


def _part_of(archive: zipfile.ZipFile, rels: str, kind: str) -> str | None:
    for target, rel_type in _relations(archive, rels).values():
        if rel_type.endswith("/" + kind):
            return target.lstrip("/")
    return None


def _read_small(archive: zipfile.ZipFile, part: str) -> bytes:
    info = archive.getinfo(part)
    if info.file_size > MAX_PART_BYTES:
        raise too_large_part(info.file_size)
    return archive.read(part)


def facts(path: Path, part: str) -> SheetFacts:
    """Measure the package and the sheet `part`; note the cells the reader would hide."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            for strings in ("xl/sharedStrings.xml", "xl/SharedStrings.xml"):
                if strings in names:
                    long_text = LongText()
                    for chunk in part_chunks(archive, strings):
                        long_text.feed(chunk)
            percent = _percent_styles(archive) if "xl/styles.xml" in names else set()
            return _sheet_facts(archive, part, percent)
    except DAMAGED_PACKAGE as exc:
        raise damaged(type(exc).__name__) from None


def _sheet_facts(archive: zipfile.ZipFile, part: str, percent: set[str]) -> SheetFacts:
    max_row = rows = rows_numbered = cells = cells_numbered = 0
    max_column = 0
    exact = needs_cells = False
    long_text = LongText()
    carry = b""
    for chunk in [*part_chunks(archive, part), b"<"]:  # a last `<` flushes what is carried
        long_text.feed(chunk)
        data = carry + chunk
        cut = data.rfind(b"<")
        if cut < 0:
            carry = data  # inside a text (LongText bounds it)
            continue
        # The windows partition the stream at a `<`: no tag is cut, none is seen twice.
        window, carry = data[:cut], data[cut:]
        numbers = _ROW_R.findall(window)
        if numbers:
            max_row = max(max_row, max(map(int, numbers)))
        rows_numbered += len(numbers)
        rows += window.count(b"<row ") + window.count(b"<row>") + window.count(b"<row/")
        cells += window.count(b"<c ") + window.count(b"<c>") + window.count(b"<c/")
        cells_numbered += window.count(b'<c r="')
        if max_column < 26 and _beyond(max_column).search(window):
            for letter in set(_ONE_LETTER.findall(window)):
                max_column = max(max_column, _column_number(letter))
        for letters in set(_WIDE_COLUMN.findall(window)):
            max_column = max(max_column, _column_number(letters))
        if not exact and (b":row" in window or b":c " in window):
            exact = True  # prefixed elements: parse them
        if not needs_cells and (b"<f>" in window or b"<f " in window or b't="e"' in window
                                or (percent and (b' s="' in window or "0" in percent))):
            needs_cells = True
    if rows != rows_numbered or cells != cells_numbered:
        exact = True  # positions come from counting elements: parse to count them
    if not exact:
        check_dimensions(max(max_row, rows), max_column)
        if not needs_cells:
            return SheetFacts()
    return _parse_cells(archive, part, percent)


def _parse_cells(archive: zipfile.ZipFile, part: str, percent: set[str]) -> SheetFacts:
    """Every cell's position, parsed: the exact used range, and the cells to flag."""
    found = SheetFacts()
    sheet_data: ElementTree.Element | None = None
    row_no = col_no = max_row = max_col = 0
    parser: ElementTree.XMLPullParser = ElementTree.XMLPullParser(events=("start", "end"))
    for chunk in part_chunks(archive, part):
        parser.feed(chunk)
        for event, node in cast(Iterator[tuple[str, object]], parser.read_events()):
            elem = cast(ElementTree.Element, node)
            tag = elem.tag.rpartition("}")[2]
            if event == "start":
                if tag == "sheetData":
                    sheet_data = elem
                elif tag == "row":
                    ref = elem.get("r")
                    if ref is not None and not (ref.isascii() and ref.isdigit()):
                        raise damaged(f'row r="{ref[:20]}"')
                    row_no = int(ref) if ref is not None else row_no + 1
                    col_no = 0
                    max_row = max(max_row, row_no)
                continue
            if tag == "c":
                ref = elem.get("r")
                col_no = _column_number(ref.encode()) if ref else col_no + 1
                if col_no > max_col:
                    max_col = col_no
                    check_dimensions(max_row, max_col)
                _flag_cell(found, elem, row_no, col_no, percent)
            elif tag == "row":
                check_dimensions(max_row, max_col)
                if sheet_data is not None:
                    sheet_data.clear()  # rows already seen: keep memory flat
    return found


def _flag_cell(found: SheetFacts, elem: ElementTree.Element, row: int, column: int,
               percent: set[str]) -> None:
    parts = {child.tag.rpartition("}")[2]: child for child in elem}
    kind = elem.get("t")
    saved = parts.get("v")
    if kind == "e":
        found.flag(row, column, "error", (saved.text or "") if saved is not None else "")
    elif "f" in parts and (saved is None or not saved.text and kind != "str"):
        # no saved result; a saved empty text is `t="str"` with an empty `<v>`
        found.flag(row, column, "formula", parts["f"].text or "")
    elif saved is not None and kind in (None, "n") and (elem.get("s") or "0") in percent:
        found.flag(row, column, "percent")


def _column_number(ref: bytes) -> int:
    number = 0
    for ch in ref:
        if not 65 <= ch <= 90:
            break
        number = number * 26 + ch - 64
    return number


BUILTIN_PERCENT = {"9", "10"}  # `0%`, `0.00%`


def _percent_styles(archive: zipfile.ZipFile) -> set[str]:
    """The cell style indices (`s="…"`) whose number format is a percentage."""
    root = ElementTree.fromstring(_read_small(archive, "xl/styles.xml"))
    formats = set(BUILTIN_PERCENT)
    for fmt in root.iter(f"{{{MAIN}}}numFmt"):
        code = re.sub(r'"[^"]*"|\\.', "", fmt.get("formatCode") or "")
        if _PERCENT.search(code):
            formats.add(fmt.get("numFmtId") or "")
    cell_xfs = next(root.iter(f"{{{MAIN}}}cellXfs"), None)
    if cell_xfs is None:
        return set()
    return {str(i) for i, xf in enumerate(cell_xfs.iter(f"{{{MAIN}}}xf"))
            if (xf.get("numFmtId") or "0") in formats}
