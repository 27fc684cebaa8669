"""Messages of formula (Indonesian)."""

MESSAGES: dict[str, str] = {
}
