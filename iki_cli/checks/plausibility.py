"""Plausibility: the `rentang` of a variable and the `aturan` between variables."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import formula
from ..definitions.loading import Definitions
from ..definitions.model import KEBAB, MAX_ID
from ..i18n import t
from ..problems import Problem
from .registry import check


def _suggest(name: str, known: dict[str, object]) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return t("checks.did-you-mean", name=close[0]) if close else ""


@check("rentang")
def check_rentang(defs: Definitions) -> Iterator[Problem]:
    """A variable's `rentang` has `min` at most `max`, and at least one of them.

    Bad: ``rentang: {min: 100, max: 25}``, ``rentang: {}``.
    Good: ``rentang: {min: 25, max: 100}`` (an IKM score), ``rentang: {min: 0}`` (a count).
    """
    if defs.variabel is None:
        return
    doc = defs.variabel.doc
    for i, var in enumerate(defs.variabel.model.variabel):
        rentang = var.rentang
        if rentang is None:
            continue
        loc = ("variabel", i, "rentang")
        if rentang.min is None and rentang.max is None:
            yield doc.problem(loc, "rentang", t("checks.rentang-empty", var=var.id))
        elif rentang.min is not None and rentang.max is not None and rentang.min > rentang.max:
            yield doc.problem(loc + ("max",), "rentang", t(
                "checks.rentang-reversed", var=var.id, min=f"{rentang.min:g}",
                max=f"{rentang.max:g}"))


@check("aturan-id")
def check_aturan_ids(defs: Definitions) -> Iterator[Problem]:
    """Each `aturan` has a kebab-case `id`, unique among the rules.

    Bad: ``id: Tertangani_Ada``, or two rules ``id: tertangani-tidak-melebihi-ada``.
    Good: ``id: tertangani-tidak-melebihi-ada``.
    """
    if defs.variabel is None:
        return
    doc = defs.variabel.doc
    seen: dict[str, int] = {}
    for i, rule in enumerate(defs.variabel.model.aturan):
        loc = ("aturan", i, "id")
        if not re.match(KEBAB, rule.id) or len(rule.id) > MAX_ID:
            yield doc.problem(loc, "aturan-id", t("checks.aturan-id-bad", id=rule.id[:80]))
        elif rule.id in seen:
            line = doc.pos(("aturan", seen[rule.id], "id"))[0]
            yield doc.problem(loc, "aturan-id", t("checks.aturan-id-twice", id=rule.id,
                                                   line=line))
        else:
            seen[rule.id] = i


@check("aturan-syarat")
def check_aturan_syarat(defs: Definitions) -> Iterator[Problem]:
    """An `aturan`'s `syarat` is two formulas joined by one comparison, over known variables.

    The formulas follow the allow-list of `rumus`; the comparison is one of
    ``<=``, ``<``, ``>=``, ``>``, ``==``, ``!=``. Errors point at the column in
    the `syarat`, as for a formula.

    Bad: ``syarat: pmks_tertangani <= pmks_ad`` (unknown variable),
    ``syarat: a < b < c`` (two comparisons), ``syarat: a / b`` (no comparison).
    Good: ``syarat: pmks_tertangani <= pmks_ada``.
    """
    if defs.variabel is None:
        return
    doc = defs.variabel.doc
    known = defs.variables
    for i, rule in enumerate(defs.variabel.model.aturan):
        loc = ("aturan", i, "syarat")
        try:
            condition = formula.parse_condition(rule.syarat)
        except formula.FormulaError as exc:
            line, col = doc.column_in(loc, exc.column)
            yield Problem(doc.path, line, col, "error", "aturan-syarat",
                          t("checks.syarat-syntax", message=exc.message))
            continue
        for var in formula.condition_variables(condition):
            if var.name not in known:
                line, col = doc.column_in(loc, var.column)
                yield Problem(doc.path, line, col, "error", "aturan-syarat",
                              t("checks.syarat-unknown", name=var.name,
                                hint=_suggest(var.name, known)))  # type: ignore[arg-type]
