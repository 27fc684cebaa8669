"""Which results a report asks the office to act on (SPEC §6), decided once for the
reports and the terminal summary. Light on purpose: no Jinja."""

from __future__ import annotations

from ..evaluation.results import Result
from ..numbers import round_half_up

# A result message whose code starts with this is a broken plausibility rule (`aturan`).
ATURAN_CODE_PREFIX = "aturan"


def reached(capaian: float | None) -> bool:
    """At or above target as the report prints it (capaian rounded to 2 decimals ≥ 100)."""
    return capaian is not None and round_half_up(capaian, 2) >= 100


def rated_to_date(r: Result) -> bool:
    """Whether the report rates `r` by its figures to date: a quarter or month without a
    target of its own, whose capaian to date against the year's target is known (SPEC §7)."""
    return (r.capaian is None and r.target is None and r.sd_periode is not None
            and r.sd_periode.capaian is not None)


def shown_rating(r: Result) -> tuple[float | None, str | None]:
    """(capaian, predikat) the report rates `r` by: its own, else those to date."""
    if rated_to_date(r):
        assert r.sd_periode is not None
        return r.sd_periode.capaian, r.sd_periode.predikat
    return r.capaian, r.predikat


def needs_attention(r: Result) -> bool:
    """On the *perlu perhatian* list: not `lengkap`, no capaian (its own, or to date where
    the period has no target of its own), capaian below 100, or a broken `aturan`."""
    capaian = shown_rating(r)[0]
    return (r.status != "lengkap" or capaian is None or not reached(capaian)
            or any(p.kode.startswith(ATURAN_CODE_PREFIX) for p in r.pesan))
