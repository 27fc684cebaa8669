"""Results too large to be numbers: `galat` with a message code, never `Infinity` in a file.

Every number in the definitions is finite (validation), and so is every value
read; but two huge finite values summed, or a realisasi against a tiny target,
are not. Such a result is `galat` with a code saying why, its `nilai` holds
only finite numbers, and the JSON is JSON.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from helpers import codes, indicator, invoke, make_office, result_of, rows
from typer.testing import CliRunner

HUGE = "1" + "0" * 308  # 1e308 written out: a finite number, near the largest there is


def _no_constants(text: str) -> None:
    def refuse(name: str) -> float:
        raise AssertionError(f"{name} in the JSON")

    json.loads(text, parse_constant=refuse)


def test_two_huge_values_summed_are_galat(tmp_path: Path) -> None:
    root = make_office(tmp_path, [indicator("jumlah", "kasus", satuan="kasus",
                                            target={"2026": 10})])
    r = result_of(root, "2026", rows(f"2026-TW1,kasus,{HUGE}", f"2026-TW2,kasus,{HUGE}"),
                  "jumlah")
    assert r.status == "galat" and r.realisasi is None and r.capaian is None
    assert codes(r) == [("value-too-large", {"var": "kasus"})]
    assert r.nilai == {}  # no Infinity among the inputs either


def test_an_average_of_huge_values_is_still_a_number(tmp_path: Path) -> None:
    # 1.5e308 × 3 months overflows on the way; the time average itself is 1.5e308.
    root = make_office(tmp_path, [indicator("skor", "skor", satuan="indeks")])
    value = "15" + "0" * 307
    r = result_of(root, "2026-S1", rows(f"2026-TW1,skor,{value}", f"2026-TW2,skor,{value}"),
                  "skor")
    assert r.status == "lengkap"
    assert r.realisasi == pytest.approx(1.5e308)


def test_a_capaian_too_large_to_be_a_number_is_galat(tmp_path: Path) -> None:
    root = make_office(tmp_path, [indicator("rasio", "kasus", satuan="kasus",
                                            target={"2026": 1e-300})])
    r = result_of(root, "2026", rows(f"2026,kasus,{HUGE}"), "rasio")
    # 1e308 / 1e-300 × 100 is beyond the largest float.
    assert math.isinf(1e308 / 1e-300 * 100)
    assert r.status == "galat" and r.realisasi is None and r.capaian is None
    assert codes(r) == [("capaian-too-large", {})]


def test_the_inverse_capaian_of_a_tiny_value_is_galat(tmp_path: Path) -> None:
    root = make_office(tmp_path, [indicator("waktu", "kasus", satuan="hari", polaritas="negatif",
                                            target={"2026": 1e307})],
                       organisasi={"capaian": {"negatif": "kebalikan"}})
    r = result_of(root, "2026", rows("2026,kasus,0.000001"), "waktu")
    assert math.isinf(1e307 / 0.000001 * 100)
    assert r.status == "galat" and codes(r) == [("capaian-too-large", {})]


@pytest.mark.parametrize("polaritas", ["positif", "negatif"])
def test_a_negative_target_gives_no_capaian_and_says_why(tmp_path: Path, polaritas: str) -> None:
    root = make_office(tmp_path, [indicator("selisih", "kasus", satuan="kasus",
                                            polaritas=polaritas, target={"2026": -4})])
    r = result_of(root, "2026", rows("2026,kasus,2"), "selisih")
    assert r.realisasi == 2 and r.capaian is None and r.predikat is None
    assert r.status == "lengkap"
    assert codes(r) == [("target-negative", {})]


def test_a_formula_that_overflows_on_the_way_is_galat(tmp_path: Path) -> None:
    root = make_office(tmp_path, [indicator("kali", "kasus * sembuh", satuan="kasus")])
    r = result_of(root, "2026", rows(f"2026,kasus,{HUGE}", f"2026,sembuh,{HUGE}"), "kali")
    assert r.status == "galat" and codes(r) == [("not-finite", {})]


def test_no_output_file_holds_infinity(runner: CliRunner, tmp_path: Path) -> None:
    root = make_office(tmp_path, [
        indicator("jumlah", "kasus", satuan="kasus", target={"2026": 10}),
        indicator("rasio", "sembuh", satuan="kasus", target={"2026": 1e-300}),
        indicator("kali", "kasus * sembuh", satuan="kasus"),
        indicator("besar", "penduduk", satuan="orang", target={"2026": 1e300}),
    ])
    values = tmp_path / "nilai.csv"
    values.write_text(rows(f"2026-TW1,kasus,{HUGE}", f"2026-TW2,kasus,{HUGE}",
                           f"2026,sembuh,{HUGE}", f"2026,penduduk,{HUGE}"), encoding="utf-8")
    out = tmp_path / "out"
    r = invoke(runner, "compute", "-p", "2026", "-d", root, "-v", values, "-o", out,
               "-f", "md,html,json,csv")
    assert r.exit_code == 0, r.output
    report = (out / "iki-2026.json").read_text(encoding="utf-8")
    _no_constants(report)
    by_id = {h["indikator"]: h for h in json.loads(report)["hasil"]}
    assert {k: v["status"] for k, v in by_id.items()} == {
        "jumlah": "galat", "rasio": "galat", "kali": "galat", "besar": "lengkap"}
    assert by_id["besar"]["capaian"] == pytest.approx(1e308 / 1e300 * 100)  # huge, finite
    for ext in ("md", "html", "csv"):
        text = (out / f"iki-2026.{ext}").read_text(encoding="utf-8")
        assert not re.search(r"\b(inf|infinity|nan)\b", text, re.IGNORECASE), ext
