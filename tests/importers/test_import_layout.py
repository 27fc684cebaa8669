"""The layouts real IKI documents take, each read into the same draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx_fixtures import (
    HEADER,
    MERGED,
    Eq,
    Li,
    add,
    add_numbering,
    add_table,
    block,
    frac,
    mr,
    new_document,
    percent_fraction,
    positions,
    save,
    variables,
)

from iki_cli.importers import ImportSummary, import_document

ROW = ("Meningkatnya layanan", "Persentase layanan selesai",
       percent_fraction("Jumlah layanan yang selesai", "Jumlah layanan yang masuk"), "Register")


def draft(document: Any, tmp_path: Path) -> tuple[list[dict[str, Any]], ImportSummary]:
    summary = import_document(save(document, tmp_path / "iki.docx"), tmp_path / "out")
    return positions(tmp_path / "out"), summary


def indicators(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [i for p in found for s in p["sasaran"] for i in s["indikator"]]


@pytest.mark.parametrize("line", [
    "1. Jabatan : Kepala Seksi Layanan", "1.Jabatan : Kepala Seksi Layanan",
    "- 1.Jabatan : Kepala Seksi Layanan", "4. Jabatan : Kepala Seksi Layanan",
    "Jabatan: Kepala Seksi Layanan", "1. Nama Jabatan : Kepala Seksi Layanan",
], ids=["spaced", "no-space", "bullet", "continued-number", "unnumbered", "nama-jabatan"])
def test_jabatan_lines_numbered_any_way(line: str, tmp_path: Path) -> None:
    d = new_document()
    add(d, "INDIKATOR KINERJA INDIVIDU", line, "2.Tugas : Melayani masyarakat")
    add_table(d, [ROW])
    found, _ = draft(d, tmp_path)
    assert [(p["jabatan"], p["tugas"]) for p in found] == [
        ("Kepala Seksi Layanan", ["Melayani masyarakat"])]


TUGAS_SHAPES = {
    "letters-on-label-line": ["3. Fungsi : a. pelaksanaan urusan keuangan",
                              " b. pelaksanaan urusan kepegawaian", " c. penyusunan laporan"],
    "dash-letters": ["3. Fungsi :", "- a. pelaksanaan urusan keuangan",
                     " - b. pelaksanaan urusan kepegawaian", " - c. penyusunan laporan"],
    "no-space-after-letter": ["3. Fungsi : a.pelaksanaan urusan keuangan",
                              "b.pelaksanaan urusan kepegawaian", "c.penyusunan laporan"],
    "one-line": [("3. Fungsi : a. pelaksanaan urusan keuangan b. pelaksanaan urusan "
                 "kepegawaian c. penyusunan laporan")],
    "one-paragraph-with-breaks": [("3. Fungsi : a. pelaksanaan urusan keuangan\n"
                                  "b. pelaksanaan urusan kepegawaian\nc. penyusunan laporan")],
    "letter-at-end-of-line": ["3. Fungsi : a. pelaksanaan urusan keuangan b.",
                              "pelaksanaan urusan kepegawaian c.", " penyusunan laporan"],
}


@pytest.mark.parametrize("lines", list(TUGAS_SHAPES.values()), ids=list(TUGAS_SHAPES))
def test_lettered_items_in_every_shape(lines: list[str], tmp_path: Path) -> None:
    d = new_document()
    add(d, "INDIKATOR KINERJA INDIVIDU", "1. Jabatan : Sekretaris", "2. Tugas : Membantu",
        *lines)
    add_table(d, [ROW])
    found, _ = draft(d, tmp_path)
    assert found[0]["fungsi"] == ["pelaksanaan urusan keuangan",
                                  "pelaksanaan urusan kepegawaian", "penyusunan laporan"]


def test_word_list_numbering_directly_or_by_style(tmp_path: Path) -> None:
    d = new_document()
    letters = add_numbering(d, "lowerLetter")
    add(d, "INDIKATOR KINERJA INDIVIDU", "1. Jabatan : Sekretaris", "2. Tugas :",
        Li("menyusun rencana", letters), Li("mengelola keuangan", letters), "3. Fungsi :")
    d.add_paragraph("koordinasi program", style="List Number")
    d.add_paragraph("pelaporan", style="List Number")
    add_table(d, [ROW])
    found, _ = draft(d, tmp_path)
    assert found[0]["tugas"] == ["menyusun rencana", "mengelola keuangan"]
    assert found[0]["fungsi"] == ["koordinasi program", "pelaporan"]


def test_a_paragraph_wrapping_on_continues_its_item(tmp_path: Path) -> None:
    d = new_document()
    add(d, "INDIKATOR KINERJA INDIVIDU", "1. Jabatan : Sekretaris", "2. Tugas :",
        "a. menyusun rencana kerja", "dan anggaran tahunan", "b. mengelola keuangan")
    add_table(d, [ROW])
    found, _ = draft(d, tmp_path)
    assert found[0]["tugas"] == ["menyusun rencana kerja dan anggaran tahunan",
                                 "mengelola keuangan"]


@pytest.mark.parametrize("title", [
    "PENJELASAN/FORMULAI PENGHITUNGAN", "PENJELASAN/FORMULA/PENGHITUNGAN",
    "PENJELASAN/FORMULAIPENGHITUNGAN", "PENJELASAN/FORMULASI PENGHITUNGAN", "Rumus",
])
def test_header_typos(title: str, tmp_path: Path) -> None:
    d = new_document()
    block(d, "Kepala Seksi Layanan", "Melayani", None, [ROW],
          header=(HEADER[0], HEADER[1], title, HEADER[3]))
    found, _ = draft(d, tmp_path)
    assert indicators(found)[0]["rumus"] == "layanan_selesai / layanan_masuk * 100"


def test_several_indicators_in_one_cell(tmp_path: Path) -> None:
    """Bullets by Word numbering, two equations in one paragraph, one shared source."""
    d = new_document()
    bullets = add_numbering(d, "bullet")
    two = Eq(frac(mr("Jumlah PMKS yang tertangani"), mr("Jumlah PMKS yang ada")) + mr("×100%")
             + mr(" ") + frac(mr("Jumlah PMKS tahun n"), mr("Jumlah penduduk tahun n"))
             + mr("×100%"))
    block(d, "Kepala Bidang Perlindungan", "Merumuskan kebijakan", None, [
        ("Meningkatnya pelayanan sosial",
         (Li("Persentase PMKS yang tertangani", bullets), Li("Persentase jumlah PMKS", bullets)),
         two, "Profil Sosial")])
    found, summary = draft(d, tmp_path)
    got = [(i["nama"], i["rumus"], i["sumber_data"]) for i in indicators(found)]
    assert got == [
        ("Persentase PMKS yang tertangani", "pmks_tertangani / pmks_ada * 100", "Profil Sosial"),
        ("Persentase jumlah PMKS", "pmks_tahun_n / penduduk_tahun_n * 100", "Profil Sosial"),
    ]


def test_narratives_of_several_indicators_stay_with_each(tmp_path: Path) -> None:
    d = new_document()
    block(d, "Kepala Seksi Pemberdayaan", "Membina", None, [
        ("Terwujudnya pelayanan yang baik",
         ("- Pelayanan pemberdayaan yang baik", "- Partisipasi relawan"),
         ("Masyarakat yang punya potensi dapat difasilitasi dengan baik",
          "Relawan aktif membantu kegiatan"),
         "Kuesioner masyarakat, dokumen kegiatan")])
    found, _ = draft(d, tmp_path)
    got = [(i["nama"], i["rumus"], i["penjelasan"]) for i in indicators(found)]
    assert got == [
        ("Pelayanan pemberdayaan yang baik", "",
         "Masyarakat yang punya potensi dapat difasilitasi dengan baik"),
        ("Partisipasi relawan", "", "Relawan aktif membantu kegiatan"),
    ]


def test_merged_repeated_empty_and_dash_rows(tmp_path: Path) -> None:
    d = new_document()
    block(d, "Kepala Seksi Layanan", "Melayani", None, [
        ("(1)", "(2)", "(3)", "(4)"),  # the column numbers some offices print under the header
        ROW,
        (MERGED, "Persentase pengaduan selesai",
         percent_fraction("Jumlah pengaduan yang selesai", "Jumlah pengaduan"), "Buku"),
        ("Meningkatnya layanan", "Jumlah layanan daring",
         Eq(mr("Jumlah layanan daring")), "Aplikasi"),  # same objective written again
        HEADER,  # the header repeated where the table went on to a new page
        ("", "-", "-", "-"),
        ("", "", "", ""),
    ])
    found, _ = draft(d, tmp_path)
    sasaran = found[0]["sasaran"]
    assert [(s["uraian"], [i["nama"] for i in s["indikator"]]) for s in sasaran] == [
        ("Meningkatnya layanan", ["Persentase layanan selesai", "Persentase pengaduan selesai",
                                  "Jumlah layanan daring"])]
    assert sasaran[0]["indikator"][2]["rumus"] == "layanan_daring"


def test_text_formulas_as_offices_type_them(tmp_path: Path) -> None:
    d = new_document()
    block(d, "Kepala Sub Bagian Umum", "Mengelola", None, [
        ("Tertib administrasi", "- Persentase surat terdistribusi",
         ([("Jumlah surat yang terdistribusi", True), (" x 100%", False)],
          "Jumlah keseluruhan surat masuk dan keluar"), "Agenda"),
        (MERGED, "Persentase barang terinventaris",
         ([("Jumlah yg terinventariskan", True)], "Jumlah keseluruhan baran"), "KIB"),
        (MERGED, "Persentase dokumen tepat waktu",
         "Jumlah dokumen yang tepat waktu x 100% Jumlah dokumen yang disusun", "Renstra"),
        (MERGED, "Persentase layanan selesai",
         "Jumlah layanan selesai / Jumlah layanan masuk x 100%", "Register"),
        (MERGED, "Rasio guru", "Jumlah guru : Jumlah murid", "Dapodik"),
    ])
    found, summary = draft(d, tmp_path)
    got = [(i["rumus"], i["satuan"]) for i in indicators(found)]
    assert got == [
        ("surat_terdistribusi / keseluruhan_surat_masuk_keluar * 100", "%"),
        ("terinventariskan / keseluruhan_baran", ""),
        ("dokumen_tepat_waktu / dokumen_disusun * 100", "%"),
        ("layanan_selesai / layanan_masuk * 100", "%"),
        ("guru / murid", ""),
    ]
    # Read off one line, "A x 100% B" is a guess about the layout: it says so.
    assert [d.params for d in summary.decisions if d.key == "d_layout"] == [
        {"num": "Jumlah dokumen yang tepat waktu", "den": "Jumlah dokumen yang disusun"}]


def test_what_is_not_a_formula_stays_an_explanation(tmp_path: Path) -> None:
    ikm = ("Kategori Mutu Pelayanan, Nilai Interval IKM : 25,00 – 43,75 Tidak Baik "
           "43,76 – 62,50 Kurang Baik 62,51 – 81,25 Baik 81,26 – 100,00 Sangat baik")
    power = Eq("<m:sSup><m:e>" + mr("Jumlah sekolah") + "</m:e><m:sup>" + mr("2")
               + "</m:sup></m:sSup>")
    d = new_document()
    block(d, "Sekretaris", "Membantu", None, [
        ("Meningkatnya mutu pelayanan", "Nilai IKM", ikm, "Laporan SKM"),
        (MERGED, "Indeks sekolah", power, "Dapodik"),
    ])
    found, summary = draft(d, tmp_path)
    first, second = indicators(found)
    assert (first["rumus"], first["penjelasan"]) == ("", ikm)
    assert (second["rumus"], second["penjelasan"]) == ("", "Jumlah sekolah2")
    assert [d.key for d in summary.decisions if d.key in
            ("d_narrative", "d_unreadable_formula")] == ["d_narrative", "d_unreadable_formula"]


def test_equation_functions_brackets_and_stacked_lines(tmp_path: Path) -> None:
    stacked = ("<m:eqArr><m:e>" + mr("Jumlah laporan yang") + "</m:e><m:e>"
               + mr("dikirim tepat waktu") + "</m:e></m:eqArr>")
    d = new_document()
    block(d, "Kepala Seksi Data", "Mengolah data", None, [
        ("Data tepat waktu", "Laporan tepat waktu (dibatasi 100)",
         Eq("<m:func><m:fName>" + mr("min") + "</m:fName><m:e><m:d><m:e>"
            + frac(stacked, mr("Jumlah laporan wajib")) + mr("×100") + "</m:e><m:e>"
            + mr("100") + "</m:e></m:d></m:e></m:func>"), "SIMDA"),
        (MERGED, "Selisih stok",
         Eq(frac("<m:d><m:e>" + mr("Stok fisik − Stok kartu") + "</m:e></m:d>",
                 mr("Stok kartu")) + mr(" × 100%")), "Kartu stok"),
    ])
    found, _ = draft(d, tmp_path)
    assert [i["rumus"] for i in indicators(found)] == [
        "min(laporan_dikirim_tepat_waktu / laporan_wajib * 100, 100)",
        "(stok_fisik - stok_kartu) / stok_kartu * 100",
    ]
    assert variables(tmp_path / "out")["laporan_dikirim_tepat_waktu"]["uraian"] == \
        "Jumlah laporan yang dikirim tepat waktu"


def test_a_block_without_a_table_or_tasks_is_left_for_the_reviewer(tmp_path: Path) -> None:
    d = new_document()
    add(d, "INDIKATOR KINERJA INDIVIDU", "1. Jabatan : Kepala Kantor", "2. Tugas : Memimpin")
    add_table(d, [ROW])
    add(d, "INDIKATOR KINERJA INDIVIDU", "1. Jabatan : Staf Umum")
    found, summary = draft(d, tmp_path)
    staff = tmp_path / "out" / "jabatan" / "staf-umum.yaml"
    text = staff.read_text(encoding="utf-8")
    assert "tugas: []  # periksa: tugas tidak ditemukan" in text
    assert "sasaran: []  # periksa: tabel sasaran dan indikator tidak ditemukan" in text
    assert {d.key for d in summary.decisions if d.file == str(staff)} >= {
        "d_no_tugas", "d_no_sasaran"}


def test_english_labels_of_iki_doc_are_read_too(tmp_path: Path) -> None:
    d = new_document()
    add(d, "INDIVIDUAL PERFORMANCE INDICATORS", "1.\tPosition\t:\tHead of Office",
        "2.\tTasks\t:", "a.\tLeading the office", "b.\tReporting")
    add_table(d, [ROW], header=("OBJECTIVE", "KEY PERFORMANCE INDICATOR",
                                "EXPLANATION / FORMULA", "DATA SOURCE"))
    found, _ = draft(d, tmp_path)
    assert (found[0]["jabatan"], found[0]["tugas"]) == ("Head of Office",
                                                        ["Leading the office", "Reporting"])
    assert indicators(found)[0]["sumber_data"] == "Register"
