"""Performance over time (SPEC §7): earlier years, to date, a year's quarters, the plan.

The office of `helpers.riwayat_office` has quarterly values for 2025 and 2026; every
expected number is the arithmetic over those values, written out here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import by_id, indicator, load, make_office, read, riwayat_office, rows
from hypothesis import given, settings
from hypothesis import strategies as st

from iki_cli.evaluation.compute import compute
from iki_cli.evaluation.history import shown_capaian, unexplained
from iki_cli.evaluation.results import Report
from iki_cli.periods import parse_period
from iki_cli.values.analysis import Analisis


def report(tmp_path: Path, period: str) -> Report:
    root, values = riwayat_office(tmp_path)
    defs = load(root)
    return compute(defs, read(defs, [values]), parse_period(period))


# --- a year: the earlier year, the quarters, the plan ---------------------------------------

def test_a_year_has_the_earlier_year_its_quarters_and_the_plan(tmp_path: Path) -> None:
    r = by_id(report(tmp_path, "2026"), "kesembuhan")
    assert r.realisasi == pytest.approx((10 + 54 + 40 + 46) / (10 + 90 + 50 + 50) * 100) == 75
    assert r.capaian == pytest.approx(75 / 80 * 100)
    # 2025: Σsembuh / Σkasus, against the 2025 target 70
    [last] = r.sebelumnya
    assert last.periode == "2025" and last.status == "lengkap"
    assert last.realisasi == pytest.approx((12 + 21 + 20 + 17) / (20 + 30 + 25 + 25) * 100) == 70
    assert last.capaian == pytest.approx(70 / 70 * 100)
    # the quarters of 2026, each its own ratio; only TW2 has a target of its own (60)
    assert r.sd_periode is None and r.triwulan is not None
    assert [q.periode for q in r.triwulan] == ["2026-TW1", "2026-TW2", "2026-TW3", "2026-TW4"]
    assert [q.realisasi for q in r.triwulan] == pytest.approx(
        [10 / 10 * 100, 54 / 90 * 100, 40 / 50 * 100, 46 / 50 * 100])
    assert [q.capaian for q in r.triwulan] == [None, pytest.approx(60 / 60 * 100), None, None]
    # the plan: the 2029 target 90, the year's 75 against it, the baseline
    assert r.renstra is not None
    assert (r.renstra.akhir, r.renstra.target) == (2029, 90)
    assert r.renstra.capaian == pytest.approx(75 / 90 * 100)
    assert r.renstra.kondisi_awal is not None
    assert (r.renstra.kondisi_awal.tahun, r.renstra.kondisi_awal.nilai) == (2024, 65)


def test_a_negative_indicator_over_time(tmp_path: Path) -> None:
    r = by_id(report(tmp_path, "2026"), "angka-kematian")
    # deaths are a flow (summed), the population a stock (the last quarter's)
    assert r.realisasi == pytest.approx((8 + 10 + 9 + 9) / 12000 * 1000) == 3
    assert r.capaian == pytest.approx((2 - 3 / 4) * 100)
    [last] = r.sebelumnya
    assert last.realisasi == pytest.approx((12 + 14 + 11 + 13) / 10000 * 1000) == 5
    assert last.capaian == pytest.approx((2 - 5 / 5) * 100)
    assert r.renstra is not None and r.renstra.kondisi_awal is None
    assert r.renstra.capaian == pytest.approx((2 - 3 / 3) * 100)


def test_a_year_without_values_is_absent_not_zero(tmp_path: Path) -> None:
    r = by_id(report(tmp_path, "2026"), "indeks-kepuasan")  # no value before 2026
    assert r.sebelumnya == []
    assert r.realisasi == pytest.approx((78 + 80 + 82 + 84) / 4)
    assert r.renstra is not None and r.renstra.capaian == pytest.approx(81 / 85 * 100)


# --- a quarter: the same quarter last year, to date ----------------------------------------

def test_a_quarter_has_the_same_quarter_last_year_and_the_figures_to_date(
        tmp_path: Path) -> None:
    r = by_id(report(tmp_path, "2026-TW2"), "kesembuhan")
    assert r.realisasi == pytest.approx(54 / 90 * 100) == 60
    assert r.capaian == pytest.approx(60 / 60 * 100)  # its own quarterly target
    [last] = r.sebelumnya
    assert last.periode == "2025-TW2"
    assert last.realisasi == pytest.approx(21 / 30 * 100) == 70
    assert last.capaian is None  # no target for 2025-TW2
    # to date: January to June, Σ over TW1 and TW2, against the year's target 80
    sd = r.sd_periode
    assert sd is not None and sd.periode == "2026-S1" and sd.status == "lengkap"
    assert sd.realisasi == pytest.approx((10 + 54) / (10 + 90) * 100) == 64
    assert sd.realisasi != pytest.approx((100 + 60) / 2)  # not the mean of the ratios
    assert sd.target == 80
    assert sd.capaian == pytest.approx(64 / 80 * 100) == 80
    assert sd.predikat == "Tinggi"  # 76 ≤ 80 < 91
    assert r.triwulan is None
    assert r.renstra is not None and r.renstra.capaian == pytest.approx(60 / 90 * 100)


def test_a_quarter_without_a_target_of_its_own_is_rated_to_date(tmp_path: Path) -> None:
    r = by_id(report(tmp_path, "2026-TW2"), "angka-kematian")
    assert r.target is None and r.capaian is None
    sd = r.sd_periode
    assert sd is not None
    assert sd.realisasi == pytest.approx((8 + 10) / 10000 * 1000)
    assert sd.capaian == pytest.approx((2 - 1.8 / 4) * 100)
    assert shown_capaian(r) == sd.capaian
    [last] = r.sebelumnya
    assert last.realisasi == pytest.approx(14 / 9900 * 1000)


def test_a_month_to_date_is_a_span_from_january(tmp_path: Path) -> None:
    root = make_office(tmp_path, [indicator("rasio", "sembuh / kasus * 100",
                                            target={"2026": 80})])
    defs = load(root)
    data = rows(*(f"2026-{m:02d},kasus,10" for m in range(1, 10)),
                *(f"2026-{m:02d},sembuh,{m}" for m in range(1, 10)))
    path = tmp_path / "nilai.csv"
    path.write_text(data, encoding="utf-8")
    r = by_id(compute(defs, read(defs, [path]), parse_period("2026-09")), "rasio")
    assert r.realisasi == pytest.approx(9 / 10 * 100)
    assert r.sd_periode is not None and r.sd_periode.periode == "2026-01/2026-09"
    assert r.sd_periode.realisasi == pytest.approx(sum(range(1, 10)) / (9 * 10) * 100)
    assert r.sd_periode.capaian == pytest.approx(50 / 80 * 100)


def test_a_quarter_missing_to_date_is_partial(tmp_path: Path) -> None:
    root = make_office(tmp_path, [indicator("rasio", "sembuh / kasus * 100",
                                            target={"2026": 80})])
    defs = load(root)
    path = tmp_path / "nilai.csv"
    path.write_text(rows("2026-TW2,kasus,90", "2026-TW2,sembuh,54"), encoding="utf-8")
    r = by_id(compute(defs, read(defs, [path]), parse_period("2026-TW2")), "rasio")
    assert r.status == "lengkap"
    assert r.sd_periode is not None and r.sd_periode.status == "parsial"
    assert r.sd_periode.realisasi == pytest.approx(54 / 90 * 100)


# --- what counts as a year with values --------------------------------------------------------

def test_earlier_years_oldest_first_with_a_year_of_one_input_only(tmp_path: Path) -> None:
    root = make_office(tmp_path, [indicator("rasio", "sembuh / kasus * 100",
                                            target={"2024": 50, "2026": 80})])
    defs = load(root)
    path = tmp_path / "nilai.csv"
    path.write_text(rows("2023,kasus,10", "2023,sembuh,5", "2024,kasus,20", "2024,sembuh,12",
                         "2025,kasus,40", "2026,kasus,50", "2026,sembuh,45"),
                    encoding="utf-8")
    r = by_id(compute(defs, read(defs, [path]), parse_period("2026")), "rasio")
    assert [(p.periode, p.status) for p in r.sebelumnya] == [
        ("2023", "lengkap"), ("2024", "lengkap"), ("2025", "tanpa_data")]
    assert [p.realisasi for p in r.sebelumnya] == [5 / 10 * 100, 12 / 20 * 100, None]
    assert [p.capaian for p in r.sebelumnya] == [None, pytest.approx(60 / 50 * 100), None]
    assert r.triwulan == []  # the year's values are yearly: no quarter has values


def test_values_after_the_period_are_not_history(tmp_path: Path) -> None:
    root = make_office(tmp_path, [indicator("rasio", "sembuh / kasus * 100")])
    defs = load(root)
    path = tmp_path / "nilai.csv"
    path.write_text(rows("2027,kasus,10", "2027,sembuh,5", "2026,kasus,4", "2026,sembuh,2"),
                    encoding="utf-8")
    r = by_id(compute(defs, read(defs, [path]), parse_period("2026")), "rasio")
    assert r.sebelumnya == []


def test_no_plan_without_renstra_or_end_target(tmp_path: Path) -> None:
    root = make_office(tmp_path, [
        indicator("rasio", "sembuh / kasus * 100", target={"2026": 80, "2029": 90}),
        indicator("lain", "sembuh / kasus * 100", target={"2026": 80})],
        organisasi={"renstra": {"awal": 2025, "akhir": 2029}})
    other = make_office(tmp_path, [indicator("rasio", "sembuh / kasus * 100",
                                             target={"2026": 80, "2029": 90})], name="tanpa")
    path = tmp_path / "nilai.csv"
    path.write_text(rows("2026,kasus,10", "2026,sembuh,9"), encoding="utf-8")
    with_plan = compute(load(root), read(load(root), [path]), parse_period("2026"))
    assert by_id(with_plan, "rasio").renstra is not None
    assert by_id(with_plan, "lain").renstra is None  # no target for 2029
    without = compute(load(other), read(load(other), [path]), parse_period("2026"))
    assert by_id(without, "rasio").renstra is None  # no renstra in organisasi.yaml


def test_history_can_be_left_out(tmp_path: Path) -> None:
    root, values = riwayat_office(tmp_path)
    defs = load(root)
    r = by_id(compute(defs, read(defs, [values]), parse_period("2026-TW2"), history=False),
              "kesembuhan")
    assert r.sebelumnya == [] and r.sd_periode is None and r.renstra is None


# --- the analysis and --strict ------------------------------------------------------------

def test_below_target_without_a_hindering_factor_is_unexplained(tmp_path: Path) -> None:
    root, values = riwayat_office(tmp_path)
    defs = load(root)
    analyses = {("kepala", "kesembuhan"): Analisis("Tenaga cukup", None, "Pelatihan")}
    result = compute(defs, read(defs, [values]), parse_period("2026"), analyses=analyses)
    # kesembuhan 93,75 < 100 with no faktor_penghambat; angka-kematian 125 and
    # indeks-kepuasan 81 / 80 × 100 = 101,25 are at or above target
    assert [r.indikator for r in unexplained(result.hasil)] == ["kesembuhan"]
    assert by_id(result, "kesembuhan").analisis == analyses[("kepala", "kesembuhan")]
    assert by_id(result, "angka-kematian").analisis is None
    explained = {("kepala", "kesembuhan"): Analisis(None, "Kasus berat", None)}
    again = compute(defs, read(defs, [values]), parse_period("2026"), analyses=explained)
    assert unexplained(again.hasil) == []


def test_a_quarter_is_unexplained_by_its_capaian_to_date(tmp_path: Path) -> None:
    root, values = riwayat_office(tmp_path)
    defs = load(root)
    result = compute(defs, read(defs, [values]), parse_period("2026-TW2"))
    # kesembuhan: its own 60 / 60 = 100; angka-kematian: to date 155;
    # indeks-kepuasan: to date (78 + 80) / 2 / 80 × 100 = 98,75
    assert by_id(result, "indeks-kepuasan").sd_periode.capaian == pytest.approx(79 / 80 * 100)
    assert [r.indikator for r in unexplained(result.hasil)] == ["indeks-kepuasan"]


# --- the quick path of aggregation agrees with the general rule ----------------------------

@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["month", "quarter", "mixed"]),
       agregasi=st.sampled_from(["jumlah", "terakhir", "rata_rata", "maksimum"]),
       recorded=st.sets(st.integers(0, 23), max_size=24),
       asked=st.sampled_from(["2025", "2026", "2025-S2", "2026-TW1", "2026-TW3", "2025-07",
                              "2026-12", "2024", "2027-TW1"]))
def test_the_figure_of_a_period_is_the_aggregate_of_it(kind: str, agregasi: str,
                                                       recorded: set[int], asked: str) -> None:
    from iki_cli.definitions.model import Variabel
    from iki_cli.evaluation.aggregate import Aggregates, aggregate
    from iki_cli.periods import Period
    from iki_cli.values.ingest import Entry, Values

    periods: dict[Period, Entry] = {}
    for n in sorted(recorded):
        if kind == "month" or (kind == "mixed" and n % 5):
            p = Period.of(2025 + n // 12, n % 12 + 1, n % 12 + 1)
        else:
            q = (n % 12) // 3
            p = Period.of(2025 + n // 12, 3 * q + 1, 3 * q + 3)
        if not any(p.start <= o.end and o.start <= p.end for o in periods):
            periods[p] = Entry(float(n * 7 % 11), 0, n)
    var = Variabel(id="x", uraian="x", agregasi=agregasi)
    values = Values(entries={"x": periods})
    period = parse_period(asked)
    expected = aggregate(var, periods, period)
    value, complete, seen = Aggregates({"x": var}, values).figure("x", period)
    assert (value, complete, seen) == (pytest.approx(expected.value) if expected.value
                                       is not None else None, expected.coverage.complete,
                                       bool(expected.coverage.used))


@settings(max_examples=300, deadline=None)
@given(agregasi=st.sampled_from(["jumlah", "terakhir", "rata_rata", "maksimum"]),
       recorded=st.lists(st.integers(0, 35), unique=True, max_size=36),
       size=st.sampled_from([1, 3]))
def test_the_figures_of_a_history_do_not_depend_on_the_order_values_were_read(
        agregasi: str, recorded: list[int], size: int) -> None:
    """Values read out of order (or with gaps) give the figures of the same values in order."""
    from iki_cli.definitions.model import Variabel
    from iki_cli.evaluation.aggregate import Aggregates, aggregate
    from iki_cli.periods import Period
    from iki_cli.values.ingest import Entry, Values

    months = [n * size for n in recorded if n * size < 36]  # in the order drawn
    in_read_order = {Period.of(2024 + m // 12, m % 12 + 1, m % 12 + size):
                     Entry(float(m * 3 % 13), 0, m) for m in months}
    var = Variabel(id="x", uraian="x", agregasi=agregasi)
    asked = [parse_period(p) for p in ("2024", "2025", "2026", "2025-TW2", "2026-S2", "2024-12")]
    found = Aggregates({"x": var}, Values(entries={"x": in_read_order})).figures("x", asked)
    for period, (value, complete, seen) in zip(asked, found, strict=True):
        expected = aggregate(var, in_read_order, period)
        assert seen == bool(expected.coverage.used)
        assert complete == expected.coverage.complete
        assert value == (pytest.approx(expected.value) if expected.value is not None else None)
