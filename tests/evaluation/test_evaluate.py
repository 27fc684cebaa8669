"""Evaluation (SPEC §2–§3): aggregation, statuses, capaian, predikat and kategori.

Every expected number is written as the arithmetic a reader can check by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import (
    by_id,
    codes,
    indicator,
    load,
    make_office,
    read,
    report_of,
    result_of,
    rows,
    write,
)

from iki_cli.definitions.model import DEFAULT_PREDIKAT, CapaianRules, Threshold, Variabel
from iki_cli.evaluation.achievement import capaian, rate
from iki_cli.evaluation.aggregate import aggregate
from iki_cli.evaluation.compute import compute
from iki_cli.periods import parse_period
from iki_cli.values.ingest import Entry

RASIO = indicator("rasio", "sembuh / kasus * 100", target={"2026": 80})

# A year by quarter: quarterly ratios 100, 60, 80, 92 (mean 83), but the year is
# Σsembuh / Σkasus = (10 + 54 + 40 + 46) / (10 + 90 + 50 + 50) = 150 / 200 = 75 %.
YEAR = ("2026-TW1,kasus,10", "2026-TW1,sembuh,10",
        "2026-TW2,kasus,90", "2026-TW2,sembuh,54",
        "2026-TW3,kasus,50", "2026-TW3,sembuh,40",
        "2026-TW4,kasus,50", "2026-TW4,sembuh,46")


def office(tmp_path: Path, *indicators: dict[str, Any], **organisasi: Any) -> Path:
    return make_office(tmp_path, list(indicators) or [RASIO], organisasi=organisasi)


# --- statuses ------------------------------------------------------------------------------

def test_lengkap_yearly_ratio_is_the_ratio_of_sums(tmp_path: Path) -> None:
    r = result_of(office(tmp_path), "2026", rows(*YEAR), "rasio")
    assert r.status == "lengkap" and r.pesan == []
    assert r.nilai == {"sembuh": 150, "kasus": 200}
    assert r.realisasi == pytest.approx(150 / 200 * 100) == 75
    assert r.realisasi != pytest.approx((100 + 60 + 80 + 92) / 4)  # not the mean of ratios
    assert r.target == 80
    assert r.capaian == pytest.approx(75 / 80 * 100) == 93.75
    assert r.predikat == "Sangat Tinggi"  # 93.75 ≥ 91


def test_parsial_names_the_missing_parts(tmp_path: Path) -> None:
    values = [row for row in YEAR if row != "2026-TW3,sembuh,40"]
    r = result_of(office(tmp_path), "2026", rows(*values), "rasio")
    assert r.status == "parsial"
    assert codes(r) == [("missing-parts", {"var": "sembuh", "parts": ("2026-TW3",)})]
    assert r.kurang == {"sembuh": ("2026-TW3",)}
    # computed from what there is: (10 + 54 + 46) / 200 × 100 = 55
    assert r.realisasi == pytest.approx(55)
    assert r.capaian == pytest.approx(55 / 80 * 100) == 68.75
    assert r.predikat == "Sedang"


def test_parsial_missing_months_and_quarters_are_grouped(tmp_path: Path) -> None:
    values = ["2026-TW1,kasus,10", "2026-04,kasus,3", "2026-TW3,kasus,9",
              "2026-TW1,sembuh,1", "2026-TW2,sembuh,1", "2026-TW3,sembuh,1", "2026-TW4,sembuh,1"]
    r = result_of(office(tmp_path), "2026", rows(*values), "rasio")
    assert r.status == "parsial"
    assert codes(r) == [("missing-parts", {"var": "kasus",
                                          "parts": ("2026-05", "2026-06", "2026-TW4")})]


def test_tanpa_data_when_a_variable_has_no_value(tmp_path: Path) -> None:
    values = [row for row in YEAR if "sembuh" not in row]
    r = result_of(office(tmp_path), "2026", rows(*values), "rasio")
    assert r.status == "tanpa_data"
    assert r.realisasi is None and r.capaian is None and r.predikat is None
    assert r.target == 80
    assert codes(r) == [("no-value", {"var": "sembuh", "period": "2026"})]
    assert r.nilai == {"kasus": 200}


def test_galat_on_division_by_zero(tmp_path: Path) -> None:
    r = result_of(office(tmp_path), "2026-TW1",
                  rows("2026-TW1,kasus,0", "2026-TW1,sembuh,0"), "rasio")
    assert r.status == "galat"
    assert r.realisasi is None and r.capaian is None
    assert codes(r) == [("division-by-zero", {"divisor": "kasus"})]


def test_galat_on_a_result_that_is_not_finite(tmp_path: Path) -> None:
    # 10^300 × 10^10 overflows a float
    root = office(tmp_path, indicator("besar", "kasus * 10000000000", satuan="kasus"))
    r = result_of(root, "2026-TW1", rows("2026-TW1,kasus,1" + "0" * 300), "besar")
    assert r.status == "galat"
    assert codes(r) == [("not-finite", {})]


def test_messages_are_codes_whatever_the_language(tmp_path: Path) -> None:
    defs = load(office(tmp_path))
    values = read(defs, [write(tmp_path / "n.csv", rows("2026-TW1,kasus,1",
                                                        "2026-04,sembuh,1"))])
    r = by_id(compute(defs, values, parse_period("2026-S1")), "rasio")
    assert codes(r) == [("missing-parts", {"var": "sembuh",
                                           "parts": ("2026-TW1", "2026-05", "2026-06")}),
                        ("missing-parts", {"var": "kasus", "parts": ("2026-TW2",)})]


# --- capaian -------------------------------------------------------------------------------

PERSEN = indicator("persen", "kasus / penduduk * 100", polaritas="negatif",
                   target={"2026": 2})


def persen(tmp_path: Path, kasus: str, **organisasi: Any) -> Any:
    root = office(tmp_path, PERSEN, **organisasi)
    return result_of(root, "2026", rows(f"2026,kasus,{kasus}", "2026,penduduk,10000"), "persen")


def test_negatif_selisih(tmp_path: Path) -> None:
    r = persen(tmp_path, "250")  # 250 / 10,000 × 100 = 2.5 %
    assert r.realisasi == pytest.approx(2.5)
    assert r.capaian == pytest.approx((2 - 2.5 / 2) * 100) == 75
    assert r.predikat == "Sedang"  # 66 ≤ 75 < 76


def test_negatif_selisih_better_than_target(tmp_path: Path) -> None:
    r = persen(tmp_path, "150")  # 1.5 %
    assert r.capaian == pytest.approx((2 - 1.5 / 2) * 100) == 125


def test_negatif_kebalikan(tmp_path: Path) -> None:
    r = persen(tmp_path, "250", capaian={"negatif": "kebalikan"})
    assert r.capaian == pytest.approx(2 / 2.5 * 100) == 80
    assert r.predikat == "Tinggi"


def test_floor_at_zero_by_default(tmp_path: Path) -> None:
    r = persen(tmp_path, "500")  # 5 %: (2 − 5 / 2) × 100 = −50, floored at 0
    assert r.realisasi == pytest.approx(5)
    assert r.capaian == 0 and isinstance(r.capaian, float)
    assert r.predikat == "Sangat Rendah"


def test_floor_batas_bawah(tmp_path: Path) -> None:
    r = persen(tmp_path, "500", capaian={"batas_bawah": 20})
    assert r.capaian == 20  # −50 floored at 20


def test_cap_batas_atas(tmp_path: Path) -> None:
    # kebalikan: 2 / 0.5 × 100 = 400, capped at 120
    r = persen(tmp_path, "50", capaian={"negatif": "kebalikan", "batas_atas": 120})
    assert r.realisasi == pytest.approx(0.5)
    assert r.capaian == 120


def test_cap_on_a_positive_indicator(tmp_path: Path) -> None:
    root = office(tmp_path, indicator("kasus", "kasus", satuan="kasus", target={"2026": 100}),
                  capaian={"batas_atas": 110})
    r = result_of(root, "2026", rows("2026,kasus,150"), "kasus")
    assert r.capaian == 110  # 150 / 100 × 100 = 150, capped at 110


def test_kebalikan_with_zero_realisasi_has_no_capaian(tmp_path: Path) -> None:
    r = persen(tmp_path, "0", capaian={"negatif": "kebalikan"})
    assert r.realisasi == 0 and r.status == "lengkap"
    assert r.capaian is None and r.predikat is None
    assert codes(r) == [("realisasi-zero", {})]


@pytest.mark.parametrize("rule", ["selisih", "kebalikan"])
def test_negatif_zero_target_and_zero_realisasi_is_100(tmp_path: Path, rule: str) -> None:
    root = office(tmp_path, indicator("kejadian", "kasus", polaritas="negatif", satuan="kasus",
                                      target={"2026": 0}), capaian={"negatif": rule})
    r = result_of(root, "2026", rows("2026,kasus,0"), "kejadian")
    assert r.capaian == 100 and r.predikat == "Sangat Tinggi" and r.pesan == []


@pytest.mark.parametrize("polaritas", ["positif", "negatif"])
def test_zero_target_has_no_capaian(tmp_path: Path, polaritas: str) -> None:
    root = office(tmp_path, indicator("kejadian", "kasus", polaritas=polaritas, satuan="kasus",
                                      target={"2026": 0}))
    r = result_of(root, "2026", rows("2026,kasus,3"), "kejadian")
    assert r.realisasi == 3 and r.target == 0 and r.status == "lengkap"
    assert r.capaian is None and r.predikat is None
    assert codes(r) == [("target-zero", {})]


def test_capaian_function_directly() -> None:
    rules = CapaianRules()
    assert capaian(75, 80, "positif", rules) == (pytest.approx(93.75), None)
    assert capaian(2.5, 2, "negatif", rules) == (pytest.approx(75), None)
    assert capaian(2.5, 2, "negatif", CapaianRules(negatif="kebalikan")) == (80, None)
    assert capaian(1, 0, "positif", rules) == (None, "target-zero")
    assert capaian(0, 2, "negatif", CapaianRules(negatif="kebalikan")) == (None,
                                                                          "realisasi-zero")
    assert capaian(0, 0, "negatif", rules) == (100, None)
    assert capaian(-10, 5, "positif", CapaianRules(batas_bawah=-50)) == (-50, None)


# --- targets -------------------------------------------------------------------------------

KASUS = indicator("kasus", "kasus", satuan="kasus",
                  target={"2026-TW1": 20, "2026-Q2": 25, "2026": 100})
KASUS_ROWS = rows("2026-TW1,kasus,18", "2026-TW2,kasus,22", "2026-TW3,kasus,25",
                  "2026-TW4,kasus,35")


def test_quarter_target_is_used_for_the_quarter(tmp_path: Path) -> None:
    r = result_of(office(tmp_path, KASUS), "2026-TW1", KASUS_ROWS, "kasus")
    assert (r.realisasi, r.target) == (18, 20)
    assert r.capaian == pytest.approx(18 / 20 * 100) == 90


def test_target_key_written_with_q_is_the_same_quarter(tmp_path: Path) -> None:
    r = result_of(office(tmp_path, KASUS), "2026-Q2", KASUS_ROWS, "kasus")
    assert (r.realisasi, r.target) == (22, 25)
    assert r.capaian == pytest.approx(22 / 25 * 100) == 88


def test_year_uses_the_year_target_not_a_quarter_one(tmp_path: Path) -> None:
    r = result_of(office(tmp_path, KASUS), "2026", KASUS_ROWS, "kasus")
    assert r.realisasi == 18 + 22 + 25 + 35 == 100
    assert r.target == 100 and r.capaian == 100


def test_no_target_for_the_period_means_no_capaian(tmp_path: Path) -> None:
    # S1 has no target of its own: neither the year's nor the quarters' is used.
    r = result_of(office(tmp_path, KASUS), "2026-S1", KASUS_ROWS, "kasus")
    assert r.realisasi == 18 + 22 == 40 and r.status == "lengkap"
    assert r.target is None and r.capaian is None and r.predikat is None
    assert r.pesan == []


# --- agregasi and period kinds ---------------------------------------------------------------

MIXED = rows(
    # penduduk (terakhir) and skor (rata_rata): a quarter, three months, then a semester
    "2026-TW1,penduduk,100", "2026-04,penduduk,110", "2026-05,penduduk,120",
    "2026-06,penduduk,125", "2026-S2,penduduk,130",
    "2026-TW1,skor,80", "2026-04,skor,70", "2026-05,skor,76", "2026-06,skor,82",
    "2026-S2,skor,90",
    # suhu (maksimum) by month
    "2026-01,suhu,5.5", "2026-02,suhu,7", "2026-03,suhu,6", "2026-04,suhu,9.5",
    "2026-05,suhu,6", "2026-06,suhu,4", "2026-S2,suhu,8",
    # kasus (jumlah) by month in TW1, then quarters
    "2026-01,kasus,4", "2026-02,kasus,5", "2026-03,kasus,6", "2026-TW2,kasus,10",
    "2026-TW3,kasus,20", "2026-TW4,kasus,30",
)
EACH = [indicator(v, v, satuan="nilai") for v in ("kasus", "penduduk", "skor", "suhu")]


@pytest.mark.parametrize(("period", "expected"), [
    ("2026", {"kasus": 4 + 5 + 6 + 10 + 20 + 30,
               "penduduk": 130,                                   # S2 ends last
               "skor": (80 * 3 + 70 + 76 + 82 + 90 * 6) / 12,     # 1008 / 12 = 84
               "suhu": max(5.5, 7, 6, 9.5, 6, 4, 8)}),
    ("2026-S1", {"kasus": 4 + 5 + 6 + 10,
                  "penduduk": 125,                                # June is the latest
                  "skor": (80 * 3 + 70 + 76 + 82) / 6,            # 468 / 6 = 78
                  "suhu": 9.5}),
    ("2026-Q1", {"kasus": 4 + 5 + 6, "penduduk": 100, "skor": 80, "suhu": 7}),
    ("2026-TW2", {"kasus": 10, "penduduk": 125, "skor": (70 + 76 + 82) / 3, "suhu": 9.5}),
    ("2026-05", {"penduduk": 120, "skor": 76, "suhu": 6}),
    ("2026-S2", {"kasus": 20 + 30, "penduduk": 130, "skor": 90, "suhu": 8}),
])
def test_every_agregasi_over_every_period_kind(tmp_path: Path, period: str,
                                               expected: dict[str, float]) -> None:
    report = report_of(make_office(tmp_path, EACH), period, MIXED)
    assert report.periode == parse_period(period).code
    got = {r.indikator: r.realisasi for r in report.hasil if r.realisasi is not None}
    assert got == pytest.approx(expected)
    assert all(r.status == "lengkap" for r in report.hasil if r.indikator in expected)


def test_rata_rata_is_weighted_by_months_not_by_records(tmp_path: Path) -> None:
    report = report_of(make_office(tmp_path, EACH), "2026", MIXED)
    # weighted by months: (80×3 + 70 + 76 + 82 + 90×6) / 12 = 84, not the records' mean 79,6
    assert by_id(report, "skor").realisasi == pytest.approx(84)


def test_a_month_record_does_not_cover_its_quarter(tmp_path: Path) -> None:
    r = by_id(report_of(make_office(tmp_path, EACH), "2026-TW2", rows("2026-04,kasus,3")),
              "kasus")
    assert r.status == "parsial" and r.realisasi == 3
    assert codes(r) == [("missing-parts", {"var": "kasus", "parts": ("2026-05", "2026-06")})]


def test_terakhir_with_the_last_quarter_missing_takes_the_latest_given(tmp_path: Path) -> None:
    r = by_id(report_of(make_office(tmp_path, EACH), "2026",
                        rows("2026-TW1,penduduk,100", "2026-TW2,penduduk,105",
                             "2026-TW3,penduduk,108")), "penduduk")
    assert r.realisasi == 108 and r.status == "parsial"
    assert codes(r) == [("missing-parts", {"var": "penduduk", "parts": ("2026-TW4",)})]


def test_exact_period_record_is_preferred_over_sub_periods(tmp_path: Path) -> None:
    r = by_id(report_of(make_office(tmp_path, EACH), "2026",
                        rows("2026,kasus,100", "2026-TW1,kasus,10", "2026-TW2,kasus,20")),
              "kasus")
    assert r.realisasi == 100 and r.status == "lengkap"


def test_records_of_other_years_are_ignored(tmp_path: Path) -> None:
    r = by_id(report_of(make_office(tmp_path, EACH), "2026",
                        rows("2025,kasus,100", "2026-TW1,kasus,10", "2027-TW1,kasus,1")),
              "kasus")
    assert r.realisasi == 10 and r.status == "parsial"
    assert codes(r) == [("missing-parts", {"var": "kasus", "parts": ("2026-TW2", "2026-S2")})]


def test_aggregate_directly() -> None:
    def var(agregasi: str) -> Variabel:
        return Variabel(id="x", uraian="x", agregasi=agregasi)  # type: ignore[arg-type]

    recorded = {parse_period(p): Entry(v, 0, i) for i, (p, v) in
                enumerate([("2026-TW1", 6.0), ("2026-07", 9.0), ("2026-TW2", 3.0)])}
    year = parse_period("2026")
    assert aggregate(var("jumlah"), recorded, year).value == 6 + 9 + 3
    assert aggregate(var("terakhir"), recorded, year).value == 9  # July is the latest
    assert aggregate(var("maksimum"), recorded, year).value == 9
    assert aggregate(var("rata_rata"), recorded, year).value == pytest.approx(
        (6 * 3 + 3 * 3 + 9 * 1) / 7)
    assert [p.code for p in aggregate(var("jumlah"), recorded, year).coverage.missing] == [
        "2026-08", "2026-09", "2026-TW4"]


# --- predikat and kategori -----------------------------------------------------------------

@pytest.mark.parametrize(("capaian_", "label"), [
    (0, "Sangat Rendah"), (50.99, "Sangat Rendah"), (51, "Rendah"), (65.99, "Rendah"),
    (66, "Sedang"), (75.99, "Sedang"), (76, "Tinggi"), (90.99, "Tinggi"),
    (91, "Sangat Tinggi"), (250, "Sangat Tinggi"),
])
def test_default_predikat_scale_permendagri_86_2017(capaian_: float, label: str) -> None:
    assert rate(capaian_, DEFAULT_PREDIKAT) == label


def test_default_scale_when_organisasi_has_none(tmp_path: Path) -> None:
    root = office(tmp_path, indicator("kasus", "kasus", satuan="kasus", target={"2026": 100}))
    defs = load(root)
    assert defs.organisasi is not None
    assert list(defs.organisasi.model.predikat) == list(DEFAULT_PREDIKAT)
    r = result_of(root, "2026", rows("2026,kasus,70"), "kasus")
    assert r.capaian == 70 and r.predikat == "Sedang"


CUSTOM = [{"batas_bawah": 50, "label": "Kurang"}, {"batas_bawah": 80, "label": "Baik"},
          {"batas_bawah": 100, "label": "Istimewa"}]


@pytest.mark.parametrize(("kasus", "label"), [("85", "Baik"), ("100", "Istimewa"),
                                               ("50", "Kurang"), ("79.99", "Kurang")])
def test_custom_predikat_scale(tmp_path: Path, kasus: str, label: str) -> None:
    root = office(tmp_path, indicator("kasus", "kasus", satuan="kasus", target={"2026": 100}),
                  predikat=CUSTOM)
    r = result_of(root, "2026", rows(f"2026,kasus,{kasus}"), "kasus")
    assert r.predikat == label and r.pesan == []


def test_capaian_below_the_scale_is_out_of_scale(tmp_path: Path) -> None:
    root = office(tmp_path, indicator("kasus", "kasus", satuan="kasus", target={"2026": 100}),
                  predikat=CUSTOM)
    report = report_of(root, "2026", rows("2026,kasus,40"))
    r = by_id(report, "kasus")
    assert r.capaian == 40 and r.predikat is None
    assert codes(r) == [("below-scale", {"value": 40.0})]
    assert report.ringkasan["predikat"] == {}


IKM = indicator("ikm", "skor", satuan="indeks", target={"2026": 82}, kategori=[
    {"batas_bawah": 25, "label": "Tidak Baik"}, {"batas_bawah": 43.76, "label": "Kurang Baik"},
    {"batas_bawah": 62.51, "label": "Baik"}, {"batas_bawah": 81.26, "label": "Sangat Baik"}])


@pytest.mark.parametrize(("skor", "kategori"), [
    ("81.26", "Sangat Baik"), ("81.25", "Baik"), ("62.51", "Baik"), ("50", "Kurang Baik"),
    ("25", "Tidak Baik")])
def test_kategori_from_the_indicator_thresholds(tmp_path: Path, skor: str,
                                                kategori: str) -> None:
    r = result_of(office(tmp_path, IKM), "2026", rows(f"2026,skor,{skor}"), "ikm")
    assert r.kategori == kategori
    assert r.capaian == pytest.approx(float(skor) / 82 * 100)


def test_realisasi_below_the_kategori_scale(tmp_path: Path) -> None:
    r = result_of(office(tmp_path, IKM), "2026", rows("2026,skor,20"), "ikm")
    assert r.kategori is None
    assert codes(r) == [("kategori-below-scale", {"value": 20.0})]
    assert r.capaian == pytest.approx(20 / 82 * 100) and r.predikat == "Sangat Rendah"


def test_rate_below_first_threshold_is_none() -> None:
    scale = [Threshold(batas_bawah=10, label="a"), Threshold(batas_bawah=20, label="b")]
    assert rate(9.99, scale) is None
    assert rate(10, scale) == "a" and rate(19.99, scale) == "a" and rate(20, scale) == "b"


# --- the whole report ----------------------------------------------------------------------

def test_report_counts_statuses_and_predikat(tmp_path: Path) -> None:
    root = office(tmp_path, RASIO, PERSEN, KASUS,
                  indicator("suhu", "suhu", satuan="°C"),
                  indicator("bagi", "kasus / (sembuh - sembuh)", satuan="kasus"))
    values = [row for row in YEAR if row != "2026-TW4,sembuh,46"] + ["2026,penduduk,10000"]
    report = report_of(root, "2026", rows(*values))
    statuses = {r.indikator: r.status for r in report.hasil}
    assert statuses == {"rasio": "parsial", "persen": "lengkap", "kasus": "lengkap",
                        "suhu": "tanpa_data", "bagi": "galat"}
    # rasio: 104 / 200 × 100 = 52 → 52 / 80 × 100 = 65 → Rendah
    # persen: 200 / 10,000 × 100 = 2 → (2 − 2 / 2) × 100 = 100 → Sangat Tinggi
    # kasus: 200 / 100 × 100 = 200 → Sangat Tinggi
    assert by_id(report, "rasio").capaian == pytest.approx(65)
    assert report.ringkasan == {"indikator": 5, "lengkap": 2, "parsial": 1, "tanpa_data": 1,
                                "galat": 1, "predikat": {"Rendah": 1, "Sangat Tinggi": 2}}
    assert report.organisasi == {"nama": "Kantor Uji", "pemda": "Kabupaten Uji"}
