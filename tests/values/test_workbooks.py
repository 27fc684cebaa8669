"""Excel workbooks (SPEC §4): values read from .xlsx, and the data-entry template.

Workbooks are built here with openpyxl. What openpyxl cannot write (a formula's
saved result, as Excel or LibreOffice store it) is put into the sheet's XML
inside the zip, the way those programs write it.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from iki_cli.cli import app
from iki_cli.definitions.model import Variabel
from iki_cli.errors import ProblemsError
from iki_cli.forms.workbook import slug
from iki_cli.values.reading import read_values

HEADER = ["periode", "variabel", "nilai", "keterangan"]
VARIABLES = {
    "a": Variabel(id="a", uraian="Jumlah yang tertangani", agregasi="jumlah"),
    "b": Variabel(id="b", uraian="Jumlah yang ada", agregasi="terakhir"),
}
SHEET_XML = "xl/worksheets/sheet1.xml"


# --- helpers ---------------------------------------------------------------------------------

def workbook(path: Path, rows: list[list[Any]], header: list[Any] | None = None,
             title: str = "nilai", before: dict[str, list[list[Any]]] | None = None,
             after: dict[str, list[list[Any]]] | None = None,
             formats: dict[str, str] | None = None) -> Path:
    """A workbook with the values sheet `title` (header + rows), other sheets around it."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, content in (before or {}).items():
        _sheet(wb.create_sheet(name), content)
    ws = wb.create_sheet(title)
    _sheet(ws, [HEADER if header is None else header, *rows])
    for ref, number_format in (formats or {}).items():
        ws[ref].number_format = number_format
    for name, content in (after or {}).items():
        _sheet(wb.create_sheet(name), content)
    wb.save(path)
    return path


def _sheet(ws: Worksheet, rows: list[list[Any]]) -> None:
    for row in rows:
        ws.append(row)


def set_cell_xml(path: Path, ref: str, xml: str, part: str = SHEET_XML) -> None:
    """Replace cell `ref` in the sheet's XML by `xml`, as Excel would have saved it."""
    with zipfile.ZipFile(path) as src:
        entries = {info.filename: src.read(info.filename) for info in src.infolist()}
    text = entries[part].decode()
    pattern = re.compile(rf'<c r="{ref}"(?: [^>]*)?(?:/>|>.*?</c>)')
    assert pattern.search(text), f"no cell {ref} in {part}"
    entries[part] = pattern.sub(lambda _: xml, text, count=1).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries.items():
            dst.writestr(name, data)


def read(path: Path, **options: Any) -> dict[str, dict[str, float]]:
    """{variable: {period code: value}} read from one values file."""
    values = read_values([path], VARIABLES, **options)
    assert not values.problems, values.problems
    return {var: {p.code: e.value for p, e in per.items()}
            for var, per in values.entries.items()}


def problems(*paths: Path, **options: Any) -> list[str]:
    """`location: level message` of every problem of a run that must fail."""
    with pytest.raises(ProblemsError) as info:
        read_values(list(paths), VARIABLES, **options)
    return [f"{p.location()}: {p.level} {p.message}" for p in info.value.problems]


def warnings_of(*paths: Path, **options: Any) -> list[str]:
    values = read_values(list(paths), VARIABLES, **options)
    return [f"{p.location()}: {p.level} {p.message}" for p in values.problems]


@pytest.fixture
def xlsx(tmp_path: Path) -> Path:
    return tmp_path / "nilai.xlsx"


# --- cell kinds in `nilai` ---------------------------------------------------------------------

def test_numeric_cells_are_numbers(xlsx: Path) -> None:
    workbook(xlsx, [["2026-TW1", "a", 3], ["2026-TW1", "b", 4.5], ["2026-02", "a", 1_234_567]])
    assert read(xlsx) == {"a": {"2026-TW1": 3.0, "2026-02": 1234567.0}, "b": {"2026-TW1": 4.5}}


