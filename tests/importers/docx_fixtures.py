"""Builders of .docx fixtures with python-docx: the shapes real IKI documents take.

Paragraph specs, used for document paragraphs and for table cells:
  "text"                       a paragraph of plain text
  [("num", True), (" x 100%", False)]   runs, each (text, underlined)
  Eq(xml)                      a paragraph holding a Word equation (raw OMML)
  Li("text", num_id)           a paragraph numbered by Word's own list numbering
  ""                           an empty paragraph
A cell is one spec, a list of specs, or MERGED (continues the cell above: vMerge).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

MERGED = object()
HEADER = ("SASARAN/KINERJA UTAMA", "INDIKATOR KINERJA UTAMA",
          "PENJELASAN/FORMULA PENGHITUNGAN", "SUMBER DATA")
_M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'


@dataclass(frozen=True)
class Eq:
    """A paragraph holding one Word equation: `xml` is the content of `m:oMath`."""

    xml: str


@dataclass(frozen=True)
class Li:
    """A paragraph numbered by Word (numPr): its number or letter is not in the text."""

    text: str
    num_id: int
    ilvl: int = 0


def mr(text: str) -> str:
    """An equation's text run (normal text, as Word writes `\\text{…}`)."""
    return f'<m:r><m:rPr><m:nor/></m:rPr><m:t xml:space="preserve">{escape(text)}</m:t></m:r>'


def frac(num: str, den: str) -> str:
    """A fraction of two equation parts (OMML strings)."""
    return f"<m:f><m:num>{num}</m:num><m:den>{den}</m:den></m:f>"


def percent_fraction(num: str, den: str) -> Eq:
    """The source documents' usual equation: num over den, then `× 100%`."""
    return Eq(frac(mr(num), mr(den)) + mr("×100%"))


def new_document() -> Any:
    return docx.Document()


def add_numbering(document: Any, fmt: str = "lowerLetter") -> int:
    """A Word list definition (abstractNum + num) with numbers of `fmt`; its numId."""
    numbering = document.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=0) + 1
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(num_ids, default=0) + 1
    text = "%1." if fmt != "bullet" else "•"
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return num_id


def _fill(paragraph: Any, spec: Any) -> None:
    if isinstance(spec, Eq):
        paragraph._p.append(parse_xml(f"<m:oMath {_M}>{spec.xml}</m:oMath>"))
    elif isinstance(spec, Li):
        paragraph.add_run(spec.text)
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{spec.ilvl}"/>'
                             f'<w:numId w:val="{spec.num_id}"/></w:numPr>'))
    elif isinstance(spec, list):
        for text, underline in spec:
            run = paragraph.add_run(text)
            run.underline = underline or None
    elif spec:
        for k, line in enumerate(str(spec).split("\n")):
            if k:
                paragraph.add_run().add_break()
            paragraph.add_run(line)


def add(document: Any, *specs: Any) -> None:
    """Paragraphs at the end of the document."""
    for spec in specs:
        _fill(document.add_paragraph(), spec)


def _cell(cell: Any, value: Any) -> None:
    specs = value if isinstance(value, tuple) else (value,)
    first = cell.paragraphs[0]
    for k, spec in enumerate(specs):
        _fill(first if k == 0 else cell.add_paragraph(), spec)


def add_table(document: Any, rows: list[tuple[Any, ...]], header: tuple[str, ...] = HEADER) -> Any:
    """The 4-column IKI table; a cell value is a spec, a tuple of specs, or MERGED."""
    table = document.add_table(rows=len(rows) + 1, cols=len(header))
    table.style = "Table Grid"
    for c, text in enumerate(header):
        table.rows[0].cells[c].text = text
    for r, row in enumerate(rows, start=1):
        cells = table.rows[r].cells
        for c, value in enumerate(row):
            tc = cells[c]._tc
            if value is MERGED:
                tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge {nsdecls("w")}/>'))
                above = table.rows[r - 1].cells[c]._tc.get_or_add_tcPr()
                if above.find(qn("w:vMerge")) is None:
                    above.append(parse_xml(f'<w:vMerge {nsdecls("w")} w:val="restart"/>'))
            else:
                _cell(cells[c], value)
    return table


