"""The analysis table of a period (`iki template --analisis`, SPEC §7): one row per indicator.

The office writes the causes (faktor pendukung, faktor penghambat) and the
follow-up (tindak lanjut) of each indicator's result beside its numbers: the
rows are pre-filled with the indicator's name and unit and, when values are
given, its realisasi and capaian (the capaian the report rates the period by:
its own, else the one to date). Those columns only guide whoever fills it in;
`iki compute --analisis` reads the file back and ignores them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..definitions.hierarchy import position_order
from ..definitions.loading import Definitions
from ..evaluation.history import shown_capaian
from ..evaluation.results import Report, Result
from ..numbers import format_number
from ..periods import Period
from ..values.analysis import ANALYSIS_FIELDS
from ..values.ingest import DELIMITERS
from .workbook import (
    BORDER,
    FIXED_TIME,
    HEADER_FILL,
    HEADER_FONT,
    INPUT_FILL,
    LOCKED_FILL,
    LOCKED_FONT,
    _save,
    _text,
)

GUIDE_COLUMNS = ("periode", "indikator", "nama", "satuan", "realisasi", "capaian")
COLUMNS = GUIDE_COLUMNS + ANALYSIS_FIELDS
SHEET = "analisis"
WIDTHS = {"periode": 10, "indikator": 34, "nama": 44, "satuan": 10, "realisasi": 12,
          "capaian": 10, "faktor_pendukung": 40, "faktor_penghambat": 40, "tindak_lanjut": 40}


def _rows(defs: Definitions, period: Period, report: Report | None
          ) -> Iterator[tuple[dict[str, str], Result | None, int]]:
    """(text cells, result or None, the indicator's decimals) per indicator, in order."""
    results = {(r.jabatan, r.indikator): r for r in report.hasil} if report else {}
    for pos in position_order(loaded.model for loaded in defs.jabatan):
        for sas in pos.sasaran:
            for ind in sas.indikator:
                cells = {"periode": period.code, "indikator": f"{pos.id}/{ind.id}",
                         "nama": ind.nama, "satuan": ind.satuan}
                yield cells, results.get((pos.id, ind.id)), ind.desimal


def analysis_csv(defs: Definitions, period: Period, report: Report | None = None,
                 notation: str = "id", delimiter: str | None = None) -> str:
    """The CSV text: `;` and decimal commas for Indonesian notation, `,` for English."""
    delim = DELIMITERS.get(delimiter, delimiter) if delimiter else (
        "," if notation == "en" else ";")
    lang = "en" if notation == "en" else "id"
    lines = [_line(COLUMNS, delim)]
    for cells, result, decimals in _rows(defs, period, report):
        if result is not None:
            cells["realisasi"] = _number(result.realisasi, decimals, lang)
            cells["capaian"] = _number(shown_capaian(result), 2, lang)
        lines.append(_line([cells.get(name, "") for name in COLUMNS], delim))
    return "".join(lines)


def _number(value: float | None, decimals: int, lang: str) -> str:
    return "" if value is None else format_number(value, decimals, lang)


def _line(fields: Any, delim: str) -> str:
    """One CSV line; a field holding `;`, `,`, a tab, a quote or a line break is quoted, so
    that it splits into the same columns whichever separators a spreadsheet assumes."""
    out = []
    for field in fields:
        if any(ch in field for ch in ';,\t"\r\n'):
            field = '"' + field.replace('"', '""') + '"'
        out.append(field)
    return delim.join(out) + "\r\n"


def analysis_workbook(defs: Definitions, period: Period, report: Report | None = None) -> bytes:
    """The analysis table as a workbook: guide columns locked, the three texts to fill in."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    side = Side(style="thin", color=BORDER)
    border = Border(left=side, right=side, top=side, bottom=side)
    locked_fill, input_fill = (PatternFill("solid", fgColor=LOCKED_FILL),
                               PatternFill("solid", fgColor=INPUT_FILL))
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, name in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=col)
        _text(cell, name)
        cell.font = Font(bold=True, color=HEADER_FONT)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.border = border
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[name] + 2
    for row, (cells, result, decimals) in enumerate(_rows(defs, period, report), start=2):
        numbers = {"realisasi": (result.realisasi, decimals),
                   "capaian": (shown_capaian(result), 2)} if result is not None else {}
        for col, name in enumerate(COLUMNS, start=1):
            cell = ws.cell(row=row, column=col)
            cell.border = border
            cell.alignment = wrap
            if name in ANALYSIS_FIELDS:
                cell.fill = input_fill
                cell.protection = Protection(locked=False)
                cell.number_format = "@"  # text, whatever is typed
                continue
            cell.fill = locked_fill
            cell.font = Font(color=LOCKED_FONT)
            if name in numbers:
                value, places = numbers[name]
                if value is not None:
                    cell.value = value
                    cell.number_format = "#,##0" + ("." + "0" * places if places else "")
            elif name in cells:
                _text(cell, cells[name])
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    # Locked guide columns, without a password: the sheet can be unprotected when needed.
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False
    wb.properties.creator = "iki"
    wb.properties.title = f"Analisis IKI {period.code}"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    return _save(wb)
