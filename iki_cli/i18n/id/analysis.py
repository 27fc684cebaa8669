"""Messages of reading the analysis file (`--analisis`, Indonesian)."""

MESSAGES: dict[str, str] = {
    "values.analysis-unknown-column": "kolom `{name}` tidak dikenal{hint}; kolomnya adalah {columns}",
    "values.analysis-column-twice": "kolom `{name}` muncul dua kali",
    "values.analysis-missing-columns": "kolom {missing} tidak ada: baris judul harus memuat `periode`, `indikator` dan sekurang-kurangnya satu dari {columns}",
    "values.analysis-indikator-empty": "`indikator` kosong; tulis ID-JABATAN/ID-INDIKATOR",
    "values.analysis-indikator-without-position": "`indikator` `{text}` tanpa jabatannya; tulis `{indikator}`",
    "values.analysis-unknown-indikator": "indikator `{text}` tidak dikenal{hint}; tulis ID-JABATAN/ID-INDIKATOR seperti pada `iki list`",
    "values.analysis-repeated": "analisis `{indikator}` untuk {period} juga ada di {place} (teksnya sama)",
    "values.analysis-conflict": "analisis `{indikator}` untuk {period} juga ada di {place} dengan teks lain; sisakan satu",
    "values.analysis-missing-file": "berkas analisis `{file}` tidak ada",
    "values.analysis-cannot-read": "berkas `{file}` tidak dapat dibaca: {reason}",
    "values.analysis-not-text": "berkas bukan teks UTF-8 maupun Windows-1252; simpan sebagai CSV UTF-8",
    "values.analysis-empty": "berkas kosong; perlu baris judul `periode;indikator;faktor_pendukung;faktor_penghambat;tindak_lanjut`",
    "values.analysis-bad-rows": "{count} baris analisis salah; tidak ada yang dihitung",
    "values.analysis-unexplained": "{count} indikator di bawah target tanpa `faktor_penghambat` dalam analisis: {indicators}",
    "cli.analysis-values-need-analisis": "-v/--values untuk tabel analisis: tambahkan --analisis",
    "cli.analysis-not-per-sumber": "--analisis menulis satu tabel untuk seluruh kantor; hilangkan --per-sumber",
    "cli.analysis-workbook-xlsx": "`{path}` tidak dapat ditulis: tabel analisis ditulis sebagai .xlsx (atau berikan berkas .csv)",
}
