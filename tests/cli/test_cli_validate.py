"""`iki validate`, `list`, `show`, `tree`, `schema` and `--version` through the CLI (SPEC §5)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import TERMINAL_ENV
from helpers import KANTOR_LAIN, REPO, SHIPPED, invoke
from typer.testing import CliRunner

from iki_cli import __version__, i18n
from iki_cli.checks import validate as run_validate
from iki_cli.cli import app
from iki_cli.definitions.schema import all_schemas

MakeRoot = Callable[..., Path]

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning) "
                  r"\[(?P<rule>[a-z0-9-]+)\] (?P<message>.+)$")
BROKEN_FORMULA = """\
versi_skema: 1
id: kepala
jabatan: Kepala Kantor
tugas: [Memimpin]
sasaran:
  - id: layanan-meningkat
    uraian: Meningkatnya layanan
    indikator:
      - id: persentase-tertangani
        nama: Persentase yang tertangani
        rumus: a ** b
        satuan: "%"
"""
PERCENT_WITHOUT_100 = BROKEN_FORMULA.replace("a ** b", "a / b")


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from `tmp_path`, so problem paths read `definitions/...`."""
    monkeypatch.chdir(tmp_path)
    return tmp_path




# --- exit codes -------------------------------------------------------------------------------

def test_valid_root_exits_0(runner: CliRunner, make_root: MakeRoot, in_tmp: Path) -> None:
    make_root()
    r = invoke(runner, "validate", "-d", "definitions")
    assert r.exit_code == 0, r.output
    assert r.stdout == "OK: 3 file(s) checked, no problems.\n"


def test_default_folder_is_definitions(runner: CliRunner, make_root: MakeRoot,
                                       in_tmp: Path) -> None:
    make_root()
    r = invoke(runner, "validate")
    assert r.exit_code == 0, r.output


def test_invalid_root_exits_1(runner: CliRunner, make_root: MakeRoot, in_tmp: Path) -> None:
    make_root(jabatan={"kepala": BROKEN_FORMULA})
    r = invoke(runner, "validate", "-d", "definitions")
    assert r.exit_code == 1, r.output


def test_warning_exits_0_and_1_with_strict(runner: CliRunner, make_root: MakeRoot,
                                          in_tmp: Path) -> None:
    make_root(jabatan={"kepala": PERCENT_WITHOUT_100})
    r = invoke(runner, "validate", "-d", "definitions")
    assert r.exit_code == 0, r.output
    assert "warning [name-percent]" in r.stdout
    r = invoke(runner, "validate", "-d", "definitions", "--strict")
    assert r.exit_code == 1, r.output


def test_strict_on_a_clean_root_exits_0(runner: CliRunner, make_root: MakeRoot,
                                        in_tmp: Path) -> None:
    make_root()
    assert invoke(runner, "validate", "--strict").exit_code == 0


def test_missing_definitions_folder_exits_2(runner: CliRunner, in_tmp: Path) -> None:
    r = invoke(runner, "validate", "-d", "nowhere")
    assert r.exit_code == 2, r.output
    assert "nowhere" in r.stderr
    assert "-d/--definitions" in r.stderr


@pytest.mark.parametrize("args", [["validate", "--bogus"], ["validate", "--format", "xml"],
                                  ["list", "--format", "github"], ["show"], ["nosuchcommand"]])
def test_wrong_usage_exits_2(runner: CliRunner, make_root: MakeRoot, in_tmp: Path,
                             args: list[str]) -> None:
    make_root()
    r = invoke(runner, *args)
    assert r.exit_code == 2, r.output


def test_definitions_from_environment(runner: CliRunner, make_root: MakeRoot,
                                      in_tmp: Path) -> None:
    root = make_root(name="kantor", jabatan={"kepala": BROKEN_FORMULA})
    r = invoke(runner, "validate", env={**TERMINAL_ENV, "IKI_DEFINITIONS": str(root)})
    assert r.exit_code == 1, r.output
    assert "kantor/jabatan/kepala.yaml:11:18: error [formula-syntax]" in r.stdout
    # The option wins over the environment.
    make_root()
    r = invoke(runner, "validate", "-d", "definitions",
               env={**TERMINAL_ENV, "IKI_DEFINITIONS": str(root)})
    assert r.exit_code == 0, r.output


