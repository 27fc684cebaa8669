"""Texts that name quantities: when two name the same one, and when a fraction looks inverted.

Shared by the importer (one variable per distinct quantity of a Word document)
and the checks (a formula whose denominator reads as a part of its numerator).
"""

from __future__ import annotations

import re
import unicodedata

# Abbreviations written for the same word; only used to tell whether two texts are the
# same quantity, never in what is written.
SAME_WORD = {"jml": "jumlah", "jmlh": "jumlah", "yg": "yang", "dgn": "dengan", "dg": "dengan",
             "tdk": "tidak", "thn": "tahun", "kab": "kabupaten"}


def identity(text: str) -> str:
    """The key under which two texts are the same quantity (spaces, case, Jml/Jumlah)."""
    words = re.findall(r"\w+|[^\w\s]", unicodedata.normalize("NFKC", text).casefold())
    words = [SAME_WORD.get(w, w) for w in words]
    # `Jml.` and `Jumlah` are one word: drop a full stop that only ended an abbreviation.
    out: list[str] = []
    for w in words:
        if w == "." and out and out[-1] in SAME_WORD.values():
            continue
        out.append(w)
    while out and out[-1] in (".", ",", ";", ":"):
        out.pop()
    return " ".join(out)


def looks_inverted(numerator: str, denominator: str) -> bool:
    """True when the denominator's text is the numerator's text plus a qualifier.

    "Jumlah pengaduan / Jumlah pengaduan yang terselesaikan": the part is below the
    whole, the usual sign of a fraction written upside down.
    """
    num, den = identity(numerator), identity(denominator)
    return bool(num) and den.startswith(num + " ")
