"""The contents of the table's cells: indicator names, formulas and data sources.

A cell may hold several indicators (bullets, `1.` lines or Word list items) with
their formulas and sources in the same order in the neighbouring cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import formulas as fx
from .reader import Cell, Frac, Line, Math, Para, Piece, Run, line_text, pieces_text

_MARKER = re.compile(r"^\s*(?:[-–—•·▪◦*]+|\d{1,2}\s*[.)]|[a-z]\s*[.)])\s*(?=\S)")
_BULLET = re.compile(r"^\s*[-–—•·▪◦*]+\s*")
_EMPTY = re.compile(r"^[\s\-–—•·]*$")
# A trailing `x 100%` (or `× 100 %`, `x100%`) after a numerator or denominator line.
_FACTOR = re.compile(r"\s*[x×X*]\s*100\s*%?\s*$")
_INLINE_LAYOUT = re.compile(r"^(.+?)\s+[x×X*]\s*100\s*%\s+(\S.*)$")
_QUANTITY_WORDS = ("jumlah", "jml", "jmlh", "banyaknya", "total", "nilai", "skor", "angka",
                   "rata-rata", "realisasi", "target", "anggaran", "capaian", "indeks", "luas",
                   "panjang", "volume", "number", "count", "persentase")


@dataclass(frozen=True)
class CellLine:
    """One line of a cell: its segments, and whether it opens a Word list item."""

    segments: Line
    numbered: bool

    @property
    def text(self) -> str:
        return line_text(self.segments).strip()

    def has_math(self) -> bool:
        return any(isinstance(s, Math) for s in self.segments)

    def underlined(self) -> bool:
        """Most of the line's letters (leaving out a trailing `x 100%`) are underlined."""
        letters = under = 0
        for s in self.segments:
            if isinstance(s, Run):
                count = sum(ch.isalpha() for ch in _FACTOR.sub("", s.text))
                letters += count
                under += count if s.underline else 0
        return letters > 0 and under * 10 >= letters * 6


def cell_lines(cell: Cell) -> list[CellLine | None]:
    """The lines of a cell in order; None marks an empty paragraph (a separator)."""
    out: list[CellLine | None] = []
    for para in cell.paras:
        out.extend(_para_lines(para))
    return out


def _para_lines(para: Para) -> list[CellLine | None]:
    lines: list[CellLine | None] = []
    for k, segments in enumerate(para.lines):
        line = CellLine(segments, para.numbered and k == 0)
        lines.append(line if line.text or line.has_math() else None)
    return lines


def strip_marker(text: str) -> tuple[str, bool]:
    """The text without a leading bullet or `1.` / `a.` marker, and whether it had one."""
    m = _MARKER.match(text)
    return (text[m.end():].strip(), True) if m else (text.strip(), False)


def is_empty(text: str) -> bool:
    """Blank, or only a dash: the document's way of leaving a cell empty."""
    return bool(_EMPTY.match(text))


# --- indicator names ------------------------------------------------------------------------


def indicator_names(cell: Cell, formulas_hint: int) -> list[str]:
    """The indicators named in a cell, markers stripped.

    Items are told apart by bullets, `1.` markers or Word list numbering; lines
    without any marker are separate indicators only when the formula cell holds as
    many formulas, else one name written over several lines.
    """
    lines = [line for line in cell_lines(cell) if line is not None and not is_empty(line.text)]
    if not lines:
        return []
    items: list[str] = []
    marked = False
    for line in lines:
        text, has_marker = strip_marker(line.text)
        if has_marker or line.numbered:
            marked = True
            items.append(text)
        elif items and marked:
            items[-1] = f"{items[-1]} {text}"
        else:
            items.append(text)
    if not marked and len(items) > 1 and len(items) != formulas_hint:
        return [" ".join(items)]
    return [i for i in items if not is_empty(i)]


# --- sources --------------------------------------------------------------------------------


def source_groups(cell: Cell) -> tuple[list[str], list[str]]:
    """(lines, groups) of a data-source cell: bullets stripped; groups split at blank lines."""
    lines: list[str] = []
    groups: list[list[str]] = [[]]
    for line in cell_lines(cell):
        if line is None:
            if groups[-1]:
                groups.append([])
            continue
        text = _BULLET.sub("", line.text).strip()
        if is_empty(text):
            continue
        lines.append(text)
        groups[-1].append(text)
    return lines, ["\n".join(g) for g in groups if g]


# --- formulas -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """One thing in a formula cell: a formula, a narrative text, or an unreadable equation."""

    kind: str  # "formula" | "text" | "unreadable"
    text: str
    formula: fx.Formula | None = None
    layout: tuple[str, str] | None = None  # numerator and denominator read off one line


