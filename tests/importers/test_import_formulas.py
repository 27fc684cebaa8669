"""Reading formulas as offices write them, into the formula language of SPEC §2."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iki_cli import formula
from iki_cli.importers import formulas as fx
from iki_cli.importers.draft import Catalogue, rumus
from iki_cli.importers.reader import Frac, Func, Group, Other


def written(pieces: tuple, catalogue: Catalogue | None = None) -> str:
    """The `rumus` a formula becomes, over ids made from its descriptions."""
    found = rumus(fx.parse_pieces(pieces), catalogue or Catalogue())
    assert found is not None
    formula.parse(found)  # the formula language accepts it
    return found


@pytest.mark.parametrize(("text", "expected"), [
    ("Jumlah PMKS yang tertangani / Jumlah PMKS yang ada x 100%",
     "pmks_tertangani / pmks_ada * 100"),
    ("Jumlah surat masuk : Jumlah surat keluar", "surat_masuk / surat_keluar"),
    ("Jumlah A × 100 % / Jumlah B", "a * 100 / b"),
    ("Jumlah laporan SPJ GU/TU tepat waktu / Jumlah laporan SPJ GU/TU",
     "laporan_spj_gu_tu_tepat_waktu / laporan_spj_gu_tu"),
    ("0,75 × Skor akreditasi + 0,25 × Nilai rata-rata unsur SKM (skala 1-4) × 25",
     "0.75 * skor_akreditasi + 0.25 * nilai_rata_rata_unsur_skm * 25"),
    ("max(Suhu tertinggi − 8; 0)", "max(suhu_tertinggi - 8, 0)"),
    ("(Jumlah aset layak + Jumlah aset rusak ringan) / Jumlah aset x 100%",
     "(aset_layak + aset_rusak_ringan) / aset * 100"),
    ("Jumlah kematian ibu / Jumlah kelahiran hidup × 100.000",
     "kematian_ibu / kelahiran_hidup * 100000"),
    ("Jumlah balita gizi buruk (BB/TB < -3 SD) / Jumlah balita ditimbang x 100%",
     "balita_gizi_buruk / balita_ditimbang * 100"),
    ("− Selisih stok", "-selisih_stok"),
], ids=["slash-percent", "colon", "percent-in-numerator", "slash-inside-words", "weights",
        "text-max", "brackets", "thousands", "brackets-in-words", "unary-minus"])
def test_text_formulas(text: str, expected: str) -> None:
    assert written((text,)) == expected


def test_equation_fraction_with_the_percentage_inside_or_after() -> None:
    inside = (Frac(("Jumlah ASN perempuan yang menduduki jabatan struktural × 100%",),
                   ("Jumlah ASN perempuan",)),)
    after = (Frac(("Jumlah ASN perempuan yang menduduki jabatan struktural",),
                  ("Jumlah ASN perempuan",)), "×100%")
    under = (Frac(("Jumlah ASN perempuan yang menduduki jabatan struktural",),
                  ("Jumlah ASN perempuan × 100%",)),)
    expected = "asn_perempuan_menduduki_jabatan / asn_perempuan * 100"
    for pieces in (inside, after, under):
        parsed = fx.parse_pieces(pieces)
        assert parsed.percent
        assert written(pieces) == expected


def test_equation_objects_functions_and_brackets() -> None:
    f = Frac(("Jumlah laporan tepat waktu",), ("Jumlah laporan wajib",))
    assert written((Func("min", (Group(((f, " × 100"), ("100",))),)),)) == \
        "min(laporan_tepat_waktu / laporan_wajib * 100, 100)"
    assert written(("min", Group(((f,), ("100",))))) == \
        "min(laporan_tepat_waktu / laporan_wajib, 100)"  # `min` typed before a bracket object
    assert written((Frac((Func("abs", (Group((("Stok fisik − Stok kartu",),)),)),),
                         ("Stok kartu",)), " × 100%")) == \
        "abs(stok_fisik - stok_kartu) / stok_kartu * 100"


@pytest.mark.parametrize("pieces", [
    ("Pembentukan data pilah gender tingkat Kabupaten x",),
    ("Jumlah A ) / Jumlah B",),
    ("Jumlah A / (Jumlah B",),
    ("abs(Jumlah A; Jumlah B)",),
    ("min(Jumlah A)",),
    (Other("x²"),),
    (Frac(("Jumlah A",), ("Jumlah B",)), Frac(("Jumlah C",), ("Jumlah D",))),
    (Func("log", ("Jumlah A",)),),
    ("",),
], ids=["dangling-operator", "stray-bracket", "unclosed", "abs-two", "min-one", "power",
        "two-terms", "unknown-function", "empty"])
def test_what_is_not_a_formula_is_refused(pieces: tuple) -> None:
    with pytest.raises(fx.Unreadable):
        fx.parse_pieces(pieces)


def test_the_same_quantity_written_differently_is_one_variable() -> None:
    catalogue = Catalogue()
    first = written(("Jml siswa SD yg ada / Jumlah sekolah",), catalogue)
    second = written(("Jumlah  Siswa SD yang ada. / Jumlah guru",), catalogue)
    assert first.split(" / ")[0] == second.split(" / ")[0] == "siswa_sd_ada"
    assert len(catalogue.by_key) == 3
    assert catalogue.by_key["jumlah siswa sd yang ada"].uraian == "Jml siswa SD yg ada"


def test_a_formula_too_long_for_the_language_adds_no_variable() -> None:
    catalogue = Catalogue()
    text = " + ".join(f"Jumlah kegiatan bidang nomor {n} yang terlaksana" for n in range(40))
    assert rumus(fx.parse_text(text), catalogue) is None
    assert catalogue.by_key == {}


@pytest.mark.parametrize(("text", "value"), [
    ("100", "100"), ("0,75", "0.75"), ("0.75", "0.75"), ("100.000", "100000"),
    ("1.234,5", "1234.5"), ("1,234.5", "1234.5"), ("25,00", "25"),
])
def test_numbers_in_indonesian_or_english_notation(text: str, value: str) -> None:
    assert fx.number_text(text) == value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Jumlah ab()x×:/-–−+%;,.0123456789 \t")),
               max_size=60))
def test_any_text_is_a_formula_or_refused_never_a_crash(text: str) -> None:
    try:
        parsed = fx.parse_text(text)
    except fx.Unreadable:
        return
    found = rumus(parsed, Catalogue())
    if found is not None:
        formula.parse(found)