# --- formats ----------------------------------------------------------------------------------

def _broken_office(make_root: MakeRoot) -> Path:
    return make_root(
        organisasi="versi_skema: 1\nnama: Kantor Uji\npemda: Kabupaten Uji\nsingkatn: KU\n",
        jabatan={"kepala": BROKEN_FORMULA},
    )


def test_text_format(runner: CliRunner, make_root: MakeRoot, in_tmp: Path) -> None:
    _broken_office(make_root)
    r = invoke(runner, "validate", "-d", "definitions", "--format", "text")
    assert r.exit_code == 1
    *lines, summary = r.stdout.splitlines()
    assert lines == [
        ("definitions/jabatan/kepala.yaml:11:18: error [formula-syntax] formula: power `**` is "
         "not allowed; multiply instead"),
        ("definitions/organisasi.yaml:4:1: error [unknown-key] unknown key `singkatn`; "
         "did you mean `singkatan`?"),
    ]
    assert all(LINE.match(line) for line in lines)
    assert summary == "2 errors, 0 warnings in 3 file(s) checked."


def test_text_format_for_a_whole_file_problem(runner: CliRunner, make_root: MakeRoot,
                                              in_tmp: Path) -> None:
    make_root(variabel=None)
    r = invoke(runner, "validate")
    assert r.exit_code == 1
    assert r.stdout.splitlines()[0] == ("definitions/variabel.yaml: error [missing-file] "
                                        "`variabel.yaml` is missing from the definitions folder")


