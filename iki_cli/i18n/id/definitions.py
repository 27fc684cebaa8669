"""Messages of definitions (Indonesian)."""

MESSAGES: dict[str, str] = {
}
