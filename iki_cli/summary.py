"""The summary table `iki compute` prints: results grouped by position, in colour."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from .evaluate import Report
from .numbers import format_number

STATUS_STYLE = {"lengkap": "green", "parsial": "yellow", "tanpa_data": "dim", "galat": "red"}
HEADERS = {
    "id": ("Indikator", "Realisasi", "Target", "Capaian %", "Predikat", "Status"),
    "en": ("Indicator", "Value", "Target", "Achievement %", "Rating", "Status"),
}


def _predikat_style(label: str | None, scale: list[str]) -> str:
    if not label or label not in scale:
        return ""
    rank = scale.index(label) / max(len(scale) - 1, 1)
    return "green" if rank >= 0.75 else "yellow" if rank >= 0.4 else "red"


def _styled(text: str, style: str) -> str:
    return f"[{style}]{text}[/]" if style else text


def summary_table(report: Report, lang: str = "id") -> Table:
    """One row per indicator under a row per position, then the office counts as caption."""
    ring = report.ringkasan
    caption = (f"{ring['indikator']} indikator: {ring['lengkap']} lengkap, {ring['parsial']} "
               f"parsial, {ring['tanpa_data']} tanpa data, {ring['galat']} galat")
    table = Table(title=f"IKI {report.periode} — {escape(report.organisasi['nama'])}",
                  caption=caption, show_lines=False)
    for i, head in enumerate(HEADERS.get(lang, HEADERS["id"])):
        table.add_column(head, justify="right" if 0 < i < 4 else "left",
                         overflow="fold")
    current = None
    for r in report.hasil:
        if r.jabatan != current:
            current = r.jabatan
            table.add_row(f"[bold]{escape(r.jabatan)}[/]", "", "", "", "", "")
        kat = f" ({escape(r.kategori)})" if r.kategori else ""
        table.add_row(
            f"  {escape(r.nama)}",
            format_number(r.realisasi, r.desimal, lang) + kat,
            format_number(r.target, r.desimal, lang),
            format_number(r.capaian, 2, lang),
            _styled(escape(r.predikat or "–"), _predikat_style(r.predikat,
                                                             report.predikat_scale)),
            f"[{STATUS_STYLE[r.status]}]{r.status}[/]",
        )
    return table