@pytest.mark.parametrize(
    ("text", "angka", "expected"),
    [
        ("81,25", "id", 81.25),
        ("81,25", "auto", 81.25),  # reads only in Indonesian notation
        ("12.500", "id", 12500.0),
        ("12.500", "en", 12.5),
        ("1.234,5", "id", 1234.5),
        ("81.25", "en", 81.25),
        ("1,234.5", "en", 1234.5),
        (" 7 ", "auto", 7.0),
    ],
)
def test_text_numbers_follow_the_notation(xlsx: Path, text: str, angka: str,
                                          expected: float) -> None:
    workbook(xlsx, [["2026", "a", text]])
    assert read(xlsx, notation=angka) == {"a": {"2026": expected}}


@pytest.mark.parametrize(
    ("text", "angka", "hint"),
    [
        ("12 orang", "auto", "not a number"),
        ("75%", "auto", "without `%`"),
        ("7,5 %", "id", "without `%`"),
    ],
)
def test_text_that_is_no_number_is_rejected(xlsx: Path, text: str, angka: str,
                                            hint: str) -> None:
    workbook(xlsx, [["2026", "a", text]])
    [problem] = problems(xlsx, notation=angka)
    assert problem.startswith(f"{xlsx}:nilai!C2: error `nilai` holds text: `{text}` is not a "
                              "number")
    assert hint in problem


@pytest.mark.parametrize(
    ("text", "angka", "other"),
    [("81.25", "id", "en"), ("81,25", "en", "id")],
)
def test_text_numbers_in_the_other_notation_name_it_for_the_sheet(
        xlsx: Path, text: str, angka: str, other: str) -> None:
    workbook(xlsx, [["2026", "a", text]])
    [problem] = problems(xlsx, notation=angka)
    assert problem.startswith(f"{xlsx}:nilai: error the numbers of this file are not in ")
    assert f"cell C2 `{text}`" in problem and f"--angka {other}" in problem
    assert problem.endswith("check their values: cells C2")


def test_text_numbers_of_both_notations_in_one_sheet_are_refused(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", "81,25"], ["2026", "b", "82.5"]])
    [problem] = problems(xlsx)
    assert problem.startswith(f"{xlsx}:nilai: error the numbers of this file are written in "
                              "both notations: cell C2 `81,25` reads only in Indonesian notation, "
                              "cell C3 `82.5` only in English notation")


def test_formula_with_a_saved_result_gives_the_result(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", "=B9*2"], ["2026", "b", "=B9"]])
    set_cell_xml(xlsx, "C2", '<c r="C2"><f>B9*2</f><v>42.5</v></c>')
    set_cell_xml(xlsx, "C3", '<c r="C3" t="str"><f>B9</f><v>81,25</v></c>')  # text result
    assert read(xlsx) == {"a": {"2026": 42.5}, "b": {"2026": 81.25}}


def test_formula_without_a_saved_result_is_an_error_naming_the_cell(xlsx: Path) -> None:
    # openpyxl, like other generators, writes formulas with no result (`<v/>`)
    workbook(xlsx, [["2026", "a", 1], ["2026", "b", "=SUM(D1:D9)"]])
    set_cell_xml(xlsx, "C2", '<c r="C2"><f>B9*2</f></c>')  # no <v> at all
    found = problems(xlsx)
    assert len(found) == 2
    assert found[0].startswith(f"{xlsx}:nilai!C2: error `nilai` is a formula (`=B9*2`) with no "
                               "saved result")
    assert found[1].startswith(f"{xlsx}:nilai!C3: error `nilai` is a formula (`=SUM(D1:D9)`)")
    assert "open the workbook in Excel or LibreOffice and save it" in found[0]


def test_shared_formulas_as_excel_saves_them(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", 0], ["2026", "b", 0], ["2026-TW1", "a", 0]])
    set_cell_xml(xlsx, "C2", '<c r="C2"><f t="shared" ref="C2:C4" si="0">D2*2</f><v>4</v></c>')
    set_cell_xml(xlsx, "C3", '<c r="C3"><f t="shared" si="0"/><v>6</v></c>')
    set_cell_xml(xlsx, "C4", '<c r="C4"><f t="shared" si="0"/></c>')
    [problem] = problems(xlsx)
    assert problem.startswith(f"{xlsx}:nilai!C4: error `nilai` is a formula with no saved "
                              "result: open the workbook")
    set_cell_xml(xlsx, "C4", '<c r="C4"><f t="shared" si="0"/><v>8</v></c>')
    assert read(xlsx) == {"a": {"2026": 4.0, "2026-TW1": 8.0}, "b": {"2026": 6.0}}


def test_formula_whose_saved_result_is_empty_text_is_not_collected(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", "=IF(B9=0,\"\",B9)"], ["2026", "b", 4]])
    set_cell_xml(xlsx, "C2", '<c r="C2" t="str"><f>IF(B9=0,"",B9)</f><v></v></c>')
    assert read(xlsx) == {"b": {"2026": 4.0}}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (dt.datetime(2026, 3, 31), "`nilai` is a date or time (2026-03-31), not a number"),
        (dt.date(2026, 3, 31), "`nilai` is a date or time (2026-03-31)"),
        (True, "`nilai` is the logical value TRUE, not a number"),
        (False, "`nilai` is the logical value FALSE"),
        ("#DIV/0!", "`nilai` is the Excel error value `#DIV/0!`"),
        ("#N/A", "`nilai` is the Excel error value `#N/A`"),
    ],
)
def test_dates_booleans_and_error_values_are_errors(xlsx: Path, value: object,
                                                    message: str) -> None:
    workbook(xlsx, [["2026", "a", value]])
    [problem] = problems(xlsx)
    assert problem.startswith(f"{xlsx}:nilai!C2: error {message}")


