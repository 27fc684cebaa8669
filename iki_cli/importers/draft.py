"""The draft definitions root, written as YAML text from the document's blocks.

Texts are kept verbatim; what the importer guessed carries a `# periksa:`
comment; what only a person can decide is left so that `iki validate` reports it
at its line (an empty `rumus`, an empty `agregasi`, an empty `atasan`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import formula
from ..quantities import identity, looks_inverted
from . import formulas as fx
from .atasan import Superior, superior_of
from .blocks import Block, IndicatorDraft, Parsed
from .guesses import find_organisation, guess_agregasi
from .naming import indicator_id, objective_id, position_id, variable_id
from .yamltext import Check, Note, YamlText, scalar


@dataclass
class Variable:
    id: str
    uraian: str
    agregasi: str
    check: Check


@dataclass
class Catalogue:
    """One variable per distinct quantity (the same text anywhere is the same variable)."""

    by_key: dict[str, Variable] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)

    def get(self, text: str) -> Variable:
        key = identity(text)
        found = self.by_key.get(key)
        if found is None:
            guess = guess_agregasi(text)
            check: Check
            if guess is None:
                value, check = "", ("d_agregasi_unknown", {})
            else:
                value, check = guess[0], (guess[1], {"word": guess[2], "value": guess[0]})
            found = Variable(variable_id(text, self.taken), text, value, check)
            self.by_key[key] = found
        return found

    def forget_since(self, keys: set[str]) -> None:
        """Drop the variables added after `keys` was taken (a formula that was refused)."""
        for key in list(self.by_key):
            if key not in keys:
                self.taken.discard(self.by_key.pop(key).id)


def _node(expr: fx.Expr, catalogue: Catalogue) -> formula.Node:
    if isinstance(expr, fx.V):
        return formula.Var(catalogue.get(expr.text).id, 0)
    if isinstance(expr, fx.N):
        return formula.Num(float(expr.text), expr.text, 0)
    if isinstance(expr, fx.U):
        return formula.Unary("-", _node(expr.operand, catalogue), 0)
    if isinstance(expr, fx.C):
        return formula.Call(expr.name, tuple(_node(a, catalogue) for a in expr.args), 0)
    return formula.Binary(expr.op, _node(expr.left, catalogue), _node(expr.right, catalogue), 0)


def rumus(f: fx.Formula, catalogue: Catalogue) -> str | None:
    """The formula over variable ids, or None when the formula language cannot hold it."""
    before = set(catalogue.by_key)
    text = formula.to_text(_node(f.expr, catalogue))
    try:
        formula.parse(text)
    except formula.FormulaError:
        catalogue.forget_since(before)
        return None
    return text


@dataclass
class Written:
    """The draft's files (relative path → text) and where each check was left."""

    files: dict[str, str]
    notes: list[tuple[str, Note]]
    positions: int
    indicators: int
    variables: int


def _list(out: YamlText, indent: str, key: str, items: list[str], empty: Check) -> None:
    if not items:
        out.add(f"{indent}{key}: []", empty)
        return
    out.add(f"{indent}{key}:")
    for item in items:
        out.add(f"{indent}  - {scalar(item)}")


def _indicator(out: YamlText, ind: IndicatorDraft, ind_id: str, catalogue: Catalogue) -> None:
    pad = "        "
    penjelasan = list(ind.penjelasan)
    rumus_checks: list[Check] = []
    text, percent = "", False
    unit = ind.unit
    if unit is not None and unit.formula is not None:
        written = rumus(unit.formula, catalogue)
        if written is None:
            penjelasan.insert(0, unit.text)
            rumus_checks.append(("d_unreadable_formula", {}))
        else:
            text, percent = written, unit.formula.percent
            for num, den in fx.simple_fractions(unit.formula.expr):
                if looks_inverted(num, den):
                    rumus_checks.append(("d_inverted", {"den": den}))
            if unit.layout:
                rumus_checks.append(("d_layout", {"num": unit.layout[0], "den": unit.layout[1]}))
    elif unit is not None:
        penjelasan.insert(0, unit.text)
        rumus_checks.append(("d_unreadable_formula", {}))
    elif penjelasan:
        rumus_checks.append(("d_narrative", {}))
    else:
        rumus_checks.append(("d_missing_formula", {}))
    out.add(f"{pad[:-2]}- id: {ind_id}")
    out.add(f"{pad}nama: {scalar(ind.nama)}")
    out.add(f"{pad}rumus: {scalar(text)}", *rumus_checks)
    if percent:
        out.add(f"{pad}satuan: \"%\"")
    else:
        out.add(f"{pad}satuan: \"\"", ("d_satuan", {}))
    out.add(f"{pad}polaritas: positif")
    notes = {key: params for key, params in ind.notes}
    if ind.sumber:
        shared: list[Check] = [("d_shared_source", {})] if "d_shared_source" in notes else []
        out.add(f"{pad}sumber_data: {scalar(ind.sumber)}", *shared)
    if penjelasan:
        extra: list[Check] = [("d_extra_formulas", {})] if "d_extra_formulas" in notes else []
        out.add(f"{pad}penjelasan: {scalar(chr(10).join(penjelasan))}", *extra)


