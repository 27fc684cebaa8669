"""Periods (SPEC §3): codes, containment, and which records cover a period."""

from __future__ import annotations

import pytest

from iki_cli.periods import (
    Period,
    PeriodError,
    aligned_parts,
    cover,
    is_period,
    parse_period,
    suggest_period,
)


@pytest.mark.parametrize(("text", "year", "first", "last", "kind", "code"), [
    ("2026", 2026, 1, 12, "year", "2026"),
    ("2026-S1", 2026, 1, 6, "semester", "2026-S1"),
    ("2026-S2", 2026, 7, 12, "semester", "2026-S2"),
    ("2026-TW1", 2026, 1, 3, "quarter", "2026-TW1"),
    ("2026-TW4", 2026, 10, 12, "quarter", "2026-TW4"),
    ("2026-Q1", 2026, 1, 3, "quarter", "2026-TW1"),
    ("2026-Q3", 2026, 7, 9, "quarter", "2026-TW3"),
    (" 2026-S2 ", 2026, 7, 12, "semester", "2026-S2"),
    ("2026-tw2", 2026, 4, 6, "quarter", "2026-TW2"),
    ("2026-s1", 2026, 1, 6, "semester", "2026-S1"),
    ("2026-q4", 2026, 10, 12, "quarter", "2026-TW4"),
    ("2026-01", 2026, 1, 1, "month", "2026-01"),
    ("2026-12", 2026, 12, 12, "month", "2026-12"),
], ids=lambda v: str(v))
def test_parse_every_kind(text: str, year: int, first: int, last: int, kind: str,
                          code: str) -> None:
    period = parse_period(text)
    assert (period.year, period.first, period.last) == (year, first, last)
    assert period.kind == kind
    assert period.code == str(period) == code


def test_parse_accepts_a_year_given_as_a_number() -> None:
    # target keys may be unquoted YAML years
    assert parse_period(2026) is Period.of(2026, 1, 12) is Period(2026 * 12, 2026 * 12 + 11)


@pytest.mark.parametrize("text", [
    "", "26", "2026-", "2026-S3", "2026-S0", "2026-TW0", "2026-TW5", "2026-Q5", "2026-T1",
    "2026-13", "2026-00", "2026-1", "2026/01", "2026-TW1-01", "TW1-2026", "2026 TW1",
    # digits that are not ASCII: Arabic-Indic, full-width, mathematical bold
    "\u0662\u0660\u0662\u0666", "\uff12\uff10\uff12\uff16-TW1", "2026-\U0001d7ce\U0001d7cf",
])
def test_anything_else_is_an_error(text: str) -> None:
    with pytest.raises(PeriodError, match="is not a period; use 2026, 2026-S1"):
        parse_period(text)
    assert not is_period(text)


def test_contains() -> None:
    year, s1, tw2, tw3, april = (parse_period(c) for c in
                                 ("2026", "2026-S1", "2026-TW2", "2026-TW3", "2026-04"))
    assert year.contains(s1) and year.contains(year)
    assert s1.contains(tw2) and tw2.contains(april) and s1.contains(april)
    assert not s1.contains(tw3) and not tw2.contains(s1)
    assert not year.contains(parse_period("2025-TW2"))


def test_aligned_parts_largest_first() -> None:
    assert [p.code for p in aligned_parts(parse_period("2026-S2"))] == [
        "2026-S2", "2026-TW3", "2026-TW4",
        "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]


def codes(periods: tuple[Period, ...]) -> list[str]:
    return [p.code for p in periods]


def test_cover_exact_record_wins_over_sub_periods() -> None:
    recorded = [parse_period(c) for c in ("2026", "2026-TW1", "2026-TW2", "2026-05")]
    got = cover(parse_period("2026"), recorded)
    assert codes(got.used) == ["2026"] and got.complete


def test_cover_combines_the_largest_non_overlapping_records() -> None:
    # S1 covers TW1, TW2 and the months in them: they are not used twice.
    recorded = [parse_period(c) for c in
                ("2026-S1", "2026-TW1", "2026-02", "2026-TW3", "2026-10", "2026-11", "2026-12",
                  "2025-TW4", "2027-01")]
    got = cover(parse_period("2026"), recorded)
    assert codes(got.used) == ["2026-S1", "2026-TW3", "2026-10", "2026-11", "2026-12"]
    assert got.complete


def test_cover_names_missing_parts_as_the_largest_periods() -> None:
    recorded = [parse_period(c) for c in ("2026-TW1", "2026-04", "2026-TW3")]
    got = cover(parse_period("2026"), recorded)
    assert codes(got.used) == ["2026-TW1", "2026-04", "2026-TW3"]
    assert codes(got.missing) == ["2026-05", "2026-06", "2026-TW4"]
    assert not got.complete


def test_cover_nothing_recorded() -> None:
    got = cover(parse_period("2026-TW2"), [parse_period("2026-TW1"), parse_period("2026-07")])
    assert got.used == ()
    assert codes(got.missing) == ["2026-TW2"]


def test_cover_a_month_from_a_quarter_record_is_not_possible() -> None:
    # A quarter's value does not say anything about one of its months.
    got = cover(parse_period("2026-02"), [parse_period("2026-TW1")])
    assert got.used == () and codes(got.missing) == ["2026-02"]


def test_years_are_1900_to_2100() -> None:
    assert parse_period("1900").code == "1900" and parse_period("2100-12").code == "2100-12"
    for text in ("0999-TW1", "1899", "2101-S1"):
        with pytest.raises(PeriodError, match="years are 1900–2100"):
            parse_period(text)


def test_a_period_validates_itself() -> None:
    with pytest.raises(ValueError, match="cannot end before it starts"):
        Period(2026 * 12 + 5, 2026 * 12 + 4)
    with pytest.raises(TypeError):
        Period(2026.0, 2026 * 12)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="months are 1–12"):
        Period.of(2026, 0, 3)
    with pytest.raises(ValueError, match="1900–2100"):
        Period.of(999)
    tw1 = parse_period("2026-TW1")
    with pytest.raises(AttributeError):
        tw1.start = 0  # type: ignore[misc]


