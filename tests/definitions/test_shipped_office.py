"""The shipped office (`definitions/`) against the document it is transcribed from.

`tests/fixtures/dokumen-sumber/dinsos-pppa-nganjuk.txt` is the office's own IKI
document. Every position, every item of tugas and fungsi, every objective and
indicator of it is in the definitions, in its order; every text the definitions
changed is either a listed spelling correction or quoted from the document in the
indicator's `penjelasan`; every data source is the document's, or marked as the
definition's own reading (a `# usulan definisi:` comment in `variabel.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from helpers import FIXTURES, REPO, SHIPPED, load

from iki_cli.definitions.hierarchy import ancestors, position_order
from iki_cli.definitions.loading import Definitions
from iki_cli.definitions.model import Indikator, Jabatan

SOURCE = FIXTURES / "dokumen-sumber" / "dinsos-pppa-nganjuk.txt"
MARKED = re.compile(r"\s*sumber_data: .*#\s*usulan definisi: (.+)$")


def flat(text: str) -> str:
    """Whitespace collapsed, case folded: how two texts are compared."""
    return " ".join(text.split()).casefold()


def plain(text: str) -> str:
    """The document's cell text without its LaTeX and HTML markup, `flat`."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\\(?:frac|text|times)|\\%|[{}]", " ", text)
    return flat(text)


@dataclass(frozen=True)
class Block:
    """One *INDIKATOR KINERJA INDIVIDU* block of the document."""

    title: str
    tugas: list[str]
    fungsi: list[str]
    table: str  # the sasaran | indikator | formula | sumber data rows, `plain`


ITEM = re.compile(r"(?:(?<=\s)|^)(?:-\s*)?([a-m])\.(?=\s|[A-Za-z])")


def items(text: str) -> list[str]:
    """The lettered items of a tugas or fungsi cell (one item when it has no letters)."""
    if not text.strip():
        return []
    parts = ITEM.split(text.strip())
    if len(parts) == 1:
        return [" ".join(text.split())]
    assert not parts[0].strip(" -"), f"text before item a.: {parts[0]!r}"
    letters = "".join(parts[1::2])
    assert letters == "abcdefghijklm"[:len(letters)], f"items out of order: {letters}"
    return [" ".join(item.split()) for item in parts[2::2]]


def blocks() -> list[Block]:
    text = SOURCE.read_text(encoding="utf-8")
    found = []
    for raw in text.split("INDIKATOR KINERJA INDIVIDU")[1:]:
        title = re.search(r"Jabatan\s*:\s*(.+)", raw)
        parts = re.search(r"Tugas\s*:(.*?)(?:\d\.\s*Fungsi\s*:(.*?))?(SASARAN/KINERJA UTAMA.*)",
                          raw, re.S)
        assert title and parts, raw[:200]
        found.append(Block(title[1].strip(), items(parts[1]), items(parts[2] or ""),
                           plain(parts[3].split("\n", 1)[1])))
    return found


BLOCKS = blocks()


@pytest.fixture(scope="module")
def defs() -> Definitions:
    return load(SHIPPED)


def block_of(pos: Jabatan) -> Block:
    matches = [b for b in BLOCKS if flat(b.title) == flat(pos.jabatan)]
    assert len(matches) == 1, pos.id
    return matches[0]


# --- positions, their order, tasks and functions ---------------------------------------------

def test_the_shipped_targets_are_marked_illustrative(defs: Definitions) -> None:
    assert defs.organisasi is not None and defs.organisasi.model.ilustratif is True


def test_every_position_of_the_document_in_its_order(defs: Definitions) -> None:
    assert len(BLOCKS) == 23
    ordered = position_order(defs.positions.values())
    assert [flat(p.jabatan) for p in ordered] == [flat(b.title) for b in BLOCKS]
    assert [p.urutan for p in ordered] == list(range(1, 24))


# Spelling corrected in transcribing tugas and fungsi: (as the document writes it, as the
# definitions do). Any other difference from the document fails the test.
SPELLING = [
    ("di bidang di bidang", "di bidang"), ("dibidang", "di bidang"),
    ("di berikan", "diberikan"), ("menyelenggaraan", "menyelenggarakan"),
    ("dan .peningkatan", "dan peningkatan"), ("terdiri dari :", "terdiri dari:"),
    ("sebagai berikut :", "sebagai berikut:"), ("atasanya", "atasannya"),
    ("beretanggungjawab", "bertanggungjawab"), ("barang –barang", "barang-barang"),
    ("stoc opname", "stock opname"), ("digunauasakan", "digunausahakan"),
]


