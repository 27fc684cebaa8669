"""The document's IKI blocks: per position its title, tasks, functions and table rows.

A block starts at a paragraph "INDIKATOR KINERJA INDIVIDU" (or at a "Jabatan :"
line when the block already has a title); its lines "1. Jabatan : …",
"2. Tugas : …", "3. Fungsi : …" may be numbered in the text or by Word, with any
number, with or without a space after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cells import (
    Unit,
    cell_lines,
    formula_units,
    indicator_names,
    is_empty,
    source_groups,
    strip_marker,
)
from .reader import Cell, Item, Para, Table, line_text

_HEADING = re.compile(r"^\W*(indikator\s+kinerja\s+individu|individual\s+performance\s+"
                      r"indicators?)\b", re.IGNORECASE)
_LABEL = re.compile(
    r"^\s*(?:[-–•]\s*)?(?:\d{1,2}\s*[.)]\s*)?"
    r"(nama\s+jabatan|jabatan|position|tugas(?:\s+pokok)?|tasks?|fungsi|functions?"
    r"|atasan(?:\s+langsung)?|superior)\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
_KINDS = {"nama jabatan": "jabatan", "jabatan": "jabatan", "position": "jabatan",
          "tugas": "tugas", "tugas pokok": "tugas", "task": "tugas", "tasks": "tugas",
          "fungsi": "fungsi", "function": "fungsi", "functions": "fungsi",
          "atasan": "atasan", "atasan langsung": "atasan", "superior": "atasan"}
_LETTER = re.compile(r"^\s*(?:[-–•·]\s*)?([a-z]{1,2})\s*[.)]\s*(.*)$", re.DOTALL)
_BULLET_ITEM = re.compile(r"^\s*(?:[-–•·▪◦*]|\d{1,2}\s*[.)])\s*(.*)$", re.DOTALL)
_TRAILING_LETTER = re.compile(r"\s([a-z])\.\s*$")
_INLINE_LETTER = re.compile(r"(?<=\s)([a-z])\.\s+(?=\S)")


@dataclass
class IndicatorDraft:
    """An indicator as the document gives it: its name, formula unit, explanation, source."""

    nama: str
    unit: Unit | None = None
    penjelasan: list[str] = field(default_factory=list)
    sumber: str | None = None
    notes: list[tuple[str, dict[str, object]]] = field(default_factory=list)


@dataclass
class SasaranDraft:
    uraian: str
    indikator: list[IndicatorDraft] = field(default_factory=list)


@dataclass
class Block:
    """One position's block of the document."""

    title: str | None = None
    tugas: list[str] = field(default_factory=list)
    fungsi: list[str] = field(default_factory=list)
    atasan: str | None = None
    sasaran: list[SasaranDraft] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # lines before "Jabatan" (office name)
    tables: int = 0


def _letter_value(letters: str) -> int:
    value = 0
    for ch in letters:
        value = value * 26 + (ord(ch) - 96)
    return value


