"""Opening a .docx safely: what the file really is, and whether its ZIP is sane.

Everything here looks only at the file's first bytes and the ZIP's central
directory (the sizes it declares) before any part is unpacked or parsed:
Python's zipfile never unpacks more than a member's declared size, so these
checks bound what python-docx will later read into memory.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import Any

from ..errors import IkiError, UsageError
from .messages import message

MAX_MEMBERS = 2_000
MAX_TOTAL = 256 * 1024 * 1024  # all parts unpacked, pictures included
# One XML part unpacked. 5 MB of text in Word's markup (a run with its properties every
# few words) is ~32 MB of XML, read in ~2.5 s with ~0.9 GB of memory at peak.
MAX_XML_PART = 64 * 1024 * 1024
# Deflate reaches ~1000:1 on a bomb; Word's XML compresses ~5-20:1, very repetitive
# generated XML up to ~150:1. A large part beyond this is refused.
MAX_RATIO = 400
_RATIO_FROM = 4 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DOCTYPE = tuple(b for enc in ("utf-8", "utf-16-le", "utf-16-be")
                 for b in ("<!DOCTYPE".encode(enc), "<!ENTITY".encode(enc)))
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def _refuse(key: str, path: Path, lang: str, **params: object) -> IkiError:
    return IkiError(message(key, lang, path=path, name=path.name, **params))


def check_file(path: Path, lang: str = "id") -> None:
    """Refuse, with what was expected and how to convert, anything that is not a sane .docx."""
    if not path.exists():
        raise UsageError(message("file_missing", lang, path=path))
    if not path.is_file():
        raise UsageError(message("not_a_file", lang, path=path))
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise IkiError(message("unreadable", lang, path=path, reason=exc.strerror or exc)) \
            from None
    if not head:
        raise _refuse("empty_file", path, lang)
    if head.startswith(_OLE):
        raise _refuse("ole_doc", path, lang)
    if head.startswith(b"%PDF"):
        raise _refuse("pdf", path, lang)
    if head.startswith(b"{\\rtf"):
        raise _refuse("rtf", path, lang)
    if not head.startswith(b"PK"):
        raise _refuse("not_zip", path, lang)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, path, lang)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError,
            KeyError, NotImplementedError, RuntimeError) as exc:
        # damaged data, an unknown compression method, an encrypted member
        raise _refuse("corrupt", path, lang, reason=str(exc) or type(exc).__name__) from None
    except OSError as exc:
        raise IkiError(message("unreadable", lang, path=path, reason=exc.strerror or exc)) \
            from None


def _check_archive(archive: zipfile.ZipFile, path: Path, lang: str) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _refuse("too_many_members", path, lang, count=len(infos), limit=MAX_MEMBERS)
    names = {info.filename for info in infos}
    if "mimetype" in names and "word/document.xml" not in names:
        kind = archive.read("mimetype")[:100].decode("ascii", "replace")
        if "opendocument.text" in kind:
            raise _refuse("odt", path, lang)
        raise _refuse("other_zip", path, lang, what=f" ({kind.strip()})")
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        raise _refuse("too_large", path, lang, size=_mb(total), limit=_mb(MAX_TOTAL))
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        if info.file_size > MAX_XML_PART:
            raise _refuse("part_too_large", path, lang, part=info.filename,
                          size=_mb(info.file_size), limit=_mb(MAX_XML_PART))
        if info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size,
                                                                              1):
            raise _refuse("ratio", path, lang, part=info.filename,
                          ratio=info.file_size // max(info.compress_size, 1))
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        what = ""
        if "xl/workbook.xml" in names:
            what = " (Excel)"
        elif "ppt/presentation.xml" in names:
            what = " (PowerPoint)"
        raise _refuse("other_zip", path, lang, what=what)
    # Word never writes a DTD; python-docx's parser does not expand entities, and any
    # part that declares them is refused here before it is parsed at all.
    for info in infos:
        if info.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, info):
            raise _refuse("doctype", path, lang, part=info.filename)
    types = archive.read("[Content_Types].xml")
    if _DOCM_MAIN.encode() in types:
        raise _refuse("macro_doc", path, lang)
    if _DOCX_MAIN.encode() not in types:
        raise _refuse("other_zip", path, lang, what="")


def _declares_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """True when the part holds a DOCTYPE or ENTITY declaration (read in chunks)."""
    keep = max(len(marker) for marker in _DOCTYPE)
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(1 << 20):
            window = tail + chunk
            if any(marker in window for marker in _DOCTYPE):
                return True
            tail = window[-keep:]
    return False


def open_docx(path: Path, lang: str = "id") -> Any:
    """The python-docx Document of a checked file; any failure becomes an IkiError."""
    check_file(path, lang)
    import docx  # lazy: only `iki import` needs python-docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # a third-party parser on untrusted input
        # python-docx raises whatever its parts' damage leads to (KeyError for a missing
        # part, XMLSyntaxError, zlib.error, AttributeError on odd XML): all mean the same
        # to the user, a document that must be saved again.
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if _DOCM_MAIN in reason:
            raise _refuse("macro_doc", path, lang) from None
        raise _refuse("corrupt", path, lang, reason=reason[:200]) from None
