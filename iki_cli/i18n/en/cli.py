"""Messages of the command line (English)."""

MESSAGES: dict[str, str] = {
    "cli.error-prefix": "error:",
    "cli.stdout-closed": "standard output is closed; redirect it instead (e.g. `> /dev/null`)",
    "cli.stdout-failed": "cannot write to standard output: {reason}",
}
