"""Scales and targets: threshold lists and the periods of targets."""

from __future__ import annotations

from collections.abc import Iterator

from ..definitions.loading import Definitions
from ..definitions.model import Threshold
from ..definitions.yamlload import Document
from ..periods import PeriodError, parse_period, suggest_period
from ..problems import Problem
from .registry import check, indicators


def _threshold_problems(doc: Document, loc: tuple, items: list[Threshold],
                        what: str) -> Iterator[Problem]:
    for i in range(1, len(items)):
        if not items[i].batas_bawah > items[i - 1].batas_bawah:
            yield doc.problem(loc + (i, "batas_bawah"), "thresholds",
                              f"{what}: `batas_bawah` {items[i].batas_bawah:g} must be greater "
                              f"than the previous one ({items[i - 1].batas_bawah:g})")


@check("thresholds")
def check_thresholds(defs: Definitions) -> Iterator[Problem]:
    """Threshold lists (`predikat`, `kategori`) have strictly increasing `batas_bawah`.

    Bad: ``predikat: [{batas_bawah: 50, label: Baik}, {batas_bawah: 50, label: Sangat Baik}]``.
    Good: ``predikat: [{batas_bawah: 0, label: Kurang}, {batas_bawah: 50, label: Baik}]``.
    """
    if defs.organisasi:
        org = defs.organisasi
        yield from _threshold_problems(org.doc, ("predikat",), org.model.predikat, "predikat")
        rules = org.model.capaian
        if rules.batas_atas is not None and not rules.batas_atas > rules.batas_bawah:
            yield org.doc.problem(("capaian", "batas_atas"), "thresholds",
                                  "`capaian.batas_atas` must be greater than "
                                  "`capaian.batas_bawah`")
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
                    hint = f"; did you mean `{likely}`?" if likely else ""
                    yield j.doc.problem(tloc, "bad-period", f"target: {exc}{hint}", key=True)
                    continue
                if code in seen:
                    yield j.doc.problem(tloc, "bad-period",
                                        f"target `{key}` is the same period as `{seen[code]}`",
                                        key=True)
                seen[code] = key
