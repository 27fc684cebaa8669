"""Scales and targets: threshold lists and the periods of targets."""

from __future__ import annotations

from collections.abc import Iterator

from ..definitions.loading import Definitions
from ..definitions.model import Threshold
from ..definitions.yamlload import Document
from ..i18n import t
from ..periods import PeriodError, parse_period, suggest_period
from ..problems import Problem, shown
from .registry import check, indicators


def _threshold_problems(doc: Document, loc: tuple, items: list[Threshold],
                        what: str) -> Iterator[Problem]:
    for i in range(1, len(items)):
        if not items[i].batas_bawah > items[i - 1].batas_bawah:
            yield doc.problem(loc + (i, "batas_bawah"), "thresholds", t(
                "checks.threshold-order", what=what, value=f"{items[i].batas_bawah:g}",
                previous=f"{items[i - 1].batas_bawah:g}"))
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        label = " ".join(item.label.split()).casefold()
        if label in seen:  # two steps of one name: a rating would not say which it is
            yield doc.problem(loc + (i, "label"), "thresholds", t(
                "checks.threshold-label", what=what, label=shown(item.label),
                line=doc.pos(loc + (seen[label], "label"))[0]))
        else:
            seen[label] = i


@check("thresholds")
def check_thresholds(defs: Definitions) -> Iterator[Problem]:
    """Threshold lists (`predikat`, `kategori`) have strictly increasing `batas_bawah`
    and a different `label` on every step (compared without case and extra spaces).

    Bad: ``predikat: [{batas_bawah: 50, label: Baik}, {batas_bawah: 50, label: Sangat Baik}]``,
    ``predikat: [{batas_bawah: 0, label: Baik}, {batas_bawah: 50, label: baik}]``.
    Good: ``predikat: [{batas_bawah: 0, label: Kurang}, {batas_bawah: 50, label: Baik}]``.
    """
    if defs.organisasi:
        org = defs.organisasi
        yield from _threshold_problems(org.doc, ("predikat",), org.model.predikat, "predikat")
        rules = org.model.capaian
        if rules.batas_atas is not None and not rules.batas_atas > rules.batas_bawah:
            yield org.doc.problem(("capaian", "batas_atas"), "thresholds",
                                  t("checks.capaian-bounds"))
    for j in defs.jabatan:
        for loc, _sas, ind in indicators(j):
            if ind.kategori:
                yield from _threshold_problems(j.doc, loc + ("kategori",),
                                               ind.kategori, "kategori")


@check("bad-period")
def check_target_periods(defs: Definitions) -> Iterator[Problem]:
    """Target keys are periods: `2026`, `2026-S1`, `2026-TW1` … `2026-TW4`, `2026-01` … `2026-12`.

    Bad: ``target: {2026-T1: 20}``, ``target: {26: 80}``.
    Good: ``target: {2026: 80, 2026-TW1: 20}`` (``2026-Q1`` is read as ``2026-TW1``).
    """
    for j in defs.jabatan:
        for loc, _sas, ind in indicators(j):
            seen: dict[str, str] = {}
            for key in ind.target:
                tloc = loc + ("target", key)
                try:
                    code = parse_period(key).code
                except PeriodError as exc:
                    likely = suggest_period(key)
                    hint = t("problems.did-you-mean", suggestion=likely) if likely else ""
                    yield j.doc.problem(tloc, "bad-period",
                                        t("checks.target-period", reason=str(exc)) + hint,
                                        key=True)
                    continue
                if code in seen:
                    yield j.doc.problem(tloc, "bad-period",
                                        t("checks.target-same-period", period=shown(key),
                                          other=shown(seen[code])), key=True)
                seen[code] = key


@check("target-not-positive", "warning")
def check_target_signs(defs: Definitions) -> Iterator[Problem]:
    """A target is greater than 0 (a warning): no capaian is computed against 0 or less.

    Capaian is realisasi / target (or its inverse): against a negative target the
    percentage means nothing, and against 0 it cannot be computed. The one target
    of 0 that has a meaning, on a ``negatif`` indicator (none is the goal, and a
    realisasi of 0 is 100), is not warned about.

    Bad: ``target: {2026: -5}``, ``target: {2026: 0}`` on a ``positif`` indicator.
    Good: ``target: {2026: 5}``; ``target: {2026: 0}`` with ``polaritas: negatif``.
    """
    for j in defs.jabatan:
        for loc, _sas, ind in indicators(j):
            for key, value in ind.target.items():
                if value < 0 or (value == 0 and ind.polaritas == "positif"):
                    yield j.doc.problem(loc + ("target", key), "target-not-positive",
                                        t("checks.target-negative" if value < 0
                                          else "checks.target-zero",
                                          period=shown(key), value=f"{value:g}"),
                                        level="warning")
