"""User-facing wording by language: result messages and report labels (one table each)."""

from __future__ import annotations

LANGS = ("id", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "missing_parts": "{var}: {parts} belum ada",
        "no_data": "{var}: belum ada nilai untuk {period}",
        "division_by_zero": "pembagian dengan nol: {expr} bernilai 0",
        "not_finite": "hasil perhitungan bukan bilangan terhingga",
        "target_zero": "target 0: capaian tidak dapat dihitung",
        "realisasi_zero": "realisasi 0: capaian (target / realisasi) tidak dapat dihitung",
        "no_target": "tidak ada target untuk periode {period}",
        "out_of_scale": "capaian {value} di bawah skala predikat",
        "kategori_out_of_scale": "realisasi {value} di bawah skala kategori",
    },
    "en": {
        "missing_parts": "{var}: {parts} missing",
        "no_data": "{var}: no value for {period} yet",
        "division_by_zero": "division by zero: {expr} is 0",
        "not_finite": "the result is not a finite number",
        "target_zero": "target is 0: achievement cannot be computed",
        "realisasi_zero": "measured value is 0: achievement (target / value) cannot be computed",
        "no_target": "no target for period {period}",
        "out_of_scale": "achievement {value} is below the rating scale",
        "kategori_out_of_scale": "measured value {value} is below the category scale",
    },
}


def message(lang: str, key: str, **fields: object) -> str:
    """A result message in `lang` (falls back to Indonesian)."""
    table = MESSAGES.get(lang, MESSAGES["id"])
    return table[key].format(**fields)
