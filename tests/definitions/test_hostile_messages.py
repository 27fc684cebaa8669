"""What validation says about values that are not what they look like.

A target in quotes is text, not a number, and the message says so; a number of
400 digits is cut in the message; a tab or an unquoted `%` is named; a number
of 5,000 digits is too large, not a traceback. Each case is the message a
planning officer reads, in English and in Indonesian.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DEFAULT_HEAD

from iki_cli import i18n
from iki_cli.checks import validate
from iki_cli.definitions.yamlload import load_text
from iki_cli.problems import Problem


def _problems(root: Path) -> list[Problem]:
    return [p for p in validate(root)[1] if p.level == "error"]


def _head(old: str, new: str) -> dict[str, str]:
    assert old in DEFAULT_HEAD
    return {"kepala": DEFAULT_HEAD.replace(old, new)}


def test_a_quoted_target_is_text_in_quotes(make_root: Callable[..., Path]) -> None:
    root = make_root(jabatan=_head("2026: 80", '2026: "80"'))
    [p] = _problems(root)
    assert (p.line, p.rule) == (15, "schema")
    assert p.message == ("`sasaran.0.indikator.0.target.2026` must be a number, but \"80\" "
                         "is text in quotes; remove the quotes")
    with i18n.using("id"):
        [p] = _problems(root)
    assert "adalah teks dalam tanda kutip; hapus tanda kutipnya" in p.message


def test_a_target_with_a_unit_is_text(make_root: Callable[..., Path]) -> None:
    [p] = _problems(make_root(jabatan=_head("2026: 80", "2026: 80%")))
    assert p.message.endswith("must be a number, not the text `80%`")


def test_a_400_digit_number_is_shortened(make_root: Callable[..., Path]) -> None:
    root = make_root(jabatan=_head("2026: 80", "2026: " + "9" * 400))
    [p] = _problems(root)
    assert p.rule == "schema" and len(p.message) < 150, p.message
    assert "99999999999999999999… (400 characters)" in p.message
    assert "is too large" in p.message


def test_a_400_digit_decimal_places_are_shortened(make_root: Callable[..., Path]) -> None:
    root = make_root(jabatan=_head("satuan: \"%\"", "satuan: \"%\"\n        desimal: "
                                   + "7" * 400))
    [p] = _problems(root)
    assert "must be at most 6" in p.message and len(p.message) < 150, p.message


def test_a_5000_digit_number_is_too_large_not_a_crash(make_root: Callable[..., Path]) -> None:
    # Python refuses to turn more than 4,300 digits into an int.
    [p] = _problems(make_root(jabatan=_head("2026: 80", "2026: " + "1" * 5000)))
    assert p.rule == "schema" and "too large" in p.message, p.message


@pytest.mark.parametrize("text, line, column, message", [
    ("a: 1\n\tb: 2\n", 2, 1, "a tab character: YAML is indented with spaces"),
    ("a:\n  - x\n\t- y\n", 3, 1, "a tab character: YAML is indented with spaces"),
    ("satuan: %\n", 1, 9, "`%` cannot start a value; put the value in quotes (e.g. \"%\")"),
    ("a: @x\n", 1, 4, "`@` cannot start a value"),
    ("a: `x`\n", 1, 4, "`` ` `` cannot start a value".replace("`` ` ``", "```")),
], ids=["tab-indent", "tab-in-list", "percent", "at-sign", "backtick"])
def test_a_character_that_cannot_start_a_value_is_named(
        text: str, line: int, column: int, message: str) -> None:
    _doc, problems = load_text(text, "f.yaml")
    [p] = problems
    assert (p.line, p.column, p.rule) == (line, column, "syntax")
    assert message in p.message, p.message


def test_the_percent_message_in_indonesian() -> None:
    with i18n.using("id"):
        [p] = load_text("satuan: %\n", "f.yaml")[1]
    assert p.message == ("`%` tidak boleh mengawali nilai; tulis nilainya dalam tanda kutip "
                         "(misalnya \"%\")")


def test_an_unknown_key_of_400_characters_is_shortened(make_root: Callable[..., Path]) -> None:
    root = make_root(organisasi="versi_skema: 1\nnama: A\npemda: B\n" + "k" * 400 + ": 1\n")
    [p] = _problems(root)
    assert p.rule == "unknown-key" and len(p.message) < 120, p.message


def test_organisasi_that_is_a_folder_is_not_missing(make_root: Callable[..., Path]) -> None:
    root = make_root(organisasi=None)
    (root / "organisasi.yaml").mkdir()
    [p] = _problems(root)
    assert p.rule == "unreadable"
    assert p.message == "this is a folder; a definitions file is a YAML file"


def test_a_misnamed_organisasi_is_named_in_the_missing_message(
        make_root: Callable[..., Path]) -> None:
    root = make_root(organisasi=None, files={"organisasi.yml": "versi_skema: 1\n"})
    [p] = _problems(root)
    assert p.rule == "missing-file"
    assert p.message == ("`organisasi.yaml` is missing from the definitions folder "
                         "(there is `organisasi.yml`: rename it)")


def test_jabatan_that_is_a_file(make_root: Callable[..., Path]) -> None:
    root = make_root()
    for f in (root / "jabatan").iterdir():
        f.unlink()
    (root / "jabatan").rmdir()
    (root / "jabatan").write_text("x", encoding="utf-8")
    problems = _problems(root)
    assert [(p.rule, p.message) for p in problems if p.path.endswith("jabatan")] == [
        ("missing-file", "`jabatan` is a file; it must be the folder of position files")]


def test_every_message_of_a_check_is_in_indonesian_too(make_root: Callable[..., Path]) -> None:
    root = make_root(jabatan=_head("rumus: a / b * 100", "rumus: a / bb * 100"))
    with i18n.using("id"):
        [p] = [p for p in _problems(root) if p.rule == "unknown-variable"]
    assert p.message == "variabel `bb` tidak dikenal; mungkin maksudnya `b`?"


def test_a_position_that_does_not_load_is_one_error_not_one_per_subordinate(
        make_root: Callable[..., Path]) -> None:
    staf = """\
        versi_skema: 1
        id: staf
        jabatan: Staf
        atasan: kepala
        tugas: [Melayani]
        sasaran:
          - id: layanan-tepat
            uraian: Layanan tepat waktu
            mendukung: kepala/layanan-meningkat
            indikator:
              - id: jumlah-tertangani
                nama: Jumlah yang tertangani
                rumus: a + b
                satuan: orang
        """
    root = make_root(jabatan={"kepala": DEFAULT_HEAD.replace("2026: 80", '2026: "80"'),
                              "staf": staf})
    assert [(Path(p.path).name, p.rule) for p in _problems(root)] == [("kepala.yaml", "schema")]
