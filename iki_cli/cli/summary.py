"""The summary table `iki compute` prints: results grouped by position, in colour."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from ..definitions.loading import Definitions
from ..evaluation.results import STATUSES, Report
from ..numbers import format_number
from ..render.palette import rating_colour

STATUS_STYLE: dict[str, str] = dict(zip(STATUSES, ("green", "yellow", "dim", "red"), strict=True))
OFFICE_HEADERS = {"id": ("Status / predikat", "Indikator"), "en": ("Status / rating", "Indicators")}
HEADERS = {
    "id": ("Indikator", "Realisasi", "Target", "Capaian %", "Predikat", "Status"),
    "en": ("Indicator", "Value", "Target", "Achievement %", "Rating", "Status"),
}


def _predikat_style(label: str | None, scale: list[str]) -> str:
    """The rating's colour in the terminal: the reports' colour of its rank."""
    if not label or label not in scale:
        return ""
    return rating_colour(label, scale)


def _styled(text: str, style: str) -> str:
    return f"[{style}]{text}[/]" if style else text


# Past this many indicators a per-indicator terminal table is unreadable (and rich takes
# seconds to lay it out): the summary then shows the office's counts, and the reports
# carry the detail.
MAX_INDICATOR_ROWS = 200


def summary_caption(report: Report) -> str:
    """The office counts by status, one line."""
    ring = report.ringkasan
    return (f"{ring['indikator']} indikator: {ring['lengkap']} lengkap, {ring['parsial']} "
            f"parsial, {ring['tanpa_data']} tanpa data, {ring['galat']} galat")


def summary(report: Report, defs: Definitions, lang: str = "id") -> Table:
    """The table `iki compute` prints: per indicator, or the office counts for a large office."""
    if len(report.hasil) <= MAX_INDICATOR_ROWS:
        return summary_table(report, defs, lang)
    return office_table(report, lang)


def office_table(report: Report, lang: str = "id") -> Table:
    """How many indicators have each status and each predikat."""
    ring = report.ringkasan
    heads = OFFICE_HEADERS.get(lang, OFFICE_HEADERS["id"])
    table = Table(title=f"IKI {report.periode} — {escape(report.organisasi['nama'])}",
                  caption=summary_caption(report))
    table.add_column(heads[0])
    table.add_column(heads[1], justify="right")
    for status, style in STATUS_STYLE.items():
        table.add_row(_styled(status, style), str(ring[status]))
    for label in report.predikat_scale:
        table.add_row(_styled(escape(label), _predikat_style(label, report.predikat_scale)),
                      str(ring["predikat"].get(label, 0)))
    return table


def summary_table(report: Report, defs: Definitions, lang: str = "id") -> Table:
    """One row per indicator under a row per position, then the office counts as caption."""
    table = Table(title=f"IKI {report.periode} — {escape(report.organisasi['nama'])}",
                  caption=summary_caption(report), show_lines=False)
    for i, head in enumerate(HEADERS.get(lang, HEADERS["id"])):
        table.add_column(head, justify="right" if 0 < i < 4 else "left",
                         overflow="fold")
    decimals = {(j.model.id, ind.id): ind.desimal for j in defs.jabatan
                for sas in j.model.sasaran for ind in sas.indikator}
    current = None
    for r in report.hasil:
        desimal = decimals.get((r.jabatan, r.indikator), 2)
        if r.jabatan != current:
            current = r.jabatan
            table.add_row(f"[bold]{escape(r.jabatan)}[/]", "", "", "", "", "")
        kat = f" ({escape(r.kategori)})" if r.kategori else ""
        table.add_row(
            f"  {escape(r.nama)}",
            format_number(r.realisasi, desimal, lang) + kat,
            format_number(r.target, desimal, lang),
            format_number(r.capaian, 2, lang),
            _styled(escape(r.predikat or "–"), _predikat_style(r.predikat,
                                                             report.predikat_scale)),
            f"[{STATUS_STYLE[r.status]}]{r.status}[/]",
        )
    return table
