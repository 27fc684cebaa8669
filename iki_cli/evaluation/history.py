"""Performance over time (SPEC §7): earlier years, the figures to date, a year's quarters,
and the plan (Renstra).

Every figure is computed like the period's own: each variable aggregated to the
figure's period by its `agregasi`, then the formula once (a ratio to date is
Σnumerator / Σdenominator from January, never a mean of monthly ratios). Each
variable is aggregated to each period once (`Aggregates`), whichever and however
many indicators use it, so the history of a report costs one aggregation per
variable and period, not one per indicator.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import formula
from ..definitions.loading import Definitions
from ..definitions.model import CapaianRules, Indikator, Threshold
from ..numbers import round_half_up
from ..periods import Period, PeriodError, parse_period
from .achievement import capaian, rate
from .aggregate import Aggregates
from .results import RenstraHasil, Result, SampaiDengan, Status, Titik


def targets_by_period(ind: Indikator) -> dict[Period, float]:
    """The indicator's targets by period (a key that is no period is left to validate)."""
    out: dict[Period, float] = {}
    for key, value in ind.target.items():
        try:
            out[parse_period(key)] = value
        except PeriodError:
            continue
    return out


class History:
    """The history of one report's period: which other periods each indicator is given."""

    def __init__(self, defs: Definitions, aggregates: Aggregates, period: Period) -> None:
        org = defs.organisasi.model if defs.organisasi else None
        self.defs = defs
        self.aggregates = aggregates
        self.period = period
        self.rules = org.capaian if org else CapaianRules()
        self.scale: list[Threshold] = list(org.predikat) if org else []
        self.plan = org.renstra if org else None
        # The same period of each earlier year with any value (the indicator's own
        # variables decide, per indicator, whether it is shown).
        self.earlier = _coded(period.shifted(year - period.year)
                              for year in aggregates.years() if year < period.year)
        self.to_date = period.year_to_date() if period.months < 12 and \
            period.kind != "span" else None
        self.quarters = _coded(Period.of(period.year, q, q + 2) for q in (1, 4, 7, 10)) \
            if period.kind == "year" else None
        self.year = Period.of(period.year)
        self.to_date_code = self.to_date.code if self.to_date else ""
        # Every period of the history, in one list: the earlier years, the quarters, to date
        self.periods = [p for p, _ in self.earlier + (self.quarters or [])] + (
            [self.to_date] if self.to_date else [])
        self._by_variable: dict[str, list[tuple[float | None, bool, bool]]] = {}
        self.end = Period.of(self.plan.akhir) if self.plan else None

    def fill(self, result: Result, ind: Indikator) -> None:
        """Give `result` (of `ind`, for the report's period) its figures of SPEC §7."""
        key = (result.jabatan, ind.id)
        names = self.defs.variable_names(key)
        targets = targets_by_period(ind)
        # Every period of the history at once: each variable's figures over all of them
        # are found once (`_series`) for every indicator that uses the variable.
        evaluate = self.defs.evaluator(key)
        series = [self._series(name) for name in names]
        by_period = zip(*series, strict=True) if series else [()] * len(self.periods)
        figures = [_realise(evaluate, names, inputs) for inputs in by_period]
        result.sebelumnya = self._points(ind, targets, self.earlier, figures, 0)
        if self.quarters is not None:
            result.triwulan = self._points(ind, targets, self.quarters, figures,
                                           len(self.earlier))
        if self.to_date is not None:
            result.sd_periode = self._to_date(ind, targets, self.to_date, figures[-1])
        result.renstra = self._plan(ind, targets, result.realisasi)

    def _series(self, name: str) -> list[tuple[float | None, bool, bool]]:
        found = self._by_variable.get(name)
        if found is None:
            found = self._by_variable[name] = self.aggregates.figures(name, self.periods)
        return found

    def _capaian(self, ind: Indikator, realisasi: float | None,
                 target: float | None) -> float | None:
        if realisasi is None or target is None:
            return None
        return capaian(realisasi, target, ind.polaritas, self.rules)[0]

    def _points(self, ind: Indikator, targets: dict[Period, float],
                periods: list[tuple[Period, str]],
                figures: list[tuple[float | None, Status, bool]], first: int) -> list[Titik]:
        """The figures of `periods` in which the indicator has any value (none: absent)."""
        out = []
        for (period, code), (realisasi, status, seen) in zip(
                periods, figures[first:first + len(periods)], strict=True):
            if seen:
                target = targets.get(period) if targets else None
                out.append(Titik(code, realisasi, None if target is None else
                                 self._capaian(ind, realisasi, target), status))
        return out

    def _to_date(self, ind: Indikator, targets: dict[Period, float], period: Period,
                 figure: tuple[float | None, Status, bool]) -> SampaiDengan:
        realisasi, status, _ = figure
        target = targets.get(self.year)
        value = self._capaian(ind, realisasi, target)
        predikat = rate(value, self.scale) if value is not None else None
        return SampaiDengan(self.to_date_code, realisasi, target, value, predikat, status)

    def _plan(self, ind: Indikator, targets: dict[Period, float],
              realisasi: float | None) -> RenstraHasil | None:
        if self.plan is None or self.end is None:
            return None
        end = targets.get(self.end)
        if end is None:
            return None
        return RenstraHasil(self.plan.akhir, end, self._capaian(ind, realisasi, end),
                            ind.kondisi_awal)


def _realise(evaluate: formula.Evaluator, names: tuple[str, ...],
             inputs: tuple[tuple[float | None, bool, bool], ...],
             ) -> tuple[float | None, Status, bool]:
    """(realisasi, status, whether any input has a value) of the formula on `inputs`,
    each variable's (value, complete, any value) over one period."""
    nilai: dict[str, float] = {}
    status: Status = "lengkap"
    seen = absent = False
    for name, (value, complete, any_value) in zip(names, inputs, strict=True):
        if any_value:
            seen = True
        if value is None:
            absent = True
        else:
            nilai[name] = value
            if not complete:
                status = "parsial"
    if absent:
        return None, "tanpa_data", seen
    try:
        return evaluate(nilai), status, seen
    except formula.EvaluationError:
        return None, "galat", seen


def _coded(periods: Iterable[Period]) -> list[tuple[Period, str]]:
    return [(p, p.code) for p in periods]


def shown_capaian(result: Result) -> float | None:
    """The capaian a report rates the period by: its own, else the one to date.

    A quarter or month without a target of its own is rated by its figures to
    date against the year's target (SPEC §7).
    """
    if result.capaian is not None:
        return result.capaian
    return result.sd_periode.capaian if result.sd_periode is not None else None


def unexplained(results: Iterable[Result]) -> list[Result]:
    """The results below target (as printed, 2 decimals) without a `faktor_penghambat`."""
    out = []
    for r in results:
        value = shown_capaian(r)
        if value is None or round_half_up(value, 2) >= 100:
            continue
        if r.analisis is None or not r.analisis.faktor_penghambat:
            out.append(r)
    return out