def corrected(text: str) -> str:
    text = flat(text)
    for wrong, right in SPELLING:
        text = text.replace(wrong, right)
    return text


@pytest.mark.parametrize("kind", ["tugas", "fungsi"])
def test_every_item_of_tugas_and_fungsi_as_in_the_document(defs: Definitions, kind: str) -> None:
    for pos in defs.positions.values():
        source = getattr(block_of(pos), kind)
        assert [corrected(item) for item in source] == [flat(item) for item in
                                                        getattr(pos, kind)], pos.id


def test_superiors_are_who_gives_the_other_tasks(defs: Definitions) -> None:
    """"… tugas lain yang diberikan oleh X": X is the `atasan` (the head's X is the Bupati)."""
    short = {"kepala-dinas": "kepala dinas", "sekretaris": "sekretaris"}
    for pos in defs.positions.values():
        said = [m[1] for item in [*pos.tugas, *pos.fungsi]
                if (m := re.search(r"lain yang diberikan oleh (.+)", flat(item)))]
        if not said:  # the two staff positions: the document does not say
            assert pos.atasan == "kasubag-umum", pos.id
            continue
        if pos.atasan is None:
            assert said[0].startswith("bupati")
            continue
        superior = defs.positions[pos.atasan]
        assert said[0].startswith(short.get(superior.id, flat(superior.jabatan))), pos.id


# --- objectives and indicators ---------------------------------------------------------------

@dataclass(frozen=True)
class Src:
    """An indicator as the document has it: its name and its formula or narrative text.

    `teks` are written as the indicator's `penjelasan` quotes them (a fraction as
    "A / B × 100%"); each piece of them is in the document's table.
    """

    id: str
    nama: str
    teks: tuple[str, ...]


def src(id: str, nama: str, *teks: str) -> Src:
    return Src(id, nama, teks)


