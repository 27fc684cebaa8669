"""The small trend chart of one indicator: its realisasi over the years (or a year's
quarters), each period's target marked, and the Renstra's end target.

Inline SVG in black and greys, readable when printed without colour: the
realisasi is a solid line with dots (a hollow dot for a provisional,
`parsial`, figure) labelled with their values; a target is a short dashed
bar at its height; the end target is a dotted line across. Drawn in Python,
as the capaian chart is: a template expression per coordinate would make a
report of thousands of indicators slow.
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup, escape

from .chart import svg_number
from .filters import cached_format_number

WIDTH, HEIGHT = 300, 104
_LEFT, _RIGHT, _TOP, _BOTTOM = 18.0, 70.0, 16.0, 18.0
_FONT = 'font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif" font-size="9"'


class TrendPoint(NamedTuple):
    """One period on the axis: its short label, realisasi and target (either may be None)."""

    sumbu: str
    nilai: float | None
    target: float | None
    parsial: bool


def trend_svg(points: list[TrendPoint], desimal: int, lang: str, label: str,
              end: tuple[str, float] | None = None) -> Markup:
    """The chart as SVG; `end` is the Renstra's last year and end target, if any."""
    n = svg_number
    heights = [v for p in points for v in (p.nilai, p.target) if v is not None]
    if end is not None:
        heights.append(end[1])
    low, high = min(heights), max(heights)
    if high == low:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.12
    low, high = low - pad, high + pad
    plot_w = WIDTH - _LEFT - _RIGHT
    plot_h = HEIGHT - _TOP - _BOTTOM
    step = plot_w / max(len(points) - 1, 1)

    def x(i: int) -> float:
        return _LEFT + (i * step if len(points) > 1 else plot_w / 2)

    def y(value: float) -> float:
        return _TOP + (high - value) / (high - low) * plot_h

    bottom = n(HEIGHT - _BOTTOM)
    out = [(f'<svg class="tren" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} '
           f'{HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
           f'aria-label="{escape(label)}" {_FONT}>\n<title>{escape(label)}</title>\n'
           f'<line x1="{n(_LEFT - 8)}" y1="{bottom}" x2="{n(WIDTH - _RIGHT + 8)}" '
           f'y2="{bottom}" stroke="#888" stroke-width="0.6"/>\n')]
    if end is not None:
        year, target = end
        ey = n(y(target))
        out.append(f'<line x1="{n(_LEFT - 8)}" y1="{ey}" x2="{WIDTH - 2}" '
                   f'y2="{ey}" stroke="#333" stroke-width="0.8" stroke-dasharray="1 2"/>\n'
                   f'<text x="{WIDTH - 2}" y="{n(y(target) - 2.5)}" text-anchor="end" '
                   f'fill="#333">{escape(year)}: {cached_format_number(target, desimal, lang)}'
                   '</text>\n')
    for i, p in enumerate(points):
        if p.target is not None:
            ty = n(y(p.target))
            out.append(f'<line x1="{n(x(i) - 9)}" y1="{ty}" x2="{n(x(i) + 9)}" y2="{ty}" '
                       'stroke="#333" stroke-width="2" stroke-dasharray="3 1.5"/>\n')
    line: list[str] = []
    for i, p in enumerate(points):
        if p.nilai is None:
            if len(line) > 1:
                out.append(_polyline(line))
            line = []
            continue
        line.append(f"{n(x(i))},{n(y(p.nilai))}")
    if len(line) > 1:
        out.append(_polyline(line))
    for i, p in enumerate(points):
        px = n(x(i))
        out.append(f'<text x="{px}" y="{n(HEIGHT - 5)}" text-anchor="middle" fill="#1a1a1a">'
                   f'{escape(p.sumbu)}</text>\n')
        if p.nilai is None:
            continue
        py = y(p.nilai)
        fill = "#fff" if p.parsial else "#1a1a1a"
        # The value above its dot, unless the period's target mark is just above it.
        mark = y(p.target) if p.target is not None else None
        below = mark is not None and py - 17 <= mark <= py and py + 12 <= HEIGHT - _BOTTOM + 2
        label_y = py + 11 if below else max(py - 5, 9)
        out.append(f'<circle cx="{px}" cy="{n(py)}" r="2.6" fill="{fill}" stroke="#1a1a1a" '
                   'stroke-width="1"/>\n'
                   f'<text x="{px}" y="{n(label_y)}" text-anchor="middle" '
                   f'fill="#1a1a1a">{cached_format_number(p.nilai, desimal, lang)}</text>\n')
    out.append("</svg>")
    return Markup("".join(out))


def _polyline(coords: list[str]) -> str:
    return (f'<polyline points="{" ".join(coords)}" fill="none" stroke="#1a1a1a" '
            'stroke-width="1.4"/>\n')
