"""Reporting periods (SPEC §3): years, semesters, quarters (TW), months, and spans of months.

A period is a span of whole months, kept as two month numbers (`year * 12 +
month - 1`) so that it may cross a year: the figures *to date* of a quarter
(January to the end of the quarter) or several years of history are periods
too. Periods are interned — there is one object per span — so that the
hundreds of thousands of values keyed by period hash and compare as fast as
any object, and a period is never equal to a tuple.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any, ClassVar

from .i18n import t
from .problems import shown

MIN_YEAR, MAX_YEAR = 1900, 2100
# One pattern for every period code, here and in the JSON Schema of target keys. Letters
# in any case (`2026-tw1` is 2026-TW1: unambiguous). ASCII digits only: `[0-9]`, not `\d`,
# which matches Arabic-Indic and full-width digits.
PATTERN = (r"^(?P<year>[0-9]{4})(?:-(?:(?P<s>[Ss][12])|(?P<q>(?:[Tt][Ww]|[Qq])[1-4])"
           r"|(?P<m>0[1-9]|1[0-2])))?$")
_PATTERN = re.compile(PATTERN)


class PeriodError(ValueError):
    """Text that is not a period code; worded in the language current when it is read."""

    def __init__(self, reason: str, value: str):
        super().__init__(reason, value)
        self.reason = reason
        self.value = value

    def __str__(self) -> str:
        return t(f"periods.{self.reason}", value=shown(self.value), forms=t("periods.forms"),
                 low=MIN_YEAR, high=MAX_YEAR)


class Period:
    """A span of whole months from `start` to `end` (month numbers, both included)."""

    __slots__ = ("start", "end", "kind", "code")
    _interned: ClassVar[dict[tuple[int, int], Period]] = {}
    start: int
    end: int
    # `year`, `semester`, `quarter`, `month`, or `span` for any other run of months
    kind: str
    # `2026`, `2026-S1`, `2026-TW3`, `2026-07`; a span is `2026-01/2026-09`
    code: str

    def __new__(cls, start: int, end: int) -> Period:
        found = cls._interned.get((start, end))
        if found is not None:
            return found
        if not all(type(n) is int for n in (start, end)):
            raise TypeError("a period is made of two whole month numbers")
        if start > end:
            raise ValueError("a period cannot end before it starts")
        if start // 12 < MIN_YEAR or end // 12 > MAX_YEAR:
            raise ValueError(f"years of a period are {MIN_YEAR}–{MAX_YEAR}")
        self = object.__new__(cls)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        # Named once: one object per span, and codes are read for every target and value.
        object.__setattr__(self, "kind", self._kind())
        object.__setattr__(self, "code", self._code())
        cls._interned[(start, end)] = self
        return self

    @classmethod
    def of(cls, year: int, first: int = 1, last: int = 12) -> Period:
        """Months `first`..`last` of `year` (`Period.of(2026)` is the year 2026)."""
        if not (1 <= first <= 12 and 1 <= last <= 12):
            raise ValueError("months are 1–12")
        return cls(year * 12 + first - 1, year * 12 + last - 1)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a period cannot be changed")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Period, (self.start, self.end))  # unpickled periods are interned again

    def __copy__(self) -> Period:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Period:
        return self

    def __lt__(self, other: Period) -> bool:
        return (self.start, self.end) < (other.start, other.end)

    def __le__(self, other: Period) -> bool:
        return (self.start, self.end) <= (other.start, other.end)

    def __repr__(self) -> str:
        return f"Period({self.code!r})"

    def __str__(self) -> str:
        return self.code

    @property
    def year(self) -> int:
        """The year the period starts in."""
        return self.start // 12

    @property
    def end_year(self) -> int:
        return self.end // 12

    @property
    def first(self) -> int:
        """The month (1–12) the period starts with."""
        return self.start % 12 + 1

    @property
    def last(self) -> int:
        """The month (1–12) the period ends with."""
        return self.end % 12 + 1

    @property
    def months(self) -> int:
        return self.end - self.start + 1

    def _kind(self) -> str:
        size = self.months
        if self.year == self.end_year and size in _KIND_BY_SIZE and self.start % size == 0:
            return _KIND_BY_SIZE[size]
        return "span"

    @property
    def number(self) -> int:
        """The semester, quarter or month number within the year (1 for a year)."""
        return (self.first - 1) // self.months + 1 if self.kind != "span" else 0

    def _code(self) -> str:
        kind = self.kind
        if kind == "year":
            return f"{self.year}"
        if kind == "semester":
            return f"{self.year}-S{self.number}"
        if kind == "quarter":
            return f"{self.year}-TW{self.number}"
        if kind == "month":
            return f"{self.year}-{self.first:02d}"
        return f"{self.year}-{self.first:02d}/{self.end_year}-{self.last:02d}"

    def contains(self, other: Period) -> bool:
        """True when `other` lies inside this period (or equals it)."""
        return self.start <= other.start and other.end <= self.end

    def shifted(self, years: int) -> Period:
        """The same months `years` later (earlier when negative): 2026-TW2 → 2025-TW2."""
        return Period(self.start + 12 * years, self.end + 12 * years)

    def year_to_date(self) -> Period:
        """From January of the period's year to its end: 2026-TW2 → 2026-01/2026-06 (= S1)."""
        return Period(self.year * 12, self.end)


