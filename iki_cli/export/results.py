"""Machine-readable results: `iki-<PERIOD>.json` and `.csv` (SPEC §5).

Numbers are unrounded; each message is `{"kode", "teks"}`, so that everything
but `teks` is the same whatever the language.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from ..definitions.loading import Definitions
from ..evaluation.results import Report, Result
from ..render.messages import pesan_text
from ..render.numbering import numbering
from .history import HISTORY_CSV_FIELDS, history_csv_cells, history_fields

CSV_FIELDS = ("nomor", "jabatan", "sasaran", "indikator", "nama", "satuan", "polaritas",
              "realisasi", "target", "capaian", "predikat", "kategori", "status", "pesan",
              "nilai", *HISTORY_CSV_FIELDS, "ilustratif")


def result_dict(r: Result, lang: str, names: dict[str, str], nomor: str = "") -> dict[str, Any]:
    """One result as SPEC §5's object, with the reports' number (`1.1`) first."""
    return {
        "nomor": nomor, "jabatan": r.jabatan, "sasaran": r.sasaran, "indikator": r.indikator,
        "nama": r.nama, "satuan": r.satuan, "polaritas": r.polaritas,
        "realisasi": r.realisasi, "target": r.target, "capaian": r.capaian,
        "predikat": r.predikat, "kategori": r.kategori, "status": r.status,
        "pesan": [{"kode": p.kode, "teks": pesan_text(p, lang, names)} for p in r.pesan],
        "nilai": dict(r.nilai),
        **history_fields(r),
    }


def report_dict(report: Report, defs: Definitions, lang: str) -> dict[str, Any]:
    """The whole JSON document of SPEC §5; `ilustratif` says whether the definitions'
    targets and values are examples (`organisasi.yaml`), not the office's figures."""
    data = _head(report, defs)
    data["hasil"] = list(_results(report, defs, lang))
    return data


def _head(report: Report, defs: Definitions) -> dict[str, Any]:
    data: dict[str, Any] = {"versi_skema": 1, "periode": report.periode,
                            "organisasi": report.organisasi}
    if report.definisi:
        data["definisi"] = report.definisi
    data.update({"ilustratif": _illustrative(defs), "ringkasan": report.ringkasan})
    return data


def _results(report: Report, defs: Definitions, lang: str) -> Iterator[dict[str, Any]]:
    names = variable_names(defs)
    numbers = numbering(defs).indikator
    for r in report.hasil:
        yield result_dict(r, lang, names, numbers.get((r.jabatan, r.indikator), ""))


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
    # Each result is encoded as it is made: the objects of thousands of results, with
    # their figures over time, are never all held at once.
    # allow_nan=False: `Infinity` and `NaN` are not JSON; evaluation makes every number
    # finite (a result too large to be one is `galat`), and a slip fails here, not in a reader.
    head = json.dumps(_head(report, defs), ensure_ascii=False, indent=2, allow_nan=False)
    line = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode
    rows = ",\n    ".join(line(r) for r in _results(report, defs, lang))
    body = f"[\n    {rows}\n  ]" if report.hasil else "[]"
    return f'{head[:-2]},\n  "hasil": {body}\n}}\n'


def _cell(value: object) -> str:
    """A CSV cell: empty for null, floats unrounded with a decimal point."""
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
        row.update(history_csv_cells(row))
        writer.writerow([_cell(row[f]) for f in CSV_FIELDS])
    return buf.getvalue()
