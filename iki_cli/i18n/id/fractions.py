"""Messages of the check of upside-down fractions (Indonesian)."""

MESSAGES: dict[str, str] = {
    "checks.inverted-fraction": "penyebut `{bottom}` (\u201c{bottom_text}\u201d) adalah bagian dari pembilang `{top}`: pecahan ini tampak terbalik; biasanya yang dimaksud `{bottom} / {top}`",
}
