"""What the reports show of an indicator over time (SPEC §7): the views of `i.riwayat`.

The earlier years with the change from the year before (judged by polarity:
a falling death rate is good), the figures to date, the quarters of a year,
the plan's end target and progress, the baseline, the office's analysis,
the trend chart, and the row of the LKjIP table. Built once per report from
the results; the templates `_riwayat.*` and `_lkjip.*` only lay them out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from ..definitions.loading import Definitions
from ..definitions.model import Indikator
from ..evaluation.history import targets_by_period
from ..evaluation.results import Report, Result
from ..i18n import labels
from ..numbers import round_half_up
from ..periods import Period, parse_period
from ..values.analysis import Analisis
from .palette import rating_colour
from .periode import period_words as words_of
from .trend import TrendPoint, trend_svg
from .views import JabatanView

# The colour of a change judged better or worse (the same as the rating scale's ends).
BETTER, WORSE = "#2e7d32", "#c62828"


@dataclass(slots=True)
class Perubahan:
    """The change of a realisasi from the figure before it, in the indicator's unit."""

    dibanding: str  # the period compared with, in words
    selisih: float  # the difference, never negative: `arah` says which way
    arah: str  # `naik`, `turun` or `tetap`
    tanda: str  # ↑, ↓ or =
    nilai: str  # `baik`, `buruk` or `tetap`, judged by the indicator's polarity
    warna: str


@dataclass(slots=True)
class TitikView:
    """One period of the indicator's history (an earlier year, a quarter, the period)."""

    periode: str
    label: str  # the period in words
    sumbu: str  # its short label on the trend chart's axis
    realisasi: float | None
    target: float | None
    capaian: float | None
    status: str
    perubahan: Perubahan | None = None


@dataclass(slots=True)
class SampaiDenganView:
    """The figures to date (January to the end of the period) against the year's target."""

    periode: str
    label: str  # `s.d. Triwulan II Tahun 2026`
    realisasi: float | None
    target: float | None
    capaian: float | None
    predikat: str | None
    status: str
    warna: str


@dataclass(slots=True)
class RenstraView:
    akhir: int
    target: float
    capaian: float | None


@dataclass(slots=True)
class KondisiAwalView:
    tahun: int
    nilai: float


@dataclass(slots=True)
class Baris:
    """The figures of the LKjIP table for one indicator: the period's own target and
    realisasi, and its capaian, or, when it has no target of its own, the capaian to date
    (`sd` is then the view of the figures to date, shown beside it)."""

    target: float | None
    realisasi: float | None
    capaian: float | None
    sd: SampaiDenganView | None
    tahun_lalu: float | None
    sementara: bool  # computed from incomplete data (`parsial`): provisional


@dataclass(slots=True)
class Riwayat:
    """An indicator over time, as the report shows it (`i.riwayat`)."""

    sebelumnya: list[TitikView]  # the same period of the earlier years, oldest first
    sekarang: TitikView  # the period itself, with its change from the last earlier year
    sd_periode: SampaiDenganView | None
    triwulan: list[TitikView]
    renstra: RenstraView | None
    kondisi_awal: KondisiAwalView | None
    analisis: Analisis | None
    lkjip: Baris
    desimal: int
    lang: str

    @property
    def tren(self) -> Markup:
        """The trend chart (SVG), or empty with fewer than two points: drawn when asked
        (by the HTML report), so that thousands of charts are never all held at once."""
        # Years on the axis when there are earlier years; else a year's quarters
        series = [*self.sebelumnya, self.sekarang] if self.sebelumnya or not self.triwulan \
            else self.triwulan
        return _trend(series, self.renstra, self.desimal, self.lang)

    @property
    def ada(self) -> bool:
        """Whether there is anything over time to show (the analysis is shown apart)."""
        return bool(self.sebelumnya or self.sd_periode or self.triwulan or self.renstra
                    or self.kondisi_awal)


# --- periods in words ------------------------------------------------------------------------

@lru_cache(maxsize=1024)  # a report names the same few periods thousands of times
def period_words(code: str, lang: str) -> str:
    """`2026-TW2` → `Triwulan II Tahun 2026` (en: `Quarter 2 2026`), as reports write them;
    a span's code (`2026-01/2026-09`) too."""
    if "/" in code:
        first, last = (parse_period(part) for part in code.split("/"))
        return words_of(Period(first.start, last.end), lang)
    return words_of(parse_period(code), lang)


@lru_cache(maxsize=1024)
def _axis(code: str, lang: str, by_year: bool) -> str:
    p = parse_period(code)
    if by_year or p.kind == "year":
        return str(p.year)
    return labels(lang)["sumbu_triwulan"].format(k=p.number)


# --- building the views ----------------------------------------------------------------------

