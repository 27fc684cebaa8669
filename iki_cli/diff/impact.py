"""The impact of a definitions change on the numbers: both sides computed on the same values.

A reviewer of a change to the definitions sees not only *what* changed (a target,
a formula, a variable's `agregasi`) but *what it does*: every indicator whose
realisasi, capaian, predikat or status moves, with the definition change that
explains it — its own, or that of a variable it shares with others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from ..definitions.hierarchy import position_order
from ..definitions.loading import Definitions
from ..definitions.model import Variabel
from ..evaluation.compute import compute
from ..evaluation.results import Report, Result
from ..periods import Period
from ..values.ingest import Values
from .compare import Change

# The figures of a result a reviewer watches, in the order they are reported; then those
# of its history (SPEC §7) that rate it: the capaian and predikat to date (a quarter
# without a target of its own is rated by them) and the capaian against the Renstra.
FIELDS = ("realisasi", "capaian", "predikat", "status")
HISTORY_FIELDS = ("sd_periode.capaian", "sd_periode.predikat", "renstra.capaian")
PREDIKAT_FIELDS = ("predikat", "sd_periode.predikat")
EffectKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Effect:
    """What a change does to one indicator's result for the period.

    `fields` are the figures that moved, as (field, old, new); for an indicator
    only on one side, every figure with None on the other side. `own` are the
    changes to the indicator's own definition (its formula, its target…);
    `shared` the changes to variables it uses, which explain a result that
    moved while the indicator itself did not change.
    """

    indikator: str  # POSITION-ID/INDICATOR-ID
    jabatan: str
    change: EffectKind
    fields: tuple[tuple[str, Any, Any], ...]
    own: tuple[Change, ...] = ()
    shared: tuple[Change, ...] = ()
    satuan: str = ""
    desimal: int = 2
    target: tuple[float | None, float | None] = (None, None)  # the period's target, old → new

    def to_dicts(self) -> list[dict[str, Any]]:
        """The `dampak` items of SPEC §5: one per figure that moved."""
        return [{"indikator": self.indikator, "field": field, "old": old, "new": new,
                 "change": self.change} for field, old, new in self.fields]

    def field(self, name: str) -> tuple[Any, Any] | None:
        """(old, new) of one figure when it moved."""
        for field, old, new in self.fields:
            if field == name:
                return old, new
        return None


def union_catalogue(old: Definitions, new: Definitions) -> dict[str, Variabel]:
    """Every variable of either side (the new side's entry where both have it), so that one
    reading of the values serves both."""
    return {**old.variables, **new.variables}


def results_by_key(report: Report) -> dict[str, Result]:
    return {f"{r.jabatan}/{r.indikator}": r for r in report.hasil}


def _figures(r: Result | None) -> dict[str, Any]:
    out = {f: (getattr(r, f) if r is not None else None) for f in FIELDS}
    to_date = r.sd_periode if r is not None else None
    plan = r.renstra if r is not None else None
    out["sd_periode.capaian"] = to_date.capaian if to_date is not None else None
    out["sd_periode.predikat"] = to_date.predikat if to_date is not None else None
    out["renstra.capaian"] = plan.capaian if plan is not None else None
    return out


def _indicator_info(defs: Definitions) -> dict[str, tuple[int, str, tuple[str, ...]]]:
    """POSITION/INDICATOR → (decimals, unit, its variables) on one side."""
    info = {}
    for loaded in defs.jabatan:
        for sas in loaded.model.sasaran:
            for ind in sas.indikator:
                key = (loaded.model.id, ind.id)
                info[f"{key[0]}/{key[1]}"] = (ind.desimal, ind.satuan, defs.variable_names(key))
    return info


def impact(old_defs: Definitions, new_defs: Definitions, values: Values, period: Period,
           changes: Iterable[Change]) -> list[Effect]:
    """Every indicator whose figures for `period` differ between the two sides.

    Both sides are computed on the same values; the changes of the definitions
    diff are attached to the indicators they concern. Listed in the new side's
    order of positions, indicators only on the old side after them.
    """
    # The figures over time (SPEC §7) are not compared: computing them would only cost.
    # With the history: both sides see the same earlier years and the same figures to date.
    old = results_by_key(compute(old_defs, values, period))
    new = results_by_key(compute(new_defs, values, period))
    own: dict[str, list[Change]] = {}
    variable_changes: dict[str, list[Change]] = {}
    for c in changes:
        object_kind, _, ident = c.object.partition(":")
        if object_kind == "indikator":
            own.setdefault(ident, []).append(c)
        elif object_kind == "variabel":
            variable_changes.setdefault(ident, []).append(c)
    info = {**_indicator_info(old_defs), **_indicator_info(new_defs)}
    order = [f"{r.jabatan}/{r.indikator}" for r in new.values()]
    order += [key for key in old if key not in new]
    effects = []
    for key in order:
        before, after = old.get(key), new.get(key)
        a, b = _figures(before), _figures(after)
        if before is None or after is None:
            kind: EffectKind = "added" if before is None else "removed"
            fields = tuple((f, a[f], b[f]) for f in FIELDS)
        else:
            kind = "changed"
            fields = tuple((f, a[f], b[f]) for f in FIELDS + HISTORY_FIELDS if a[f] != b[f])
            if not fields:
                continue
        desimal, satuan, names = info[key]
        shared = tuple(c for name in names for c in variable_changes.get(name, ()))
        target = (before.target if before else None, after.target if after else None)
        effects.append(Effect(key, key.partition("/")[0], kind, fields,
                              tuple(own.get(key, ())), shared, satuan, desimal, target))
    return effects


def positions_in_order(defs: Definitions) -> list[str]:
    """Position ids in the one order of SPEC §1 (for grouping the effects)."""
    return [p.id for p in position_order(loaded.model for loaded in defs.jabatan)]


def predikat_changed(effects: Iterable[Effect]) -> list[Effect]:
    """The effects in which a predikat moved, the period's or the one to date (the
    `--fail-on predikat` gate)."""
    return [e for e in effects if any(e.field(f) is not None for f in PREDIKAT_FIELDS)]
