"""Messages of periods (Indonesian)."""

MESSAGES: dict[str, str] = {
}
