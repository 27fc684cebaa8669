"""The checks of a definitions root, each a generator of problems under a stable rule id.

Every check's docstring explains the rule with a bad and a good example;
`docs/rules.md` is generated from these docstrings (see `iki_cli.rules`).
"""

from __future__ import annotations

import inspect
import keyword
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import formula
from .definitions import Definitions, Loaded, gc_paused, load_definitions
from .model import KEBAB, MAX_ID, SNAKE, Indikator, Jabatan, Sasaran, Threshold
from .periods import PeriodError, parse_period
from .problems import Level, Problem, did_you_mean, sort_problems
from .yamlload import Document, Loc

CheckFn = Callable[[Definitions], Iterator[Problem]]


@dataclass(frozen=True)
class Check:
    id: str
    level: Level
    fn: CheckFn

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.fn.__doc__ or "")


CHECKS: dict[str, Check] = {}


def check(rule_id: str, level: Level = "error") -> Callable[[CheckFn], CheckFn]:
    """Register a check under `rule_id` in the one table of checks."""

    def register(fn: CheckFn) -> CheckFn:
        if rule_id in CHECKS:
            raise ValueError(f"rule `{rule_id}` registered twice")
        CHECKS[rule_id] = Check(rule_id, level, fn)
        return fn

    return register


def get_check(rule_id: str) -> Check:
    """The check registered as `rule_id`; an unknown id is a programming error."""
    try:
        return CHECKS[rule_id]
    except KeyError:
        raise KeyError(f"unknown rule id `{rule_id}`") from None


def run_checks(defs: Definitions) -> list[Problem]:
    """Run every registered check in table order (`formula-syntax` parses for the later ones)."""
    problems: list[Problem] = []
    for c in CHECKS.values():
        problems.extend(c.fn(defs))
    return problems


def validate(root: Path) -> tuple[Definitions, list[Problem]]:
    """Load a definitions root and run every check: all problems of all files, sorted."""
    with gc_paused():
        defs, problems = load_definitions(root)
        problems.extend(run_checks(defs))
    return defs, sort_problems(problems)


def _indicators(j: Loaded[Jabatan]) -> Iterator[tuple[Loc, Sasaran, Indikator]]:
    for si, sas in enumerate(j.model.sasaran):
        for ii, ind in enumerate(sas.indikator):
            yield ("sasaran", si, "indikator", ii), sas, ind


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
        for loc, _sas, ind in _indicators(j):
            msg = _bad_id(ind.id, KEBAB, "indicator")
            if msg:
                yield j.doc.problem(loc + ("id",), "bad-id", msg)


@check("file-name")
def check_file_names(defs: Definitions) -> Iterator[Problem]:
    """A position file is named after its id.

    Bad: ``jabatan/kadis.yaml`` containing ``id: kepala-dinas``.
    Good: ``jabatan/kepala-dinas.yaml`` containing ``id: kepala-dinas``.
    """
    for j in defs.jabatan:
        stem = j.path.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".yaml")
        if stem != j.model.id:
            yield j.doc.problem(("id",), "file-name",
                                f"id `{j.model.id}` does not match the file name `{stem}.yaml`; "
                                f"rename the file to `{j.model.id}.yaml` or change the id")


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
        locs = list(_indicators(j))
        ind_ids = [ind.id for _, _, ind in locs]
        for first, again in _duplicates(ind_ids):
            line = j.doc.pos(locs[first][0] + ("id",))[0]
            yield j.doc.problem(locs[again][0] + ("id",), "duplicate-id",
                                f"indicator `{ind_ids[again]}` is already defined on line {line}")


@check("atasan")
def check_atasan(defs: Definitions) -> Iterator[Problem]:
    """`atasan` names an existing position; exactly one position (the head) has none.

    Bad: ``atasan: kepala-dinass`` (no such position), or two files without ``atasan``.
    Good: ``atasan: kepala-dinas``; only ``kepala-dinas.yaml`` has no ``atasan``.
    """
    ids = set(defs.positions)
    heads = [j for j in defs.jabatan if j.model.atasan is None]
    for j in defs.jabatan:
        boss = j.model.atasan
        if boss is not None and boss not in ids:
            yield j.doc.problem(("atasan",), "atasan",
                                f"`atasan` names unknown position `{boss}`"
                                f"{did_you_mean(boss, ids)}")
        elif boss == j.model.id:
            yield j.doc.problem(("atasan",), "atasan", "a position cannot be its own `atasan`")
    if defs.jabatan and not heads:
        yield Problem(defs.jabatan[0].path, 1, 1, "error", "atasan",
                      "no position is the head: exactly one position must have no `atasan`")
    if len(heads) > 1:
        names = ", ".join(f"`{h.model.id}`" for h in heads)
        for h in heads[1:]:
            yield h.doc.problem(("id",), "atasan",
                                f"more than one head ({names}): every position but the head "
                                "needs an `atasan`")


