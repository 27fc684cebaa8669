"""`iki doc -f docx`: the IKI document as a Word file, in the source documents' layout."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from helpers import KANTOR_LAIN, SHIPPED

from iki_cli.checks import validate
from iki_cli.render.context import document_context
from iki_cli.render.docx import document_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def render(root: Path, lang: str = "id") -> bytes:
    defs, problems = validate(root)
    assert not [p for p in problems if p.level == "error"], problems
    return document_docx(document_context(defs, lang))


def body(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data)).element.body


def texts(el: Any) -> str:
    """The text of an element as Word shows it: tabs and line breaks included."""
    marks = {f"{W}tab": "\t", f"{W}br": "\n"}
    return "".join(marks.get(t.tag, t.text or "") for r in el.iter(f"{W}r") for t in r
                   if t.tag == f"{W}t" or t.tag in marks)


def math_text(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(f"{M}t"))


@pytest.fixture(scope="module")
def kantor() -> bytes:
    return render(KANTOR_LAIN)


def test_each_position_is_a_block_in_the_source_layout(kantor: bytes) -> None:
    paragraphs = [texts(p) for p in body(kantor).iterchildren(f"{W}p")]
    assert paragraphs.count("INDIKATOR KINERJA INDIVIDU") == 6
    first = paragraphs.index("INDIKATOR KINERJA INDIVIDU")
    assert paragraphs[first:first + 12] == [
        "INDIKATOR KINERJA INDIVIDU", "Puskesmas Sukamaju", "Kota Contoh", "",
        "1.\tJabatan\t:\tKepala Puskesmas Sukamaju",
        ("2.\tTugas\t:\tMemimpin, mengoordinasikan, dan mengendalikan penyelenggaraan upaya "
        "kesehatan masyarakat dan upaya kesehatan perseorangan tingkat pertama di wilayah "
        "kerja Puskesmas."),
        "3.\tFungsi\t:",
        ("a.\tPenyusunan perencanaan kegiatan Puskesmas berdasarkan analisis masalah kesehatan "
        "masyarakat;"),
        ("b.\tPenyelenggaraan upaya kesehatan masyarakat dan upaya kesehatan perseorangan "
        "tingkat pertama;"),
        "c.\tPembinaan mutu pelayanan dan keselamatan pasien;",
        "d.\tPemantauan, evaluasi, dan pelaporan kinerja Puskesmas;",
        "e.\tPelaksanaan tugas lain yang diberikan oleh Kepala Dinas Kesehatan.",
    ]
    assert "4.\tAtasan\t:\tKepala Puskesmas Sukamaju" in paragraphs  # the others say it
    assert not any(p.startswith("4.\tAtasan") for p in paragraphs[first:first + 14])


def test_the_table_merges_each_objective_over_its_indicators(kantor: bytes) -> None:
    table = next(body(kantor).iterchildren(f"{W}tbl"))
    rows = list(table.iterchildren(f"{W}tr"))
    assert [texts(c) for c in rows[0].iterchildren(f"{W}tc")] == [
        "SASARAN/KINERJA UTAMA", "INDIKATOR KINERJA UTAMA", "PENJELASAN/FORMULA PENGHITUNGAN",
        "SUMBER DATA"]
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
    first, second = (list(r.iterchildren(f"{W}tc")) for r in rows[1:3])
    assert first[0].find(f"{W}tcPr/{W}vMerge").get(f"{W}val") == "restart"
    assert second[0].find(f"{W}tcPr/{W}vMerge").get(f"{W}val") is None  # continues
    assert texts(first[0]) == ("Meningkatnya derajat kesehatan masyarakat di wilayah kerja "
                               "Puskesmas")
    assert (texts(first[1]), texts(second[1])) == ("1. Angka kematian ibu",
                                                   "2. Angka kematian bayi")


def test_formulas_are_word_equations_with_the_explanation_below(kantor: bytes) -> None:
    row = list(next(body(kantor).iterchildren(f"{W}tbl")).iterchildren(f"{W}tr"))[1]
    cell = list(row.iterchildren(f"{W}tc"))[2]
    paragraphs = list(cell.iterchildren(f"{W}p"))
    fraction = paragraphs[0].find(f"{M}oMath/{M}f")
    assert fraction is not None
    # Long descriptions are stacked on lines rather than cut at the cell's edge.
    lines = [math_text(e) for e in fraction.find(f"{M}num").iter(f"{M}e")]
    assert lines == ["Jumlah kematian ibu hamil,", "bersalin, dan nifas"]
    assert all(len(line) <= 32 for e in fraction.iter(f"{M}e") for line in [math_text(e)])
    assert [math_text(e) for e in fraction.find(f"{M}den").iter(f"{M}e")] == [
        "Jumlah kelahiran hidup di", "wilayah kerja Puskesmas"]
    assert math_text(paragraphs[0].find(f"{M}oMath")).endswith(" × 100000")
    assert texts(paragraphs[1]).startswith("Jumlah kematian ibu per 100.000 kelahiran hidup.")


def test_categories_and_sources() -> None:
    tables = list(body(render(SHIPPED)).iterchildren(f"{W}tbl"))
    cells = [texts(c) for t in tables for r in t.iterchildren(f"{W}tr")
             for c in r.iterchildren(f"{W}tc")]
    assert "Laporan hasil SKM" in cells
    ikm = next(c for c in cells if "Kategori:" in c)
    assert "Tidak Baik: ≥ 25,00" in ikm and "Sangat Baik: ≥ 81,26" in ikm


def test_english_labels() -> None:
    paragraphs = [texts(p) for p in body(render(KANTOR_LAIN, "en")).iterchildren(f"{W}p")]
    assert "INDIVIDUAL PERFORMANCE INDICATORS" in paragraphs
    assert "1.\tPosition\t:\tKepala Puskesmas Sukamaju" in paragraphs
    assert "3.\tFunctions\t:" in paragraphs


def test_the_same_definitions_give_the_same_bytes(kantor: bytes) -> None:
    assert render(KANTOR_LAIN) == kantor
    with zipfile.ZipFile(io.BytesIO(kantor)) as package:
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
        assert "dcterms:modified" not in core and "dcterms:created" not in core
        assert "<dc:creator>iki</dc:creator>" in core
        assert not [n for n in package.namelist() if "thumbnail" in n]


def test_text_that_xml_cannot_hold_does_not_break_the_file(
        make_root: Callable[..., Path]) -> None:
    root = make_root(jabatan={"staf": """\
        versi_skema: 1
        id: staf
        jabatan: "Staf \\x01 <Umum> & \\"Arsip\\""
        atasan: kepala
        tugas:
          - "Mengarsip\\tsurat\\nbaris kedua"
        sasaran:
          - id: arsip
            uraian: Tertib arsip
            indikator:
              - id: arsip-tertib
                nama: Persentase arsip tertib
                rumus: a / b * 100
                satuan: "%"
        """})
    # Validation refuses the control character; the document survives it all the same.
    defs, problems = validate(root)
    assert {p.rule for p in problems if p.level == "error"} == {"control-character"}
    data = document_docx(document_context(defs, "id"))
    paragraphs = [texts(p) for p in body(data).iterchildren(f"{W}p")]
    assert "1.\tJabatan\t:\tStaf  <Umum> & \"Arsip\"" in paragraphs
    assert "2.\tTugas\t:\tMengarsip\tsurat\nbaris kedua" in paragraphs
