"""The colours of a rating scale, from the lowest label to the highest (reports and terminal)."""

from __future__ import annotations

# From the lowest rating to the highest; a scale of any length picks along it.
PALETTE = ("#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32")
NO_RATING = "#9e9e9e"


def rating_colour(label: str | None, scale: list[str]) -> str:
    """The colour of a predikat by its rank in the scale; grey when there is none."""
    if not label or label not in scale:
        return NO_RATING
    if len(scale) == 1:
        return PALETTE[-1]
    rank = scale.index(label) / (len(scale) - 1)
    return PALETTE[round(rank * (len(PALETTE) - 1))]
