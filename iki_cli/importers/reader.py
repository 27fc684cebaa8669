"""The body of a Word document as plain items: paragraphs (lines of text and equations)
and tables (a grid of cells, merges resolved).

Read from the XML itself: `paragraph.text` of python-docx leaves out Word equations
(OMML), and its table API rebuilds the whole grid for every row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


@dataclass(frozen=True)
class Run:
    """Text of one run, and whether it is underlined (numerators often are)."""

    text: str
    underline: bool = False


@dataclass(frozen=True)
class Frac:
    """A Word equation's fraction."""

    num: tuple[Piece, ...]
    den: tuple[Piece, ...]


@dataclass(frozen=True)
class Group:
    """A Word equation's bracketed group (`m:d`); several items when separated."""

    items: tuple[tuple[Piece, ...], ...]


@dataclass(frozen=True)
class Func:
    """A Word equation's function (`m:func`): `min`, `max`, `abs`, …"""

    name: str
    arg: tuple[Piece, ...]


@dataclass(frozen=True)
class Other:
    """Any other equation object (powers, roots, sums…), kept only as its text."""

    text: str


Piece = str | Frac | Group | Func | Other


@dataclass(frozen=True)
class Math:
    """One Word equation (`m:oMath`)."""

    pieces: tuple[Piece, ...]


Segment = Run | Math
Line = tuple[Segment, ...]


@dataclass(frozen=True)
class Para:
    """A paragraph: its lines (split at line breaks) and whether Word numbers it."""

    lines: tuple[Line, ...]
    numbered: bool = False

    @property
    def text(self) -> str:
        """All text, equations written linearly, lines joined by newlines."""
        return "\n".join(line_text(line) for line in self.lines)


@dataclass(frozen=True)
class Cell:
    """A table cell; `continued` when it continues a vertical merge from the row above."""

    paras: tuple[Para, ...]
    continued: bool = False

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras).strip()


@dataclass(frozen=True)
class Table:
    """A table as rows of cells by grid column (a cell spanning columns fills the first)."""

    rows: tuple[tuple[Cell, ...], ...]


Item = Para | Table


def pieces_text(pieces: tuple[Piece, ...]) -> str:
    """An equation written on one line: fractions as `(a) / (b)`."""
    out = []
    for p in pieces:
        if isinstance(p, str):
            out.append(p)
        elif isinstance(p, Frac):
            out.append(f"{pieces_text(p.num)} / {pieces_text(p.den)}")
        elif isinstance(p, Group):
            out.append("(" + "; ".join(pieces_text(i) for i in p.items) + ")")
        elif isinstance(p, Func):
            out.append(f"{p.name}{pieces_text(p.arg)}")
        else:
            out.append(p.text)
    return "".join(out)


def line_text(line: Line) -> str:
    return "".join(s.text if isinstance(s, Run) else pieces_text(s.pieces) for s in line)


# --- equations ----------------------------------------------------------------------------

_MATH_WRAPPERS = {f"{M}{n}" for n in ("box", "borderBox", "phant", "e", "oMath")}


def _math_pieces(el: Any) -> tuple[Piece, ...]:
    out: list[Piece] = []
    for child in el:
        tag = child.tag
        if tag == f"{M}r":
            out.append("".join(t.text or "" for t in child.iter(f"{M}t")))
        elif tag == f"{M}f":
            out.append(Frac(_math_pieces(_child(child, "num")), _math_pieces(_child(child, "den"))))
        elif tag == f"{M}d":
            out.append(Group(tuple(_math_pieces(e) for e in child.iterchildren(f"{M}e"))))
        elif tag == f"{M}eqArr":  # lines stacked by hand: one text, the lines joined by spaces
            for k, row in enumerate(child.iterchildren(f"{M}e")):
                out.extend(((" ",) if k else ()) + _math_pieces(row))
        elif tag == f"{M}func":
            name = "".join(t.text or "" for t in _child(child, "fName").iter(f"{M}t"))
            out.append(Func(name.strip(), _math_pieces(_child(child, "e"))))
        elif tag in _MATH_WRAPPERS:
            out.extend(_math_pieces(child))
        elif isinstance(tag, str) and tag.startswith(M) and not tag.endswith("Pr"):
            out.append(Other("".join(t.text or "" for t in child.iter(f"{M}t"))
                             or "?"))
    return tuple(out)


def _child(el: Any, name: str) -> Any:
    found = el.find(f"{M}{name}")
    return found if found is not None else el.makeelement(f"{M}{name}")


# --- paragraphs ---------------------------------------------------------------------------

# Containers whose runs are part of the paragraph's text; deleted text and field codes are not.
_TRANSPARENT = {f"{W}{n}" for n in ("hyperlink", "smartTag", "ins", "customXml", "fldSimple",
                                    "moveTo", "sdtContent", "dir", "bdo")}
_TRANSPARENT.add(f"{W}sdt")


def _underlined(run: Any) -> bool:
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        return False
    u = rpr.find(f"{W}u")
    return u is not None and u.get(f"{W}val", "single") != "none"


