"""Ids: their patterns, and uniqueness within their scope."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..definitions.loading import Definitions
from ..definitions.model import KEBAB, MAX_ID, SNAKE
from ..formula import RESERVED_WORDS
from ..i18n import t
from ..problems import Problem, printable
from .registry import check, indicators


def _bad_id(value: str, pattern: str, kind: str) -> str | None:
    if len(value) > MAX_ID:
        return t("checks.id-too-long", kind=t(f"checks.kind-{kind}"), start=value[:20],
                 count=len(value), limit=MAX_ID)
    if not re.match(pattern, value):
        return t("checks.id-kebab" if pattern == KEBAB else "checks.id-snake",
                 kind=t(f"checks.kind-{kind}"), id=printable(value, one_line=True))
    # Soft keywords (`match`, `case`, `type`, `_`) are refused by the formula parser too.
    if pattern == SNAKE and value in RESERVED_WORDS:
        return t("checks.id-reserved", id=value)
    return None


@check("bad-id")
def check_ids(defs: Definitions) -> Iterator[Problem]:
    """Ids follow their pattern and are at most 64 characters.

    Positions, objectives and indicators use kebab-case; variables use
    snake_case (not a Python keyword, nor a soft keyword: ``match``, ``case``,
    ``type``, ``_``) so that they read well in formulas.

    Bad: ``id: Kepala_Dinas`` (position), ``id: pmks-ada`` (variable).
    Good: ``id: kepala-dinas``, ``id: pmks_ada``.
    """
    if defs.variabel:
        for i, var in enumerate(defs.variabel.model.variabel):
            msg = _bad_id(var.id, SNAKE, "variable")
            if msg:
                yield defs.variabel.doc.problem(("variabel", i, "id"), "bad-id", msg)
    for j in defs.jabatan:
        msg = _bad_id(j.model.id, KEBAB, "position")
        if msg:
            yield j.doc.problem(("id",), "bad-id", msg)
        for si, sas in enumerate(j.model.sasaran):
            msg = _bad_id(sas.id, KEBAB, "objective")
            if msg:
                yield j.doc.problem(("sasaran", si, "id"), "bad-id", msg)
        for loc, _sas, ind in indicators(j):
            msg = _bad_id(ind.id, KEBAB, "indicator")
            if msg:
                yield j.doc.problem(loc + ("id",), "bad-id", msg)


def _duplicates(items: list[str]) -> Iterator[tuple[int, int]]:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item in seen:
            yield seen[item], i
        else:
            seen[item] = i


@check("duplicate-id")
def check_unique_ids(defs: Definitions) -> Iterator[Problem]:
    """Ids are unique: variables in the catalogue, objectives and indicators in their file.

    Bad: two indicators ``id: pmks-tertangani`` in one position file.
    Good: ``id: pmks-tertangani`` and ``id: pmks-persentase``.
    """
    if defs.variabel:
        ids = [v.id for v in defs.variabel.model.variabel]
        for first, again in _duplicates(ids):
            line = defs.variabel.doc.pos(("variabel", first, "id"))[0]
            yield defs.variabel.doc.problem(
                ("variabel", again, "id"), "duplicate-id",
                t("checks.duplicate-variable", id=ids[again], line=line))
    for j in defs.jabatan:
        sas_ids = [s.id for s in j.model.sasaran]
        for first, again in _duplicates(sas_ids):
            line = j.doc.pos(("sasaran", first, "id"))[0]
            yield j.doc.problem(("sasaran", again, "id"), "duplicate-id",
                                t("checks.duplicate-objective", id=sas_ids[again], line=line))
        locs = list(indicators(j))
        ind_ids = [ind.id for _, _, ind in locs]
        for first, again in _duplicates(ind_ids):
            line = j.doc.pos(locs[first][0] + ("id",))[0]
            yield j.doc.problem(locs[again][0] + ("id",), "duplicate-id",
                                t("checks.duplicate-indicator", id=ind_ids[again], line=line))
