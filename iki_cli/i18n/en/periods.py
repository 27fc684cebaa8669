"""Messages of periods (English)."""

MESSAGES: dict[str, str] = {
}