class _Lines:
    """Segments gathered into lines; a line break starts a new line."""

    def __init__(self) -> None:
        self.lines: list[list[Segment]] = [[]]

    def text(self, text: str, underline: bool) -> None:
        line = self.lines[-1]
        if line and isinstance(line[-1], Run) and line[-1].underline == underline:
            line[-1] = Run(line[-1].text + text, underline)
        else:
            line.append(Run(text, underline))

    def math(self, el: Any) -> None:
        self.lines[-1].append(Math(_math_pieces(el)))

    def brk(self) -> None:
        self.lines.append([])


def _walk_runs(el: Any, out: _Lines) -> None:
    for child in el:
        tag = child.tag
        if tag == f"{W}r":
            underline = _underlined(child)
            for part in child:
                ptag = part.tag
                if ptag == f"{W}t":
                    out.text(part.text or "", underline)
                elif ptag in (f"{W}tab", f"{W}ptab"):
                    out.text("\t", underline)
                elif ptag in (f"{W}br", f"{W}cr"):
                    out.brk()
                elif ptag == f"{W}noBreakHyphen":
                    out.text("-", underline)
        elif tag == f"{M}oMath":
            out.math(child)
        elif tag == f"{M}oMathPara":
            for math in child.iterchildren(f"{M}oMath"):
                out.math(math)
        elif tag in _TRANSPARENT:
            _walk_runs(child, out)


def read_para(p: Any, numbered_styles: frozenset[str]) -> Para:
    """A `w:p` element as a Para."""
    out = _Lines()
    _walk_runs(p, out)
    lines = tuple(tuple(line) for line in out.lines)
    return Para(lines, _numbered(p, numbered_styles))


def _numbered(p: Any, numbered_styles: frozenset[str]) -> bool:
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        return False
    num = ppr.find(f"{W}numPr")
    if num is not None:
        num_id = num.find(f"{W}numId")
        return num_id is None or num_id.get(f"{W}val") != "0"
    style = ppr.find(f"{W}pStyle")
    return style is not None and style.get(f"{W}val") in numbered_styles


def numbered_styles(styles: Any) -> frozenset[str]:
    """Paragraph styles that carry Word list numbering (directly or by `basedOn`)."""
    own: dict[str, bool] = {}
    based: dict[str, str] = {}
    for style in styles.iterchildren(f"{W}style"):
        sid = style.get(f"{W}styleId")
        if not sid:
            continue
        num = style.find(f"{W}pPr/{W}numPr/{W}numId")
        own[sid] = num is not None and num.get(f"{W}val") != "0"
        parent = style.find(f"{W}basedOn")
        if parent is not None and parent.get(f"{W}val"):
            based[sid] = parent.get(f"{W}val")
    found = set()
    for sid in own:
        seen = set()
        current: str | None = sid
        while current is not None and current not in seen:
            seen.add(current)
            if own.get(current):
                found.add(sid)
                break
            current = based.get(current)
    return frozenset(found)


# --- tables -------------------------------------------------------------------------------


def _cell_paras(tc: Any, styles: frozenset[str]) -> tuple[Para, ...]:
    return tuple(read_para(p, styles) for p in tc.iter(f"{W}p"))


def read_table(tbl: Any, styles: frozenset[str]) -> Table:
    """A `w:tbl` as rows of cells by grid column, vertical merges marked `continued`."""
    rows = []
    for tr in tbl.iterchildren(f"{W}tr"):
        cells: list[Cell] = []
        for tc in _row_cells(tr):
            tcpr = tc.find(f"{W}tcPr")
            span, continued = 1, False
            if tcpr is not None:
                grid = tcpr.find(f"{W}gridSpan")
                if grid is not None:
                    try:
                        span = max(1, min(int(grid.get(f"{W}val", "1")), 64))
                    except ValueError:
                        span = 1
                merge = tcpr.find(f"{W}vMerge")
                continued = merge is not None and merge.get(f"{W}val", "continue") != "restart"
            cell = Cell(() if continued else _cell_paras(tc, styles), continued)
            cells.append(cell)
            cells.extend(Cell((), False) for _ in range(span - 1))
        rows.append(tuple(cells))
    return Table(tuple(rows))


def _row_cells(tr: Any) -> list[Any]:
    found = []
    for child in tr:
        if child.tag == f"{W}tc":
            found.append(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            found.extend(child.iter(f"{W}tc"))
    return found


# --- the body -----------------------------------------------------------------------------


def read_body(document: Any) -> list[Item]:
    """The body of a python-docx Document as paragraphs and tables, in document order."""
    try:
        styles = numbered_styles(document.styles.element)
    except (KeyError, AttributeError):
        styles = frozenset()
    items: list[Item] = []
    root = document.element
    body = root.find(f"{W}body") if root.tag == f"{W}document" else None
    if body is not None:  # else not a Word body at all: no IKI block in it
        _body_items(body, styles, items)
    return items


def _body_items(el: Any, styles: frozenset[str], items: list[Item]) -> None:
    for child in el:
        tag = child.tag
        if tag == f"{W}p":
            items.append(read_para(child, styles))
        elif tag == f"{W}tbl":
            items.append(read_table(child, styles))
        elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            _body_items(child, styles, items)


def in_frames(document: Any) -> bool:
    """True when the body's text sits in text boxes (a PDF converted by LibreOffice does)."""
    body = document.element.find(f"{W}body")
    return body is not None and next(body.iter(f"{W}txbxContent"), None) is not None
