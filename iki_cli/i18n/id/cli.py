"""Messages of the command line (Indonesian)."""

MESSAGES: dict[str, str] = {
    "cli.error-prefix": "galat:",
    "cli.stdout-closed": "keluaran standar (stdout) tertutup; alihkan saja (misalnya `> /dev/null`)",
    "cli.stdout-failed": "keluaran standar (stdout) tidak dapat ditulis: {reason}",
}