_KIND_BY_SIZE = {12: "year", 6: "semester", 3: "quarter", 1: "month"}


@lru_cache(maxsize=4096)  # a values file repeats a few dozen spellings
def parse_period(text: object) -> Period:
    """Parse a period code; `2026-Q1` is accepted as `2026-TW1`. Years are 1900–2100."""
    value = str(text).strip()
    m = _PATTERN.match(value)
    if not m:
        raise PeriodError("not-a-period", value)
    year = int(m["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError("year-range", value)
    if m["s"]:
        n = int(m["s"][1])
        return Period.of(year, 6 * n - 5, 6 * n)
    if m["q"]:
        n = int(m["q"][-1])
        return Period.of(year, 3 * n - 2, 3 * n)
    if m["m"]:
        n = int(m["m"])
        return Period.of(year, n, n)
    return Period.of(year)


def is_period(text: object) -> bool:
    try:
        parse_period(text)
    except PeriodError:
        return False
    return True


_SEPARATORS = re.compile(r"[\s/._]+")
_PART = re.compile(r"^(?:(?P<s>S|SM|SEM|SMT)0?(?P<sn>[12])|(?:TW|T|Q|K)0?(?P<qn>[1-4])"
                   r"|(?P<m>0?[1-9]|1[0-2]))$")


def suggest_period(text: str) -> str | None:
    """The period code the user most likely meant, or None when nothing is likely.

    Only slips of form: lower case (`2026-tw1`), another separator (`2026/TW1`,
    `2026 TW1`), the parts swapped (`TW1-2026`), a leading zero (`2026-TW01`), a
    month without one (`2026-1`), `T1`/`SEM1`. A number out of range (`2026-13`,
    `2026-Q0`) gets no suggestion: any guess would be a different period.
    """
    value = _SEPARATORS.sub("-", text.strip().upper()).strip("-")
    parts = value.split("-")
    if len(parts) != 2:
        return None
    year, rest = parts
    if not re.fullmatch(r"[0-9]{4}", year):
        year, rest = rest, year
    if not re.fullmatch(r"[0-9]{4}", year) or not MIN_YEAR <= int(year) <= MAX_YEAR:
        return None
    m = _PART.match(rest)
    if m is None:
        return None
    if m["sn"]:
        code = f"{year}-S{m['sn']}"
    elif m["qn"]:
        code = f"{year}-TW{m['qn']}"
    else:
        code = f"{year}-{int(m['m']):02d}"
    return code if code != text.strip().upper().replace("Q", "TW") else None


def aligned_parts(period: Period) -> list[Period]:
    """All standard periods inside `period` (itself included when standard), largest first."""
    out: list[Period] = []
    for size in (12, 6, 3, 1):
        if size > period.months:
            continue
        first = -(-period.start // size) * size  # the first month number aligned to `size`
        for start in range(first, period.end - size + 2, size):
            out.append(Period(start, start + size - 1))
    return out


@dataclass(frozen=True)
class Coverage:
    """Which recorded periods make up a requested one, and what is missing."""

    used: tuple[Period, ...]
    missing: tuple[Period, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


_START = attrgetter("start")


def _largest_first(period: Period) -> tuple[int, int]:
    return (period.start - period.end, period.start)


def cover(period: Period, recorded: Iterable[Period]) -> Coverage:
    """The exact record if any; else the largest non-overlapping records inside `period`."""
    start, end = period.start, period.end
    # `contains`, inlined: this runs once per variable and period over its recorded periods.
    inside = [p for p in recorded if start <= p.start and p.end <= end]
    if period in inside:
        return Coverage((period,), ())
    taken = 0  # the months of the chosen records as bits, month `start` being bit 0
    size = inside[0].end - inside[0].start + 1 if inside else 0
    if size in _KIND_BY_SIZE and all(p.end - p.start + 1 == size and p.start % size == 0
                                     for p in inside):
        # The usual case, values of one kind (all months, or all quarters): standard
        # periods of one size never overlap, so every one of them is used.
        chosen = sorted(inside, key=_START)
        for candidate in chosen:
            taken |= ((1 << size) - 1) << (candidate.start - start)
    else:
        chosen = []
        for candidate in sorted(inside, key=_largest_first):
            bits = ((1 << candidate.months) - 1) << (candidate.start - start)
            if not bits & taken:
                chosen.append(candidate)
                taken |= bits
        chosen.sort()
    if taken == (1 << (end - start + 1)) - 1:
        return Coverage(tuple(chosen), ())
    return Coverage(tuple(chosen), tuple(_missing(period, taken)))


def _missing(period: Period, taken: int) -> list[Period]:
    """The uncovered months of `period`, grouped into the largest standard periods."""
    out: list[Period] = []
    for part in aligned_parts(period):
        bits = ((1 << part.months) - 1) << (part.start - period.start)
        if not bits & taken:
            out.append(part)
            taken |= bits
    return sorted(out)
