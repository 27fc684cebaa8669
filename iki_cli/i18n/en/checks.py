"""Messages of the checks of `iki validate` (English)."""

MESSAGES: dict[str, str] = {
    "checks.renstra-years": "`renstra.akhir` ({akhir}) is before `renstra.awal` ({awal}); the plan's last year cannot precede its first",
    "checks.kondisi-awal-year": "`kondisi_awal` year {tahun} is outside the Renstra {awal}–{akhir}; give a year from {nol} (the year before the plan) to {akhir}",
}
