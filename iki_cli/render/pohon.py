"""The *pohon kinerja* of the IKI document: positions as boxes in the tree by `atasan`,
each with its objectives, and a line from each objective to the objective of the
superior it supports (`mendukung`). Drawn left to right, the head in the first column.

An office too tall for one landscape page gets several diagrams: the head with its
direct subordinates first, then each subordinate's own tree (split again while it
is still too tall). A box whose subordinates are drawn in a later diagram says which.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from .chart import svg_number
from .views import JabatanView

BOX_WIDTH, COLUMN_GAP, ROW_GAP = 230.0, 56.0, 10.0
TITLE_SIZE, TEXT_SIZE, LINE = 10.5, 9.5, 12.5
PAD = 6.0
# A diagram is printed at most PAGE_WIDTH × PAGE_HEIGHT mm (a landscape A4 page under its
# heading), at no more than MAX_MM_PER_UNIT (text about 9 pt). One taller than
# MAX_HEIGHT units would print too small: its subtrees are then drawn separately.
PAGE_WIDTH, PAGE_HEIGHT = 270.0, 148.0
MAX_MM_PER_UNIT = 0.34
MAX_HEIGHT = 640.0
# Text is wrapped by an estimate of its width: DejaVu Sans averages about 0.6 em a
# character, 0.66 em in bold.
_EM, _EM_BOLD = 0.6, 0.66


def _wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Words wrapped into lines of at most `width` units at font `size`."""
    limit = max(8, int(width / (size * (_EM_BOLD if bold else _EM))))
    lines: list[str] = []
    current = ""
    for word in " ".join(text.split()).split(" "):
        while len(word) > limit:  # a word longer than a line is cut
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:limit])
            word = word[limit:]
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines or [""]


@dataclass
class SasaranKotak:
    """An objective inside its position's box: its lines and where its text starts."""

    id: str
    baris: list[str]
    y: float
    mendukung: str | None
    # The objective it supports, written out when no line is drawn to it.
    rujukan: list[str] = field(default_factory=list)


@dataclass
class Kotak:
    """A position's box: its number and title, objectives, and a later diagram's number."""

    id: str
    x: float
    y: float
    lebar: float
    tinggi: float
    judul: list[str]
    sasaran: list[SasaranKotak]
    # The diagram holding its subordinates (0 until numbered), None when they are here.
    lanjut: int | None = None


@dataclass
class Garis:
    """A line: `atasan` (box to box) or `mendukung` (objective to objective), as a path."""

    jenis: str
    titik: list[tuple[float, float]]


@dataclass
class Bagan:
    """One diagram: its boxes and lines, its size in user units and printed millimetres."""

    nomor: int
    akar: str
    judul: str
    lebar: float
    tinggi: float
    kotak: list[Kotak] = field(default_factory=list)
    garis: list[Garis] = field(default_factory=list)

    @property
    def skala(self) -> float:
        """Printed millimetres per unit: as large as the page allows, up to a limit."""
        return min(PAGE_WIDTH / self.lebar, PAGE_HEIGHT / self.tinggi, MAX_MM_PER_UNIT)

    @property
    def lebar_mm(self) -> float:
        return round(self.lebar * self.skala, 1)

    @property
    def tinggi_mm(self) -> float:
        return round(self.tinggi * self.skala, 1)


def _box(j: JabatanView, titles: dict[str, str], shown: set[str], hidden: bool) -> Kotak:
    """A position's box; `hidden`: its subordinates are drawn in another diagram."""
    inner = BOX_WIDTH - 2 * PAD
    title = _wrap(f"{j.nomor}. {j.jabatan}", TITLE_SIZE, inner, bold=True)
    y = PAD + len(title) * LINE + 3
    objectives = []
    for s in j.sasaran:
        lines = _wrap(f"◆ {s.uraian}", TEXT_SIZE, inner)
        target = s.mendukung
        # Only links to the direct superior's objectives in this diagram are drawn; any
        # other is written in the box.
        owner = target.split("/")[0] if target else None
        refer = [] if owner is None or (owner == j.atasan and owner in shown) else \
            _wrap(f"↑ {titles.get(target or '', target or '')}", TEXT_SIZE - 1, inner)
        objectives.append(SasaranKotak(s.id, lines, y, target, refer))
        y += (len(lines) + len(refer)) * (LINE - 1) + 4
    if hidden:
        y += LINE
    return Kotak(j.id, 0.0, 0.0, BOX_WIDTH, y + PAD - 4, title, objectives,
                 0 if hidden else None)


