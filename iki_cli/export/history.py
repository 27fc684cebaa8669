"""The fields of SPEC §7 in the JSON and CSV results: a result's figures over time.

They follow the fields of SPEC §5 in every result: `sebelumnya`, `sd_periode`,
`triwulan`, `renstra`, `analisis`. Numbers are unrounded, as everywhere in the
JSON. In the CSV the objects become one column per field (`sd_periode.capaian`,
`renstra.target`, …) and the lists one text cell `periode=realisasi; …`.
"""

from __future__ import annotations

from typing import Any

from ..evaluation.results import Result, Titik

HISTORY_CSV_FIELDS = (
    "sebelumnya",
    "sd_periode.periode", "sd_periode.realisasi", "sd_periode.target", "sd_periode.capaian",
    "sd_periode.predikat", "sd_periode.status",
    "triwulan",
    "renstra.akhir", "renstra.target", "renstra.capaian", "renstra.kondisi_awal.tahun",
    "renstra.kondisi_awal.nilai",
    "analisis.faktor_pendukung", "analisis.faktor_penghambat", "analisis.tindak_lanjut",
)


def _point(p: Titik) -> dict[str, Any]:
    return {"periode": p.periode, "realisasi": p.realisasi, "capaian": p.capaian,
            "status": p.status}


def history_fields(r: Result) -> dict[str, Any]:
    """SPEC §7's fields of one result, in the order of the contract."""
    sd = r.sd_periode
    plan = r.renstra
    base = plan.kondisi_awal if plan is not None else None
    return {
        "sebelumnya": [_point(p) for p in r.sebelumnya],
        "sd_periode": None if sd is None else {
            "periode": sd.periode, "realisasi": sd.realisasi, "target": sd.target,
            "capaian": sd.capaian, "predikat": sd.predikat, "status": sd.status},
        "triwulan": None if r.triwulan is None else [_point(p) for p in r.triwulan],
        "renstra": None if plan is None else {
            "akhir": plan.akhir, "target": plan.target, "capaian": plan.capaian,
            "kondisi_awal": None if base is None else {"tahun": base.tahun,
                                                       "nilai": base.nilai}},
        "analisis": None if r.analisis is None else r.analisis._asdict(),
    }


def _points_cell(points: list[dict[str, Any]] | None) -> str:
    if not points:
        return ""
    return "; ".join(f"{p['periode']}=" + ("" if p["realisasi"] is None else repr(p["realisasi"]))
                     for p in points)


def history_csv_cells(row: dict[str, Any]) -> dict[str, Any]:
    """The CSV cells of SPEC §7's fields, from a result's JSON object `row`."""
    cells: dict[str, Any] = {"sebelumnya": _points_cell(row["sebelumnya"]),
                             "triwulan": _points_cell(row["triwulan"])}
    for name in ("sd_periode", "renstra", "analisis"):
        _flatten(cells, name, row[name])
    return {field: cells.get(field) for field in HISTORY_CSV_FIELDS}


def _flatten(cells: dict[str, Any], prefix: str, value: Any) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(cells, f"{prefix}.{key}", inner)
    else:
        cells[prefix] = value
