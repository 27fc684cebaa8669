"""Machine-readable results: `iki-<PERIOD>.json` and `.csv` (SPEC §5)."""

from __future__ import annotations

import csv
import io
import json

from .evaluate import Report

CSV_FIELDS = ("jabatan", "sasaran", "indikator", "nama", "satuan", "polaritas", "realisasi",
              "target", "capaian", "predikat", "kategori", "status", "pesan", "nilai")


def to_json(report: Report) -> str:
    """The JSON document of SPEC §5, unrounded numbers."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


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
