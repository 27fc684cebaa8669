"""Evaluation (SPEC §2–§3): aggregate each variable to the period, evaluate, rate.

Each variable is aggregated to the requested period first, by its
`agregasi`, and the formula is evaluated once on the aggregates: a yearly
ratio is Σnumerator / Σdenominator, never an average of quarterly ratios.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from . import formula
from .definitions import Definitions
from .i18n import message
from .model import CapaianRules, Indikator, Threshold, Variabel
from .numbers import format_number
from .periods import Coverage, Period, PeriodError, cover
from .values import Entry, Values, cached_period

Status = Literal["lengkap", "parsial", "tanpa_data", "galat"]
STATUSES: tuple[Status, ...] = ("lengkap", "parsial", "tanpa_data", "galat")


@dataclass
class Aggregate:
    """A variable over the requested period: its value, the records used, what is missing."""

    value: float | None
    coverage: Coverage


def aggregate(var: Variabel, recorded: dict[Period, Entry], period: Period) -> Aggregate:
    """Combine the records covering `period` by the variable's `agregasi`."""
    coverage = cover(period, recorded)
    if not coverage.used:
        return Aggregate(None, coverage)
    values = [recorded[p].value for p in coverage.used]
    if var.agregasi == "jumlah":
        value = sum(values)
    elif var.agregasi == "terakhir":
        value = recorded[max(coverage.used, key=lambda p: (p.last, p.first))].value
    elif var.agregasi == "maksimum":
        value = max(values)
    else:  # rata_rata: a time average, each record weighted by the months it covers
        weights = [p.months for p in coverage.used]
        value = sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)
    return Aggregate(value, coverage)


def capaian(realisasi: float, target: float, polaritas: str,
            rules: CapaianRules) -> tuple[float | None, str | None]:
    """Achievement in % by SPEC §3, or (None, message key) when it cannot be computed."""
    if polaritas == "negatif" and realisasi == 0 and target == 0:
        value = 100.0
    elif target == 0:
        return None, "target_zero"
    elif polaritas == "positif":
        value = realisasi / target * 100
    elif rules.negatif == "kebalikan":
        if realisasi == 0:
            return None, "realisasi_zero"
        value = target / realisasi * 100
    else:
        value = (2 - realisasi / target) * 100
    # float(): the default floor is the int 0, and JSON should read `0.0` like every capaian
    value = float(max(value, rules.batas_bawah))
    if rules.batas_atas is not None:
        value = float(min(value, rules.batas_atas))
    return value, None


def rate(value: float, thresholds: list[Threshold] | tuple[Threshold, ...]) -> str | None:
    """The label of the highest threshold `value` reaches; None when below the scale."""
    label = None
    for step in thresholds:
        if value >= step.batas_bawah:
            label = step.label
        else:
            break
    return label


@dataclass
class Result:
    """One indicator's result for a period; `to_dict` gives exactly SPEC §5's fields."""

    jabatan: str
    sasaran: str
    indikator: str
    nama: str
    satuan: str
    polaritas: str
    realisasi: float | None
    target: float | None
    capaian: float | None
    predikat: str | None
    kategori: str | None
    status: Status
    pesan: list[str]
    nilai: dict[str, float]
    # For the reports, not part of the JSON contract:
    rumus: str = ""
    desimal: int = 2
    kurang: dict[str, list[str]] = field(default_factory=dict)
    # The messages of `pesan` that are not about missing inputs (those are in `kurang`).
    catatan: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        """Add a message that is not about a missing input."""
        self.pesan.append(text)
        self.catatan.append(text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "jabatan": self.jabatan, "sasaran": self.sasaran, "indikator": self.indikator,
            "nama": self.nama, "satuan": self.satuan, "polaritas": self.polaritas,
            "realisasi": self.realisasi, "target": self.target, "capaian": self.capaian,
            "predikat": self.predikat, "kategori": self.kategori, "status": self.status,
            "pesan": list(self.pesan), "nilai": dict(self.nilai),
        }


