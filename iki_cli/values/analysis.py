"""The office's analysis of a period (SPEC §7): causes and follow-up per indicator."""

from __future__ import annotations

from typing import NamedTuple

ANALYSIS_FIELDS = ("faktor_pendukung", "faktor_penghambat", "tindak_lanjut")


class Analisis(NamedTuple):
    """What the office wrote for one indicator and period; None where a cell is empty."""

    faktor_pendukung: str | None
    faktor_penghambat: str | None
    tindak_lanjut: str | None
