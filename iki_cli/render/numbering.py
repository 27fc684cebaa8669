"""The one numbering of every output (SPEC §1): positions and their indicators.

Light on purpose (no Jinja): the JSON and CSV outputs and the terminal use it too.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..definitions.hierarchy import position_order
from ..definitions.loading import Definitions


@dataclass(frozen=True)
class Nomor:
    """The one numbering of every output (SPEC §1): positions `1`, `2`, … in the order of
    `position_order`, their indicators `1.1`, `1.2`, … across their objectives."""

    jabatan: dict[str, int]
    indikator: dict[tuple[str, str], str]


def numbering(defs: Definitions) -> Nomor:
    """The numbers of every position and indicator (position id, indicator id)."""
    positions: dict[str, int] = {}
    indicators: dict[tuple[str, str], str] = {}
    for n, pos in enumerate(position_order(loaded.model for loaded in defs.jabatan), 1):
        positions[pos.id] = n
        count = 0
        for sas in pos.sasaran:
            for ind in sas.indikator:
                count += 1
                indicators.setdefault((pos.id, ind.id), f"{n}.{count}")
    return Nomor(positions, indicators)
