"""Messages of the office rules (`urutan`, `penandatangan`), Indonesian."""

MESSAGES: dict[str, str] = {
    "checks.urutan-duplicate": "`urutan: {number}` sudah dipakai jabatan `{other}` ({where}); setiap jabatan memerlukan nomor sendiri, misalnya `urutan: {free}` yang belum dipakai",
    "checks.penandatangan-unknown": "`penandatangan.jabatan` menyebut jabatan `{position}` yang tidak ada{hint}",
}
