"""Messages of the checks of `iki validate` (English)."""

MESSAGES: dict[str, str] = {
    "checks.did-you-mean": "; did you mean `{name}`?",
    "checks.rentang-empty": "`rentang` of `{var}` names neither `min` nor `max`: give at least one, or remove it",
    "checks.rentang-reversed": "`rentang` of `{var}`: `min` {min} is greater than `max` {max}",
    "checks.aturan-id-bad": "rule id `{id}` must be kebab-case (lowercase letters, digits and `-`, at most 64 characters)",
    "checks.aturan-id-twice": "rule `{id}` is already defined on line {line}",
    "checks.syarat-syntax": "syarat: {message}",
    "checks.syarat-unknown": "syarat: unknown variable `{name}`{hint}",
    "checks.renstra-years": "`renstra.akhir` ({akhir}) is before `renstra.awal` ({awal}); the plan's last year cannot precede its first",
    "checks.kondisi-awal-year": "`kondisi_awal` year {tahun} is outside the Renstra {awal}–{akhir}; give a year from {nol} (the year before the plan) to {akhir}",
}
