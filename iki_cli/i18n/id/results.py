"""Messages of results (`pesan`): one per stable code (Indonesian)."""

MESSAGES: dict[str, str] = {
    "pesan.missing-parts": "{var}: {parts} belum ada",
    "pesan.no-value": "{var}: belum ada nilai untuk {period}",
    "pesan.division-by-zero": "pembagian dengan nol: {expr} bernilai 0",
    "pesan.not-finite": "hasil perhitungan bukan bilangan terhingga",
    "pesan.target-zero": "target 0: capaian tidak dapat dihitung",
    "pesan.realisasi-zero": "realisasi 0: capaian (target / realisasi) tidak dapat dihitung",
    "pesan.no-target": "tidak ada target untuk periode {period}",
    "pesan.below-scale": "capaian {value} di bawah skala predikat",
    "pesan.kategori-below-scale": "realisasi {value} di bawah skala kategori",
    "pesan.aturan": "{teks} (aturan `{aturan}`: {syarat} tidak terpenuhi, {left} terhadap {right})",
    "pesan.aturan-galat": "{teks} (aturan `{aturan}`: {syarat} tidak dapat dihitung, ada pembagian dengan nol)",
    "pesan.value-too-large": "{var}: nilai gabungannya terlalu besar untuk sebuah angka; periksa nilainya",
    "pesan.target-negative": "target bernilai negatif: capaian tidak dihitung",
    "pesan.capaian-too-large": "capaian (realisasi terhadap target) terlalu besar untuk sebuah angka; periksa nilai dan targetnya",
}
