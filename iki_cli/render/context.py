"""What the page templates see: the context of the period report and of the IKI document."""

from __future__ import annotations

from typing import Any

from ..definitions.loading import Definitions
from ..evaluation.results import Report
from ..i18n import labels
from .chart import chart_views
from .history_view import attach_history
from .views import Labels, organisation, position_views, result_view, summary_view


def report_context(report: Report, defs: Definitions, lang: str = "id") -> dict[str, Any]:
    """What `laporan.*` templates see (documented in docs/reports.md)."""
    positions = position_views(defs, lang)
    results = {(r.jabatan, r.indikator): r for r in report.hasil}
    names = {v.id: v.uraian for v in defs.variables.values()}
    for pos in positions:
        for ind in pos.indikator:
            found = results.get((pos.id, ind.id))
            if found is not None:
                ind.hasil = result_view(defs, found, report.predikat_scale, lang, names)
    attach_history(positions, report, defs, lang)
    office = organisation(defs)
    office.update(report.organisasi)
    return {
        "lang": lang, "L": Labels(labels(lang)), "periode": report.periode,
        "organisasi": office, "ringkasan": summary_view(report),
        "predikat_skala": list(report.predikat_scale), "jabatan": positions,
        "grafik": chart_views(positions),
    }


def document_context(defs: Definitions, lang: str = "id") -> dict[str, Any]:
    """What `dokumen.*` templates see (documented in docs/reports.md)."""
    return {"lang": lang, "L": Labels(labels(lang)), "organisasi": organisation(defs),
            "jabatan": position_views(defs, lang)}


