"""Messages of checks (English)."""

MESSAGES: dict[str, str] = {
}
