"""Messages of reading the analysis file (`--analisis`, English)."""

MESSAGES: dict[str, str] = {
    "values.analysis-unknown-column": "unknown column `{name}`{hint}; the columns are {columns}",
    "values.analysis-column-twice": "column `{name}` appears twice",
    "values.analysis-missing-columns": "missing column(s) {missing}: the header must name `periode`, `indikator` and at least one of {columns}",
    "values.analysis-indikator-empty": "`indikator` is empty; write POSITION-ID/INDICATOR-ID",
    "values.analysis-indikator-without-position": "`indikator` `{text}` lacks its position; write `{indikator}`",
    "values.analysis-unknown-indikator": "unknown indicator `{text}`{hint}; write POSITION-ID/INDICATOR-ID as in `iki list`",
    "values.analysis-repeated": "the analysis of `{indikator}` for {period} is also on {place} (the same text)",
    "values.analysis-conflict": "the analysis of `{indikator}` for {period} is also on {place}, with other text; keep one",
    "values.analysis-missing-file": "analysis file `{file}` does not exist",
    "values.analysis-cannot-read": "cannot read `{file}`: {reason}",
    "values.analysis-not-text": "file is neither UTF-8 nor Windows-1252 text; save it as CSV UTF-8",
    "values.analysis-empty": "file is empty; it needs a header row `periode;indikator;faktor_pendukung;faktor_penghambat;tindak_lanjut`",
    "values.analysis-bad-rows": "{count} bad analysis row(s); nothing was computed",
    "values.analysis-unexplained": "{count} indicator(s) below target without `faktor_penghambat` in the analysis: {indicators}",
    "cli.analysis-values-need-analisis": "-v/--values is for the analysis table: add --analisis",
    "cli.analysis-not-per-sumber": "--analisis writes one table for the whole office; leave out --per-sumber",
    "cli.analysis-workbook-xlsx": "cannot write `{path}`: the analysis table is written as .xlsx (or give a .csv file)",
}