def _tree(positions: list[JabatanView]) -> tuple[list[JabatanView],
                                                  dict[str, list[JabatanView]]]:
    """The heads, and each position's subordinates, in the order of the positions."""
    ids = {j.id for j in positions}
    children: dict[str, list[JabatanView]] = {}
    roots = []
    for j in positions:
        if j.atasan in ids and j.atasan != j.id:
            children.setdefault(j.atasan, []).append(j)
        else:
            roots.append(j)
    return roots, children


def _objective_titles(positions: list[JabatanView]) -> dict[str, str]:
    """`position/objective` → `N. objective text`, for the links written out."""
    return {f"{j.id}/{s.id}": f"{j.nomor}. {s.uraian}" for j in positions for s in j.sasaran}


@dataclass
class Baris:
    """One line of the pohon kinerja as a list (Markdown, terminal): a position or one of its
    objectives, at its depth in the tree; `mendukung` is the objective it supports."""

    kedalaman: int
    jenis: str
    nomor: int
    id: str
    teks: str
    mendukung: str | None = None
    mendukung_id: str | None = None


def tree_lines(positions: list[JabatanView]) -> list[Baris]:
    """The tree by `atasan`, depth first in the order of the positions."""
    roots, children = _tree(positions)
    titles = _objective_titles(positions)
    out: list[Baris] = []
    stack = [(j, 0) for j in reversed(roots)]
    while stack:
        j, depth = stack.pop()
        out.append(Baris(depth, "jabatan", j.nomor, j.id, j.jabatan))
        for s in j.sasaran:
            out.append(Baris(depth + 1, "sasaran", j.nomor, s.id, s.uraian,
                             titles.get(s.mendukung, s.mendukung) if s.mendukung else None,
                             s.mendukung))
        stack.extend((c, depth + 1) for c in reversed(children.get(j.id, [])))
    return out


def tree_diagrams(positions: list[JabatanView]) -> list[Bagan]:
    """The diagrams of the office, in the order they are printed."""
    by_id = {j.id: j for j in positions}
    roots, children = _tree(positions)
    titles = _objective_titles(positions)
    diagrams: list[Bagan] = []

    def subtree(j: JabatanView, depth: int | None) -> list[tuple[JabatanView, int]]:
        out, stack = [], [(j, 0)]
        while stack:
            node, d = stack.pop()
            out.append((node, d))
            if depth is None or d < depth:
                stack.extend((c, d + 1) for c in reversed(children.get(node.id, [])))
        return out

    def draw(root: JabatanView) -> None:
        whole = _layout(len(diagrams) + 1, root, subtree(root, None), children, titles)
        if whole.tinggi <= MAX_HEIGHT or not any(children.get(c.id) for c in
                                                  children.get(root.id, [])):
            diagrams.append(whole)
            return
        top = _layout(len(diagrams) + 1, root, subtree(root, 1), children, titles)
        diagrams.append(top)
        for box in top.kotak:
            if box.lanjut is not None:
                box.lanjut = len(diagrams) + 1
                draw(by_id[box.id])

    for root in roots:
        draw(root)
    return diagrams


