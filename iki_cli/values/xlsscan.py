"""An Excel 97–2003 (.xls) workbook measured before it is read (see `limits`).

xlrd, which reads the BIFF records themselves, tells what the reader does not:
error cells (read as empty) and number formats (percentages). A BIFF sheet has
at most 65,536 rows of 256 columns, and the file's size bounds its texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .limits import MAX_FILE_BYTES, SheetFacts, Unreadable, check_dimensions, damaged

# xlrd's cell types
_ERROR, _NUMBER = 5, 2
_ERROR_TEXT = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
               0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"}


def scan(path: Path, choose: Callable[[list[str]], str]) -> tuple[list[str], str, SheetFacts]:
    """The worksheets, the one `choose` picks, and its error and percent cells.

    Every sheet is measured: the reader builds them all when it opens the file.
    """
    import struct

    import xlrd
    from xlrd.compdoc import CompDocError

    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise Unreadable(_too_large(size))
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True,
                                  ragged_rows=True, logfile=_Quiet())
        try:
            names = list(book.sheet_names())
            for name in names:
                sheet = book.sheet_by_name(name)
                check_dimensions(sheet.nrows, sheet.ncols)
            chosen = choose(names)
            return names, chosen, _flags(book, book.sheet_by_name(chosen))
        finally:
            book.release_resources()
    except (xlrd.XLRDError, CompDocError, struct.error, IndexError, KeyError, ValueError,
            TypeError, AssertionError, UnicodeDecodeError, OverflowError) as exc:
        # xlrd's own errors, and what broken records make it raise
        raise damaged(type(exc).__name__) from None


def _flags(book: Any, sheet: Any) -> SheetFacts:
    found = SheetFacts()
    percent = {i for i, xf in enumerate(book.xf_list)
               if _is_percent(book.format_map.get(xf.format_key))}
    for r in range(1, sheet.nrows):
        types = sheet.row_types(r)
        for c, kind in enumerate(types):
            if kind == _ERROR:
                code = sheet.cell_value(r, c)
                found.flag(r + 1, c + 1, "error", _ERROR_TEXT.get(code, "#N/A"))
            elif kind == _NUMBER and percent and sheet.cell_xf_index(r, c) in percent:
                found.flag(r + 1, c + 1, "percent")
    return found


def _is_percent(fmt: Any) -> bool:
    if fmt is None:
        return False
    return "%" in re.sub(r'"[^"]*"|\\.', "", fmt.format_str or "")


def _too_large(size: int) -> str:
    from ..i18n import t

    return t("values.file-too-large", size=f"{size >> 20:,}", limit=f"{MAX_FILE_BYTES >> 20:,}")


class _Quiet:
    """xlrd's log: its warnings about odd records change no value; they are not shown."""

    def write(self, text: str) -> int:
        return len(text)