def block(document: Any, title: str, tugas: list[Any] | str, fungsi: list[Any] | None,
          rows: list[tuple[Any, ...]], *, numbers: tuple[str, str, str] = ("1. ", "2. ", "3. "),
          header: tuple[str, ...] = HEADER) -> None:
    """One position: heading, "Jabatan", "Tugas" (one line or items), "Fungsi", table."""
    add(document, "INDIKATOR KINERJA INDIVIDU", "", f"{numbers[0]}Jabatan : {title}")
    if isinstance(tugas, str):
        add(document, f"{numbers[1]}Tugas : {tugas}")
    else:
        add(document, f"{numbers[1]}Tugas :", *tugas)
    if fungsi is not None:
        add(document, f"{numbers[2]}Fungsi :", *fungsi)
    add(document, "")
    add_table(document, rows, header)


def save(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


def to_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- A made-up office: Dinas Pendidikan dan Kebudayaan, Kabupaten Lembah Hijau --------------
# Six positions over three levels, written with the quirks of real IKI documents.

def office_document() -> Any:
    """The test office's IKI document, with the layout quirks real documents have."""
    d = new_document()
    letters = add_numbering(d, "lowerLetter")
    add(d, "PEMERINTAH KABUPATEN LEMBAH HIJAU", "Dinas Pendidikan dan Kebudayaan", "")
    # 1. Head: Word equations, an indicator per row under a merged objective; fungsi
    # numbered by Word (letters not in the text), the last given by the Bupati.
    block(d, "Kepala Dinas Pendidikan dan Kebudayaan",
          "Memimpin penyelenggaraan urusan pendidikan dan kebudayaan.",
          [Li("Perumusan kebijakan teknis di bidang pendidikan;", letters),
           Li("Pelaksanaan tugas lain yang diberikan oleh Bupati sesuai dengan tugas dan "
              "fungsinya.", letters)],
          [("Meningkatnya akses pendidikan dasar",
            "1. Angka partisipasi murni SD",
            percent_fraction("Jumlah siswa SD usia 7-12 tahun", "Jumlah penduduk usia 7-12 "
                             "tahun"),
            "Dapodik"),
           (MERGED, "2. Persentase sekolah terakreditasi minimal B",
            percent_fraction("Jml sekolah yang terakreditasi minimal B", "Jml sekolah yang ada"),
            "BAN S/M")])
    # 2. "4. Jabatan" (numbering continues), inline letters on one line, typo in header.
    block(d, "Sekretaris Dinas Pendidikan dan Kebudayaan",
          "a. mengoordinasikan perencanaan b. mengelola keuangan dan kepegawaian "
          "c. melaksanakan tugas lain yang diberikan oleh Kepala Dinas",
          None,
          [("Meningkatnya kualitas pelayanan administrasi",
            "Persentase surat yang didistribusikan tepat waktu",
            "Jumlah surat yang didistribusikan tepat waktu / Jumlah surat masuk x 100%",
            "Agenda surat")],
          numbers=("4. ", "5. ", "6. "),
          header=("SASARAN/KINERJA UTAMA", "INDIKATOR KINERJA UTAMA",
                  "PENJELASAN/FORMULAI PENGHITUNGAN", "SUMBER DATA"))
    # 3. "1.Jabatan" without a space, "- a." items over several lines, bullets in one
    # cell with underlined numerators, sources in two groups, a "-" row.
    block(d, "Kepala Bidang Pembinaan Sekolah Dasar",
          ["- a. merumuskan kebijakan teknis pembinaan sekolah dasar",
           ("- b. melaksanakan tugas lain yang diberikan oleh Kepala Dinas Pendidikan dan "
            "Kebudayaan sesuai dengan tugas dan fungsinya.")],
          None,
          [("Meningkatnya mutu sekolah dasar",
            ("- Persentase guru SD bersertifikat pendidik",
             "- Persentase SD dengan sarana layak"),
            ([("Jumlah guru SD yang bersertifikat pendidik", True), (" x 100%", False)],
             "Jumlah guru SD yang ada", "",
             [("Jumlah SD dengan sarana layak", True), (" x 100%", False)],
             "Jml SD yang ada"),
            ("Dapodik", "SIMPKB", "", "Data sarana prasarana")),
           (MERGED, "-", "", "")],
          numbers=("1.", "2.", "3."))
    # 4. A Kasi under the Kabid: an inverted-looking fraction, and "A : B".
    block(d, "Kepala Seksi Kurikulum Sekolah Dasar",
          ["a. menyusun bahan kebijakan kurikulum SD",
           ("b. melaksanakan tugas lain yang diberikan oleh Kepala Bidang Pembinaan Sekolah "
            "Dasar sesuai dengan tugasnya.")],
          None,
          [("Terlaksananya kurikulum di sekolah dasar",
            "Persentase pengaduan kurikulum yang terselesaikan",
            Eq(frac(mr("Jumlah pengaduan kurikulum"),
                    mr("Jumlah pengaduan kurikulum yang terselesaikan")) + mr(" × 100%")),
            "Buku pengaduan"),
           ("Meningkatnya pemahaman guru atas kurikulum",
            "Rasio guru terlatih kurikulum",
            "Jumlah guru SD yang dilatih kurikulum : Jumlah guru SD yang ada",
            "Laporan pelatihan")])
    # 5. Under the Sekretaris: a narrative-only indicator.
    block(d, "Kepala Sub Bagian Umum dan Kepegawaian",
          ["a. melaksanakan urusan umum dan kepegawaian",
           "b. melaksanakan tugas lain yang diberikan oleh Sekretaris sesuai dengan tugasnya."],
          None,
          [("Terwujudnya tertib administrasi kepegawaian",
            "Terlaksananya pembinaan pegawai",
            "Pembinaan pegawai dilaksanakan secara berkala",
            "Dokumen kegiatan")])
    # 6. Staff: nothing says who the superior is.
    block(d, "Pengelola Data Pendidikan",
          ["a. Menghimpun data pendidikan", "b. Menyusun laporan data pendidikan"],
          None,
          [("Tersedianya data pendidikan yang mutakhir",
            "Persentase sekolah yang mengirim data tepat waktu",
            Eq(frac(mr("Jumlah sekolah yang mengirim data tepat waktu"),
                    mr("Jml sekolah yang ada")) + mr(" × 100%")),
            "Dapodik")])
    return d


# --- reading a draft back ---------------------------------------------------------------------


def read_yaml(path: Path) -> Any:
    """A draft file read by iki's own YAML 1.2 loader."""
    from iki_cli.definitions.yamlload import load_file

    doc, problems = load_file(path, path.name)
    assert doc is not None and not problems, problems
    return doc.data


def positions(root: Path) -> list[dict[str, Any]]:
    """The draft's positions, in the document's order (`urutan`)."""
    found = [read_yaml(p) for p in sorted((root / "jabatan").glob("*.yaml"))]
    return sorted(found, key=lambda j: j["urutan"])


def variables(root: Path) -> dict[str, dict[str, Any]]:
    """The draft's variables by id."""
    return {v["id"]: v for v in read_yaml(root / "variabel.yaml")["variabel"]}


def validate_draft(root: Path) -> tuple[Any, list[Any]]:
    """`iki validate` of a draft root: (definitions, problems)."""
    from iki_cli.checks import validate

    return validate(root)


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of `path` holding `text`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")
