"""What `iki import` refuses, and that a refusal changes nothing: never a traceback."""

from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_fixtures import add, add_table, new_document, office_document, percent_fraction, save
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iki_cli.errors import IkiError, UsageError
from iki_cli.importers import import_document, package
from iki_cli.importers.messages import message


def refused(path: Path, out: Path, lang: str = "id") -> str:
    with pytest.raises(IkiError) as caught:
        import_document(path, out, lang)
    assert not out.exists() or not any(out.iterdir())
    assert not list(out.parent.glob(f".{out.name}.*.tmp"))  # no half-written draft left
    return str(caught.value)


def docx_bytes(document=None) -> bytes:
    buffer = io.BytesIO()
    (document or office_document()).save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, replace: dict[str, bytes] | None = None,
          add_members: dict[str, bytes] | None = None) -> bytes:
    """The package again, with some members replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, (replace or {}).get(info.filename,
                                                                 source.read(info.filename)))
        for name, content in (add_members or {}).items():
            target.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(("content", "expected"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word 97-2003 (.doc)"),
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (b"{\\rtf1\\ansi hello}", "RTF"),
    (b"<html><body>IKI</body></html>", "bukan dokumen .docx"),
    (b"", "kosong"),
], ids=["ole-doc", "pdf", "rtf", "renamed-html", "empty"])
def test_other_formats_are_named_with_how_to_convert(content: bytes, expected: str,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "iki.docx"
    path.write_bytes(content)
    text = refused(path, tmp_path / "out")
    assert expected in text and "iki.docx" in text
    if expected == "PDF":
        assert "Microsoft Word" in text  # LibreOffice would give text boxes, not tables
    elif expected != "kosong":
        assert "soffice --headless --convert-to docx iki.docx" in text


def test_odt_and_other_zips(tmp_path: Path) -> None:
    odt = tmp_path / "iki.odt"
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument (.odt)" in refused(odt, tmp_path / "out")
    assert "Save As" in refused(odt, tmp_path / "out", "en")
    xlsx = tmp_path / "nilai.docx"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "bukan dokumen Word (.docx) (Excel)" in refused(xlsx, tmp_path / "out")


def test_a_word_file_without_iki_blocks(tmp_path: Path) -> None:
    d = new_document()
    add(d, "Notulen rapat", "Rapat dimulai pukul 09.00.")
    text = refused(save(d, tmp_path / "notulen.docx"), tmp_path / "out")
    assert "tidak memuat blok IKI" in text and "INDIKATOR KINERJA INDIVIDU" in text


def test_text_in_text_boxes_is_named(tmp_path: Path) -> None:
    """What LibreOffice makes of a PDF: every line in a frame, no paragraphs, no tables."""
    d = new_document()
    d.element.body.insert(0, parse_xml(
        f'<w:p {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict><v:shape>'
        "<v:textbox><w:txbxContent><w:p><w:r>"
        "<w:t>INDIKATOR KINERJA INDIVIDU</w:t></w:r></w:p></w:txbxContent></v:textbox>"
        "</v:shape></w:pict></w:r></w:p>"))
    assert "kotak teks" in refused(save(d, tmp_path / "dari-pdf.docx"), tmp_path / "out")


def test_damaged_files(tmp_path: Path) -> None:
    data = docx_bytes()
    path = tmp_path / "iki.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "rusak" in refused(path, tmp_path / "out")
    path.write_bytes(rezip(data, {"word/document.xml": b"<w:document><unclosed>"}))
    assert "rusak" in refused(path, tmp_path / "out")


def test_missing_input_is_wrong_usage(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="tidak ada"):
        import_document(tmp_path / "nope.docx", tmp_path / "out")
    with pytest.raises(UsageError, match="bukan berkas"):
        import_document(tmp_path, tmp_path / "out")


def test_zip_bomb_refused_from_the_central_directory(tmp_path: Path) -> None:
    path = tmp_path / "bom.docx"
    path.write_bytes(rezip(docx_bytes(), add_members={"word/media/x.xml": b"\0" * (8 << 20)}))
    start = time.perf_counter()
    text = refused(path, tmp_path / "out")
    assert "kemungkinan bom ZIP" in text and time.perf_counter() - start < 2


def test_total_size_and_member_count_are_capped(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.docx"
    path.write_bytes(docx_bytes())
    monkeypatch.setattr(package, "MAX_TOTAL", 1000)
    assert "batasnya 0 MB" in refused(path, tmp_path / "out")
    monkeypatch.undo()
    many = {f"word/media/{n}.bin": b"" for n in range(package.MAX_MEMBERS)}
    path.write_bytes(rezip(docx_bytes(), add_members=many))
    assert f"batasnya {package.MAX_MEMBERS}" in refused(path, tmp_path / "out")


def test_a_central_directory_lying_about_sizes_unpacks_no_more(tmp_path: Path) -> None:
    """zipfile never unpacks more than the declared size, so the checks above hold."""
    data = bytearray(docx_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack("<H", data[at + 28:at + 30])[0]
        if data[at + 46:at + 46 + length] == b"word/document.xml":
            data[at + 24:at + 28] = struct.pack("<I", 100)  # declared: 100 bytes
        at = data.find(b"PK\x01\x02", at + 4)
    path = tmp_path / "iki.docx"
    path.write_bytes(bytes(data))
    assert "Bad CRC-32" in refused(path, tmp_path / "out")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, XXE, BILLION_LAUGHS.decode().encode("utf-16")],
                         ids=["entity-expansion", "external-entity", "utf-16"])
def test_xml_entities_are_refused_before_parsing(xml: bytes, tmp_path: Path) -> None:
    path = tmp_path / "iki.docx"
    path.write_bytes(rezip(docx_bytes(), {"word/document.xml": xml}))
    text = refused(path, tmp_path / "out")
    assert "DOCTYPE/ENTITY" in text and "word/document.xml" in text


def test_macro_documents(tmp_path: Path) -> None:
    data = docx_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml").replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.ms-word.document.macroEnabled.main+xml")
    path = tmp_path / "iki.docm"
    path.write_bytes(rezip(data, {"[Content_Types].xml": types}))
    assert "ber-makro (.docm)" in refused(path, tmp_path / "out")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=4000), noise=st.binary(max_size=64))
def test_any_damage_is_a_message_never_a_traceback(cut: int, noise: bytes,
                                                   tmp_path: Path) -> None:
    data = docx_bytes(_small())
    path = tmp_path / "fuzz.docx"
    path.write_bytes(data[:cut] + noise + data[cut + len(noise):])
    out = tmp_path / "fuzz-out"
    try:
        import_document(path, out)
    except IkiError:
        return
    finally:
        if out.exists():
            import shutil
            shutil.rmtree(out)


def _small():
    d = new_document()
    add(d, "INDIKATOR KINERJA INDIVIDU", "1. Jabatan : Kepala", "2. Tugas : Memimpin")
    add_table(d, [("Layanan", "Persentase layanan",
                   percent_fraction("Jumlah layanan selesai", "Jumlah layanan"), "Register")])
    return d


# --- the output folder ---------------------------------------------------------------------


def test_never_writes_into_existing_definitions(tmp_path: Path) -> None:
    path = save(office_document(), tmp_path / "iki.docx")
    out = tmp_path / "definitions"
    (out / "jabatan").mkdir(parents=True)
    (out / "organisasi.yaml").write_text("versi_skema: 1\n", encoding="utf-8")
    with pytest.raises(IkiError) as caught:
        import_document(path, out)
    assert "tidak pernah menimpa" in str(caught.value) and "definitions-draf" in str(caught.value)
    assert sorted(p.name for p in out.rglob("*")) == ["jabatan", "organisasi.yaml"]
    assert (out / "organisasi.yaml").read_text(encoding="utf-8") == "versi_skema: 1\n"
    file_out = tmp_path / "a-file"
    file_out.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="bukan folder"):
        import_document(path, file_out)


def test_an_empty_folder_or_a_new_path_receives_the_draft(tmp_path: Path) -> None:
    path = save(office_document(), tmp_path / "iki.docx")
    empty = tmp_path / "empty"
    empty.mkdir()
    import_document(path, empty)
    import_document(path, tmp_path / "new" / "nested")
    for root in (empty, tmp_path / "new" / "nested"):
        assert sorted(p.name for p in root.iterdir()) == ["jabatan", "organisasi.yaml",
                                                          "variabel.yaml"]
    assert not list(tmp_path.rglob("*.tmp"))


def test_whole_draft_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = save(office_document(), tmp_path / "iki.docx")
    real = Path.write_text
    written: list[Path] = []

    def failing(self: Path, *args: object, **kwargs: object) -> int:
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        written.append(self)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", failing)
    out = tmp_path / "definitions"
    text = refused(path, out)
    assert "No space left on device" in text and "tidak ada yang diubah" in text
    assert not out.exists()


# --- the messages ---------------------------------------------------------------------------


def test_an_unknown_language_gets_the_indonesian_words() -> None:
    # keys and placeholders of both catalogues: tests/vocabulary/test_i18n.py
    assert message("out_is_file", "xx", out="d") == message("out_is_file", "id", out="d")
    assert message("out_is_file", "en", out="d") != message("out_is_file", "id", out="d")
