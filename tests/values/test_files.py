"""The values files of a run as people name them: files, folders, glob patterns (SPEC §4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import invoke
from typer.testing import CliRunner

from iki_cli.errors import UsageError
from iki_cli.values.files import expand


def touch(path: Path, text: str = "periode;variabel;nilai\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_gives_its_values_files_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "kirim"
    for name in ("b.xlsx", "a.csv", "C.ODS", "d.xls", "e.tsv", "f.xlsm", "catatan.txt",
                 "~$b.xlsx", ".tersembunyi.csv"):
        touch(folder / name)
    (folder / "sub").mkdir()
    touch(folder / "sub" / "dalam.csv")
    assert [p.name for p in expand([folder])] == ["C.ODS", "a.csv", "b.xlsx", "d.xls",
                                                  "e.tsv", "f.xlsm"]


def test_a_glob_is_expanded_by_iki_and_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    a = touch(tmp_path / "kirim" / "a.xlsx")
    b = touch(tmp_path / "kirim" / "b.xlsx")
    touch(tmp_path / "kirim" / "c.csv")
    assert expand([str(tmp_path / "kirim" / "*.xlsx"), a, tmp_path / "kirim"]) == [
        a, b, tmp_path / "kirim" / "c.csv"]


@pytest.mark.parametrize(("name", "says"), [
    ("tidak-ada.csv", "values file `{}` does not exist"),
    ("kosong", "folder `{}` has no values file"),
    ("*.xlsx", "no values file matches `{}`"),
])
def test_a_name_that_gives_nothing_is_a_usage_error(tmp_path: Path, name: str,
                                                    says: str) -> None:
    (tmp_path / "kosong").mkdir()
    target = str(tmp_path / name)
    with pytest.raises(UsageError, match="^" + says.format(target).replace("*", r"\*")
                       .replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
        expand([target])


def test_standard_input_and_devices_are_refused() -> None:
    with pytest.raises(UsageError, match="is not a regular file"):
        expand(["/dev/null"])


def test_a_name_too_long_for_the_file_system(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is too long for the file system"):
        expand([str(tmp_path / ("a" * 300 + ".csv"))])


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters every folder")
def test_a_folder_you_cannot_enter(tmp_path: Path) -> None:
    folder = tmp_path / "terkunci"
    touch(folder / "a.csv")
    folder.chmod(0)
    try:
        with pytest.raises(UsageError, match="cannot"):
            expand([folder / "a.csv"])
    finally:
        folder.chmod(0o755)


def test_compute_takes_files_after_the_options(runner: CliRunner, tmp_path: Path,
                                               make_root: object) -> None:
    root = make_root()  # type: ignore[operator]
    folder = tmp_path / "kirim"
    touch(folder / "a.csv", "periode;variabel;nilai\n2026;a;3\n")
    touch(folder / "b.csv", "periode;variabel;nilai\n2026;b;4\n")
    out = tmp_path / "out"
    r = invoke(runner, "compute", "-p", "2026", "-d", root, "-o", out, "-f", "json",
               str(folder / "*.csv"))
    assert r.exit_code == 0, r.output
    assert '"realisasi": 75.0' in (out / "iki-2026.json").read_text("utf-8")
    r = invoke(runner, "compute", "-p", "2026", "-d", root, "-o", out, "-f", "json",
               folder / "a.csv", "-v", folder / "b.csv")
    assert r.exit_code == 0, r.output
    r = invoke(runner, "compute", "-p", "2026", "-d", root, "-o", out, folder)
    assert r.exit_code == 0, r.output
    r = invoke(runner, "compute", "-p", "2026", "-d", root, "-o", out)
    assert r.exit_code == 2 and "no values file given" in r.output
