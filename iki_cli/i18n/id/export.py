"""Messages of writing output files (Indonesian)."""

MESSAGES: dict[str, str] = {
    "export.cannot-write": "berkas keluaran tidak dapat ditulis: {reason}",
    "export.cannot-write-folder": "tidak dapat menulis ke `{folder}`: {reason}",
    "export.cannot-write-file": "`{path}` tidak dapat ditulis: {reason}",
    "export.dangling-link": "`{path}` adalah tautan simbolik ke `{target}`, yang tidak ada; hapus tautan itu atau buat berkas yang ditujunya",
    "export.bad-link": "tautan simbolik `{path}` tidak dapat diikuti: {reason}",
    "export.is-folder": "`{path}` adalah folder; berikan nama sebuah berkas",
    "export.special-file": "`{path}` adalah {kind}, bukan berkas biasa; iki hanya menulis keluarannya ke berkas biasa",
    "export.kind-fifo": "pipa bernama (FIFO)",
    "export.kind-device": "perangkat (device)",
    "export.kind-socket": "soket",
    "export.kind-other": "berkas khusus",
    "export.name-too-long": "nama `{name}` panjangnya {size} bita; nama berkas paling panjang {limit} bita",
    "export.same-file": "`{first}` dan `{second}` adalah berkas yang sama (`{target}`); satu keluaran akan menimpa yang lain",
}