def test_a_period_is_one_object_and_never_a_tuple() -> None:
    import copy
    import pickle

    tw1 = parse_period("2026-TW1")
    assert parse_period("2026-Q1") is tw1 and Period.of(2026, 1, 3) is tw1
    assert copy.deepcopy(tw1) is tw1 and pickle.loads(pickle.dumps(tw1)) is tw1
    assert tw1 != (2026, 1, 3) and tw1 != (tw1.start, tw1.end)
    assert len({tw1, Period.of(2026, 1, 3), parse_period("2026-TW2")}) == 2


def test_spans_within_and_across_years() -> None:
    tw3 = parse_period("2026-TW3")
    to_date = tw3.year_to_date()
    assert (to_date.kind, to_date.code, to_date.months) == ("span", "2026-01/2026-09", 9)
    assert parse_period("2026-TW2").year_to_date() is parse_period("2026-S1")
    assert parse_period("2026-05").year_to_date().code == "2026-01/2026-05"
    assert parse_period("2026-01").year_to_date() is parse_period("2026-01")
    assert parse_period("2026").year_to_date() is parse_period("2026")
    across = Period(parse_period("2025-TW4").start, parse_period("2026-TW1").end)
    assert (across.kind, across.code, across.year, across.end_year) == (
        "span", "2025-10/2026-03", 2025, 2026)
    assert across.contains(parse_period("2025-12")) and across.contains(parse_period("2026-02"))
    assert not across.contains(parse_period("2026-TW1").shifted(-1))


def test_shifted_is_the_same_period_of_another_year() -> None:
    assert parse_period("2026-TW2").shifted(-1) is parse_period("2025-TW2")
    assert parse_period("2026-07").shifted(-3).code == "2023-07"
    assert parse_period("2026").shifted(1) is parse_period("2027")


def test_cover_across_a_year_boundary() -> None:
    across = Period(parse_period("2025-TW4").start, parse_period("2026-TW1").end)
    recorded = [parse_period(c) for c in ("2025-TW4", "2026-01", "2026-02", "2026-TW2")]
    got = cover(across, recorded)
    assert codes(got.used) == ["2025-TW4", "2026-01", "2026-02"]
    assert codes(got.missing) == ["2026-03"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("2026/TW1", "2026-TW1"), ("2026 TW1", "2026-TW1"),
    ("TW1-2026", "2026-TW1"), ("2026-TW01", "2026-TW1"), ("2026-T1", "2026-TW1"),
    ("2026-1", "2026-01"), ("2026-SEM1", "2026-S1"), ("2026.03", "2026-03"),
    ("2026 q4", "2026-TW4"),
])
def test_suggestions_name_the_period_most_likely_meant(typed: str, meant: str) -> None:
    assert suggest_period(typed) == meant
    assert is_period(meant)


@pytest.mark.parametrize("typed", [
    "2026-13", "2026-Q0", "2026-TW5", "2026-S3", "2026-00", "26-TW1", "kemarin", "2026",
    "0999-TW1", "2026-TW1-01", "2026-tw1", "2026-Q2",  # the last two are periods already
])
def test_no_suggestion_when_any_guess_would_be_another_period(typed: str) -> None:
    assert suggest_period(typed) is None
