"""The `iki` command line: options in, calls to the core, reporters out, exit codes.

Exit codes: 0 success; 1 invalid definitions or data (or, with --strict,
warnings / incomplete results); 2 wrong usage. The commands are added to `app`
here, in the order `iki --help` lists them.
"""

from __future__ import annotations

import sys

from . import (
    browse_commands,
    check_commands,
    compute_commands,
    diff_commands,
    import_commands,
    policy,
)
from .app import app, register

register([
    import_commands.import_,
    check_commands.validate,
    browse_commands.list_,
    browse_commands.show,
    browse_commands.tree,
    check_commands.schema,
    compute_commands.compute,
    compute_commands.template,
    diff_commands.diff,
    diff_commands.doc,
])

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point: domain errors become one line and an exit code, never a traceback."""
    policy.activate()
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
