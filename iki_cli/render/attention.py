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


def needs_attention(r: Result) -> bool:
    """On the *perlu perhatian* list: not `lengkap`, no capaian, capaian below 100, or a
    broken `aturan`."""
    return (r.status != "lengkap" or r.capaian is None or not reached(r.capaian)
            or any(p.kode.startswith(ATURAN_CODE_PREFIX) for p in r.pesan))