KASUS = "Jumlah pengaduan kasus / Jumlah kasus yang terselesaikan × 100%"
INDICATORS: dict[str, list[Src]] = {
    "kepala-dinas": [
        src("pmks-tertangani", "Persentase jumlah PMKS yang tertangani",
            "Jumlah PMKS yang tertangani / Jumlah PMKS yang ada × 100%"),
        src("persentase-pmks", "Persentase jumlah PMKS",
            "Jumlah PMKS yang ada / Jumlah Penduduk Kab. Nganjuk × 100%"),
        src("psks-aktif", "Persentase jumlah PSKS yang aktif",
            "Jumlah PSKS yang aktif / Jumlah PSKS yang ada × 100%"),
        src("asn-perempuan-struktural", "Persentase ASN Perempuan yang menduduki jabatan "
            "struktural",
            "Jml ASN Perempuan yang menduduki jabatan struktural / Jml jabatan "
            "struktural yang ada × 100%"),
        src("kasus-kekerasan-difasilitasi", "Persentase kasus tindak kekerasan dan trafficking "
            "terhadap perempuan dan anak yang difasilitasi penyelesaiannya",
            "Jumlah kasus tindak kekerasan dan trafficking terhadap perempuan dan anak yang "
            "difasilitasi / jumlah kasus tindak kekerasan dan trafficking terhadap perempuan "
            "dan anak yang dilaporkan × 100%"),
    ],
    "sekretaris": [
        src("nilai-ikm", "Nilai IKM",
            "Kategori Mutu Pelayanan, Nilai Interval IKM", "25,00 – 43,75 Tidak Baik",
            "43,76 – 62,50 Kurang Baik", "62,51 – 81,25 Baik", "81,26 – 100,00 Sangat baik"),
        src("aset-layak-fungsi", "Persentase aset kantor yang layak fungsi",
            "Jumlah aset kantor yang layak fungsi / Jumlah seluruh aset yang digunakan "
            "× 100%"),
        src("dokumen-perencanaan-tepat-waktu", "Persentase Penyusunan Dokumen Perencanaan dan "
            "Hasil Evaluasi Program dan Kegiatan Tahunan Tepat Waktu",
            "Jumlah dokumen perencanaan dan hasil evaluasi program dan kegiatan / Jumlah "
            "dokumen perencanaan yang disusun dan tepat waktu × 100%"),
    ],
    "kasubag-umum": [
        src("surat-tepat-waktu", "Persentase surat yang terkirim/terdistribusikan tepat waktu",
            "Jumlah surat yang terdistribusi / Jumlah keseluruhan surat masuk dan keluar "
            "× 100%"),
        src("administrasi-layanan-tepat-waktu", "Persentase administrasi layanan Sosial, PPPA "
            "tepat waktu",
            "Jumlah layanan kepegawaian tepat waktu / Jumlah layanan "
            "kepegawaian × 100%"),
        src("sarpras-layak-fungsi", "Jumlah sarana dan prasarana yang layak fungsi",
            "Jumlah sarana dan prasarana yang layak fungsi / Jumlah keseluruhan sarana dan "
            "prasarana × 100%"),
    ],
    "kasubag-program-evaluasi": [
        src("laporan-sesuai-pedoman-tepat-waktu", "Jumlah laporan pelaksanaan program dan "
            "kegiatan yang baik sesuai dengan pedoman dan tepat waktu",
            "Jumlah dokumen perencanaan / Jumlah dokumen yang disusun sesuai dengan pedoman "
            "× 100%"),
    ],
    "kasubag-keuangan": [
        src("spj-tepat-waktu", "Jumlah laporan keuangan dalam satu tahun sesuai "
            "pedoman//peraturan perundang-undangan",
            "Jumlah laporan SPJ GU/TU tepat waktu / Jumlah laporan SPJ GU/TU × 100%"),
    ],
    "kabid-linjamrehsos": [
        src("pmks-tertangani", "Persentase PMKS yang tertangani",
            "Jumlah PMKS yang tertangani / Jumlah PMKS yang ada × 100%"),
        src("persentase-pmks", "Persentase jumlah PMKS",
            "Jumlah PMKS tahun n / Jumlah penduduk tahun n × 100%"),
    ],
    "kasi-perlindungan-jaminan-sosial": [
        src("pmks-ditangani", "Jumlah PMKS yang ditangani",
            "Jumlah PMKS yang ditangani / Jumlah PMKS × 100%"),
    ],
    "kasi-rehabilitasi-pelayanan-sosial": [
        src("pmks-rehabilitasi-terfasilitasi", "Pelayanan dan fasilitasi yang baik PMKS yang "
            "masuk rehabilitasi",
            "PMKS yang butuh rehabilitasi dapat difasilitasi dengan "
            "baik"),
    ],
    "kasi-lansia": [
        src("lansia-difasilitasi", "Meningkatnya persentase pemberdayaan dan perlindungan "
            "lansia",
            "Jumlah lansia yang difasilitasi / Jumlah lansia × 100%"),
    ],
    "kabid-pskm": [
        src("psks-aktif", "Jumlah PSKS yang aktif",
            "Jumlah PSKS yang aktif / Jumlah PSKS yang ada × 100%"),
    ],
    "kasi-pemberdayaan-sosial": [
        src("pelayanan-pemberdayaan-sosial", "Pelayanan pemberdayaan sosial yang baik",
            "PMKS/masyarakat yang punya potensi pemberdayaan dapat difasilitasi dengan "
            "baik"),
        src("partisipasi-psks", "Partisipasi PSKS dalam pelayanan sosial",
            "PSKS aktif dalam membantu kegiatan dalam masyarakat"),
    ],
    "kasi-kesejahteraan-masyarakat": [
        src("pelayanan-kesejahteraan-baik", "Pelayanan kesejahteraan masyarakat yang baik",
            "Jumlah masyarakat yang dilayani / Jumlah pelayanan × 100%"),
    ],
    "kasi-penanganan-fakir-miskin": [
        src("fakir-miskin-terfasilitasi", "Penanganan fakir miskin dengan baik",
            "Jumlah Fakir miskin yang terfasilitasi / Jumlah Fakir miskin × 100%"),
    ],
    "kabid-pppam": [
        src("asn-perempuan-struktural", "Persentase ASN perempuan yang menduduki jabatan "
            "struktural",
            "(Jumlah ASN perempuan yang menduduki jabatan struktural × 100%) / "
            "Jumlah ASN perempuan"),
    ],
    "kasi-pengarusutamaan-gender": [
        src("data-pilah-gender", "Terealisasinya pembentukan data pilah gender",
            "Pembentukan data pilah gender tingkat Kabupaten"),
        src("monev-responsif-gender", "Terealisasinya monitoring dan evaluasi "
            "kegiatan-kegiatan yang responsif gender",
            "Melakukan monitoring dan evaluasi terhadap kegiatan-kegiatan yang ada di OPD"),
    ],
    "kasi-pemberdayaan-ekonomi-perempuan": [
        src("kegiatan-pemberdayaan-perempuan", "Terealisasinya kegiatan pemberdayaan "
            "perempuan",
            "Melaksanakan pelatihan dan sosialisasi"),
    ],
    "kasi-peningkatan-kualitas-peran-perempuan": [
        src("kegiatan-peran-perempuan", "Terealisasinya kegiatan yang meningkatkan kualitas "
            "peran perempuan",
            "Peningkatan kualitas perempuan melalui workshop maupun "
            "pelatihan untuk meningkatkan kesejahteraan"),
    ],
    "kabid-ppa": [
        src("penyelesaian-kasus-kekerasan", "Persentase penyelesaian kasus tindak kekerasan "
            "dan trafficking terhadap perempuan dan anak meningkat", KASUS),
    ],
    "kasi-pengarusutamaan-hak-anak": [
        src("pendampingan-kasus", "Pendmpingan kasus tindak kekerasan dan anak meningkat",
            KASUS),
        src("raperda-kla", "Tercapainya raperda KLA", "Raperda KLA"),
    ],
    "kasi-fasilitasi-penanganan-kekerasan": [
        src("fasilitasi-kasus", "Fasilitasi kasus tindak kekerasan dan traficking terhadap "
            "perempuan dan anak", KASUS),
    ],
    "kasi-tumbuh-kembang-partisipasi-anak": [
        src("pembinaan-forum-lembaga-anak", "Terealisasinya pembinaan Forum Perlindungan Anak "
            "dan lembaga-lembaga yang peduli terhadap tumbuh kembang dan partisipasi anak",
            "Melakukan roadshow tentang perlindungan anak, pembinaan lembaga dan forum "
            "anak"),
    ],
    "pengadministrasi-umum": [
        src("surat-tepat-waktu", "Presentasi administrasi surat menyurat tepat waktu",
            "Jumlah surat yang masuk / Jumlah surat yg didistribusikan"),
    ],
    "pengelola-barang-inventaris": [
        src("barang-terinventarisasi", "Persentase barang yang telah dikelola dilingkungan "
            "Dinsos P3A",
            "Jumlah yg terinventariskan / Jumlah keseluruhan baran"),
    ],
}


