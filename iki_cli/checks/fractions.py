"""Fractions that read upside down: the denominator named as a part of the numerator."""

from __future__ import annotations

from collections.abc import Iterator

from .. import formula
from ..definitions.loading import Definitions
from ..i18n import t
from ..problems import Problem
from ..quantities import looks_inverted
from .registry import check, indicators


def _ratio(node: formula.Node) -> tuple[str, str] | None:
    """(numerator, denominator) variable ids of `a / b` (times constants), else None."""
    parts = [(f, div) for f, div in formula.factors(node) if not isinstance(f, formula.Num)]
    if len(parts) != 2:
        return None
    (top, top_div), (bottom, bottom_div) = sorted(parts, key=lambda p: p[1])
    if top_div or not bottom_div or not isinstance(top, formula.Var) \
            or not isinstance(bottom, formula.Var):
        return None
    return top.name, bottom.name


@check("inverted-fraction", "warning")
def check_inverted_fractions(defs: Definitions) -> Iterator[Problem]:
    """A ratio whose denominator is described as a part of its numerator (a warning).

    The source documents offices transcribe often write a fraction upside down: the
    part below the whole. iki flags a formula ``a / b`` (times constants) when the
    description (``uraian``) of ``b`` is that of ``a`` plus a qualifier.

    Bad: ``rumus: pengaduan / pengaduan_selesai * 100`` with ``pengaduan`` =
    "Jumlah pengaduan" and ``pengaduan_selesai`` = "Jumlah pengaduan yang
    terselesaikan".
    Good: ``rumus: pengaduan_selesai / pengaduan * 100``.
    """
    variables = defs.variables
    for j in defs.jabatan:
        for loc, _sas, ind in indicators(j):
            node = defs.formulas.get((j.model.id, ind.id))
            ratio = _ratio(node) if node is not None else None
            if ratio is None or not all(name in variables for name in ratio):
                continue
            top, bottom = (variables[name] for name in ratio)
            if looks_inverted(top.uraian, bottom.uraian):
                yield j.doc.problem(loc + ("rumus",), "inverted-fraction",
                                    t("checks.inverted-fraction", top=top.id, bottom=bottom.id,
                                      bottom_text=bottom.uraian), level="warning")
