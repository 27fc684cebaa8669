"""Traceable numbers (SPEC §6): each result's arithmetic with its numbers filled in, how
each input was combined over the sub-periods, and the notes recorded with its values.

`27.048 / 38.640 × 100% = 70,00%`; `jumlah 2026-TW1 … 2026-TW4`; `nilai terakhir
2026-TW4`. The numbers are those of the report: inputs as measured (trailing zeros
dropped), realisasi and target to the indicator's `desimal`, capaian to 2.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import formula
from ..definitions.model import CapaianRules, Variabel
from ..evaluation.aggregate import Aggregate
from ..evaluation.results import Result
from ..i18n import t
from ..periods import Period
from .filters import number_text
from .formula_view import formula_parts, formula_text


def free_number(value: float, lang: str, decimals: int = 4) -> str:
    """A measured value with at most `decimals` decimals, trailing zeros dropped."""
    text = number_text(lang)(value, decimals)
    point = "," if lang == "id" else "."
    return text.rstrip("0").rstrip(point) if point in text else text


def _unit(value: str, satuan: str) -> str:
    satuan = satuan.strip()
    if not satuan:
        return value
    return f"{value}%" if satuan == "%" else f"{value} {satuan}"


def result_calculation(node: formula.Node, r: Result, desimal: int, lang: str) -> str | None:
    """The formula over the aggregated inputs, and its result: `27 / 45 × 100% = 60%`.

    None when there is nothing to show: an input is missing, or the formula is one
    variable (its value is the realisasi).
    """
    if r.status == "tanpa_data" or isinstance(node, formula.Var):
        return None
    numbers = {name: free_number(value, lang) for name, value in r.nilai.items()}
    written = formula_text(formula_parts(node, numbers, percent=r.satuan.strip() == "%",
                                         lang=lang))
    result = "–" if r.realisasi is None else _unit(
        number_text(lang)(r.realisasi, desimal), r.satuan)
    return f"{written} = {result}"


def capaian_calculation(r: Result, desimal: int, rules: CapaianRules, lang: str) -> str | None:
    """How the capaian follows from realisasi and target, by the polarity (SPEC §3)."""
    if r.capaian is None or r.realisasi is None or r.target is None:
        return None
    real = number_text(lang)(r.realisasi, desimal)
    target = number_text(lang)(r.target, desimal)
    if r.polaritas == "positif":
        raw = r.realisasi / r.target * 100
        written = f"{real} / {target} × 100%"
    elif r.realisasi == 0 and r.target == 0:
        raw = 100.0
        written = t("render.calc-both-zero", lang)
    elif rules.negatif == "kebalikan":
        raw = r.target / r.realisasi * 100
        written = f"{target} / {real} × 100%"
    else:
        raw = (2 - r.realisasi / r.target) * 100
        written = f"(2 − {real} / {target}) × 100%"
    value = number_text(lang)(r.capaian, 2)
    if abs(raw - r.capaian) > 1e-9:
        bound = "render.calc-floor" if raw < r.capaian else "render.calc-cap"
        return (f"{written} = {number_text(lang)(raw, 2)}% → "
                + t(bound, lang, value=f"{value}%"))
    return f"{written} = {value}%"


def _periods(periods: tuple[Period, ...]) -> str:
    """`2026-TW1 … 2026-TW4` for a run of three or more of one kind, else listed."""
    codes = [p.code for p in periods]
    run = len(periods) >= 3 and len({p.months for p in periods}) == 1 and all(
        b.start == a.end + 1 for a, b in zip(periods, periods[1:], strict=False))
    return f"{codes[0]} … {codes[-1]}" if run else ", ".join(codes)


def combination(var: Variabel, agg: Aggregate, period: Period, lang: str) -> str:
    """How the value of one input was found: recorded for the period, or combined."""
    used = agg.coverage.used
    if not used:
        return ""
    if used == (period,):
        return t("render.combined-exact", lang, period=period.code)
    if var.agregasi == "terakhir":
        latest = max(used, key=lambda p: (p.end, p.start))
        return t("render.combined-terakhir", lang, period=latest.code)
    key = {"jumlah": "render.combined-jumlah", "maksimum": "render.combined-maksimum",
           "rata_rata": "render.combined-rata-rata"}[var.agregasi]
    text = t(key, lang, periods=_periods(used))
    if var.agregasi == "rata_rata" and len({p.months for p in used}) > 1:
        text += " " + t("render.combined-weighted", lang)
    return text


@dataclass
class Keterangan:
    """A note recorded with the values of an input (`keterangan`), and the periods it is on."""

    periode: str
    teks: str


def notes(agg: Aggregate) -> list[Keterangan]:
    """The notes of the records used, each once, with the periods that carry it."""
    grouped: dict[str, list[Period]] = {}
    for period, note in agg.notes:
        grouped.setdefault(note, []).append(period)
    return [Keterangan(_periods(tuple(periods)), note) for note, periods in grouped.items()]
