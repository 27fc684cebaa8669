"""Messages of definitions (English)."""

MESSAGES: dict[str, str] = {
}