def _plausible(f: fx.Formula, strict: bool) -> bool:
    """Every quantity reads like one; `strict` also wants a count word or `× 100%`."""
    texts = fx.descriptions(f.expr)
    if not texts or any(not t[0].isalpha() or len(t) > 300 for t in texts):
        return False
    if not strict:
        return True
    return f.percent or all(t.lower().startswith(_QUANTITY_WORDS) for t in texts)


def _text_formula(text: str, strict: bool) -> fx.Formula | None:
    try:
        f = fx.parse_text(text)
    except fx.Unreadable:
        return None
    return f if _plausible(f, strict) else None


def _pair(upper: CellLine, lower: CellLine) -> fx.Formula | None:
    """A numerator line over a denominator line (underlined, or with `x 100%`)."""
    top, bottom = upper.text, lower.text
    if lower.has_math() or upper.has_math() or lower.underlined() or is_empty(bottom):
        return None
    factor = bool(_FACTOR.search(top)) or bool(_FACTOR.search(bottom))
    if not upper.underlined() and not _FACTOR.search(top):
        return None
    num = _text_formula(_BULLET.sub("", _FACTOR.sub("", top)), strict=False)
    den = _text_formula(_FACTOR.sub("", bottom), strict=not upper.underlined())
    if num is None or den is None:
        return None
    expr = fx.fraction(num.expr, den.expr)
    if factor:
        expr = fx.B("*", expr, fx.N("100"))
    return fx.Formula(expr, factor or num.percent or den.percent)


def _math_units(line: CellLine) -> list[Unit]:
    """Equations of a line; text right after one (`× 100%`) is tried as part of it."""
    chunks: list[list[Run | Math]] = []
    lead: list[Run | Math] = []
    for s in line.segments:
        if isinstance(s, Math):
            chunks.append([*lead, s])
            lead = []
        elif chunks:
            chunks[-1].append(s)
        else:
            lead.append(s)
    units: list[Unit] = []
    for chunk in chunks:
        math = next(s for s in chunk if isinstance(s, Math))
        whole = tuple(p for s in chunk for p in ((s.text,) if isinstance(s, Run) else s.pieces))
        rest = "".join(s.text for s in chunk if isinstance(s, Run)).strip()
        for pieces, leftover in ((whole, ""), (math.pieces, rest)):
            found = _equations(pieces)
            if found is None:
                continue
            units += found
            if leftover and not is_empty(leftover):
                units.append(Unit("text", leftover))
            break
        else:
            units.append(Unit("unreadable", pieces_text(whole).strip()))
    return units


def _equations(pieces: tuple[Piece, ...]) -> list[Unit] | None:
    """One formula, or several written side by side in one equation (`a/b ×100%  c/d`)."""
    try:
        return [Unit("formula", pieces_text(pieces).strip(), fx.parse_pieces(pieces))]
    except fx.Unreadable:
        pass
    parts: list[list[Piece]] = [[]]
    for piece in pieces:
        text_before = "".join(p for p in parts[-1] if isinstance(p, str)).rstrip()
        joined = bool(text_before) and text_before[-1] in "×*/:+−-–÷·("
        if isinstance(piece, Frac) and any(isinstance(p, Frac) for p in parts[-1]) \
                and not joined:
            parts.append([])
        parts[-1].append(piece)
    if len(parts) < 2:
        return None
    units = []
    for part in parts:
        try:
            units.append(Unit("formula", pieces_text(tuple(part)).strip(),
                              fx.parse_pieces(tuple(part))))
        except fx.Unreadable:
            return None
    return units


def formula_units(cell: Cell) -> list[Unit]:
    """The formulas and texts of a formula cell, in order."""
    lines = cell_lines(cell)
    units: list[Unit] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line is None:
            continue
        if line.has_math():
            units += _math_units(line)
            continue
        text = line.text
        if is_empty(text):
            continue
        nxt = lines[i] if i < len(lines) else None
        pair = _pair(line, nxt) if nxt is not None else None
        if pair is not None and nxt is not None:
            units.append(Unit("formula", f"{text} / {nxt.text}", pair))
            i += 1
            continue
        units.append(_one_line(_BULLET.sub("", text) if _BULLET.match(text) else text))
    return units


def _one_line(text: str) -> Unit:
    layout = _INLINE_LAYOUT.match(text)
    if layout:  # "A x 100% B": a numerator over a denominator, flattened onto one line
        num = _text_formula(layout.group(1), strict=True)
        den = _text_formula(layout.group(2), strict=True)
        if num is not None and den is not None and not fx.has_operator(den.expr):
            expr = fx.B("*", fx.fraction(num.expr, den.expr), fx.N("100"))
            return Unit("formula", text, fx.Formula(expr, True),
                        (layout.group(1).strip(), layout.group(2).strip()))
    inline = _text_formula(text, strict=True)
    if inline is not None and fx.has_operator(inline.expr):
        return Unit("formula", text, inline)
    return Unit("text", text)
