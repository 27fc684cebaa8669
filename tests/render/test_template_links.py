"""A user's templates folder reaches no file outside it, not even through a symlink."""

from __future__ import annotations

from pathlib import Path

from helpers import KANTOR_LAIN, KANTOR_LAIN_NILAI, REPO, invoke
from typer.testing import CliRunner

COMPUTE = ("compute", "-p", "2026", "-v", KANTOR_LAIN_NILAI, "-d", KANTOR_LAIN, "-f", "md")


def test_a_template_linked_to_a_file_outside_the_folder_is_refused(
        runner: CliRunner, tmp_path: Path) -> None:
    secret = tmp_path / "kunci-rahasia"
    secret.write_text("ISI-RAHASIA\n", encoding="utf-8")
    templates = tmp_path / "templat"
    templates.mkdir()
    (templates / "_ringkasan.md").symlink_to(secret)
    out = tmp_path / "out"
    r = invoke(runner, *COMPUTE, "-o", out, "--templates", templates)
    assert r.exit_code == 1, r.output
    assert "is a link to a file outside the templates folder" in r.output, r.output
    assert "ISI-RAHASIA" not in r.output and not out.exists()


def test_a_template_linked_inside_the_folder_is_read(runner: CliRunner, tmp_path: Path) -> None:
    templates = tmp_path / "templat"
    (templates / "bersama").mkdir(parents=True)
    text = (REPO / "templates" / "_ringkasan.md").read_text(encoding="utf-8")
    (templates / "bersama" / "ringkasan.md").write_text("DIUBAH\n" + text, encoding="utf-8")
    (templates / "_ringkasan.md").symlink_to(Path("bersama") / "ringkasan.md")
    out = tmp_path / "out"
    r = invoke(runner, *COMPUTE, "-o", out, "--templates", templates)
    assert r.exit_code == 0, r.output
    assert "DIUBAH" in (out / "iki-2026.md").read_text(encoding="utf-8")