def test_error_value_saved_by_a_formula_is_an_error(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", 0]])
    set_cell_xml(xlsx, "C2", '<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
    [problem] = problems(xlsx)
    assert problem.startswith(f"{xlsx}:nilai!C2: error `nilai` is the Excel error value "
                              "`#DIV/0!`: fix the formula")


def test_a_number_in_a_date_formatted_cell_is_an_error(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", 45]], formats={"C2": "dd/mm/yyyy"})
    [problem] = problems(xlsx)
    assert "`nilai` is a date or time (1900-02-14)" in problem
    assert "set the cell format to Number" in problem


def test_a_percent_formatted_cell_is_an_error_not_a_hundredth(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", 0.75], ["2026", "b", 3]],
             formats={"C2": "0%", "C3": '0" %"'})  # a quoted `%` is only a label
    [problem] = problems(xlsx)
    assert problem.startswith(f"{xlsx}:nilai!C2: error `nilai` is formatted as a percentage, "
                              "so the cell shows 75% but holds 0.75")


def test_empty_cells_and_blank_rows_are_not_collected(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", None, "belum ada laporan"], [], [None, None, None],
                    ["2026", "b", "   "], ["2026", "a", 5], ["", "", ""]])
    assert read(xlsx) == {"a": {"2026": 5.0}}


def test_every_bad_cell_is_reported(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", True], ["2026-TW5", "b", 1], ["2026", "c", "x"],
                    ["2026", "b", 2]])
    found = problems(xlsx)
    assert [p.split(": ")[0] for p in found] == [
        f"{xlsx}:nilai!C2", f"{xlsx}:nilai!A3", f"{xlsx}:nilai!C4", f"{xlsx}:nilai!B4"]
    assert "unknown variable `c`" in found[3]


# --- periode and variabel cells ---------------------------------------------------------------

def test_periode_that_excel_made_a_number_still_works(xlsx: Path) -> None:
    workbook(xlsx, [[2026, "a", 1], [2027.0, "a", 2], ["2026-q2", "b", 3]])
    assert read(xlsx) == {"a": {"2026": 1.0, "2027": 2.0}, "b": {"2026-TW2": 3.0}}


def test_periode_that_excel_made_a_date_is_an_error_with_a_hint(xlsx: Path) -> None:
    workbook(xlsx, [[dt.datetime(2026, 1, 1), "zz", 1]])
    found = problems(xlsx)
    assert found[0].startswith(f"{xlsx}:nilai!A2: error `periode` is a date (2026-01-01): "
                               "the spreadsheet turned the period code into a date")
    assert "(`2026-01`?)" in found[0]
    # the variable of that row is still checked
    assert found[1].startswith(f"{xlsx}:nilai!B2: error unknown variable `zz`")


def test_informational_columns_are_ignored_and_keterangan_is_kept(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", "Jumlah", "orang", "Bidang X", 3, "laporan"]],
             header=["Periode", "VARIABEL", "uraian", "satuan", "sumber_data", "Nilai",
                     "keterangan"])
    values = read_values([xlsx], VARIABLES)
    [entry] = values.entries["a"].values()
    assert (entry.value, entry.note) == (3.0, "laporan")


# --- header ---------------------------------------------------------------------------------

def test_unknown_column_is_an_error_with_a_suggestion(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", 1]], header=["periode", "variabel", "nilia"])
    found = problems(xlsx)
    assert found[0].startswith(f"{xlsx}:nilai!C1: error unknown column `nilia`; did you mean "
                               "`nilai`?")
    assert found[1].startswith(f"{xlsx}:nilai!A1: error missing column(s) `nilai`")
    assert len(found) == 2  # no row is read under a bad header


def test_header_must_be_in_row_1(xlsx: Path) -> None:
    workbook(xlsx, [HEADER, ["2026", "a", 1]], header=["Rekap nilai IKI"])
    [first, second] = problems(xlsx)
    assert "unknown column `Rekap nilai IKI`" in first
    assert "row 1 must be the header" in second


def test_empty_sheet_needs_a_header(xlsx: Path) -> None:
    wb = openpyxl.Workbook()
    wb.save(xlsx)
    [problem] = problems(xlsx)
    assert problem.startswith(f"{xlsx}:Sheet!A1: error missing column(s) `periode`, "
                              "`variabel`, `nilai`")


# --- sheets -----------------------------------------------------------------------------------

def test_the_first_sheet_is_read_and_others_ignored(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", 1]], after={"rekap": [["apa saja"], [1, 2, 3]]})
    assert read(xlsx) == {"a": {"2026": 1.0}}


def test_sheet_option_chooses_another_sheet(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", 2]], title="Data TW1",
             before={"sampul": [["Laporan triwulan"]]})
    assert read(xlsx, sheet="Data TW1") == {"a": {"2026": 2.0}}
    assert read(xlsx, sheet="data tw1") == {"a": {"2026": 2.0}}  # as Excel: any case
    found = problems(xlsx)  # the first sheet is the cover
    assert found[0].startswith(f"{xlsx}:sampul!A1: error unknown column `Laporan triwulan`")
    assert found[1].endswith("(this is the first sheet, `sampul`; read another with --sheet "
                             "NAME: `Data TW1`)")


def test_unknown_sheet_lists_the_sheets(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", 2]], after={"petunjuk": [["x"]]})
    [problem] = problems(xlsx, sheet="nilia")
    assert problem == (f"{xlsx}: error the workbook has no sheet `nilia`; did you mean `nilai`?; "
                       "its sheets are `nilai`, `petunjuk`")


def test_a_wrong_stored_dimension_does_not_hide_cells(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", 1], ["2026", "b", 2]])
    with zipfile.ZipFile(xlsx) as src:
        entries = {i.filename: src.read(i.filename) for i in src.infolist()}
    entries[SHEET_XML] = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1"/>',
                                entries[SHEET_XML])
    with zipfile.ZipFile(xlsx, "w") as dst:
        for name, data in entries.items():
            dst.writestr(name, data)
    assert read(xlsx) == {"a": {"2026": 1.0}, "b": {"2026": 2.0}}


# --- files that are no workbook -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"periode;variabel;nilai\n2026;a;1\n", ("this file is text (a CSV file?), not a "
         "workbook, though its name ends in `.xlsx`: rename it to `nilai.csv`")),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "the file is password-protected"),
        (b"", "the file is empty (0 bytes)"),
    ],
    ids=["csv-text", "encrypted", "empty"],
)
def test_a_file_that_is_no_workbook_is_one_clear_problem(xlsx: Path, content: bytes,
                                                         message: str) -> None:
    xlsx.write_bytes(content)
    [problem] = problems(xlsx)
    assert problem.startswith(f"{xlsx}: error {message}")


