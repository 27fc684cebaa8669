"""Messages of periods (Indonesian)."""

MESSAGES: dict[str, str] = {
    "periods.not-a-period": "`{value}` bukan periode; gunakan {forms}",
    "periods.year-range": "`{value}`: tahun harus {low}–{high}",
    "periods.forms": "2026, 2026-S1, 2026-TW1 … 2026-TW4 atau 2026-01 … 2026-12",
}
