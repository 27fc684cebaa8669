"""The report as a workbook (`-f xlsx`, SPEC §7): read back cell by cell with openpyxl, the
same bytes twice, and converted to PDF by LibreOffice.

The office of `helpers.riwayat_office`; every expected number is the arithmetic over its
values (see tests/evaluation/test_history.py).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from helpers import invoke, load, read, riwayat_office
from typer.testing import CliRunner

from iki_cli.evaluation.compute import compute
from iki_cli.export.workbook import report_workbook
from iki_cli.periods import parse_period
from iki_cli.values.analysis import Analisis


def workbook(tmp_path: Path, period: str, lang: str = "en") -> tuple[bytes, Any]:
    from openpyxl import load_workbook

    root, values = riwayat_office(tmp_path)
    defs = load(root)
    analyses = {("kepala", "kesembuhan"): Analisis("Tenaga cukup", "Kasus berat\ndi TW2",
                                                   "=Pengadaan dipercepat")}
    report = compute(defs, read(defs, [values]), parse_period(period), analyses=analyses)
    data = report_workbook(report, defs, lang)
    return data, load_workbook(io.BytesIO(data))


def rows(ws: Any, first: int = 5) -> list[list[Any]]:
    return [[c.value for c in row] for row in ws.iter_rows(min_row=first)]


def test_the_year_sheet_in_the_lkjip_layout(tmp_path: Path) -> None:
    _, wb = workbook(tmp_path, "2026")
    assert wb.sheetnames == ["Pengukuran Kinerja", "Analisis", "Nilai"]
    ws = wb["Pengukuran Kinerja"]
    assert ws["A1"].value == "Kantor Uji — Year 2026"
    assert ws["A2"].value == "Kabupaten Uji · Performance measurement"
    assert [c.value for c in ws[4]] == [
        "No", "Position", "Objective", "Indicator", "Unit", "Target", "Value",
        "Achievement (%)", "Rating", "Value Year 2025", "Renstra end target 2029",
        "Achievement vs Renstra (%)", "Status"]
    kesembuhan, kematian, kepuasan = rows(ws)
    assert kesembuhan == [
        "1.1", "Kepala Kantor", "Meningkatnya layanan", "Persentase kasus yang sembuh", "%",
        80, pytest.approx(150 / 200 * 100), pytest.approx(75 / 80 * 100), "Sangat Tinggi",
        pytest.approx(70 / 100 * 100), 90, pytest.approx(75 / 90 * 100), "Complete"]
    # the position's and the objective's cells are merged over their three indicators
    assert kematian[:3] == ["1.2", None, None]
    assert {str(r) for r in ws.merged_cells.ranges} == {"B5:B7", "C5:C7"}
    assert kematian[5:12] == [4, pytest.approx(36 / 12000 * 1000), pytest.approx(
        (2 - 3 / 4) * 100), "Sangat Tinggi", pytest.approx(50 / 10000 * 1000), 3,
        pytest.approx((2 - 3 / 3) * 100)]
    assert kepuasan[9] is None  # no value in 2025: an empty cell, not a zero
    assert kepuasan[11] == pytest.approx(81 / 85 * 100)
    # numbers are numbers, formatted with the indicator's decimals (capaian with 2)
    assert ws["G5"].data_type == "n" and ws["G5"].number_format == "#,##0.00"
    assert ws["H5"].number_format == "#,##0.00"
    assert ws.freeze_panes == "A5"
    assert ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.oddHeader.center.text == "Kantor Uji — Year 2026"


def test_a_quarter_sheet_has_the_figures_to_date(tmp_path: Path) -> None:
    _, wb = workbook(tmp_path, "2026-TW2", lang="id")
    ws = wb["Pengukuran Kinerja"]
    header = [c.value for c in ws[4]]
    assert header[9:16] == [
        "Realisasi s.d. Triwulan II Tahun 2026", "Capaian (%) s.d. Triwulan II Tahun 2026",
        "Predikat s.d. Triwulan II Tahun 2026", "Realisasi Triwulan II Tahun 2025",
        "Target akhir Renstra 2029", "Capaian thd Renstra (%)", "Status"]
    kesembuhan, kematian, _ = rows(ws)
    assert kesembuhan[5:16] == [
        60, pytest.approx(54 / 90 * 100), pytest.approx(60 / 60 * 100), "Sangat Tinggi",
        pytest.approx((10 + 54) / (10 + 90) * 100), pytest.approx(64 / 80 * 100), "Tinggi",
        pytest.approx(21 / 30 * 100), 90, pytest.approx(60 / 90 * 100), "Lengkap"]
    # no target of its own: no capaian for the quarter, the one to date beside it
    assert kematian[5:12] == [None, pytest.approx(10 / 10000 * 1000), None, None,
                              pytest.approx(18 / 10000 * 1000),
                              pytest.approx((2 - 1.8 / 4) * 100), "Sangat Tinggi"]


def test_the_analysis_and_the_inputs(tmp_path: Path) -> None:
    _, wb = workbook(tmp_path, "2026")
    ws = wb["Analisis"]
    assert [c.value for c in ws[4]] == ["No", "Position", "Indicator", "Achievement (%)",
                                        "Supporting factors", "Hindering factors", "Follow-up"]
    first = rows(ws)[0]
    assert first == ["1.1", "Kepala Kantor", "Persentase kasus yang sembuh",
                     pytest.approx(93.75), "Tenaga cukup", "Kasus berat\ndi TW2",
                     "=Pengadaan dipercepat"]
    assert ws["G5"].data_type == "s"  # text starting with `=` stays text, never a formula
    assert rows(ws)[1][4:] == [None, None, None]
    inputs = rows(wb["Nilai"])
    assert inputs[0] == ["1.1", "Persentase kasus yang sembuh", "sembuh", "Jumlah sembuh",
                         "orang", "sum", 10 + 54 + 40 + 46,
                         "2026-TW1 … 2026-TW4 (4)", None]
    assert inputs[3] == ["1.2", "Angka kematian per 1.000 penduduk", "penduduk",
                         "Jumlah penduduk", "orang", "latest value", 12000,
                         "2026-TW1 … 2026-TW4 (4)", None]
    assert [r[2] for r in inputs] == ["sembuh", "kasus", "meninggal", "penduduk", "skor"]


def test_the_same_bytes_for_the_same_input(tmp_path: Path) -> None:
    first, _ = workbook(tmp_path / "a", "2026")
    second, _ = workbook(tmp_path / "b", "2026")
    assert first == second


def test_compute_writes_the_workbook(runner: CliRunner, tmp_path: Path) -> None:
    root, values = riwayat_office(tmp_path)
    r = invoke(runner, "compute", "-d", root, "-p", "2026", "-v", values, "-o",
               tmp_path / "out", "-f", "xlsx")
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["iki-2026.xlsx"]


# --- LibreOffice ---------------------------------------------------------------------------------

def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    reason = "LibreOffice (soffice) not found: install the Debian package `libreoffice-calc`"
    if os.environ.get("CI"):
        pytest.fail(reason + "; CI must convert the workbook")
    pytest.skip(reason)


def test_libreoffice_prints_every_sheet_to_pdf(tmp_path: Path) -> None:
    soffice = _soffice()
    data, _ = workbook(tmp_path, "2026-TW2")
    source = tmp_path / "iki-2026-TW2.xlsx"
    source.write_bytes(data)
    profile = tmp_path / "profile"  # its own profile: never the user's, never a running one
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / "iki-2026-TW2.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 3  # one A4 landscape page per sheet: each fits one page wide
    boxes = {tuple(round(float(x)) for x in box.split())
             for box in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", pdf)}
    assert boxes == {(0, 0, 842, 595)}  # A4 landscape, in points
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "iki-2026-TW2.pdf"), "-"],
                              check=True, capture_output=True, text=True).stdout
        assert "Kantor Uji — Quarter 2 2026" in text
        assert "Persentase kasus yang sembuh" in text and "Kasus berat" in text
