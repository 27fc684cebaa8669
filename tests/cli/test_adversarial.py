"""Adversarial input (issue 6): whatever the files hold, one clear error and exit 1.

Each hostile input gets a message naming the file (and line), exit code 1, no
traceback, and nothing written to the output folder. Then property tests: the
formula evaluator agrees with an independent reference, and the number parser
reads back every decimal in both notations and refuses everything else.
"""

from __future__ import annotations

import math
import os
import shutil
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers import KANTOR_LAIN, KANTOR_LAIN_NILAI, invoke, snapshot
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from iki_cli.export import atomic as outputs
from iki_cli.formula import EvaluationError, FormulaError, evaluate, parse
from iki_cli.numbers import NumberError, parse_number

VARIABLES = [line.split("id:", 1)[1].strip()
             for line in (KANTOR_LAIN / "variabel.yaml").read_text(
                 encoding="utf-8").splitlines()
             if line.strip().startswith("- id:")]


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A copy of the kantor-lain definitions, free to be spoilt."""
    root = tmp_path / "definitions"
    shutil.copytree(KANTOR_LAIN, root)
    return root


@pytest.fixture
def nilai() -> Path:
    return KANTOR_LAIN_NILAI






def refused(runner: CliRunner, office: Path, nilai: Path, out: Path, *, rule: str,
            where: str) -> str:
    """`validate` and `compute` both fail with exit 1 naming `where` and `rule`; nothing written."""
    start = time.perf_counter()
    r = invoke(runner, "validate", "-d", office)
    assert r.exit_code == 1, r.output
    assert f"[{rule}]" in r.output and where in r.output, r.output
    assert len(r.output.splitlines()) < 30, r.output  # one clear problem, not a flood
    r = invoke(runner, "compute", "-p", "2026", "-v", nilai, "-d", office, "-o", out)
    assert r.exit_code == 1, r.output
    assert where in r.output, r.output
    assert snapshot(out) == {} and not out.exists()
    assert time.perf_counter() - start < 10
    return r.output


# --- hostile definitions ------------------------------------------------------------------------

def test_alias_bomb(runner: CliRunner, office: Path, nilai: Path, tmp_path: Path) -> None:
    # "Billion laughs": nine levels of nine aliases each would expand to 9**9 strings.
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join([f'*{prev}'] * 9)}]")
    (office / "jabatan" / "bom.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = refused(runner, office, nilai, tmp_path / "out", rule="yaml-anchor",
                  where="bom.yaml:1:4")
    # compute names every alias too (up to 20 problems), not only the first anchor
    assert "[yaml-alias]" in out and "alias `*a` is not allowed" in out


def test_alias_bomb_in_the_catalogue(runner: CliRunner, office: Path, nilai: Path,
                                     tmp_path: Path) -> None:
    catalogue = office / "variabel.yaml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8")
                         + "bom: &x [*x]\n", encoding="utf-8")
    refused(runner, office, nilai, tmp_path / "out", rule="yaml-anchor", where="variabel.yaml")


def test_ten_megabyte_single_line(runner: CliRunner, office: Path, nilai: Path,
                                  tmp_path: Path) -> None:
    (office / "jabatan" / "besar.yaml").write_bytes(b"uraian: " + b"x" * 10_000_000)
    out = refused(runner, office, nilai, tmp_path / "out", rule="file-too-large",
                  where="besar.yaml")
    assert "10,000,008 bytes" in out


@pytest.mark.parametrize("text", [
    pytest.param("- " * 10_000 + "x\n", id="block"),
    pytest.param("[" * 10_000 + "]" * 10_000 + "\n", id="flow-sequence"),
    pytest.param("{a: " * 10_000 + "1" + "}" * 10_000 + "\n", id="flow-mapping"),
])
def test_nested_ten_thousand_levels(runner: CliRunner, office: Path, nilai: Path,
                                    tmp_path: Path, text: str) -> None:
    (office / "jabatan" / "dalam.yaml").write_text(text, encoding="utf-8")
    r = invoke(runner, "validate", "-d", office)
    assert r.exit_code == 1, r.output
    assert "dalam.yaml" in r.output and ("[yaml-too-deep]" in r.output
                                         or "[syntax]" in r.output), r.output
    out = tmp_path / "out"
    r = invoke(runner, "compute", "-p", "2026", "-v", nilai, "-d", office, "-o", out)
    assert r.exit_code == 1, r.output
    assert not out.exists()


def test_folder_named_like_a_position_file(runner: CliRunner, office: Path, nilai: Path,
                                           tmp_path: Path) -> None:
    (office / "jabatan" / "x.yaml").mkdir()
    out = refused(runner, office, nilai, tmp_path / "out", rule="unreadable", where="x.yaml")
    assert "this is a folder; a definitions file is a YAML file" in out


def test_dangling_symlink(runner: CliRunner, office: Path, nilai: Path, tmp_path: Path) -> None:
    (office / "jabatan" / "hilang.yaml").symlink_to(tmp_path / "no-such-file.yaml")
    refused(runner, office, nilai, tmp_path / "out", rule="unreadable", where="hilang.yaml")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_symlink_to_an_endless_device(runner: CliRunner, office: Path, nilai: Path,
                                      tmp_path: Path) -> None:
    # Read naively, this never ends (and a pipe would block forever).
    (office / "jabatan" / "nol.yaml").symlink_to("/dev/zero")
    out = refused(runner, office, nilai, tmp_path / "out", rule="unreadable", where="nol.yaml")
    assert "not a regular file" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe(runner: CliRunner, office: Path, nilai: Path, tmp_path: Path) -> None:
    os.mkfifo(office / "jabatan" / "pipa.yaml")
    refused(runner, office, nilai, tmp_path / "out", rule="unreadable", where="pipa.yaml")


# --- hostile values -----------------------------------------------------------------------------

def _distinct_rows(count: int) -> list[str]:
    """`count` values rows (`;`, Indonesian notation), no (periode, variabel) twice."""
    codes = [f"{m:02d}" for m in range(1, 13)] + [f"TW{q}" for q in range(1, 5)] + ["S1", "S2"]
    out: list[str] = []
    year = 1900  # the first year a period may have
    while len(out) < count:
        for code in codes:
            for var in VARIABLES:
                number = f"{len(out) * 37 % 50_000:,}".replace(",", ".")  # 12.345
                out.append(f"{year}-{code};{var};{number}")
        year += 1
    return out[:count]


def test_eighty_thousand_rows_with_one_bad_row_at_the_end(
        runner: CliRunner, office: Path, tmp_path: Path) -> None:
    rows = _distinct_rows(79_999) + ["2026-12;kelahiran_hidup;81.25"]
    rows[0] = rows[0].rpartition(";")[0] + ";81,25"  # a decimal comma: the file is Indonesian
    values = tmp_path / "nilai.csv"
    values.write_text("periode;variabel;nilai\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    start = time.perf_counter()
    r = invoke(runner, "compute", "-p", "2026", "-v", values, "-d", office, "-o", out)
    assert time.perf_counter() - start < 30
    assert r.exit_code == 1, r.output
    assert f"{values}:80001: error [values] `nilai`: `81.25` is not a number" in r.output
    assert "1 bad value row(s); nothing was computed" in r.output
    assert not out.exists()


def test_ten_megabyte_single_line_values_file(runner: CliRunner, office: Path,
                                              tmp_path: Path) -> None:
    values = tmp_path / "nilai.csv"
    values.write_text("periode;variabel;nilai\n2026-01;kelahiran_hidup;" + "1" * 10_000_000,
                      encoding="utf-8")
    out = tmp_path / "out"
    r = invoke(runner, "compute", "-p", "2026", "-v", values, "-d", office, "-o", out)
    assert r.exit_code == 1, r.output
    assert f"{values}:2: error [values] a field is longer than" in r.output, r.output
    assert not out.exists()


def test_a_bad_row_after_a_thousand_warnings_still_stops_the_run(
        runner: CliRunner, office: Path, tmp_path: Path) -> None:
    # Only the first 1000 problems are listed; the error past them must still count.
    rows = ["2026-01,kelahiran_hidup,5"] * 1_200 + ["2026-02,kelahiran_hidup,lima"]
    values = tmp_path / "nilai.csv"
    values.write_text("periode,variabel,nilai\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    r = invoke(runner, "compute", "-p", "2026", "-v", values, "-d", office, "-o", out)
    assert r.exit_code == 1, r.output
    assert "1 bad value row(s); nothing was computed" in r.output
    assert "1 more error(s) and 199 more warning(s) were found but not listed" in r.output
    assert not out.exists()


# --- hostile output folders ---------------------------------------------------------------------

def test_output_folder_below_a_file(runner: CliRunner, office: Path, nilai: Path,
                                    tmp_path: Path) -> None:
    # chmod does not stop root; a path through a regular file stops everyone.
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder\n", encoding="utf-8")
    r = invoke(runner, "compute", "-p", "2026", "-v", nilai, "-d", office,
               "-o", blocker / "laporan")
    assert r.exit_code == 2, r.output  # a wrong argument, like -o naming a file
    assert "`" + str(blocker) + "` is a file, not a folder" in r.output, r.output
    assert blocker.read_text(encoding="utf-8") == "bukan folder\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["berkas", "definitions"]


def test_failure_while_writing_keeps_the_old_outputs(
        runner: CliRunner, office: Path, nilai: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    r = invoke(runner, "compute", "-p", "2026", "-v", nilai, "-d", office, "-o", out,
               "-f", "json,csv")
    assert r.exit_code == 0, r.output
    before = snapshot(out)
    assert sorted(before) == ["iki-2026.csv", "iki-2026.json"]
    for name in before:  # mark the old files, so that "intact" cannot mean "rewritten"
        (out / name).write_bytes(before[name] + b"\n")
    before = snapshot(out)

    real_replace = os.replace
    calls: list[str] = []

    def replace_failing_the_second_time(src: Any, dst: Any, *args: Any, **kw: Any) -> None:
        if Path(dst).parent == out:
            calls.append(str(dst))
            if len(calls) == 2:
                raise OSError(28, "No space left on device")
        real_replace(src, dst, *args, **kw)

    monkeypatch.setattr(outputs.os, "replace", replace_failing_the_second_time)
    r = invoke(runner, "compute", "-p", "2026", "-v", nilai, "-d", office, "-o", out,
               "-f", "json,csv")
    assert r.exit_code == 1, r.output
    assert "No space left on device" in r.output
    assert len(calls) >= 2
    assert snapshot(out) == before  # same files, same bytes, no temporary file left


# --- the formula evaluator against an independent reference -------------------------------------

Tree = tuple[str, Any] | tuple[str, Any, Any] | tuple[str, str, Any, Any]
NAMES = ["a", "b", "c", "kasus_baru", "x2"]
_PREC = {"+": 1, "-": 1, "*": 2, "/": 2}

numbers = st.one_of(
    st.integers(0, 1000).map(str),
    st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]:02d}"),
    st.integers(1, 99).map(lambda n: f".{n}"),
)
leaves = st.one_of(numbers.map(lambda t: ("num", t)), st.sampled_from(NAMES).map(
    lambda n: ("var", n)))


def _extend(inner: st.SearchStrategy[Tree]) -> st.SearchStrategy[Tree]:
    return st.one_of(
        st.tuples(st.just("bin"), st.sampled_from(list(_PREC)), inner, inner),
        st.tuples(st.sampled_from(["neg", "pos", "paren"]), inner),
        st.tuples(st.just("call"), st.sampled_from(["min", "max"]),
                  st.lists(inner, min_size=2, max_size=3)),
        st.tuples(st.just("call"), st.just("abs"), st.lists(inner, min_size=1, max_size=1)),
    )


trees = st.recursive(leaves, _extend, max_leaves=12)


def render(tree: Tree) -> str:
    """The tree as formula text, parenthesised only where precedence requires it."""
    kind = tree[0]
    if kind in ("num", "var"):
        return tree[1]  # type: ignore[no-any-return]
    if kind == "paren":
        return f"({render(tree[1])})"
    if kind in ("neg", "pos"):
        inner = render(tree[1])
        if tree[1][0] == "bin":
            inner = f"({inner})"
        return ("-" if kind == "neg" else "+") + inner
    if kind == "call":
        return f"{tree[1]}(" + ", ".join(render(arg) for arg in tree[2]) + ")"
    _, op, left, right = tree
    ltext, rtext = render(left), render(right)
    if left[0] == "bin" and _PREC[left[1]] < _PREC[op]:
        ltext = f"({ltext})"
    if right[0] == "bin" and _PREC[right[1]] <= _PREC[op]:
        rtext = f"({rtext})"  # left-associative: a - (b - c) keeps its parentheses
    return f"{ltext} {op} {rtext}"


def reference(tree: Tree, values: dict[str, float]) -> float:
    """Evaluate the tree as built, with Python floats (ZeroDivisionError on x / 0)."""
    kind = tree[0]
    if kind == "num":
        return float(tree[1])
    if kind == "var":
        return values[tree[1]]
    if kind in ("paren", "pos"):
        return reference(tree[1], values)
    if kind == "neg":
        return -reference(tree[1], values)
    if kind == "call":
        args = [reference(arg, values) for arg in tree[2]]
        return float({"min": min, "max": max, "abs": abs}[tree[1]](*args))
    _, op, left, right = tree
    a, b = reference(left, values), reference(right, values)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0:
        raise ZeroDivisionError
    return a / b


values_st = st.fixed_dictionaries({name: st.one_of(
    st.integers(-1000, 1000).map(float), st.just(0.0),
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)) for name in NAMES})


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees, values_st)
def test_formula_evaluation_agrees_with_a_reference(tree: Tree, values: dict[str, float]) -> None:
    text = render(tree)
    try:
        node = parse(text)
    except FormulaError as exc:  # only the limits of SPEC §2 may refuse a generated formula
        assert "nested" in exc.message or "characters long" in exc.message, (text, exc)
        assume(False)
        raise
    try:
        expected = reference(tree, values)
    except ZeroDivisionError:
        with pytest.raises(EvaluationError) as info:
            evaluate(node, values)
        assert info.value.kind == "division"
        return
    if not math.isfinite(expected):
        with pytest.raises(EvaluationError):
            evaluate(node, values)
        return
    assert evaluate(node, values) == expected, text


# --- the number parser: every decimal reads back, nothing else is a number ----------------------

def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])


def write_decimal(value: Decimal, notation: str, grouped: bool, plus: bool = False) -> str:
    """`value` written in `notation`, with or without thousands separators."""
    thousands, point = (".", ",") if notation == "id" else (",", ".")
    whole, _, frac = f"{abs(value):f}".partition(".")
    if grouped:
        whole = _group(whole, thousands)
    sign = "-" if value.is_signed() else ("+" if plus else "")
    return sign + whole + (point + frac if frac else "")


decimals = st.integers(0, 6).flatmap(lambda places: st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=places,
    allow_nan=False, allow_infinity=False))
notations = st.sampled_from(["id", "en"])


@settings(max_examples=1000, deadline=None)
@given(decimals, notations, st.booleans(), st.booleans(),
       st.sampled_from(["", " ", "\u00a0", "\t"]))
def test_every_decimal_reads_back(value: Decimal, notation: str, grouped: bool, plus: bool,
                                  pad: str) -> None:
    text = pad + write_decimal(value, notation, grouped, plus) + pad
    assert parse_number(text, notation) == float(value), text  # type: ignore[arg-type]


def number_in(text: str, notation: str) -> float | None:
    """An independent reading of SPEC §4's notations: the number, or None when it is not one.

    Digits are ASCII; thousands are grouped by the notation's separator or by spaces
    (space, no-break space, narrow no-break space), by threes after a first group of one
    to three digits that does not start with 0.
    """
    s = text.strip()
    thousands, point = (".", ",") if notation == "id" else (",", ".")
    if s[:1] in ("+", "-"):
        sign, s = s[0], s[1:]
    else:
        sign = ""
    whole, has_point, frac = s.partition(point)
    if has_point and not (frac and _digits(frac)):
        return None
    groups = [whole]
    for separator in (thousands, " ", "\u00a0", "\u202f"):
        if separator in whole:
            groups = whole.split(separator)
            break
    if not all(g and _digits(g) for g in groups):
        return None
    if len(groups) > 1 and not (len(groups[0]) <= 3 and groups[0][0] != "0"
                                and all(len(g) == 3 for g in groups[1:])):
        return None
    value = float(sign + "".join(groups) + ("." + frac if has_point else ""))
    return value if math.isfinite(value) else None


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _misplaced(value: Decimal, notation: str, decimals_: int) -> str:
    """A number in the *other* notation with 1, 2 or 4+ decimals: never a number here."""
    other = "en" if notation == "id" else "id"
    return write_decimal(value.quantize(Decimal(1).scaleb(-decimals_)), other, grouped=False)


near_numbers = st.from_regex(r"[-+ ]?[0-9.,\u00a0\u202f \u0661\uff11]{0,14}[ %]?",
                             fullmatch=True)
junk = st.text(max_size=24)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(near_numbers, junk), notations)
def test_a_number_exactly_when_the_notation_says_so(text: str, notation: str) -> None:
    expected = number_in(text, notation)
    if expected is None:
        with pytest.raises(NumberError):
            parse_number(text, notation)  # type: ignore[arg-type]
    else:
        assert parse_number(text, notation) == expected, text  # type: ignore[arg-type]


@settings(max_examples=500, deadline=None)
@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999"), places=2,
                   allow_nan=False, allow_infinity=False),
       notations, st.sampled_from([1, 2, 4, 5]))
def test_the_other_notations_decimals_are_refused(value: Decimal, notation: str,
                                                  decimals_: int) -> None:
    text = _misplaced(value, notation, decimals_)
    assume("," in text or "." in text)
    with pytest.raises(NumberError):
        parse_number(text, notation)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "notation"), [
    ("81.25", "id"), ("81,25", "en"), ("1,234.5", "id"), ("1.234,5", "en"), ("12.5", "id"),
    ("1.2345", "id"), ("1,2345", "en"), ("1..234", "id"), ("1.234.", "id"), (".5", "id"),
    (",5", "en"), ("1.23.456", "id"), ("#DIV/0!", "id"), ("#N/A", "en"), ("12%", "id"),
    ("", "id"), ("−5", "en"), ("1e5", "en"), ("0x10", "en"), ("inf", "en"), ("nan", "id"),
    ("1 23", "id"), ("12 34", "en"), ("1 234 56", "id"), ("1.234 567", "id"),
    ("\u0661\u0662", "id"), ("\uff11\uff12", "en"), ("\U0001d7cf", "id"), ("9" * 400, "en"),
])
def test_refused(text: str, notation: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text, notation)  # type: ignore[arg-type]
