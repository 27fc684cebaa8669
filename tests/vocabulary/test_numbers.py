"""Number notations (SPEC §4): Indonesian and English, never a silent guess."""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iki_cli.numbers import (
    NumberError,
    format_number,
    format_plain,
    letters,
    number_parser,
    parse_number,
    round_half_up,
)


@pytest.mark.parametrize(("text", "notation", "expected"), [
    ("12.500", "id", 12500),
    ("1.234,5", "id", 1234.5),
    ("1.103.902", "id", 1103902),
    ("81,25", "id", 81.25),
    ("0,5", "id", 0.5),
    ("-5", "id", -5),
    ("+7", "id", 7),
    (" 42 ", "id", 42),
    ("1\u00a0234", "id", 1234),  # a non-breaking space some exports put between groups
    ("12500", "id", 12500),
    ("12,500", "en", 12500),
    ("1,234.5", "en", 1234.5),
    ("81.25", "en", 81.25),
    ("12.500", "en", 12.5),
    ("-5", "en", -5),
    ("0", "en", 0),
])
def test_parse(text: str, notation: str, expected: float) -> None:
    assert parse_number(text, notation) == expected  # type: ignore[arg-type]


def test_decimal_point_in_an_id_file_is_rejected_with_a_hint() -> None:
    with pytest.raises(NumberError) as info:
        parse_number("81.25", "id")
    message = str(info.value)
    assert "`81.25` is not a number in Indonesian notation" in message
    assert "`81,25`" in message and "--angka en" in message


def test_decimal_comma_in_an_en_file_is_rejected_with_a_hint() -> None:
    with pytest.raises(NumberError) as info:
        parse_number("81,25", "en")
    message = str(info.value)
    assert "`81,25` is not a number in English notation" in message
    assert "`81.25`" in message and "--angka id" in message


@pytest.mark.parametrize("text", ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?"])
def test_excel_errors_are_rejected(text: str) -> None:
    with pytest.raises(NumberError, match="Excel error value"):
        parse_number(text, "id")


@pytest.mark.parametrize("text", ["abc", "n/a", "1.2.3,4,5", "12,5%", "1e5", "1 2", "--5",
                                  "1.23", "12,34.5", "Rp 500", "", "   "])
def test_text_is_rejected(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text, "id")


def test_percent_sign_gets_its_own_hint() -> None:
    with pytest.raises(NumberError, match="without `%`"):
        parse_number("75%", "en")


def test_too_large_is_an_error_not_infinity() -> None:
    with pytest.raises(NumberError, match="too large"):
        parse_number("9" * 400, "en")


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (2.675, 2, "2.68"),    # binary 2.67499… would round down
    (0.125, 2, "0.13"),    # half-even would give 0.12
    (84.375, 2, "84.38"),
    (-0.5, 0, "-1"),
])
def test_round_half_up_on_the_decimal_form(value: float, decimals: int, expected: str) -> None:
    assert round_half_up(value, decimals) == Decimal(expected)


@pytest.mark.parametrize(("value", "decimals", "lang", "expected"), [
    (1234567.891, 2, "id", "1.234.567,89"),
    (1234567.891, 2, "en", "1,234,567.89"),
    (7.8125, 1, "id", "7,8"),
    (-0.001, 2, "id", "0,00"),
    (None, 2, "id", "–"),
])
def test_format_number(value: float | None, decimals: int, lang: str, expected: str) -> None:
    assert format_number(value, decimals, lang) == expected


def half_up_text(value: float, decimals: int, lang: str) -> str:
    """The definition of a report's number: the written form (repr) of the value rounded
    half-up to `decimals`, grouped by thousands, no sign on a zero."""
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals),
                                            rounding=ROUND_HALF_UP)
    text = f"{abs(rounded) if rounded == 0 else rounded:,.{decimals}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text


# Values people and formulas produce: measured values with few decimals, ratios with many,
# exact ties one decimal past those kept (2.675, 0.125), large amounts, tiny fractions.
NUMBERS = st.one_of(
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
    st.builds(lambda n, k: n / 10 ** k, st.integers(-10 ** 13, 10 ** 13), st.integers(0, 7)),
    st.builds(lambda n, k: (n * 10 + 5) / 10 ** k, st.integers(-10 ** 9, 10 ** 9),
              st.integers(1, 6)),
    st.floats(min_value=-1e-3, max_value=1e-3),
    st.sampled_from([0.0, -0.0, 2.675, 0.125, -0.5, 1e15 - 0.5, 4.5e15 + 1, 9007199254740993.0,
                     123456789012.345, 0.0005, -0.0049, 99.995, 1e-05]),
)


@given(NUMBERS, st.integers(0, 6), st.sampled_from(["id", "en"]))
def test_format_number_rounds_the_written_form_half_up(value: float, decimals: int,
                                                       lang: str) -> None:
    assert format_number(value, decimals, lang) == half_up_text(value, decimals, lang)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_format_plain_reads_back(value: float) -> None:
    for notation in ("id", "en"):
        assert parse_number(format_plain(value, notation), notation) == value  # type: ignore


@given(st.text(max_size=20), st.sampled_from(["id", "en"]))
def test_any_text_gives_a_number_or_a_clean_error(text: str, notation: str) -> None:
    try:
        value = parse_number(text, notation)  # type: ignore[arg-type]
    except NumberError as exc:
        assert str(exc)  # a message, never an empty error
        return
    # A number is read only from digits written in the notation, and reads back the same.
    assert isinstance(value, float) and math.isfinite(value)
    assert set(text.strip().replace("\u00a0", "")) <= set("0123456789+-.,")
    assert parse_number(format_plain(value, notation), notation) == value  # type: ignore


def _outcome(parse: Callable[[], float]) -> float | str:
    try:
        return parse()
    except NumberError as exc:
        return f"NumberError: {exc}"


_NUMBERISH = st.text(alphabet="0123456789.,-+ \u00a0#%eE", max_size=16)


@given(st.one_of(_NUMBERISH, st.text(max_size=12)), st.sampled_from(["id", "en"]))
def test_the_bulk_parser_agrees_with_parse_number(text: str, notation: str) -> None:
    """`number_parser` (used per values row) gives the same number or the same message."""
    text = text.strip()  # the values reader passes stripped cells
    bulk = number_parser(notation)  # type: ignore[arg-type]
    assert _outcome(lambda: bulk(text)) == \
        _outcome(lambda: parse_number(text, notation))  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "notation", "expected"), [
    ("1.234,5", "id", 1234.5), ("1,234.5", "en", 1234.5), ("-0,5", "id", -0.5)])
def test_the_bulk_parser_reads_the_usual_number(text: str, notation: str,
                                                expected: float) -> None:
    assert number_parser(notation)(text) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("text,notation", [
    ("1\u00a0000 000", "id"), ("1 000\u202f000", "en"), ("12\u00a0345 678,5", "id"),
    ("12\u00a0345 678.5", "en")])
def test_one_kind_of_space_groups_a_number(text: str, notation: str) -> None:
    """A mix of spaces (a pasted cut between two numbers?) is refused, never joined."""
    with pytest.raises(NumberError, match="space"):
        parse_number(text, notation)  # type: ignore[arg-type]
    assert parse_number(text.replace("\u00a0", " ").replace("\u202f", " "),
                        notation) > 1000  # type: ignore[arg-type]


@pytest.mark.parametrize(("index", "expected"), [
    (0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"),
    (701, "ZZ"), (702, "AAA"),  # 26 + 26 * 26 = 702 two-letter and one-letter names before
])
def test_letters_count_as_columns_do(index: int, expected: str) -> None:
    assert letters(index) == expected
