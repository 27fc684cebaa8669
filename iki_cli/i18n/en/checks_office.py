"""Messages of the office rules (`urutan`, `penandatangan`), English."""

MESSAGES: dict[str, str] = {
    "checks.urutan-duplicate": "`urutan: {number}` is already the place of position `{other}` ({where}); every position needs its own number, e.g. `urutan: {free}`, which no position uses",
    "checks.penandatangan-unknown": "`penandatangan.jabatan` names unknown position `{position}`{hint}",
}
