"""What a workbook may be before it is read: limits no real values sheet reaches.

The reader (calamine) holds a sheet's used range as one dense grid: one cell at
row 99,999,999 is a grid of a hundred million rows, and a 1 MiB zip can hold a
1 GiB cell. Each workbook kind is measured first (`xlsxscan`, `odsscan`,
`xlsscan`) without building anything of that size, and refused with a clear
message when it passes a limit. The same pass finds what the reader does not
report: error cells (`#N/A`, read as empty), formulas without a saved result,
percent-formatted numbers.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..i18n import t

MAX_ROWS = 1_048_576  # Excel's own limit
MAX_COLUMNS = 16_384  # Excel's own limit (XFD)
MAX_CELLS = 16_777_216  # rows × columns of the used range: a million rows of 16 columns
MAX_PART_BYTES = 512 << 20  # the uncompressed XML of a sheet, or of its texts
MAX_CELL_CHARS = 32_767  # Excel's limit on the text of one cell
MAX_FILE_BYTES = 256 << 20  # an Excel 97-2003 file (at most 65,536 rows)
MAX_FLAGS = 200_000  # error, formula and percent cells noted in one sheet


class Unreadable(Exception):
    """The file cannot be read as a workbook (damaged, encrypted, too large, not a workbook)."""


@dataclass
class SheetFacts:
    """What the pre-read pass learnt of one sheet, by 1-based (row, column).

    `flags` holds the cells the reader would not show as they are: `error`
    (detail: the error value), `formula` (a formula with no saved result;
    detail: the formula), `percent` (a number formatted as a percentage).
    """

    flags: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)

    def flag(self, row: int, column: int, kind: str, detail: str = "") -> None:
        if row <= 1:
            return  # the header row: its names are read, its values never are
        if len(self.flags) >= MAX_FLAGS:
            raise Unreadable(t("values.too-many-flags", limit=f"{MAX_FLAGS:,}"))
        self.flags[(row, column)] = (kind, detail)


def check_dimensions(rows: int, columns: int) -> None:
    """Refuse a used range past the limits (before anything of its size is built)."""
    if rows > MAX_ROWS:
        raise Unreadable(t("values.too-many-rows", rows=f"{rows:,}", limit=f"{MAX_ROWS:,}"))
    if columns > MAX_COLUMNS:
        raise Unreadable(t("values.too-many-columns", columns=f"{columns:,}",
                           limit=f"{MAX_COLUMNS:,}"))
    if rows * columns > MAX_CELLS:
        raise Unreadable(t("values.too-many-cells", rows=f"{rows:,}", columns=f"{columns:,}",
                           limit=f"{MAX_CELLS:,}"))


def too_large_part(size: int) -> Unreadable:
    return Unreadable(t("values.part-too-large", size=f"{size >> 20:,}",
                        limit=f"{MAX_PART_BYTES >> 20:,}"))


# What reading a damaged package raises: the zip and XML layers (ElementTree's parse
# errors are SyntaxErrors; a missing part is a KeyError of zipfile).
DAMAGED_PACKAGE = (zipfile.BadZipFile, zlib.error, EOFError, SyntaxError, KeyError,
                   ValueError, IndexError)
CHUNK = 1 << 20  # bytes of a part read at once


def part_chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The uncompressed bytes of `part`, refused past MAX_PART_BYTES whatever it declares."""
    info = archive.getinfo(part)
    if info.file_size > MAX_PART_BYTES:
        raise too_large_part(info.file_size)
    total = 0
    with archive.open(part) as fh:
        while chunk := fh.read(CHUNK):
            total += len(chunk)
            if total > MAX_PART_BYTES:
                raise too_large_part(total)
            yield chunk


def too_long_cell() -> Unreadable:
    return Unreadable(t("values.cell-too-long", limit=f"{MAX_CELL_CHARS:,}"))


def damaged(reason: str = "") -> Unreadable:
    """The message for a file that opened as a workbook but broke while being read."""
    return Unreadable(t("values.damaged", reason=f" ({reason})" if reason else ""))


# A text run between two tags longer than any cell: XML escaping makes a character at most
# 6 bytes (`&quot;`).
_LONG_RUN_BYTES = MAX_CELL_CHARS * 6


class LongText:
    """Finds, across the chunks of a stream, a text run (between `<` and `<`) that is
    longer than any cell can be."""

    LIMIT = _LONG_RUN_BYTES

    def __init__(self) -> None:
        self.run = 0  # bytes since the last `<` of the previous chunks

    def feed(self, chunk: bytes) -> None:
        limit = self.LIMIT
        first = chunk.find(b"<")
        if first < 0:
            self.run += len(chunk)
            if self.run > limit:
                raise too_long_cell()
            return
        if self.run + first > limit:
            raise too_long_cell()
        # A run longer than the limit holds a whole block of half its length without `<`:
        # look at the blocks (a few per chunk), and measure a run only where one is empty.
        step = limit // 2
        for start in range(first, len(chunk) - step, step):
            if chunk.find(b"<", start, start + step) < 0:
                left = chunk.rfind(b"<", 0, start)
                right = chunk.find(b"<", start + step)
                if right >= 0 and right - left - 1 > limit:
                    raise too_long_cell()
        self.run = len(chunk) - chunk.rfind(b"<") - 1
        if self.run > limit:
            raise too_long_cell()
