"""`iki template --analisis` (SPEC §7): one row per indicator, the numbers beside it when values
are given, in CSV or a workbook — and what it writes reads back with `--analisis`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from helpers import invoke, load, riwayat_office
from typer.testing import CliRunner

from iki_cli.periods import parse_period
from iki_cli.values.analysis import Analisis, read_analysis

COLUMNS = ["periode", "indikator", "nama", "satuan", "realisasi", "capaian",
           "faktor_pendukung", "faktor_penghambat", "tindak_lanjut"]


def table(text: str, delimiter: str = ";") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))


def test_the_table_without_values(runner: CliRunner, tmp_path: Path) -> None:
    root, _ = riwayat_office(tmp_path)
    r = invoke(runner, "template", "-d", root, "-p", "2026", "--analisis")
    assert r.exit_code == 0, r.output
    assert table(r.stdout) == [
        COLUMNS,
        ["2026", "kepala/kesembuhan", "Persentase kasus yang sembuh", "%", "", "", "", "", ""],
        ["2026", "kepala/angka-kematian", "Angka kematian per 1.000 penduduk",
         "per 1.000 penduduk", "", "", "", "", ""],
        ["2026", "kepala/indeks-kepuasan", "Indeks kepuasan", "indeks", "", "", "", "", ""]]


def test_the_numbers_beside_each_indicator(runner: CliRunner, tmp_path: Path) -> None:
    root, values = riwayat_office(tmp_path)
    r = invoke(runner, "template", "-d", root, "-p", "2026-TW2", "--analisis", "-v", values)
    assert r.exit_code == 0, r.output
    got = {row[1]: row[4:6] for row in table(r.stdout)[1:]}
    # kesembuhan: 54 / 90 × 100 = 60, its own target 60; angka-kematian: 10 / 10.000 × 1.000
    # = 1, rated to date (2 − 1,8 / 4) × 100 = 155; indeks-kepuasan: 80, to date 79 / 80 × 100
    assert got == {"kepala/kesembuhan": ["60,00", "100,00"],
                   "kepala/angka-kematian": ["1,00", "155,00"],
                   "kepala/indeks-kepuasan": ["80,00", "98,75"]}
    english = invoke(runner, "template", "-d", root, "-p", "2026-TW2", "--analisis", "-v",
                     values, "--angka", "en")
    assert table(english.stdout, ",")[2][4:6] == ["1.00", "155.00"]


def test_the_workbook_filled_in_reads_back(runner: CliRunner, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    root, values = riwayat_office(tmp_path)
    path = tmp_path / "analisis.xlsx"
    r = invoke(runner, "template", "-d", root, "-p", "2026", "--analisis", "-v", values,
               "-o", path)
    assert r.exit_code == 0, r.output
    wb = load_workbook(path)
    ws = wb["analisis"]
    assert [c.value for c in ws[1]] == COLUMNS
    assert [c.value for c in ws[2]][:6] == ["2026", "kepala/kesembuhan",
                                            "Persentase kasus yang sembuh", "%", 75, 93.75]
    assert ws["E2"].number_format == "#,##0.00" and ws.freeze_panes == "A2"
    assert ws.protection.sheet and ws["G2"].protection.locked is False
    ws["H2"] = "Kasus berat di triwulan II"
    ws["I2"] = "Pengadaan obat dipercepat"
    wb.save(path)
    found, problems = read_analysis(path, load(root), parse_period("2026"))
    assert problems == []
    assert found == {("kepala", "kesembuhan"): Analisis(
        None, "Kasus berat di triwulan II", "Pengadaan obat dipercepat")}
    again = tmp_path / "lagi.xlsx"
    invoke(runner, "template", "-d", root, "-p", "2026", "--analisis", "-v", values, "-o", again)
    other = tmp_path / "lain.xlsx"
    invoke(runner, "template", "-d", root, "-p", "2026", "--analisis", "-v", values, "-o", other)
    assert again.read_bytes() == other.read_bytes()  # the same bytes every time


def test_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    root, values = riwayat_office(tmp_path)
    assert invoke(runner, "template", "-d", root, "-p", "2026", "-v", values).exit_code == 2
    assert invoke(runner, "template", "-d", root, "-p", "2026", "--analisis", "--per-sumber",
                  "-o", tmp_path / "kirim").exit_code == 2
    assert invoke(runner, "template", "-d", root, "-p", "2026", "--analisis", "-o",
                  tmp_path / "a.ods").exit_code == 2
