"""Excel workbooks (SPEC §4): values read from .xlsx, and the data-entry workbook template.

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
import io
import math
import re
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from .definitions import Definitions
from .model import Variabel
from .numbers import Notation, NumberError, parse_number
from .periods import Period
from .problems import Problem, UsageError, did_you_mean
from .template import TEMPLATE_COLUMNS, used_variables
from .values import REQUIRED, Ingest, NotationChoice, Source, header_columns

SHEET = "nilai"
GUIDE_SHEET = "petunjuk"
NO_SOURCE = "lainnya"
# An encrypted (password-protected) .xlsx, like an Excel 97-2003 .xls, is an OLE
# compound file, not a zip.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A valid period for Ingest.row when only the variable is left to check (nothing
# is recorded, since the value passed with it is None).
ANY_PERIOD = "2000"
FIXED_TIME = dt.datetime(1980, 1, 1)
DATE_TYPES = (dt.datetime, dt.date, dt.time, dt.timedelta)
# What a damaged package raises inside openpyxl or the XML parser (lxml's and
# ElementTree's parse errors are SyntaxErrors); they have no common base.
DAMAGED = (zipfile.BadZipFile, zlib.error, OSError, EOFError, SyntaxError, KeyError, ValueError,
           TypeError, AttributeError, IndexError)
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
    except DAMAGED as exc:
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
                    row_no = int(elem.get("r") or row_no + 1)
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


# --- writing the template -----------------------------------------------------------------

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
        ws.column_dimensions[_letter(col - 1)].width = width + 2
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    if variables:
        column = _letter(TEMPLATE_COLUMNS.index("nilai"))
        validation = DataValidation(
            type="decimal", operator="between", formula1="-1E+100", formula2="1E+100",
            allow_blank=True, showErrorMessage=True, showInputMessage=True, errorStyle="stop",
            errorTitle="Nilai harus berupa angka",
            error=("Isi kolom nilai dengan angka saja, misalnya 12500 atau 81,25: tanpa satuan, "
                   "tanpa tanda %, tanpa teks. Kosongkan sel bila data belum terkumpul."),
            promptTitle=f"Nilai {period.code}",
            prompt="Ketik angkanya saja. Kosong = data belum terkumpul; 0 = nilainya nol.")
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
            "81,25 (pemisah desimal mengikuti pengaturan bahasa Excel). Angka yang benar tampil "
            "rata kanan; yang rata kiri terbaca sebagai teks.")),
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
