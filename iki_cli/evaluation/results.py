"""The results of a period: one per indicator, and the office's report of them (SPEC §5).

Results hold numbers and codes, never prose: a message is a `Pesan` (a stable
code and its parameters), worded in the reader's language when it is
rendered or exported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from .aggregate import Aggregate

Status = Literal["lengkap", "parsial", "tanpa_data", "galat"]
STATUSES: tuple[Status, ...] = ("lengkap", "parsial", "tanpa_data", "galat")

# The codes of messages about a missing input; the others are notes on the result.
INPUT_CODES = ("no-value", "missing-parts")


class Pesan(NamedTuple):
    """A message on a result: a stable `kode` (SPEC §5) and what fills its text in.

    `args` may hold `var` (a variable id), `period` (a period code), `parts`
    (period codes), `divisor` (the formula part that is 0) and `value` (a number);
    a broken plausibility rule (`aturan`) holds `aturan` (its id), `teks` (its
    `pesan`, the office's words), `syarat` and the two sides' values `left`, `right`
    (None where a side cannot be evaluated).
    """

    kode: str
    args: dict[str, Any]


@dataclass
class Result:
    """One indicator's result for a period: SPEC §5's fields, and each input's aggregate."""

    jabatan: str
    sasaran: str
    indikator: str
    nama: str
    satuan: str
    polaritas: str
    realisasi: float | None
    target: float | None
    capaian: float | None
    predikat: str | None
    kategori: str | None
    status: Status
    pesan: list[Pesan]
    nilai: dict[str, float]
    # Each variable of the formula aggregated to the period: the records used, the parts
    # missing (the reports show how each input was combined). Not part of the JSON.
    masukan: dict[str, Aggregate] = field(default_factory=dict)

    @property
    def kurang(self) -> dict[str, tuple[str, ...]]:
        """The missing sub-periods of each input that is incomplete (codes)."""
        return {name: tuple(p.code for p in agg.coverage.missing)
                for name, agg in self.masukan.items() if agg.coverage.missing}

    @property
    def catatan(self) -> list[Pesan]:
        """The messages that are not about a missing input."""
        return [p for p in self.pesan if p.kode not in INPUT_CODES]


@dataclass
class Report:
    """All results of one period for one office, in the order of SPEC §1."""

    periode: str
    organisasi: dict[str, str]
    hasil: list[Result]
    predikat_scale: list[str]
    # The plausibility rules (`aturan`) that do not hold for the period (BrokenRule items).
    aturan: list[Any] = field(default_factory=list)
    # The git revision the definitions were read from (`compute --rev`), e.g.
    # `pk-2026 (1a2b3c4d5e6f)`; empty when they are the files on disk.
    definisi: str = ""

    @property
    def ringkasan(self) -> dict[str, Any]:
        """The counts of SPEC §5: indicators, per status, per predikat."""
        counts: dict[str, Any] = {"indikator": len(self.hasil)}
        for status in STATUSES:
            counts[status] = sum(r.status == status for r in self.hasil)
        found = [r.predikat for r in self.hasil if r.predikat]
        counts["predikat"] = {label: found.count(label) for label in self.predikat_scale
                              if label in found}
        return counts
