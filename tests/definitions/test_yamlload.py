"""The YAML loader's traps (SPEC §1 YAML rules): every case a clean problem at a position."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from iki_cli.definitions.yamlload import (
    MAX_BYTES,
    Parses,
    load_bytes,
    load_file,
    load_text,
)


def load(text: str):
    return load_text(text, "f.yaml")


def rules_at(problems) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.rule) for p in problems]


# --- scalars: YAML 1.2 core, not PyYAML's YAML 1.1 ----------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # YAML 1.1 booleans are text in 1.2: a section named "NO" or "on" stays a name.
        ("NO", "NO"), ("no", "no"), ("No", "No"), ("yes", "yes"), ("on", "on"),
        ("off", "off"), ("y", "y"), ("n", "n"),
        # Leading zeros are codes, not octal numbers (a month "08", a code "010").
        ("08", "08"), ("010", "010"), ("-08", "-08"), ("00", "00"),
        # Hexadecimal, octal and underscores never make a number in a definitions file.
        ("0x1F", "0x1F"), ("0o17", "0o17"), ("1_000", "1_000"),
        # Numbers by the 1.2 core schema: exponents without a dot, a leading dot.
        ("1e3", 1000.0), (".5", 0.5), ("-.5", -0.5), ("1.5", 1.5), ("0", 0), ("42", 42),
        ("+5", 5), ("-3", -3),
        # Nulls and booleans of the core schema.
        ("~", None), ("null", None), ("true", True), ("false", False),
    ],
)
def test_plain_scalar_resolves_by_yaml_1_2_core(text: str, expected: object) -> None:
    doc, problems = load(f"k: {text}\n")
    assert problems == []
    assert doc is not None
    assert doc.data["k"] == expected
    assert type(doc.data["k"]) is type(expected)


@pytest.mark.parametrize("text", ["'12'", '"08"', "'1e3'", '"true"', "'~'", '"2026"'])
def test_quoted_scalar_stays_text(text: str) -> None:
    doc, problems = load(f"k: {text}\n")
    assert problems == []
    assert doc is not None
    assert doc.data["k"] == text[1:-1]


def test_mapping_keys_are_always_text() -> None:
    # `2026:` and `"2026":` name the same target period.
    doc, problems = load("2026: 80\ntrue: 1\n")
    assert problems == []
    assert doc is not None
    assert doc.data == {"2026": 80, "true": 1}


# --- duplicate keys --------------------------------------------------------------------------

def test_duplicate_key_reported_with_both_lines() -> None:
    _, problems = load("nama: A\nsatuan: '%'\nnama: B\n")
    assert rules_at(problems) == [(3, 1, "duplicate-key")]
    assert "`nama`" in problems[0].message
    assert "line 1" in problems[0].message


def test_duplicate_key_nested_and_quoted() -> None:
    _, problems = load("target:\n  2026: 80\n  '2026': 85\n")
    assert rules_at(problems) == [(3, 3, "duplicate-key")]
    assert "line 2" in problems[0].message


# --- refused constructs -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a: &x 1\nb: 2\n", [(1, 4, "yaml-anchor")], id="anchor"),
        pytest.param("a: &x 1\nb: *x\n", [(1, 4, "yaml-anchor"), (2, 4, "yaml-alias")],
                     id="alias"),
        pytest.param("base: {a: 1}\nc:\n  <<: {a: 2}\n", [(3, 3, "yaml-merge-key")],
                     id="merge-key"),
        pytest.param("a: !!str 123\n", [(1, 4, "yaml-tag")], id="standard-tag"),
        pytest.param("a: !!python/object/apply:os.system [ls]\n", [(1, 4, "yaml-tag")],
                     id="python-tag"),
        pytest.param("a: 1\n---\nb: 2\n", [(2, 1, "yaml-multi-document")], id="multi-document"),
        pytest.param("? [a, b]\n: 1\n", [(1, 3, "yaml-complex-key")], id="complex-key"),
    ],
)
def test_refused_construct(text: str, expected: list[tuple[int, int, str]]) -> None:
    _, problems = load(text)
    assert rules_at(problems) == expected
    assert all(p.level == "error" for p in problems)


def test_refused_construct_makes_document_unusable() -> None:
    doc, _ = load("a: &x 1\nb: *x\n")
    assert doc is None


def test_characters_of_refused_constructs_are_fine_in_text() -> None:
    # `*`, `&` and `!` inside values (a formula, a name) are ordinary text.
    doc, problems = load("rumus: a * 100\nnama: 'Sarana & Prasarana'\nuraian: Bagus!\n")
    assert problems == []
    assert doc is not None
    assert doc.data["rumus"] == "a * 100"


def test_quoted_merge_key_is_an_ordinary_key() -> None:
    _, problems = load("'<<': 1\n")
    assert problems == []


def test_alias_bomb_refused_fast() -> None:
    # "Billion laughs": nine levels of nine aliases each would expand to 9**9 items.
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=False):
        refs = ",".join([f"*{prev}"] * 9)
        lines.append(f"{name}: &{name} [{refs}]")
    text = "\n".join(lines) + "\n"
    start = time.perf_counter()
    doc, problems = load(text)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    assert doc is None
    assert problems and {p.rule for p in problems} <= {"yaml-anchor", "yaml-alias"}
    assert problems[0].line == 1


# --- nesting ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        pytest.param("[" * 10_000 + "]" * 10_000 + "\n", id="flow-sequence"),
        pytest.param("{a: " * 10_000 + "1" + "}" * 10_000 + "\n", id="flow-mapping"),
        pytest.param("- " * 10_000 + "x\n", id="block-sequence"),
        pytest.param("".join("  " * i + "k:\n" for i in range(300)) + "  " * 300 + "v\n",
                     id="block-mapping"),
    ],
)
def test_deep_nesting_is_a_clean_problem(text: str) -> None:
    start = time.perf_counter()
    doc, problems = load(text)
    assert time.perf_counter() - start < 1.0
    assert doc is None
    assert len(problems) == 1
    assert problems[0].rule in ("syntax", "yaml-too-deep")
    assert problems[0].line >= 1 and problems[0].column >= 1


def test_nesting_beyond_the_limit_names_where() -> None:
    _, problems = load("a: " + "[" * 100 + "]" * 100 + "\n")
    assert [p.rule for p in problems] == ["yaml-too-deep"]
    assert problems[0].line == 1 and problems[0].column > 3


def test_ordinary_nesting_is_fine() -> None:
    doc, problems = load("a: " + "[" * 20 + "1" + "]" * 20 + "\n")
    assert problems == []
    assert doc is not None


# --- bytes: encoding, BOM, size ---------------------------------------------------------------

def test_non_utf8_bytes_reported_at_their_line() -> None:
    raw = "nama: Kantor\nuraian: Perlindungan Anak – 2026\n".encode("cp1252")
    doc, problems = load_bytes(raw, "f.yaml")
    assert doc is None
    assert rules_at(problems) == [(2, 27, "encoding")]
    assert "UTF-8" in problems[0].message


def test_nul_bytes_reported_as_encoding() -> None:
    _, problems = load_bytes(b"a: 1\x00\n", "f.yaml")
    assert [p.rule for p in problems] == ["encoding"]


def test_byte_order_mark_accepted() -> None:
    doc, problems = load_bytes(b"\xef\xbb\xbfversi_skema: 1\nnama: A\n", "f.yaml")
    assert problems == []
    assert doc is not None
    assert doc.data == {"versi_skema": 1, "nama": "A"}
    assert doc.pos(("nama",)) == (2, 7)


def test_windows_line_endings_accepted() -> None:
    doc, problems = load_bytes(b"a: 1\r\nb: no\r\n", "f.yaml")
    assert problems == []
    assert doc is not None
    assert doc.data == {"a": 1, "b": "no"}


def test_control_character_reported_at_its_position() -> None:
    _, problems = load("nama: é\nuraian: x\x07y\n")
    assert rules_at(problems) == [(2, 10, "syntax")]
    assert "U+0007" in problems[0].message


def test_file_larger_than_one_mebibyte_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * MAX_BYTES + b"\na: 1\n")
    doc, problems = load_file(big, "big.yaml")
    assert doc is None
    assert rules_at(problems) == [(1, 1, "file-too-large")]


def test_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    text = b"a: 1\n# "
    exact = tmp_path / "exact.yaml"
    exact.write_bytes(text + b"x" * (MAX_BYTES - len(text) - 1) + b"\n")
    assert exact.stat().st_size == MAX_BYTES
    doc, problems = load_file(exact, "exact.yaml")
    assert problems == []
    assert doc is not None


def test_folder_with_a_yaml_name_is_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "x.yaml"
    folder.mkdir()
    doc, problems = load_file(folder, "x.yaml")
    assert doc is None
    assert [p.rule for p in problems] == ["unreadable"]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_empty_file_is_an_empty_document(text: str) -> None:
    doc, problems = load(text)
    assert problems == []
    assert doc is not None
    assert doc.data is None
    assert doc.pos(())[0] >= 1


# --- positions --------------------------------------------------------------------------------

def test_every_key_and_value_has_its_position() -> None:
    doc, _ = load("versi_skema: 1\nsasaran:\n  - id: s-1\n    uraian: \"Teks\"\n")
    assert doc is not None
    assert doc.pos(("versi_skema",)) == (1, 14)
    assert doc.pos(("sasaran", 0, "id")) == (3, 9)
    assert doc.pos(("sasaran", 0, "uraian"), key=True) == (4, 5)
    assert doc.pos(("sasaran", 0, "uraian")) == (4, 13)
    # An unknown location falls back to its nearest recorded ancestor.
    assert doc.pos(("sasaran", 0, "indikator")) == (3, 5)


def test_column_inside_plain_and_quoted_scalars() -> None:
    doc, _ = load("a: x ** 2\nb: \"x ** 2\"\n")
    assert doc is not None
    assert doc.column_in(("a",), 3) == (1, 6)
    assert doc.column_in(("b",), 3) == (2, 7)


@pytest.mark.parametrize(
    "text",
    [
        "a: [1\n", "a:\n\tb: 1\n", "a: b: c\n", "- a\nb: 1\n", "a: 'open\n", "a: \"\\ud800\"\n",
        "a: &x 1\nb: *x\n", "a: 1\n---\nb: 2\n", "a: 1\na: 2\n", "a: x\x07\n",
        "[" * 200 + "\n", "a: !!binary aGk=\n", "? {a: 1}\n: 2\n",
    ],
)
def test_every_problem_has_a_line_and_column(text: str) -> None:
    _, problems = load(text)
    assert problems
    for p in problems:
        assert p.line >= 1 and p.column >= 1, p
        assert p.level == "error"
        assert p.path == "f.yaml"


def test_shared_parses_give_each_file_its_own_document_and_path() -> None:
    raw = b"id: a\nid: b\nnama: Staf\n"  # a duplicate key: a problem found while parsing
    parses: Parses = {}
    first, first_problems = load_bytes(raw, "lama/staf.yaml", parses)
    second, second_problems = load_bytes(raw, "baru/staf.yaml", parses)
    assert first is not None and second is not None and first is not second
    assert len(parses) == 1  # parsed once
    first.data = None  # what the loader does once the model holds the values
    assert second.data == {"id": "a", "nama": "Staf"}  # the first of a duplicate
    third, _ = load_bytes(raw, "ketiga.yaml", parses)
    assert third is not None and third.data == {"id": "a", "nama": "Staf"}
    assert (first.path, second.path) == ("lama/staf.yaml", "baru/staf.yaml")
    assert [(p.path, p.line, p.rule) for p in first_problems] == [
        ("lama/staf.yaml", 2, "duplicate-key")]
    assert [(p.path, p.line, p.rule) for p in second_problems] == [
        ("baru/staf.yaml", 2, "duplicate-key")]
    assert second.pos(("nama",)) == (3, 7)
