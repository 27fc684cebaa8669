"""Formulas written out for people: variables replaced by their descriptions, fractions drawn.

`formula_parts` turns a parsed formula into fractions and text runs (`Ekspresi`);
`formula_text` writes it on one line (Markdown, terminal), `formula_html` as
HTML fractions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from markupsafe import Markup, escape

from .. import formula


class Teks(NamedTuple):
    """A run of formula text: a variable's `uraian`, a number, an operator."""

    teks: str
    jenis: str = "teks"


class Pecahan(NamedTuple):
    """A fraction: numerator over denominator, as the source document draws it."""

    pembilang: Ekspresi
    penyebut: Ekspresi
    jenis: str = "pecahan"


Bagian = Teks | Pecahan


class Ekspresi(NamedTuple):
    """A formula written out: its parts, and whether it needs brackets when inlined."""

    bagian: tuple[Bagian, ...]
    majemuk: bool = False


_ATOM, _PRODUCT, _SUM = 3, 2, 1


def formula_parts(node: formula.Node, names: Mapping[str, str], *, percent: bool = False,
                  lang: str = "id") -> Ekspresi:
    """The formula as fractions and text, variables replaced by `names`.

    A product with divisors becomes one fraction with the constant factors
    after it, the way the source document writes "A / B × 100%":
    `a * 100 / b` and `a / b * 100` read the same. With `percent`, a top-level
    factor 100 is written `100%`.
    """
    sep = "; " if lang == "id" else ", "
    # Text is gathered as plain strings, which `_expression` joins into one Teks per run.

    def number(n: formula.Num) -> str:
        return n.text.replace(".", ",") if lang == "id" else n.text

    def bracket(items: list[_Part], prec: int, need: int) -> list[_Part]:
        return ["(", *items, ")"] if prec < need else items

    def product(factors: list[formula.Node]) -> tuple[list[_Part], int]:
        if len(factors) == 1:
            return go(factors[0], False)
        out: list[_Part] = []
        for i, f in enumerate(factors):
            items, prec = go(f, False)
            if i:
                out.append(" × ")
            out += bracket(items, prec, _PRODUCT)
        return out, _PRODUCT

    def go(n: formula.Node, top: bool) -> tuple[list[_Part], int]:
        if isinstance(n, formula.Var):
            return [names.get(n.name, n.name)], _ATOM
        if isinstance(n, formula.Num):
            return [number(n)], _ATOM
        if isinstance(n, formula.Unary):
            items, prec = go(n.operand, False)
            if n.op == "+":
                return items, prec
            return ["−", *bracket(items, prec, _ATOM)], _ATOM
        if isinstance(n, formula.Call):
            out: list[_Part] = [f"{n.name}("]
            for i, arg in enumerate(n.args):
                if i:
                    out.append(sep)
                out += go(arg, False)[0]
            out.append(")")
            return out, _ATOM
        if n.op in ("+", "-"):
            left, _ = go(n.left, False)
            right, rprec = go(n.right, False)
            op = " + " if n.op == "+" else " − "
            return [*left, op, *bracket(right, rprec, _PRODUCT)], _SUM
        chain = formula.factors(n)
        upper = [f for f, div in chain if not div]
        lower = [f for f, div in chain if div]
        if not lower:
            items, prec = product(upper)
            return _percent(items, percent and top), prec
        constants = [f for f in upper if isinstance(f, formula.Num)]
        if len(constants) < len(upper):
            upper = [f for f in upper if not isinstance(f, formula.Num)]
        else:
            constants = []
        out = [Pecahan(_expression(*product(upper)), _expression(*product(lower)))]
        for c in constants:
            out += [" × ", number(c)]
        return _percent(out, percent and top), _PRODUCT if constants else _ATOM

    return _expression(*go(node, True))


_Part = str | Pecahan


def _percent(items: list[_Part], apply: bool) -> list[_Part]:
    """Write the factor 100 of a top-level product as `100%`."""
    if not apply:
        return items
    return [("100%" if item == "100" and i and items[i - 1] == " × " else item)
            for i, item in enumerate(items)]


def _expression(items: list[_Part], prec: int) -> Ekspresi:
    """The parts with neighbouring text joined into one Teks, so templates see few parts."""
    parts: list[Bagian] = []
    run: list[str] = []
    for item in items:
        if isinstance(item, str):
            run.append(item)
            continue
        if run:
            parts.append(Teks("".join(run)))
            run = []
        parts.append(item)
    if run:
        parts.append(Teks("".join(run)))
    return Ekspresi(tuple(parts), prec < _ATOM)


def formula_text(expr: Ekspresi) -> str:
    """A written-out formula on one line: fractions as `A / B`, bracketed where needed."""

    def side(e: Ekspresi) -> str:
        text = formula_text(e)
        return f"({text})" if e.majemuk else text

    return "".join(b.teks if isinstance(b, Teks) else f"{side(b.pembilang)} / {side(b.penyebut)}"
                   for b in expr.bagian)


def formula_html(expr: Ekspresi) -> Markup:
    """A written-out formula as HTML: each fraction a numerator over a denominator.

    Built here rather than by a recursive template macro, which cost a template
    call per fraction side; `_rumus.html` wraps it and can still be replaced.
    """
    out = ['<span class="rumus">']
    for b in expr.bagian:
        if isinstance(b, Pecahan):
            out.append(f'<span class="frac"><span class="num">{formula_html(b.pembilang)}'
                       f'</span><span class="den">{formula_html(b.penyebut)}</span></span>')
        else:
            short = " nw" if len(b.teks.strip()) <= 12 else ""
            out.append(f'<span class="t{short}">{escape(b.teks)}</span>')
    out.append("</span>")
    return Markup("".join(out))
