"""Pesan pemeriksaan kewajaran `iki validate` (Indonesian)."""

MESSAGES: dict[str, str] = {
    "checks.did-you-mean": "; mungkin maksudnya `{name}`?",
    "checks.rentang-empty": "`rentang` dari `{var}` tidak menyebut `min` maupun `max`: isi salah satunya, atau hapus",
    "checks.rentang-reversed": "`rentang` dari `{var}`: `min` {min} lebih besar dari `max` {max}",
    "checks.aturan-id-bad": "id aturan `{id}` harus berformat kebab-case (huruf kecil, angka dan `-`, paling panjang 64 karakter)",
    "checks.aturan-id-twice": "aturan `{id}` sudah didefinisikan di baris {line}",
    "checks.syarat-syntax": "syarat: {message}",
    "checks.syarat-unknown": "syarat: variabel `{name}` tidak dikenal{hint}",
}