def indicators(pos: Jabatan) -> dict[str, Indikator]:
    return {ind.id: ind for sas in pos.sasaran for ind in sas.indikator}


def flat_text(ind: Indikator) -> str:
    """The indicator's `penjelasan` on one line, as a reviewer quotes it."""
    return " ".join((ind.penjelasan or "").split())


def pieces(text: str) -> list[str]:
    """The quantities of a quoted formula: its numerator and denominator texts."""
    return [p.replace("× 100%", "").strip(" ()") for p in text.split(" / ")]


def test_the_table_above_is_the_documents(defs: Definitions) -> None:
    """What this test file says the document holds, it holds, block by block."""
    assert set(INDICATORS) == set(defs.positions)
    for pid, expected in INDICATORS.items():
        table = block_of(defs.positions[pid]).table
        for src in expected:
            assert flat(src.nama) in table, (pid, src.nama)
            for piece in (p for text in src.teks for p in pieces(text)):
                assert plain(piece) in table, (pid, piece)


def test_every_objective_and_indicator_of_the_document(defs: Definitions) -> None:
    for pid, pos in defs.positions.items():
        table = block_of(pos).table
        for sas in pos.sasaran:
            assert flat(sas.uraian) in table, (pid, sas.id)
        assert list(indicators(pos)) == [src.id for src in INDICATORS[pid]], pid
    assert sum(len(v) for v in INDICATORS.values()) == 35


