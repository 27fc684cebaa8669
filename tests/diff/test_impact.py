"""The impact preview: what a definitions change does to the numbers, in all three formats.

A repository of the second office (kantor-lain, a Puskesmas) and its 2026 values.
The TB figures of 2026, by hand from `tests/fixtures/kantor-lain/nilai-2026.csv`:
sembuh 10 + 0 + 9 + 8 = 27, diobati 12 + 0 + 10 + 10 = 32, ditemukan 18 + 21 + 19 + 22
= 80. The office caps capaian at 120 and rates Kurang < 60 ≤ Cukup < 80 ≤ Baik <
100 ≤ Sangat Baik; negative indicators use T / R × 100 (`kebalikan`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import GIT_ENV, KANTOR_LAIN_NILAI, commit, edit, git, invoke, make_repo
from typer.testing import CliRunner

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

TB = "pengelola-program-tb"
KEBERHASILAN = f"{TB}/keberhasilan-pengobatan-tb"
TIDAK_BERHASIL = f"{TB}/pengobatan-tb-tidak-berhasil"
R_2026 = 27 / 32 * 100  # 84.375


@pytest.fixture(autouse=True)
def git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository (working folder) with its definitions committed and the values."""
    repo, _ = make_repo(tmp_path)
    shutil.copy(KANTOR_LAIN_NILAI, repo / "nilai-2026.csv")
    monkeypatch.chdir(repo)
    return repo


def preview(runner: CliRunner, fmt: str, *extra: str) -> str:
    r = invoke(runner, "diff", "-p", "2026", "-v", "nilai-2026.csv", "-f", fmt, *extra)
    assert r.exit_code == 0, r.output
    return r.stdout


def dampak(runner: CliRunner) -> dict[tuple[str, str], tuple[object, object]]:
    doc = json.loads(preview(runner, "json"))
    assert doc["periode"] == "2026" and doc["nilai"] == ["nilai-2026.csv"]
    return {(d["indikator"], d["field"]): (d["old"], d["new"]) for d in doc["dampak"]}


def test_a_target_change_moves_capaian_and_predikat(runner: CliRunner, office: Path) -> None:
    edit(office / "definitions/jabatan/pengelola-program-tb.yaml",
         "        target:\n          2026: 90", "        target:\n          2026: 70")
    got = dampak(runner)
    # 84,375 / 90 × 100 = 93,75 (Baik); 84,375 / 70 × 100 = 120,5… capped at 120 (Sangat Baik)
    assert got[(KEBERHASILAN, "capaian")] == (pytest.approx(R_2026 / 90 * 100), 120.0)
    assert got[(KEBERHASILAN, "predikat")] == ("Baik", "Sangat Baik")
    assert set(got) == {(KEBERHASILAN, "capaian"), (KEBERHASILAN, "predikat")}
    text = preview(runner, "text", "--lang", "id")
    assert (f"{KEBERHASILAN}: capaian 93,75 → 120,00 (Baik → Sangat Baik), "
            "target 90,00 → 70,00") in text
    md = preview(runner, "md", "--lang", "id")
    row = next(line for line in md.splitlines() if line.startswith(f"| `{KEBERHASILAN}`"))
    assert row == (f"| `{KEBERHASILAN}` | target: 2026 90 → 70 |  | 93,75 → 120,00 | "
                   "Baik → Sangat Baik |  |")


def test_a_formula_change_moves_every_figure(runner: CliRunner, office: Path) -> None:
    tb = office / "definitions/jabatan/pengelola-program-tb.yaml"
    edit(tb, "rumus: kasus_tb_sembuh / kasus_tb_diobati * 100",
         "rumus: kasus_tb_sembuh / kasus_tb_ditemukan * 100")
    edit(tb, "{kasus_tb_sembuh: 17, kasus_tb_diobati: 20}",
         "{kasus_tb_sembuh: 17, kasus_tb_ditemukan: 20}")
    got = dampak(runner)
    new_r = 27 / 80 * 100  # 33,75
    assert got[(KEBERHASILAN, "realisasi")] == (pytest.approx(R_2026), pytest.approx(new_r))
    assert got[(KEBERHASILAN, "capaian")] == (pytest.approx(R_2026 / 90 * 100),
                                              pytest.approx(new_r / 90 * 100))  # 37,5
    assert got[(KEBERHASILAN, "predikat")] == ("Baik", "Kurang")
    text = preview(runner, "text", "--lang", "en")
    assert (f"{KEBERHASILAN}: value 84.38 → 33.75, achievement 93.75 → 37.50 "
            "(Baik → Kurang) — rumus: kasus_tb_sembuh / kasus_tb_diobati * 100 → "
            "kasus_tb_sembuh / kasus_tb_ditemukan * 100") in text
    md = preview(runner, "md", "--lang", "en")
    assert "| 84.38 → 33.75 | 93.75 → 37.50 | Baik → Kurang |" in md


