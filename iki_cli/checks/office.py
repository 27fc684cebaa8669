"""The office as a whole: one place per position in listings, and who signs the report."""

from __future__ import annotations

from collections.abc import Iterator

from ..definitions.loading import Definitions
from ..i18n import t
from ..problems import Problem, did_you_mean
from .registry import check


@check("urutan-duplicate")
def check_urutan(defs: Definitions) -> Iterator[Problem]:
    """No two positions have the same `urutan`: it is each one's place in every listing.

    With two positions at the same place, the order of the reports would
    depend on their ids, not on the office's document. The problem is placed
    at the `urutan` of every position after the first (by file name) and
    suggests the lowest number that no position uses.

    Bad: ``urutan: 2`` in both ``sekretaris.yaml`` and ``kabid-ppa.yaml``.
    Good: ``urutan: 2`` in ``sekretaris.yaml``, ``urutan: 3`` in ``kabid-ppa.yaml``.
    """
    first: dict[int, tuple[str, str]] = {}
    used = {j.model.urutan for j in defs.jabatan if j.model.urutan is not None}
    free = next(n for n in range(1, len(used) + 2) if n not in used)
    for j in sorted(defs.jabatan, key=lambda j: j.path):
        number = j.model.urutan
        if number is None:
            continue
        if number not in first:
            first[number] = (j.model.id, f"{j.path}:{j.doc.pos(('urutan',))[0]}")
            continue
        other, where = first[number]
        yield j.doc.problem(("urutan",), "urutan-duplicate",
                            t("checks.urutan-duplicate", number=number, other=other,
                              where=where, free=free))


@check("penandatangan")
def check_penandatangan(defs: Definitions) -> Iterator[Problem]:
    """`penandatangan.jabatan` in `organisasi.yaml` names an existing position.

    The signature block of the period report takes its title from that position.

    Bad: ``penandatangan: {jabatan: kepala-dinass, nama: Dra. Siti}``.
    Good: ``penandatangan: {jabatan: kepala-dinas, nama: Dra. Siti}``.
    """
    org = defs.organisasi
    if org is None or org.model.penandatangan is None or not defs.jabatan:
        return
    wanted = org.model.penandatangan.jabatan
    if wanted not in defs.positions:
        yield org.doc.problem(("penandatangan", "jabatan"), "penandatangan",
                              t("checks.penandatangan-unknown", position=wanted,
                                hint=did_you_mean(wanted, defs.positions)))
