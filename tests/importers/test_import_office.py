"""`iki import` of a made-up office's IKI document: what a reviewer gets back."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_fixtures import (
    line_of,
    office_document,
    positions,
    read_yaml,
    save,
    validate_draft,
    variables,
)

from iki_cli.importers import ImportSummary, import_document
from iki_cli.importers.messages import message


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ImportSummary]:
    tmp = tmp_path_factory.mktemp("office")
    summary = import_document(save(office_document(), tmp / "iki.docx"), tmp / "definitions")
    return tmp / "definitions", summary


def test_every_block_becomes_a_position_in_document_order(imported) -> None:
    root, summary = imported
    found = positions(root)
    assert [(p["id"], p["urutan"]) for p in found] == [
        ("kepala-dinas-pendidikan-kebudayaan", 1),
        ("sekretaris-dinas-pendidikan-kebudayaan", 2),
        ("kabid-pembinaan-sekolah-dasar", 3),
        ("kasi-kurikulum-sekolah-dasar", 4),
        ("kasubag-umum-kepegawaian", 5),
        ("pengelola-data-pendidikan", 6),
    ]
    assert (summary.positions, summary.indicators, summary.variables) == (6, 9, 14)
    assert summary.next_command == f"iki validate -d {root}"
    for p in found:
        assert next(iter(p)) == "versi_skema"
        assert (root / "jabatan" / f"{p['id']}.yaml").is_file()


def test_texts_are_kept_verbatim_with_their_items(imported) -> None:
    found = positions(imported[0])
    head, sekretaris, kabid = found[0], found[1], found[2]
    assert head["jabatan"] == "Kepala Dinas Pendidikan dan Kebudayaan"
    assert head["tugas"] == ["Memimpin penyelenggaraan urusan pendidikan dan kebudayaan."]
    # Word list numbering: the letters are not in the text, every list paragraph is an item.
    assert head["fungsi"] == [
        "Perumusan kebijakan teknis di bidang pendidikan;",
        "Pelaksanaan tugas lain yang diberikan oleh Bupati sesuai dengan tugas dan fungsinya."]
    # "a. … b. … c. …" on one line.
    assert sekretaris["tugas"] == ["mengoordinasikan perencanaan",
                                   "mengelola keuangan dan kepegawaian",
                                   "melaksanakan tugas lain yang diberikan oleh Kepala Dinas"]
    assert "fungsi" not in sekretaris
    # "- a." items, one per line.
    assert kabid["tugas"][0] == "merumuskan kebijakan teknis pembinaan sekolah dasar"


def test_superiors_are_inferred_from_who_gives_the_other_tasks(imported) -> None:
    root = imported[0]
    found = {p["id"]: p for p in positions(root)}
    assert "atasan" not in found["kepala-dinas-pendidikan-kebudayaan"]
    expected = {
        "sekretaris-dinas-pendidikan-kebudayaan": "kepala-dinas-pendidikan-kebudayaan",
        "kabid-pembinaan-sekolah-dasar": "kepala-dinas-pendidikan-kebudayaan",
        "kasi-kurikulum-sekolah-dasar": "kabid-pembinaan-sekolah-dasar",
        "kasubag-umum-kepegawaian": "sekretaris-dinas-pendidikan-kebudayaan",
        "pengelola-data-pendidikan": "",  # nothing says: left for the reviewer
    }
    assert {k: found[k]["atasan"] for k in expected} == expected
    kasi = root / "jabatan" / "kasi-kurikulum-sekolah-dasar.yaml"
    line = kasi.read_text(encoding="utf-8").splitlines()[line_of(kasi, "atasan:") - 1]
    assert line.endswith('# periksa: atasan disimpulkan dari "Kepala Bidang Pembinaan Sekolah '
                         'Dasar"')
    head = root / "jabatan" / "kepala-dinas-pendidikan-kebudayaan.yaml"
    assert "# periksa: dianggap pimpinan tertinggi" in head.read_text(encoding="utf-8")


def _indicators(root: Path) -> dict[str, dict]:
    return {f"{p['id']}/{i['id']}": i for p in positions(root) for s in p["sasaran"]
            for i in s["indikator"]}


def test_formulas_become_rumus_over_variables(imported) -> None:
    found = {k: (i["rumus"], i["satuan"]) for k, i in _indicators(imported[0]).items()}
    assert found == {
        "kepala-dinas-pendidikan-kebudayaan/angka-partisipasi-murni-sd":
            ("siswa_sd_usia_7_12_tahun / penduduk_usia_7_12_tahun * 100", "%"),
        "kepala-dinas-pendidikan-kebudayaan/sekolah-terakreditasi-minimal-b":
            ("sekolah_terakreditasi_minimal_b / sekolah_ada * 100", "%"),
        "sekretaris-dinas-pendidikan-kebudayaan/surat-didistribusikan-tepat-waktu":
            ("surat_didistribusikan_tepat_waktu / surat_masuk * 100", "%"),
        "kabid-pembinaan-sekolah-dasar/guru-sd-bersertifikat-pendidik":
            ("guru_sd_bersertifikat_pendidik / guru_sd_ada * 100", "%"),
        "kabid-pembinaan-sekolah-dasar/sd-sarana-layak": ("sd_sarana_layak / sd_ada * 100", "%"),
        "kasi-kurikulum-sekolah-dasar/pengaduan-kurikulum-terselesaikan":
            ("pengaduan_kurikulum / pengaduan_kurikulum_terselesaikan * 100", "%"),
        "kasi-kurikulum-sekolah-dasar/guru-terlatih-kurikulum":
            ("guru_sd_dilatih_kurikulum / guru_sd_ada", ""),
        "kasubag-umum-kepegawaian/terlaksananya-pembinaan-pegawai": ("", ""),
        "pengelola-data-pendidikan/sekolah-mengirim-data-tepat-waktu":
            ("sekolah_mengirim_data_tepat_waktu / sekolah_ada * 100", "%"),
    }


def test_one_variable_per_quantity_whatever_the_spelling(imported) -> None:
    found = variables(imported[0])
    # "Jml sekolah yang ada" in two positions, "Jumlah guru SD yang ada" in two: one each.
    assert found["sekolah_ada"]["uraian"] == "Jml sekolah yang ada"
    assert found["guru_sd_ada"]["uraian"] == "Jumlah guru SD yang ada"
    assert len(found) == 14
    assert found["sekolah_ada"]["agregasi"] == "terakhir"
    assert found["surat_masuk"]["agregasi"] == "jumlah"
    assert found["guru_sd_bersertifikat_pendidik"]["agregasi"] == ""  # the text cannot tell


def test_sources_and_explanations_follow_their_indicators(imported) -> None:
    found = _indicators(imported[0])
    assert found["kabid-pembinaan-sekolah-dasar/guru-sd-bersertifikat-pendidik"][
        "sumber_data"] == "Dapodik\nSIMPKB"
    assert found["kabid-pembinaan-sekolah-dasar/sd-sarana-layak"]["sumber_data"] == \
        "Data sarana prasarana"
    narrative = found["kasubag-umum-kepegawaian/terlaksananya-pembinaan-pegawai"]
    assert narrative["penjelasan"] == "Pembinaan pegawai dilaksanakan secara berkala"
    assert narrative["nama"] == "Terlaksananya pembinaan pegawai"


def test_the_office_is_taken_from_the_lines_before_the_first_position(imported) -> None:
    org = read_yaml(imported[0] / "organisasi.yaml")
    assert org == {"versi_skema": 1, "nama": "Dinas Pendidikan dan Kebudayaan",
                   "pemda": "KABUPATEN LEMBAH HIJAU"}


def test_validate_reports_each_decision_at_its_line(imported) -> None:
    root = imported[0]
    _defs, problems = validate_draft(root)
    found = {(Path(p.path).name, p.line, p.rule) for p in problems if p.level == "error"}
    narrative = root / "jabatan" / "kasubag-umum-kepegawaian.yaml"
    staff = root / "jabatan" / "pengelola-data-pendidikan.yaml"
    catalogue = root / "variabel.yaml"
    unknown_agregasi = [n for n, line in enumerate(catalogue.read_text().splitlines(), 1)
                        if line.startswith('    agregasi: ""')]
    assert len(unknown_agregasi) == 4
    assert found == {
        (narrative.name, line_of(narrative, 'rumus: ""'), "formula-syntax"),
        (staff.name, line_of(staff, "atasan:"), "atasan"),
        *(("variabel.yaml", n, "schema") for n in unknown_agregasi),
    }


def test_every_guess_is_a_decision_of_the_summary_with_its_line(imported) -> None:
    root, summary = imported
    comments = []
    for path in sorted(root.rglob("*.yaml")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "# periksa: " in line:
                comments.append((str(path), n))
    assert sorted({(d.file, d.line) for d in summary.decisions}) == sorted(comments)
    inverted = [d for d in summary.decisions if d.key == "d_inverted"]
    assert len(inverted) == 1
    assert inverted[0].what("en").startswith("the fraction looks inverted")
    assert inverted[0].what("id") == message("d_inverted", "id",
                                             den="Jumlah pengaduan kurikulum yang terselesaikan")


def test_summary_lines_in_both_languages(imported) -> None:
    root, summary = imported
    ind, eng = summary.lines("id"), summary.lines("en")
    assert ind[0] == f"Draf definisi ditulis ke {root}: 6 jabatan, 9 indikator, 14 variabel."
    assert eng[0] == (f"Draft definitions written to {root}: 6 positions, 9 indicators, "
                      "14 variables.")
    assert ind[-1] == f"Langkah berikutnya: iki validate -d {root}"
    assert eng[-1] == f"Next: iki validate -d {root}"
    assert len(ind) == len(eng) == len(summary.decisions) + 3