def test_a_shared_variable_explains_results_whose_definitions_did_not_change(
        runner: CliRunner, office: Path) -> None:
    edit(office / "definitions/variabel.yaml",
         "hasil pengobatannya\n    satuan: orang\n    agregasi: jumlah",
         "hasil pengobatannya\n    satuan: orang\n    agregasi: terakhir")
    got = dampak(runner)
    # diobati becomes the last quarter's 10: 27 / 10 × 100 = 270, capaian 300 → capped 120
    assert got[(KEBERHASILAN, "realisasi")] == (pytest.approx(R_2026), pytest.approx(270))
    assert got[(KEBERHASILAN, "predikat")] == ("Baik", "Sangat Baik")
    # negative, kebalikan: (32 − 27) / 32 × 100 = 15,625 → 10 / 15,625 × 100 = 64 (Cukup);
    # (10 − 27) / 10 × 100 = −170 → 10 / −170 × 100 < 0 → floored at 0 (Kurang)
    assert got[(TIDAK_BERHASIL, "realisasi")] == (pytest.approx(15.625), pytest.approx(-170))
    assert got[(TIDAK_BERHASIL, "capaian")] == (pytest.approx(64), 0.0)
    assert got[(TIDAK_BERHASIL, "predikat")] == ("Cukup", "Kurang")
    text = preview(runner, "text", "--lang", "id")
    reason = "karena variabel kasus_tb_diobati berubah (agregasi: jumlah → terakhir)"
    assert text.count(reason) == 2
    assert (f"{TIDAK_BERHASIL}: realisasi 15,63 → -170,00, capaian 64,00 → 0,00 "
            f"(Cukup → Kurang) — {reason}") in text
    md = preview(runner, "md", "--lang", "id")
    escaped = r"kasus\_tb\_diobati"  # as Markdown escapes it; it reads kasus_tb_diobati
    assert md.count(f"| karena variabel {escaped} berubah (agregasi: jumlah → terakhir) |") == 2


def test_added_and_removed_indicators_show_as_such(runner: CliRunner, office: Path) -> None:
    tb = office / "definitions/jabatan/pengelola-program-tb.yaml"
    edit(tb, "      - id: pengobatan-tb-tidak-berhasil", "      - id: tb-tidak-berhasil")
    doc = json.loads(preview(runner, "json"))
    changes = {(d["indikator"], d["change"]) for d in doc["dampak"]}
    assert (TIDAK_BERHASIL, "removed") in changes
    assert (f"{TB}/tb-tidak-berhasil", "added") in changes
    removed = [d for d in doc["dampak"] if d["change"] == "removed"]
    assert {d["field"]: d["old"] for d in removed}["capaian"] == pytest.approx(64)
    assert all(d["new"] is None for d in removed)
    text = preview(runner, "text", "--lang", "id")
    assert f"{TB}/tb-tidak-berhasil: indikator baru: realisasi 15,63, capaian 64,00" in text
    assert f"{TIDAK_BERHASIL}: indikator dihapus (sebelumnya realisasi 15,63" in text


def test_no_change_to_the_numbers_says_so(runner: CliRunner, office: Path) -> None:
    edit(office / "definitions/jabatan/pengelola-program-tb.yaml",
         "nama: Angka keberhasilan pengobatan TB", "nama: Angka keberhasilan pengobatan TBC")
    doc = json.loads(preview(runner, "json"))
    assert doc["dampak"] == [] and doc["changes"]
    assert "No indicator's numbers change." in preview(runner, "text", "--lang", "en")


