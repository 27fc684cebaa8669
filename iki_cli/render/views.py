"""The view objects the templates see, built from the definitions and the results.

Plain dataclasses, never the pydantic models: a user's template depends only
on what `docs/reports.md` lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..definitions.hierarchy import position_order
from ..definitions.loading import Definitions
from ..definitions.model import CapaianRules, Indikator, Jabatan
from ..evaluation.results import STATUSES, Report, Result
from ..i18n import labels
from ..periods import Period
from .attention import rated_to_date, reached, shown_rating
from .calculation import Keterangan, capaian_calculation, combination, notes, result_calculation
from .formula_view import Ekspresi, formula_parts, formula_text
from .messages import pesan_text
from .numbering import numbering
from .palette import rating_colour
from .periode import period_words

# --- The view objects the templates see ------------------------------------------------


@dataclass
class Ambang:
    """One step of a threshold list (kategori): values from `batas_bawah` get `label`."""

    batas_bawah: float
    label: str


@dataclass
class Masukan:
    """One input of an indicator's result: the aggregated value, how it was combined
    (`cara`: `jumlah 2026-TW1 … 2026-TW4`), what is missing, and the values' notes."""

    id: str
    uraian: str
    satuan: str
    nilai: float | None
    kurang: list[str]
    cara: str = ""
    keterangan: list[Keterangan] = field(default_factory=list)
    sumber_data: str = ""


@dataclass
class Hasil:
    """An indicator's result for the period (the report's row)."""

    realisasi: float | None
    target: float | None
    capaian: float | None
    predikat: str | None
    kategori: str | None
    status: str
    warna: str
    masukan: list[Masukan]
    catatan: list[str]
    pesan: list[str]
    # The arithmetic with the numbers filled in (`27 / 45 × 100% = 60%`), and the capaian's.
    hitungan: str | None = None
    hitungan_capaian: str | None = None
    # `parsial`: computed from incomplete sub-periods, provisional until the rest is in.
    sementara: bool = False
    # On the report's *perlu perhatian* list (see `office_view.needs_attention`).
    perhatian: bool = False
    # A quarter or month without a target of its own is rated by its figures to date
    # (SPEC §7): `capaian` and `predikat` are then those to date, and this says so
    # (`s.d. Triwulan II Tahun 2026, thd target tahun 2026`).
    sd: str | None = None


@dataclass
class IndikatorView:
    """An indicator as the templates see it; `hasil` only in the period report."""

    nomor: str
    id: str
    nama: str
    satuan: str
    polaritas: str
    desimal: int
    rumus: str
    rumus_bagian: Ekspresi
    rumus_teks: str
    sumber_data: list[str]
    penjelasan: str | None
    kategori: list[Ambang]
    target: dict[str, float]
    hasil: Hasil | None = None
    # Over time, in the period report: a `history_view.Riwayat` (which builds on these views)
    riwayat: Any = None


@dataclass
class SasaranView:
    id: str
    uraian: str
    mendukung: str | None
    indikator: list[IndikatorView]


@dataclass
class JabatanView:
    nomor: int
    id: str
    jabatan: str
    atasan: str | None
    atasan_jabatan: str | None
    tugas: list[str]
    fungsi: list[str]
    sasaran: list[SasaranView]

    @property
    def indikator(self) -> list[IndikatorView]:
        return [i for s in self.sasaran for i in s.indikator]


@dataclass
class Hitungan:
    """One line of a summary count: a key (status or predikat label), its count, colour."""

    kunci: str
    jumlah: int
    warna: str = ""


@dataclass
class Ringkasan:
    """The office summary of a period.

    The headline counts add up to `indikator`: `tercapai` (capaian ≥ 100) +
    `di_bawah` (capaian below 100) + `tanpa_capaian` (no capaian: no target for
    the period, no data, an error); `sementara` of them are `parsial`.
    """

    indikator: int
    status: list[Hitungan]
    predikat: list[Hitungan]
    tanpa_predikat: int
    tercapai: int
    dihitung: int
    persen_tercapai: float | None
    di_bawah: int = 0
    tanpa_capaian: int = 0
    sementara: int = 0
    perhatian: int = 0
    # When indicators are rated by their figures to date, how (`s.d. Triwulan II Tahun
    # 2026, thd target tahun 2026`); else None.
    sd: str | None = None


# --- Building the views -------------------------------------------------------------------


def _indicator_view(defs: Definitions, pos: Jabatan, ind: Indikator, nomor: str,
                    lang: str) -> IndikatorView:
    node = defs.formulas[(pos.id, ind.id)]
    catalogue = defs.variables
    used = defs.variable_names((pos.id, ind.id))
    names = {v: catalogue[v].uraian for v in used if v in catalogue}
    parts = formula_parts(node, names, percent=ind.satuan.strip() == "%", lang=lang)
    if ind.sumber_data:
        sources = [ind.sumber_data]
    else:
        sources = list(dict.fromkeys(catalogue[v].sumber_data or "" for v in used
                                     if v in catalogue))
    return IndikatorView(
        nomor=nomor, id=ind.id, nama=ind.nama, satuan=ind.satuan, polaritas=ind.polaritas,
        desimal=ind.desimal, rumus=ind.rumus, rumus_bagian=parts,
        rumus_teks=formula_text(parts), sumber_data=[s for s in sources if s.strip()],
        penjelasan=ind.penjelasan,
        kategori=[Ambang(t.batas_bawah, t.label) for t in ind.kategori or []],
        target=dict(ind.target))


