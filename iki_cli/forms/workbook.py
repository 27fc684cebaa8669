"""The data-entry workbook of a period (SPEC §4): a values sheet to fill in and a guide.

openpyxl is imported inside the functions that need it, so `iki --help` does not pay
for it. The bytes are the same for the same definitions (fixed zip timestamps).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from typing import Any

from ..definitions.loading import Definitions
from ..definitions.model import Variabel
from ..periods import Period
from .csvform import TEMPLATE_COLUMNS, used_variables

SHEET = "nilai"
GUIDE_SHEET = "petunjuk"
NO_SOURCE = "lainnya"
FIXED_TIME = dt.datetime(1980, 1, 1)
INPUT_COLUMNS = ("nilai", "keterangan")
WIDTHS = {"nilai": 14, "keterangan": 40}
MAX_WIDTH = {"uraian": 60, "sumber_data": 40}
HEADER_FILL, HEADER_FONT = "1F4E78", "FFFFFF"
LOCKED_FILL, LOCKED_FONT = "E7E6E6", "404040"
INPUT_FILL = "FFF2CC"
BORDER = "BFBFBF"
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def template_workbook(defs: Definitions, period: Period,
                      variables: Sequence[Variabel] | None = None,
                      sumber: str | None = None) -> bytes:
    """The data-entry workbook of SPEC §4 for `period`: sheet `nilai`, then `petunjuk`.

    `variables` defaults to every variable a formula uses; `sumber` names the
    data source the rows were chosen for (`--per-sumber`), shown in `petunjuk`.
    """
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    rows = used_variables(defs) if variables is None else list(variables)
    _fill_values_sheet(ws, period, rows)
    _fill_guide(wb.create_sheet(GUIDE_SHEET), defs, period, sumber, len(rows))
    wb.properties.creator = "iki"
    wb.properties.title = f"Nilai IKI {period.code}"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    return _save(wb)


def template_workbooks(defs: Definitions, period: Period) -> dict[str, bytes]:
    """One workbook per `sumber_data`, by file name (`<slug>.xlsx`; none: `lainnya.xlsx`).

    Sources whose names differ only in case or punctuation share a workbook.
    """
    groups: dict[str, tuple[str | None, list[Variabel]]] = {}
    for var in used_variables(defs):
        label = (var.sumber_data or "").strip() or None
        key = slug(label) if label else NO_SOURCE
        groups.setdefault(key, (label, []))[1].append(var)
    return {f"{key}.xlsx": template_workbook(defs, period, variables, label)
            for key, (label, variables) in groups.items()}


def slug(text: str) -> str:
    """A file-name-safe lowercase ASCII form: `Bidang PPPA (Seksi 1)` → `bidang-pppa-seksi-1`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].rstrip("-")
    if re.fullmatch(r"con|prn|aux|nul|(com|lpt)[0-9]", name):
        name += "-data"  # names Windows reserves for devices
    return name or NO_SOURCE


