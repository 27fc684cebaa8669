"""The fields of SPEC §7 in the JSON and CSV results: names, order and shapes exactly as the
contract writes them, for a year and for a quarter."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from helpers import load, read, riwayat_office

from iki_cli.evaluation.compute import compute
from iki_cli.export.history import HISTORY_CSV_FIELDS
from iki_cli.export.results import CSV_FIELDS, to_csv, to_json
from iki_cli.periods import parse_period
from iki_cli.values.analysis import Analisis

# SPEC §5's keys, with the reports' number of each result first
SPEC5 = ["nomor", "jabatan", "sasaran", "indikator", "nama", "satuan", "polaritas", "realisasi",
         "target", "capaian", "predikat", "kategori", "status", "pesan", "nilai"]
SPEC7 = ["sebelumnya", "sd_periode", "triwulan", "renstra", "analisis"]
POINT = ["periode", "realisasi", "capaian", "status"]
NUMBER = (int, float)


def outputs(tmp_path: Path, period: str) -> tuple[dict[str, Any], list[dict[str, str]]]:
    root, values = riwayat_office(tmp_path)
    defs = load(root)
    report = compute(defs, read(defs, [values]), parse_period(period), analyses={
        ("kepala", "kesembuhan"): Analisis("a", None, "c")})
    table = list(csv.DictReader(io.StringIO(to_csv(report, defs, "en"))))
    return json.loads(to_json(report, defs, "en")), table


def _point(p: dict[str, Any]) -> None:
    assert list(p) == POINT
    assert isinstance(p["periode"], str) and isinstance(p["status"], str)
    assert p["realisasi"] is None or isinstance(p["realisasi"], NUMBER)
    assert p["capaian"] is None or isinstance(p["capaian"], NUMBER)


@pytest.mark.parametrize("period", ["2026", "2026-TW2"])
def test_every_result_has_the_fields_after_those_of_spec_5(tmp_path: Path, period: str) -> None:
    doc, _ = outputs(tmp_path, period)
    for h in doc["hasil"]:
        assert list(h) == SPEC5 + SPEC7
        assert isinstance(h["sebelumnya"], list)
        for p in h["sebelumnya"]:
            _point(p)
        plan = h["renstra"]
        assert list(plan) == ["akhir", "target", "capaian", "kondisi_awal"]
        assert isinstance(plan["akhir"], int) and isinstance(plan["target"], NUMBER)
        assert plan["kondisi_awal"] is None or list(plan["kondisi_awal"]) == ["tahun", "nilai"]
        assert h["analisis"] is None or list(h["analisis"]) == [
            "faktor_pendukung", "faktor_penghambat", "tindak_lanjut"]
        if period == "2026":
            assert h["sd_periode"] is None
            for p in h["triwulan"]:
                _point(p)
        else:
            assert h["triwulan"] is None
            assert list(h["sd_periode"]) == ["periode", "realisasi", "target", "capaian",
                                             "predikat", "status"]


def test_the_values_of_the_fields(tmp_path: Path) -> None:
    doc, table = outputs(tmp_path, "2026-TW2")
    first = doc["hasil"][0]
    assert first["sebelumnya"] == [{"periode": "2025-TW2", "realisasi": pytest.approx(
        21 / 30 * 100), "capaian": None, "status": "lengkap"}]
    assert first["sd_periode"] == {"periode": "2026-S1", "realisasi": pytest.approx(64),
                                   "target": 80.0, "capaian": pytest.approx(80),
                                   "predikat": "Tinggi", "status": "lengkap"}
    assert first["renstra"] == {"akhir": 2029, "target": 90.0,
                                "capaian": pytest.approx(60 / 90 * 100),
                                "kondisi_awal": {"tahun": 2024, "nilai": 65.0}}
    assert first["analisis"] == {"faktor_pendukung": "a", "faktor_penghambat": None,
                                 "tindak_lanjut": "c"}
    assert doc["hasil"][2]["sebelumnya"] == []  # indeks-kepuasan: no value before 2026
    # the CSV: the objects as one column per field, the lists as `periode=realisasi`
    assert list(table[0]) == list(CSV_FIELDS) == [*SPEC5, *HISTORY_CSV_FIELDS, "ilustratif"]
    row = table[0]
    assert row["sebelumnya"] == f"2025-TW2={21 / 30 * 100!r}"
    assert row["sd_periode.periode"] == "2026-S1" and float(row["sd_periode.capaian"]) == 80
    assert row["triwulan"] == "" and row["renstra.akhir"] == "2029"
    assert row["renstra.kondisi_awal.tahun"] == "2024"
    assert row["analisis.faktor_pendukung"] == "a" and row["analisis.faktor_penghambat"] == ""
    assert table[1]["renstra.kondisi_awal.nilai"] == ""


def test_a_year_lists_its_quarters_in_the_csv(tmp_path: Path) -> None:
    _, table = outputs(tmp_path, "2026")
    assert table[0]["triwulan"] == "; ".join(
        f"2026-TW{q}={v!r}" for q, v in enumerate([100.0, 54 / 90 * 100, 80.0, 92.0], 1))
    assert table[0]["sd_periode.periode"] == ""
