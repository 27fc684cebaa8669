"""The collector policy holds only in the `iki` process, never in a caller's."""

from __future__ import annotations

import gc
import subprocess
import sys

from helpers import KANTOR_LAIN, invoke
from typer.testing import CliRunner


def test_commands_run_in_another_process_leave_its_collector_alone(runner: CliRunner) -> None:
    frozen = gc.get_freeze_count()
    enabled = gc.isenabled()
    r = invoke(runner, "validate", "-d", KANTOR_LAIN)
    assert r.exit_code == 0, r.output
    assert gc.get_freeze_count() == frozen and gc.isenabled() == enabled


def test_the_iki_process_freezes_what_it_loaded() -> None:
    code = ("import gc, sys; sys.argv = ['iki', 'validate', '-d', sys.argv[1]]\n"
            "from iki_cli.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(gc.get_freeze_count() > 0, gc.isenabled())")
    out = subprocess.run([sys.executable, "-c", code, str(KANTOR_LAIN)], capture_output=True,
                         text=True, check=True).stdout.split()
    assert out[-2:] == ["True", "True"]
