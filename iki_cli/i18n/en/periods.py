"""Messages of periods (English)."""

MESSAGES: dict[str, str] = {
    "periods.not-a-period": "`{value}` is not a period; use {forms}",
    "periods.year-range": "`{value}`: years are {low}–{high}",
    "periods.forms": "2026, 2026-S1, 2026-TW1 … 2026-TW4 or 2026-01 … 2026-12",
}