class _Items:
    """Tasks or functions: lettered in the text, bulleted, or numbered by Word."""

    def __init__(self, target: list[str]) -> None:
        self.items = target
        self.letter = 0  # value of the last item's letter (a = 1)
        self.pending = False  # the previous line ended with the next item's letter

    def _new(self, text: str, letter: int | None = None) -> None:
        self.items.append(text.strip())
        self.letter = letter if letter is not None else self.letter + 1
        self.pending = False

    def add(self, text: str, numbered: bool, broken: bool = False) -> None:
        """One line; `broken` when a line break (not a new paragraph) came before it."""
        text = text.strip()
        if not text:
            return
        trailing = _TRAILING_LETTER.search(text)
        self._line(text[:trailing.start()] if trailing else text, numbered, broken)
        if trailing is None:
            return
        if _letter_value(trailing.group(1)) == self.letter + 1:
            self.pending = True  # "… anak d." then "Peningkatan …": item d starts next
        else:
            self.items[-1] = (self.items[-1] + text[trailing.start():]).strip()

    def _line(self, text: str, numbered: bool, broken: bool) -> None:
        m = _LETTER.match(text)
        if m and (len(m.group(1)) == 1 or _letter_value(m.group(1)) == self.letter + 1):
            self._new("", _letter_value(m.group(1)))
            self._split_inline(m.group(2))
            return
        bullet = _BULLET_ITEM.match(text)
        if bullet or numbered or self.pending or not self.items:
            self._new("")
            self._split_inline(bullet.group(1) if bullet else text)
            return
        # A line break inside an item is kept; a paragraph that wraps on is joined.
        self.items[-1] = f"{self.items[-1]}{chr(10) if broken else ' '}{text}".strip()

    def _split_inline(self, text: str) -> None:
        """Text of the current item, split where the next letters follow on the same line."""
        start = 0
        for m in _INLINE_LETTER.finditer(text):
            if _letter_value(m.group(1)) != self.letter + 1:
                continue
            self.items[-1] = f"{self.items[-1]} {text[start:m.start()]}".strip()
            self._new("", self.letter + 1)
            start = m.end()
        self.items[-1] = f"{self.items[-1]} {text[start:]}".strip()


_COLUMN_WORDS = (
    ("indikator", ("indikator", "indicator")),
    ("sasaran", ("sasaran", "objective", "tujuan")),
    ("formula", ("formula", "rumus", "penjelasan", "penghitungan", "perhitungan", "explanation")),
    ("sumber", ("sumber", "source")),
)


def _columns(table: Table) -> tuple[int, dict[str, int]] | None:
    """The header row's index and the grid column of each of the four columns."""
    for r, row in enumerate(table.rows[:3]):
        found: dict[str, int] = {}
        for c, cell in enumerate(row):
            text = cell.text.lower()
            for name, words in _COLUMN_WORDS:
                if name not in found and any(w in text for w in words):
                    found[name] = c
                    break
        if {"indikator", "formula", "sasaran"} <= found.keys():
            return r, found
    return None


def _is_heading_row(row: tuple[Cell, ...], columns: dict[str, int]) -> bool:
    texts = [row[c].text for c in columns.values() if c < len(row)]
    numbering = all(re.fullmatch(r"\(?\d{1,2}\)?", t) for t in texts if t)
    repeated = _columns(Table((row,))) is not None
    return repeated or (numbering and any(texts))


def _cell(row: tuple[Cell, ...], c: int | None) -> Cell:
    return row[c] if c is not None and c < len(row) else Cell(())


class _Document:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.preamble: list[str] = []
        self.items: _Items | None = None

    @property
    def current(self) -> Block | None:
        return self.blocks[-1] if self.blocks else None

    def start(self) -> Block:
        self.blocks.append(Block())
        self.items = None
        return self.blocks[-1]

    def para(self, para: Para) -> None:
        for k, line in enumerate(para.lines):
            self.line(line_text(line).strip(), para.numbered and k == 0, k > 0)

    def line(self, text: str, numbered: bool, broken: bool) -> None:
        if not text:
            return
        if _HEADING.match(text):
            self.start()
            return
        label = _LABEL.match(text)
        if label:
            self.label(_KINDS[" ".join(label.group(1).lower().split())], label.group(2).strip())
            return
        block = self.current
        if self.items is not None:
            self.items.add(text, numbered, broken)
        elif block is None:
            self.preamble.append(text)
        elif block.title is None:
            block.header.append(text)

    def label(self, kind: str, rest: str) -> None:
        block = self.current
        if kind == "jabatan":
            if block is None or block.title is not None or block.tables:
                block = self.start()
            block.title = rest
            self.items = None
            return
        if block is None:
            block = self.start()
        if kind == "atasan":
            block.atasan = rest or None
            self.items = None
            return
        self.items = _Items(block.tugas if kind == "tugas" else block.fungsi)
        if rest:
            self.items.add(rest, False)

    def table(self, table: Table) -> None:
        found = _columns(table)
        self.items = None
        if found is None:
            return
        block = self.current
        if block is None or (block.title is None and len(self.blocks) > 1
                             and not block.tugas):
            # a table split from its block by a repeated heading continues that block
            if block is not None and block.title is None:
                self.blocks.pop()
            block = self.current or self.start()
        block.tables += 1
        header, columns = found
        for row in table.rows[header + 1:]:
            if not _is_heading_row(row, columns):
                _row(block, row, columns)


