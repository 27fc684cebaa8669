"""The JSON results: codes and numbers are the same in every language, only `teks` differs."""

from __future__ import annotations

import copy
import json
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
