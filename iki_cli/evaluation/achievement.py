"""Achievement (capaian) against a target, and ratings on threshold scales (SPEC §3)."""

from __future__ import annotations

import math

from ..definitions.model import CapaianRules, Threshold


def capaian(realisasi: float, target: float, polaritas: str,
            rules: CapaianRules) -> tuple[float | None, str | None]:
    """Achievement in % by SPEC §3, or (None, the code of why) when it cannot be computed."""
    if polaritas == "negatif" and realisasi == 0 and target == 0:
        value = 100.0
    elif target == 0:
        return None, "target-zero"
    elif target < 0:  # a percentage of a negative target means nothing
        return None, "target-negative"
    elif polaritas == "positif":
        value = realisasi / target * 100
    elif rules.negatif == "kebalikan":
        if realisasi == 0:
            return None, "realisasi-zero"
        value = target / realisasi * 100
    else:
        value = (2 - realisasi / target) * 100
    if not math.isfinite(value):  # R / T beyond the largest number: no percentage to show
        return None, "capaian-too-large"
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
