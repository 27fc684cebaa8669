"""The capaian chart: bar geometry per indicator, the rating colours, and its SVG."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from .filters import number_text
from .views import IndikatorView, JabatanView


@dataclass
class Batang:
    """One bar of the chart, in SVG user units."""

    nomor: str
    label: str
    judul: str
    y: float
    lebar: float
    terpotong: bool
    capaian: float | None
    predikat: str | None
    warna: str
    teks_x: float
    sementara: bool = False


@dataclass
class Kelompok:
    """The title row of a position's bars (cascaded indicators repeat in several positions)."""

    y: float
    teks: str


@dataclass
class Grafik:
    """One SVG chart of capaian bars (long reports get several, one per printed block)."""

    lebar: int
    tinggi: float
    x0: float
    x100: float
    skala: list[tuple[float, str]]
    batang: list[Batang] = field(default_factory=list)
    kelompok: list[Kelompok] = field(default_factory=list)


CHART_WIDTH = 720
CHART_ROWS = 26  # rows per SVG (bars and position titles): one block fits a printed A4 page
# The number and name of a bar fit left of the 0 line: about 50 characters of DejaVu Sans.
_ROW, _TOP, _LABEL_CHARS, _GROUP_CHARS = 20.0, 24.0, 48, 100
_X0, _X1 = 320.0, 500.0


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def chart_views(positions: list[JabatanView]) -> list[Grafik]:
    """Bars of capaian per indicator against the 100 line, under their position's title,
    split into printable blocks. Indicators without capaian have no bar; a report where
    none has one gets no chart (the template says so in one line)."""
    rows: list[tuple[JabatanView, IndikatorView | None]] = []
    for j in positions:
        bars = [i for i in j.indikator if i.hasil is not None and i.hasil.capaian is not None]
        if bars:
            rows.append((j, None))
            rows += [(j, i) for i in bars]
    if not rows:
        return []
    highest = max(i.hasil.capaian for _, i in rows if i and i.hasil and i.hasil.capaian)
    # The axis shows at least 0–120 and at most 0–200; longer bars are cut with a mark.
    top = min(max(120.0, math.ceil(highest / 20) * 20), 200.0)
    step = 20 if top <= 160 else 50
    scale = (_X1 - _X0) / top
    ticks = [(_X0 + t * scale, str(t)) for t in range(0, int(top) + 1, step)]
    x100 = _X0 + 100 * scale
    charts = []
    for block in _blocks(rows):
        chart = Grafik(CHART_WIDTH, _TOP + len(block) * _ROW + 6, _X0, x100, ticks)
        for k, (j, ind) in enumerate(block):
            y = _TOP + k * _ROW
            if ind is None:
                chart.kelompok.append(Kelompok(y, _shorten(f"{j.nomor}. {j.jabatan}",
                                                           _GROUP_CHARS)))
                continue
            h = ind.hasil
            assert h is not None and h.capaian is not None
            value = h.capaian
            width = min(value, top) * scale
            # The label starts past the 100 line, so that the line never crosses it.
            chart.batang.append(Batang(
                nomor=ind.nomor, label=_shorten(ind.nama, _LABEL_CHARS - len(ind.nomor)),
                judul=ind.nama,
                y=y, lebar=round(width, 1), terpotong=value > top, capaian=value,
                predikat=h.predikat, warna=h.warna,
                teks_x=round(max(_X0 + width, x100) + 4, 1), sementara=h.sementara))
        charts.append(chart)
    return charts


def _blocks(rows: list[tuple[JabatanView, IndikatorView | None]]
            ) -> list[list[tuple[JabatanView, IndikatorView | None]]]:
    """Rows split into blocks of at most CHART_ROWS; a block never ends on a position's
    title, and one that starts inside a position repeats its title."""
    blocks: list[list[tuple[JabatanView, IndikatorView | None]]] = []
    current: list[tuple[JabatanView, IndikatorView | None]] = []
    for j, ind in rows:
        if len(current) >= CHART_ROWS or (ind is None and len(current) >= CHART_ROWS - 1):
            blocks.append(current)
            current = [] if ind is None else [(j, None)]
        current.append((j, ind))
    blocks.append(current)
    return blocks


