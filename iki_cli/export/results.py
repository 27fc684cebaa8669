"""Machine-readable results: `iki-<PERIOD>.json` and `.csv` (SPEC §5)."""

from __future__ import annotations

import csv
import io
import json

from ..evaluation.results import Report

CSV_FIELDS = ("jabatan", "sasaran", "indikator", "nama", "satuan", "polaritas", "realisasi",
              "target", "capaian", "predikat", "kategori", "status", "pesan", "nilai")


def to_json(report: Report) -> str:
    """The JSON document of SPEC §5, unrounded numbers; one line per result.

    The head (period, office, counts) is indented; each result is one line, so
    a change between two runs shows as the changed indicators' lines, and the
    file of a large office is written twice as fast as with every field indented.
    """
    data = report.to_dict()
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


def to_csv(report: Report) -> str:
    """One row per indicator, the JSON fields; `nilai` as `var=value; …`, `pesan` joined by `; `."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for r in report.hasil:
        row = r.to_dict()
        row["pesan"] = "; ".join(r.pesan)
        row["nilai"] = "; ".join(f"{k}={_cell(v)}" for k, v in r.nilai.items())
        writer.writerow([_cell(row[f]) for f in CSV_FIELDS])
    return buf.getvalue()
