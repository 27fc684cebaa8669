"""The `iki` process under faults a shell makes: a full disk, a closed or broken standard
output, SIGTERM, SIGINT and SIGKILL in the middle of writing the reports.

Every case runs a real `iki` process (`python -m iki_cli`, or the same entry point
behind a small wrapper that pauses at one step of the write so that a signal
lands there) and sends real signals.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import KANTOR_LAIN, KANTOR_LAIN_NILAI, REPO, snapshot

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and /dev/full")

ENV = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", "IKI_LANG": "en"}
IKI = [sys.executable, "-m", "iki_cli"]
COMPUTE = ["compute", "-p", "2026", "-v", str(KANTOR_LAIN_NILAI), "-d", str(KANTOR_LAIN)]

# Every command that prints on standard output, and the two that print before any command.
PRINTING = {
    "version": ["--version"],
    "help": ["--help"],
    "command-help": ["compute", "--help"],
    "validate": ["validate", "-d", str(KANTOR_LAIN)],
    "validate-json": ["validate", "-d", str(KANTOR_LAIN), "-f", "json"],
    "list": ["list", "-d", str(KANTOR_LAIN)],
    "list-json": ["list", "-d", str(KANTOR_LAIN), "-f", "json"],
    "show": ["show", "kepala-puskesmas", "-d", str(KANTOR_LAIN)],
    "tree": ["tree", "-d", str(KANTOR_LAIN)],
    "schema": ["schema"],
    "template": ["template", "-p", "2026", "-d", str(KANTOR_LAIN)],
    "compute": [*COMPUTE, "-f", "json"],
}


def _iki(args: list[str], cwd: Path, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*IKI, *args], cwd=cwd, env=ENV, text=True, capture_output=True,
                          timeout=120, **kw)  # type: ignore[call-overload, no-any-return]


def _one_message(stderr: str, text: str) -> None:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert stderr.count(text) == 1, stderr


@pytest.fixture(scope="module", autouse=True)
def _head_position() -> None:
    assert "id: kepala-puskesmas" in (KANTOR_LAIN / "jabatan" / "kepala-puskesmas.yaml").read_text()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", list(PRINTING.values()), ids=list(PRINTING))
def test_full_disk_on_standard_output_is_one_message_and_exit_1(
        args: list[str], tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        r = subprocess.run([*IKI, *args, *(["-o", str(tmp_path / "out")]
                                           if args[0] == "compute" else [])],
                           cwd=tmp_path, env=ENV, text=True, stdout=full,
                           stderr=subprocess.PIPE, timeout=120)
    assert r.returncode == 1, r.stderr
    _one_message(r.stderr, "cannot write to standard output: No space left on device")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_the_message_is_in_indonesian_by_default(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        r = subprocess.run([*IKI, "validate", "-d", str(KANTOR_LAIN)], cwd=tmp_path,
                           env={**ENV, "IKI_LANG": ""}, text=True, stdout=full,
                           stderr=subprocess.PIPE, timeout=120)
    assert r.returncode == 1, r.stderr
    _one_message(r.stderr, "galat: keluaran standar (stdout) tidak dapat ditulis")
    with open("/dev/full", "w") as full:
        r = subprocess.run([*IKI, "validate", "-d", str(KANTOR_LAIN), "--lang", "en"],
                           cwd=tmp_path, env={**ENV, "IKI_LANG": ""}, text=True, stdout=full,
                           stderr=subprocess.PIPE, timeout=120)
    assert r.stderr == "error: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize("args", list(PRINTING.values()), ids=list(PRINTING))
def test_closed_standard_output_is_one_message_and_exit_1(
        args: list[str], tmp_path: Path) -> None:
    r = subprocess.run([*IKI, *args], cwd=tmp_path, env=ENV, text=True,
                       stderr=subprocess.PIPE, timeout=120,
                       preexec_fn=lambda: os.close(1))  # what `>&-` does
    assert r.returncode == 1, r.stderr
    _one_message(r.stderr, "standard output is closed")
    assert list(tmp_path.iterdir()) == []  # nothing done: no report, no file on descriptor 1


@pytest.mark.parametrize("args", list(PRINTING.values()), ids=list(PRINTING))
def test_broken_pipe_is_one_message_and_exit_1(args: list[str], tmp_path: Path) -> None:
    # The reader goes away before iki writes (what `| head -1` does to a long output).
    extra = ["-o", str(tmp_path / "out")] if args[0] == "compute" else []
    with subprocess.Popen([*IKI, *args, *extra], cwd=tmp_path, env=ENV, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
        assert p.stdout is not None and p.stderr is not None
        p.stdout.close()
        stderr = p.stderr.read()
        assert p.wait(timeout=120) == 1, stderr
    _one_message(stderr, "cannot write to standard output: Broken pipe")


def test_a_closed_standard_error_does_not_send_messages_into_a_report(tmp_path: Path) -> None:
    # With descriptor 2 closed, the next file opened would get it, and every message
    # printed "on standard error" would be written into that file.
    r = subprocess.run([*IKI, *COMPUTE, "-o", str(tmp_path / "out"), "-f", "json"],
                       cwd=tmp_path, env=ENV, text=True, stdout=subprocess.PIPE,
                       timeout=120, preexec_fn=lambda: os.close(2))
    assert r.returncode == 0
    report = (tmp_path / "out" / "iki-2026.json").read_text(encoding="utf-8")
    assert report.startswith("{") and "wrote" not in report


# --- interrupted writes ---------------------------------------------------------------------

PAUSING = """\
import os, sys, time
import iki_cli.export.atomic as atomic

step, when = sys.argv[1], int(sys.argv[2])
calls = []
real = getattr(os, step)


