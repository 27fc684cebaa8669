"""The office-level parts of the period report: the *perlu perhatian* list and the
signature block (SPEC §6)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..definitions.hierarchy import position_order
from ..definitions.loading import Definitions
from ..i18n import t
from ..periods import Period
from .attention import reached
from .filters import number_text
from .periode import date_words, signing_year
from .views import JabatanView

DATE_BLANK = "____________"


@dataclass
class Perhatian:
    """One indicator of the *perlu perhatian* list: why, and where to chase the data."""

    nomor: str
    nama: str
    jabatan_nomor: int
    jabatan: str
    tautan: str
    status: str
    capaian: float | None
    alasan: list[str]
    sumber_data: list[str]


@dataclass
class KelompokPerhatian:
    """The list's indicators of one position."""

    nomor: int
    jabatan: str
    indikator: list[Perhatian] = field(default_factory=list)


def attention_list(positions: list[JabatanView], lang: str) -> list[KelompokPerhatian]:
    """Every indicator that needs attention, grouped by position in report order."""
    groups = []
    for j in positions:
        group = KelompokPerhatian(j.nomor, j.jabatan)
        for i in j.indikator:
            h = i.hasil
            if h is None or not h.perhatian:
                continue
            reasons = []
            if h.capaian is not None and not reached(h.capaian):
                value = number_text(lang)(h.capaian, 2)
                reasons.append(t("render.attention-below-to-date", lang, value=value, sd=h.sd)
                               if h.sd else t("render.attention-below", lang, value=value))
            if h.target is None and h.realisasi is not None and not h.sd:
                reasons.append(t("render.attention-no-target", lang))
            reasons += h.pesan
            lacking = [m.sumber_data for m in h.masukan
                       if (m.nilai is None or m.kurang) and m.sumber_data]
            sources = list(dict.fromkeys(lacking)) or i.sumber_data
            group.indikator.append(Perhatian(i.nomor, i.nama, j.nomor, j.jabatan,
                                             f"{j.id}--{i.id}", h.status, h.capaian,
                                             reasons, sources))
        if group.indikator:
            groups.append(group)
    return groups


@dataclass
class TandaTangan:
    """The signature block: the date line, the signing position's title, the person."""

    tempat_tanggal: str
    tanggal_kosong: bool
    jabatan: str
    nama: str | None
    pangkat: str | None
    nip: str | None


def signature(defs: Definitions, period: Period, date: datetime.date | None,
              lang: str) -> TandaTangan | None:
    """The block of `penandatangan`, else of the head of the office; None without positions.

    Without `date` the day and month are left blank for the pen, and the year is
    the one the report is signed in (`signing_year`).
    """
    org = defs.organisasi.model if defs.organisasi else None
    signer = org.penandatangan if org else None
    positions = defs.positions
    if signer is not None and signer.jabatan in positions:
        title = positions[signer.jabatan].jabatan
    else:
        ordered = position_order(loaded.model for loaded in defs.jabatan)
        heads = [p for p in ordered if p.atasan is None] or ordered
        if not heads:
            return None
        title = heads[0].jabatan
        signer = None
    when = date_words(date, lang) if date else f"{DATE_BLANK} {signing_year(period)}"
    place = org.tempat.strip() if org and org.tempat else ""
    return TandaTangan(f"{place}, {when}" if place else when, date is None, title,
                       signer.nama if signer else None, signer.pangkat if signer else None,
                       signer.nip if signer else None)
