"""The office-level parts of the period report: the headline, the *perlu perhatian* list,
the signature block and the line saying where the figures come from (SPEC §6)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from ..definitions.hierarchy import position_order
from ..definitions.loading import Definitions
from ..evaluation.results import Result
from ..i18n import t
from ..periods import Period
from .filters import cached_format_number
from .periode import date_words, signing_year
from .views import JabatanView, reached

# A result message whose code starts with this is a broken plausibility rule (`aturan`).
ATURAN_CODE_PREFIX = "aturan"
DATE_BLANK = "____________"


def needs_attention(r: Result) -> bool:
    """SPEC §6: not `lengkap`, no capaian, capaian below 100, or a broken `aturan`."""
    return (r.status != "lengkap" or r.capaian is None or not reached(r.capaian)
            or any(p.kode.startswith(ATURAN_CODE_PREFIX) for p in r.pesan))


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
                reasons.append(t("render.attention-below", lang,
                                 value=cached_format_number(h.capaian, 2, lang)))
            if h.target is None and h.realisasi is not None:
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


@dataclass(frozen=True)
class Sumber:
    """Where the figures come from, as plain strings the command line found.

    `folder` is the definitions folder as given; `commit` (abbreviated) and `tag`
    when it is in git, `berubah` when its files differ from that commit (or `rev`,
    the revision asked for, instead of the working tree); `nilai` the values files.
    """

    folder: str
    commit: str | None = None
    tag: str | None = None
    berubah: bool = False
    rev: str | None = None
    nilai: tuple[str, ...] = ()
    versi: str = ""


def source_text(source: Sumber, lang: str) -> str:
    """One line: `definisi: commit 1a2b3c4d (tag pk-2026); nilai: a.csv, b.xlsx; iki 0.3.0`."""
    if source.commit:
        text = t("render.source-commit", lang, commit=source.commit)
        if source.rev and source.rev != source.commit:
            text += " " + t("render.source-rev", lang, rev=source.rev)
        if source.tag:
            text += " " + t("render.source-tag", lang, tag=source.tag)
        if source.berubah:
            text += " " + t("render.source-dirty", lang, folder=source.folder)
    else:
        text = t("render.source-folder", lang, folder=source.folder)
    parts = [t("render.source-definitions", lang, text=text)]
    if source.nilai:
        parts.append(t("render.source-values", lang, files=", ".join(source.nilai)))
    if source.versi:
        parts.append(f"iki {source.versi}")
    return "; ".join(parts)