def ancestors(positions: dict[str, Jabatan], start: str) -> list[str]:
    """The chain of superiors above `start`, nearest first (stops at a cycle)."""
    chain: list[str] = []
    current = positions.get(start)
    while current is not None and current.atasan and current.atasan not in chain \
            and current.atasan != start:
        chain.append(current.atasan)
        current = positions.get(current.atasan)
    return chain


@check("atasan-cycle")
def check_cycles(defs: Definitions) -> Iterator[Problem]:
    """Following `atasan` upwards always reaches the head: no cycles.

    Bad: ``a.yaml`` has ``atasan: b`` and ``b.yaml`` has ``atasan: a``.
    Good: ``a.yaml`` has ``atasan: b``; ``b.yaml`` has ``atasan: kepala-dinas``.
    """
    positions = defs.positions
    for j in defs.jabatan:
        if j.model.atasan == j.model.id:
            continue  # reported by `atasan`
        seen = [j.model.id]
        current = j.model
        while current.atasan and current.atasan in positions:
            if current.atasan in seen:
                if current.atasan == j.model.id:
                    loop = " → ".join(seen + [j.model.id])
                    yield j.doc.problem(("atasan",), "atasan-cycle",
                                        f"`atasan` goes round in a cycle: {loop}")
                break
            seen.append(current.atasan)
            current = positions[current.atasan]


@check("mendukung")
def check_mendukung(defs: Definitions) -> Iterator[Problem]:
    """`mendukung` names an objective of an ancestor, as `<position-id>/<sasaran-id>`.

    Bad: ``mendukung: kabid-ppa/perlindungan-anak`` from a position that is not
    below ``kabid-ppa``, or naming an objective that does not exist.
    Good: ``mendukung: kepala-dinas/kualitas-pelayanan-sosial`` from a Kepala Bidang.
    """
    positions = defs.positions
    for j in defs.jabatan:
        chain = ancestors(positions, j.model.id)
        for si, sas in enumerate(j.model.sasaran):
            target = sas.mendukung
            if target is None:
                continue
            loc = ("sasaran", si, "mendukung")
            pos_id, _, sas_id = target.partition("/")
            if not sas_id or "/" in sas_id:
                yield j.doc.problem(loc, "mendukung",
                                    f"`{target}` must be `<position-id>/<sasaran-id>`")
                continue
            if pos_id not in positions:
                yield j.doc.problem(loc, "mendukung", f"unknown position `{pos_id}`"
                                    f"{did_you_mean(pos_id, positions)}")
                continue
            objectives = [s.id for s in positions[pos_id].sasaran]
            if sas_id not in objectives:
                yield j.doc.problem(loc, "mendukung",
                                    f"position `{pos_id}` has no objective `{sas_id}`"
                                    f"{did_you_mean(sas_id, objectives)}")
            elif pos_id not in chain:
                above = ", ".join(chain) or "none"
                yield j.doc.problem(loc, "mendukung",
                                    f"`{pos_id}` is not a superior of `{j.model.id}` "
                                    f"(superiors: {above}); an objective can only support "
                                    "an objective of a superior")


@check("formula-syntax")
def check_formulas(defs: Definitions) -> Iterator[Problem]:
    """A formula parses by the allow-list of SPEC §2.

    Only numbers, variable ids, ``+ - * /``, parentheses and ``min``, ``max``,
    ``abs``; at most 500 characters and 50 levels of nesting.

    Bad: ``rumus: a ** 2``, ``rumus: a.b``, ``rumus: round(a)``.
    Good: ``rumus: pmks_tertangani / pmks_ada * 100``.
    """
    for j in defs.jabatan:
        for loc, _sas, ind in _indicators(j):
            try:
                node = formula.parse(ind.rumus)
            except formula.FormulaError as exc:
                defs.incomplete = True
                line, col = j.doc.column_in(loc + ("rumus",), exc.column)
                yield Problem(j.path, line, col, "error", "formula-syntax",
                              f"formula: {exc.message}")
                continue
            defs.formulas[(j.model.id, ind.id)] = node