def _layout(number: int, root: JabatanView, nodes: list[tuple[JabatanView, int]],
            children: dict[str, list[JabatanView]], titles: dict[str, str]) -> Bagan:
    shown = {j.id for j, _ in nodes}
    boxes = {j.id: _box(j, titles, shown, any(c.id not in shown for c in children.get(j.id, [])))
             for j, _ in nodes}
    depth = {j.id: d for j, d in nodes}
    column = BOX_WIDTH + COLUMN_GAP

    def place(j: JabatanView, y: float) -> float:
        """Place `j` at `y` beside its first subordinate; the bottom of its block."""
        box = boxes[j.id]
        box.x, box.y = depth[j.id] * column, y
        bottom = y + box.tinggi
        below = y
        for c in children.get(j.id, []):
            if c.id in boxes:
                below = place(c, below) + ROW_GAP
        return max(bottom, below - ROW_GAP if below > y else bottom)

    height = place(root, 0.0)
    columns = max(depth.values()) + 1
    diagram = Bagan(number, root.id, f"{root.nomor}. {root.jabatan}",
                    columns * column - COLUMN_GAP + 2, height + 2, list(boxes.values()))
    for j, _ in nodes:
        parent = boxes.get(j.atasan or "")
        box = boxes[j.id]
        if parent is None or j.id == root.id:
            continue
        mid = parent.x + parent.lebar + COLUMN_GAP / 2
        top = parent.y + PAD + LINE / 2
        diagram.garis.append(Garis("atasan", [(parent.x + parent.lebar, top), (mid, top),
                                              (mid, box.y + PAD + LINE / 2),
                                              (box.x, box.y + PAD + LINE / 2)]))
        for s in box.sasaran:
            if not s.mendukung or s.mendukung.split("/")[0] != j.atasan:
                continue
            target = next((t for t in parent.sasaran if f"{parent.id}/{t.id}" == s.mendukung),
                          None)
            if target is None:
                continue
            y1 = parent.y + target.y + LINE / 2 - 3
            y2 = box.y + s.y + LINE / 2 - 3
            x = mid + 6
            diagram.garis.append(Garis("mendukung", [(parent.x + parent.lebar, y1), (x, y1),
                                                     (x, y2), (box.x, y2)]))
    return diagram


def tree_svg(b: Bagan, label: str, continued: str) -> Markup:
    """One diagram as SVG; `label` names it for screen readers, `continued` (with `{n}`)
    marks a box whose subordinates are in diagram n."""
    n = svg_number
    head = (f'<svg class="pohon" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n(b.lebar)} '
            f'{n(b.tinggi)}" width="{n(b.lebar_mm)}mm" height="{n(b.tinggi_mm)}mm" role="img" '
            f'aria-label="{escape(label)}" font-family="DejaVu Sans, Liberation Sans, Arial, '
            f'sans-serif" font-size="{n(TEXT_SIZE)}">\n')
    out = [head]
    for g in b.garis:
        points = " ".join(f"{n(x)},{n(y)}" for x, y in g.titik)
        style = ('stroke="#9e9e9e" stroke-width="1"' if g.jenis == "atasan"
                 else 'stroke="#1565c0" stroke-width="1.3"')
        out.append(f'<polyline class="{g.jenis}" points="{points}" fill="none" {style}/>\n')
    for box in b.kotak:
        out.append(f'<g>\n<rect x="{n(box.x + 1)}" y="{n(box.y + 1)}" width="{n(box.lebar - 2)}" '
                   f'height="{n(box.tinggi - 2)}" rx="3" fill="#fff" stroke="#37474f" '
                   'stroke-width="1.2"/>\n')
        y = box.y + PAD + TITLE_SIZE
        for line in box.judul:
            out.append(f'<text x="{n(box.x + PAD)}" y="{n(y)}" font-weight="bold" '
                       f'font-size="{n(TITLE_SIZE)}">{escape(line)}</text>\n')
            y += LINE
        for s in box.sasaran:
            y = box.y + s.y + TEXT_SIZE
            for line in s.baris:
                out.append(f'<text x="{n(box.x + PAD)}" y="{n(y)}" fill="#1a1a1a">'
                           f'{escape(line)}</text>\n')
                y += LINE - 1
            for line in s.rujukan:
                out.append(f'<text x="{n(box.x + PAD)}" y="{n(y)}" fill="#1565c0" '
                           f'font-size="{n(TEXT_SIZE - 1)}">{escape(line)}</text>\n')
                y += LINE - 1
        if box.lanjut:
            out.append(f'<text x="{n(box.x + box.lebar - PAD)}" y="{n(box.y + box.tinggi - 4)}" '
                       f'text-anchor="end" font-style="italic" fill="#555" '
                       f'font-size="{n(TEXT_SIZE - 1)}">'
                       f'{escape(continued.format(n=box.lanjut))}</text>\n')
        out.append("</g>\n")
    out.append("</svg>\n")
    return Markup("".join(out))
