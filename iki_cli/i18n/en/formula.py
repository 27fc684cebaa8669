"""Messages of formula (English)."""

MESSAGES: dict[str, str] = {
}
