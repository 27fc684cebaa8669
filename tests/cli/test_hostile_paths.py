"""Ordinary file problems in the paths a user gives: each one message and the right exit code.

2 for a wrong argument (an empty path, a file where a folder belongs, a name
over 255 bytes, a template with a name that is not a template's); 1 for a
folder the user cannot enter. Root passes every permission check, so these
tests reach a folder "that cannot be entered" through a regular file, and drop
to another user in a real process where the machine lets them.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import KANTOR_LAIN, KANTOR_LAIN_NILAI, invoke, snapshot
from typer.testing import CliRunner

COMPUTE = ("compute", "-p", "2026", "-v", KANTOR_LAIN_NILAI, "-d", KANTOR_LAIN, "-f", "json")


@pytest.fixture
def blocker(tmp_path: Path) -> Path:
    """A regular file, where the tests put a folder in the way of a path."""
    path = tmp_path / "berkas"
    path.write_text("bukan folder\n", encoding="utf-8")
    return path


def _usage_error(r: object, text: str) -> None:
    assert r.exit_code == 2, r.output  # type: ignore[attr-defined]
    assert text in r.output, r.output  # type: ignore[attr-defined]
    assert r.output.count("rror") == 1, r.output  # type: ignore[attr-defined]


EMPTY = {
    "compute-o": [*COMPUTE, "-o", ""],
    "compute-d": ["compute", "-p", "2026", "-v", KANTOR_LAIN_NILAI, "-d", ""],
    "compute-v": ["compute", "-p", "2026", "-v", "", "-d", KANTOR_LAIN],
    "compute-templates": [*COMPUTE, "--templates", ""],
    "doc-o": ["doc", "-d", KANTOR_LAIN, "-o", ""],
    "schema-o": ["schema", "-o", ""],
    "template-o": ["template", "-p", "2026", "-d", KANTOR_LAIN, "-o", ""],
    "validate-d": ["validate", "-d", ""],
}


@pytest.mark.parametrize("args", list(EMPTY.values()), ids=list(EMPTY))
def test_an_empty_path_is_a_usage_error_and_nothing_is_written_here(
        runner: CliRunner, args: list[object], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # `Path("")` is the current folder
    r = invoke(runner, *args)
    assert r.exit_code == 2, r.output
    # -v is read as the values files' names are, with their own word for it
    assert "the path is empty" in r.output or "an empty name was given" in r.output, r.output
    assert os.listdir(tmp_path) == []


def test_definitions_naming_a_file_says_it_is_a_file(runner: CliRunner,
                                                     blocker: Path) -> None:
    r = invoke(runner, "validate", "-d", blocker)
    _usage_error(r, f"`{blocker}` is a file; -d/--definitions names the definitions folder")
    assert "does not exist" not in r.output


def test_definitions_through_a_file(runner: CliRunner, blocker: Path) -> None:
    r = invoke(runner, "list", "-d", blocker / "definitions")
    _usage_error(r, f"`{blocker}` is a file, not a folder")


def test_definitions_with_a_name_over_255_bytes(runner: CliRunner, tmp_path: Path) -> None:
    r = invoke(runner, "validate", "-d", tmp_path / ("d" * 256))
    _usage_error(r, "is 256 bytes long; file names are limited to 255 bytes")


def test_values_through_a_file(runner: CliRunner, blocker: Path, tmp_path: Path) -> None:
    r = invoke(runner, "compute", "-p", "2026", "-v", blocker / "nilai.csv", "-d", KANTOR_LAIN,
               "-o", tmp_path / "out")
    _usage_error(r, f"`{blocker}` is a file, not a folder")
    assert not (tmp_path / "out").exists()


def test_values_with_a_name_over_255_bytes(runner: CliRunner, tmp_path: Path) -> None:
    r = invoke(runner, "compute", "-p", "2026", "-v", tmp_path / ("n" * 300 + ".csv"),
               "-d", KANTOR_LAIN, "-o", tmp_path / "out")
    _usage_error(r, "file names are limited to 255 bytes")


def test_a_path_longer_than_the_system_allows(runner: CliRunner, tmp_path: Path) -> None:
    deep = "/".join(["folder"] * 700) + "/nilai.csv"  # every name short, the whole 4.9 kB
    r = invoke(runner, "template", "-p", "2026", "-d", KANTOR_LAIN, "-o", tmp_path / deep)
    _usage_error(r, "more than the system allows")
    assert len(r.output) < 300, r.output  # the path is shown by its end
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("command", ["compute", "doc"])
def test_templates_naming_a_file_or_nothing(runner: CliRunner, blocker: Path, tmp_path: Path,
                                            command: str) -> None:
    args = [*COMPUTE] if command == "compute" else ["doc", "-d", KANTOR_LAIN]
    for templates, text in ((blocker, "--templates names a folder of templates"),
                            (blocker / "t", "is a file, not a folder"),
                            (tmp_path / "hilang", "templates folder")):
        r = invoke(runner, *args, "-o", tmp_path / "out", "--templates", templates)
        _usage_error(r, text)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["nilai.txt", "nilai", "nilai.json"])
def test_template_to_a_file_that_is_not_a_template(runner: CliRunner, tmp_path: Path,
                                                   name: str) -> None:
    r = invoke(runner, "template", "-p", "2026", "-d", KANTOR_LAIN, "-o", tmp_path / name)
    _usage_error(r, "a template is a .csv (or .tsv) file or an .xlsx workbook")
    assert snapshot(tmp_path) == {}


def test_template_to_a_tsv_file(runner: CliRunner, tmp_path: Path) -> None:
    r = invoke(runner, "template", "-p", "2026", "-d", KANTOR_LAIN, "--delimiter", "tab",
               "-o", tmp_path / "nilai.tsv")
    assert r.exit_code == 0, r.output
    assert "\t" in (tmp_path / "nilai.tsv").read_text(encoding="utf-8-sig").splitlines()[0]


@pytest.mark.parametrize("command", ["compute", "doc", "schema"])
def test_an_output_folder_through_a_file(runner: CliRunner, blocker: Path,
                                         command: str) -> None:
    args = {"compute": [*COMPUTE], "doc": ["doc", "-d", KANTOR_LAIN], "schema": ["schema"]}
    r = invoke(runner, *args[command], "-o", blocker / "laporan")
    _usage_error(r, f"`{blocker}` is a file, not a folder")
    assert blocker.read_text(encoding="utf-8") == "bukan folder\n"


# --- as a user whom the permissions stop ----------------------------------------------------

CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, PR_CAPBSET_DROP = 1, 2, 24


def _without_override() -> None:
    """In the child: give up root's power to pass permission checks (Linux capabilities)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")