def test_a_damaged_workbook_is_one_clear_problem(xlsx: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    xlsx.write_bytes(buf.getvalue())
    [problem] = problems(xlsx)
    assert problem.startswith(f"{xlsx}: error this is a zip archive but not a workbook")


def test_a_damaged_sheet_is_one_clear_problem(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", 1]])
    set_cell_xml(xlsx, "C2", '<c r="C2"><v>1</c>')  # broken XML
    [problem] = problems(xlsx)
    assert problem.startswith(f"{xlsx}: error the file cannot be read as a workbook (")
    assert problem.endswith("it is damaged; open it in Excel or LibreOffice and save it again")


def test_a_truncated_workbook_is_one_clear_problem(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", 1]])
    xlsx.write_bytes(xlsx.read_bytes()[:-200])
    [problem] = problems(xlsx)
    assert "save it" in problem


# --- the template ---------------------------------------------------------------------------

VARIABEL_WITH_SOURCES = """\
versi_skema: 1
variabel:
  - id: a
    uraian: "=SUM(A1:A3) dari register"
    satuan: "+orang"
    agregasi: jumlah
    sumber_data: "Bidang Rehabilitasi Sosial"
  - id: b
    uraian: "@jumlah yang ada"
    satuan: "-"
    agregasi: terakhir
  - id: c
    uraian: "#N/A"
    agregasi: jumlah
    sumber_data: "bidang rehabilitasi  sosial"
"""
HEAD_ABC = """\
versi_skema: 1
id: kepala
jabatan: Kepala Kantor
tugas:
  - Memimpin kantor
sasaran:
  - id: layanan-meningkat
    uraian: Meningkatnya layanan
    indikator:
      - id: persentase-tertangani
        nama: Persentase yang tertangani
        rumus: (a + c) / b * 100
        satuan: "%"
        target:
          2026-TW1: 80
"""


def make_template(runner: Any, root: Path, out: Path, *args: str) -> Path:
    r = runner.invoke(app, ["template", "-d", str(root), "-p", "2026-TW1", "-o", str(out), *args])
    assert r.exit_code == 0, r.output
    return out


def test_template_workbook_layout(runner: Any, make_root: Any, tmp_path: Path) -> None:
    root = make_root(variabel=VARIABEL_WITH_SOURCES, jabatan={"kepala": HEAD_ABC})
    path = make_template(runner, root, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["nilai", "petunjuk"]
    ws = wb["nilai"]
    assert [c.value for c in ws[1]] == ["periode", "variabel", "uraian", "satuan",
                                         "sumber_data", "nilai", "keterangan"]
    assert [c.value for c in ws["B"]][1:] == ["a", "b", "c"]
    assert {c.value for c in ws["A"][1:]} == {"2026-TW1"}
    assert ws.freeze_panes == "A2"
    assert all(c.font.b and c.fill.fgColor.rgb.endswith("1F4E78") for c in ws[1])
    assert ws.protection.sheet and not ws.protection.password
    for row in ws.iter_rows(min_row=2):
        locked = {c.column_letter for c in row if c.protection.locked}
        assert locked == {"A", "B", "C", "D", "E"}
        assert all(c.fill.fgColor.rgb.endswith("E7E6E6") for c in row if c.protection.locked)
    [validation] = ws.data_validations.dataValidation
    assert (validation.type, str(validation.sqref)) == ("decimal", "F2:F4")
    assert validation.showErrorMessage and "angka" in validation.error
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    assert widths["B"] == len("variabel") + 2
    assert widths["C"] == len("=SUM(A1:A3) dari register") + 2
    guide = " ".join(str(c.value) for row in wb["petunjuk"].iter_rows() for c in row if c.value)
    for needed in ("periode", "variabel", "uraian", "satuan", "sumber_data", "nilai",
                   "keterangan", "2026-S1", "2026-TW1", "2026-01", "belum terkumpul", "81,25"):
        assert needed in guide


def test_template_text_starting_with_a_formula_sign_stays_text(runner: Any, make_root: Any,
                                                               tmp_path: Path) -> None:
    root = make_root(variabel=VARIABEL_WITH_SOURCES, jabatan={"kepala": HEAD_ABC})
    path = make_template(runner, root, tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read(SHEET_XML)
        assert b't="e"' not in archive.read(SHEET_XML)
    ws = openpyxl.load_workbook(path)["nilai"]
    cells = {c.coordinate: c for row in ws.iter_rows() for c in row}
    assert (cells["C2"].value, cells["C2"].data_type) == ("=SUM(A1:A3) dari register", "s")
    assert (cells["D2"].value, cells["D2"].data_type) == ("+orang", "s")
    assert (cells["C3"].value, cells["D3"].value) == ("@jumlah yang ada", "-")
    assert (cells["C4"].value, cells["C4"].data_type) == ("#N/A", "s")
    assert cells["C2"].quotePrefix and cells["C3"].quotePrefix
    # and a data-only read sees the same text, not a missing formula result
    ws = openpyxl.load_workbook(path, data_only=True)["nilai"]
    assert ws["C2"].value == "=SUM(A1:A3) dari register"


def test_template_bytes_are_deterministic(runner: Any, make_root: Any, tmp_path: Path) -> None:
    root = make_root()
    first = make_template(runner, root, tmp_path / "1.xlsx").read_bytes()
    second = make_template(runner, root, tmp_path / "2.xlsx").read_bytes()
    assert first == second
    # Nothing in it says when it was made: two runs a day apart give the same bytes too.
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    stamps = re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core)
    assert stamps == ["1980-01-01T00:00:00Z", "1980-01-01T00:00:00Z"]


def test_unfilled_template_reads_back_with_nothing_collected(runner: Any, make_root: Any,
                                                             tmp_path: Path) -> None:
    path = make_template(runner, make_root(), tmp_path / "t.xlsx")
    assert read(path) == {}


# --- the round trip -------------------------------------------------------------------------

FILLED = {
    "kelahiran_hidup": 155, "kematian_ibu": 0, "kematian_bayi": 1, "balita_ditimbang": 448,
    "balita_gizi_buruk": 7, "keluarga_sehat": 980, "keluarga_didata": 2900,
    "suhu_vaksin_maks": 7.5, "nilai_unsur_skm": 3.125, "laporan_tepat_waktu": 11,
    "laporan_wajib": 12, "sop_dimutakhirkan": 2, "kunjungan_rawat_jalan": 3485,
    "rujukan_non_spesialistik": 109, "stok_obat_fisik": 19850.5, "stok_obat_kartu": 20000,
    "kasus_tb_ditemukan": 18, "kasus_tb_diobati": 12, "kasus_tb_sembuh": 10,
    "kontak_tb_terdaftar": 50,
    # kontak_tb_diinvestigasi, skor_akreditasi, keterlambatan_laporan_w2: not collected yet
}


def compute_json(runner: Any, root: Path, out: Path, *values: Path) -> dict[str, Any]:
    args = ["compute", "-d", str(root), "-p", "2026-TW1", "-o", str(out), "-f", "json"]
    for path in values:
        args += ["-v", str(path)]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    return json.loads((out / "iki-2026-TW1.json").read_text(encoding="utf-8"))


def test_template_filled_in_gives_the_results_of_the_equivalent_csv(
        runner: Any, kantor_lain: Path, tmp_path: Path) -> None:
    path = make_template(runner, kantor_lain, tmp_path / "nilai-2026-TW1.xlsx")
    wb = openpyxl.load_workbook(path)  # as a bidang does: open, type, save
    ws = wb["nilai"]
    for row in ws.iter_rows(min_row=2):
        variable = row[1].value
        if variable in FILLED:
            row[5].value = FILLED[variable]
            row[6].value = "laporan bulanan"
    wb.save(path)
    lines = ["periode;variabel;nilai;keterangan"]
    lines += [f"2026-TW1;{var};{str(value).replace('.', ',')};laporan bulanan"
              for var, value in FILLED.items()]
    csv = tmp_path / "nilai-2026-TW1.csv"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")

    from_xlsx = compute_json(runner, kantor_lain, tmp_path / "a", path)
    from_csv = compute_json(runner, kantor_lain, tmp_path / "b", csv)
    assert from_xlsx == from_csv
    statuses = {r["status"] for r in from_xlsx["hasil"]}
    assert statuses >= {"lengkap", "tanpa_data"}


# --- CLI: errors, mixed files, --per-sumber --------------------------------------------------

def test_cli_reports_bad_cells_as_file_sheet_cell(runner: Any, make_root: Any, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    workbook(tmp_path / "nilai.xlsx", [["2026", "a", "#DIV/0!"], ["2026", "b", 4]])
    r = runner.invoke(app, ["compute", "-d", str(make_root()), "-p", "2026",
                            "-v", "nilai.xlsx", "-o", "out"])
    assert r.exit_code == 1, r.output
    assert "nilai.xlsx:nilai!C2: error [values] `nilai` is the Excel error value `#DIV/0!`" \
        in r.output
    assert "Traceback" not in r.output
    assert not (tmp_path / "out").exists()


def test_cli_damaged_workbook_exits_1_without_traceback(runner: Any, make_root: Any,
                                                        tmp_path: Path) -> None:
    bad = tmp_path / "nilai.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    r = runner.invoke(app, ["compute", "-d", str(make_root()), "-p", "2026", "-v", str(bad),
                            "-o", str(tmp_path / "out")])
    assert r.exit_code == 1, r.output
    assert "the file cannot be read as a workbook: it is damaged" in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)


def test_cli_sheet_option_reads_the_named_sheet(runner: Any, make_root: Any,
                                               tmp_path: Path) -> None:
    path = workbook(tmp_path / "nilai.xlsx", [["2026", "a", 3], ["2026", "b", 4]], title="TW",
                    before={"sampul": [["Rekap"]]})
    out = tmp_path / "out"
    r = runner.invoke(app, ["compute", "-d", str(make_root()), "-p", "2026", "-v", str(path),
                            "--sheet", "TW", "-o", str(out), "-f", "json"])
    assert r.exit_code == 0, r.output
    [result] = json.loads((out / "iki-2026.json").read_text(encoding="utf-8"))["hasil"]
    assert (result["realisasi"], result["status"]) == (75.0, "lengkap")


def test_mixed_csv_and_xlsx_conflicting_duplicate_names_both_places(
        runner: Any, make_root: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lama.csv").write_text("periode;variabel;nilai\n2026;b;4\n2026;a;3\n",
                                       encoding="utf-8")
    workbook(tmp_path / "baru.xlsx", [["2026", "a", 5]])
    r = runner.invoke(app, ["compute", "-d", str(make_root()), "-p", "2026", "-v", "lama.csv",
                            "-v", "baru.xlsx", "-o", "out"])
    assert r.exit_code == 1, r.output
    assert ("baru.xlsx:nilai!C2: error [values] `a` for 2026 is 5 here but 3 on lama.csv:3; "
            "keep one") in r.output
    assert not (tmp_path / "out").exists()
    # and the other way round, the workbook's cell is the first place
    r = runner.invoke(app, ["compute", "-d", str(make_root()), "-p", "2026", "-v", "baru.xlsx",
                            "-v", "lama.csv", "-o", "out"])
    assert r.exit_code == 1, r.output
    assert "lama.csv:3: error [values] `a` for 2026 is 3 here but 5 on baru.xlsx:nilai!C2" \
        in r.output


def test_mixed_csv_and_xlsx_same_value_is_a_warning(tmp_path: Path) -> None:
    csv = tmp_path / "lama.csv"
    csv.write_text("periode;variabel;nilai\n2026;a;3,5\n", encoding="utf-8")
    xlsx = workbook(tmp_path / "baru.xlsx", [["2026", "a", 3.5]])
    [warning] = warnings_of(csv, xlsx)
    assert warning.startswith(f"{xlsx}:nilai!B2: warning `a` for 2026 is also given on {csv}:2")


def test_per_sumber_writes_one_workbook_per_source(runner: Any, make_root: Any,
                                                   tmp_path: Path) -> None:
    root = make_root(variabel=VARIABEL_WITH_SOURCES, jabatan={"kepala": HEAD_ABC})
    out = tmp_path / "kirim"
    r = runner.invoke(app, ["template", "-d", str(root), "-p", "2026-TW1", "-o", str(out),
                            "--per-sumber"])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["bidang-rehabilitasi-sosial.xlsx",
                                                     "lainnya.xlsx"]
    rows = {name: [c.value for c in openpyxl.load_workbook(out / name)["nilai"]["B"]][1:]
            for name in ("bidang-rehabilitasi-sosial.xlsx", "lainnya.xlsx")}
    # sources spelled differently only in case and spacing share a workbook
    assert rows == {"bidang-rehabilitasi-sosial.xlsx": ["a", "c"], "lainnya.xlsx": ["b"]}
    guide = openpyxl.load_workbook(out / "bidang-rehabilitasi-sosial.xlsx")["petunjuk"]
    assert any("Bidang Rehabilitasi Sosial" in str(c.value) for row in guide.iter_rows()
               for c in row)
    # the returned workbooks together are the whole period
    assert read(out / "lainnya.xlsx") == {}


@pytest.mark.parametrize("output", [None, "t.xlsx"])
def test_per_sumber_needs_a_folder(runner: Any, make_root: Any, tmp_path: Path,
                                   output: str | None) -> None:
    args = ["template", "-d", str(make_root()), "-p", "2026", "--per-sumber"]
    if output:
        args += ["-o", str(tmp_path / output)]
    r = runner.invoke(app, args)
    assert r.exit_code == 2, r.output
    assert "folder" in r.output


def test_template_workbook_formats_other_than_xlsx_are_refused(runner: Any, make_root: Any,
                                                                tmp_path: Path) -> None:
    r = runner.invoke(app, ["template", "-d", str(make_root()), "-p", "2026",
                            "-o", str(tmp_path / "t.xls")])
    assert r.exit_code == 2, r.output
    assert "written as .xlsx" in r.output
    assert not (tmp_path / "t.xls").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Bidang Linjamrehsos", "bidang-linjamrehsos"),
     ("Laporan bulanan gizi (e-PPGBM)", "laporan-bulanan-gizi-e-ppgbm"),
     ("Seksi Pemberdayaan Perempuan & Anak", "seksi-pemberdayaan-perempuan-anak"),
     ("Kartu suhu °C — Ruang Farmasi", "kartu-suhu-c-ruang-farmasi"),
     ("CON", "con-data"), ("—", "lainnya")],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_a_bug_in_iki_while_scanning_a_sheet_is_not_called_damage(
        xlsx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only what the zip and XML layers raise for a bad file means "damaged"."""
    from iki_cli.values import xlsxscan as reader

    workbook(xlsx, [["2026", "a", "=1+1"]])

    def buggy(*args: Any) -> dict[tuple[int, int], str]:
        raise AttributeError("'NoneType' object has no attribute 'text'")

    monkeypatch.setattr(reader, "_parse_cells", buggy)
    with pytest.raises(AttributeError, match="NoneType"):
        read_values([xlsx], VARIABLES)


def test_a_row_number_that_is_not_a_number_is_damage(xlsx: Path) -> None:
    workbook(xlsx, [["2026", "a", "=1+1"]])
    with zipfile.ZipFile(xlsx) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    parts[sheet] = parts[sheet].replace(b'<row r="2"', b'<row r="dua"', 1)
    with zipfile.ZipFile(xlsx, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    found = problems(xlsx)
    assert any("the file is damaged" in p or "damaged" in p for p in found), found
