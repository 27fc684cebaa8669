"""Formulas: syntax, the variables they name, worked examples, and names that fit them."""

from __future__ import annotations

import math
from collections.abc import Iterator

from .. import formula
from ..definitions.loading import Definitions, Loaded
from ..definitions.model import Indikator, Jabatan
from ..i18n import t
from ..problems import Problem, did_you_mean, shown
from .registry import check, indicators


@check("formula-syntax")
def check_formulas(defs: Definitions) -> Iterator[Problem]:
    """A formula parses by the allow-list of SPEC §2.

    Only numbers, variable ids, ``+ - * /``, parentheses and ``min``, ``max``,
    ``abs``; at most 500 characters and 50 levels of nesting.

    Bad: ``rumus: a ** 2``, ``rumus: a.b``, ``rumus: round(a)``.
    Good: ``rumus: pmks_tertangani / pmks_ada * 100``.
    """
    # The loader parsed every formula; the ones that failed are reported here.
    for j in defs.jabatan:
        for loc, _sas, _ind in indicators(j):
            exc = defs.formula_errors.get((j.model.id, loc[1], loc[3]))
            if exc is not None:
                line, col = j.doc.column_in(loc + ("rumus",), exc.column)
                yield Problem(j.path, line, col, "error", "formula-syntax",
                              t("checks.formula", message=exc.message))


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
        for loc, _sas, ind in indicators(j):
            if all(name in known for name in defs.variable_names((j.model.id, ind.id))):
                continue  # the usual formula: only its unknown names need their places
            node = _formula(defs, j, ind)
            for var in formula.variables(node) if node else []:
                if var.name not in known:
                    line, col = j.doc.column_in(loc + ("rumus",), var.column)
                    yield Problem(j.path, line, col, "error", "unknown-variable",
                                  t("checks.unknown-variable", name=var.name)
                                  + did_you_mean(var.name, known))


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
                                            t("checks.unused-variable", id=var.id),
                                            level="warning")


@check("contoh")
def check_examples(defs: Definitions) -> Iterator[Problem]:
    """Each worked example (`contoh`) gives its `hasil` when the formula is evaluated.

    The example must name exactly the formula's variables. Results are compared
    with a tolerance of 1e-9 relative.

    Bad: ``rumus: a / b * 100`` with ``contoh: [{nilai: {a: 1, b: 4}, hasil: 20}]``.
    Good: the same with ``hasil: 25``.
    """
    for j in defs.jabatan:
        for loc, _sas, ind in indicators(j):
            node = _formula(defs, j, ind)
            if node is None:
                continue
            names = set(defs.variable_names((j.model.id, ind.id)))
            for ci, ex in enumerate(ind.contoh):
                cloc = loc + ("contoh", ci)
                missing = sorted(names - set(ex.nilai))
                extra = sorted(set(ex.nilai) - names)
                if missing:
                    yield j.doc.problem(cloc + ("nilai",), "contoh", t(
                        "checks.example-lacks", names=", ".join(f"`{m}`" for m in missing)))
                    continue
                if extra:
                    yield j.doc.problem(cloc + ("nilai",), "contoh", t(
                        "checks.example-extra",
                        names=", ".join(f"`{shown(m)}`" for m in extra)))
                try:
                    got = formula.evaluate(node, ex.nilai)
                except formula.EvaluationError as exc:
                    yield j.doc.problem(cloc, "contoh",
                                        t("checks.example-fails", reason=str(exc)))
                    continue
                if not math.isclose(got, ex.hasil, rel_tol=1e-9, abs_tol=1e-9):
                    yield j.doc.problem(cloc + ("hasil",), "contoh", t(
                        "checks.example-differs", got=f"{got:.10g}", expected=f"{ex.hasil:g}"))


@check("name-percent", "warning")
def check_name_percent(defs: Definitions) -> Iterator[Problem]:
    """An indicator named "Persentase …" should have a formula scaled by 100 (a warning).

    Bad: ``nama: Persentase surat terkirim`` with ``rumus: surat_terkirim / surat_masuk``.
    Good: ``rumus: surat_terkirim / surat_masuk * 100``.
    """
    for j in defs.jabatan:
        for loc, _sas, ind in indicators(j):
            node = _formula(defs, j, ind)
            name = ind.nama.strip().lower()
            if node and name.startswith(("persentase", "prosentase")) \
                    and not formula.scales_by_100(node):
                yield j.doc.problem(loc + ("rumus",), "name-percent",
                                    t("checks.name-percent"), level="warning")


@check("name-count", "warning")
def check_name_count(defs: Definitions) -> Iterator[Problem]:
    """An indicator named "Jumlah …" (a count) should not have a ratio formula (a warning).

    Bad: ``nama: Jumlah PSKS yang aktif`` with ``rumus: psks_aktif / psks_ada * 100``.
    Good: ``nama: Persentase PSKS yang aktif`` with the same formula, or ``rumus: psks_aktif``.
    """
    for j in defs.jabatan:
        for loc, _sas, ind in indicators(j):
            node = _formula(defs, j, ind)
            if node and ind.nama.strip().lower().startswith("jumlah") \
                    and formula.is_ratio(node):
                yield j.doc.problem(loc + ("rumus",), "name-count",
                                    t("checks.name-count"), level="warning")