def _text(cell: Any, value: str) -> None:
    """Write definition text as text: never a formula or an error code, whatever it starts with."""
    cell.value = ILLEGAL.sub("", value)
    cell.data_type = "s"
    if value[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True  # and Excel keeps it text when someone edits the cell


def _fill_values_sheet(ws: Any, period: Period, variables: Sequence[Variabel]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    side = Side(style="thin", color=BORDER)
    border = Border(left=side, right=side, top=side, bottom=side)
    locked_fill = PatternFill("solid", fgColor=LOCKED_FILL)
    input_fill = PatternFill("solid", fgColor=INPUT_FILL)
    locked_font = Font(color=LOCKED_FONT)
    for col, name in enumerate(TEMPLATE_COLUMNS, start=1):
        cell = ws.cell(row=1, column=col)
        _text(cell, name)
        cell.font = Font(bold=True, color=HEADER_FONT)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center")
        cell.border = border
    widths = {name: len(name) for name in TEMPLATE_COLUMNS}
    for row, var in enumerate(variables, start=2):
        texts = {"periode": period.code, "variabel": var.id, "uraian": var.uraian,
                 "satuan": var.satuan or "", "sumber_data": var.sumber_data or ""}
        for col, name in enumerate(TEMPLATE_COLUMNS, start=1):
            cell = ws.cell(row=row, column=col)
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=name in MAX_WIDTH or
                                       name == "keterangan")
            if name in INPUT_COLUMNS:
                cell.fill = input_fill
                cell.protection = Protection(locked=False)
                if name == "keterangan":
                    cell.number_format = "@"  # a note such as 1/2 must not become a date
                continue
            _text(cell, texts[name])
            cell.fill = locked_fill
            cell.font = locked_font
            widths[name] = max(widths[name], len(texts[name]))
    for col, name in enumerate(TEMPLATE_COLUMNS, start=1):
        width = WIDTHS.get(name) or min(widths[name], MAX_WIDTH.get(name, 80))
        ws.column_dimensions[get_column_letter(col)].width = width + 2
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    if variables:
        column = get_column_letter(1 + TEMPLATE_COLUMNS.index("nilai"))
        validation = DataValidation(
            type="decimal", operator="between", formula1="-1E+100", formula2="1E+100",
            allow_blank=True, showErrorMessage=True, showInputMessage=True, errorStyle="stop",
            errorTitle="Nilai harus berupa angka",
            error=("Isi kolom nilai dengan angka saja, misalnya 12500 atau 81,25: tanpa satuan, "
                   "tanpa tanda %, tanpa teks. Kosongkan sel bila data belum terkumpul."),
            promptTitle=f"Nilai {period.code}",
            prompt=("Ketik angkanya saja. Pemisah ribuan/desimal mengikuti bahasa komputer "
                    "(Indonesia: 1.450 dan 81,25; Inggris: 1,450 dan 81.25). "
                    "Kosong = belum terkumpul; 0 = nol."))
        validation.add(f"{column}2:{column}{len(variables) + 1}")
        ws.add_data_validation(validation)
    # Locked cells (everything but nilai and keterangan) cannot be edited; there is
    # no password, so the sheet can still be unprotected when really needed.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _fill_guide(ws: Any, defs: Definitions, period: Period, sumber: str | None,
                rows: int) -> None:
    from openpyxl.styles import Alignment, Font

    year = period.year
    org = defs.organisasi.model if defs.organisasi else None
    sheet = f"\u201c{SHEET}\u201d"
    lines: list[tuple[str, str]] = [
        ("#", f"Petunjuk pengisian nilai IKI periode {period.code}"),
        ("", f"{org.nama}, {org.pemda}" if org else ""),
    ]
    if sumber is not None:
        lines.append(("Sumber data", (
            f"{sumber}: berkas ini hanya memuat variabel dari sumber data ini.")))
    lines += [
        ("Isi", (
            f"Lembar {sheet} memuat {rows} baris, satu untuk setiap variabel (data dasar) yang "
            "dipakai dalam rumus indikator. Isi kolom nilai (dan bila perlu keterangan), lalu "
            "simpan dan kirim kembali berkas ini.")),
        ("", ""),
        ("#", f"Kolom pada lembar {sheet}"),
        ("periode", "Kode periode data (lihat di bawah). Sudah terisi; jangan diubah."),
        ("variabel", (
            "Kode variabel yang dipakai dalam rumus indikator. Sudah terisi; jangan diubah.")),
        ("uraian", "Apa yang dihitung. Hanya informasi."),
        ("satuan", (
            "Satuan nilai (orang, dokumen, kasus, …). Hanya informasi; jangan ditulis di "
            "kolom nilai.")),
        ("sumber_data", "Dari mana angka diambil. Hanya informasi."),
        ("nilai", "Angka realisasi variabel untuk periode tersebut. Inilah yang diisi."),
        ("keterangan", "Catatan atau tautan bukti dukung (tidak wajib)."),
        ("", (
            "Kolom berwarna abu-abu dikunci agar tidak berubah; hanya kolom nilai dan "
            "keterangan (berwarna kuning) yang dapat diisi. Penguncian tanpa kata sandi.")),
        ("", ""),
        ("#", "Kode periode"),
        (f"{year}", "satu tahun penuh"),
        (f"{year}-S1, {year}-S2", "semester I (Januari–Juni), semester II (Juli–Desember)"),
        (f"{year}-TW1 … {year}-TW4", (
            "triwulan I (Januari–Maret), II (April–Juni), III (Juli–September), IV "
            f"(Oktober–Desember); {year}-Q1 juga diterima dan dibaca sebagai {year}-TW1")),
        (f"{year}-01 … {year}-12", "bulan Januari … Desember"),
        ("", ""),
        ("#", "Cara mengisi angka"),
        ("Angka", (
            "Ketik angkanya saja, tanpa satuan, tanpa tanda %, tanpa teks: misalnya 12500 atau "
            "81,25. Angka yang benar tampil rata kanan; yang rata kiri terbaca sebagai teks.")),
        ("Pemisah", (
            "Tanda pemisah ribuan dan desimal mengikuti pengaturan bahasa komputer, bukan "
            "berkas ini: pada komputer berbahasa Indonesia seribu empat ratus lima puluh "
            "ditulis 1.450 dan delapan puluh satu koma dua lima 81,25; pada komputer berbahasa "
            "Inggris 1,450 dan 81.25. Ketik angka dengan cara komputer Anda (atau tanpa "
            "pemisah ribuan, misalnya 1450); jangan menyalin angka dari komputer lain sebagai "
            "teks.")),
        ("Persen", (
            "Untuk nilai persentase tulis 75, bukan 75%: sel berformat persen menyimpan 0,75 "
            "dan akan ditolak.")),
        ("Kosong", (
            "Sel nilai yang kosong berarti data belum terkumpul; indikator yang memakainya "
            "tampil tanpa data. Bila nilainya memang nol, isi 0.")),
        ("Rumus", (
            "Rumus boleh dipakai (misalnya menjumlah dari lembar lain). Simpan berkas dengan "
            "Excel atau LibreOffice agar hasil rumus ikut tersimpan. Rumus yang merujuk sel "
            "kosong menghasilkan 0, bukan kosong.")),
        ("Berkas", (
            f"Biarkan lembar {sheet} tetap sebagai lembar pertama: iki membaca lembar pertama. "
            "Simpan sebagai Excel Workbook (.xlsx).")),
        ("", ""),
        ("#", "Pengolahan"),
        ("iki", (
            "Berkas yang sudah terisi dibaca langsung oleh: "
            f"iki compute -p {period.code} -v <nama berkas>.xlsx")),
    ]
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, (term, text) in enumerate(lines, start=1):
        left, right = ws.cell(row=row, column=1), ws.cell(row=row, column=2)
        if term == "#":
            _text(left, text)
            left.font = Font(bold=True, size=14 if row == 1 else 12)
            continue
        for cell, content in ((left, term), (right, text)):
            if content:
                _text(cell, content)
                cell.alignment = wrap
        left.font = Font(bold=True)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100


def _save(wb: Any) -> bytes:
    """The workbook's bytes, the same for the same content (fixed zip timestamps)."""
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    # ExcelWriter rather than wb.save(): save() stamps the current time as "modified"
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, src.read(info.filename))
    return fixed.getvalue()
