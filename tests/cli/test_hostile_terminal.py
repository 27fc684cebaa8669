"""The terminal: a width that is no width, and text that would drive the terminal.

`COLUMNS=0` made rich hide every message, errors included, and a width of
10^11 ran it out of memory; an escape sequence in a definition (`\\x1b]0;…\\x07`
retitles the window) reached the terminal through `tree` and the summary.
Widths that are not widths are ignored; control characters are an error at
their line in `iki validate`, and are written as escapes wherever iki prints
text that came from a file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DEFAULT_HEAD
from helpers import KANTOR_LAIN, invoke
from typer.testing import CliRunner

ESC_TITLE = "\\x1b]0;pwned\\x07"  # as written in a double-quoted YAML string


def _iki(args: list[str], columns: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": columns, "NO_COLOR": "1", "IKI_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "iki_cli", *args], cwd=cwd, env=env,
                          text=True, capture_output=True, timeout=120)


WIDTHS = ["0", "-5", "abc", "99999999999", "1e3", ""]


@pytest.mark.parametrize("columns", WIDTHS, ids=[f"COLUMNS={w or 'empty'}" for w in WIDTHS])
def test_a_width_that_is_no_width_hides_nothing(columns: str, tmp_path: Path) -> None:
    r = _iki(["show", "kepala-puskesma", "-d", str(KANTOR_LAIN)], columns, tmp_path)
    assert r.returncode == 2, r.stderr
    assert "no position `kepala-puskesma`; did you mean `kepala-puskesmas`?" in r.stderr
    for args in (["show", "kepala-puskesmas"], ["tree"], ["list"]):
        r = _iki([*args, "-d", str(KANTOR_LAIN)], columns, tmp_path)
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr and "MemoryError" not in r.stderr, r.stderr
        assert "kepala-puskesmas" in r.stdout, (args, r.stdout[:300])
        assert max(len(line) for line in r.stdout.splitlines()) <= 1000


def test_a_narrow_width_is_honoured(tmp_path: Path) -> None:
    r = _iki(["tree", "-d", str(KANTOR_LAIN)], "40", tmp_path)
    assert r.returncode == 0, r.stderr
    assert max(len(line) for line in r.stdout.splitlines()) <= 40


def _no_raw_controls(text: str) -> None:
    assert not any(ch in text for ch in "\x1b\x07\x9b\u202e\r"), repr(text[:500])


def test_a_control_character_in_a_definition_is_an_error_at_its_line(
        runner: CliRunner, make_root: Callable[..., Path]) -> None:
    root = make_root(jabatan={"kepala": DEFAULT_HEAD.replace(
        "jabatan: Kepala Kantor", f'jabatan: "Kepala {ESC_TITLE}Kantor"')})
    r = invoke(runner, "validate", "-d", root)
    assert r.exit_code == 1, r.output
    assert "kepala.yaml:3:10: error [control-character]" in r.output, r.output
    _no_raw_controls(r.output)
    for command in ("tree", "list", "show"):  # refused before anything is shown
        r = invoke(runner, command, *(["kepala"] if command == "show" else []), "-d", root)
        assert r.exit_code == 1, r.output
        assert "[control-character]" in r.output
        _no_raw_controls(r.output)


@pytest.mark.parametrize("format", ["text", "github", "json"])
def test_control_characters_that_a_message_quotes_are_written_as_escapes(
        runner: CliRunner, make_root: Callable[..., Path], format: str) -> None:
    # An unknown key is quoted in its message: the key itself holds the escape sequence.
    root = make_root(organisasi=f"""\
        versi_skema: 1
        nama: Kantor Uji
        pemda: Kabupaten Uji
        "nama{ESC_TITLE}\\u202e": x
        """)
    r = invoke(runner, "validate", "-d", root, "-f", format)
    assert r.exit_code == 1, r.output
    _no_raw_controls(r.output)
    if format != "json":  # JSON escapes them its own way (\u001b)
        assert "unknown key `nama\\x1b]0;pwned\\x07\\u202e`" in r.output, r.output


def test_control_characters_in_a_values_file_are_written_as_escapes(
        runner: CliRunner, tmp_path: Path) -> None:
    values = tmp_path / "nilai.csv"
    values.write_text("periode,variabel,nilai\n2026,\x1b]0;pwned\x07,5\n", encoding="utf-8")
    r = invoke(runner, "compute", "-p", "2026", "-d", KANTOR_LAIN, "-v", values,
               "-o", tmp_path / "out")
    assert r.exit_code == 1, r.output
    assert "\\x1b]0;pwned\\x07" in r.output, r.output
    _no_raw_controls(r.output)


def test_the_validate_summary_is_worded_per_language(
        runner: CliRunner, make_root: Callable[..., Path]) -> None:
    ok = make_root()
    r = invoke(runner, "validate", "-d", ok, env={"IKI_LANG": "id"})
    assert r.stdout == "OK: 3 berkas diperiksa, tidak ada masalah.\n"
    bad = make_root(jabatan=_with_title('""'))
    r = invoke(runner, "validate", "-d", bad, env={"IKI_LANG": "id"})
    lines = r.stdout.splitlines()
    assert lines[0].endswith(": error [schema] `jabatan` kosong; tuliskan teksnya"), lines
    assert lines[-1] == "1 kesalahan, 0 peringatan dalam 3 berkas yang diperiksa."
    r = invoke(runner, "validate", "-d", bad)
    assert r.stdout.splitlines()[-1] == "1 error, 0 warnings in 3 file(s) checked."


def _with_title(value: str) -> dict[str, str]:
    return {"kepala": DEFAULT_HEAD.replace("jabatan: Kepala Kantor", f"jabatan: {value}")}
