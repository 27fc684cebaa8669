"""`iki diff`: semantic changes between git revisions, on temporary git repositories.

Every repository here is built from `tests/fixtures/kantor-lain/definitions` and
never from the shipped office, so the tests do not move when that office does.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import GIT_ENV, KANTOR_LAIN, REPO, commit, edit, git, make_repo
from typer.testing import CliRunner

from iki_cli.cli import app
from iki_cli.definitions.loading import load_definitions
from iki_cli.diff import compare, describe

TB = "indikator:pengelola-program-tb/keberhasilan-pengobatan-tb"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.fixture(autouse=True)
def git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose `definitions/` is kantor-lain, committed, with a clean tree."""
    return make_repo(tmp_path)[0]


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner with a fixed width and no colour."""
    return CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})


def mutate(file: Path, change: Callable[[Any], None]) -> None:
    """Load a YAML file, change the data in place and write it back."""
    data = yaml.safe_load(file.read_text("utf-8"))
    change(data)
    file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def indicator(data: dict[str, Any], ind_id: str) -> dict[str, Any]:
    """The indicator `ind_id` inside a loaded position file."""
    return next(i for s in data["sasaran"] for i in s["indikator"] if i["id"] == ind_id)


def run_json(runner: CliRunner, repo: Path, *args: str) -> dict[str, Any]:
    """`iki diff --format json` on the repository's definitions, exit 0."""
    r = runner.invoke(app, ["diff", *args, "-d", str(repo / "definitions"), "-f", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def changes(runner: CliRunner, repo: Path, *args: str) -> list[tuple[str, str, str, Any]]:
    """(class, change, object, field) of each change between HEAD and the working tree."""
    return [(c["class"], c["change"], c["object"], c["field"])
            for c in run_json(runner, repo, *args)["changes"]]


# --- no change ---------------------------------------------------------------------------


def test_clean_tree_has_no_changes(runner: CliRunner, repo: Path) -> None:
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions")])
    assert r.exit_code == 0, r.output
    assert "No changes to the definitions between HEAD and the working tree" in r.output
    assert run_json(runner, repo) == {"base": "HEAD", "head": "worktree", "changes": []}


def test_reordering_and_reformatting_is_no_change(runner: CliRunner, repo: Path) -> None:
    defs = repo / "definitions"
    mutate(defs / "variabel.yaml", lambda d: d["variabel"].reverse())

    def shuffle(d: dict[str, Any]) -> None:
        d["sasaran"].reverse()
        for s in d["sasaran"]:
            s["indikator"].reverse()
            for i in s["indikator"]:
                i["target"] = dict(reversed(list(i["target"].items())))
    for file in (defs / "jabatan").glob("*.yaml"):
        mutate(file, shuffle)
    # Keys in another order, different quoting and flow style: same data.
    mutate(defs / "organisasi.yaml", lambda d: d.update(dict(reversed(list(d.items())))))
    assert changes(runner, repo) == []


def test_formula_spacing_and_redundant_parentheses_are_no_change(
        runner: CliRunner, repo: Path) -> None:
    edit(repo / "definitions/jabatan/pengelola-program-tb.yaml",
         "rumus: kasus_tb_sembuh / kasus_tb_diobati * 100",
         "rumus: (kasus_tb_sembuh/kasus_tb_diobati)*100")
    edit(repo / "definitions/jabatan/koordinator-ukm.yaml",
         "rumus: max(suhu_vaksin_maks - 8, 0)", "rumus: max( suhu_vaksin_maks-8 ,0 )")
    assert changes(runner, repo) == []


def test_quarter_written_as_q_is_the_same_target(runner: CliRunner, repo: Path) -> None:
    file = repo / "definitions/jabatan/kepala-tata-usaha.yaml"
    edit(file, "          2026-S1: 6\n", "          2026-S1: 6\n          2026-TW1: 3\n")
    commit(repo)
    edit(file, "2026-TW1: 3", "2026-Q1: 3.0")
    assert changes(runner, repo) == []


# --- breaking ----------------------------------------------------------------------------


def test_formula_change_is_breaking_with_old_and_new(runner: CliRunner, repo: Path) -> None:
    edit(repo / "definitions/jabatan/pengelola-program-tb.yaml",
         "rumus: kasus_tb_sembuh / kasus_tb_diobati * 100",
         "rumus: min(kasus_tb_sembuh / kasus_tb_diobati * 100, 100)")
    got = run_json(runner, repo)["changes"]
    assert got == [{"class": "breaking", "change": "changed", "object": TB, "field": "rumus",
                    "old": "kasus_tb_sembuh / kasus_tb_diobati * 100",
                    "new": "min(kasus_tb_sembuh / kasus_tb_diobati * 100, 100)"}]


@pytest.mark.parametrize("file, old, new, obj, field", [
    ("jabatan/koordinator-ukm.yaml", "        polaritas: negatif\n        sumber_data: Laporan",
     "        sumber_data: Laporan", "indikator:koordinator-ukm/persentase-balita-gizi-buruk",
     "polaritas"),
    ("jabatan/kepala-tata-usaha.yaml", "satuan: dokumen", "satuan: berkas",
     "indikator:kepala-tata-usaha/sop-dimutakhirkan", "satuan"),
    ("variabel.yaml", "satuan: rujukan", "satuan: kasus rujukan",
     "variabel:rujukan_non_spesialistik", "satuan"),
    ("variabel.yaml", "agregasi: jumlah\n    sumber_data: Laporan Audit Maternal Perinatal\n\n",
     "agregasi: terakhir\n    sumber_data: Laporan Audit Maternal Perinatal\n\n",
     "variabel:kematian_bayi", "agregasi"),
], ids=["polaritas", "indicator-satuan", "variable-satuan", "agregasi"])
def test_meaning_changes_are_breaking(runner: CliRunner, repo: Path, file: str, old: str,
                                      new: str, obj: str, field: str) -> None:
    edit(repo / "definitions" / file, old, new)
    assert changes(runner, repo) == [("breaking", "changed", obj, field)]


def test_removals_are_breaking(runner: CliRunner, repo: Path) -> None:
    defs = repo / "definitions"
    (defs / "jabatan/petugas-surveilans-2.yaml").unlink()
    mutate(defs / "variabel.yaml", lambda d: d["variabel"].pop(
        next(i for i, v in enumerate(d["variabel"]) if v["id"] == "keterlambatan_laporan_w2")))
    mutate(defs / "jabatan/kepala-tata-usaha.yaml", lambda d: d["sasaran"][0]["indikator"].pop())
    pos = "petugas-surveilans-2"
    assert changes(runner, repo) == [
        ("breaking", "removed", "variabel:keterlambatan_laporan_w2", None),
        ("breaking", "removed", "indikator:kepala-tata-usaha/indeks-kepuasan-masyarakat", None),
        ("breaking", "removed", f"jabatan:{pos}", None),
        ("breaking", "removed", f"sasaran:{pos}/investigasi-kontak-tb", None),
        ("breaking", "removed", f"sasaran:{pos}/laporan-surveilans-tepat", None),
        ("breaking", "removed", f"indikator:{pos}/keterlambatan-laporan-w2", None),
        ("breaking", "removed", f"indikator:{pos}/kontak-tb-diinvestigasi", None),
    ]


# --- target ------------------------------------------------------------------------------


def test_targets_categories_and_scales_are_target_class(runner: CliRunner, repo: Path) -> None:
    defs = repo / "definitions"
    edit(defs / "jabatan/kepala-tata-usaha.yaml", "2026-S2: 4", "2026-S2: 5")
    edit(defs / "jabatan/koordinator-ukm.yaml", "{batas_bawah: 0.8, label: Sehat}",
         "{batas_bawah: 0.85, label: Sehat}")
    edit(defs / "organisasi.yaml", "{batas_bawah: 60, label: Cukup}",
         "{batas_bawah: 65, label: Cukup}")
    edit(defs / "organisasi.yaml", "batas_atas: 120", "batas_atas: 110")
    assert changes(runner, repo) == [
        ("target", "changed", "organisasi", "capaian"),
        ("target", "changed", "organisasi", "predikat"),
        ("target", "changed", "indikator:kepala-tata-usaha/sop-dimutakhirkan", "target"),
        ("target", "changed", "indikator:koordinator-ukm/indeks-keluarga-sehat", "kategori"),
    ]
    target = next(c for c in run_json(runner, repo)["changes"] if c["field"] == "target")
    assert target["old"] == {"2026": 10, "2026-S1": 6, "2026-S2": 4}
    assert target["new"] == {"2026": 10, "2026-S1": 6, "2026-S2": 5}


# --- text and additions ------------------------------------------------------------------


def test_wording_changes_are_text_class(runner: CliRunner, repo: Path) -> None:
    defs = repo / "definitions"
    tu = defs / "jabatan/kepala-tata-usaha.yaml"
    edit(tu, "jabatan: Kepala Subbagian Tata Usaha", "jabatan: Kepala Subbag TU")
    edit(tu, "  - Pengelolaan surat-menyurat dan kearsipan;\n", "")
    edit(tu, "uraian: Meningkatnya ketertiban administrasi dan pelaporan Puskesmas",
         "uraian: Tertibnya administrasi Puskesmas")
    edit(tu, "nama: Indeks kepuasan masyarakat", "nama: Indeks Kepuasan Masyarakat (IKM)")
    edit(tu, "        desimal: 0\n", "")
    edit(tu, "sumber_data: Laporan SKM triwulanan", "sumber_data: Laporan SKM")
    edit(tu, "ikut terhitung", "juga dihitung")
    edit(tu, "hasil: 81.25", "hasil: 81.250")  # same number: no change
    edit(tu, "{sop_dimutakhirkan: 4}\n            hasil: 4", "{sop_dimutakhirkan: 5}\n"
         "            hasil: 5")
    edit(defs / "variabel.yaml", "uraian: Jumlah kasus TB baru", "uraian: Banyaknya kasus TB baru")
    edit(defs / "organisasi.yaml", "pemda: Kota Contoh", "pemda: Kota Contoh Raya")
    edit(defs / "jabatan/petugas-surveilans-2.yaml", "atasan: pengelola-program-tb",
         "atasan: koordinator-ukm")
    edit(defs / "jabatan/petugas-surveilans-2.yaml",
         "mendukung: pengelola-program-tb/pengendalian-tb",
         "mendukung: koordinator-ukm/ukm-esensial")
    got = changes(runner, repo)
    assert {c[0] for c in got} == {"text"}
    assert [(c[2], c[3]) for c in got] == [
        ("organisasi", "pemda"),
        ("variabel:kasus_tb_ditemukan", "uraian"),
        ("jabatan:kepala-tata-usaha", "jabatan"),
        ("jabatan:kepala-tata-usaha", "fungsi"),
        ("sasaran:kepala-tata-usaha/administrasi-tertib", "uraian"),
        ("indikator:kepala-tata-usaha/indeks-kepuasan-masyarakat", "nama"),
        ("indikator:kepala-tata-usaha/indeks-kepuasan-masyarakat", "sumber_data"),
        ("indikator:kepala-tata-usaha/laporan-tepat-waktu", "penjelasan"),
        ("indikator:kepala-tata-usaha/sop-dimutakhirkan", "desimal"),
        ("indikator:kepala-tata-usaha/sop-dimutakhirkan", "contoh"),
        ("jabatan:petugas-surveilans-2", "atasan"),
        ("sasaran:petugas-surveilans-2/investigasi-kontak-tb", "mendukung"),
    ]


def test_reordered_functions_are_a_text_change(runner: CliRunner, repo: Path) -> None:
    mutate(repo / "definitions/jabatan/kepala-tata-usaha.yaml", lambda d: d["fungsi"].reverse())
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions"), "-f", "md"])
    assert r.exit_code == 0, r.output
    assert "- `jabatan:kepala-tata-usaha` `fungsi`: order changed" in r.stdout


def test_additions_are_text_class(runner: CliRunner, repo: Path) -> None:
    defs = repo / "definitions"
    edit(defs / "variabel.yaml", "variabel:\n", "variabel:\n  - id: rapat_staf\n"
         "    uraian: Jumlah rapat staf\n    agregasi: jumlah\n")

    def add(d: dict[str, Any]) -> None:
        d["sasaran"][0]["indikator"].append({
            "id": "rapat-staf", "nama": "Jumlah rapat staf", "rumus": "rapat_staf",
            "satuan": "kali", "target": {2026: 12}})
    mutate(defs / "jabatan/kepala-tata-usaha.yaml", add)
    got = run_json(runner, repo)["changes"]
    assert [(c["class"], c["change"], c["object"]) for c in got] == [
        ("text", "added", "variabel:rapat_staf"),
        ("text", "added", "indikator:kepala-tata-usaha/rapat-staf"),
    ]
    assert got[1]["old"] is None and got[1]["new"]["rumus"] == "rapat_staf"
    assert got[1]["new"]["target"] == {"2026": 12}


def test_moving_an_indicator_to_another_objective_is_a_text_change(
        runner: CliRunner, repo: Path) -> None:
    def move(d: dict[str, Any]) -> None:
        d["sasaran"][1]["indikator"].append(d["sasaran"][0]["indikator"].pop(0))
    mutate(repo / "definitions/jabatan/kepala-puskesmas.yaml", move)
    got = run_json(runner, repo)["changes"]
    assert got == [{"class": "text", "change": "changed",
                    "object": "indikator:kepala-puskesmas/angka-kematian-ibu",
                    "field": "sasaran", "old": "derajat-kesehatan-meningkat",
                    "new": "mutu-layanan-meningkat"}]


# --- identity by id, not by file ----------------------------------------------------------


def test_objects_are_matched_by_id_not_by_file(tmp_path: Path) -> None:
    a = tmp_path / "a"
    shutil.copytree(KANTOR_LAIN, a)
    b = tmp_path / "b"
    shutil.copytree(KANTOR_LAIN, b)
    (b / "jabatan/koordinator-ukp.yaml").rename(b / "jabatan/ukp.yaml")
    old, new = (compare.snapshot(load_definitions(root)[0]) for root in (a, b))
    assert compare.compare(old, new) == []


def test_renamed_file_with_same_id_is_not_a_removal(runner: CliRunner, repo: Path) -> None:
    git(repo, "mv", "definitions/jabatan/koordinator-ukp.yaml", "definitions/jabatan/ukp.yaml")
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions")])
    # The file name must equal the id (rule `file-name`): the working tree is refused
    # for that, and nothing is reported as removed.
    assert r.exit_code == 1, r.output
    assert "[file-name]" in r.output and "in the working tree" in r.output
    assert "removed" not in r.output


def test_renamed_position_id_is_removal_and_addition(runner: CliRunner, repo: Path) -> None:
    defs = repo / "definitions"
    git(repo, "mv", "definitions/jabatan/koordinator-ukp.yaml",
        "definitions/jabatan/koordinator-upk.yaml")
    edit(defs / "jabatan/koordinator-upk.yaml", "id: koordinator-ukp", "id: koordinator-upk")
    got = changes(runner, repo)
    assert ("breaking", "removed", "jabatan:koordinator-ukp", None) in got
    assert ("text", "added", "jabatan:koordinator-upk", None) in got


# --- revisions ---------------------------------------------------------------------------


def test_base_to_head_and_head_to_worktree(runner: CliRunner, repo: Path) -> None:
    defs = repo / "definitions"
    edit(defs / "jabatan/pengelola-program-tb.yaml", "satuan: kasus", "satuan: orang")
    commit(repo, "satuan")
    git(repo, "tag", "v2")
    edit(defs / "jabatan/kepala-tata-usaha.yaml", "2026: 95", "2026: 97")
    between = run_json(runner, repo, "HEAD~1", "HEAD")
    assert between["base"] == "HEAD~1" and between["head"] == "HEAD"
    assert [c["field"] for c in between["changes"]] == ["satuan"]
    assert [c[3] for c in changes(runner, repo)] == ["target"]
    assert [c[3] for c in changes(runner, repo, "main~1")] == ["target", "satuan"]
    assert changes(runner, repo, "v2", "main") == []


def test_reading_a_revision_leaves_the_working_tree_alone(runner: CliRunner, repo: Path) -> None:
    file = repo / "definitions/organisasi.yaml"
    edit(file, "pemda: Kota Contoh", "pemda: Kota Lain")
    before = git(repo, "status", "--porcelain"), file.read_bytes()
    assert changes(runner, repo) == [("text", "changed", "organisasi", "pemda")]
    assert (git(repo, "status", "--porcelain"), file.read_bytes()) == before


def test_definitions_below_the_repository_root(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, defs = make_repo(tmp_path, "tests/fixtures/x/definitions")
    edit(defs / "jabatan/pengelola-program-tb.yaml", "satuan: kasus", "satuan: orang")
    expected = [("breaking", "changed", "indikator:pengelola-program-tb/kasus-tb-ditemukan",
                 "satuan")]
    for cwd, arg in ((repo, "tests/fixtures/x/definitions"), (defs.parent, "definitions"),
                     (tmp_path, str(defs))):
        monkeypatch.chdir(cwd)
        r = runner.invoke(app, ["diff", "-d", arg, "-f", "json"])
        assert r.exit_code == 0, r.output
        got = [(c["class"], c["change"], c["object"], c["field"])
               for c in json.loads(r.stdout)["changes"]]
        assert got == expected, cwd


def test_definitions_at_the_repository_root(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, defs = make_repo(tmp_path, ".")
    edit(defs / "organisasi.yaml", "pemda: Kota Contoh", "pemda: Kota Lain")
    monkeypatch.chdir(repo / "jabatan")
    r = runner.invoke(app, ["diff", "-d", "..", "-f", "json"])
    assert r.exit_code == 0, r.output
    assert [c["object"] for c in json.loads(r.stdout)["changes"]] == ["organisasi"]


def test_folder_missing_at_base_means_everything_added(runner: CliRunner, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "-c", "init.defaultBranch=main", "init", "-q")
    (repo / "README.md").write_text("kosong\n")
    commit(repo, "empty")
    shutil.copytree(KANTOR_LAIN, repo / "definitions")
    got = changes(runner, repo)
    assert got and {(c[0], c[1]) for c in got} == {("text", "added")}
    assert ("text", "added", "organisasi", None) in got


def test_folder_deleted_in_worktree_means_everything_removed(
        runner: CliRunner, repo: Path) -> None:
    shutil.rmtree(repo / "definitions")
    got = changes(runner, repo)
    assert got and {(c[0], c[1]) for c in got} == {("breaking", "removed")}


def test_folder_missing_on_both_sides_is_usage_error(runner: CliRunner, repo: Path) -> None:
    r = runner.invoke(app, ["diff", "-d", str(repo / "definisi")])
    assert r.exit_code == 2, r.output
    assert "no definitions folder `definisi`" in r.output


# --- invalid sides and usage errors ------------------------------------------------------


def test_invalid_working_tree_names_the_side(runner: CliRunner, repo: Path) -> None:
    edit(repo / "definitions/jabatan/pengelola-program-tb.yaml",
         "rumus: kasus_tb_ditemukan\n", "rumus: kasus_tb_ditemukann\n")
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions")])
    assert r.exit_code == 1, r.output
    assert "the definitions in the working tree (2 error(s)) are invalid" in r.output
    assert "pengelola-program-tb.yaml:18:" in r.output
    assert "kasus_tb_ditemukann" in r.output
    assert "Traceback" not in r.output


def test_invalid_base_names_the_revision_and_its_path(runner: CliRunner, repo: Path) -> None:
    file = repo / "definitions/jabatan/pengelola-program-tb.yaml"
    edit(file, "satuan: kasus\n", "satuan: [kasus]\n")
    commit(repo, "broken")
    edit(file, "satuan: [kasus]\n", "satuan: kasus\n")
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions")])
    assert r.exit_code == 1, r.output
    assert "the definitions at BASE `HEAD` (1 error(s)) are invalid" in r.output  # not cascaded
    assert "HEAD:definitions/jabatan/pengelola-program-tb.yaml:19:" in r.output
    r = runner.invoke(app, ["diff", "HEAD~1", "HEAD", "-d", str(repo / "definitions")])
    assert r.exit_code == 1, r.output
    assert "at HEAD `HEAD` (1 error(s))" in r.output


def test_a_file_broken_on_both_sides_is_named_on_each(runner: CliRunner, repo: Path) -> None:
    # The two sides share the parse of a file with the same bytes; each problem still
    # names its own side's file, and a YAML error found in the parse is reported on both.
    file = repo / "definitions/jabatan/pengelola-program-tb.yaml"
    edit(file, "satuan: kasus\n", "satuan: kasus\n  satuan: dua\n")
    commit(repo, "broken")
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions"), "--format", "json"])
    assert r.exit_code == 1, r.output
    found = [line for line in r.output.splitlines()
             if "pengelola-program-tb.yaml:20:3: error [syntax]" in line]
    assert len(found) == 2, r.output
    assert found[0].startswith("HEAD:definitions/jabatan/"), r.output
    assert not found[1].startswith("HEAD:"), r.output
    assert found[1].split(":")[0].endswith("definitions/jabatan/pengelola-program-tb.yaml")
    assert "at BASE `HEAD` (1 error(s)) and in the working tree (1 error(s))" in r.output


def test_not_a_repository(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(KANTOR_LAIN, tmp_path / "definitions")
    r = runner.invoke(app, ["diff", "-d", str(tmp_path / "definitions")])
    assert r.exit_code == 2, r.output
    assert "not inside a git repository" in r.output


@pytest.mark.parametrize("args", [["nope"], ["HEAD", "nope"], ["HEAD~5"], ["--", "-x"]])
def test_unknown_revision(runner: CliRunner, repo: Path, args: list[str]) -> None:
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions"), *args])
    assert r.exit_code == 2, r.output
    assert "unknown revision" in r.output


def test_git_missing(runner: CliRunner, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-bin"))
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions")])
    assert r.exit_code == 2, r.output
    assert "needs git" in r.output


@pytest.mark.parametrize("args", [["-f", "html"], ["--fail-on", "text"]])
def test_bad_option_values(runner: CliRunner, repo: Path, args: list[str]) -> None:
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions"), *args])
    assert r.exit_code == 2, r.output


# --- --fail-on and formats ---------------------------------------------------------------


def test_fail_on_breaking(runner: CliRunner, repo: Path) -> None:
    defs = repo / "definitions"
    args = ["diff", "-d", str(defs), "--fail-on", "breaking"]
    edit(defs / "jabatan/kepala-tata-usaha.yaml", "2026: 95", "2026: 97")
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    edit(defs / "jabatan/pengelola-program-tb.yaml", "satuan: kasus", "satuan: orang")
    r = runner.invoke(app, args + ["-f", "md"])
    assert r.exit_code == 1, r.output
    assert "`satuan`" in r.stdout  # the diff is printed before failing
    assert "1 breaking change(s)" in r.output


def test_text_format(runner: CliRunner, repo: Path) -> None:
    defs = repo / "definitions"
    edit(defs / "jabatan/kepala-tata-usaha.yaml", "2026: 95", "2026: 97")
    edit(defs / "jabatan/pengelola-program-tb.yaml", "satuan: kasus", "satuan: orang")
    r = runner.invoke(app, ["diff", "-d", str(defs)])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "HEAD → the working tree: 1 breaking, 1 target, 0 text"
    assert "  indikator:pengelola-program-tb/kasus-tb-ditemukan satuan: kasus → orang" in lines
    assert "  indikator:kepala-tata-usaha/laporan-tepat-waktu target: 2026 95 → 97" in lines
    assert lines.index("breaking") < lines.index("target")


def test_markdown_format(runner: CliRunner, repo: Path) -> None:
    defs = repo / "definitions"
    edit(defs / "jabatan/pengelola-program-tb.yaml", "satuan: kasus", "satuan: orang")
    edit(defs / "jabatan/kepala-tata-usaha.yaml", "2026: 95", "2026: 97\n          2027: 99")
    edit(defs / "jabatan/kepala-tata-usaha.yaml", "nama: Indeks kepuasan masyarakat",
         "nama: Indeks *kepuasan* `IKM` | <b>")
    (defs / "jabatan/koordinator-ukp.yaml").unlink()
    r = runner.invoke(app, ["diff", "-d", str(defs), "--format", "md"])
    assert r.exit_code == 0, r.output
    md = r.stdout
    assert md.startswith("### iki diff: `HEAD` → the working tree\n\n**5 breaking**, "
                         "1 target, 1 text — 7 change(s).\n")
    assert re.search(r"#### Breaking.*\(5\)", md)
    assert "- `indikator:pengelola-program-tb/kasus-tb-ditemukan` `satuan`: `kasus` → `orang`" \
        in md
    assert "- `jabatan:koordinator-ukp` removed: `Koordinator Upaya Kesehatan Perseorangan`" in md
    assert "`target`: 2026 `95` → `97`; 2027 added `99`" in md
    assert "`Indeks kepuasan masyarakat` → ``Indeks *kepuasan* `IKM` | <b>``" in md
    assert md.index("Breaking") < md.index("Targets") < md.index("Wording")


def test_markdown_without_changes(runner: CliRunner, repo: Path) -> None:
    r = runner.invoke(app, ["diff", "HEAD", "HEAD", "-d", str(repo / "definitions"), "-f", "md"])
    assert r.exit_code == 0, r.output
    assert r.stdout == "### iki diff: `HEAD` → `HEAD`\n\nNo changes to the definitions.\n"


def test_json_format_shape(runner: CliRunner, repo: Path) -> None:
    edit(repo / "definitions/jabatan/pengelola-program-tb.yaml", "satuan: kasus", "satuan: orang")
    data = run_json(runner, repo)
    assert list(data) == ["base", "head", "changes"]
    assert list(data["changes"][0]) == ["class", "change", "object", "field", "old", "new"]


# --- rendering helpers -------------------------------------------------------------------


def test_code_span_holds_backticks() -> None:
    assert describe.code_span("a") == "`a`"
    assert describe.code_span("a`b") == "``a`b``"
    assert describe.code_span("`x`") == "`` `x` ``"
    assert describe.md_escape("a*b_c [d] <e>") == r"a\*b\_c \[d\] &lt;e&gt;"


def test_long_texts_are_cut_to_the_changed_part() -> None:
    old = "awal " * 30 + "lama " + "akhir " * 30
    new = "awal " * 30 + "baru " + "akhir " * 30
    a, b = describe._shorten_pair(old, new)
    assert a.startswith("…") and a.endswith("…") and "lama" in a and "baru" in b
    assert len(a) < 80


def test_core_does_not_import_the_cli() -> None:
    code = ("import sys, iki_cli.diff; "
            "sys.exit(bool({'typer', 'rich'} & {m.split('.')[0] for m in sys.modules}))")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_every_model_field_is_compared_or_an_object() -> None:
    from iki_cli.definitions import model

    structural = {"versi_skema", "id", "sasaran", "indikator", "variabel", "aturan"}
    assert set(model.VariabelFile.model_fields) - structural == set()  # rules are objects
    for kind, cls in (("organisasi", model.Organisasi), ("variabel", model.Variabel),
                      ("aturan", model.Aturan),
                      ("jabatan", model.Jabatan), ("sasaran", model.Sasaran),
                      ("indikator", model.Indikator)):
        compared = {name for name, _ in compare.FIELDS[kind]} - {"sasaran"} \
            if kind == "indikator" else {name for name, _ in compare.FIELDS[kind]}
        assert set(cls.model_fields) - structural == compared, kind


# --- docs, CI recipes and the pre-commit hook -------------------------------------------


def test_docs_class_table_matches_the_code() -> None:
    text = (REPO / "docs/diff.md").read_text("utf-8")
    row = r"^\| `(\w+)` \| `(\w+)` \| (breaking|target|text) \|"
    rows = set(re.findall(row, text, re.MULTILINE))
    expected = {(kind, name, klass) for kind, fields in compare.FIELDS.items()
                for name, klass in fields}
    assert rows == expected


def _subcommands() -> set[str]:
    import typer.main

    group = typer.main.get_command(app)
    return set(group.commands)  # type: ignore[attr-defined]


def test_pre_commit_hook_runs_a_real_command() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook = next(h for h in hooks if h["id"] == "iki-validate")
    words = hook["entry"].split()
    assert words[0] == "iki" and words[1] in _subcommands()
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "definitions/jabatan/kepala-dinas.yaml")


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"^```yaml\n(.*?)^```", text, re.MULTILINE | re.DOTALL)


def test_ci_recipes_are_valid_yaml_running_real_commands() -> None:
    text = (REPO / "docs/ci.md").read_text("utf-8")
    docs = [yaml.safe_load(block) for block in _yaml_blocks(text)]
    workflow = next(d for d in docs if isinstance(d, dict) and "jobs" in d)
    assert workflow.get("on") or workflow.get(True)  # PyYAML reads `on:` as True
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    scripts = " ".join(str(s.get("run", "")) for s in steps)
    assert "iki validate --format github" in scripts
    assert "iki diff --format md" in scripts
    gitlab = next(d for d in docs if isinstance(d, dict) and "jobs" not in d
                  and any(isinstance(v, dict) and "script" in v for v in d.values()))
    assert gitlab
    code = _yaml_blocks(text) + re.findall(r"`([^`\n]+)`", text)
    used = {word for snippet in code for word in re.findall(r"(?<![\w-])iki ([a-z]+)", snippet)}
    assert {"validate", "diff"} <= used <= _subcommands(), used - _subcommands()


def test_a_plausibility_rule_is_an_object_of_its_own(runner: CliRunner, repo: Path) -> None:
    catalogue = repo / "definitions" / "variabel.yaml"
    text = catalogue.read_text("utf-8")
    catalogue.write_text(text + "aturan:\n  - id: sembuh-dalam-kohort\n"
                         "    syarat: kasus_tb_sembuh <= kasus_tb_diobati\n"
                         "    pesan: Pasien sembuh melebihi kohort\n", "utf-8")
    commit(repo, "rule")
    edit(catalogue, "syarat: kasus_tb_sembuh <= kasus_tb_diobati",
         "syarat: kasus_tb_sembuh < kasus_tb_diobati")
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions"), "--format", "json"])
    assert r.exit_code == 0, r.output
    [change] = json.loads(r.stdout)["changes"]
    assert change == {"class": "target", "change": "changed",
                      "object": "aturan:sembuh-dalam-kohort", "field": "syarat",
                      "old": "kasus_tb_sembuh <= kasus_tb_diobati",
                      "new": "kasus_tb_sembuh < kasus_tb_diobati"}


def test_the_markdown_review_is_indonesian_with_lang_id(runner: CliRunner, repo: Path) -> None:
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions"), "--format", "md",
                            "--lang", "id"])
    assert r.exit_code == 0, r.output
    assert r.stdout == ("### iki diff: `HEAD` → isi folder kerja (working tree)\n\n"
                        "Tidak ada perubahan pada definisi.\n")


def test_why_a_diff_cannot_run_is_said_in_indonesian(runner: CliRunner, repo: Path,
                                                     tmp_path: Path) -> None:
    # The users' default language: every refusal of `iki diff`, not only its review.
    env = {"IKI_LANG": "id"}
    said = []
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions"), "nope"], env=env)
    said.append(r.output)
    assert r.exit_code == 2, r.output
    assert "revisi `nope` tidak dikenal: bukan branch, tag, atau commit" in r.output
    assert "git fetch origin main --tags" in r.output
    edit(repo / "definitions/jabatan/pengelola-program-tb.yaml",
         "rumus: kasus_tb_ditemukan\n", "rumus: kasus_tb_ditemukann\n")
    r = runner.invoke(app, ["diff", "-d", str(repo / "definitions")], env=env)
    said.append(r.output)
    assert r.exit_code == 1, r.output
    assert ("tidak dapat membandingkan: definisi di folder kerja (working tree) "
            "(2 kesalahan) tidak valid") in r.output
    shutil.copytree(KANTOR_LAIN, tmp_path / "lepas" / "definitions")
    r = runner.invoke(app, ["diff", "-d", str(tmp_path / "lepas" / "definitions")], env=env)
    said.append(r.output)
    assert r.exit_code == 2, r.output
    assert "tidak berada di dalam repositori git" in r.output
    for english in ("cannot compare", "unknown revision", "not inside", "error(s)"):
        assert not any(english in output for output in said), english
