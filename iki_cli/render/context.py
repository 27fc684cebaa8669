"""What the page templates see: the context of the period report and of the IKI document."""

from __future__ import annotations

import datetime
from typing import Any

from ..definitions.loading import Definitions
from ..evaluation.results import Report
from ..i18n import labels
from ..periods import parse_period
from .attention import needs_attention
from .chart import chart_views
from .history_view import attach_history, to_date_summary
from .office_view import attention_list, signature
from .periode import period_words
from .pohon import tree_diagrams, tree_lines
from .source import Sumber, source_text
from .views import Labels, organisation, position_views, result_view, summary_view


def report_context(report: Report, defs: Definitions, lang: str = "id", *,
                   sumber: Sumber | None = None,
                   tanggal: datetime.date | None = None) -> dict[str, Any]:
    """What `laporan.*` templates see (documented in docs/reports.md)."""
    period = parse_period(report.periode)
    positions = position_views(defs, lang)
    results = {(r.jabatan, r.indikator): r for r in report.hasil}
    names = {v.id: v.uraian for v in defs.variables.values()}
    for pos in positions:
        for ind in pos.indikator:
            found = results.get((pos.id, ind.id))
            if found is not None:
                ind.hasil = result_view(defs, found, report.predikat_scale, lang, names,
                                        period, ind.desimal)
                ind.hasil.perhatian = needs_attention(found)
    attach_history(positions, report, defs, lang)
    office = organisation(defs)
    office.update(report.organisasi)
    attention = attention_list(positions, lang)
    ringkasan = summary_view(report, sum(len(g.indikator) for g in attention))
    # Rated to date (a quarter without targets of its own): the chart and headline say so.
    ringkasan.sd = next((i.hasil.sd for j in positions for i in j.indikator
                         if i.hasil is not None and i.hasil.sd), None)
    return {
        **_common(defs, lang), "organisasi": office,
        "periode": report.periode, "periode_teks": period_words(period, lang),
        "judul_halaman": period_words(period, lang),
        "ringkasan": ringkasan,
        "perhatian": attention,
        "predikat_skala": list(report.predikat_scale), "jabatan": positions,
        "grafik": chart_views(positions), "ringkasan_sd": to_date_summary(report, lang),
        "tanda_tangan": signature(defs, period, tanggal, lang),
        "sumber": source_text(sumber, lang) if sumber is not None else None,
    }


def document_context(defs: Definitions, lang: str = "id") -> dict[str, Any]:
    """What `dokumen.*` templates see (documented in docs/reports.md)."""
    positions = position_views(defs, lang)
    return {**_common(defs, lang), "jabatan": positions, "pohon": tree_diagrams(positions),
            "pohon_baris": tree_lines(positions),
            "judul_halaman": labels(lang)["judul_dokumen"]}


def _common(defs: Definitions, lang: str) -> dict[str, Any]:
    org = defs.organisasi.model if defs.organisasi else None
    return {"lang": lang, "L": Labels(labels(lang)), "organisasi": organisation(defs),
            "ilustratif": bool(org and org.ilustratif)}
