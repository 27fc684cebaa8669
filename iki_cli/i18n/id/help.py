"""The help of every command and option in Indonesian (`iki … --help`).

The English help is written where each command and option is declared; this
table gives the same in Indonesian, keyed `command` for a command's text and
`command.parameter` for an option or argument (`*.parameter` for every command
that has it, `iki` for the program itself). A test checks that every command and
option has its text here, and that nothing here is left over.
"""

HELP: dict[str, str] = {
    "iki": "Indikator Kinerja Individu sebagai kode: periksa, hitung, laporkan.",
    "iki.version": "Tampilkan versi lalu keluar.",
    "*.help": "Tampilkan bantuan ini lalu keluar.",
    "*.definitions": "Folder definisi (organisasi.yaml, variabel.yaml, jabatan/).",
    "*.lang": "Bahasa semua yang dicetak dan ditulis perintah: id (bawaan) atau en.",
    "*.periode": "Periode: 2026, 2026-S1, 2026-TW1 (atau 2026-Q1), 2026-01.",
    "*.angka": "Notasi angka nilai: id (1.234,5), en (1,234.5) atau auto (id untuk berkas "
               "berpemisah ; dan untuk sel teks buku kerja, en selain itu).",
    "*.delimiter": "Pemisah CSV: ',', ';' atau 'tab' (bawaan: dikenali dari baris judul).",
    "*.templates": "Folder templat Jinja Anda sendiri, dicoba sebelum templat bawaan.",
    "import": "Ubah dokumen IKI Word sebuah kantor menjadi draf folder definisi untuk "
              "ditinjau.",
    "import.document": "Dokumen IKI kantor (.docx).",
    "import.output": "Folder untuk draf definisi (baru atau kosong).",
    "validate": "Periksa setiap berkas definisi, rumusnya, dan contoh perhitungannya.",
    "validate.format": "Keluaran: text, json atau github (anotasi workflow).",
    "validate.strict": "Keluar dengan kode 1 juga bila ada peringatan.",
    "list": "Daftar jabatan dengan sasaran dan indikatornya.",
    "list.format": "text atau json.",
    "show": "Tampilkan satu jabatan: tugas, fungsi, sasaran, dan indikator.",
    "show.position": "Id jabatan, misalnya kepala-dinas.",
    "tree": "Tampilkan jabatan sebagai pohon menurut `atasan`, dengan tautan cascading "
            "setiap sasaran.",
    "schema": "Tulis JSON Schema (draft-07) ketiga jenis berkas definisi.",
    "schema.output": "Folder tempat berkas .schema.json ditulis; tanpa opsi ini skema "
                     "dicetak sebagai satu objek JSON.",
    "compute": "Hitung setiap indikator untuk satu periode dari nilai terukur dan tulis "
               "laporannya.",
    "compute.files": "Berkas nilai sesudah opsi: berkas CSV, .xlsx, .xlsm, .ods atau .xls, "
                     "folder (setiap berkas nilai langsung di dalamnya, urut nama) atau pola "
                     "glob berkutip ('kirim/*.xlsx').",
    "compute.values": "Berkas nilai, folder atau pola glob, seperti argumen; ulangi untuk "
                      "beberapa.",
    "compute.output": "Folder untuk laporan.",
    "compute.formats": "Format dipisah koma: md, html, json, csv, xlsx.",
    "compute.sheet": "Lembar kerja yang dibaca dari buku kerja (bawaan: yang pertama).",
    "compute.rev": "Hitung dengan definisi pada revisi git ini (misalnya tag Perjanjian "
                   "Kinerja yang disahkan, pk-2026), bukan isi folder kerja.",
    "compute.tanggal": "Tanggal penandatanganan, ditulis pada baris tanggal tanda tangan; "
                       "tanpa opsi ini baris itu dibiarkan kosong untuk diisi tangan.",
    "compute.analisis": "Analisis kantor atas periode ini (CSV atau buku kerja): faktor "
                        "pendukung, faktor penghambat, dan tindak lanjut per indikator.",
    "compute.strict": "Keluar dengan kode 1 bila ada peringatan nilai atau ada hasil yang "
                      "tidak `lengkap`; dengan --analisis juga bila indikator di bawah "
                      "target tidak punya faktor_penghambat.",
    "template": "Tulis templat nilai untuk satu periode: satu baris kosong per variabel "
                "yang dipakai.",
    "template.output": "Berkas yang ditulis (.csv, atau .xlsx untuk buku kerja); tanpa opsi "
                       "ini CSV dicetak. Dengan --per-sumber: folder untuk buku kerja.",
    "template.per_sumber": "Tulis satu buku kerja .xlsx per sumber_data ke folder -o, "
                           "sehingga setiap sumber data hanya mendapat barisnya sendiri "
                           "(tanpa sumber_data: lainnya.xlsx).",
    "template.analisis": "Tulis tabel analisis sebagai gantinya: satu baris per indikator "
                         "untuk faktor_pendukung, faktor_penghambat, dan tindak_lanjut.",
    "template.values": "Dengan --analisis: berkas nilai (folder, pola glob) yang realisasi "
                       "dan capaiannya diisikan di samping setiap indikator.",
    "diff": "Tampilkan apa yang berubah pada definisi di antara dua revisi git, per id dan "
            "isian; dengan -p dan -v, juga apa akibat perubahan itu pada angka (pratinjau "
            "dampak).",
    "diff.base": "Revisi git asal pembandingan: branch, tag atau commit.",
    "diff.head": "Revisi git tujuan pembandingan; tanpa argumen ini, folder kerja.",
    "diff.format": "Keluaran: text, md (untuk ditempel di tinjauan) atau json.",
    "diff.fail_on": "`breaking`: keluar dengan kode 1 bila ada perubahan breaking; "
                    "`predikat`: keluar dengan kode 1 bila ada predikat yang berubah "
                    "(dengan -p); keduanya: `breaking,predikat` (gerbang CI).",
    "diff.periode": "Pratinjau dampak: hitung kedua sisi untuk periode ini dengan nilai dari "
                    "-v, dan daftar setiap indikator yang angkanya berubah.",
    "diff.values": "Berkas nilai (CSV atau buku kerja) untuk pratinjau dampak; ulangi untuk "
                   "beberapa berkas.",
    "doc": "Tulis dokumen IKI itu sendiri: per jabatan tugas, fungsi, sasaran, indikator "
           "dengan rumus yang dituliskan dan sumber datanya. Menulis "
           "DIR/iki-dokumen.<ext>.",
    "doc.output": "Folder untuk dokumen.",
    "doc.formats": "Format dipisah koma: md, html, docx (Word).",
}
