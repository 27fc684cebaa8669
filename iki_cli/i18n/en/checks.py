"""Messages of the plausibility checks of `iki validate` (English)."""

MESSAGES: dict[str, str] = {
    "checks.did-you-mean": "; did you mean `{name}`?",
    "checks.rentang-empty": "`rentang` of `{var}` names neither `min` nor `max`: give at least one, or remove it",
    "checks.rentang-reversed": "`rentang` of `{var}`: `min` {min} is greater than `max` {max}",
    "checks.aturan-id-bad": "rule id `{id}` must be kebab-case (lowercase letters, digits and `-`, at most 64 characters)",
    "checks.aturan-id-twice": "rule `{id}` is already defined on line {line}",
    "checks.syarat-syntax": "syarat: {message}",
    "checks.syarat-unknown": "syarat: unknown variable `{name}`{hint}",
}
