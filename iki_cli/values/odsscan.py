"""An .ods spreadsheet measured before it is read (see `limits`).

LibreOffice writes runs of equal rows or cells once, with a repeat count
(`table:number-rows-repeated`): a sheet's tail of empty rows is one element
repeated a million times, and so can be a row of numbers. Every table of
`content.xml` is walked once, element by element, counting the rows and columns
that hold something (as the reader does, which builds them all), and noting the
cells it would not show as they are: error values (read as empty), percentages,
formulas without a saved result.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import cast
from xml.etree import ElementTree

from .limits import (
    DAMAGED_PACKAGE,
    LongText,
    SheetFacts,
    check_dimensions,
    damaged,
    part_chunks,
)

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_ROW, _CELL, _COVERED = f"{{{TABLE}}}table-row", f"{{{TABLE}}}table-cell", \
    f"{{{TABLE}}}covered-table-cell"
_TABLE_EL = f"{{{TABLE}}}table"
_ROWS_REPEATED = f"{{{TABLE}}}number-rows-repeated"
_COLS_REPEATED = f"{{{TABLE}}}number-columns-repeated"
_VALUE_TYPE = f"{{{OFFICE}}}value-type"
_CALC_TYPE = f"{{{CALCEXT}}}value-type"
_FORMULA = f"{{{TABLE}}}formula"
_NAME = f"{{{TABLE}}}name"


def _repeat(elem: ElementTree.Element, name: str) -> int:
    text = elem.get(name)
    if text is None:
        return 1
    if not (text.isascii() and text.isdigit()) or len(text) > 9:
        raise damaged(f'{name.rpartition("}")[2]}="{text[:20]}"')
    return max(int(text), 1)


def facts(path: Path) -> dict[str, SheetFacts]:
    """Every table's facts by name; a table past the limits is refused, whichever it is."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _walk(archive)
    except DAMAGED_PACKAGE as exc:
        raise damaged(type(exc).__name__) from None


def _walk(archive: zipfile.ZipFile) -> dict[str, SheetFacts]:
    tables: dict[str, SheetFacts] = {}
    current: SheetFacts | None = None
    row = rows_used = width = 0  # rows before this one; rows and columns holding something
    column = row_width = 0
    parser: ElementTree.XMLPullParser = ElementTree.XMLPullParser(events=("start", "end"))
    long_text = LongText()
    for chunk in part_chunks(archive, "content.xml"):
        long_text.feed(chunk)
        parser.feed(chunk)
        for event, node in cast(Iterator[tuple[str, object]], parser.read_events()):
            elem = cast(ElementTree.Element, node)
            tag = elem.tag
            if event == "start":
                if tag == _TABLE_EL:
                    current = tables.setdefault(elem.get(_NAME) or "", SheetFacts())
                    row = rows_used = width = 0
                elif tag == _ROW:
                    column = row_width = 0
                continue
            if tag in (_CELL, _COVERED):
                repeat = _repeat(elem, _COLS_REPEATED)
                kind = elem.get(_VALUE_TYPE)
                filled = kind is not None or len(elem) > 0 or elem.get(_FORMULA)
                if filled:
                    row_width = column + repeat
                    if current is not None:
                        _flag(current, elem, kind, row + 1, column + 1, repeat)
                column += repeat
                elem.clear()
            elif tag == _ROW:
                repeat = _repeat(elem, _ROWS_REPEATED)
                if row_width:
                    rows_used = row + repeat
                    width = max(width, row_width)
                    check_dimensions(rows_used, width)
                    if current is not None and repeat > 1:
                        _repeat_flags(current, row + 1, repeat)
                row += repeat
                elem.clear()
            elif tag == _TABLE_EL:
                elem.clear()
    return tables


def _flag(found: SheetFacts, elem: ElementTree.Element, kind: str | None, row: int,
          column: int, repeat: int) -> None:
    calc = elem.get(_CALC_TYPE)
    what = None
    if calc == "error":
        text = "".join(elem.itertext()).strip()
        what = ("error", text)
    elif kind == "percentage":
        what = ("percent", "")
    elif kind is None and elem.get(_FORMULA):
        what = ("formula", (elem.get(_FORMULA) or "").removeprefix("of:"))
    if what is not None:
        for offset in range(repeat):
            found.flag(row, column + offset, *what)


def _repeat_flags(found: SheetFacts, row: int, repeat: int) -> None:
    """A repeated row repeats its flagged cells too."""
    cells = [(c, v) for (r, c), v in found.flags.items() if r == row]
    for offset in range(1, repeat):
        for column, (kind, detail) in cells:
            found.flag(row + offset, column, kind, detail)
