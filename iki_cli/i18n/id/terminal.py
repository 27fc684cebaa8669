"""What `compute`, `template`, `doc`, `list`, `show` and `tree` print themselves: summaries,
the files written (Indonesian)."""

MESSAGES: dict[str, str] = {
    "cli.wrote": "ditulis: {path}",
    "cli.bad-date": "--tanggal `{value}` bukan tanggal; tulis tahun-bulan-hari, misalnya `--tanggal 2027-01-15`",
    "cli.output-not-folder": "`{path}` sudah ada dan bukan folder; berikan folder untuk -o/--output",
    "cli.per-sumber-needs-folder": "--per-sumber menulis satu buku kerja per sumber data: berikan foldernya dengan -o, misalnya `-o {example}`",
    "cli.per-sumber-not-file": "dengan --per-sumber, -o menyebut folder, bukan berkas `{path}`",
    "cli.template-workbook-xlsx": "tidak dapat menulis `{path}`: templat buku kerja ditulis sebagai .xlsx (atau berikan berkas .csv)",
    "cli.no-position": "tidak ada jabatan `{position}`{hint}",
    "cli.summary-counts": "{indikator} indikator: {counts}",
    "cli.summary-headline": "{tercapai} dari {indikator} indikator mencapai target; {di_bawah} di bawah target, {tanpa_capaian} tanpa capaian",
    "cli.summary-attention": "Perlu perhatian: {jumlah} indikator (daftarnya di halaman depan laporan)",
    "cli.summary-capaian": "Capaian",
    "cli.summary-status-predikat": "Status / predikat",
    "cli.list-title": "{count} jabatan",
    "cli.show-supports": "mendukung {target}",
    "cli.definitions-at": "definisi pada revisi {revision}",
    "cli.summary-to-date": "* {periode}: capaian terhadap target tahun {tahun}; periode ini tidak punya target sendiri",
}
