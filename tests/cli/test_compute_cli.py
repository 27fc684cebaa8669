"""`iki compute` and `iki template` through the CLI (SPEC §4–§5)."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    EXAMPLE,
    KANTOR_LAIN,
    KANTOR_LAIN_NILAI,
    SHIPPED,
    indicator,
    invoke,
    load,
    make_office,
    read,
    rows,
    snapshot,
    write,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from iki_cli.cli import app
from iki_cli.errors import ProblemsError
from iki_cli.evaluation.compute import compute
from iki_cli.evaluation.results import Report
from iki_cli.export.history import HISTORY_CSV_FIELDS
from iki_cli.export.results import CSV_FIELDS, report_dict, to_json
from iki_cli.periods import parse_period

# Reports in md/html come from `iki_cli/render.py`; these tests need only the data formats.
FORMATS = "json,csv"
# SPEC §5's keys; `ilustratif` (organisasi.yaml) and each result's number as in the reports,
# `nomor`, besides them.
TOP_KEYS = ["versi_skema", "periode", "organisasi", "ilustratif", "ringkasan", "hasil"]
RESULT_KEYS = ["nomor", "jabatan", "sasaran", "indikator", "nama", "satuan", "polaritas",
               "realisasi", "target", "capaian", "predikat", "kategori", "status", "pesan",
               "nilai",
               # SPEC §7, after the fields of §5
               "sebelumnya", "sd_periode", "triwulan", "renstra", "analisis"]
SPEC5_KEYS = RESULT_KEYS[:15]
RINGKASAN_KEYS = ["indikator", "lengkap", "parsial", "tanpa_data", "galat", "predikat"]


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner(env={"COLUMNS": "120", "NO_COLOR": "1"})




def compute_json(cli: CliRunner, out: Path, *args: Any) -> dict[str, Any]:
    r = invoke(cli, "compute", "-o", out, "-f", FORMATS, *args)
    assert r.exit_code == 0, r.output
    return json.loads(next(out.glob("iki-*.json")).read_text(encoding="utf-8"))


def hasil(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {h["indikator"]: h for h in doc["hasil"]}


@pytest.fixture
def office(tmp_path: Path) -> Path:
    return make_office(tmp_path, [
        indicator("rasio", "sembuh / kasus * 100", target={"2026": 80}),
        indicator("suhu", "suhu", polaritas="negatif", satuan="°C", target={"2026": 8})])


GOOD = rows("2026-TW1,kasus,100", "2026-TW1,sembuh,90", "2026-TW1,suhu,6")


# --- the second office ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def kantor_lain_2026(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("laporan")
    cli = CliRunner(env={"COLUMNS": "120", "NO_COLOR": "1"})
    return compute_json(cli, out, "-p", "2026", "-d", KANTOR_LAIN,
                        "-v", KANTOR_LAIN_NILAI, "--lang", "id")


def test_kantor_lain_year(kantor_lain_2026: dict[str, Any]) -> None:
    h = hasil(kantor_lain_2026)
    assert kantor_lain_2026["organisasi"] == {"nama": "Puskesmas Sukamaju", "pemda": "Kota Contoh"}

    # Σ kematian_bayi = 1 + 1 + 1 + 1 + 1 (Feb, May, Aug, Nov, Dec) = 5
    # Σ kelahiran_hidup = 52+48+55+50+54+51+56+57+53+55+54+55 = 640
    akb = h["angka-kematian-bayi"]
    assert akb["nilai"] == {"kematian_bayi": 5, "kelahiran_hidup": 640}
    assert akb["realisasi"] == pytest.approx(5 / 640 * 1000) == 7.8125
    # kebalikan: 10 / 7.8125 × 100 = 128, capped at batas_atas 120
    assert akb["capaian"] == 120 and akb["predikat"] == "Sangat Baik"

    # terakhir: December's 6 / 480 × 100 = 1.25; kebalikan 1 / 1.25 × 100 = 80
    gizi = h["persentase-balita-gizi-buruk"]
    assert gizi["realisasi"] == pytest.approx(1.25)
    assert gizi["capaian"] == pytest.approx(80) and gizi["predikat"] == "Baik"

    # maksimum of January–September (October empty, Nov–Dec absent) = 8 (May);
    # max(8 − 8, 0) = 0 with target 0 on a negatif indicator → 100
    suhu = h["kelebihan-suhu-vaksin"]
    assert suhu["status"] == "parsial"
    assert suhu["pesan"] == [{"kode": "missing-parts", "teks": "Suhu tertinggi lemari es vaksin "
                                "yang tercatat: 2026-TW4 belum ada"}]
    assert suhu["nilai"] == {"suhu_vaksin_maks": 8} and suhu["realisasi"] == 0
    assert suhu["capaian"] == 100

    # terakhir TW4: 1,150 / 3,200 = 0.359375 → below 0.5: Tidak Sehat
    iks = h["indeks-keluarga-sehat"]
    assert iks["realisasi"] == pytest.approx(1150 / 3200) == 0.359375
    assert iks["kategori"] == "Tidak Sehat"

    # Σ sembuh / Σ diobati = (10 + 0 + 9 + 8) / (12 + 0 + 10 + 10) = 27 / 32 = 84.375 %;
    # the TW2 zero does not break the year; 84.375 / 90 × 100 = 93.75
    tb = h["keberhasilan-pengobatan-tb"]
    assert tb["realisasi"] == pytest.approx(27 / 32 * 100) == 84.375
    assert tb["capaian"] == pytest.approx(93.75) and tb["status"] == "lengkap"

    # no deaths: 0 / 640 × 100,000 = 0; kebalikan T / R has no value
    aki = h["angka-kematian-ibu"]
    assert aki["realisasi"] == 0 and aki["capaian"] is None and aki["predikat"] is None
    assert aki["pesan"] == [{"kode": "realisasi-zero", "teks": "realisasi 0: capaian "
                               "(target / realisasi) tidak dapat dihitung"}]

    # yearly target, not the semesters': 2 + 3 + 1 + 4 = 10 SOP
    assert h["sop-dimutakhirkan"]["realisasi"] == 10 and h["sop-dimutakhirkan"]["target"] == 10
    # the 2026 record wins; the yearly stock comes from 2026-Q4 (written with Q)
    assert h["nilai-akreditasi"]["realisasi"] == 88.5
    assert h["selisih-stok-obat"]["nilai"] == {"stok_obat_fisik": 19955.5,
                                                "stok_obat_kartu": 20000}
    assert kantor_lain_2026["ringkasan"]["parsial"] == 1
    assert kantor_lain_2026["ringkasan"]["galat"] == 0


def test_kantor_lain_tw2_tb_ratios_are_galat(cli: CliRunner, tmp_path: Path) -> None:
    doc = compute_json(cli, tmp_path, "-p", "2026-TW2", "-d", KANTOR_LAIN,
                       "-v", KANTOR_LAIN_NILAI, "--lang", "id")
    h = hasil(doc)
    for ind in ("keberhasilan-pengobatan-tb", "pengobatan-tb-tidak-berhasil"):
        assert h[ind]["status"] == "galat" and h[ind]["realisasi"] is None
        assert h[ind]["pesan"] == [{"kode": "division-by-zero", "teks": (
            "pembagian dengan nol: Jumlah pasien TB dalam kohort yang dievaluasi hasil "
            "pengobatannya bernilai 0")}]
    # the quarter's own target: 21 / 20 × 100
    assert h["kasus-tb-ditemukan"]["capaian"] == pytest.approx(105)
    assert doc["ringkasan"]["galat"] == 2


# --- the shipped office's illustrative example ---------------------------------------------



def test_example_values_compute_as_the_examples_readme_says(cli: CliRunner,
                                                            tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "periode;variabel;nilai;keterangan"
    assert all("Data ilustratif" in line for line in lines[1:])
    assert "1.103.902" in text and "81,25" in text

    doc = compute_json(cli, tmp_path, "-p", "2026", "-d", SHIPPED, "-v", EXAMPLE, "--lang", "id")
    assert doc["ilustratif"] is True
    assert doc["ringkasan"] == {
        "indikator": 35, "lengkap": 34, "parsial": 1, "tanpa_data": 0, "galat": 0,
        "predikat": {"Sangat Rendah": 1, "Rendah": 1, "Sedang": 3, "Tinggi": 16,
                     "Sangat Tinggi": 14}}
    h = {(r["jabatan"], r["indikator"]): r for r in doc["hasil"]}
    pmks = h[("kepala-dinas", "pmks-tertangani")]
    assert pmks["realisasi"] == pytest.approx((6500 + 6800 + 6900 + 6848) / 38640 * 100) == 70
    assert pmks["capaian"] == pytest.approx(87.5) and pmks["predikat"] == "Tinggi"
    # The Kasi's own numerator over the same PMKS count: 14,700 / 38,640.
    kasi = h[("kasi-perlindungan-jaminan-sosial", "pmks-ditangani")]
    assert kasi["realisasi"] == pytest.approx((3500 + 3700 + 3800 + 3700) / 38640 * 100)
    assert kasi["capaian"] == pytest.approx(14700 / 38640 * 100 / 45 * 100)
    assert kasi["predikat"] == "Tinggi"
    assert not [p for r in doc["hasil"] for p in r["pesan"] if p["kode"] == "aturan"]
    served = h[("kasi-kesejahteraan-masyarakat", "pelayanan-kesejahteraan-baik")]
    assert served["realisasi"] == pytest.approx((350 + 390 + 370 + 402)
                                                / (420 + 460 + 440 + 480) * 100) == 84
    assert served["capaian"] == pytest.approx(84 / 85 * 100)
    lansia = h[("kasi-lansia", "lansia-difasilitasi")]
    assert lansia["status"] == "parsial"
    assert lansia["pesan"] == [{"kode": "missing-parts", "teks": (
        "Jumlah lansia yang difasilitasi pemberdayaan dan perlindungan dalam periode "
        "(setiap orang dihitung satu kali dalam setahun, hanya yang belum tercatat pada "
        "periode sebelumnya): 2026-TW4 belum ada")}]
    assert lansia["capaian"] == pytest.approx((720 + 800 + 780) / 4800 * 100 / 75 * 100)
    assert lansia["predikat"] == "Rendah"
    ikm = h[("sekretaris", "nilai-ikm")]
    assert ikm["realisasi"] == pytest.approx((81.25 + 82.5 + 83 + 83.75) / 4)
    assert ikm["kategori"] == "Sangat Baik"
    assert h[("kasi-pengarusutamaan-hak-anak", "raperda-kla")]["predikat"] == "Sangat Rendah"


# --- outputs -------------------------------------------------------------------------------

def test_json_has_exactly_the_spec_keys(kantor_lain_2026: dict[str, Any]) -> None:
    assert list(kantor_lain_2026) == TOP_KEYS
    assert kantor_lain_2026["versi_skema"] == 1 and kantor_lain_2026["periode"] == "2026"
    assert list(kantor_lain_2026["organisasi"]) == ["nama", "pemda"]
    assert list(kantor_lain_2026["ringkasan"]) == RINGKASAN_KEYS
    assert len(kantor_lain_2026["hasil"]) == 17
    for h in kantor_lain_2026["hasil"]:
        assert list(h) == RESULT_KEYS


def test_json_writes_one_line_per_result(cli: CliRunner, tmp_path: Path) -> None:
    r = invoke(cli, "compute", "-o", tmp_path, "-f", "json", "-p", "2026", "-d",
               KANTOR_LAIN, "-v", KANTOR_LAIN_NILAI)
    assert r.exit_code == 0, r.output
    text = (tmp_path / "iki-2026.json").read_text(encoding="utf-8")
    doc = json.loads(text)
    lines = text.splitlines()
    start = lines.index('  "hasil": [')
    assert lines[start + 1 + len(doc["hasil"]):] == ["  ]", "}"]
    for line, result in zip(lines[start + 1:], doc["hasil"], strict=False):
        assert line.startswith('    {"nomor": ') and json.loads(line.rstrip(",")) == result
    # The head is indented as usual.
    assert lines[:3] == ["{", '  "versi_skema": 1,', '  "periode": "2026",']


def test_json_without_results_is_valid(tmp_path: Path) -> None:
    report = Report("2026", {"nama": "Kantor", "pemda": "Kota"}, [], ["Baik"])
    assert json.loads(to_json(report, load(KANTOR_LAIN)))["hasil"] == []


def test_csv_has_the_same_fields_as_json(cli: CliRunner, tmp_path: Path) -> None:
    doc = compute_json(cli, tmp_path, "-p", "2026", "-d", KANTOR_LAIN,
                       "-v", KANTOR_LAIN_NILAI)
    # The JSON's top-level `ilustratif` is the CSV's last column, the same on every row.
    assert list(CSV_FIELDS) == [*SPEC5_KEYS, *HISTORY_CSV_FIELDS, "ilustratif"]
    with (tmp_path / "iki-2026.csv").open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert list(table[0]) == list(CSV_FIELDS)
    assert {row["ilustratif"] for row in table} == {"false"}
    assert len(table) == len(doc["hasil"])
    for row, h in zip(table, doc["hasil"], strict=False):
        for key in ("nomor", "jabatan", "indikator", "status", "polaritas", "predikat",
                    "kategori"):
            assert row[key] == (h[key] or "")
        for key in ("realisasi", "target", "capaian"):
            assert (float(row[key]) if row[key] else None) == h[key]
        assert row["pesan"] == "; ".join(p["teks"] for p in h["pesan"])
        assert row["nilai"] == "; ".join(f"{k}={float(v)!r}" for k, v in h["nilai"].items())


def test_summary_is_printed_and_default_formats_named(cli: CliRunner, office: Path,
                                                      tmp_path: Path) -> None:
    values = write(tmp_path / "n.csv", GOOD)
    r = invoke(cli, "compute", "-p", "2026-TW1", "-d", office, "-v", values,
               "-o", tmp_path / "out", "-f", FORMATS, "--lang", "id")
    assert r.exit_code == 0, r.output
    assert "IKI Triwulan I Tahun 2026 — Kantor Uji" in r.stdout
    assert "2 indikator: 2 lengkap, 0 parsial, 0 tanpa data, 0 galat" in r.stdout
    assert "90,00" in r.stdout  # 90 / 100 × 100, Indonesian notation
    assert sorted(snapshot(tmp_path / "out")) == ["iki-2026-TW1.csv", "iki-2026-TW1.json"]


def test_default_formats_are_md_html_json(cli: CliRunner, office: Path, tmp_path: Path) -> None:
    r = invoke(cli, "compute", "-p", "2026-TW1", "-d", office,
               "-v", write(tmp_path / "n.csv", GOOD), "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert sorted(snapshot(tmp_path / "out")) == [
        "iki-2026-TW1.html", "iki-2026-TW1.json", "iki-2026-TW1.md"]


def test_period_alias_names_the_files_by_the_canonical_code(cli: CliRunner, office: Path,
                                                            tmp_path: Path) -> None:
    doc = compute_json(cli, tmp_path / "out", "-p", "2026-Q1", "-d", office,
                       "-v", write(tmp_path / "n.csv", GOOD))
    assert doc["periode"] == "2026-TW1"
    assert (tmp_path / "out" / "iki-2026-TW1.json").is_file()


# --- bad input -----------------------------------------------------------------------------

def test_bad_rows_exit_1_list_every_row_and_write_nothing(cli: CliRunner, office: Path,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "iki-2026.json").write_text("laporan lama\n")
    before = snapshot(out)
    values = write(tmp_path / "n.csv", "periode;variabel;nilai\n2026-TW1;kasus;100\n"
                   "2026-TW1;sembuh;81.5\n2025-TW1;kasuss;1\n2026-TW9;suhu;1\n"
                   "2026-TW2;kasus;1,5\n")
    r = invoke(cli, "compute", "-p", "2026", "-d", office, "-v", values, "-o", out,
               "-f", FORMATS)
    assert r.exit_code == 1, r.output
    assert f"{values}:3: error [values] `nilai`: `81.5` is not a number" in r.stderr
    assert f"{values}:4: error [values] unknown variable `kasuss`; did you mean `kasus`?" \
        in r.stderr
    assert f"{values}:5: error [values] `2026-TW9` is not a period" in r.stderr
    assert "3 bad value row(s); nothing was computed" in r.stderr
    assert f"{values}:6:" not in r.stderr
    assert snapshot(out) == before


def test_conflicting_duplicates_across_files_name_both(cli: CliRunner, office: Path,
                                                       tmp_path: Path) -> None:
    a = write(tmp_path / "a.csv", GOOD)
    b = write(tmp_path / "b.csv", "periode;variabel;nilai\n2026-TW1;kasus;101\n")
    r = invoke(cli, "compute", "-p", "2026", "-d", office, "-v", a, "-v", b,
               "-o", tmp_path / "out", "-f", FORMATS)
    assert r.exit_code == 1, r.output
    assert f"{b}:2: error [values] `kasus` for 2026-TW1 is 101 here but 100 on {a}:2" in r.stderr
    assert not (tmp_path / "out").exists()


def test_same_value_twice_is_a_warning_and_strict_fails(cli: CliRunner, office: Path,
                                                        tmp_path: Path) -> None:
    a = write(tmp_path / "a.csv", GOOD)
    b = write(tmp_path / "b.csv", "periode;variabel;nilai\n2026-TW1;kasus;100\n")
    args = ["compute", "-p", "2026-TW1", "-d", office, "-v", a, "-v", b,
            "-o", tmp_path / "out", "-f", FORMATS]
    r = invoke(cli, *args)
    assert r.exit_code == 0, r.output
    assert f"{b}:2: warning [values] `kasus` for 2026-TW1 is also given on {a}:2" in r.stderr
    assert invoke(cli, *args, "--strict").exit_code == 1


def test_invalid_definitions_exit_1_and_write_nothing(cli: CliRunner, office: Path,
                                                      tmp_path: Path) -> None:
    kepala = office / "jabatan" / "kepala.yaml"
    kepala.write_text(kepala.read_text().replace("sembuh / kasus", "sembuh / kasuss"))
    r = invoke(cli, "compute", "-p", "2026", "-d", office, "-v", write(tmp_path / "n.csv", GOOD),
               "-o", tmp_path / "out", "-f", FORMATS)
    assert r.exit_code == 1, r.output
    assert "unknown variable `kasuss`" in r.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("args", "needle"), [
    (["-p", "2026-T1"], "is not a period"),
    (["-p", "2026", "-f", "json,pdf"], "unknown format `pdf`"),
    (["-p", "2026", "--lang", "fr"], "unknown language `fr`"),
    (["-p", "2026", "--angka", "de"], "--angka"),
])
def test_wrong_usage_exits_2(cli: CliRunner, office: Path, tmp_path: Path, args: list[str],
                             needle: str) -> None:
    values = write(tmp_path / "n.csv", GOOD)
    r = invoke(cli, "compute", "-d", office, "-v", values, "-o", tmp_path / "out", *args)
    assert r.exit_code == 2, r.output
    assert needle in r.output
    assert not (tmp_path / "out").exists()


def test_missing_values_file_exits_2(cli: CliRunner, office: Path, tmp_path: Path) -> None:
    r = invoke(cli, "compute", "-p", "2026", "-d", office, "-v", tmp_path / "tidak-ada.csv",
               "-o", tmp_path / "out", "-f", FORMATS)
    assert r.exit_code == 2, r.output
    assert "does not exist" in r.stderr


def test_angka_and_delimiter_options(cli: CliRunner, office: Path, tmp_path: Path) -> None:
    # `;`-separated with English numbers, and a `sep=,` line the option overrides
    values = write(tmp_path / "n.csv", "sep=,\nperiode;variabel;nilai\n2026-TW1;kasus;1,000\n"
                   "2026-TW1;sembuh;812.5\n")
    doc = compute_json(cli, tmp_path / "out", "-p", "2026-TW1", "-d", office, "-v", values,
                       "--angka", "en", "--delimiter", ";")
    assert hasil(doc)["rasio"]["nilai"] == {"sembuh": 812.5, "kasus": 1000}
    assert hasil(doc)["rasio"]["realisasi"] == pytest.approx(812.5 / 1000 * 100)


# --- --strict ------------------------------------------------------------------------------

def test_strict_exits_1_when_a_result_is_not_lengkap(cli: CliRunner, office: Path,
                                                     tmp_path: Path) -> None:
    values = write(tmp_path / "n.csv", GOOD)
    base = ["compute", "-d", office, "-v", values, "-f", FORMATS]
    assert invoke(cli, *base, "-o", tmp_path / "a", "-p", "2026-TW1", "--strict"
                  ).exit_code == 0  # all lengkap
    assert invoke(cli, *base, "-o", tmp_path / "b", "-p", "2026").exit_code == 0  # not strict
    fresh = tmp_path / "strict"
    r = invoke(cli, *base, "-o", fresh, "-p", "2026", "--strict")
    assert r.exit_code == 1, r.output
    # the reports are still written: --strict is a gate, not a filter
    assert sorted(snapshot(fresh)) == ["iki-2026.csv", "iki-2026.json"]


# --- atomic writes -------------------------------------------------------------------------

@pytest.fixture
def old_reports(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / "iki-2026-TW1.json").write_text('{"lama": true}\n')
    (out / "iki-2026-TW1.csv").write_text("lama\n")
    (out / "catatan.txt").write_text("bukan laporan\n")
    return out


def test_failure_renaming_the_second_file_restores_the_folder(
        cli: CliRunner, office: Path, tmp_path: Path, old_reports: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(old_reports)
    real_replace = os.replace
    calls: list[str] = []

    def failing_replace(src: Any, dst: Any) -> None:
        calls.append(str(dst))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    r = invoke(cli, "compute", "-p", "2026-TW1", "-d", office,
               "-v", write(tmp_path / "n.csv", GOOD), "-o", old_reports, "-f", FORMATS)
    assert r.exit_code == 1, r.output
    assert "cannot write outputs: No space left on device" in r.stderr
    assert len(calls) >= 2
    assert snapshot(old_reports) == before  # old files intact, no temporary file left


def test_failure_writing_the_second_file_leaves_the_folder_as_it_was(
        cli: CliRunner, office: Path, tmp_path: Path, old_reports: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(old_reports)
    real_fdopen = os.fdopen
    opened: list[int] = []

    def failing_fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        opened.append(fd)
        if len(opened) == 2:
            os.close(fd)
            raise OSError(5, "Input/output error")
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", failing_fdopen)
    r = invoke(cli, "compute", "-p", "2026-TW1", "-d", office,
               "-v", write(tmp_path / "n.csv", GOOD), "-o", old_reports, "-f", FORMATS)
    assert r.exit_code == 1, r.output
    assert snapshot(old_reports) == before


def test_failure_rendering_the_second_format_writes_nothing(
        cli: CliRunner, office: Path, tmp_path: Path, old_reports: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(old_reports)

    def broken_csv(*args: Any) -> str:
        raise RuntimeError("renderer bug")

    monkeypatch.setattr("iki_cli.export.results.to_csv", broken_csv)
    r = cli.invoke(app, ["compute", "-p", "2026-TW1", "-d", str(office),
                         "-v", str(write(tmp_path / "n.csv", GOOD)), "-o", str(old_reports),
                         "-f", FORMATS])
    assert r.exit_code != 0 and isinstance(r.exception, RuntimeError)
    assert snapshot(old_reports) == before


# --- template ------------------------------------------------------------------------------

def test_template_fill_compute_round_trip(cli: CliRunner, tmp_path: Path) -> None:
    template = tmp_path / "f.csv"
    r = invoke(cli, "template", "-p", "2026-TW1", "-d", SHIPPED, "-o", template)
    assert r.exit_code == 0, r.output
    raw = template.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfperiode;variabel;uraian;satuan;sumber_data;nilai;")
    with template.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh, delimiter=";"))
    assert table and all(row["periode"] == "2026-TW1" and row["nilai"] == "" for row in table)
    assert all(row["uraian"] for row in table)
    variables = load(SHIPPED).variables
    assert {row["variabel"] for row in table} <= set(variables)

    # Fill it in as an Indonesian spreadsheet would: 1.000,5 then 2.001, 3.001,5, …
    expected: dict[str, float] = {}
    for i, row in enumerate(table):
        number = Decimal(1000) * (i + 1) + Decimal(i % 2 + 1) / 2
        expected[row["variabel"]] = float(number)
        row["nilai"] = f"{number:,}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    assert table[0]["nilai"] == "1.000,5" and table[1]["nilai"] == "2.001"
    with template.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(table[0]), delimiter=";",
                                lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(table)

    doc = compute_json(cli, tmp_path / "out", "-p", "2026-TW1", "-d", SHIPPED, "-v", template)
    got: dict[str, float] = {}
    for h in doc["hasil"]:
        assert h["status"] == "lengkap", h
        got.update(h["nilai"])
    assert got == expected
    ratio = hasil(doc)["pmks-tertangani"]
    assert ratio["realisasi"] == pytest.approx(expected["pmks_tertangani"]
                                               / expected["pmks_ada"] * 100)


def test_template_to_stdout_and_with_a_comma(cli: CliRunner, office: Path) -> None:
    r = invoke(cli, "template", "-p", "2026-Q2", "-d", office)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "periode;variabel;uraian;satuan;sumber_data;nilai;keterangan"
    assert lines[1] == "2026-TW2;kasus;Jumlah kasus;orang;Buku register;;"
    r = invoke(cli, "template", "-p", "2026", "-d", office, "--delimiter", ",")
    assert r.stdout.splitlines()[0] == "periode,variabel,uraian,satuan,sumber_data,nilai,keterangan"


# --- the same numbers in both notations ----------------------------------------------------

def written(number: Decimal, notation: str, grouped: bool) -> str:
    """`number` as a person would type it: `1.234,5` / `1234,5` / `1,234.5` / `1234.5`."""
    text = f"{number:,f}" if grouped else f"{number:f}"
    if notation == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


@pytest.fixture(scope="module")
def property_office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_office(tmp_path_factory.mktemp("kantor"), [
        indicator("rasio", "sembuh / kasus * 100", target={"2026": 80}),
        indicator("persen", "kasus / penduduk * 100", polaritas="negatif", target={"2026": 2}),
        indicator("skor", "skor", satuan="indeks", target={"2026": 75}),
        indicator("suhu", "max(suhu - 8, 0)", polaritas="negatif", satuan="°C",
                  target={"2026": 0})])


NUMBERS = st.decimals(min_value=-10_000_000, max_value=10_000_000, places=2, allow_nan=False,
                      allow_infinity=False).map(lambda d: d.normalize() if d else Decimal(0))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(
    st.tuples(st.sampled_from(["2026-TW1", "2026-TW2", "2026-TW3", "2026-TW4"]),
              st.sampled_from(["kasus", "sembuh", "penduduk", "skor", "suhu"])),
    NUMBERS, min_size=1, max_size=20))
def test_id_and_en_notations_give_identical_results(property_office: Path,
                                                    data: dict[tuple[str, str], Decimal]) -> None:
    defs = load(property_office)
    folder = property_office.parent
    results = []
    for notation, delim in (("id", ";"), ("en", ",")):
        for grouped in (True, False):
            buf = io.StringIO()
            writer = csv.writer(buf, delimiter=delim, lineterminator="\n")
            writer.writerow(["periode", "variabel", "nilai"])
            for (periode, var), number in data.items():
                writer.writerow([periode, var, written(number, notation, grouped)])
            path = write(folder / f"nilai-{notation}-{grouped}.csv", buf.getvalue())
            try:
                values = read(defs, [path])  # --angka auto reads it right, or refuses
            except ProblemsError as exc:
                # only a `,` file whose every separated number reads two ways (`1,134`)
                assert notation == "en" and grouped, exc.problems
                assert [p.message.startswith("the numbers of this file read two ways")
                        for p in exc.problems] == [True]
                values = read(defs, [path], notation="en")
            report = compute(defs, values, parse_period("2026"))
            results.append(report_dict(report, defs, "id"))
    assert results[0] == results[1] == results[2] == results[3]
    entries = {k for h in results[0]["hasil"] for k in h["nilai"]}
    assert entries <= {var for _, var in data}


def test_reports_get_the_usual_file_mode_not_a_private_temp_file_mode(tmp_path: Path) -> None:
    out = tmp_path / "laporan"
    r = CliRunner().invoke(app, ["compute", "-p", "2026", "-v", str(KANTOR_LAIN_NILAI),
                                 "-d", str(KANTOR_LAIN), "-o", str(out),
                                 "-f", "json"])
    assert r.exit_code == 0, r.output
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE((out / "iki-2026.json").stat().st_mode) == 0o666 & ~mask
