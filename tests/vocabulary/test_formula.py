"""The formula language of SPEC §2: an allow-list, parsed and never executed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iki_cli import formula
from iki_cli.formula import (
    MAX_DEPTH,
    MAX_LENGTH,
    EvaluationError,
    FormulaError,
    evaluate,
    is_ratio,
    parse,
    scales_by_100,
    to_text,
    variables,
)

NODE_TYPES = (formula.Num, formula.Var, formula.Unary, formula.Binary, formula.Call)


def error_of(text: str) -> FormulaError:
    with pytest.raises(FormulaError) as info:
        parse(text)
    return info.value


# --- the allow-list ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "column"),
    [
        pytest.param("a.real", 2, id="attribute"),
        pytest.param("a.__class__", 2, id="dunder-attribute"),
        pytest.param("a[0]", 2, id="subscript"),
        pytest.param("round(a)", 1, id="call-round"),
        pytest.param("a + pow(a, 2)", 5, id="call-pow"),
        pytest.param("MIN(a, b)", 1, id="call-uppercase"),
        pytest.param("f(a)(b)", 1, id="call-chain"),
        pytest.param("a ** 2", 3, id="power"),
        pytest.param("a // b", 3, id="floor-division"),
        pytest.param("a % b", 3, id="modulo"),
        pytest.param("lambda: 1", 1, id="lambda"),
        pytest.param("a + (lambda x: x)(1)", 6, id="lambda-inside"),
        pytest.param("[x for x in a]", 1, id="list-comprehension"),
        pytest.param("sum(x for x in a)", 1, id="generator"),
        pytest.param("{a}", 1, id="set"),
        pytest.param("(b := 1)", 4, id="walrus"),
        pytest.param("'abc'", 1, id="string-single"),
        pytest.param('a + "b"', 5, id="string-double"),
        pytest.param("a < b", 3, id="less"),
        pytest.param("a >= b", 3, id="greater-equal"),
        pytest.param("a == b", 3, id="equal"),
        pytest.param("a != b", 3, id="not-equal"),
        pytest.param("a if b else c", 3, id="conditional"),
        pytest.param("not a", 1, id="not"),
        pytest.param("a and b", 3, id="and"),
        pytest.param("__import__('os')", 1, id="import"),
        pytest.param("a @ b", 3, id="matmul"),
        pytest.param("a; b", 2, id="semicolon"),
        pytest.param("a = b", 3, id="assignment"),
        pytest.param("1e3", 2, id="exponent"),
        pytest.param("1,5", 2, id="decimal-comma"),
        pytest.param("0x1F", 2, id="hex"),
        pytest.param("5.", 2, id="trailing-dot"),
        pytest.param("١٢", 1, id="non-ascii-digits"),
        pytest.param("a + None", 5, id="none"),
        pytest.param("abs(a, b)", 1, id="abs-two-arguments"),
        pytest.param("min()", 5, id="min-no-arguments"),
        pytest.param("max(a)", 1, id="max-one-argument"),
        pytest.param("a +", 4, id="dangling-operator"),
        pytest.param("a b", 3, id="missing-operator"),
        pytest.param("(a + b", 7, id="unclosed-paren"),
        pytest.param("a + b)", 6, id="extra-paren"),
        pytest.param("", 1, id="empty"),
        pytest.param("   ", 1, id="blank"),
    ],
)
def test_refused_with_column(text: str, column: int) -> None:
    err = error_of(text)
    assert err.column == column, err.message
    assert err.message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a ** 2", "`**`"),
        ("round(a)", "only min, max and abs"),
        ("a % b", "* 100"),
        ("a.b", "attribute"),
        ("(a + b", "`)`"),
    ],
)
def test_refusal_says_what_to_do(text: str, words: str) -> None:
    assert words in error_of(text).message


def test_ten_thousand_characters_refused() -> None:
    err = error_of("a + " * 2500)
    assert err.column == MAX_LENGTH + 1
    assert "10000" in err.message


def test_longest_allowed_formula_parses() -> None:
    text = ("a + " * 200)[: MAX_LENGTH - 1] + "a"
    assert len(text) <= MAX_LENGTH
    assert isinstance(parse(text.replace("+ a", "+ b")), formula.Binary)


@pytest.mark.parametrize(
    ("text", "column"),
    [
        pytest.param("(" * 60 + "a" + ")" * 60, MAX_DEPTH + 1, id="parentheses"),
        pytest.param("-" * 60 + "a", MAX_DEPTH + 1, id="unary-minus"),
        pytest.param("min(" * 60 + "a" + ")" * 60, 4 * MAX_DEPTH + 1, id="calls"),
        pytest.param("(" * 10_000 + "a" + ")" * 10_000, MAX_LENGTH + 1, id="over-length"),
    ],
)
def test_deep_nesting_refused(text: str, column: int) -> None:
    assert error_of(text).column == column


def test_nesting_up_to_the_limit_parses() -> None:
    node = parse("(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH)
    assert node == formula.Var("a", MAX_DEPTH + 1)


def test_allowed_constructs_parse() -> None:
    node = parse("min(abs(-a), max(b, 1.5, .5)) / (c + 2) * 100")
    assert [v.name for v in variables(node)] == ["a", "b", "c"]


def test_keyword_refused_but_function_names_need_a_call() -> None:
    # `min` without a call is just a (probably unknown) variable name, never the builtin.
    assert parse("min") == formula.Var("min", 1)
    assert error_of("class").column == 1


def test_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    attempts = [
        f"__import__('os').system('touch {marker}')",
        f"open('{marker}', 'w')",
        f"a + exec(\"open('{marker}', 'w')\")",
        f"[open('{marker}', 'w') for _ in a]",
    ]
    for text in attempts:
        with pytest.raises(FormulaError):
            evaluate(parse(text), {"a": 1})
    assert not marker.exists()


# --- evaluation -------------------------------------------------------------------------------

VALUES = {"a": 20.0, "b": 8.0, "c": 2.0}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a - b - c", 10.0),            # (20 - 8) - 2, left-associative
        ("a - (b - c)", 14.0),
        ("a / b / c", 1.25),            # (20 / 8) / 2
        ("a / (b / c)", 5.0),
        ("a + b * c", 36.0),            # * before +
        ("(a + b) * c", 56.0),
        ("a - b * c / 4", 16.0),
        ("-a + b", -12.0),              # unary minus binds tighter than +
        ("-a * -b", 160.0),
        ("a - -b", 28.0),
        ("--a", 20.0),
        ("+a", 20.0),
        ("-(a - b)", -12.0),
        ("min(a, b, c)", 2.0),
        ("max(a, b) - min(b, c)", 18.0),
        ("abs(c - a)", 18.0),
        ("b / a * 100", 40.0),
        ("100 * b / a", 40.0),
        ("0.5 * a + .25 * b", 12.0),
    ],
)
def test_precedence_and_associativity(text: str, expected: float) -> None:
    assert evaluate(parse(text), VALUES) == pytest.approx(expected)


def test_division_by_zero_is_an_evaluation_error() -> None:
    with pytest.raises(EvaluationError) as info:
        evaluate(parse("a / (b - 8) * 100"), VALUES)
    assert "b - 8" in str(info.value)


def test_overflow_is_an_evaluation_error() -> None:
    with pytest.raises(EvaluationError):
        evaluate(parse("a * a * a"), {"a": 1e200})


# --- writing formulas back --------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "a - b - c", "a - (b - c)", "a / b / c", "a / (b / c)", "a / (b * c)", "(a + b) * c",
        "-(a + b)", "-a * b", "a * -b", "a - -b", "min(a, b - c) / max(c, 1)",
        "abs(a - b) / (b + c) * 100", "((a))", "a * (b * c)", "(a / b) * c",
    ],
)
def test_to_text_round_trip(text: str) -> None:
    node = parse(text)
    written = to_text(node)
    assert evaluate(parse(written), VALUES) == pytest.approx(evaluate(node, VALUES))
    assert to_text(parse(written)) == written


def test_to_text_is_minimally_parenthesised() -> None:
    assert to_text(parse("((a + b)) * (c)")) == "(a + b) * c"
    assert to_text(parse("(a * b) / c")) == "a * b / c"


def test_to_text_replaces_names_and_times_sign() -> None:
    node = parse("a / b * 100")
    assert to_text(node, {"a": "Jumlah tertangani", "b": "Jumlah ada"}, times="×") == \
        "Jumlah tertangani / Jumlah ada × 100"


# --- shape lints used by `name-percent` and `name-count` --------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a / b * 100", True),
        ("100 * a / b", True),
        ("(a + b) / c * 100", True),
        ("min(a / b * 100, 100)", True),
        ("a / b", False),
        ("a / (b * 100)", False),
        ("a * 100 - b", False),
        ("min(a / b, 1)", False),
    ],
)
def test_scales_by_100(text: str, expected: bool) -> None:
    assert scales_by_100(parse(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a / b", True),
        ("a / b * 100", True),
        ("a / (b + c)", True),
        ("a", False),
        ("a + b", False),
        ("a / 12", False),
        ("a * 100", False),
    ],
)
def test_is_ratio(text: str, expected: bool) -> None:
    assert is_ratio(parse(text)) is expected


# --- properties -------------------------------------------------------------------------------

def _parses_or_refuses(text: str) -> None:
    try:
        node = parse(text)
    except FormulaError as exc:
        assert 1 <= exc.column <= max(len(text), MAX_LENGTH) + 1
        assert exc.message
    else:
        assert isinstance(node, NODE_TYPES)
        # A parsed formula writes back to an equivalent formula.
        assert to_text(parse(to_text(node))) == to_text(node)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_any_text_parses_or_is_refused(text: str) -> None:
    _parses_or_refuses(text)


@settings(max_examples=1000, deadline=None)
@given(st.from_regex(r"[a-c0-9_.+\-*/(), %\[\]'=<>:xminabs]{0,60}", fullmatch=True))
def test_formula_like_text_parses_or_is_refused(text: str) -> None:
    _parses_or_refuses(text)


@settings(max_examples=300, deadline=None)
@given(st.recursive(
    st.sampled_from(["a", "b", "c", "1", "2.5", ".5"]),
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda x: f"-{x}"),
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: f"max({', '.join(xs)})"),
    ),
    max_leaves=12,
))
def test_generated_formulas_round_trip(text: str) -> None:
    try:
        node = parse(text)
    except FormulaError as exc:
        assert "nested" in exc.message or "characters long" in exc.message
        return
    try:
        expected = evaluate(node, VALUES)
    except EvaluationError:
        return
    assert evaluate(parse(to_text(node)), VALUES) == pytest.approx(expected)


# --- a formula compiled for many evaluations ---------------------------------------------------

def _outcome(run, values):  # type: ignore[no-untyped-def]
    """The number, or the error's kind and divisor."""
    try:
        return run(values)
    except EvaluationError as exc:
        return (exc.kind, exc.node)


@settings(max_examples=300)
@given(st.recursive(
    st.sampled_from(["a", "b", "c", "1", "0", "2.5", "100"]),
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda x: f"-{x}"),
        inner.map(lambda x: f"+{x}"),
        inner.map(lambda x: f"abs({x})"),
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: f"max({', '.join(xs)})"),
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: f"min({', '.join(xs)})"),
    ),
    max_leaves=12,
), st.fixed_dictionaries({k: st.sampled_from([0.0, 1.0, -3.5, 7.25, 1e200, -1e308])
                          for k in "abc"}))
def test_a_compiled_formula_evaluates_as_evaluate_does(text: str,
                                                       values: dict[str, float]) -> None:
    node = parse(text)
    # the same number, or the same error at the same divisor (left operand first)
    assert _outcome(formula.compiled(node), values) == _outcome(
        lambda v: evaluate(node, v), values)
