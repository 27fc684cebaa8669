"""The check type and the decorator that gives a check function its rule id and level.

The table of checks itself is in `iki_cli.checks` (one explicit list), so
that the order of `docs/rules.md` and of the checks is written in one place.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..definitions.loading import Definitions, Loaded
from ..definitions.model import Indikator, Jabatan, Sasaran
from ..definitions.yamlload import Loc
from ..problems import Level, Problem

CheckFn = Callable[[Definitions], Iterator[Problem]]


@dataclass(frozen=True)
class Check:
    """A rule: its stable id, its level, and the generator of its problems."""

    id: str
    level: Level
    fn: CheckFn

    @property
    def doc(self) -> str:
        """The rule's documentation: the check's docstring."""
        return inspect.cleandoc(self.fn.__doc__ or "")


def check(rule_id: str, level: Level = "error") -> Callable[[CheckFn], CheckFn]:
    """Mark a function as the check of `rule_id`; `table` collects the marked functions."""

    def mark(fn: CheckFn) -> CheckFn:
        fn.__dict__["check"] = Check(rule_id, level, fn)
        return fn

    return mark


def table(functions: Iterable[CheckFn]) -> dict[str, Check]:
    """Rule id → check, in the given order; an unmarked function or a repeated id raises."""
    checks: dict[str, Check] = {}
    for fn in functions:
        found = fn.__dict__.get("check")
        if not isinstance(found, Check):
            raise ValueError(f"`{fn.__name__}` is not marked with @check")
        if found.id in checks:
            raise ValueError(f"rule `{found.id}` registered twice")
        checks[found.id] = found
    return checks


def indicators(j: Loaded[Jabatan]) -> Iterator[tuple[Loc, Sasaran, Indikator]]:
    """Every indicator of a position file with its location and objective."""
    for si, sas in enumerate(j.model.sasaran):
        for ii, ind in enumerate(sas.indikator):
            yield ("sasaran", si, "indikator", ii), sas, ind
