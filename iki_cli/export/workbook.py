"""The period report as a workbook (`-f xlsx`, SPEC §7), for the annex of the LKjIP.

Three sheets: *Pengukuran Kinerja* (one row per indicator in the LKjIP layout),
*Analisis* (the office's causes and follow-up) and *Nilai* (every input of every
indicator and how it was aggregated). Numbers are stored as numbers with a number
format showing the indicator's decimals; text from the definitions is stored as
text, never as a formula. The same input gives the same bytes (fixed timestamps).
openpyxl is imported inside the function that needs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..definitions.hierarchy import position_order
from ..definitions.loading import Definitions
from ..definitions.model import Indikator, Jabatan
from ..evaluation.results import Report, Result
from ..forms.workbook import FIXED_TIME, _save, _text
from ..i18n import labels
from ..periods import Period, parse_period
from ..render.history_view import Riwayat, history_view, period_words

SHEET_LKJIP, SHEET_ANALYSIS, SHEET_INPUTS = "Pengukuran Kinerja", "Analisis", "Nilai"
HEADER_FILL, HEADER_FONT, BORDER = "1F4E78", "FFFFFF", "8A8A8A"
FIRST_ROW = 4  # rows 1–2: the office and the period; row 4: the header
FONT = "Arial"  # LibreOffice shows it as Liberation Sans, of the same widths
LINE_HEIGHT = 13.0  # points per line of 10-point text


@dataclass
class _Line:
    """One indicator of the report with what its rows need."""

    nomor: str
    jabatan: Jabatan
    sasaran: str
    sasaran_key: tuple[str, str]
    ind: Indikator
    result: Result
    riwayat: Riwayat


def _lines(report: Report, defs: Definitions, lang: str) -> list[_Line]:
    results = {(r.jabatan, r.indikator): r for r in report.hasil}
    out = []
    for n, pos in enumerate(position_order(loaded.model for loaded in defs.jabatan), 1):
        count = 0
        for sas in pos.sasaran:
            for ind in sas.indikator:
                count += 1
                r = results.get((pos.id, ind.id))
                if r is None:
                    continue
                out.append(_Line(f"{n}.{count}", pos, sas.uraian, (pos.id, sas.id), ind, r,
                                 history_view(r, ind, report.periode, report.predikat_scale,
                                              lang)))
    return out


def _number_format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def report_workbook(report: Report, defs: Definitions, lang: str = "id") -> bytes:
    """The workbook of SPEC §7 for one period's report."""
    from openpyxl import Workbook

    words = labels(lang)
    lines = _lines(report, defs, lang)
    # Illustrative data and targets say so on every sheet and printed page (SPEC §1).
    notice = ((f"{words['ilustratif']} — {words['ilustratif_keterangan']}", words["ilustratif"])
              if defs.organisasi is not None and defs.organisasi.model.ilustratif else None)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_LKJIP
    org = report.organisasi
    title = f"{org.get('nama', '')} — {period_words(report.periode, lang)}"
    _measurement_sheet(ws, report, lines, words, lang, title, notice)
    _analysis_sheet(wb.create_sheet(SHEET_ANALYSIS), lines, words, title, notice)
    _inputs_sheet(wb.create_sheet(SHEET_INPUTS), lines, defs, words, title, notice)
    wb.properties.creator = "iki"
    wb.properties.title = f"IKI {report.periode}"
    wb.properties.created = wb.properties.modified = FIXED_TIME  # the same bytes every run
    return _save(wb)


# --- shared layout --------------------------------------------------------------------------

class _Styles:
    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        side = Side(style="thin", color=BORDER)
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.number = Alignment(horizontal="right", vertical="top")
        self.title = Font(name=FONT, bold=True, size=13)
        self.bold = Font(name=FONT, bold=True)
        self.font = Font(name=FONT, size=10)
        self.header_font = Font(name=FONT, bold=True, color=HEADER_FONT, size=10)


Notice = tuple[str, str] | None  # (the row-3 line, the page footer's words)


