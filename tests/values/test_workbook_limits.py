"""Workbooks built to be huge are refused before anything of their size is built.

A 2 KB .xlsx whose one cell sits at row 99,999,999 would make the reader build a
grid of a hundred million rows (and abort the process); a small zip can unpack
to gigabytes. Each is one clear message at the file, exit 1.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from iki_cli.definitions.model import Variabel
from iki_cli.errors import ProblemsError
from iki_cli.values import limits
from iki_cli.values.reading import read_values

VARIABLES = {"a": Variabel(id="a", uraian="A", agregasi="jumlah")}

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="nilai" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>')
HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>periode</t></is></c><c r="B1" '
          't="inlineStr"><is><t>variabel</t></is></c><c r="C1" t="inlineStr"><is><t>nilai</t>'
          '</is></c></row>')
GOOD_ROW = ('<row r="2"><c r="A2" t="inlineStr"><is><t>2026</t></is></c><c r="B2" '
            't="inlineStr"><is><t>a</t></is></c><c r="C2"><v>5</v></c></row>')


def xlsx(path: Path, rows: str) -> Path:
    """A workbook as Excel lays it out, with the sheet's rows as given (raw XML)."""
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + HEADER + rows
             + '</sheetData></worksheet>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def problem(path: Path) -> str:
    with pytest.raises(ProblemsError) as info:
        read_values([path], VARIABLES)
    [found] = info.value.problems
    return f"{found.location()}: {found.message}"


def test_a_good_raw_workbook_reads(tmp_path: Path) -> None:
    values = read_values([xlsx(tmp_path / "ok.xlsx", GOOD_ROW)], VARIABLES)
    assert [e.value for e in values.entries["a"].values()] == [5.0]


def test_one_cell_at_row_99_999_999_is_refused(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "jauh.xlsx", GOOD_ROW + '<row r="99999999"><c r="A99999999" '
                't="inlineStr"><is><t>x</t></is></c></row>')
    assert path.stat().st_size < 2000
    assert problem(path) == (
        f"{path}: the sheet reaches row 99,999,999; a values sheet has at most 1,048,576 rows "
        "(Excel's limit): delete the rows below the values (or the stray cell far down) and "
        "save it")


def test_one_cell_in_the_far_corner_is_refused(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "sudut.xlsx", GOOD_ROW + '<row r="1048576"><c r="XFD1048576" '
                't="inlineStr"><is><t>x</t></is></c></row>')
    assert "the sheet's used range is 1,048,576 rows by 16,384 columns" in problem(path)


def test_rows_without_numbers_are_counted(tmp_path: Path) -> None:
    # Rows and cells may leave out their `r=`: the reader counts them, and so does the guard.
    path = xlsx(tmp_path / "lebar.xlsx", GOOD_ROW + "<row>" + "<c><v>1</v></c>" * 10_000
                + "</row>" + '<row r="5000"><c r="A5000"><v>1</v></c></row>')
    assert "the sheet's used range is 5,000 rows by 10,000 columns" in problem(path)


def test_a_cell_longer_than_any_spreadsheet_cell_is_refused(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "panjang.xlsx", '<row r="2"><c r="A2" t="inlineStr"><is><t>'
                + "A" * 50_000_000 + "</t></is></c></row>")
    assert path.stat().st_size < 200_000
    assert problem(path).endswith(
        "a cell holds more than 32,767 characters, more than a spreadsheet cell can: the file "
        "is damaged or not an ordinary values workbook")


def test_a_sheet_that_unpacks_past_the_limit_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the same check that stops a zip bomb of gigabytes, at a size a test can afford
    monkeypatch.setattr(limits, "MAX_PART_BYTES", 1 << 20)
    from iki_cli.values import xlsxscan

    monkeypatch.setattr(xlsxscan, "MAX_PART_BYTES", 1 << 20)
    rows = "".join(f'<row r="{r}"><c r="C{r}"><v>1</v></c></row>' for r in range(2, 60_000))
    path = xlsx(tmp_path / "bom.xlsx", rows)
    found = problem(path)
    assert "the workbook unpacks to over " in found and "more than the 1 MiB" in found


def test_a_part_whose_size_lies_is_refused_as_it_unpacks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from iki_cli.values import xlsxscan

    monkeypatch.setattr(xlsxscan, "MAX_PART_BYTES", 1 << 20)
    rows = "".join(f'<row r="{r}"><c r="C{r}"><v>1</v></c></row>' for r in range(2, 60_000))
    path = xlsx(tmp_path / "bohong.xlsx", rows)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    real = info.file_size.to_bytes(4, "little")
    small = (1000).to_bytes(4, "little")
    data[:] = data.replace(real, small)  # the local header and the central directory
    path.write_bytes(bytes(data))
    found = problem(path)
    assert "it is damaged" in found or "unpacks to over" in found


def test_a_workbook_of_chart_sheets_only_says_so(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.create_chartsheet("grafik")
    wb.remove(wb.active)
    path = tmp_path / "grafik.xlsx"
    wb.save(path)
    assert problem(path) == (
        f"{path}: the workbook has only chart sheets, no worksheet with cells: put the values "
        "on a worksheet (row 1: periode, variabel, nilai) and save it")


ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:'
    'names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:'
    'xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'office:version="1.3"><office:body><office:spreadsheet><table:table table:name="nilai">'
    '<table:table-row><table:table-cell office:value-type="string"><text:p>periode</text:p>'
    '</table:table-cell><table:table-cell office:value-type="string"><text:p>variabel</text:p>'
    '</table:table-cell><table:table-cell office:value-type="string"><text:p>nilai</text:p>'
    '</table:table-cell></table:table-row>{rows}</table:table></office:spreadsheet>'
    '</office:body></office:document-content>')
ODS_ROW = ('<table:table-row{repeat}><table:table-cell office:value-type="string"><text:p>2026'
           '</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>a'
           '</text:p></table:table-cell><table:table-cell office:value-type="float" '
           'office:value="5"{cols}><text:p>5</text:p></table:table-cell></table:table-row>')
EMPTY_TAIL = ('<table:table-row table:number-rows-repeated="1048574"><table:table-cell '
              'table:number-columns-repeated="1024"/></table:table-row>')


def ods(path: Path, rows: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis'
            ':names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-'
            'entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
            'opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
            'manifest:media-type="text/xml"/></manifest:manifest>'))
        archive.writestr("content.xml", ODS_CONTENT.replace("{rows}", rows))
    return path


def test_an_ods_with_the_empty_tail_libreoffice_writes_reads(tmp_path: Path) -> None:
    path = ods(tmp_path / "ok.ods", ODS_ROW.format(repeat="", cols="") + EMPTY_TAIL)
    values = read_values([path], VARIABLES)
    assert [e.value for e in values.entries["a"].values()] == [5.0]


def test_an_ods_row_repeated_a_hundred_million_times_is_refused(tmp_path: Path) -> None:
    path = ods(tmp_path / "ulang.ods", ODS_ROW.format(
        repeat=' table:number-rows-repeated="100000000"', cols=""))
    assert "the sheet reaches row 100,000,001" in problem(path)


def test_an_ods_cell_repeated_across_a_huge_row_is_refused(tmp_path: Path) -> None:
    path = ods(tmp_path / "lebar.ods", ODS_ROW.format(
        repeat=' table:number-rows-repeated="5000"',
        cols=' table:number-columns-repeated="16000"'))
    assert "used range is 5,001 rows by 16,002 columns" in problem(path)
