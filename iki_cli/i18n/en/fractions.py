"""Messages of the check of upside-down fractions (English)."""

MESSAGES: dict[str, str] = {
    "checks.inverted-fraction": "the denominator `{bottom}` (\u201c{bottom_text}\u201d) is a part of the numerator `{top}`: the fraction looks upside down; usually `{bottom} / {top}` is meant",
}
