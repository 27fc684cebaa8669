"""What the importer guesses from words alone: a variable's agregasi, the office's name.

Each guess returns the words it was made from, so the draft can say so in its
`# periksa:` comment; what the words do not tell is left empty for a person.
"""

from __future__ import annotations

import re

# Stocks: counted at a moment, so a longer period takes the latest value.
_STOCK = ("yang ada", "yg ada", "penduduk", "terdaftar", "tersedia", "yang aktif", "yg aktif",
          "yang menduduki", "yg menduduki", "yang dimiliki", "yg dimiliki")
# Things done or happening within the period: a longer period sums them.
_FLOW_WORDS = ("masuk", "keluar", "selesai", "kunjungan", "kelahiran", "kematian", "pengaduan",
               "tepat waktu")
# Participles after "yang" that describe a state rather than something done in the period.
_STATE = frozenset({"terdaftar", "tersedia", "terdapat", "terakhir", "tertentu", "terkait",
                    "termasuk", "tertinggi", "terendah", "terbesar", "terkecil", "terbaru",
                    "digunakan", "dimiliki", "dikelola", "diperlukan", "dibutuhkan",
                    "terakreditasi", "tersertifikasi", "terdidik", "terlatih"})
_AFTER_YANG = re.compile(r"\b(?:yang|yg)\s+((?:di|ter)[a-z]{3,})\b")


def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b")


_STOCK_RE = _words_re(_STOCK)
_FLOW_RE = _words_re(_FLOW_WORDS)


def guess_agregasi(text: str) -> tuple[str, str, str] | None:
    """(agregasi, message key, the words) guessed from a variable's text, or None."""
    lowered = " ".join(text.lower().split())
    stock = _STOCK_RE.search(lowered)
    if stock:
        return "terakhir", "d_agregasi_stock", stock.group(1)
    if lowered.endswith(" ada"):
        return "terakhir", "d_agregasi_stock", "ada"
    for m in _AFTER_YANG.finditer(lowered):
        if m.group(1) not in _STATE:
            return "jumlah", "d_agregasi_flow", m.group(0)
    flow = _FLOW_RE.search(lowered)
    if flow:
        return "jumlah", "d_agregasi_flow", flow.group(1)
    return None


_PEMDA = re.compile(r"\b(?:pemerintah\s+)?((?:kabupaten|kota|provinsi|kab\.)\s+\S.*)$",
                    re.IGNORECASE)
_OFFICE = re.compile(r"^(?:dinas|badan|kantor|sekretariat|inspektorat|satuan|puskesmas|rumah "
                     r"sakit|rsud|kecamatan|kelurahan|upt|uptd|bagian|lembaga|balai|biro)\b",
                     re.IGNORECASE)


def find_organisation(lines: list[str]) -> tuple[tuple[str, str] | None,
                                                 tuple[str, str] | None]:
    """The office's name and its local government, each as (value, the line it came
    from), from the lines before the first position: "Dinas …", "Kabupaten …"."""
    nama: tuple[str, str] | None = None
    pemda: tuple[str, str] | None = None
    for raw in lines[:40]:
        line = " ".join(raw.split()).strip(" ,;")
        if not line or len(line) > 200:
            continue
        found = _PEMDA.search(line)
        if found and pemda is None:
            pemda = (found.group(1).strip(), line)
        office = line[:found.start()].strip(" ,;-") if found else line
        if nama is None and office and _OFFICE.match(office):
            nama = (office, line)
    return nama, pemda
