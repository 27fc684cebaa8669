"""Aggregation (SPEC §3): a variable's recorded values combined into the requested period."""

from __future__ import annotations

import math
from dataclasses import dataclass
from operator import attrgetter, itemgetter, sub

from ..definitions.model import Variabel
from ..periods import Coverage, Period, cover
from ..values.ingest import Entry, Values


@dataclass
class Aggregate:
    """A variable over the requested period: its value, the records used, what is missing,
    and the note (`keterangan`: a remark, an evidence link) of each record used that has one."""

    value: float | None
    coverage: Coverage
    notes: tuple[tuple[Period, str], ...] = ()


def aggregate(var: Variabel, recorded: dict[Period, Entry], period: Period) -> Aggregate:
    """Combine the records covering `period` by the variable's `agregasi`."""
    return combine(var, recorded, cover(period, recorded))


def combine(var: Variabel, recorded: dict[Period, Entry], coverage: Coverage) -> Aggregate:
    """The value of the records `coverage` uses, combined by the variable's `agregasi`."""
    used = coverage.used
    if not used:
        return Aggregate(None, coverage)
    entries = [recorded[p] for p in used]
    notes = tuple((p, entry.note) for p, entry in zip(used, entries, strict=True)
                  if entry.note)
    return Aggregate(combined(var.agregasi, [entry.value for entry in entries],
                              [p.end - p.start + 1 for p in used]), coverage, notes)


def combined(agregasi: str, values: list[float], months: list[int] | None = None) -> float:
    """Values of consecutive records (in order, not overlapping) combined by `agregasi`;
    `months` are the records' lengths (None: all the same)."""
    if len(values) == 1:
        return values[0]
    if agregasi == "jumlah":
        return sum(values)
    if agregasi == "terakhir":
        return values[-1]  # in order and without overlaps: the last record ends last
    if agregasi == "maksimum":
        return max(values)
    # rata_rata: a time average, each record weighted by the months it covers
    if months is None or min(months) == max(months):
        average = sum(values) / len(values)
        if not math.isfinite(average):  # the sum overflowed: the average itself may be a number
            average = sum(value / len(values) for value in values)
        return average
    total = 0.0
    for value, weight in zip(values, months, strict=True):
        total += value * weight
    if not math.isfinite(total):  # value × months overflowed
        whole = sum(months)
        return sum(value * (weight / whole) for value, weight in zip(values, months,
                                                                      strict=True))
    return total / sum(months)


_START, _END = attrgetter("start"), attrgetter("end")
_VALUE = itemgetter(0)  # an Entry's value


class _Records:
    """One variable's recorded values in a list by position, when all are of one size.

    Values come in one kind per variable as a rule (every month, or every
    quarter). Periods of one standard size are aligned to it and never overlap,
    so the records inside a period are found by stepping through its months: the
    value of the record starting at month number `m` is `values[(m - first) // size]`.
    """

    __slots__ = ("first", "size", "values", "gaps")

    def __init__(self, recorded: dict[Period, Entry]) -> None:
        self.first = self.size = 0
        self.values: list[float | None] = []
        self.gaps = False  # whether some position between the first and last is empty
        if not recorded:
            return
        starts = list(map(_START, recorded))
        ends = list(map(_END, recorded))
        size = ends[0] - starts[0] + 1
        if size not in (1, 3, 6, 12) or len(set(map(sub, ends, starts))) != 1:
            return
        first = min(starts)
        count = (max(starts) - first) // size + 1
        if count == len(starts) and starts == list(range(first, first + count * size, size)):
            # read in order, without gaps (as a values file lists them): values as they are
            values: list[float | None] = list(map(_VALUE, recorded.values()))
        else:
            values = [None] * count
            for start, entry in zip(starts, recorded.values(), strict=True):
                values[(start - first) // size] = entry.value
        self.first, self.size, self.values = first, size, values
        self.gaps = len(recorded) < count

    def figures(self, periods: list[Period], agregasi: str
                ) -> list[tuple[float | None, bool, bool] | None]:
        """(value, complete, any record inside) of each of `periods`; None for a period the
        general rule (`periods.cover`) must decide: records of several sizes, or a period
        that is not made of whole records."""
        size, first, values, gaps = self.size, self.first, self.values, self.gaps
        out: list[tuple[float | None, bool, bool] | None] = []
        for period in periods:
            start, end = period.start, period.end
            if not size or start % size or (end + 1) % size:
                out.append(None)
                continue
            low = max((start - first) // size, 0)
            high = (end + 1 - first) // size
            inside = values[low:high] if high > 0 else []
            if gaps:
                inside = [v for v in inside if v is not None]
            if not inside:
                out.append((None, False, False))
                continue
            out.append((combined(agregasi, inside),  # type: ignore[arg-type]
                        len(inside) * size == end - start + 1, True))
        return out


class Aggregates:
    """Each variable aggregated to each period once, shared by all indicators using it."""

    def __init__(self, catalogue: dict[str, Variabel], values: Values) -> None:
        self.catalogue = catalogue
        self.entries = values.entries
        self._by_period: dict[Period, dict[str, Aggregate]] = {}
        self._records: dict[str, _Records] = {}
        self._years: list[int] | None = None

    def at(self, period: Period) -> dict[str, Aggregate]:
        """The aggregates of `period` found so far, by variable (filled as they are asked)."""
        found = self._by_period.get(period)
        if found is None:
            found = self._by_period[period] = {}
        return found

    def of(self, name: str, period: Period) -> Aggregate:
        """Variable `name` aggregated to `period`."""
        known = self.at(period)
        agg = known.get(name)
        if agg is None:
            agg = known[name] = self._aggregate(name, period)
        return agg

    def _aggregate(self, name: str, period: Period) -> Aggregate:
        recorded = self.entries.get(name, {})
        entry = recorded.get(period)
        if entry is not None:
            return Aggregate(entry.value, Coverage((period,), ()),
                             ((period, entry.note),) if entry.note else ())
        return aggregate(self.catalogue[name], recorded, period)

    def figure(self, name: str, period: Period) -> tuple[float | None, bool, bool]:
        """(value, complete, any record inside) of variable `name` over `period`.

        What a figure over time needs, without the records used or the parts
        missing that a report shows for the period itself: for values of one kind
        it is found in a few steps, without a `Coverage`.
        """
        return self.figures(name, [period])[0]

    def figures(self, name: str, periods: list[Period]
                ) -> list[tuple[float | None, bool, bool]]:
        """`figure` of variable `name` over each of `periods`, in one pass over its records
        (each variable once for the whole history of a report, not once per period)."""
        records = self._records.get(name)
        if records is None:
            records = self._records[name] = _Records(self.entries.get(name, {}))
        found = records.figures(periods, self.catalogue[name].agregasi)
        for i, figure in enumerate(found):
            if figure is None:
                agg = self.of(name, periods[i])
                found[i] = (agg.value, agg.coverage.complete, bool(agg.coverage.used))
        return found  # type: ignore[return-value]

    def years(self) -> list[int]:
        """Every year some value was recorded in, oldest first."""
        if self._years is None:
            starts: set[int] = set()
            for recorded in self.entries.values():
                starts.update(map(_START, recorded))
            self._years = sorted({start // 12 for start in starts})
        return self._years
