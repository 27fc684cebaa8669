"""Every word the importer shows a user, in Indonesian (the default) and English.

The `# periksa:` comments written into a draft use the Indonesian text of the
same keys, so the file and the summary of `iki import` say the same thing.
"""

from __future__ import annotations

LANGS = ("id", "en")

_CONVERT_ID = ("buka dokumen di Word atau LibreOffice dan simpan sebagai .docx "
               "(File > Save As > Word Document), atau jalankan "
               "`soffice --headless --convert-to docx {name}`")
_CONVERT_EN = ("open it in Word or LibreOffice and save it as .docx "
               "(File > Save As > Word Document), or run "
               "`soffice --headless --convert-to docx {name}`")
_EXPECTED_ID = ("diharapkan dokumen IKI: blok berjudul \"INDIKATOR KINERJA INDIVIDU\" dengan "
                "baris \"Jabatan :\", \"Tugas :\" (dan \"Fungsi :\") serta tabel SASARAN | "
                "INDIKATOR | PENJELASAN/FORMULA PENGHITUNGAN | SUMBER DATA")
_EXPECTED_EN = ("expected an IKI document: blocks headed \"INDIKATOR KINERJA INDIVIDU\" with "
                "the lines \"Jabatan :\", \"Tugas :\" (and \"Fungsi :\") and a table SASARAN | "
                "INDIKATOR | PENJELASAN/FORMULA PENGHITUNGAN | SUMBER DATA")

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        # --- refusing the input ---
        "file_missing": "berkas `{path}` tidak ada",
        "not_a_file": "`{path}` bukan berkas; berikan dokumen .docx",
        "unreadable": "berkas `{path}` tidak dapat dibaca: {reason}",
        "empty_file": "berkas `{path}` kosong; " + _EXPECTED_ID,
        "ole_doc": ("`{path}` adalah dokumen Word 97-2003 (.doc) atau dokumen Word yang "
                    "dilindungi kata sandi, bukan .docx; hapus kata sandinya bila ada, lalu "
                    + _CONVERT_ID),
        "pdf": ("`{path}` adalah PDF, bukan .docx; PDF tidak menyimpan tabel dan rumus secara "
                "utuh: pakai dokumen Word aslinya, atau buka PDF di Microsoft Word (Word "
                "mengubahnya menjadi dokumen yang dapat disunting), periksa tabelnya, lalu simpan "
                "sebagai .docx; LibreOffice membuka PDF sebagai kotak-kotak teks yang tidak "
                "dapat dibaca sebagai tabel"),
        "rtf": "`{path}` adalah dokumen RTF, bukan .docx; " + _CONVERT_ID,
        "odt": "`{path}` adalah dokumen OpenDocument (.odt), bukan .docx; " + _CONVERT_ID,
        "other_zip": ("`{path}` adalah berkas ZIP tetapi bukan dokumen Word (.docx){what}; "
                      + _EXPECTED_ID),
        "not_zip": ("`{path}` bukan dokumen .docx (isinya bukan paket Office Open XML); "
                    "bila dokumen ini dibuka di Word atau LibreOffice, " + _CONVERT_ID),
        "corrupt": "`{path}` rusak atau bukan dokumen Word yang sah ({reason}); " + _CONVERT_ID,
        "macro_doc": ("`{path}` adalah dokumen Word ber-makro (.docm); simpan sebagai "
                      "dokumen Word biasa (.docx) tanpa makro"),
        "too_many_members": ("`{path}` ditolak: paket berisi {count} berkas, batasnya {limit}; "
                             "dokumen Word biasa berisi puluhan"),
        "too_large": ("`{path}` ditolak: isinya bila dibuka {size} MB, batasnya {limit} MB "
                      "(kemungkinan bom ZIP); kecilkan dokumen, misalnya hapus gambar"),
        "part_too_large": ("`{path}` ditolak: bagian `{part}` bila dibuka {size} MB, batasnya "
                           "{limit} MB"),
        "ratio": ("`{path}` ditolak: bagian `{part}` dimampatkan {ratio}:1, jauh di atas "
                  "dokumen Word biasa (kemungkinan bom ZIP)"),
        "doctype": ("`{path}` ditolak: bagian `{part}` memuat deklarasi DOCTYPE/ENTITY, yang "
                    "tidak pernah ditulis Word (kemungkinan serangan entitas XML); simpan ulang "
                    "dokumen di Word atau LibreOffice"),
        "no_blocks": "`{path}` tidak memuat blok IKI; " + _EXPECTED_ID,
        "no_blocks_frames": ("`{path}` tidak memuat blok IKI: teksnya ada dalam kotak teks atau "
                             "bingkai (seperti hasil konversi PDF), bukan dalam paragraf dan "
                             "tabel; " + _EXPECTED_ID),
        # --- the output folder ---
        "out_not_empty": ("`{out}` sudah ada dan tidak kosong; iki import tidak pernah menimpa "
                          "definisi yang ada: pilih folder baru, mis. `-o {suggestion}`"),
        "out_is_file": "`{out}` adalah berkas, bukan folder; pilih folder baru",
        "out_write": "draf tidak dapat ditulis ke `{out}`: {reason}; tidak ada yang diubah",
        # --- the summary ---
        "summary": ("Draf definisi ditulis ke {out}: {positions} jabatan, {indicators} "
                    "indikator, {variables} variabel."),
        "summary_decisions": "{count} hal perlu diputuskan atau diperiksa:",
        "summary_none": "Tidak ada tebakan yang perlu diperiksa.",
        "summary_next": "Langkah berikutnya: {command}",
        # --- decisions written as `# periksa:` comments ---
        "d_nama": "nama kantor tidak ditemukan dalam dokumen; isi nama kantor",
        "d_pemda": "pemerintah daerah tidak ditemukan dalam dokumen; isi, mis. Kabupaten X",
        "d_org_guess": "diambil dari baris \"{text}\" dalam dokumen",
        "d_agregasi_stock": "agregasi ditebak dari \"{word}\" (stok, nilai terakhir): {value}",
        "d_agregasi_flow": ("agregasi ditebak dari \"{word}\" (yang dikerjakan dalam periode, "
                            "dijumlahkan): {value}"),
        "d_agregasi_unknown": ("agregasi tidak dapat ditebak dari teks; pilih jumlah, terakhir, "
                               "rata_rata atau maksimum"),
        "d_narrative": ("indikator hanya naratif dalam dokumen (teks ada di penjelasan); "
                        "tetapkan variabel dan rumus"),
        "d_unreadable_formula": ("rumus dalam dokumen tidak dapat dibaca (teks ada di "
                                 "penjelasan); tuliskan rumusnya"),
        "d_missing_formula": ("sel rumus tidak memuat rumus untuk indikator ini; tuliskan "
                              "rumusnya"),
        "d_inverted": ("pecahan tampak terbalik: penyebut \"{den}\" adalah pembilang ditambah "
                       "keterangan; ditulis seperti dalam dokumen, perbaiki bila perlu"),
        "d_satuan": "satuan tidak tertulis dalam dokumen; isi, mis. %, dokumen, indeks",
        "d_atasan_inferred": "atasan disimpulkan dari \"{text}\"",
        "d_atasan_unknown": ("atasan tidak dapat disimpulkan dari dokumen; isi id jabatan atasan "
                             "langsung"),
        "d_atasan_unmatched": ("dokumen menyebut \"{text}\" tetapi tidak ada jabatan itu; isi id "
                               "jabatan atasan langsung"),
        "d_head_guess": "dianggap pimpinan tertinggi (tanpa atasan): {why}",
        "d_head_first": "jabatan pertama dalam dokumen",
        "d_head_external": "tugas lain diberikan oleh \"{text}\", di luar dokumen ini",
        "d_no_sasaran": ("tabel sasaran dan indikator tidak ditemukan untuk jabatan ini; "
                         "tambahkan sasaran"),
        "d_no_indikator": "sasaran tanpa indikator dalam dokumen; tambahkan indikator",
        "d_no_tugas": "tugas tidak ditemukan dalam dokumen; tambahkan tugas",
        "d_shared_source": ("sumber data sel ini dipakai untuk semua indikatornya; pisahkan "
                            "bila perlu"),
        "d_extra_formulas": ("sel rumus memuat lebih banyak rumus daripada indikator; sisanya "
                             "ada di penjelasan"),
        "d_layout": "dibaca sebagai pembilang \"{num}\" di atas penyebut \"{den}\"",
        "d_no_variables": "belum ada variabel: tidak ada rumus yang terbaca; tambahkan variabel",
    },
    "en": {
        "file_missing": "file `{path}` does not exist",
        "not_a_file": "`{path}` is not a file; give a .docx document",
        "unreadable": "file `{path}` cannot be read: {reason}",
        "empty_file": "file `{path}` is empty; " + _EXPECTED_EN,
        "ole_doc": ("`{path}` is a Word 97-2003 document (.doc) or a password-protected Word "
                    "document, not a .docx; remove the password if there is one, then "
                    + _CONVERT_EN),
        "pdf": ("`{path}` is a PDF, not a .docx; a PDF does not keep tables and formulas "
                "whole: use the original Word document, or open the PDF in Microsoft Word (Word "
                "turns it into an editable document), check its tables, then save it as .docx; "
                "LibreOffice opens a PDF as text boxes that cannot be read as tables"),
        "rtf": "`{path}` is an RTF document, not a .docx; " + _CONVERT_EN,
        "odt": "`{path}` is an OpenDocument text (.odt), not a .docx; " + _CONVERT_EN,
        "other_zip": ("`{path}` is a ZIP file but not a Word document (.docx){what}; "
                      + _EXPECTED_EN),
        "not_zip": ("`{path}` is not a .docx document (it is not an Office Open XML package); "
                    "if Word or LibreOffice opens it, " + _CONVERT_EN),
        "corrupt": "`{path}` is damaged or not a valid Word document ({reason}); " + _CONVERT_EN,
        "macro_doc": ("`{path}` is a macro-enabled Word document (.docm); save it as a plain "
                      "Word document (.docx) without macros"),
        "too_many_members": ("`{path}` refused: the package holds {count} files, the limit is "
                             "{limit}; an ordinary Word document holds a few dozen"),
        "too_large": ("`{path}` refused: its contents unpacked are {size} MB, the limit is "
                      "{limit} MB (possibly a ZIP bomb); make the document smaller, e.g. remove "
                      "pictures"),
        "part_too_large": ("`{path}` refused: part `{part}` unpacked is {size} MB, the limit is "
                           "{limit} MB"),
        "ratio": ("`{path}` refused: part `{part}` is compressed {ratio}:1, far beyond an "
                  "ordinary Word document (possibly a ZIP bomb)"),
        "doctype": ("`{path}` refused: part `{part}` holds a DOCTYPE/ENTITY declaration, which "
                    "Word never writes (possibly an XML entity attack); save the document again "
                    "in Word or LibreOffice"),
        "no_blocks": "`{path}` holds no IKI block; " + _EXPECTED_EN,
        "no_blocks_frames": ("`{path}` holds no IKI block: its text is in text boxes or frames "
                             "(as a converted PDF's is), not in paragraphs and tables; "
                             + _EXPECTED_EN),
        "out_not_empty": ("`{out}` exists and is not empty; iki import never writes over "
                          "existing definitions: choose a new folder, e.g. `-o {suggestion}`"),
        "out_is_file": "`{out}` is a file, not a folder; choose a new folder",
        "out_write": "the draft cannot be written to `{out}`: {reason}; nothing was changed",
        "summary": ("Draft definitions written to {out}: {positions} positions, {indicators} "
                    "indicators, {variables} variables."),
        "summary_decisions": "{count} things to decide or check:",
        "summary_none": "No guesses to check.",
        "summary_next": "Next: {command}",
        "d_nama": "the office name was not found in the document; fill it in",
        "d_pemda": "the local government was not found in the document; fill it in, e.g. "
                   "Kabupaten X",
        "d_org_guess": "taken from the line \"{text}\" of the document",
        "d_agregasi_stock": "agregasi guessed from \"{word}\" (a stock, latest value): {value}",
        "d_agregasi_flow": ("agregasi guessed from \"{word}\" (done in the period, summed): "
                            "{value}"),
        "d_agregasi_unknown": ("agregasi cannot be told from the text; choose jumlah, terakhir, "
                               "rata_rata or maksimum"),
        "d_narrative": ("the indicator is narrative only in the document (its text is in "
                        "penjelasan); define variables and a formula"),
        "d_unreadable_formula": ("the document's formula could not be read (its text is in "
                                 "penjelasan); write the formula"),
        "d_missing_formula": "the formula cell holds no formula for this indicator; write it",
        "d_inverted": ("the fraction looks inverted: the denominator \"{den}\" is the numerator "
                       "plus a qualifier; kept as written, correct it if needed"),
        "d_satuan": "the unit is not written in the document; fill it in, e.g. %, dokumen, indeks",
        "d_atasan_inferred": "superior inferred from \"{text}\"",
        "d_atasan_unknown": ("the superior cannot be inferred from the document; fill in the id "
                             "of the direct superior's position"),
        "d_atasan_unmatched": ("the document names \"{text}\" but no such position exists; fill "
                               "in the id of the direct superior's position"),
        "d_head_guess": "taken as the head (no superior): {why}",
        "d_head_first": "the first position of the document",
        "d_head_external": "other tasks are given by \"{text}\", outside this document",
        "d_no_sasaran": ("no table of objectives and indicators was found for this position; "
                         "add objectives"),
        "d_no_indikator": "an objective without indicators in the document; add indicators",
        "d_no_tugas": "no tasks were found in the document; add tasks",
        "d_shared_source": ("this cell's data source is used for all its indicators; split it "
                            "if needed"),
        "d_extra_formulas": ("the formula cell holds more formulas than indicators; the rest is "
                             "in penjelasan"),
        "d_layout": "read as the numerator \"{num}\" over the denominator \"{den}\"",
        "d_no_variables": "no variables yet: no formula could be read; add variables",
    },
}


Params = dict[str, object]


def message(key: str, lang: str = "id", **params: object) -> str:
    """The text of `key` in `lang` (Indonesian when the language is unknown).

    A parameter given as a `(key, params)` pair is itself a message, written in the
    same language.
    """
    table = MESSAGES.get(lang, MESSAGES["id"])
    values = {name: message(value[0], lang, **value[1])
              if isinstance(value, tuple) and _is_message(value) else value
              for name, value in params.items()}
    return table[key].format(**values)


def _is_message(value: tuple[object, ...]) -> bool:
    return len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], dict)
