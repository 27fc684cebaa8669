"""`iki doc -f docx` then `iki import` gives the same office back.

Same positions, tasks, functions, objectives, indicator names, data sources and
superiors; the same formulas up to the names of their variables (compared by the
variables' `uraian`, the text the document shows). A product is compared as the
multiset of its factors: the document writes `a * 100 / b` as the fraction a/b
× 100%, which reads back as `a / b * 100`, the same quantity.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx_fixtures import positions, read_yaml, validate_draft
from helpers import KANTOR_LAIN, REPO, SHIPPED

from iki_cli import formula
from iki_cli.checks import validate
from iki_cli.importers import import_document
from iki_cli.render.context import document_context
from iki_cli.render.docx import document_docx

ROOTS = {"shipped": SHIPPED, "kantor-lain": KANTOR_LAIN,
         "laporan-kecil": REPO / "tests" / "fixtures" / "laporan-kecil" / "definitions"}


def shape(node: formula.Node, names: dict[str, str]) -> Any:
    """A formula's structure, variables by their text, products as factor multisets."""
    if isinstance(node, formula.Var):
        return ("var", " ".join(names[node.name].split()))
    if isinstance(node, formula.Num):
        return ("num", node.value)
    if isinstance(node, formula.Unary):
        inner = shape(node.operand, names)
        return ("neg", inner) if node.op == "-" else inner
    if isinstance(node, formula.Call):
        return ("call", node.name, tuple(shape(a, names) for a in node.args))
    if node.op in "*/":
        chain = formula.factors(node)
        return ("product", tuple(sorted(repr(shape(f, names)) for f, div in chain if not div)),
                tuple(sorted(repr(shape(f, names)) for f, div in chain if div)))
    return ("sum", node.op, shape(node.left, names), shape(node.right, names))


def _office(items: list[dict[str, Any]], names: dict[str, str]) -> list[Any]:
    titles = {p["id"]: p["jabatan"] for p in items}
    return [(p["jabatan"], titles.get(p.get("atasan") or ""), p["tugas"], p.get("fungsi", []),
             [(s["uraian"], [(i["nama"], shape(formula.parse(i["rumus"]), names),
                              i.get("sumber_data")) for i in s["indikator"]])
              for s in p["sasaran"]])
            for p in items]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", list(ROOTS))
def test_document_and_import_give_the_same_office(name: str, lang: str,
                                                  tmp_path: Path) -> None:
    defs, problems = validate(ROOTS[name])
    assert not [p for p in problems if p.level == "error"]
    context = document_context(defs, lang)
    document = tmp_path / "iki.docx"
    document.write_bytes(document_docx(context))
    summary = import_document(document, tmp_path / "back")

    by_id = {loaded.model.id: loaded.model for loaded in defs.jabatan}
    # What the document shows, in its order: an indicator without its own data source
    # shows its variables' sources.
    shown = {(v.id, i.id): "\n".join(i.sumber_data) or None for v in context["jabatan"]
             for i in v.indikator}
    expected = [{
        "id": view.id, "jabatan": by_id[view.id].jabatan, "atasan": by_id[view.id].atasan,
        "tugas": by_id[view.id].tugas, "fungsi": by_id[view.id].fungsi,
        "sasaran": [{"uraian": s.uraian, "indikator": [
            {"nama": i.nama, "rumus": i.rumus, "sumber_data": shown[(view.id, i.id)]}
            for i in s.indikator]} for s in by_id[view.id].sasaran],
    } for view in context["jabatan"]]
    original_names = {v.id: v.uraian for v in defs.variabel.model.variabel}
    back = positions(tmp_path / "back")
    back_names = {v["id"]: v["uraian"] for v in
                  read_yaml(tmp_path / "back" / "variabel.yaml")["variabel"]}
    assert _office(back, back_names) == _office(expected, original_names)
    assert [p["urutan"] for p in back] == list(range(1, len(back) + 1))
    assert summary.positions == len(defs.jabatan)

    # Back through iki validate: what is left is only what the document cannot tell.
    _defs, found = validate_draft(tmp_path / "back")
    rules = {p.rule for p in found if p.level == "error"}
    assert rules <= {"schema"}, found
    assert all("agregasi" in p.message for p in found if p.rule == "schema")
