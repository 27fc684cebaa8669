"""What `compute`, `template`, `doc`, `list`, `show` and `tree` print themselves: summaries,
the files written (English)."""

MESSAGES: dict[str, str] = {
    "cli.wrote": "wrote {path}",
    "cli.bad-date": "--tanggal `{value}` is not a date; write year-month-day, e.g. `--tanggal 2027-01-15`",
    "cli.output-not-folder": "output `{path}` exists and is not a folder; give a folder with -o/--output",
    "cli.per-sumber-needs-folder": "--per-sumber writes one workbook per data source: give the folder with -o, e.g. `-o {example}`",
    "cli.per-sumber-not-file": "with --per-sumber, -o names a folder, not the file `{path}`",
    "cli.template-workbook-xlsx": "cannot write `{path}`: the workbook template is written as .xlsx (or give a .csv file)",
    "cli.no-position": "no position `{position}`{hint}",
    "cli.summary-counts": "{indikator} indicators: {counts}",
    "cli.summary-headline": "{tercapai} of {indikator} indicators met their target; {di_bawah} below target, {tanpa_capaian} without an achievement",
    "cli.summary-attention": "Needs attention: {jumlah} indicators (listed on the report's front page)",
    "cli.summary-capaian": "Achieved",
    "cli.summary-status-predikat": "Status / rating",
    "cli.list-title": "{count} positions",
    "cli.show-supports": "supports {target}",
    "cli.definitions-at": "definitions at {revision}",
    "cli.summary-to-date": "* {periode}: achievement against the target of {tahun}; the period has no target of its own",
}
