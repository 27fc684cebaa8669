"""The analysis file (`--analisis`, SPEC §7): read by the values files' rules, every bad row
reported with a suggestion, rows of other periods left aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import invoke, load, riwayat_office, snapshot, write
from typer.testing import CliRunner

from iki_cli import i18n
from iki_cli.errors import ProblemsError, UsageError
from iki_cli.periods import parse_period
from iki_cli.values.analysis import Analisis, read_analysis

HEADER = "periode;indikator;faktor_pendukung;faktor_penghambat;tindak_lanjut\n"


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, Path]:
    return riwayat_office(tmp_path)


def analyses(office: tuple[Path, Path], text: str, period: str = "2026",
             encoding: str = "utf-8", name: str = "analisis.csv") -> dict:
    root, _ = office
    path = write(root.parent / name, text, encoding)
    found, problems = read_analysis(path, load(root), parse_period(period))
    assert [p for p in problems if p.level == "error"] == []
    return found


def problems_of(office: tuple[Path, Path], text: str, period: str = "2026") -> list[str]:
    root, _ = office
    path = write(root.parent / "analisis.csv", text)
    with pytest.raises(ProblemsError) as caught:
        read_analysis(path, load(root), parse_period(period))
    return [f"{p.location()}: {p.message}".replace(str(path), path.name)
            for p in caught.value.problems]


def test_the_rows_of_the_period_are_read_and_the_others_left_aside(office) -> None:
    found = analyses(office, HEADER
                     + "2026;kepala/kesembuhan;Tenaga cukup;\"Kasus berat; obat\nterlambat\";"
                       "Pengadaan dipercepat\n"
                     + "2026-TW2;kepala/kesembuhan;lain;lain;lain\n"
                     + "\n"
                     + "2026;kepala/angka-kematian;Deteksi dini;;\n")
    assert found == {
        ("kepala", "kesembuhan"): Analisis("Tenaga cukup", "Kasus berat; obat\nterlambat",
                                           "Pengadaan dipercepat"),
        ("kepala", "angka-kematian"): Analisis("Deteksi dini", None, None)}


def test_columns_in_any_case_and_order_the_guide_columns_ignored(office) -> None:
    found = analyses(office, "Indikator,NAMA,capaian,Periode,Tindak_Lanjut\n"
                             "kepala/kesembuhan,Persentase,\"93,75\",2026,Rapat evaluasi\n")
    assert found == {("kepala", "kesembuhan"): Analisis(None, None, "Rapat evaluasi")}


def test_a_row_without_any_text_is_no_analysis(office) -> None:
    assert analyses(office, HEADER + "2026;kepala/kesembuhan;;;\n") == {}


@pytest.mark.parametrize("encoding,prefix", [("utf-8-sig", ""), ("cp1252", ""),
                                             ("utf-8", "sep=;\n")])
def test_encodings_and_the_sep_line(office, encoding: str, prefix: str) -> None:
    found = analyses(office, prefix + HEADER + "2026;kepala/kesembuhan;Kader aktif – "
                     "Posyandu;;\n", encoding=encoding)
    assert found[("kepala", "kesembuhan")].faktor_pendukung == "Kader aktif – Posyandu"


def test_a_tab_separated_file(office) -> None:
    found = analyses(office, HEADER.replace(";", "\t")
                     + "2026\tkepala/kesembuhan\ta, b; c\t\t\n")
    assert found[("kepala", "kesembuhan")].faktor_pendukung == "a, b; c"


def test_every_bad_row_is_reported_with_a_suggestion(office) -> None:
    found = problems_of(office, HEADER
                        + "2026;kepala/indeks-kepuasn;x;;\n"      # line 2: a typo
                        + "2026-T2;kepala/kesembuhan;y;;\n"       # line 3: a malformed period
                        + "2025;kesembuhan;z;;\n"                 # line 4: no position, other year
                        + ";kepala/kesembuhan;z;;\n"              # line 5: no period
                        + "2026;;z;;\n")                          # line 6: no indicator
    assert found == [
        ("analisis.csv:2: unknown indicator `kepala/indeks-kepuasn`; did you mean "
        "`kepala/indeks-kepuasan`?; write POSITION-ID/INDICATOR-ID as in `iki list`"),
        ("analisis.csv:3: `2026-T2` is not a period; use 2026, 2026-S1, 2026-TW1 … 2026-TW4 or "
        "2026-01 … 2026-12; did you mean `2026-TW2`?"),
        "analisis.csv:4: `indikator` `kesembuhan` lacks its position; write `kepala/kesembuhan`",
        "analisis.csv:5: `periode` is empty",
        "analisis.csv:6: `indikator` is empty; write POSITION-ID/INDICATOR-ID"]


def test_an_unknown_column_and_a_missing_one(office) -> None:
    assert problems_of(office, "periode;indikator;faktor_penghambt\n") == [
        ("analisis.csv:1: unknown column `faktor_penghambt`; did you mean "
        "`faktor_penghambat`?; the columns are periode, indikator, faktor_pendukung, "
        "faktor_penghambat, tindak_lanjut"),
        ("analisis.csv:1: missing column(s) –: the header must name `periode`, `indikator` and "
        "at least one of `faktor_pendukung`, `faktor_penghambat`, `tindak_lanjut`")]
    assert problems_of(office, "indikator;tindak_lanjut\n") == [
        ("analisis.csv:1: missing column(s) `periode`: the header must name `periode`, "
        "`indikator` and at least one of `faktor_pendukung`, `faktor_penghambat`, "
        "`tindak_lanjut`")]


def test_the_same_indicator_twice(office) -> None:
    twice = HEADER + "2026;kepala/kesembuhan;a;;\n2026;kepala/kesembuhan;b;;\n"
    assert problems_of(office, twice) == [
        ("analisis.csv:3: the analysis of `kepala/kesembuhan` for 2026 is also on "
        "analisis.csv:2, with other text; keep one")]
    root, _ = office
    path = write(root.parent / "sama.csv", HEADER + "2026;kepala/kesembuhan;a;;\n" * 2)
    found, problems = read_analysis(path, load(root), parse_period("2026"))
    assert found == {("kepala", "kesembuhan"): Analisis("a", None, None)}
    assert [(p.line, p.level) for p in problems] == [(3, "warning")]


def test_an_unclosed_quote_and_an_empty_file(office) -> None:
    assert problems_of(office, HEADER + '2026;kepala/kesembuhan;"a;;\n') == [
        ("analisis.csv:2: a quoted field starting on this line is never closed (a `\"` is "
         "missing), so the rest of the file could not be read")]
    assert problems_of(office, "") == [
        ("analisis.csv:1: file is empty; it needs a header row "
        "`periode;indikator;faktor_pendukung;faktor_penghambat;tindak_lanjut`")]


def test_a_missing_file_is_a_usage_error(office) -> None:
    root, _ = office
    with pytest.raises(UsageError):
        read_analysis(root.parent / "tidak-ada.csv", load(root), parse_period("2026"))


def test_the_messages_in_indonesian(office) -> None:
    with i18n.using("id"):
        found = problems_of(office, HEADER + "2026;kepala/indeks-kepuasn;x;;\n")
    assert found == [("analisis.csv:2: indikator `kepala/indeks-kepuasn` tidak dikenal; "
                     "mungkin maksudnya `kepala/indeks-kepuasan`?; tulis ID-JABATAN/ID-INDIKATOR "
                     "seperti pada `iki list`")]


# --- workbooks -----------------------------------------------------------------------------------

def _workbook(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "analisis"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_a_workbook_its_cells_read_as_text(office) -> None:
    import datetime as dt

    root, _ = office
    path = _workbook(root.parent / "analisis.xlsx", [
        ["periode", "indikator", "faktor_pendukung", "faktor_penghambat"],
        [2026, "kepala/kesembuhan", "Kader aktif", 12.5],
        ["2026-TW2", "kepala/kesembuhan", "lain", None],
        [dt.datetime(2026, 4, 1), "kepala/angka-kematian", "x", None],
        ["2026", "kepala/kesembuhn", "y", None]])
    with pytest.raises(ProblemsError) as caught:
        read_analysis(path, load(root), parse_period("2026"))
    found = [(p.path, p.message.split(":")[0]) for p in caught.value.problems]
    assert found == [(f"{path}:analisis!A4", "`periode` is a date (2026-04-01)"),
                     (f"{path}:analisis!B5", ("unknown indicator `kepala/kesembuhn`; did you "
                                              "mean `kepala/kesembuhan`?; write "
                                              "POSITION-ID/INDICATOR-ID as in `iki list`"))]
    path = _workbook(root.parent / "baik.xlsx", [
        ["periode", "indikator", "faktor_pendukung", "faktor_penghambat"],
        [2026, "kepala/kesembuhan", "Kader aktif", 12.5]])
    found_ok, _ = read_analysis(path, load(root), parse_period("2026"))
    assert found_ok == {("kepala", "kesembuhan"): Analisis("Kader aktif", "12.5", None)}


def test_a_file_that_is_no_workbook(office) -> None:
    root, _ = office
    path = write(root.parent / "rusak.xlsx", "periode;indikator\n")
    with pytest.raises(ProblemsError) as caught:
        read_analysis(path, load(root), parse_period("2026"))
    assert caught.value.problems[0].message == (
        "this file is text (a CSV file?), not a workbook, though its name ends in `.xlsx`: "
        "rename it to `rusak.csv` and run again")


# --- iki compute --analisis -------------------------------------------------------------------

def test_a_bad_analysis_row_writes_nothing(office, runner: CliRunner, tmp_path: Path) -> None:
    root, values = office
    bad = write(tmp_path / "bad.csv", HEADER + "2026;kepala/kesembuhn;x;;\n")
    out = tmp_path / "laporan"
    r = invoke(runner, "compute", "-d", root, "-p", "2026", "-v", values, "--analisis", bad,
               "-o", out)
    assert r.exit_code == 1, r.output
    assert "bad.csv:2: error [analisis] unknown indicator `kepala/kesembuhn`" in r.output
    assert snapshot(out) == {}
    missing = invoke(runner, "compute", "-d", root, "-p", "2026", "-v", values, "--analisis",
                     tmp_path / "tidak-ada.csv", "-o", out)
    assert missing.exit_code == 2, missing.output


def test_strict_fails_a_shortfall_without_a_hindering_factor(office, runner: CliRunner,
                                                             tmp_path: Path) -> None:
    root, values = office
    # kesembuhan 2026: 75 / 80 × 100 = 93,75 < 100
    weak = write(tmp_path / "weak.csv", HEADER + "2026;kepala/kesembuhan;Tenaga cukup;;\n")
    args = ["compute", "-d", root, "-p", "2026", "-v", values, "-o", tmp_path / "o", "-f",
            "json", "--strict", "--analisis"]
    r = invoke(runner, *args, weak)
    assert r.exit_code == 1, r.output
    assert ("1 indicator(s) below target without `faktor_penghambat` in the analysis: "
            "kepala/kesembuhan") in r.output
    assert (tmp_path / "o" / "iki-2026.json").exists()  # written, the exit code says why
    good = write(tmp_path / "good.csv", HEADER + "2026;kepala/kesembuhan;;Kasus berat;\n")
    assert invoke(runner, *args, good).exit_code == 0
    # without --analisis, --strict asks for no causes
    plain = invoke(runner, *args[:-1])
    assert plain.exit_code == 0, plain.output
