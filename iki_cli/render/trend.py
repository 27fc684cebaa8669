"""The small trend chart of one indicator: its realisasi over the years (or a year's
quarters), each period's target marked, and the Renstra's end target.

Inline SVG in black and greys, readable when printed without colour: the
realisasi is a solid line with dots (a hollow dot for a provisional,
`parsial`, figure) labelled with their values; a target is a short dashed
bar at its height; the end target is a dotted line across with its year.
Drawn in Python, as the capaian chart is, and styled by classes of the
report's CSS (`_riwayat.css.html`), so that each of thousands of charts is
short: whole-unit coordinates, the lines of a kind in one path.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from markupsafe import Markup

from .filters import html_text, number_text

WIDTH, HEIGHT = 300, 104
_LEFT, _RIGHT, _TOP, _BOTTOM = 18, 70, 16, 18


class TrendPoint(NamedTuple):
    """One period on the axis: its short label, realisasi and target (either may be None)."""

    sumbu: str
    nilai: float | None
    target: float | None
    parsial: bool


def trend_svg(points: list[TrendPoint], desimal: int, lang: str, label: str,
              end: tuple[str, float] | None = None) -> Markup:
    """The chart as SVG; `end` is the Renstra's last year and end target, if any."""
    num = number_text(lang)
    heights = [v for p in points for v in (p.nilai, p.target) if v is not None]
    if end is not None:
        heights.append(end[1])
    low, high = min(heights), max(heights)
    if high == low:  # one height: a band around it (relative, for huge values)
        low, high = low - max(abs(low) * 0.05, 1.0), high + max(abs(high) * 0.05, 1.0)
    if not all(math.isfinite(v) for v in (low, high, (high - low) * 1.24)) or high == low:
        return Markup()  # values beyond what a chart can scale: the numbers say it
    pad = (high - low) * 0.12
    top = high + pad
    scale = (HEIGHT - _TOP - _BOTTOM) / (high - low + 2 * pad)
    count = len(points)
    step = (WIDTH - _LEFT - _RIGHT) / max(count - 1, 1)
    middle = (WIDTH - _LEFT - _RIGHT) / 2
    base = HEIGHT - _BOTTOM
    out = [(f'<svg class="tren" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-label="{html_text(label)}"><path class="sumbu" d="M{_LEFT - 8} {base}H'
            f'{WIDTH - _RIGHT + 8}"/>')]
    if end is not None:
        year, target = end
        ey = round(_TOP + (top - target) * scale)
        out.append(f'<path class="akhir" d="M{_LEFT - 8} {ey}H{WIDTH - 2}"/><text '
                   f'class="akhir" x="{WIDTH - 2}" y="{ey - 3}">{html_text(year)}: '
                   f"{num(target, desimal)}</text>")
    marks, line, labels = [], [], []
    drawing = False
    for i, p in enumerate(points):
        x = round(_LEFT + (i * step if count > 1 else middle))
        mark = round(_TOP + (top - p.target) * scale) if p.target is not None else None
        if mark is not None:
            marks.append(f"M{x - 9} {mark}h18")
        labels.append(f'<text class="sumbu" x="{x}" y="{HEIGHT - 5}">{html_text(p.sumbu)}</text>')
        if p.nilai is None:
            drawing = False
            continue
        py = round(_TOP + (top - p.nilai) * scale)
        line.append(f"{'L' if drawing else 'M'}{x} {py}")
        drawing = True
        # The value above its dot, unless the period's target mark is just above it.
        below = mark is not None and py - 17 <= mark <= py and py + 12 <= base + 2
        labels.append(f'<circle class="{"parsial" if p.parsial else "titik"}" cx="{x}" '
                      f'cy="{py}" r="2.6"/><text x="{x}" y="{py + 11 if below else max(py - 5, 9)}"'
                      f">{num(p.nilai, desimal)}</text>")
    if marks:
        out.append(f'<path class="target" d="{"".join(marks)}"/>')
    if len(line) > 1:
        out.append(f'<path class="garis" d="{"".join(line)}"/>')
    out.extend(labels)
    out.append("</svg>")
    return Markup("".join(out))