def test_json_format(runner: CliRunner, make_root: MakeRoot, in_tmp: Path) -> None:
    _broken_office(make_root)
    r = invoke(runner, "validate", "-d", "definitions", "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert set(data) == {"files", "problems"}
    assert data["files"] == 3
    assert data["problems"][0] == {
        "path": "definitions/jabatan/kepala.yaml", "line": 11, "column": 18, "level": "error",
        "rule": "formula-syntax",
        "message": "formula: power `**` is not allowed; multiply instead",
    }
    for problem in data["problems"]:
        assert list(problem) == ["path", "line", "column", "level", "rule", "message"]


def test_json_format_when_clean(runner: CliRunner, make_root: MakeRoot, in_tmp: Path) -> None:
    make_root()
    r = invoke(runner, "validate", "-f", "json")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == {"files": 3, "problems": []}


def test_github_format(runner: CliRunner, make_root: MakeRoot, in_tmp: Path) -> None:
    make_root(jabatan={"kepala": BROKEN_FORMULA.replace("a ** b", "a / b")})
    _broken_office(make_root)
    r = invoke(runner, "validate", "-d", "definitions", "--format", "github")
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert lines[0] == ("::error file=definitions/jabatan/kepala.yaml,line=11,col=18,"
                        "title=iki formula-syntax::formula: power `**` is not allowed; "
                        "multiply instead")
    assert lines[1].startswith("::error file=definitions/organisasi.yaml,line=4,col=1,")
    assert lines[-1] == "2 errors, 0 warnings in 3 file(s) checked."


def test_github_format_warning_and_escaping(runner: CliRunner, make_root: MakeRoot,
                                            in_tmp: Path) -> None:
    make_root(jabatan={"kepala": PERCENT_WITHOUT_100})
    r = invoke(runner, "validate", "-f", "github")
    assert r.exit_code == 0
    assert r.stdout.startswith("::warning file=definitions/jabatan/kepala.yaml,line=11,col=16,"
                               "title=iki name-percent::")
    make_root(variabel=None)
    r = invoke(runner, "validate", "-f", "github")
    # A whole-file problem has no line; a colon in a property is escaped.
    assert r.stdout.startswith("::error file=definitions/variabel.yaml,title=iki missing-file::")


def test_problems_go_to_stdout_and_nothing_to_stderr(runner: CliRunner, make_root: MakeRoot,
                                                     in_tmp: Path) -> None:
    _broken_office(make_root)
    r = invoke(runner, "validate")
    assert r.stderr == ""


# --- browsing ---------------------------------------------------------------------------------

def test_list_text_names_every_position(runner: CliRunner) -> None:
    r = invoke(runner, "list", "-d", str(SHIPPED))
    assert r.exit_code == 0, r.output
    assert "23 positions" in r.stdout
    for file in (SHIPPED / "jabatan").glob("*.yaml"):
        assert file.stem in r.stdout
    r = invoke(runner, "list", "-d", str(SHIPPED), "--lang", "id")
    assert "23 jabatan" in r.stdout and "Atasan" in r.stdout


@pytest.mark.usefixtures("terminal_80")
def test_list_at_80_columns_keeps_every_title_id_and_count(runner: CliRunner) -> None:
    # The shipped office's ids (up to 41 characters) and superiors do not fit beside the
    # titles in 80 columns: they go under each title, and no column is squeezed away.
    r = runner.invoke(app, ["list", "-d", str(SHIPPED), "--lang", "id"],
                      env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "┃ No ┃ Jabatan" in r.stdout and "┃ Sasaran ┃ Indikator ┃" in r.stdout
    head = next(k for k, line in enumerate(lines) if "Kepala Dinas Sosial PPPA" in line)
    assert re.search(r"│\s+1 │ Kepala Dinas Sosial PPPA\s+│\s+3 │\s+5 │", lines[head])
    assert "id: kepala-dinas · atasan: —" in lines[head + 1]
    for file in (SHIPPED / "jabatan").glob("*.yaml"):
        assert f"id: {file.stem}" in r.stdout  # whole: what `iki show` is given next
    # Wide enough, side by side (the table as a 140-column terminal is given it).
    from rich.console import Console

    from iki_cli.cli.browse import list_table
    from iki_cli.definitions.loading import load_definitions

    wide = Console(width=140, file=io.StringIO(), highlight=False)
    with i18n.using("id"):
        wide.print(list_table(load_definitions(SHIPPED)[0], 140))
    text = wide.file.getvalue()  # type: ignore[attr-defined]
    assert "┃ No ┃ id " in text and "┃ Atasan " in text
    assert re.search(r"│\s+1 │ kepala-dinas\s+│ Kepala Dinas Sosial PPPA\s+│ —\s+│\s+3 │"
                     r"\s+5 │", text)


@pytest.mark.usefixtures("terminal_80")
def test_show_at_80_columns_cuts_no_formula_and_wraps_the_tasks(runner: CliRunner) -> None:
    r = runner.invoke(app, ["show", "kasi-perlindungan-jaminan-sosial", "-d", str(SHIPPED),
                            "--lang", "id"], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert max(len(line) for line in r.stdout.splitlines()) <= 80
    assert "…" not in r.stdout  # a long variable name is folded, never cut
    cells = "".join(line.split("│")[3].strip() for line in r.stdout.splitlines()
                    if line.count("│") == 6)
    # The formula's cell, read across its lines (a name folded, words wrapped).
    assert "pmks_ditangani_linjamsos/pmks_ada*100" in cells.replace(" ", "")
    assert ("  2. Menyelenggarakan urusan pemerintahan dan pelayanan umum di bidang\n"
            "     perlindungan dan jaminan sosial\n") in r.stdout


def test_list_json(runner: CliRunner) -> None:
    r = invoke(runner, "list", "-d", str(KANTOR_LAIN), "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    positions = data["jabatan"]
    assert positions[0]["atasan"] is None  # the head first
    assert {p["id"] for p in positions} == {f.stem for f in (KANTOR_LAIN / "jabatan").glob("*")}
    indicator = positions[0]["sasaran"][0]["indikator"][0]
    assert set(indicator) == {"nomor", "id", "nama", "rumus", "satuan"}
    # Numbered as in every output: positions 1, 2, …; their indicators 1.1, 1.2, …
    assert [p["nomor"] for p in positions] == list(range(1, len(positions) + 1))
    assert indicator["nomor"] == "1.1"


def test_list_refuses_invalid_definitions(runner: CliRunner, make_root: MakeRoot,
                                          in_tmp: Path) -> None:
    make_root(jabatan={"kepala": BROKEN_FORMULA})
    r = invoke(runner, "list")
    assert r.exit_code == 1
    assert "kepala.yaml:11:18" in r.stderr
    assert "iki validate" in r.stderr


def test_show_known_position(runner: CliRunner) -> None:
    r = invoke(runner, "show", "kepala-dinas", "-d", str(SHIPPED))
    assert r.exit_code == 0, r.output
    assert "Kepala Dinas" in r.stdout
    assert "pmks_tertangani / pmks_ada * 100" in r.stdout
    assert "Tasks" in r.stdout and "1.1" in r.stdout
    r = invoke(runner, "show", "kepala-dinas", "-d", str(SHIPPED), "--lang", "id")
    assert "Tugas" in r.stdout and "Tasks" not in r.stdout


def test_show_unknown_position_suggests(runner: CliRunner) -> None:
    r = invoke(runner, "show", "kepala-dinass", "-d", str(SHIPPED))
    assert r.exit_code == 2
    assert "no position `kepala-dinass`; did you mean `kepala-dinas`?" in r.stderr


def test_tree_shows_positions_and_cascade(runner: CliRunner) -> None:
    r = invoke(runner, "tree", "-d", str(SHIPPED))
    assert r.exit_code == 0, r.output
    for file in (SHIPPED / "jabatan").glob("*.yaml"):
        assert f"({file.stem})" in r.stdout
    links = [line for line in r.stdout.splitlines() if "↑" in line]
    assert links
    assert "↑ kepala-dinas/kualitas-pelayanan-sosial" in r.stdout


def test_tree_nests_by_atasan(runner: CliRunner, make_root: MakeRoot, in_tmp: Path) -> None:
    staf = PERCENT_WITHOUT_100.replace("id: kepala\n", "id: staf\natasan: kepala\n").replace(
        "rumus: a / b", "rumus: a / b * 100").replace(
        "id: layanan-meningkat\n", "id: layanan-staf\n    mendukung: kepala/layanan-meningkat\n")
    make_root(jabatan={"staf": staf})
    r = invoke(runner, "tree")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "Kantor Uji"
    head = next(i for i, line in enumerate(lines) if "(kepala)" in line)
    child = next(i for i, line in enumerate(lines) if "(staf)" in line)
    def depth(line: str) -> int:
        return len(line) - len(line.lstrip("│├└─ "))

    assert child > head
    assert depth(lines[child]) > depth(lines[head])
    assert any("↑ kepala/layanan-meningkat" in line for line in lines)


# --- schema -----------------------------------------------------------------------------------

def test_schema_writes_three_files(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out" / "schema"
    r = invoke(runner, "schema", "-o", str(out))
    assert r.exit_code == 0, r.output
    expected = all_schemas()
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    for name, text in expected.items():
        assert (out / name).read_text(encoding="utf-8") == text
        schema = json.loads(text)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert schema["type"] == "object"


def test_schema_to_stdout(runner: CliRunner) -> None:
    r = invoke(runner, "schema")
    assert r.exit_code == 0, r.output
    assert set(json.loads(r.stdout)) == set(all_schemas())


def test_committed_schemas_are_generated() -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "schema").glob("*.json")}
    assert committed == all_schemas(), "run `iki schema -o schema` and commit the result"


@pytest.mark.parametrize("file", sorted(SHIPPED.rglob("*.yaml")), ids=lambda p: p.name)
def test_shipped_file_names_its_schema_for_editors(file: Path) -> None:
    first = file.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{file}: first line must be `# yaml-language-server: $schema=...`"
    kind = "jabatan" if file.parent.name == "jabatan" else file.stem
    target = (file.parent / match[1]).resolve()
    assert target == (REPO / "schema" / f"{kind}.schema.json").resolve()


# --- the shipped data and the second office ----------------------------------------------------

def test_shipped_definitions_are_clean() -> None:
    defs, problems = run_validate(SHIPPED)
    assert [f"{p.location()}: {p.level} [{p.rule}] {p.message}" for p in problems] == []
    assert len(list((SHIPPED / "jabatan").glob("*.yaml"))) == 23
    assert len(defs.positions) == 23
    assert defs.files == 25


def test_shipped_definitions_through_the_cli(runner: CliRunner) -> None:
    r = invoke(runner, "validate", "--strict", "-d", str(SHIPPED))
    assert r.exit_code == 0, r.output


def test_second_office_is_clean(runner: CliRunner) -> None:
    _, problems = run_validate(KANTOR_LAIN)
    assert [f"{p.location()}: [{p.rule}] {p.message}" for p in problems] == []
    r = invoke(runner, "validate", "--strict", "-d", str(KANTOR_LAIN))
    assert r.exit_code == 0, r.output


# --- no traceback on any broken input -----------------------------------------------------------

BROKEN_FILES: dict[str, str | bytes] = {
    "organisasi.yaml": b"versi_skema: 1\nnama: Kantor \xe9\n",
    "variabel.yaml": "versi_skema: 1\nvariabel:\n  - &v {id: a}\n  - *v\n",
    "jabatan/kepala.yaml": "versi_skema: 1\nid: [kepala\n",
    "jabatan/staf.yaml": "- just\n- a list\n",
    "jabatan/kosong.yaml": "",
    "jabatan/bom.yaml": "a: &a [x, x]\nb: &b [*a, *a]\n",
    "jabatan/dalam.yaml": "[" * 5000 + "]" * 5000,
    "jabatan/tipe.yaml": "versi_skema: '1'\nid: 7\njabatan: [x]\ntugas: ya\nsasaran: {a: 1}\n",
    "jabatan/rumus.yaml": BROKEN_FORMULA.replace("id: kepala", "id: rumus").replace(
        "a ** b", "__import__('os').system('echo pwned')"),
    "jabatan/lain.yml": "versi_skema: 1\n",
    "jabatan/biner.yaml": b"\x00\x01\x02\xff",
    "jabatan/kontrol.yaml": "versi_skema: 1\nid: x\x07\n",
}


@pytest.mark.parametrize(
    "args",
    [["validate"], ["validate", "-f", "json"], ["validate", "-f", "github"],
     ["validate", "--strict"], ["list"], ["list", "-f", "json"], ["show", "kepala"], ["tree"]],
    ids=" ".join,
)
def test_no_traceback_on_broken_files(runner: CliRunner, make_root: MakeRoot, in_tmp: Path,
                                      args: list[str]) -> None:
    make_root(organisasi=None, variabel=None, jabatan={"kepala": None}, files=BROKEN_FILES)
    r = invoke(runner, *args)
    assert r.exit_code == 1, r.output
    assert "pwned" not in r.output


def test_every_broken_file_is_reported(make_root: MakeRoot, in_tmp: Path) -> None:
    root = make_root(organisasi=None, variabel=None, jabatan={"kepala": None},
                     files=BROKEN_FILES)
    _, problems = run_validate(root)
    reported = {Path(p.path).name for p in problems}
    assert reported == {Path(name).name for name in BROKEN_FILES}


def test_console_script_prints_no_traceback(make_root: MakeRoot, tmp_path: Path) -> None:
    root = make_root(organisasi=None, variabel=None, jabatan={"kepala": None},
                     files=BROKEN_FILES)
    for args in (["validate", "-d", str(root)], ["tree", "-d", str(root)],
                 ["validate", "-d", str(tmp_path / "nowhere")], ["validate", "--nope"]):
        proc = subprocess.run(
            [sys.executable, "-c", "from iki_cli.cli import main; main()", *args],
            capture_output=True, text=True, timeout=60, cwd=tmp_path, check=False,
        )
        assert proc.returncode in (1, 2), proc.stderr
        assert "Traceback" not in proc.stdout + proc.stderr


# --- version ----------------------------------------------------------------------------------

def test_version(runner: CliRunner) -> None:
    r = invoke(runner, "--version")
    assert r.exit_code == 0
    assert r.stdout == f"iki {__version__}\n"


def test_help_lists_the_commands(runner: CliRunner) -> None:
    r = invoke(runner, "-h")
    assert r.exit_code == 0
    for name in ("validate", "list", "show", "tree", "schema"):
        assert name in r.stdout