def position_views(defs: Definitions, lang: str) -> list[JabatanView]:
    """Every position with its objectives and indicators, in the order of `numbering`."""
    titles = {loaded.model.id: loaded.model.jabatan for loaded in defs.jabatan}
    numbers = numbering(defs)
    views = []
    for pos in position_order(loaded.model for loaded in defs.jabatan):
        n = numbers.jabatan[pos.id]
        sasaran = []
        for sas in pos.sasaran:
            indicators = [_indicator_view(defs, pos, ind, numbers.indikator[(pos.id, ind.id)],
                                          lang) for ind in sas.indikator]
            sasaran.append(SasaranView(sas.id, sas.uraian, sas.mendukung, indicators))
        views.append(JabatanView(n, pos.id, pos.jabatan, pos.atasan,
                                 titles.get(pos.atasan) if pos.atasan else None,
                                 list(pos.tugas), list(pos.fungsi), sasaran))
    return views


def result_view(defs: Definitions, r: Result, scale: list[str], lang: str,
                names: Mapping[str, str], period: Period, desimal: int = 2) -> Hasil:
    """The report's view of one result: numbers, how they were found, messages in `lang`."""
    catalogue = defs.variables
    inputs = []
    missing = r.kurang
    for name in defs.variable_names((r.jabatan, r.indikator)):
        var = catalogue.get(name)
        agg = r.masukan.get(name)
        inputs.append(Masukan(
            name, var.uraian if var else name, (var.satuan or "") if var else "",
            r.nilai.get(name), list(missing.get(name, ())),
            combination(var, agg, period, lang) if var and agg else "",
            notes(agg) if agg else [], (var.sumber_data or "") if var else ""))
    org = defs.organisasi.model if defs.organisasi else None
    node = defs.formulas.get((r.jabatan, r.indikator))
    capaian, predikat = shown_rating(r)
    words = labels(lang)
    to_date = (words["sd_target_tahun"].format(
        periode=words["sd"].format(periode=period_words(period, lang)), tahun=period.year)
        if rated_to_date(r) else None)
    # The missing parts are shown beside each input; the notes are the other messages.
    return Hasil(r.realisasi, r.target, capaian, predikat, r.kategori, r.status,
                 rating_colour(predikat, scale), inputs,
                 [pesan_text(p, lang, names) for p in r.catatan],
                 [pesan_text(p, lang, names) for p in r.pesan],
                 result_calculation(node, r, desimal, lang) if node is not None else None,
                 capaian_calculation(r, desimal, org.capaian if org else CapaianRules(), lang),
                 r.status == "parsial", sd=to_date)


def summary_view(report: Report, attention: int = 0) -> Ringkasan:
    """Counts by status and predikat, the indicators at, below and without target, and
    `attention`, the length of the *perlu perhatian* list."""
    counts = report.ringkasan
    scale = report.predikat_scale
    # Rated as the rows are: by the period's own capaian, else by the one to date.
    rated = [shown_rating(r) for r in report.hasil]
    found = Counter(predikat for _, predikat in rated if predikat)
    computed = [capaian for capaian, _ in rated if capaian is not None]
    at_target = sum(reached(c) for c in computed)
    return Ringkasan(
        indikator=counts["indikator"],
        status=[Hitungan(s, counts[s]) for s in STATUSES],
        predikat=[Hitungan(label, found.get(label, 0), rating_colour(label, scale))
                  for label in reversed(scale)],
        tanpa_predikat=sum(1 for _, predikat in rated if not predikat),
        tercapai=at_target, dihitung=len(computed),
        persen_tercapai=at_target / len(computed) * 100 if computed else None,
        di_bawah=len(computed) - at_target, tanpa_capaian=len(report.hasil) - len(computed),
        sementara=counts["parsial"], perhatian=attention)


def organisation(defs: Definitions) -> dict[str, str]:
    org = defs.organisasi.model if defs.organisasi else None
    if org is None:
        return {"nama": "", "singkatan": "", "pemda": ""}
    return {"nama": org.nama, "singkatan": org.singkatan or "", "pemda": org.pemda}


class Labels(dict[str, str]):
    """The label table, read as `L.name` or `L["name"]` in templates.

    Jinja tries `getattr` before `[]`. Every label is also an attribute of the
    instance, so `L.name` is found at once: on a plain dict each lookup first
    raised and caught an AttributeError, and a `__getattr__` fallback cost a
    Python call, a dozen times per indicator row.
    """

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__(table)
        self.__dict__.update(table)
