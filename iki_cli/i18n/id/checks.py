"""Messages of checks (Indonesian)."""

MESSAGES: dict[str, str] = {
}
