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
from ..definitions.model import CapaianRules, Indikator, Threshold, Variabel
from ..numbers import round_half_up
from ..periods import Period, PeriodError, parse_period
from ..values.ingest import Values
from .achievement import capaian, rate
from .aggregate import Aggregate, aggregate
from .results import RenstraHasil, Result, SampaiDengan, Status, Titik


class Aggregates:
    """Each variable aggregated to each period once, shared by all indicators using it."""

    def __init__(self, catalogue: dict[str, Variabel], values: Values) -> None:
        self.catalogue = catalogue
        self.entries = values.entries
        self._by_period: dict[Period, dict[str, Aggregate]] = {}
        self._years: list[int] | None = None

    def at(self, period: Period) -> dict[str, Aggregate]:
        """The aggregates of `period` found so far, by variable (filled as they are asked)."""
        found = self._by_period.get(period)
        if found is None:
            found = self._by_period[period] = {}
        return found

    def of(self, name: str, period: Period) -> Aggregate:
        """Variable `name` aggregated to `period`."""
        known = self.at(period)
        agg = known.get(name)
        if agg is None:
            agg = known[name] = aggregate(self.catalogue[name], self.entries.get(name, {}),
                                          period)
        return agg

    def years(self) -> list[int]:
        """Every year some value was recorded in, oldest first."""
        if self._years is None:
            found: set[int] = set()
            for recorded in self.entries.values():
                found.update(p.year for p in recorded)
            self._years = sorted(found)
        return self._years


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
        self.earlier = [period.shifted(year - period.year) for year in aggregates.years()
                        if year < period.year]
        self.to_date = period.year_to_date() if period.months < 12 and \
            period.kind != "span" else None
        self.quarters = [Period.of(period.year, q, q + 2) for q in (1, 4, 7, 10)] \
            if period.kind == "year" else None

    def fill(self, result: Result, ind: Indikator) -> None:
        """Give `result` (of `ind`, for the report's period) its figures of SPEC §7."""
        key = (result.jabatan, ind.id)
        node = self.defs.formulas[key]
        names = self.defs.variable_names(key)
        targets = targets_by_period(ind)
        result.sebelumnya = self._points(node, names, ind, targets, self.earlier)
        if self.quarters is not None:
            result.triwulan = self._points(node, names, ind, targets, self.quarters)
        if self.to_date is not None:
            result.sd_periode = self._to_date(node, names, ind, targets, self.to_date)
        result.renstra = self._plan(ind, targets, result.realisasi)

    def _realise(self, node: formula.Node, names: tuple[str, ...], period: Period,
                 ) -> tuple[float | None, Status, bool]:
        """(realisasi, status, whether any input has a value) of the formula over `period`."""
        of = self.aggregates.of
        nilai: dict[str, float] = {}
        status: Status = "lengkap"
        seen = False
        for name in names:
            agg = of(name, period)
            if agg.coverage.used:
                seen = True
            if agg.value is None:
                status = "tanpa_data"
                continue
            nilai[name] = agg.value
            if agg.coverage.missing and status == "lengkap":
                status = "parsial"
        if status == "tanpa_data":
            return None, status, seen
        try:
            return formula.evaluate(node, nilai), status, seen
        except formula.EvaluationError:
            return None, "galat", seen

    def _capaian(self, ind: Indikator, realisasi: float | None,
                 target: float | None) -> float | None:
        if realisasi is None or target is None:
            return None
        return capaian(realisasi, target, ind.polaritas, self.rules)[0]

    def _points(self, node: formula.Node, names: tuple[str, ...], ind: Indikator,
                targets: dict[Period, float], periods: Iterable[Period]) -> list[Titik]:
        """The figures of `periods` in which the indicator has any value (none: absent)."""
        out = []
        for period in periods:
            realisasi, status, seen = self._realise(node, names, period)
            if seen:
                out.append(Titik(period.code, realisasi, status=status,
                                 capaian=self._capaian(ind, realisasi, targets.get(period))))
        return out

    def _to_date(self, node: formula.Node, names: tuple[str, ...], ind: Indikator,
                 targets: dict[Period, float], period: Period) -> SampaiDengan:
        realisasi, status, _ = self._realise(node, names, period)
        target = targets.get(Period.of(period.year))
        value = self._capaian(ind, realisasi, target)
        predikat = rate(value, self.scale) if value is not None else None
        return SampaiDengan(period.code, realisasi, target, value, predikat, status)

    def _plan(self, ind: Indikator, targets: dict[Period, float],
              realisasi: float | None) -> RenstraHasil | None:
        if self.plan is None:
            return None
        end = targets.get(Period.of(self.plan.akhir))
        if end is None:
            return None
        return RenstraHasil(self.plan.akhir, end, self._capaian(ind, realisasi, end),
                            ind.kondisi_awal)


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