def test_names_are_the_documents_or_quoted_in_penjelasan(defs: Definitions) -> None:
    for pid, expected in INDICATORS.items():
        found = indicators(defs.positions[pid])
        for src in expected:
            ind = found[src.id]
            if flat(ind.nama) != flat(src.nama):
                assert flat(f'"{src.nama}"') in flat(ind.penjelasan or ""), (pid, src.id)


def test_the_documents_formula_or_text_is_in_every_penjelasan(defs: Definitions) -> None:
    """Kept, corrected or reinterpreted: the reviewer always sees what the document said."""
    for pid, expected in INDICATORS.items():
        found = indicators(defs.positions[pid])
        for src in expected:
            for text in src.teks:
                assert flat(text) in flat(found[src.id].penjelasan or ""), (pid, src.id, text)


def sources(text: str) -> list[str]:
    """The data sources a `sumber_data` names: `A, B (C)` is A, B and C."""
    return [s for s in re.split(r"[,;]\s*|\s*\(|\)\s*", text) if s.strip()]


def marked() -> dict[str, list[str]]:
    """The sources of each variable marked `# usulan definisi: …` in variabel.yaml."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in (SHIPPED / "variabel.yaml").read_text(encoding="utf-8").splitlines():
        if m := re.match(r"\s*- id: (\w+)", line):
            current = m[1]
        elif m := MARKED.match(line):
            found[current] = sources(m[1])
    return found


def test_indicator_sources_are_the_documents(defs: Definitions) -> None:
    for pid, pos in defs.positions.items():
        table = block_of(pos).table.replace(" (", "(")
        for ind in indicators(pos).values():
            assert ind.sumber_data, (pid, ind.id)
            for name in sources(ind.sumber_data):
                assert flat(name) in table, (pid, ind.id, name)


def users(defs: Definitions) -> dict[str, list[tuple[Jabatan, Indikator]]]:
    found: dict[str, list[tuple[Jabatan, Indikator]]] = {}
    for pos in defs.positions.values():
        for ind in indicators(pos).values():
            for var in defs.variable_names((pos.id, ind.id)):
                found.setdefault(var, []).append((pos, ind))
    return found


def test_variable_sources_are_the_documents_or_marked_as_the_definitions(
        defs: Definitions) -> None:
    """A source the document names beside an indicator using the variable, or one marked
    `# usulan definisi:` (the definition's own reading) that it does not name."""
    used, own = users(defs), marked()
    assert len(own) == 8
    for var in defs.variables.values():
        assert var.sumber_data, var.id
        tables = " ".join(block_of(pos).table for pos, _ in used[var.id]).replace(" (", "(")
        names = sources(var.sumber_data)
        assert set(own.get(var.id, [])) <= set(names), var.id
        for name in names:
            assert (flat(name) in tables) is (name not in own.get(var.id, [])), (var.id, name)


# --- the decisions of the review, each explained for the office ------------------------------

def test_people_summed_over_quarters_are_counted_once_a_year(defs: Definitions) -> None:
    once = "dihitung satu kali dalam setahun, hanya yang belum tercatat pada periode sebelumnya"
    people = [v for v in defs.variables.values()
              if v.agregasi == "jumlah" and v.satuan == "orang"]
    assert len(people) >= 8
    for var in people:
        assert once in var.uraian, var.id


def test_a_scope_the_document_does_not_state_is_explained(defs: Definitions) -> None:
    scope = "di lingkungan Pemerintah Kabupaten Nganjuk"
    scoped = [v for v in defs.variables.values() if scope in v.uraian]
    assert scoped
    for var in scoped:
        for pos, ind in users(defs)[var.id]:
            assert f'"{scope}"' in (ind.penjelasan or ""), (pos.id, ind.id)


def test_a_kasi_answers_for_its_own_numerator(defs: Definitions) -> None:
    kasi = indicators(defs.positions["kasi-perlindungan-jaminan-sosial"])["pmks-ditangani"]
    head = indicators(defs.positions["kepala-dinas"])["pmks-tertangani"]
    assert kasi.rumus == "pmks_ditangani_linjamsos / pmks_ada * 100"
    assert head.rumus == "pmks_tertangani / pmks_ada * 100"
    assert defs.variables["pmks_ditangani_linjamsos"].sumber_data == "Data bantuan sosial"
    # "nilainya tidak melebihi nilai pmks_tertangani", as the penjelasan says, is checked
    assert defs.variabel is not None
    assert "pmks_ditangani_linjamsos <= pmks_tertangani" in [
        a.syarat for a in defs.variabel.model.aturan]


def test_a_measure_shared_with_a_superior_says_why(defs: Definitions) -> None:
    """The same formula as an ancestor's indicator: its penjelasan names the sharing."""
    for pos in defs.positions.values():
        above = {ind.rumus for sup in ancestors(defs.positions, pos.id)
                 for ind in indicators(defs.positions[sup]).values()}
        for ind in indicators(pos).values():
            if ind.rumus in above:
                text = flat(ind.penjelasan or "")
                assert "sama dengan" in text and "kepala" in text, (pos.id, ind.id)
    partisipasi = indicators(defs.positions["kasi-pemberdayaan-sosial"])["partisipasi-psks"]
    assert "sengaja sama dengan indikator Kepala Bidang PSKM" in flat_text(partisipasi)


def test_kesejahteraan_masyarakat_keeps_the_documents_numerator(defs: Definitions) -> None:
    pos = defs.positions["kasi-kesejahteraan-masyarakat"]
    ind = indicators(pos)["pelayanan-kesejahteraan-baik"]
    assert ind.rumus == "masyarakat_dilayani / masyarakat_butuh_pelayanan * 100"
    assert defs.variables["masyarakat_dilayani"].uraian.startswith(
        "Jumlah masyarakat yang dilayani")
    text = flat_text(ind)
    assert 'Penyebut "Jumlah pelayanan" dibaca sebagai' in text
    assert "Bacaan lain" in text and "Kantor diminta menegaskan" in text


def test_seksi_support_the_objective_they_serve(defs: Definitions) -> None:
    for pid in ("kasi-kesejahteraan-masyarakat", "kasi-penanganan-fakir-miskin"):
        pos = defs.positions[pid]
        assert [s.mendukung for s in pos.sasaran] == ["kepala-dinas/kualitas-pelayanan-sosial"]
        assert all("Dokumen sumber tidak memuat pohon kinerja" in flat_text(ind)
                   for ind in indicators(pos).values())


def test_ikm_keeps_the_documents_bands_and_names_the_regulations(defs: Definitions) -> None:
    ind = indicators(defs.positions["sekretaris"])["nilai-ikm"]
    assert [(k.batas_bawah, k.label) for k in ind.kategori] == [
        (25, "Tidak Baik"), (43.76, "Kurang Baik"), (62.51, "Baik"), (81.26, "Sangat Baik")]
    text = flat_text(ind)
    assert "KEP/25/M.PAN/2/2004" in text and "Nomor 14 Tahun 2017" in text
    assert ("25,00 – 64,99 Tidak Baik; 65,00 – 76,60 Kurang Baik; 76,61 – 88,30 Baik; "
            "88,31 – 100,00 Sangat Baik") in text
    assert "ubah batas_bawah kategori menjadi 25, 65, 76.61 dan 88.31" in text


def test_formulas_measuring_less_than_their_name_say_so(defs: Definitions) -> None:
    keuangan = flat_text(indicators(defs.positions["kasubag-keuangan"])["spj-tepat-waktu"])
    assert "mengukur ketepatan waktu laporan SPJ GU/TU" in keuangan
    assert "Kesesuaian laporan dengan pedoman/peraturan tidak diukur" in keuangan
    program = flat_text(indicators(defs.positions["kasubag-program-evaluasi"])[
        "laporan-sesuai-pedoman-tepat-waktu"])
    assert 'Syarat "dan tepat waktu" pada pembilang ditambahkan oleh definisi ini' in program


# --- the guide's example --------------------------------------------------------------------

def test_the_guides_example_is_shortened_from_the_shipped_file() -> None:
    """Every line of the example in docs/definitions.md is a line of the file, in order."""
    guide = (REPO / "docs" / "definitions.md").read_text(encoding="utf-8")
    start = guide.index("```yaml\n", guide.index("## jabatan/&lt;id&gt;.yaml")) + 8
    example = guide[start:guide.index("```", start)].splitlines()
    shipped = iter((SHIPPED / "jabatan" / "kabid-linjamrehsos.yaml").read_text(
        encoding="utf-8").splitlines())
    missing = [line for line in example if line not in shipped]  # consumes: keeps the order
    assert len(example) > 20 and missing == []