@dataclass
class Report:
    """All results of one period for one office."""

    periode: str
    organisasi: dict[str, str]
    hasil: list[Result]
    predikat_scale: list[str]

    @property
    def ringkasan(self) -> dict[str, Any]:
        counts: dict[str, Any] = {"indikator": len(self.hasil)}
        for status in STATUSES:
            counts[status] = sum(r.status == status for r in self.hasil)
        found = [r.predikat for r in self.hasil if r.predikat]
        counts["predikat"] = {label: found.count(label) for label in self.predikat_scale
                              if label in found}
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {"versi_skema": 1, "periode": self.periode, "organisasi": self.organisasi,
                "ringkasan": self.ringkasan, "hasil": [r.to_dict() for r in self.hasil]}


def evaluate_indicator(defs: Definitions, jabatan: str, sasaran: str, ind: Indikator,
                       values: Values, period: Period, lang: str = "id", *,
                       aggregates: dict[str, Aggregate] | None = None) -> Result:
    """Aggregate the formula's variables to `period`, evaluate, and rate one indicator.

    `aggregates` keeps each variable's aggregate across calls for the same values and
    period, so a variable used by several indicators is aggregated once.
    """
    node = defs.formulas[(jabatan, ind.id)]
    catalogue = defs.variables
    org = defs.organisasi.model if defs.organisasi else None
    names = defs.variable_names((jabatan, ind.id))
    nilai: dict[str, float] = {}
    pesan: list[str] = []
    kurang: dict[str, list[str]] = {}
    absent: list[str] = []
    for name in names:
        agg = aggregates.get(name) if aggregates is not None else None
        if agg is None:
            agg = aggregate(catalogue[name], values.entries.get(name, {}), period)
            if aggregates is not None:
                aggregates[name] = agg
        if agg.value is None:
            absent.append(name)
            kurang[name] = [period.code]
            pesan.append(message(lang, "no_data", var=name, period=period.code))
            continue
        nilai[name] = agg.value
        if not agg.coverage.complete:
            kurang[name] = [p.code for p in agg.coverage.missing]
            pesan.append(message(lang, "missing_parts", var=name, parts=", ".join(kurang[name])))
    target = _target(ind, period)
    result = Result(jabatan, sasaran, ind.id, ind.nama, ind.satuan, ind.polaritas,
                    None, target, None, None, None, "lengkap", pesan, nilai,
                    rumus=ind.rumus, desimal=ind.desimal, kurang=kurang)
    if absent:
        result.status = "tanpa_data"
        return result
    try:
        realisasi = formula.evaluate(node, nilai)
    except formula.EvaluationError as exc:
        result.status = "galat"
        key = "division_by_zero" if exc.kind == "division" else "not_finite"
        result.note(message(lang, key, expr=exc.expr))
        return result
    result.realisasi = realisasi
    result.status = "parsial" if kurang else "lengkap"
    if ind.kategori:
        result.kategori = rate(realisasi, ind.kategori)
        if result.kategori is None:
            result.note(message(lang, "kategori_out_of_scale",
                                 value=format_number(realisasi, ind.desimal, lang)))
    if target is None:
        return result
    rules = org.capaian if org else CapaianRules()
    value, why = capaian(realisasi, target, ind.polaritas, rules)
    if why:
        result.note(message(lang, why))
        return result
    result.capaian = value
    scale = org.predikat if org else []
    result.predikat = rate(value, scale) if value is not None else None
    if value is not None and result.predikat is None:
        result.note(message(lang, "out_of_scale", value=format_number(value, 2, lang)))
    return result


def _target(ind: Indikator, period: Period) -> float | None:
    """The target set for exactly `period` (keys may be spelt `2026-Q1` or `2026`)."""
    for key, value in ind.target.items():
        try:
            if cached_period(key) == period:
                return value
        except PeriodError:
            continue
    return None


def compute(defs: Definitions, values: Values, period: Period, lang: str = "id") -> Report:
    """Every indicator of every position for `period`, positions in file order."""
    results = []
    aggregates: dict[str, Aggregate] = {}
    for loaded in defs.jabatan:
        pos = loaded.model
        for sas in pos.sasaran:
            for ind in sas.indikator:
                results.append(evaluate_indicator(defs, pos.id, sas.id, ind, values, period,
                                                  lang, aggregates=aggregates))
    org = defs.organisasi.model if defs.organisasi else None
    organisasi = {"nama": org.nama if org else "", "pemda": org.pemda if org else ""}
    scale = [t.label for t in org.predikat] if org else []
    return Report(period.code, organisasi, results, scale)
