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
    console,
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
    """Console entry point: domain errors become one line and an exit code, never a traceback.

    Standard output is checked (a full disk or a broken pipe is one message and
    exit 1, `--help` and `--version` included); SIGTERM ends the run like
    Ctrl-C, removing the temporary files of an interrupted write (exit 143 and
    130).
    """
    policy.activate()
    checked = console.guard_streams()
    code: int | str | None = 0
    try:
        with policy.terminated_on_sigterm():
            if checked.failure is not None:  # stdout closed: fail before doing anything
                raise console.OutputError(checked.failure)
            app()
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        code = 130
    except policy.Terminated:
        code = 143
    except console.OutputError:
        code = 1  # the message is printed by `finish`
    if not console.finish(checked) and code in (0, None):
        code = 1
    sys.exit(code)