def _row(block: Block, row: tuple[Cell, ...], columns: dict[str, int]) -> None:
    sas_cell = _cell(row, columns.get("sasaran"))
    ind_cell = _cell(row, columns.get("indikator"))
    f_cell = _cell(row, columns.get("formula"))
    s_cell = _cell(row, columns.get("sumber"))
    units = formula_units(f_cell)
    formulas = sum(u.kind != "text" for u in units)
    names = indicator_names(ind_cell, formulas)
    uraian = " ".join(line.text for line in cell_lines(sas_cell) if line is not None).strip()
    uraian = strip_marker(uraian)[0] if uraian else ""
    if sas_cell.continued or is_empty(uraian) or (block.sasaran
                                                   and block.sasaran[-1].uraian == uraian):
        if not block.sasaran:
            if not names:
                return
            block.sasaran.append(SasaranDraft(""))
    else:
        block.sasaran.append(SasaranDraft(uraian))
    sasaran = block.sasaran[-1]
    if not names:
        if units and sasaran.indikator:  # text below the last indicator, in a row of its own
            sasaran.indikator[-1].penjelasan += [u.text for u in units]
        return
    indicators = [IndicatorDraft(n) for n in names]
    _assign_units(indicators, units)
    _assign_sources(indicators, s_cell)
    sasaran.indikator += indicators


def _assign_units(indicators: list[IndicatorDraft], units: list[Unit]) -> None:
    """Formulas to indicators in order; texts to the indicator of the formula before them."""
    formulas = [u for u in units if u.kind != "text"]
    texts = [u for u in units if u.kind == "text"]
    n = len(indicators)
    if n > 1 and not formulas and len(texts) == n:
        for ind, unit in zip(indicators, texts, strict=True):
            ind.penjelasan.append(unit.text)
        return
    k = -1
    for unit in units:
        if unit.kind != "text":
            k += 1
            if k < n:
                indicators[k].unit = unit
                continue
            indicators[-1].penjelasan.append(unit.text)
            if ("d_extra_formulas", {}) not in indicators[-1].notes:
                indicators[-1].notes.append(("d_extra_formulas", {}))
        else:
            indicators[min(max(k, 0), n - 1)].penjelasan.append(unit.text)


def _assign_sources(indicators: list[IndicatorDraft], cell: Cell) -> None:
    lines, groups = source_groups(cell)
    if not lines:
        return
    n = len(indicators)
    if n == 1 or len(lines) == 1:  # one source for one indicator, or the same for all
        for ind in indicators:
            ind.sumber = "\n".join(lines)
    elif len(groups) == n:
        for ind, text in zip(indicators, groups, strict=True):
            ind.sumber = text
    elif len(lines) == n:
        for ind, text in zip(indicators, lines, strict=True):
            ind.sumber = text
    else:
        for ind in indicators:
            ind.sumber = "\n".join(lines)
            ind.notes.append(("d_shared_source", {}))


@dataclass
class Parsed:
    """The blocks of a document and the lines before them (a title page, the office)."""

    blocks: list[Block]
    preamble: list[str]


def parse_blocks(items: list[Item]) -> Parsed:
    """The IKI blocks of a document body; blocks without a title are left out."""
    doc = _Document()
    for item in items:
        if isinstance(item, Para):
            doc.para(item)
        else:
            doc.table(item)
    preamble = list(doc.preamble)
    blocks = []
    for block in doc.blocks:
        if block.title:
            blocks.append(block)
        elif not blocks:
            preamble += block.header
    return Parsed(blocks, preamble)