def _formula(defs: Definitions, j: Loaded[Jabatan], ind: Indikator) -> formula.Node | None:
    return defs.formulas.get((j.model.id, ind.id))


@check("unknown-variable")
def check_variables_exist(defs: Definitions) -> Iterator[Problem]:
    """Every variable a formula names exists in `variabel.yaml`.

    Bad: ``rumus: pmks_tertangan / pmks_ada * 100`` (typo).
    Good: ``rumus: pmks_tertangani / pmks_ada * 100``.
    """
    if defs.variabel is None:
        return
    known = defs.variables
    for j in defs.jabatan:
        for loc, _sas, ind in _indicators(j):
            node = _formula(defs, j, ind)
            for var in formula.variables(node) if node else []:
                if var.name not in known:
                    line, col = j.doc.column_in(loc + ("rumus",), var.column)
                    yield Problem(j.path, line, col, "error", "unknown-variable",
                                  f"unknown variable `{var.name}`"
                                  f"{did_you_mean(var.name, known)}")


@check("unused-variable", "warning")
def check_unused(defs: Definitions) -> Iterator[Problem]:
    """A variable of the catalogue that no formula uses (a warning).

    Bad: ``variabel.yaml`` defines ``jumlah_lansia`` but no ``rumus`` mentions it.
    Good: remove it, or use it in a formula.
    """
    if defs.variabel is None or defs.incomplete:
        return  # a file that did not load may use the variable
    used = {name for key in defs.formulas for name in defs.variable_names(key)}
    for i, var in enumerate(defs.variabel.model.variabel):
        if var.id not in used:
            yield defs.variabel.doc.problem(("variabel", i, "id"), "unused-variable",
                                            f"variable `{var.id}` is not used by any formula",
                                            level="warning")


def _threshold_problems(doc: Document, loc: tuple, items: list[Threshold],
                        what: str) -> Iterator[Problem]:
    for i in range(1, len(items)):
        if not items[i].batas_bawah > items[i - 1].batas_bawah:
            yield doc.problem(loc + (i, "batas_bawah"), "thresholds",
                              f"{what}: `batas_bawah` {items[i].batas_bawah:g} must be greater "
                              f"than the previous one ({items[i - 1].batas_bawah:g})")
    for i, item in enumerate(items):
        if not math.isfinite(item.batas_bawah):
            yield doc.problem(loc + (i, "batas_bawah"), "thresholds",
                              f"{what}: `batas_bawah` must be a finite number")


@check("thresholds")
def check_thresholds(defs: Definitions) -> Iterator[Problem]:
    """Threshold lists (`predikat`, `kategori`) have strictly increasing `batas_bawah`.

    Bad: ``predikat: [{batas_bawah: 50, label: Baik}, {batas_bawah: 50, label: Sangat Baik}]``.
    Good: ``predikat: [{batas_bawah: 0, label: Kurang}, {batas_bawah: 50, label: Baik}]``.
    """
    if defs.organisasi:
        org = defs.organisasi
        yield from _threshold_problems(org.doc, ("predikat",), org.model.predikat, "predikat")
        rules = org.model.capaian
        if rules.batas_atas is not None and not rules.batas_atas > rules.batas_bawah:
            yield org.doc.problem(("capaian", "batas_atas"), "thresholds",
                                  "`capaian.batas_atas` must be greater than "
                                  "`capaian.batas_bawah`")
    for j in defs.jabatan:
        for loc, _sas, ind in _indicators(j):
            if ind.kategori:
                yield from _threshold_problems(j.doc, loc + ("kategori",),
                                               ind.kategori, "kategori")


@lru_cache(maxsize=4096)
def _period_code(key: str) -> str:
    """The canonical code of a target key (an office repeats the same few keys everywhere)."""
    return parse_period(key).code


