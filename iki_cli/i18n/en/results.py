"""Messages of results (`pesan`): one per stable code (English)."""

MESSAGES: dict[str, str] = {
    "pesan.missing-parts": "{var}: {parts} missing",
    "pesan.no-value": "{var}: no value for {period} yet",
    "pesan.division-by-zero": "division by zero: {expr} is 0",
    "pesan.not-finite": "the result is not a finite number",
    "pesan.target-zero": "target is 0: achievement cannot be computed",
    "pesan.realisasi-zero": "measured value is 0: achievement (target / value) cannot be computed",
    "pesan.no-target": "no target for period {period}",
    "pesan.below-scale": "achievement {value} is below the rating scale",
    "pesan.kategori-below-scale": "measured value {value} is below the category scale",
    "pesan.aturan": "{teks} (rule `{aturan}`: {syarat} does not hold, {left} against {right})",
    "pesan.aturan-galat": "{teks} (rule `{aturan}`: {syarat} cannot be evaluated, a division by zero)",
    "pesan.value-too-large": "{var}: the combined value is too large to be a number; check the values",
    "pesan.target-negative": "the target is negative: achievement is not computed",
    "pesan.capaian-too-large": "achievement (measured value against the target) is too large to be a number; check the values and the target",
}
