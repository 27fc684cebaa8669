"""Reporting periods (SPEC §3): years, semesters, quarters (TW) and months."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

_PATTERN = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<s>S[12])|(?P<q>(?:TW|Q)[1-4])|(?P<m>0[1-9]|1[0-2])))?$"
)
KINDS = {"year": 12, "semester": 6, "quarter": 3, "month": 1}


class PeriodError(ValueError):
    """Text that is not a period code."""


class Period(NamedTuple):
    """A span of whole months of one year: months `first`..`last` (1-12).

    A named tuple rather than a dataclass: values files key hundreds of thousands
    of entries by period, and a tuple hashes and compares in C.
    """

    year: int
    first: int
    last: int

    @property
    def months(self) -> int:
        return self.last - self.first + 1

    @property
    def kind(self) -> str:
        return {12: "year", 6: "semester", 3: "quarter", 1: "month"}[self.months]

    @property
    def code(self) -> str:
        """The canonical code: `2026`, `2026-S1`, `2026-TW3`, `2026-07`."""
        kind = self.kind
        if kind == "year":
            return f"{self.year}"
        if kind == "semester":
            return f"{self.year}-S{(self.first - 1) // 6 + 1}"
        if kind == "quarter":
            return f"{self.year}-TW{(self.first - 1) // 3 + 1}"
        return f"{self.year}-{self.first:02d}"

    def __str__(self) -> str:
        return self.code

    def contains(self, other: Period) -> bool:
        """True when `other` lies inside this period (or equals it)."""
        return self.year == other.year and self.first <= other.first and other.last <= self.last

    def overlaps(self, other: Period) -> bool:
        return self.year == other.year and self.first <= other.last and other.first <= self.last


@lru_cache(maxsize=4096)  # a values file repeats a few dozen spellings
def parse_period(text: object) -> Period:
    """Parse a period code; `2026-Q1` is accepted as `2026-TW1`."""
    value = str(text).strip()
    m = _PATTERN.match(value.upper() if "-" in value else value)
    if not m:
        raise PeriodError(
            f"`{value}` is not a period; use 2026, 2026-S1, 2026-TW1 … 2026-TW4 "
            "or 2026-01 … 2026-12")
    year = int(m["year"])
    if m["s"]:
        n = int(m["s"][1])
        return Period(year, 6 * n - 5, 6 * n)
    if m["q"]:
        n = int(m["q"][-1])
        return Period(year, 3 * n - 2, 3 * n)
    if m["m"]:
        n = int(m["m"])
        return Period(year, n, n)
    return Period(year, 1, 12)


def is_period(text: object) -> bool:
    try:
        parse_period(text)
    except PeriodError:
        return False
    return True


def aligned_parts(period: Period) -> list[Period]:
    """All standard periods inside `period` (itself included), largest first."""
    out: list[Period] = []
    for size in (12, 6, 3, 1):
        if size > period.months:
            continue
        for first in range(period.first, period.last + 1, size):
            if (first - 1) % size == 0:
                out.append(Period(period.year, first, first + size - 1))
    return out


@dataclass(frozen=True)
class Coverage:
    """Which recorded periods make up a requested one, and what is missing."""

    used: tuple[Period, ...]
    missing: tuple[Period, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def _month_bits(period: Period) -> int:
    """The months of `period` as bits 1..12 of an int, for quick overlap tests."""
    return ((1 << (period.last - period.first + 1)) - 1) << period.first


def _largest_first(period: Period) -> tuple[int, int]:
    return (period.first - period.last, period.first)


def cover(period: Period, recorded: Iterable[Period]) -> Coverage:
    """The exact record if any; else the largest non-overlapping records inside `period`."""
    year, first, last = period.year, period.first, period.last
    # `contains`, inlined: this runs once per variable over all its recorded periods.
    inside = [p for p in recorded if p.year == year and first <= p.first and p.last <= last]
    if period in inside:
        return Coverage((period,), ())
    chosen: list[Period] = []
    taken = 0  # the months of `chosen`, as bits (all of one year, so overlap is a bit test)
    for candidate in sorted(inside, key=_largest_first):
        bits = _month_bits(candidate)
        if not bits & taken:
            chosen.append(candidate)
            taken |= bits
    chosen.sort()
    if taken == _month_bits(period):
        return Coverage(tuple(chosen), ())
    covered = {m for p in chosen for m in range(p.first, p.last + 1)}
    return Coverage(tuple(chosen), tuple(_missing(period, covered)))


def _missing(period: Period, covered: set[int]) -> list[Period]:
    """The uncovered months of `period`, grouped into the largest standard periods."""
    out: list[Period] = []
    taken: set[int] = set()
    for part in aligned_parts(period):
        months = set(range(part.first, part.last + 1))
        if months & covered or months & taken:
            continue
        out.append(part)
        taken |= months
    return sorted(out)
