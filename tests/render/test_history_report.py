"""A year's and a quarter's report of an office with two years of values (SPEC §7): every
figure over time, as the report prints it, against the arithmetic over the values.

The office of `helpers.riwayat_office`: the values are listed there, and the arithmetic
of each figure is written out here (and in docs/compute.md, "Worked example").
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import load, read, riwayat_office

from iki_cli.evaluation.compute import compute
from iki_cli.numbers import format_number
from iki_cli.periods import parse_period
from iki_cli.render import render_report
from iki_cli.values.analysis import Analisis

ANALYSES = {("kepala", "kesembuhan"): Analisis(
    "Tenaga kesehatan cukup", "Kasus berat <b>di TW2</b> | obat terlambat",
    "Pengadaan obat dipercepat")}


def n(value: float, decimals: int = 2) -> str:
    """A number as the Indonesian report writes it (the notation is tested elsewhere)."""
    return format_number(value, decimals, "id")


@pytest.fixture
def office(tmp_path: Path):  # type: ignore[no-untyped-def]
    root, values = riwayat_office(tmp_path)
    defs = load(root)
    return defs, read(defs, [values])


def report(office, period: str, fmt: str, lang: str = "id") -> str:  # type: ignore[no-untyped-def]
    defs, values = office
    return render_report(compute(defs, values, parse_period(period), analyses=ANALYSES), defs,
                         fmt, lang)


def row(md: str, number: str) -> str:
    """The Markdown table row of indicator `number` in the per-position table."""
    found = re.compile(rf'^\| (<a id="[^"]*"></a>)?{re.escape(number)} \|')
    return next(line for line in md.splitlines() if found.match(line))


def lkjip_row(md: str, number: str) -> str:
    return next(line for line in md.splitlines()
                if re.match(rf"^\| [^|]* \| {re.escape(number)} ", line))


# --- the year -------------------------------------------------------------------------------

def test_a_year_compares_with_the_year_before_and_the_plan(office) -> None:
    md = report(office, "2026", "md")
    kesembuhan = row(md, "1.1")
    this_year = (10 + 54 + 40 + 46) / (10 + 90 + 50 + 50) * 100  # 75
    last_year = (12 + 21 + 20 + 17) / (20 + 30 + 25 + 25) * 100  # 70
    assert (f"Perkembangan antartahun: Tahun 2025: {n(last_year)} (capaian "
            f"{n(last_year / 70 * 100)}); Tahun 2026: {n(this_year)} ↑ "
            f"{n(this_year - last_year)} % (membaik)") in kesembuhan
    quarters = [10 / 10 * 100, 54 / 90 * 100, 40 / 50 * 100, 46 / 50 * 100]
    assert (f"Per triwulan: TW1 {n(quarters[0])}; TW2 {n(quarters[1])} (capaian "
            f"{n(quarters[1] / 60 * 100)}); TW3 {n(quarters[2])}; TW4 {n(quarters[3])}"
            ) in kesembuhan
    assert (f"Target akhir Renstra 2029: {n(90)}, Capaian thd Renstra "
            f"{n(this_year / 90 * 100)}") in kesembuhan
    assert f"Kondisi awal (2024): {n(65)}" in kesembuhan
    # a falling death rate is better: ↓ judged by the negative polarity
    kematian = row(md, "1.2")
    rate_2026, rate_2025 = 36 / 12000 * 1000, 50 / 10000 * 1000
    assert (f"Tahun 2026: {n(rate_2026)} ↓ {n(rate_2025 - rate_2026)} per 1.000 penduduk "
            "(membaik)") in kematian
    assert "Kondisi awal" not in kematian
    # no value before 2026: no earlier year at all, not a year of zeros
    assert "Perkembangan antartahun" not in row(md, "1.3")


def test_the_lkjip_table_and_the_analysis(office) -> None:
    md = report(office, "2026", "md")
    assert ("| Sasaran | Indikator | Target | Realisasi | Capaian (%) | Realisasi tahun lalu | "
            "Target akhir Renstra | Capaian thd Renstra |") in md
    this_year, last_year = 150 / 200 * 100, 70 / 100 * 100
    assert lkjip_row(md, "1.1") == (
        f"| Meningkatnya layanan | 1.1 Persentase kasus yang sembuh (%) | {n(80)} | "
        f"{n(this_year)} | {n(this_year / 80 * 100)} | {n(last_year)} | {n(90)} (2029) | "
        f"{n(this_year / 90 * 100)} |")
    assert lkjip_row(md, "1.3") == (
        f"|  | 1.3 Indeks kepuasan (indeks) | {n(80)} | {n(81)} | {n(81 / 80 * 100)} | – | "
        f"{n(85)} (2029) | {n(81 / 85 * 100)} |")
    assert "**Analisis: 1.1 Persentase kasus yang sembuh**" in md
    assert "- *Faktor pendukung*: Tenaga kesehatan cukup" in md
    assert r"- *Faktor penghambat*: Kasus berat &lt;b&gt;di TW2&lt;/b&gt; \| obat terlambat" in md
    assert "- *Tindak lanjut*: Pengadaan obat dipercepat" in md


# --- the quarter -------------------------------------------------------------------------------

def test_a_quarter_shows_the_same_quarter_last_year_and_the_figures_to_date(office) -> None:
    md = report(office, "2026-TW2", "md")
    kesembuhan = row(md, "1.1")
    quarter, last = 54 / 90 * 100, 21 / 30 * 100  # 60 and 70
    to_date = (10 + 54) / (10 + 90) * 100  # 64, not (100 + 60) / 2
    assert (f"Triwulan II Tahun 2025: {n(last)}; Triwulan II Tahun 2026: {n(quarter)} ↓ "
            f"{n(last - quarter)} % (memburuk)") in kesembuhan
    assert (f"s.d. Triwulan II Tahun 2026: Realisasi {n(to_date)}, Target {n(80)}, capaian "
            f"{n(to_date / 80 * 100)} (Tinggi)") in kesembuhan
    kematian = row(md, "1.2")
    to_date_rate = (8 + 10) / 10000 * 1000
    assert (f"s.d. Triwulan II Tahun 2026: Realisasi {n(to_date_rate)}, Target {n(4)}, "
            f"capaian {n((2 - to_date_rate / 4) * 100)} (Sangat Tinggi)") in kematian
    # the LKjIP table rates the quarter without a target of its own by the figures to date
    assert lkjip_row(md, "1.2") == (
        f"|  | 1.2 Angka kematian per 1.000 penduduk (per 1.000 penduduk)<br>\\* capaian "
        f"s.d. Triwulan II Tahun 2026: realisasi {n(to_date_rate)} terhadap target tahunan "
        f"{n(4)} | – | {n(10 / 10000 * 1000)} | {n((2 - to_date_rate / 4) * 100)}\\* | "
        f"{n(14 / 9900 * 1000)} | {n(3)} (2029) | {n((2 - 1 / 3) * 100)} |")
    assert "Per triwulan" not in md  # a quarter has no quarters
    # the summary: to date, kesembuhan 64 / 80 × 100 = 80 and indeks-kepuasan 79 / 80 × 100
    # = 98,75 are below the year's target, angka-kematian's 155 above it
    assert ("s.d. Triwulan II Tahun 2026: 1 dari 3 indikator mencapai atau melampaui target "
            "tahunan") in md
    assert "mencapai atau melampaui target tahunan" not in report(office, "2026", "md")


def test_the_quarter_in_english(office) -> None:
    md = report(office, "2026-TW2", "md", "en")
    to_date = 64.0
    assert (f"Year to date, Quarter 2 2026: Value {format_number(to_date, 2, 'en')}") in md
    assert "Quarter 2 2025: 70.00; Quarter 2 2026: 60.00 ↓ 10.00 % (worse)" in md


# --- HTML: the same figures, the trend chart ----------------------------------------------------

class _Svg(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.charts: list[dict[str, list[dict[str, str | None]]]] = []
        self.texts: list[list[str]] = []
        self._in_text = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "svg" and dict(attrs).get("class") == "tren":
            self.charts.append({})
            self.texts.append([])
        elif self.charts and tag in ("circle", "path"):
            self.charts[-1].setdefault(tag, []).append(dict(attrs))
        self._in_text = tag == "text" and bool(self.charts)

    def handle_data(self, data: str) -> None:
        if self._in_text and self.texts:
            self.texts[-1].append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_text = False


def test_the_html_year_report_has_the_trend_charts(office) -> None:
    html = report(office, "2026", "html")
    assert (f"<strong>{n(75)}</strong> <span class=\"perubahan-baik\">↑ {n(5)} % "
            "(membaik)</span>") in html
    assert "Kasus berat &lt;b&gt;di TW2&lt;/b&gt; | obat terlambat" in html  # escaped
    svg = _Svg()
    svg.feed(html)
    # kesembuhan and angka-kematian over 2025–2026; indeks-kepuasan over its quarters
    assert len(svg.charts) == 3
    kesembuhan, _, kepuasan = svg.texts
    assert kesembuhan == [f"2029: {n(90)}", "2025", n(70), "2026", n(75)]
    assert kepuasan[1:] == ["TW1", n(78), "TW2", n(80), "TW3", n(82), "TW4", n(84)]
    # each year's target is a dashed mark at its height: 70 for 2025, 80 for 2026
    [marks] = [p["d"] for p in svg.charts[0]["path"] if p.get("class") == "target"]
    y = [int(m.split()[1].removesuffix("h18")) for m in (marks or "").split("M")[1:]]
    assert len(y) == 2
    dots = [int(c["cy"] or 0) for c in svg.charts[0]["circle"]]
    assert dots[0] == y[0]  # 2025's realisasi equals its target (70)
    assert y[1] < dots[1]  # 2026's target 80 is drawn above its realisasi 75 (y grows down)
    assert [p.get("class") for p in svg.charts[0]["path"]] == [
        "sumbu", "akhir", "target", "garis"]


def test_a_partial_point_is_hollow(tmp_path: Path) -> None:
    from helpers import indicator, make_office, rows

    root = make_office(tmp_path, [indicator("rasio", "sembuh / kasus * 100",
                                            target={"2025": 50, "2026": 60})])
    defs = load(root)
    path = tmp_path / "nilai.csv"
    path.write_text(rows("2025,kasus,10", "2025,sembuh,5", "2026-TW1,kasus,10",
                         "2026-TW1,sembuh,7"), encoding="utf-8")
    html = render_report(compute(defs, read(defs, [path]), parse_period("2026")), defs, "html")
    svg = _Svg()
    svg.feed(html)
    # 2026 has only its first quarter: provisional, a hollow dot
    assert [c["class"] for c in svg.charts[0]["circle"]] == ["titik", "parsial"]