def chart_svg(g: Grafik, label: str, no_value: str, lang: str, provisional: str = "") -> Markup:
    """One chart block as SVG: grid and ticks, the positions' titles, a bar and its label
    per indicator, the 0 and 100 lines, and each bar's capaian and predikat (`label` names
    the figure for screen readers; `no_value` marks a bar without capaian; `provisional`
    follows the value of a `parsial` result, whose bar is pale and dashed).

    Built here rather than in the template: a block of 24 bars took some 300 template
    expressions, a quarter of the time of a large HTML report. `_chart.svg.html`
    wraps it and can still be replaced to draw the chart from `g` differently.
    """
    n = svg_number
    bottom = n(g.tinggi - 4)
    x0 = n(g.x0)
    head = (f'<svg class="grafik" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {g.lebar} '
            f'{n(g.tinggi)}" width="{g.lebar}" height="{n(g.tinggi)}" role="img" '
            f'aria-label="{escape(label)}" font-family="Liberation Sans, DejaVu Sans, Arial, '
            'sans-serif" font-size="10.5">\n')
    out = [head]
    for x, tick in g.skala:
        out.append(f'<line x1="{n(x)}" y1="16" x2="{n(x)}" y2="{bottom}" stroke="#d0d0d0" '
                   f'stroke-width="0.5"/>\n<text x="{n(x)}" y="11" text-anchor="middle" '
                   f'fill="#444">{escape(tick)}</text>\n')
    for b in g.batang:
        nomor = escape(b.nomor)
        out.append(f'<g>\n<title>{nomor} {escape(b.judul)}</title>\n<text x="8" '
                   f'y="{n(b.y + 11)}" fill="#1a1a1a">{nomor} {escape(b.label)}</text>\n')
        if b.capaian is not None:
            pale = ' fill-opacity="0.4" stroke-dasharray="3 2"' if b.sementara else ""
            out.append(f'<rect x="{x0}" y="{n(b.y + 1)}" width="{n(b.lebar)}" height="13" '
                       f'fill="{escape(b.warna)}" stroke="#333" stroke-width="0.5"{pale}/>\n')
        out.append("</g>\n")
    out.append(f'<line x1="{x0}" y1="16" x2="{x0}" y2="{bottom}" stroke="#333" '
               f'stroke-width="1"/>\n<line x1="{n(g.x100)}" y1="16" x2="{n(g.x100)}" '
               f'y2="{bottom}" stroke="#1a1a1a" stroke-width="1.2" stroke-dasharray="4 2"/>\n')
    # A position's title may run across the grid: a white halo keeps it readable.
    for k in g.kelompok:
        out.append(f'<text x="0" y="{n(k.y + 12)}" fill="#1a1a1a" font-weight="bold" '
                   f'stroke="#fff" stroke-width="3" paint-order="stroke">'
                   f'{escape(k.teks)}</text>\n')
    for b in g.batang:
        if b.capaian is not None:
            text = number_text(lang)(b.capaian, 2)
            if b.terpotong:
                text += " ▸"
            if b.predikat:
                text += f" · {escape(b.predikat)}"
            if b.sementara and provisional:
                text += f" · {escape(provisional)}"
            out.append(f'<text x="{n(b.teks_x)}" y="{n(b.y + 11)}" fill="#1a1a1a">{text}'
                       "</text>\n")
        else:
            out.append(f'<text x="{n(g.x0 + 4)}" y="{n(b.y + 11)}" fill="#555" '
                       f'font-style="italic">{escape(no_value)}</text>\n')
    out.append("</svg>\n")
    return Markup("".join(out))


def svg_number(value: float) -> str:
    """A coordinate for SVG: fixed decimals so output is byte-stable."""
    return f"{value:.1f}".rstrip("0").rstrip(".")
