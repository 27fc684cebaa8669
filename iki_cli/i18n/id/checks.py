"""Messages of the checks of `iki validate` (Indonesian)."""

MESSAGES: dict[str, str] = {
    "checks.renstra-years": "`renstra.akhir` ({akhir}) lebih awal dari `renstra.awal` ({awal}); tahun akhir Renstra tidak boleh mendahului tahun awalnya",
    "checks.kondisi-awal-year": "tahun `kondisi_awal` {tahun} di luar Renstra {awal}–{akhir}; tulis tahun {nol} (tahun sebelum Renstra) sampai {akhir}",
}