def _atasan_line(out: YamlText, sup: Superior, ids: list[str]) -> None:
    if sup.kind == "position":
        if sup.stated and sup.exact:
            out.add(f"atasan: {ids[sup.index]}")
        else:
            out.add(f"atasan: {ids[sup.index]}", ("d_atasan_inferred", {"text": sup.text}))
    elif sup.kind in ("unmatched", "external"):
        out.add("atasan: \"\"", ("d_atasan_unmatched", {"text": sup.text}))
    else:
        out.add("atasan: \"\"", ("d_atasan_unknown", {}))


def _head(sups: list[Superior]) -> tuple[int, Check]:
    """The position taken as the head, and why."""
    first: Check = ("d_head_first", {})
    for i, sup in enumerate(sups):
        if sup.kind == "external":
            return i, ("d_head_guess", {"why": ("d_head_external", {"text": sup.text})})
    for i, sup in enumerate(sups):
        if sup.kind in ("unknown", "unmatched"):
            why = ("d_head_external", {"text": sup.text}) \
                if sup.kind == "unmatched" and i == 0 else first
            return i, ("d_head_guess", {"why": why})
    return 0, ("d_head_guess", {"why": first})


def _position(block: Block, n: int, ids: list[str], sup: Superior, head: Check | None,
              catalogue: Catalogue) -> tuple[YamlText, int]:
    out = YamlText()
    out.add("versi_skema: 1")
    if head is not None:
        out.add(f"id: {ids[n]}", head)
    else:
        out.add(f"id: {ids[n]}")
    out.add(f"jabatan: {scalar(block.title or '')}")
    if head is None:
        _atasan_line(out, sup, ids)
    out.add(f"urutan: {n + 1}")
    _list(out, "", "tugas", block.tugas, ("d_no_tugas", {}))
    if block.fungsi:  # optional: absent when the document has no "Fungsi" line
        _list(out, "", "fungsi", block.fungsi, ("d_no_tugas", {}))
    count = 0
    if not block.sasaran:
        out.add("sasaran: []", ("d_no_sasaran", {}))
        return out, 0
    out.add("sasaran:")
    objective_ids: set[str] = set()
    indicator_ids: set[str] = set()
    for sas in block.sasaran:
        out.add(f"  - id: {objective_id(sas.uraian, objective_ids)}")
        out.add(f"    uraian: {scalar(sas.uraian)}")
        if not sas.indikator:
            out.add("    indikator: []", ("d_no_indikator", {}))
            continue
        out.add("    indikator:")
        for ind in sas.indikator:
            _indicator(out, ind, indicator_id(ind.nama, indicator_ids), catalogue)
            count += 1
    return out, count


def _organisation(parsed: Parsed) -> YamlText:
    lines = list(parsed.preamble) + (parsed.blocks[0].header if parsed.blocks else [])
    nama, pemda = find_organisation(lines)
    out = YamlText()
    out.add("versi_skema: 1")
    for key, found, missing in (("nama", nama, "d_nama"), ("pemda", pemda, "d_pemda")):
        if found is None:
            out.add(f"{key}: null", (missing, {}))
        else:
            out.add(f"{key}: {scalar(found[0])}", ("d_org_guess", {"text": found[1]}))
    return out


def _variables(catalogue: Catalogue) -> YamlText:
    out = YamlText()
    out.add("versi_skema: 1")
    if not catalogue.by_key:
        out.add("variabel: []", ("d_no_variables", {}))
        return out
    out.add("variabel:")
    for var in catalogue.by_key.values():
        out.add(f"  - id: {var.id}")
        out.add(f"    uraian: {scalar(var.uraian)}")
        out.add(f"    agregasi: {scalar(var.agregasi)}", var.check)
    return out


def write_draft(parsed: Parsed) -> Written:
    """Every file of the draft root, as text, with the place of every check."""
    blocks = parsed.blocks
    taken: set[str] = set()
    ids = [position_id(b.title or "", taken) for b in blocks]
    titles = [b.title or "" for b in blocks]
    sups = [superior_of(i, titles, b.atasan, b.tugas + b.fungsi) for i, b in enumerate(blocks)]
    head, why = _head(sups)
    catalogue = Catalogue()
    files: dict[str, YamlText] = {}
    indicators = 0
    for n, block in enumerate(blocks):
        text, count = _position(block, n, ids, sups[n], why if n == head else None, catalogue)
        files[f"jabatan/{ids[n]}.yaml"] = text
        indicators += count
    files = {"organisasi.yaml": _organisation(parsed), "variabel.yaml": _variables(catalogue),
             **files}
    notes = [(name, note) for name, text in files.items() for note in text.notes]
    return Written({name: text.text() for name, text in files.items()}, notes, len(blocks),
                   indicators, len(catalogue.by_key))
