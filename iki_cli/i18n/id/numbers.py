"""Pesan tentang angka dalam berkas nilai (Indonesian)."""

MESSAGES: dict[str, str] = {
    "numbers.notation-id": "notasi Indonesia (koma desimal, `.` pemisah ribuan, mis. `1.234,5`)",
    "numbers.notation-en": "notasi Inggris (titik desimal, `,` pemisah ribuan, mis. `1,234.5`)",
    "numbers.short-id": "notasi Indonesia",
    "numbers.short-en": "notasi Inggris",
    "numbers.empty": "nilai kosong",
    "numbers.too-large": "`{text}` terlalu besar",
    "numbers.excel-error": "nilai galat Excel `{text}`: perbaiki rumusnya di buku kerja atau kosongkan selnya",
    "numbers.logical": "`{text}` adalah nilai logika, bukan angka; ketik angkanya (1 atau 0 untuk ya/tidak)",
    "numbers.non-ascii-digit": "`{text}` memuat digit `{digit}` ({code}) yang bukan salah satu dari 0–9: ketik angkanya dengan digit 0–9",
    "numbers.other-notation": "`{text}` bukan angka dalam {notation}; angka ini terbaca dalam {other}: tulis sebagai `{written}` atau gunakan --angka {angka}",
    "numbers.percent": "`{text}` bukan angka dalam {notation}; tulis angkanya tanpa `%`",
    "numbers.bad-grouping": "`{text}` memuat spasi yang tidak memisahkan ribuan per tiga digit (seperti `12 500`): hapus spasinya atau kelompokkan digit per tiga",
    "numbers.not-a-number": "`{text}` bukan angka dalam {notation}",
    "numbers.percent-any": "`{text}` bukan angka; tulis angkanya tanpa `%`",
    "numbers.not-a-number-any": "`{text}` bukan angka",
    "numbers.nul": "sel ini memuat karakter NUL (bita 0), yang tidak pernah ditulis lembar kerja dalam teks: berkas rusak atau bukan berkas CSV; simpan ulang sebagai CSV",
}
