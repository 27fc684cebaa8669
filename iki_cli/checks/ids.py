"""Ids: their patterns, and uniqueness within their scope."""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator

from ..definitions.loading import Definitions
from ..definitions.model import KEBAB, MAX_ID, SNAKE
from ..problems import Problem
from .registry import check, indicators


def _bad_id(value: str, pattern: str, kind: str) -> str | None:
    if len(value) > MAX_ID:
        return f"{kind} id `{value[:20]}…` is {len(value)} characters; the limit is {MAX_ID}"
    if not re.match(pattern, value):
        style = ("kebab-case (lowercase letters, digits and single hyphens, e.g. "
                 "`kepala-dinas`)" if pattern == KEBAB else
                 "snake_case (lowercase letters, digits and `_`, starting with a letter, "
                 "e.g. `pmks_ada`)")
        return f"{kind} id `{value}` must be {style}"
    if pattern == SNAKE and keyword.iskeyword(value):
        return f"variable id `{value}` is a reserved word; choose another name"
    return None


@check("bad-id")
def check_ids(defs: Definitions) -> Iterator[Problem]:
    """Ids follow their pattern and are at most 64 characters.

    Positions, objectives and indicators use kebab-case; variables use
    snake_case (not a Python keyword) so that they read well in formulas.

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
                f"variable `{ids[again]}` is already defined on line {line}")
    for j in defs.jabatan:
        sas_ids = [s.id for s in j.model.sasaran]
        for first, again in _duplicates(sas_ids):
            line = j.doc.pos(("sasaran", first, "id"))[0]
            yield j.doc.problem(("sasaran", again, "id"), "duplicate-id",
                                f"objective `{sas_ids[again]}` is already defined on line {line}")
        locs = list(indicators(j))
        ind_ids = [ind.id for _, _, ind in locs]
        for first, again in _duplicates(ind_ids):
            line = j.doc.pos(locs[first][0] + ("id",))[0]
            yield j.doc.problem(locs[again][0] + ("id",), "duplicate-id",
                                f"indicator `{ind_ids[again]}` is already defined on line {line}")
