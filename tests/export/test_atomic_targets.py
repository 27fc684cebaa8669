"""Where an output goes: through a symlink to the file it names, never over a special file.

`-o` may name a symlink (replace the file it names, in that file's folder, and
keep the link), a FIFO, a device or a socket (refused: writing or renaming over
it is not writing a report), or a name longer than a file system allows.
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest
from helpers import KANTOR_LAIN, KANTOR_LAIN_NILAI, invoke, snapshot
from typer.testing import CliRunner

from iki_cli.errors import UsageError
from iki_cli.export.atomic import remove_leftovers, target_of, write_all

TEMPLATE = ("template", "-p", "2026", "-d", KANTOR_LAIN)
COMPUTE = ("compute", "-p", "2026", "-v", KANTOR_LAIN_NILAI, "-d", KANTOR_LAIN, "-f", "json")


def test_template_through_a_symlink_replaces_the_file_it_names(
        runner: CliRunner, tmp_path: Path) -> None:
    shared = tmp_path / "bersama"
    shared.mkdir()
    real = shared / "nilai.csv"
    real.write_text("lama\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    r = invoke(runner, *TEMPLATE, "-o", link)
    assert r.exit_code == 0, r.output
    assert link.is_symlink() and os.readlink(link) == str(real)  # the link stays a link
    assert real.read_text(encoding="utf-8-sig").startswith("periode;")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the file keeps its permissions
    assert sorted(os.listdir(shared)) == ["nilai.csv"]  # no temporary file left beside it
    assert sorted(os.listdir(tmp_path)) == ["bersama", "link.csv"]


def test_compute_through_a_symlinked_report_replaces_the_file_it_names(
        runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "laporan"
    out.mkdir()
    archive = tmp_path / "arsip"
    archive.mkdir()
    (archive / "iki-2026.json").write_text("{}\n", encoding="utf-8")
    (out / "iki-2026.json").symlink_to(archive / "iki-2026.json")
    r = invoke(runner, *COMPUTE, "-o", out)
    assert r.exit_code == 0, r.output
    assert (out / "iki-2026.json").is_symlink()
    assert '"periode": "2026"' in (archive / "iki-2026.json").read_text(encoding="utf-8")
    assert sorted(os.listdir(archive)) == ["iki-2026.json"]


def test_two_reports_linked_to_one_file_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "laporan"
    out.mkdir()
    (out / "iki-2026.csv").write_text("lama\n", encoding="utf-8")
    (out / "iki-2026.json").symlink_to(out / "iki-2026.csv")
    r = invoke(runner, *COMPUTE[:-1], "json,csv", "-o", out)
    assert r.exit_code == 2, r.output
    assert "are the same file" in r.output, r.output
    assert sorted(os.listdir(out)) == ["iki-2026.csv", "iki-2026.json"]
    assert (out / "iki-2026.csv").read_text(encoding="utf-8") == "lama\n"


def test_a_symlink_that_leads_nowhere_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    link = tmp_path / "nilai.csv"
    link.symlink_to(tmp_path / "hilang" / "nilai.csv")
    r = invoke(runner, *TEMPLATE, "-o", link)
    assert r.exit_code == 2, r.output
    assert "is a symbolic link to" in r.output and "does not exist" in r.output, r.output
    assert link.is_symlink() and not (tmp_path / "hilang").exists()


def test_a_symlink_loop_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.csv").symlink_to(tmp_path / "b.csv")
    (tmp_path / "b.csv").symlink_to(tmp_path / "a.csv")
    r = invoke(runner, *TEMPLATE, "-o", tmp_path / "a.csv")
    assert r.exit_code == 2, r.output
    assert "loop of symbolic links" in r.output, r.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "nilai.csv"
    os.mkfifo(fifo)
    r = invoke(runner, *TEMPLATE, "-o", fifo)
    assert r.exit_code == 2, r.output
    assert "is a named pipe (FIFO), not a regular file" in r.output, r.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.listdir(tmp_path) == ["nilai.csv"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_symlink_to_a_fifo_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    (tmp_path / "nilai.xlsx").symlink_to(fifo)
    r = invoke(runner, *TEMPLATE, "-o", tmp_path / "nilai.xlsx")
    assert r.exit_code == 2, r.output
    assert "named pipe" in r.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and (tmp_path / "nilai.xlsx").is_symlink()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="mknod needs root")
def test_a_device_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    # A null device of the test's own: the real /dev/null is never put at risk.
    device = tmp_path / "null.csv"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    for target in (device, tmp_path / "link.csv"):
        if target != device:
            target.symlink_to(device)
        r = invoke(runner, *TEMPLATE, "-o", target)
        assert r.exit_code == 2, r.output
        assert "is a device, not a regular file" in r.output, r.output
        assert stat.S_ISCHR(os.stat(device).st_mode)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(UsageError, match="is a socket"):
            write_all({path: "x"})


def test_a_folder_named_like_the_output_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "nilai.csv").mkdir()
    r = invoke(runner, *TEMPLATE, "-o", tmp_path / "nilai.csv")
    assert r.exit_code == 2, r.output
    assert "is a folder; give the name of a file" in r.output, r.output


def test_a_name_longer_than_255_bytes_is_refused_before_writing(
        runner: CliRunner, tmp_path: Path) -> None:
    name = "n" * 256 + ".csv"
    r = invoke(runner, *TEMPLATE, "-o", tmp_path / name)
    assert r.exit_code == 2, r.output
    assert "file names are limited to 255 bytes" in r.output, r.output
    assert os.listdir(tmp_path) == []


def test_a_name_of_255_bytes_is_written(runner: CliRunner, tmp_path: Path) -> None:
    # The temporary file beside it must fit in 255 bytes too.
    name = "é" * 125 + "x.csv"  # 250 + 5 bytes
    assert len(name.encode()) == 255
    r = invoke(runner, *TEMPLATE, "-o", tmp_path / name)
    assert r.exit_code == 0, r.output
    assert os.listdir(tmp_path) == [name]


def test_an_output_folder_with_a_name_too_long_is_a_usage_error(
        runner: CliRunner, tmp_path: Path) -> None:
    r = invoke(runner, *COMPUTE, "-o", tmp_path / ("d" * 300))
    assert r.exit_code == 2, r.output
    assert "255 bytes" in r.output and snapshot(tmp_path) == {}


def test_target_of_a_new_file_is_itself(tmp_path: Path) -> None:
    assert target_of(tmp_path / "baru.csv") == tmp_path / "baru.csv"


def test_leftovers_of_other_names_and_fresh_ones_stay(tmp_path: Path) -> None:
    keep = [".iki-notanumber-0123abcd-x.tmp", "iki-2026.json", ".iki-2026.json.tmp",
            f".iki-{os.getpid()}-0123abcd-x.tmp"]
    for name in keep:
        (tmp_path / name).write_text("x", encoding="utf-8")
    os.utime(tmp_path / keep[-1], (0, 0))  # old, but of a running process (this one)
    assert remove_leftovers(tmp_path, ["iki-2026.json"]) == []
    assert sorted(os.listdir(tmp_path)) == sorted(keep)
