"""Machine-readable results: `iki-<PERIOD>.json` and `.csv` (SPEC §5).

Numbers are unrounded; each message is `{"kode", "teks"}`, so that everything
but `teks` is the same whatever the language.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..definitions.loading import Definitions
from ..evaluation.results import Report, Result
from ..render.messages import pesan_text
from ..render.numbering import numbering

CSV_FIELDS = ("nomor", "jabatan", "sasaran", "indikator", "nama", "satuan", "polaritas",
              "realisasi", "target", "capaian", "predikat", "kategori", "status", "pesan",
              "nilai", "ilustratif")


def result_dict(r: Result, lang: str, names: dict[str, str], nomor: str = "") -> dict[str, Any]:
    """One result as SPEC §5's object, with the reports' number (`1.1`) first."""
    return {
        "nomor": nomor, "jabatan": r.jabatan, "sasaran": r.sasaran, "indikator": r.indikator,
        "nama": r.nama, "satuan": r.satuan, "polaritas": r.polaritas,
        "realisasi": r.realisasi, "target": r.target, "capaian": r.capaian,
        "predikat": r.predikat, "kategori": r.kategori, "status": r.status,
        "pesan": [{"kode": p.kode, "teks": pesan_text(p, lang, names)} for p in r.pesan],
        "nilai": dict(r.nilai),
    }


def report_dict(report: Report, defs: Definitions, lang: str) -> dict[str, Any]:
    """The whole JSON document of SPEC §5; `ilustratif` says whether the definitions'
    targets and values are examples (`organisasi.yaml`), not the office's figures."""
    names = variable_names(defs)
    numbers = numbering(defs).indikator
    data: dict[str, Any] = {"versi_skema": 1, "periode": report.periode,
                            "organisasi": report.organisasi}
    if report.definisi:
        data["definisi"] = report.definisi
    data.update({"ilustratif": _illustrative(defs), "ringkasan": report.ringkasan,
                 "hasil": [result_dict(r, lang, names,
                                       numbers.get((r.jabatan, r.indikator), ""))
                           for r in report.hasil]})
    return data


def _illustrative(defs: Definitions) -> bool:
    return bool(defs.organisasi and defs.organisasi.model.ilustratif)


def variable_names(defs: Definitions) -> dict[str, str]:
    """Variable id → its description, for the words of messages."""
    return {v.id: v.uraian for v in defs.variables.values()}


def to_json(report: Report, defs: Definitions, lang: str = "id") -> str:
    """The JSON document of SPEC §5, unrounded numbers; one line per result.

    The head (period, office, counts) is indented; each result is one line, so
    a change between two runs shows as the changed indicators' lines, and the
    file of a large office is written twice as fast as with every field indented.
    """
    data = report_dict(report, defs, lang)
    results = data.pop("hasil")
    head = json.dumps(data, ensure_ascii=False, indent=2)
    line = json.JSONEncoder(ensure_ascii=False).encode
    rows = ",\n    ".join(line(r) for r in results)
    body = f"[\n    {rows}\n  ]" if results else "[]"
    return f'{head[:-2]},\n  "hasil": {body}\n}}\n'


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def to_csv(report: Report, defs: Definitions, lang: str = "id") -> str:
    """One row per indicator, the JSON fields; `nilai` as `var=value; …`, `pesan` texts
    joined by `; `; `ilustratif` (`true`/`false`, the same on every row) last."""
    names = variable_names(defs)
    numbers = numbering(defs).indikator
    illustrative = "true" if _illustrative(defs) else "false"
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in report.hasil:
        row = result_dict(r, lang, names, numbers.get((r.jabatan, r.indikator), ""))
        row["pesan"] = "; ".join(p["teks"] for p in row["pesan"])
        row["nilai"] = "; ".join(f"{k}={_cell(v)}" for k, v in r.nilai.items())
        row["ilustratif"] = illustrative
        writer.writerow([_cell(row[f]) for f in CSV_FIELDS])
    return buf.getvalue()
