"""Defects found in the review of the layout, each with the behaviour a user relies on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import KANTOR_LAIN, invoke
from typer.testing import CliRunner

from iki_cli.definitions.loading import load_definitions
from iki_cli.render import render_document

MakeRoot = Callable[..., Path]


def test_a_loaded_root_renders_its_document_without_running_the_checks() -> None:
    """Formulas are parsed while loading, not by a check: the document needs no checks."""
    defs, problems = load_definitions(KANTOR_LAIN)
    assert problems == []
    assert defs.formulas and not defs.formula_errors
    assert "Indikator Kinerja Individu" in render_document(defs, "md")


def test_a_formula_error_is_found_by_loading_and_reported_by_its_check(
        make_root: MakeRoot) -> None:
    from iki_cli.checks import CHECKS

    root = make_root(jabatan={"kepala": DEFAULT_HEAD_WITH("a ** 2")})
    defs, _ = load_definitions(root)
    assert list(defs.formula_errors.values())[0].message.startswith("power `**`")
    before = dict(defs.formulas)
    found = list(CHECKS["formula-syntax"].fn(defs))
    assert [p.rule for p in found] == ["formula-syntax"]
    assert defs.formulas == before  # the check read the root; it did not change it


def DEFAULT_HEAD_WITH(rumus: str) -> str:
    from conftest import DEFAULT_HEAD

    return DEFAULT_HEAD.replace("rumus: a / b * 100", f"rumus: {rumus}")


@pytest.mark.parametrize("command", [["template", "-p", "2026"],
                                     ["compute", "-p", "2026", "-v", "x.csv"]])
@pytest.mark.parametrize("value", ["xx", "|", ":", ""])
def test_a_bad_delimiter_is_a_usage_error(runner: CliRunner, command: list[str],
                                          value: str) -> None:
    r = invoke(runner, *command, "-d", KANTOR_LAIN, "--delimiter", value)
    assert r.exit_code == 2, r.output
    assert "--delimiter must be `,`, `;` or `tab`" in r.output


@pytest.mark.parametrize("value,expected", [(";", ";"), (",", ","), ("tab", "\t"),
                                            ("TAB", "\t")])
def test_the_delimiters_of_the_contract_are_accepted(runner: CliRunner, value: str,
                                                      expected: str) -> None:
    r = invoke(runner, "template", "-p", "2026", "-d", KANTOR_LAIN, "--delimiter", value)
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == expected.join(
        ["periode", "variabel", "uraian", "satuan", "sumber_data", "nilai", "keterangan"])


def test_schema_to_an_existing_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    target.write_text("keep", encoding="utf-8")
    r = invoke(runner, "schema", "-o", target)
    assert r.exit_code == 2, r.output
    assert "give a folder" in r.output
    assert target.read_text(encoding="utf-8") == "keep"


def test_schema_into_a_folder_that_cannot_be_made_is_one_message(runner: CliRunner,
                                                                  tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    r = invoke(runner, "schema", "-o", blocker / "inside")  # a file where a folder should be
    assert r.exit_code == 2, r.output  # a wrong argument
    assert r.output.count("error:") == 1 and "is a file, not a folder" in r.output


def test_show_lists_each_variable_once(runner: CliRunner, make_root: MakeRoot,
                                       tmp_path: Path) -> None:
    root = make_root(jabatan={"kepala": DEFAULT_HEAD_WITH("a / (a + b) * 100").replace(
        "hasil: 75", "hasil: 42.857142857142854")})
    r = invoke(runner, "show", "kepala", "-d", root)
    assert r.exit_code == 0, r.output
    assert r.output.count("a = Jumlah yang tertangani") == 1
    assert r.output.count("b = Jumlah yang ada") == 1


@pytest.mark.parametrize("snippet,where", [
    ("target:\n          2026: .inf", "target.2026"),
    ("target:\n          2026: .nan", "target.2026"),
    ("target:\n          2026: -.inf", "target.2026"),
])
def test_a_non_finite_target_is_a_schema_error_at_its_line(
        runner: CliRunner, make_root: MakeRoot, snippet: str, where: str) -> None:
    root = make_root(jabatan={"kepala": DEFAULT_HEAD_WITH("a / b * 100").replace(
        "target:\n          2026: 80", snippet)})
    r = invoke(runner, "validate", "-d", root, "--format", "json")
    assert r.exit_code == 1, r.output
    [problem] = json.loads(r.stdout)["problems"]
    assert problem["rule"] == "schema" and problem["line"] == 15  # the `2026:` line
    assert "must be a finite number" in problem["message"]
    assert where in problem["message"]


def test_non_finite_rating_rules_are_refused(runner: CliRunner, make_root: MakeRoot) -> None:
    root = make_root(organisasi="versi_skema: 1\nnama: K\npemda: P\n"
                                "capaian:\n  batas_bawah: .inf\n")
    r = invoke(runner, "validate", "-d", root)
    assert r.exit_code == 1, r.output
    assert "organisasi.yaml:5:16: error [schema] `capaian.batas_bawah` must be a finite" \
        in r.output
