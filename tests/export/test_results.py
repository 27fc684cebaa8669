"""The JSON results: codes and numbers are the same in every language, only `teks` differs."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from helpers import KANTOR_LAIN, KANTOR_LAIN_NILAI, load, read

from iki_cli.evaluation.compute import compute
from iki_cli.export.results import to_json
from iki_cli.periods import parse_period


def _without_text(doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    for h in doc["hasil"]:
        h["pesan"] = [p["kode"] for p in h["pesan"]]
    return doc


def test_json_is_the_same_in_both_languages_but_for_the_words() -> None:
    defs = load(KANTOR_LAIN)
    report = compute(defs, read(defs, [KANTOR_LAIN_NILAI]), parse_period("2026-TW2"))
    docs = {lang: json.loads(to_json(report, defs, lang)) for lang in ("id", "en")}
    texts = {lang: [p["teks"] for h in doc["hasil"] for p in h["pesan"]]
             for lang, doc in docs.items()}
    assert texts["id"] and len(texts["id"]) == len(texts["en"])
    assert all(a != b for a, b in zip(texts["id"], texts["en"], strict=True))
    assert _without_text(docs["id"]) == _without_text(docs["en"])
    # The words name the variables by their description, never by their id.
    tb = next(p for h in docs["id"]["hasil"] for p in h["pesan"]
              if p["kode"] == "division-by-zero")
    assert tb["teks"] == ("pembagian dengan nol: Jumlah pasien TB dalam kohort yang dievaluasi "
                          "hasil pengobatannya bernilai 0")


def test_illustrative_data_is_said_on_every_sheet_and_page_of_the_workbook(
        tmp_path: Path) -> None:
    import io

    import openpyxl
    from helpers import EXAMPLE, SHIPPED

    from iki_cli.export.workbook import report_workbook

    defs = load(SHIPPED)  # ilustratif: true
    report = compute(defs, read(defs, [EXAMPLE]), parse_period("2026"))
    wb = openpyxl.load_workbook(io.BytesIO(report_workbook(report, defs, "id")))
    for ws in wb.worksheets:
        assert ws["A3"].value.startswith("Data dan target ilustratif — "), ws.title
        assert ws.oddFooter.left.text == "DATA DAN TARGET ILUSTRATIF"
    plain = load(KANTOR_LAIN)  # not illustrative: nothing said
    other = compute(plain, read(plain, [KANTOR_LAIN_NILAI]), parse_period("2026"))
    wb = openpyxl.load_workbook(io.BytesIO(report_workbook(other, plain, "id")))
    assert all(ws["A3"].value is None and not ws.oddFooter.left.text for ws in wb.worksheets)


def test_illustrative_data_is_said_in_the_header_of_the_word_document() -> None:
    import io

    import docx
    from helpers import SHIPPED

    from iki_cli.render.context import document_context
    from iki_cli.render.docx import document_docx

    for root, said in ((SHIPPED, True), (KANTOR_LAIN, False)):
        document = docx.Document(io.BytesIO(document_docx(document_context(load(root), "id"))))
        header = document.sections[0].header.paragraphs[0].text
        assert header.startswith("DATA DAN TARGET ILUSTRATIF") == said