def _change(before: TitikView, after: TitikView, polaritas: str,
            desimal: int) -> Perubahan | None:
    if before.realisasi is None or after.realisasi is None:
        return None
    diff = after.realisasi - before.realisasi
    if not math.isfinite(diff):  # two huge values: no difference to print
        return None
    if abs(diff) < 0.5 * 10.0 ** -desimal:  # 0 once rounded half-up to the decimals shown
        return Perubahan(before.label, 0.0, "tetap", "=", "tetap", "#444")
    up = diff > 0
    good = up if polaritas == "positif" else not up
    return Perubahan(before.label, abs(diff), "naik" if up else "turun", "↑" if up else "↓",
                     "baik" if good else "buruk", BETTER if good else WORSE)


def _with_changes(points: list[TitikView], polaritas: str, desimal: int) -> None:
    for before, after in zip(points, points[1:], strict=False):
        after.perubahan = _change(before, after, polaritas, desimal)


def history_view(r: Result, ind: Indikator, period: str, scale: list[str],
                 lang: str) -> Riwayat:
    """The report's view of one result (of indicator `ind`, for `period`) over time."""
    targets = targets_by_period(ind)
    desimal = ind.desimal

    def point(code: str, realisasi: float | None, capaian: float | None, status: str,
              axis_by_year: bool = True) -> TitikView:
        return TitikView(code, period_words(code, lang), _axis(code, lang, axis_by_year),
                         realisasi, targets.get(parse_period(code)), capaian, status)

    earlier = [point(p.periode, p.realisasi, p.capaian, p.status) for p in r.sebelumnya]
    now = point(period, r.realisasi, r.capaian, r.status)
    _with_changes([*earlier, now], r.polaritas, desimal)
    quarters = [point(q.periode, q.realisasi, q.capaian, q.status, axis_by_year=False)
                for q in r.triwulan or []]
    _with_changes(quarters, r.polaritas, desimal)
    sd = None
    if r.sd_periode is not None:
        s = r.sd_periode
        sd = SampaiDenganView(s.periode, labels(lang)["sd"].format(
            periode=period_words(period, lang)), s.realisasi, s.target, s.capaian,
            s.predikat, s.status, rating_colour(s.predikat, scale))
    plan = RenstraView(r.renstra.akhir, r.renstra.target, r.renstra.capaian) \
        if r.renstra is not None else None
    base = ind.kondisi_awal
    last_year = _last_year(earlier, period)
    if r.capaian is None and sd is not None and sd.capaian is not None:
        row = Baris(r.target, r.realisasi, sd.capaian, sd, last_year, sd.status == "parsial")
    else:
        row = Baris(r.target, r.realisasi, r.capaian, None, last_year, r.status == "parsial")
    return Riwayat(earlier, now, sd, quarters, plan,
                   KondisiAwalView(base.tahun, base.nilai) if base else None, r.analisis, row,
                   desimal, lang)


def _last_year(earlier: list[TitikView], code: str) -> float | None:
    """The realisasi of the same period exactly one year before, if it has one."""
    wanted = parse_period(code).shifted(-1).code
    for p in earlier:
        if p.periode == wanted:
            return p.realisasi
    return None


def _trend(series: list[TitikView], plan: RenstraView | None, desimal: int,
           lang: str) -> Markup:
    points = [TrendPoint(p.sumbu, p.realisasi, p.target, p.status == "parsial")
              for p in series]
    if sum(p.nilai is not None for p in points) < 2:
        return Markup()
    return trend_svg(points, desimal, lang, labels(lang)["tren_label"],
                     end=(str(plan.akhir), plan.target) if plan else None)


@dataclass(slots=True)
class RingkasanSd:
    """The office's progress to date, for a period shorter than a year (the summary)."""

    label: str  # `s.d. Triwulan II Tahun 2026`
    tercapai: int  # indicators whose capaian to date, as printed, is at least 100
    dihitung: int  # indicators with a capaian to date


def to_date_summary(report: Report, lang: str) -> RingkasanSd | None:
    """How many indicators reach the year's target to date; None for a year."""
    found = [r.sd_periode.capaian for r in report.hasil
             if r.sd_periode is not None and r.sd_periode.capaian is not None]
    if not any(r.sd_periode is not None for r in report.hasil):
        return None
    reached = sum(1 for value in found if round_half_up(value, 2) >= 100)  # as printed
    return RingkasanSd(labels(lang)["sd"].format(periode=period_words(report.periode, lang)),
                       reached, len(found))


def attach_history(positions: list[JabatanView], report: Report, defs: Definitions,
                   lang: str) -> None:
    """Give every indicator view of the period report its `riwayat`."""
    results = {(r.jabatan, r.indikator): r for r in report.hasil}
    for pos in positions:
        model = defs.positions.get(pos.id)
        if model is None:
            continue
        indicators = {ind.id: ind for sas in model.sasaran for ind in sas.indikator}
        for view in pos.indikator:
            found = results.get((pos.id, view.id))
            ind = indicators.get(view.id)
            if found is not None and ind is not None:
                view.riwayat = history_view(found, ind, report.periode,
                                            report.predikat_scale, lang)
