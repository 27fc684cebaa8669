"""`iki compute --rev`: the adopted (tagged) definitions, whatever the working tree holds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import GIT_ENV, KANTOR_LAIN_NILAI, commit, edit, git, invoke, make_repo
from typer.testing import CliRunner

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
TB_FILE = "definitions/jabatan/pengelola-program-tb.yaml"
KEBERHASILAN = "keberhasilan-pengobatan-tb"


@pytest.fixture(autouse=True)
def git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def adopted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose definitions are tagged `pk-2026`, then edited in the working tree."""
    repo, _ = make_repo(tmp_path)
    git(repo, "tag", "pk-2026")
    edit(repo / TB_FILE, "        target:\n          2026: 90",
         "        target:\n          2026: 70")
    shutil.copy(KANTOR_LAIN_NILAI, repo / "nilai.csv")
    monkeypatch.chdir(repo)
    return repo


def tb(runner: CliRunner, out: Path, *extra: str) -> tuple[dict, dict]:
    r = invoke(runner, "compute", "-p", "2026", "-v", "nilai.csv", "-o", out, "-f", "json",
               *extra)
    assert r.exit_code == 0, r.output
    doc = json.loads((out / "iki-2026.json").read_text(encoding="utf-8"))
    return doc, next(h for h in doc["hasil"] if h["indikator"] == KEBERHASILAN)


def test_rev_computes_the_tagged_definitions_while_the_tree_is_edited(
        runner: CliRunner, adopted: Path) -> None:
    commit_id = git(adopted, "rev-parse", "pk-2026").strip()
    doc, h = tb(runner, adopted / "resmi", "--rev", "pk-2026")
    # 2026: sembuh 27, diobati 32 → 84,375; against the adopted target 90: 93,75
    assert h["target"] == 90 and h["capaian"] == pytest.approx(27 / 32 * 100 / 90 * 100)
    assert doc["definisi"] == f"pk-2026 ({commit_id[:12]})"
    # without --rev: the working tree's target 70 (84,375 / 70 × 100 > 120: capped at 120)
    doc, h = tb(runner, adopted / "kerja")
    assert h["target"] == 70 and h["capaian"] == 120.0
    assert "definisi" not in doc


def test_rev_accepts_any_revision_and_names_its_tags(runner: CliRunner, adopted: Path) -> None:
    commit(adopted, "target 70")
    git(adopted, "tag", "pk-2026-revisi")
    _, h = tb(runner, adopted / "a", "--rev", "HEAD~1")
    assert h["target"] == 90
    doc, h = tb(runner, adopted / "b", "--rev", "HEAD")
    assert h["target"] == 70 and doc["definisi"].startswith("pk-2026-revisi (")


def test_an_unknown_revision_is_a_usage_error_with_close_names(runner: CliRunner,
                                                                adopted: Path) -> None:
    r = invoke(runner, "compute", "-p", "2026", "-v", "nilai.csv", "--rev", "pk-2062",
               "-o", adopted / "out")
    assert r.exit_code == 2, r.output
    assert "unknown revision `pk-2062`" in r.output and "did you mean `pk-2026`?" in r.output
    assert not (adopted / "out").exists()


def test_invalid_definitions_at_the_revision_name_the_revision(runner: CliRunner,
                                                               adopted: Path) -> None:
    edit(adopted / TB_FILE, "rumus: kasus_tb_ditemukan", "rumus: kasus_tb_ditemukn")
    commit(adopted, "typo")
    git(adopted, "tag", "rusak")
    r = invoke(runner, "compute", "-p", "2026", "-v", "nilai.csv", "--rev", "rusak",
               "-o", adopted / "out")
    assert r.exit_code == 1, r.output
    assert "rusak:definitions/jabatan/pengelola-program-tb.yaml:" in r.output
    assert "unknown variable `kasus_tb_ditemukn`" in r.output
    assert not (adopted / "out").exists()


def test_a_revision_without_the_definitions_folder(runner: CliRunner, adopted: Path) -> None:
    git(adopted, "checkout", "-q", "--orphan", "kosong")
    git(adopted, "rm", "-rqf", "--cached", ".")
    git(adopted, "commit", "-q", "--allow-empty", "-m", "a branch without the definitions")
    r = invoke(runner, "compute", "-p", "2026", "-v", "nilai.csv", "--rev", "kosong",
               "-o", adopted / "out")
    assert r.exit_code == 2 and "no definitions folder" in r.output, r.output
