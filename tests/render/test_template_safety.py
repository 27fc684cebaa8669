"""A user's templates are sandboxed; their mistakes are one message; iki's bugs are not hidden."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import FIXTURES, invoke, snapshot
from typer.testing import CliRunner

from iki_cli.render import filters as filter_module

DEFINITIONS = FIXTURES / "laporan-kecil" / "definitions"
VALUES = FIXTURES / "laporan-kecil" / "nilai-2026.csv"


def _compute(runner: CliRunner, tmp_path: Path, files: dict[str, bytes], fmt: str = "md"):
    own = tmp_path / "mine"
    own.mkdir(exist_ok=True)
    for name, data in files.items():
        (own / name).write_bytes(data)
    out = tmp_path / "out"
    r = invoke(runner, "compute", "-p", "2026", "-v", VALUES, "-d", DEFINITIONS, "-o", out,
               "-f", fmt, "--templates", own)
    return r, out


@pytest.mark.parametrize("exploit", [
    "{{ cycler.__init__.__globals__.os.popen('echo DIPAKAI > pwned').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ lipsum.__globals__['os'].system('echo DIPAKAI > pwned') }}",
    "{% set _ = jabatan.append(1) %}",
])
def test_a_user_template_cannot_reach_python(runner: CliRunner, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             exploit: str) -> None:
    monkeypatch.chdir(tmp_path)
    r, out = _compute(runner, tmp_path, {"laporan.md": exploit.encode()})
    assert r.exit_code == 1, r.output
    assert "laporan.md" in r.output and "line 1" in r.output
    assert not (tmp_path / "pwned").exists()
    assert snapshot(out) == {}


def test_a_runtime_error_in_a_user_template_names_its_file_and_line(
        runner: CliRunner, tmp_path: Path) -> None:
    r, out = _compute(runner, tmp_path, {"laporan.md": b"baris satu\n{{ 1 / 0 }}\n"})
    assert r.exit_code == 1, r.output
    assert "laporan.md` line 2: division by zero" in r.output
    assert snapshot(out) == {}


def test_a_user_template_that_is_not_utf8_is_one_message(runner: CliRunner,
                                                         tmp_path: Path) -> None:
    r, _ = _compute(runner, tmp_path, {"laporan.md": "Laporan – 2026".encode("cp1252")})
    assert r.exit_code == 1, r.output
    assert "is not UTF-8 text" in r.output and r.output.count("error:") == 1


def test_a_template_that_includes_itself_is_one_message(runner: CliRunner,
                                                        tmp_path: Path) -> None:
    r, _ = _compute(runner, tmp_path, {"laporan.md": b'{% include "laporan.md" %}'})
    assert r.exit_code == 1, r.output
    assert "calls itself without end" in r.output


def test_the_built_in_templates_still_work_with_a_user_folder(runner: CliRunner,
                                                              tmp_path: Path) -> None:
    r, out = _compute(runner, tmp_path, {"catatan.txt": b"not a template"}, "md,html")
    assert r.exit_code == 0, r.output
    assert {"iki-2026.md", "iki-2026.html"} <= set(snapshot(out))


def test_a_bug_in_iki_is_not_reported_as_a_template_mistake(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(lang: str) -> dict[str, object]:
        def angka(value: object, decimals: int = 2) -> str:
            raise TypeError("a bug in a filter")
        return {"angka": angka, "angka_bebas": angka}

    monkeypatch.setattr(filter_module, "number_filters", broken)
    out = tmp_path / "out"
    r = runner.invoke(__import__("iki_cli.cli", fromlist=["app"]).app,
                      ["compute", "-p", "2026", "-v", str(VALUES), "-d", str(DEFINITIONS),
                       "-o", str(out), "-f", "md"])
    assert isinstance(r.exception, TypeError) and "a bug in a filter" in str(r.exception)
