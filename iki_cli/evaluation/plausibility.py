"""Plausibility rules (`aturan`, SPEC §1) on the aggregated values of a period.

Each rule's variables are aggregated to the period by their `agregasi`, as
for the indicators, and its `syarat` evaluated once. A rule whose variables
all have a value and that does not hold is *broken*: the result of every
indicator using one of its variables carries a `Pesan("aturan", …)`, and the
command line warns (or, with `--strict`, fails). No number is changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import formula
from ..definitions.loading import Definitions
from ..definitions.model import Aturan
from ..periods import Period
from ..values.ingest import Values
from .aggregate import Aggregate, aggregate
from .results import Pesan, Result


@dataclass(frozen=True)
class BrokenRule:
    """A rule that does not hold for the period: both sides' values, or None when a side
    cannot be evaluated (a division by zero)."""

    aturan: Aturan
    variables: tuple[str, ...]
    left: float | None
    right: float | None

    def pesan(self) -> Pesan:
        """The message on the results of the indicators that use the rule's variables."""
        return Pesan("aturan", {"aturan": self.aturan.id, "teks": self.aturan.pesan,
                                "syarat": self.aturan.syarat, "left": self.left,
                                "right": self.right})


def broken_rules(defs: Definitions, values: Values, period: Period,
                 aggregates: dict[str, Aggregate] | None = None) -> list[BrokenRule]:
    """The rules of `variabel.yaml` that do not hold on the values of `period`."""
    if defs.variabel is None:
        return []
    aggregates = {} if aggregates is None else aggregates
    broken = []
    for rule in defs.variabel.model.aturan:
        try:
            condition = formula.parse_condition(rule.syarat)
        except formula.FormulaError:
            continue  # `iki validate` reports it; definitions with errors are not computed
        names = tuple(dict.fromkeys(v.name for v in formula.condition_variables(condition)))
        if any(name not in defs.variables for name in names):
            continue
        found: dict[str, float] = {}
        for name in names:
            agg = aggregates.get(name)
            if agg is None:
                agg = aggregates[name] = aggregate(defs.variables[name],
                                                   values.entries.get(name, {}), period)
            if agg.value is not None:
                found[name] = agg.value
        if len(found) < len(names):
            continue  # a variable without a value for the period: nothing to check
        left = _side(condition.left, found)
        right = _side(condition.right, found)
        if left is None or right is None or not formula.COMPARISONS[condition.op](left, right):
            broken.append(BrokenRule(rule, names, left, right))
    return broken


def _side(node: formula.Node, values: dict[str, float]) -> float | None:
    try:
        return formula.evaluate(node, values)
    except formula.EvaluationError:
        return None


def mark_results(results: list[Result], broken: list[BrokenRule],
                 uses: dict[tuple[str, str], tuple[str, ...]]) -> None:
    """Add each broken rule's message to the results of the indicators using its variables.

    `uses` maps (position id, indicator id) to the variables of its formula.
    """
    for result in results:
        names = set(uses.get((result.jabatan, result.indikator), ()))
        for rule in broken:
            if names.intersection(rule.variables):
                result.pesan.append(rule.pesan())