def _as_checked_user(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", "IKI_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "iki_cli", *args], cwd=cwd, env=env,
                          text=True, capture_output=True, timeout=120,
                          preexec_fn=_without_override if os.geteuid() == 0 else None)


def _permissions_hold(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.mkdir(mode=0o000)
    try:
        r = _as_checked_user(["validate", "-d", str(probe / "x")], tmp_path)
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        probe.rmdir()
    return "ermission denied" in r.stderr


@pytest.fixture
def closed(tmp_path: Path) -> Iterator[Path]:
    """A folder that cannot be entered, holding definitions, values and templates."""
    if sys.platform != "linux" or not _permissions_hold(tmp_path):
        pytest.skip("permissions cannot be made to hold for this user here")
    folder = tmp_path / "rahasia"
    shutil.copytree(KANTOR_LAIN, folder / "definitions")
    shutil.copy(KANTOR_LAIN_NILAI, folder / "nilai.csv")
    (folder / "templat").mkdir()
    folder.chmod(0o000)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


CLOSED = {
    "definitions": ["validate", "-d", "{closed}/definitions"],
    "values": ["compute", "-p", "2026", "-d", str(KANTOR_LAIN), "-v", "{closed}/nilai.csv",
               "-o", "{tmp}/out"],
    "templates": ["doc", "-d", str(KANTOR_LAIN), "-o", "{tmp}/out", "--templates",
                  "{closed}/templat"],
    "output": ["doc", "-d", str(KANTOR_LAIN), "-o", "{closed}/laporan"],
    "template-output": ["template", "-p", "2026", "-d", str(KANTOR_LAIN), "-o",
                        "{closed}/nilai.xlsx"],
}


@pytest.mark.parametrize("args", list(CLOSED.values()), ids=list(CLOSED))
def test_a_path_inside_a_folder_that_cannot_be_entered(args: list[str], closed: Path,
                                                       tmp_path: Path) -> None:
    r = _as_checked_user([a.format(closed=closed, tmp=tmp_path) for a in args], tmp_path)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr, r.stderr
    assert "ermission denied" in r.stderr, r.stderr
    assert str(closed) in r.stderr, r.stderr
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_cannot_be_written(closed: Path, tmp_path: Path) -> None:
    out = tmp_path / "laporan"
    out.mkdir(mode=0o555)
    r = _as_checked_user(["template", "-p", "2026", "-d", str(KANTOR_LAIN), "-o",
                          str(out / "nilai.csv")], tmp_path)
    assert r.returncode == 1, r.stderr
    assert f"cannot write to `{out}`: Permission denied" in r.stderr, r.stderr
    assert os.listdir(out) == []
