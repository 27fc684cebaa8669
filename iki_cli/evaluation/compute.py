"""Evaluation (SPEC §2–§3): aggregate each variable to the period, evaluate, rate.

Each variable is aggregated to the requested period first, by its
`agregasi`, and the formula is evaluated once on the aggregates: a yearly
ratio is Σnumerator / Σdenominator, never an average of quarterly ratios.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from .. import formula
from ..definitions.hierarchy import position_order
from ..definitions.loading import Definitions
from ..definitions.model import CapaianRules, Indikator
from ..periods import Period, PeriodError, parse_period
from ..values.analysis import Analisis
from ..values.ingest import Values
from .achievement import capaian, rate
from .aggregate import Aggregate, Aggregates
from .history import History
from .plausibility import broken_rules, mark_results
from .results import Pesan, Report, Result


def evaluate_indicator(defs: Definitions, jabatan: str, sasaran: str, ind: Indikator,
                       values: Values, period: Period, *,
                       aggregates: Aggregates | None = None) -> Result:
    """Aggregate the formula's variables to `period`, evaluate, and rate one indicator.

    `aggregates` keeps each variable's aggregates across calls for the same values,
    so a variable used by several indicators is aggregated once per period.
    """
    catalogue = defs.variables
    org = defs.organisasi.model if defs.organisasi else None
    names = defs.variable_names((jabatan, ind.id))
    nilai: dict[str, float] = {}
    pesan: list[Pesan] = []
    masukan: dict[str, Aggregate] = {}
    absent = False
    of = (aggregates or Aggregates(catalogue, values)).of
    too_large = False
    for name in names:
        agg = masukan[name] = of(name, period)
        if agg.value is None:
            absent = True
            pesan.append(Pesan("no-value", {"var": name, "period": period.code}))
            continue
        if not math.isfinite(agg.value):  # two huge values summed: no number holds it
            too_large = True
            pesan.append(Pesan("value-too-large", {"var": name}))
            continue
        nilai[name] = agg.value
        if not agg.coverage.complete:
            pesan.append(Pesan("missing-parts", {
                "var": name, "parts": tuple(p.code for p in agg.coverage.missing)}))
    target = _target(ind, period)
    result = Result(jabatan, sasaran, ind.id, ind.nama, ind.satuan, ind.polaritas,
                    None, target, None, None, None, "lengkap", pesan, nilai, masukan)
    if too_large:
        result.status = "galat"
        return result
    if absent:
        result.status = "tanpa_data"
        return result
    try:
        realisasi = defs.evaluator((jabatan, ind.id))(nilai)
    except formula.EvaluationError as exc:
        result.status = "galat"
        if exc.kind == "division":
            pesan.append(Pesan("division-by-zero", {"divisor": exc.node}))
        else:
            pesan.append(Pesan("not-finite", {}))
        return result
    result.realisasi = realisasi
    result.status = "parsial" if any(p.kode == "missing-parts" for p in pesan) else "lengkap"
    if ind.kategori:
        result.kategori = rate(realisasi, ind.kategori)
        if result.kategori is None:
            pesan.append(Pesan("kategori-below-scale", {"value": realisasi}))
    if target is None:
        return result
    rules = org.capaian if org else CapaianRules()
    value, why = capaian(realisasi, target, ind.polaritas, rules)
    if why:
        pesan.append(Pesan(why, {}))
        if why == "capaian-too-large":  # a result that is no number: `galat`, as SPEC §5 has it
            result.realisasi = None
            result.kategori = None
            result.status = "galat"
        return result
    result.capaian = value
    scale = org.predikat if org else []
    result.predikat = rate(value, scale) if value is not None else None
    if value is not None and result.predikat is None:
        pesan.append(Pesan("below-scale", {"value": value}))
    return result


def _target(ind: Indikator, period: Period) -> float | None:
    """The target set for exactly `period` (keys may be spelt `2026-Q1` or `2026`)."""
    for key, value in ind.target.items():
        try:
            if parse_period(key) == period:
                return value
        except PeriodError:
            continue
    return None


def compute(defs: Definitions, values: Values, period: Period, *,
            analyses: Mapping[tuple[str, str], Analisis] | None = None,
            history: bool = True) -> Report:
    """Every indicator of every position for `period`, in the order of SPEC §1.

    With `history` (the default) each result also gets its figures over time (SPEC §7);
    `analyses` gives the office's analysis of the period by (position id, indicator id).
    """
    results = []
    aggregates = Aggregates(defs.variables, values)
    over_time = History(defs, aggregates, period) if history else None
    for pos in position_order(loaded.model for loaded in defs.jabatan):
        for sas in pos.sasaran:
            for ind in sas.indikator:
                result = evaluate_indicator(defs, pos.id, sas.id, ind, values, period,
                                            aggregates=aggregates)
                if over_time is not None:
                    over_time.fill(result, ind)
                if analyses:
                    result.analisis = analyses.get((pos.id, ind.id))
                results.append(result)
    broken = broken_rules(defs, values, period, aggregates.at(period))
    if broken:
        mark_results(results, broken, {key: defs.variable_names(key) for key in defs.formulas})
    org = defs.organisasi.model if defs.organisasi else None
    organisasi = {"nama": org.nama if org else "", "pemda": org.pemda if org else ""}
    scale = [t.label for t in org.predikat] if org else []
    return Report(period.code, organisasi, results, scale, aturan=broken)
