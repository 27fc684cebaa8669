"""Aggregation (SPEC §3): a variable's recorded values combined into the requested period."""

from __future__ import annotations

from dataclasses import dataclass

from ..definitions.model import Variabel
from ..periods import Coverage, Period, cover
from ..values.ingest import Entry


@dataclass
class Aggregate:
    """A variable over the requested period: its value, the records used, what is missing,
    and the note (`keterangan`: a remark, an evidence link) of each record used that has one."""

    value: float | None
    coverage: Coverage
    notes: tuple[tuple[Period, str], ...] = ()


def aggregate(var: Variabel, recorded: dict[Period, Entry], period: Period) -> Aggregate:
    """Combine the records covering `period` by the variable's `agregasi`."""
    coverage = cover(period, recorded)
    if not coverage.used:
        return Aggregate(None, coverage)
    used = [recorded[p] for p in coverage.used]
    values = [entry.value for entry in used]
    notes = tuple((p, entry.note) for p, entry in zip(coverage.used, used, strict=True)
                  if entry.note)
    if var.agregasi == "jumlah":
        value = sum(values)
    elif var.agregasi == "terakhir":
        value = recorded[max(coverage.used, key=lambda p: (p.end, p.start))].value
    elif var.agregasi == "maksimum":
        value = max(values)
    else:  # rata_rata: a time average, each record weighted by the months it covers
        weights = [p.months for p in coverage.used]
        value = sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)
    return Aggregate(value, coverage, notes)