@check("bad-period")
def check_target_periods(defs: Definitions) -> Iterator[Problem]:
    """Target keys are periods: `2026`, `2026-S1`, `2026-TW1` … `2026-TW4`, `2026-01` … `2026-12`.

    Bad: ``target: {2026-T1: 20}``, ``target: {26: 80}``.
    Good: ``target: {2026: 80, 2026-TW1: 20}`` (``2026-Q1`` is read as ``2026-TW1``).
    """
    for j in defs.jabatan:
        for loc, _sas, ind in _indicators(j):
            seen: dict[str, str] = {}
            for key in ind.target:
                tloc = loc + ("target", key)
                try:
                    code = _period_code(key)
                except PeriodError as exc:
                    yield j.doc.problem(tloc, "bad-period", f"target: {exc}", key=True)
                    continue
                if code in seen:
                    yield j.doc.problem(tloc, "bad-period",
                                        f"target `{key}` is the same period as `{seen[code]}`",
                                        key=True)
                seen[code] = key
                if not math.isfinite(ind.target[key]):
                    yield j.doc.problem(tloc, "bad-period", "a target must be a finite number")


@check("contoh")
def check_examples(defs: Definitions) -> Iterator[Problem]:
    """Each worked example (`contoh`) gives its `hasil` when the formula is evaluated.

    The example must name exactly the formula's variables. Results are compared
    with a tolerance of 1e-9 relative.

    Bad: ``rumus: a / b * 100`` with ``contoh: [{nilai: {a: 1, b: 4}, hasil: 20}]``.
    Good: the same with ``hasil: 25``.
    """
    for j in defs.jabatan:
        for loc, _sas, ind in _indicators(j):
            node = _formula(defs, j, ind)
            if node is None:
                continue
            names = set(defs.variable_names((j.model.id, ind.id)))
            for ci, ex in enumerate(ind.contoh):
                cloc = loc + ("contoh", ci)
                missing = sorted(names - set(ex.nilai))
                extra = sorted(set(ex.nilai) - names)
                if missing:
                    yield j.doc.problem(cloc + ("nilai",), "contoh",
                                        "example lacks " + ", ".join(f"`{m}`" for m in missing))
                    continue
                if extra:
                    yield j.doc.problem(cloc + ("nilai",), "contoh",
                                        "example names variables the formula does not use: "
                                        + ", ".join(f"`{m}`" for m in extra))
                try:
                    got = formula.evaluate(node, ex.nilai)
                except formula.EvaluationError as exc:
                    yield j.doc.problem(cloc, "contoh", f"example cannot be evaluated: {exc}")
                    continue
                if not math.isclose(got, ex.hasil, rel_tol=1e-9, abs_tol=1e-9):
                    yield j.doc.problem(cloc + ("hasil",), "contoh",
                                        f"example gives {got:.10g}, not {ex.hasil:g}")


@check("name-percent", "warning")
def check_name_percent(defs: Definitions) -> Iterator[Problem]:
    """An indicator named "Persentase …" should have a formula scaled by 100 (a warning).

    Bad: ``nama: Persentase surat terkirim`` with ``rumus: surat_terkirim / surat_masuk``.
    Good: ``rumus: surat_terkirim / surat_masuk * 100``.
    """
    for j in defs.jabatan:
        for loc, _sas, ind in _indicators(j):
            node = _formula(defs, j, ind)
            name = ind.nama.strip().lower()
            if node and name.startswith(("persentase", "prosentase")) \
                    and not formula.scales_by_100(node):
                yield j.doc.problem(loc + ("rumus",), "name-percent",
                                    "the name says \"Persentase\" but the formula is not "
                                    "multiplied by 100", level="warning")


@check("name-count", "warning")
def check_name_count(defs: Definitions) -> Iterator[Problem]:
    """An indicator named "Jumlah …" (a count) should not have a ratio formula (a warning).

    Bad: ``nama: Jumlah PSKS yang aktif`` with ``rumus: psks_aktif / psks_ada * 100``.
    Good: ``nama: Persentase PSKS yang aktif`` with the same formula, or ``rumus: psks_aktif``.
    """
    for j in defs.jabatan:
        for loc, _sas, ind in _indicators(j):
            node = _formula(defs, j, ind)
            if node and ind.nama.strip().lower().startswith("jumlah") \
                    and formula.is_ratio(node):
                yield j.doc.problem(loc + ("rumus",), "name-count",
                                    "the name says \"Jumlah\" (a count) but the formula is a "
                                    "ratio; rename it (e.g. \"Persentase …\") or count instead",
                                    level="warning")
