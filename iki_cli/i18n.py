"""User-facing wording by language: result messages and report labels (one table each)."""

from __future__ import annotations

LANGS = ("id", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "missing_parts": "{var}: {parts} belum ada",
        "no_data": "{var}: belum ada nilai untuk {period}",
        "division_by_zero": "pembagian dengan nol: {expr} bernilai 0",
        "not_finite": "hasil perhitungan bukan bilangan terhingga",
        "target_zero": "target 0: capaian tidak dapat dihitung",
        "realisasi_zero": "realisasi 0: capaian (target / realisasi) tidak dapat dihitung",
        "no_target": "tidak ada target untuk periode {period}",
        "out_of_scale": "capaian {value} di bawah skala predikat",
        "kategori_out_of_scale": "realisasi {value} di bawah skala kategori",
    },
    "en": {
        "missing_parts": "{var}: {parts} missing",
        "no_data": "{var}: no value for {period} yet",
        "division_by_zero": "division by zero: {expr} is 0",
        "not_finite": "the result is not a finite number",
        "target_zero": "target is 0: achievement cannot be computed",
        "realisasi_zero": "measured value is 0: achievement (target / value) cannot be computed",
        "no_target": "no target for period {period}",
        "out_of_scale": "achievement {value} is below the rating scale",
        "kategori_out_of_scale": "measured value {value} is below the category scale",
    },
}


def message(lang: str, key: str, **fields: object) -> str:
    """A result message in `lang` (falls back to Indonesian)."""
    table = MESSAGES.get(lang, MESSAGES["id"])
    return table[key].format(**fields)


# Every label the report templates print, one table per language (same keys in each).
LABELS: dict[str, dict[str, str]] = {
    "id": {
        "judul_laporan": "Laporan Capaian Indikator Kinerja Individu",
        "judul_dokumen": "Indikator Kinerja Individu",
        "periode": "Periode",
        "ringkasan": "Ringkasan",
        "jumlah": "Jumlah",
        "jumlah_indikator": "Jumlah indikator",
        "status": "Status",
        "status_lengkap": "Lengkap",
        "status_parsial": "Parsial",
        "status_tanpa_data": "Tanpa data",
        "status_galat": "Galat",
        "predikat": "Predikat",
        "kategori": "Kategori",
        "predikat_kategori": "Predikat / Kategori",
        "tanpa_predikat": "Tanpa predikat (capaian tidak dihitung)",
        "tercapai": "Capaian ≥ 100",
        "tercapai_kalimat": "{tercapai} dari {dihitung} indikator yang capaiannya dihitung "
                            "mencapai atau melampaui target (capaian ≥ 100)",
        "grafik": "Capaian per indikator",
        "grafik_keterangan": "Batang: capaian (%) tiap indikator, diwarnai menurut predikat; "
                             "garis putus-putus: 100.",
        "tanpa_capaian": "tanpa capaian",
        "jabatan": "Jabatan",
        "atasan": "Atasan",
        "tugas": "Tugas",
        "fungsi": "Fungsi",
        "sasaran": "Sasaran",
        "kolom_sasaran": "Sasaran/Kinerja Utama",
        "kolom_indikator": "Indikator Kinerja Utama",
        "kolom_formula": "Penjelasan/Formula Penghitungan",
        "sumber_data": "Sumber Data",
        "no": "No",
        "indikator": "Indikator",
        "rumus": "Rumus",
        "target": "Target",
        "realisasi": "Realisasi",
        "capaian": "Capaian (%)",
        "satuan": "Satuan",
        "polaritas_positif": "polaritas positif (makin besar makin baik)",
        "polaritas_negatif": "polaritas negatif (makin kecil makin baik)",
        "masukan": "Data yang dipakai",
        "belum_ada": "belum ada",
        "belum_ada_nilai": "belum ada nilai",
        "keterangan": "Keterangan",
        "tanpa_target": "tidak ada target untuk periode ini",
        "kategori_skala": "{label}: ≥ {batas}",
        "daftar_isi": "Daftar jabatan",
    },
    "en": {
        "judul_laporan": "Individual Performance Indicator Report",
        "judul_dokumen": "Individual Performance Indicators",
        "periode": "Period",
        "ringkasan": "Summary",
        "jumlah": "Count",
        "jumlah_indikator": "Indicators",
        "status": "Status",
        "status_lengkap": "Complete",
        "status_parsial": "Partial",
        "status_tanpa_data": "No data",
        "status_galat": "Error",
        "predikat": "Rating",
        "kategori": "Category",
        "predikat_kategori": "Rating / Category",
        "tanpa_predikat": "No rating (achievement not computed)",
        "tercapai": "Achievement ≥ 100",
        "tercapai_kalimat": "{tercapai} of {dihitung} indicators with a computed achievement "
                            "met or exceeded the target (achievement ≥ 100)",
        "grafik": "Achievement per indicator",
        "grafik_keterangan": "Bars: achievement (%) of each indicator, coloured by rating; "
                             "dashed line: 100.",
        "tanpa_capaian": "no achievement",
        "jabatan": "Position",
        "atasan": "Superior",
        "tugas": "Tasks",
        "fungsi": "Functions",
        "sasaran": "Objective",
        "kolom_sasaran": "Objective",
        "kolom_indikator": "Key performance indicator",
        "kolom_formula": "Explanation / formula",
        "sumber_data": "Data source",
        "no": "No",
        "indikator": "Indicator",
        "rumus": "Formula",
        "target": "Target",
        "realisasi": "Value",
        "capaian": "Achievement (%)",
        "satuan": "Unit",
        "polaritas_positif": "positive polarity (higher is better)",
        "polaritas_negatif": "negative polarity (lower is better)",
        "masukan": "Inputs used",
        "belum_ada": "missing",
        "belum_ada_nilai": "no value",
        "keterangan": "Notes",
        "tanpa_target": "no target for this period",
        "kategori_skala": "{label}: ≥ {batas}",
        "daftar_isi": "Positions",
    },
}


def labels(lang: str) -> dict[str, str]:
    """The report labels of `lang` (falls back to Indonesian)."""
    return LABELS.get(lang, LABELS["id"])