def _head(ws: Any, st: _Styles, title: str, subtitle: str, headers: Sequence[str],
          widths: Sequence[float], notice: Notice = None) -> None:
    """Rows 1–2 name the office and the period; row 3 says when the data and targets are
    illustrative; row 4 is the frozen header; A4 landscape."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    _text(ws.cell(row=1, column=1), title)
    ws.cell(row=1, column=1).font = st.title
    _text(ws.cell(row=2, column=1), subtitle)
    ws.cell(row=2, column=1).font = st.font
    if notice is not None:
        _text(ws.cell(row=3, column=1), notice[0])
        ws.cell(row=3, column=1).font = Font(name=FONT, bold=True, color="B71C1C", size=10)
        ws.oddFooter.left.text = _header_text(notice[1].upper())
        ws.oddFooter.left.size = 8
        ws.oddFooter.left.color = "B71C1C"
    for col, (name, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=FIRST_ROW, column=col)
        _text(cell, name)
        cell.font, cell.fill, cell.alignment, cell.border = (
            st.header_font, st.header_fill, st.center, st.border)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[FIRST_ROW].height = LINE_HEIGHT * max(
        _lines_needed(name, width) for name, width in zip(headers, widths, strict=True)) + 4
    ws.freeze_panes = ws.cell(row=FIRST_ROW + 1, column=1).coordinate
    ws.print_title_rows = f"{FIRST_ROW}:{FIRST_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    # the office and period on every printed page, the page number at the foot
    ws.oddHeader.center.text = _header_text(title)
    ws.oddHeader.center.size = 9
    ws.oddFooter.right.text = "&P / &N"
    ws.oddFooter.right.size = 8


def _lines_needed(text: str, width: float) -> int:
    """The lines a wrapped text takes in a column `width` characters wide (an estimate)."""
    per_line = max(int(width * 1.1) - 1, 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _fit_rows(ws: Any, widths: Sequence[float], first: int, last: int,
              merged: dict[tuple[int, int], int] | None = None) -> None:
    """Row heights for the wrapped texts (Excel and LibreOffice do not grow rows written
    by a program); a merged cell's lines are shared by the rows it spans."""
    for row in range(first, last + 1):
        lines = 1
        for col, width in enumerate(widths, start=1):
            value = ws.cell(row=row, column=col).value
            if isinstance(value, str):
                span = (merged or {}).get((row, col), 1)
                lines = max(lines, -(-_lines_needed(value, width) // span))
        ws.row_dimensions[row].height = LINE_HEIGHT * lines + 3


def _header_text(text: str) -> str:
    return text.replace("&", "&&")  # `&` starts a code in a page header


def _put(ws: Any, st: _Styles, row: int, col: int, value: object, decimals: int | None = None,
         ) -> Any:
    cell = ws.cell(row=row, column=col)
    cell.font = st.font
    if isinstance(value, str):
        _text(cell, value)
        cell.alignment = st.wrap
    elif value is not None:
        cell.value = value
        cell.number_format = _number_format(2 if decimals is None else decimals)
        cell.alignment = st.number
    cell.border = st.border
    return cell


# --- the sheets -------------------------------------------------------------------------------

def _earlier_periods(lines: list[_Line]) -> list[str]:
    codes = {p.periode for line in lines for p in line.result.sebelumnya}
    return sorted(codes, key=parse_period)


def _measurement_sheet(ws: Any, report: Report, lines: list[_Line], words: dict[str, str],
                       lang: str, title: str, notice: Notice = None) -> None:
    st = _Styles()
    period = parse_period(report.periode)
    earlier = _earlier_periods(lines)
    plan_years = sorted({line.result.renstra.akhir for line in lines if line.result.renstra})
    to_date = period.months < 12
    to_date_label = words["sd"].format(periode=period_words(report.periode, lang))
    headers = [words["no"], words["jabatan"], words["sasaran"], words["indikator"],
               words["satuan"], words["target"], words["realisasi"], words["capaian"],
               words["predikat"]]
    widths: list[float] = [6, 18, 22, 30, 10, 11, 11, 11, 13]
    if to_date:
        headers += [f"{words[name]} {to_date_label}"
                    for name in ("realisasi", "capaian", "predikat")]
        widths += [13, 13, 13]
    for code in earlier:
        headers.append(f"{words['realisasi']} {period_words(code, lang)}")
        widths.append(13)
    end_label = words["target_akhir_renstra"] + (
        f" {plan_years[0]}" if len(plan_years) == 1 else "")
    headers += [end_label, words["capaian_renstra"] + " (%)", words["status"]]
    widths += [13, 13, 12]
    _head(ws, st, title, f"{report.organisasi.get('pemda', '')} · {words['lkjip_judul']}",
          headers, widths, notice)
    row = FIRST_ROW + 1
    for line in lines:
        r, d = line.result, line.ind.desimal
        values: list[tuple[object, int | None]] = [
            (line.nomor, None), (line.jabatan.jabatan, None), (line.sasaran, None),
            (line.ind.nama, None), (line.ind.satuan, None), (r.target, d), (r.realisasi, d),
            (r.capaian, 2), (r.predikat or "", None)]
        if to_date:
            sd = r.sd_periode
            values += [(sd.realisasi if sd else None, d), (sd.capaian if sd else None, 2),
                       ((sd.predikat or "") if sd else "", None)]
        by_code = {p.periode: p.realisasi for p in r.sebelumnya}
        values += [(by_code.get(code), d) for code in earlier]
        plan = r.renstra
        values += [(plan.target if plan else None, d), (plan.capaian if plan else None, 2),
                   (words["status_" + r.status], None)]
        for col, (value, decimals) in enumerate(values, start=1):
            _put(ws, st, row, col, value, decimals)
        ws.cell(row=row, column=1).alignment = st.center
        row += 1
    # A position's and an objective's cells span their indicators' rows.
    spans: dict[tuple[int, int], int] = {}
    for col, key in ((2, lambda x: x.jabatan.id), (3, lambda x: x.sasaran_key)):
        for first, last in _runs([key(line) for line in lines]):
            spans[(FIRST_ROW + 1 + first, col)] = last - first + 1
            if last > first:
                ws.merge_cells(start_row=FIRST_ROW + 1 + first, start_column=col,
                               end_row=FIRST_ROW + 1 + last, end_column=col)
    _fit_rows(ws, widths, FIRST_ROW + 1, row - 1, spans)


def _runs(keys: list[Any]) -> list[tuple[int, int]]:
    """(first, last) index of each run of equal consecutive keys."""
    runs: list[tuple[int, int]] = []
    for i, key in enumerate(keys):
        if runs and keys[runs[-1][0]] == key:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _analysis_sheet(ws: Any, lines: list[_Line], words: dict[str, str], title: str,
                    notice: Notice = None) -> None:
    st = _Styles()
    headers = [words["no"], words["jabatan"], words["indikator"], words["capaian"],
               words["faktor_pendukung"], words["faktor_penghambat"], words["tindak_lanjut"]]
    widths = [6, 20, 30, 11, 40, 40, 40]
    _head(ws, st, title, words["analisis"], headers, widths, notice)
    for row, line in enumerate(lines, start=FIRST_ROW + 1):
        a = line.result.analisis
        shown = line.riwayat.lkjip.capaian
        cells: list[tuple[object, int | None]] = [
            (line.nomor, None), (line.jabatan.jabatan, None), (line.ind.nama, None),
            (shown, 2), ((a.faktor_pendukung if a else None) or "", None),
            ((a.faktor_penghambat if a else None) or "", None),
            ((a.tindak_lanjut if a else None) or "", None)]
        for col, (value, decimals) in enumerate(cells, start=1):
            _put(ws, st, row, col, value, decimals)
    _fit_rows(ws, widths, FIRST_ROW + 1, FIRST_ROW + len(lines))


def _inputs_sheet(ws: Any, lines: list[_Line], defs: Definitions, words: dict[str, str],
                  title: str, notice: Notice = None) -> None:
    st = _Styles()
    headers = [words["no"], words["indikator"], words["xlsx_variabel"], words["xlsx_uraian"],
               words["satuan"], words["xlsx_agregasi"], words["xlsx_nilai"],
               words["xlsx_dipakai"], words["xlsx_belum_ada"]]
    widths = [6, 28, 18, 32, 10, 12, 14, 28, 20]
    _head(ws, st, title, words["masukan"], headers, widths, notice)
    row = FIRST_ROW + 1
    for line in lines:
        r = line.result
        for name in defs.variable_names((r.jabatan, r.indikator)):
            var = defs.variables.get(name)
            agg = r.masukan.get(name)
            used = [p for p in agg.coverage.used] if agg else []
            missing = [p.code for p in agg.coverage.missing] if agg else []
            cells: list[tuple[object, int | None]] = [
                (line.nomor, None), (line.ind.nama, None), (name, None),
                (var.uraian if var else "", None), ((var.satuan or "") if var else "", None),
                (words["agregasi_" + var.agregasi] if var else "", None),
                (agg.value if agg else None, 4), (_periods(used), None),
                (", ".join(missing), None)]
            for col, (value, decimals) in enumerate(cells, start=1):
                cell = _put(ws, st, row, col, value, decimals)
                if col == 7 and value is not None:
                    cell.number_format = "#,##0.####"
            row += 1
    _fit_rows(ws, widths, FIRST_ROW + 1, row - 1)


def _periods(used: list[Period]) -> str:
    """The records used: `2026-01 … 2026-12` for a run of one kind, else each code."""
    if len(used) > 3 and len({p.months for p in used}) == 1 and all(
            b.start == a.end + 1 for a, b in zip(used, used[1:], strict=False)):
        return f"{used[0].code} … {used[-1].code} ({len(used)})"
    return ", ".join(p.code for p in used)
