"""Periods (SPEC §3): codes, containment, and which records cover a period."""

from __future__ import annotations

import pytest

from iki_cli.periods import Period, PeriodError, aligned_parts, cover, is_period, parse_period


@pytest.mark.parametrize(("text", "year", "first", "last", "kind", "code"), [
    ("2026", 2026, 1, 12, "year", "2026"),
    ("2026-S1", 2026, 1, 6, "semester", "2026-S1"),
    ("2026-S2", 2026, 7, 12, "semester", "2026-S2"),
    ("2026-TW1", 2026, 1, 3, "quarter", "2026-TW1"),
    ("2026-TW4", 2026, 10, 12, "quarter", "2026-TW4"),
    ("2026-Q1", 2026, 1, 3, "quarter", "2026-TW1"),
    ("2026-Q3", 2026, 7, 9, "quarter", "2026-TW3"),
    ("2026-tw2", 2026, 4, 6, "quarter", "2026-TW2"),
    (" 2026-S2 ", 2026, 7, 12, "semester", "2026-S2"),
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
    assert parse_period(2026) == Period(2026, 1, 12)


@pytest.mark.parametrize("text", [
    "", "26", "2026-", "2026-S3", "2026-S0", "2026-TW0", "2026-TW5", "2026-Q5", "2026-T1",
    "2026-13", "2026-00", "2026-1", "2026/01", "2026-TW1-01", "TW1-2026", "2026 TW1",
])
def test_anything_else_is_an_error(text: str) -> None:
    with pytest.raises(PeriodError, match="is not a period; use 2026, 2026-S1"):
        parse_period(text)
    assert not is_period(text)


def test_contains_and_overlaps() -> None:
    year, s1, tw2, tw3, april = (parse_period(c) for c in
                                 ("2026", "2026-S1", "2026-TW2", "2026-TW3", "2026-04"))
    assert year.contains(s1) and year.contains(year)
    assert s1.contains(tw2) and tw2.contains(april) and s1.contains(april)
    assert not s1.contains(tw3) and not tw2.contains(s1)
    assert not year.contains(parse_period("2025-TW2"))
    assert s1.overlaps(tw2) and tw2.overlaps(s1) and not s1.overlaps(tw3)
    assert not parse_period("2025").overlaps(year)


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
