"""The office's plan (Renstra): its years, and the indicators' baselines within them."""

from __future__ import annotations

from collections.abc import Iterator

from ..definitions.loading import Definitions
from ..i18n import t
from ..problems import Problem
from .registry import check, indicators


@check("renstra-years")
def check_renstra_years(defs: Definitions) -> Iterator[Problem]:
    """The Renstra's last year (`akhir`) is not before its first (`awal`).

    Bad: ``renstra: {awal: 2029, akhir: 2025}``.
    Good: ``renstra: {awal: 2025, akhir: 2029}``; an indicator's target for 2029 is
    then its end target.
    """
    org = defs.organisasi
    plan = org.model.renstra if org else None
    if org is None or plan is None:
        return
    if plan.akhir < plan.awal:
        yield org.doc.problem(("renstra", "akhir"), "renstra-years",
                              t("checks.renstra-years", awal=plan.awal, akhir=plan.akhir))


@check("kondisi-awal-year")
def check_baseline_years(defs: Definitions) -> Iterator[Problem]:
    """An indicator's baseline (`kondisi_awal`) is of a year of the Renstra, or the year
    just before it (the plan's "year 0", the usual baseline).

    Bad: with ``renstra: {awal: 2025, akhir: 2029}``, ``kondisi_awal: {tahun: 2019, nilai: 61}``.
    Good: ``kondisi_awal: {tahun: 2024, nilai: 61}``. Without a ``renstra`` in
    ``organisasi.yaml`` any year is accepted.
    """
    org = defs.organisasi
    plan = org.model.renstra if org else None
    if plan is None or plan.akhir < plan.awal:
        return  # no plan to hold the baseline against, or `renstra-years` says what is wrong
    for j in defs.jabatan:
        for loc, _sas, ind in indicators(j):
            base = ind.kondisi_awal
            if base is not None and not plan.awal - 1 <= base.tahun <= plan.akhir:
                yield j.doc.problem(loc + ("kondisi_awal", "tahun"), "kondisi-awal-year",
                                    t("checks.kondisi-awal-year", tahun=base.tahun,
                                      awal=plan.awal, akhir=plan.akhir, nol=plan.awal - 1))