def paused(*args, **kwargs):
    calls.append(args)
    if len(calls) == when and step != "replace":
        sys.stderr.write("PAUSED\\n"); sys.stderr.flush(); time.sleep(60)
    result = real(*args, **kwargs)
    if len(calls) == when and step == "replace":
        sys.stderr.write("PAUSED\\n"); sys.stderr.flush(); time.sleep(60)
    return result


setattr(atomic.os, step, paused)
from iki_cli.cli import main

sys.argv = ["iki"] + sys.argv[3:]
main()
"""


@contextmanager
def _paused(tmp_path: Path, step: str, when: int,
            args: list[str]) -> Iterator[subprocess.Popen[str]]:
    """iki running `args`, paused at the `when`-th call of `os.<step>` in the atomic writer."""
    script = tmp_path / "paused.py"
    script.write_text(PAUSING, encoding="utf-8")
    with subprocess.Popen([sys.executable, str(script), step, str(when), *args],
                          cwd=tmp_path, env=ENV, text=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE) as p:
        assert p.stderr is not None
        line = p.stderr.readline()
        assert line == "PAUSED\n", line + p.stderr.read()
        yield p


@pytest.fixture
def old_reports(tmp_path: Path) -> Path:
    out = tmp_path / "laporan"
    out.mkdir()
    for ext in ("md", "html", "json"):
        (out / f"iki-2026.{ext}").write_text(f"laporan lama {ext}\n", encoding="utf-8")
    return out


INTERRUPTIONS = {
    # (signal, the step the run is paused at, which call of it, the exit code)
    "sigterm-while-writing": (signal.SIGTERM, "fsync", 2, 143),
    "sigterm-while-making-backups": (signal.SIGTERM, "link", 2, 143),
    "sigterm-after-the-first-rename": (signal.SIGTERM, "replace", 1, 143),
    "sigterm-after-the-second-rename": (signal.SIGTERM, "replace", 2, 143),
    "sigint-while-writing": (signal.SIGINT, "fsync", 2, 130),
    "sigint-while-making-backups": (signal.SIGINT, "link", 1, 130),
    "sigint-after-the-first-rename": (signal.SIGINT, "replace", 1, 130),
}


@pytest.mark.parametrize("case", list(INTERRUPTIONS.values()), ids=list(INTERRUPTIONS))
def test_an_interrupted_write_leaves_the_old_reports_and_no_temporary_file(
        case: tuple[int, str, int, int], tmp_path: Path, old_reports: Path) -> None:
    sig, step, when, code = case
    before = snapshot(old_reports)
    with _paused(tmp_path, step, when, [*COMPUTE, "-o", str(old_reports)]) as p:
        p.send_signal(sig)
        assert p.stderr is not None
        stderr = p.stderr.read()
        assert p.wait(timeout=60) == code, stderr
    assert "Traceback" not in stderr, stderr
    assert snapshot(old_reports) == before  # same names (no .tmp, no .bak), same bytes


def test_an_interrupted_first_run_leaves_no_folder(tmp_path: Path) -> None:
    out = tmp_path / "laporan"
    with _paused(tmp_path, "replace", 1, [*COMPUTE, "-o", str(out)]) as p:
        p.send_signal(signal.SIGTERM)
        assert p.wait(timeout=60) == 143
    assert not out.exists()


def test_leftovers_of_a_killed_run_are_removed_by_the_next_run(
        tmp_path: Path, old_reports: Path) -> None:
    with _paused(tmp_path, "replace", 2, [*COMPUTE, "-o", str(old_reports)]) as p:
        p.kill()  # SIGKILL: nothing of iki runs any more
        p.wait(timeout=60)
    left = sorted(n for n in os.listdir(old_reports) if n.startswith(".iki-"))
    assert left and all(n.endswith((".tmp", ".bak")) for n in left), left
    # What is not iki's, or may still be in use, stays.
    foreign = old_reports / ".catatan.tmp"
    foreign.write_text("milik orang lain\n", encoding="utf-8")
    live = old_reports / f".iki-{os.getpid()}-0123abcd-iki-2026.json.tmp"
    live.write_text("a run still writing\n", encoding="utf-8")
    legacy = old_reports / ".iki-2026.json.ab12_xyz.tmp"  # the naming of earlier versions
    legacy.write_text("{\n", encoding="utf-8")
    past = time.time() - 60
    for path in (legacy, live):
        os.utime(path, (past, past))
    time.sleep(0.05)
    r = _iki([*COMPUTE, "-o", str(old_reports)], tmp_path)
    assert r.returncode == 0, r.stderr
    names = sorted(os.listdir(old_reports))
    assert names == [".catatan.tmp", live.name, "iki-2026.html", "iki-2026.json",
                     "iki-2026.md"], names


def test_a_reader_that_leaves_half_way_is_one_message_and_exit_1(tmp_path: Path) -> None:
    # What `iki list -f json | head -1` does with an output larger than a pipe holds: the
    # reader takes the first lines and goes. One write of megabytes then "succeeds" with
    # most of it lost; iki must notice all the same.
    spec = importlib.util.spec_from_file_location("iki_bench_run", REPO / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look their module up there
    spec.loader.exec_module(bench)
    root, _values, _year = bench.generate(tmp_path / "kantor", 300, 1)
    with subprocess.Popen([*IKI, "list", "-f", "json", "-d", str(root)], cwd=tmp_path,
                          env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
        assert p.stdout is not None and p.stderr is not None
        assert p.stdout.read(100).startswith(b"{")
        p.stdout.close()
        stderr = p.stderr.read().decode()
        assert p.wait(timeout=120) == 1, stderr
    _one_message(stderr, "cannot write to standard output: Broken pipe")