def test_fail_on_predikat_is_a_gate(runner: CliRunner, office: Path) -> None:
    args = ["diff", "-p", "2026", "-v", "nilai-2026.csv", "--fail-on", "predikat"]
    assert invoke(runner, *args).exit_code == 0  # nothing changed yet
    edit(office / "definitions/jabatan/pengelola-program-tb.yaml",
         "        target:\n          2026: 90", "        target:\n          2026: 70")
    r = invoke(runner, *args)
    assert r.exit_code == 1 and "the predikat of 1 indicator(s) changes" in r.output
    # a target change is not breaking: the breaking gate alone passes
    both = invoke(runner, "diff", "-p", "2026", "-v", "nilai-2026.csv",
                  "--fail-on", "breaking")
    assert both.exit_code == 0, both.output


def test_a_revision_pair_is_previewed_too(runner: CliRunner, office: Path) -> None:
    git(office, "tag", "sebelum")
    edit(office / "definitions/jabatan/pengelola-program-tb.yaml",
         "        target:\n          2026: 90", "        target:\n          2026: 70")
    commit(office, "target baru")
    edit(office / "definitions/jabatan/pengelola-program-tb.yaml",
         "        target:\n          2026: 70", "        target:\n          2026: 50")
    r = invoke(runner, "diff", "sebelum", "HEAD", "-p", "2026", "-v", "nilai-2026.csv",
               "-f", "json")
    assert r.exit_code == 0, r.output
    got = {(d["indikator"], d["field"]): d["new"] for d in json.loads(r.stdout)["dampak"]}
    assert got[(KEBERHASILAN, "capaian")] == 120.0  # against the committed 70, not the 50


@pytest.mark.parametrize("args", [["-p", "2026"], ["-v", "nilai-2026.csv"],
                                  ["--fail-on", "predikat"], ["--fail-on", "warna"]])
def test_incomplete_preview_options_are_usage_errors(runner: CliRunner, office: Path,
                                                     args: list[str]) -> None:
    r = invoke(runner, "diff", *args)
    assert r.exit_code == 2, r.output


def test_bad_values_fail_the_preview_with_their_rows(runner: CliRunner, office: Path) -> None:
    (office / "bad.csv").write_text("periode,variabel,nilai\n2026,kasus_tb_sembuh,banyak\n",
                                    encoding="utf-8")
    r = invoke(runner, "diff", "-p", "2026", "-v", "bad.csv")
    assert r.exit_code == 1 and "bad.csv:2" in r.output


def test_a_quarter_is_previewed_by_its_figures_to_date(runner: CliRunner, office: Path) -> None:
    """A quarter without a target of its own is rated to date (SPEC §7): its preview too."""
    edit(office / "definitions/jabatan/pengelola-program-tb.yaml",
         "        target:\n          2026: 90", "        target:\n          2026: 70")
    r = invoke(runner, "diff", "-p", "2026-TW2", "-v", "nilai-2026.csv", "-f", "json")
    assert r.exit_code == 0, r.output
    got = {(d["indikator"], d["field"]): (d["old"], d["new"])
           for d in json.loads(r.stdout)["dampak"]}
    # January to June: sembuh 10 + 0, diobati 12 + 0 → 83,33…; against 90: 92,59 (Baik),
    # against 70: 119,05 (Sangat Baik: 100 and above)
    to_date = 10 / 12 * 100
    assert got[(KEBERHASILAN, "sd_periode.capaian")] == (pytest.approx(to_date / 90 * 100),
                                                        pytest.approx(to_date / 70 * 100))
    assert got[(KEBERHASILAN, "sd_periode.predikat")] == ("Baik", "Sangat Baik")
    assert (KEBERHASILAN, "capaian") not in got  # the quarter itself has no target
    text = invoke(runner, "diff", "-p", "2026-TW2", "-v", "nilai-2026.csv", "--lang", "id",
                  "--fail-on", "predikat")
    assert text.exit_code == 1  # the rating to date moved
    assert ("capaian s.d. periode 92,59 → 119,05 (Baik → Sangat Baik)") in text.output
