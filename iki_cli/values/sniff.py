"""What a values file really is, from its first bytes, whatever its name says.

A web application's "Excel export" is often an HTML table named `.xls`; an
`.xlsx` renamed `.csv` is a zip; Excel's "Unicode Text" is UTF-16. Each is
named for what it is, with what to do, before any reader sees it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..i18n import t

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
HEAD = 8192

# What each real kind is read as, by the extensions that name it.
WORKBOOK_EXTENSIONS = {"xlsx": (".xlsx", ".xlsm"), "ods": (".ods",), "xls": (".xls",)}
CSV_EXTENSIONS = (".csv", ".tsv", ".txt")
VALUES_EXTENSIONS = (".csv", ".tsv", ".xlsx", ".xlsm", ".ods", ".xls")


class Mislabelled(Exception):
    """The file's content is not what its name says; the message says what it is."""


def kind_of(path: Path) -> str:
    """`xlsx`, `ods`, `xls`, `ole-encrypted`, `ole`, `zip`, `html`, `fods`, `xml2003`,
    `xml`, `pdf`, `utf16`, `binary`, `empty` or `text`, by content."""
    with path.open("rb") as fh:
        head = fh.read(HEAD)
    if not head:
        return "empty"
    if head.startswith(ZIP_MAGIC):
        return _zip_kind(path)
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf16"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<"):
        if b"<html" in text or b"<!doctype html" in text or text.startswith(
                (b"<table", b"<meta")):
            return "html"
        if b"urn:oasis:names:tc:opendocument" in text:
            return "fods"
        if b"urn:schemas-microsoft-com:office:spreadsheet" in text:
            return "xml2003"
        if text.startswith(b"<?xml"):
            return "xml"
    if b"\x00" in head:
        # UTF-16 without a byte order mark: every other byte of ASCII text is 0
        if head[1::2].count(0) > len(head) // 4 or head[::2].count(0) > len(head) // 4:
            return "utf16"
        controls = sum(head.count(bytes([c])) for c in range(32) if c not in (9, 10, 13))
        if controls > len(head) // 10:
            return "binary"
    return "text"  # a stray NUL in text is reported at its line


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100]
                if b"opendocument.spreadsheet" in mimetype:
                    return "ods"
            if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
                return "xlsx"
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError):
        return "damaged-zip"
    return "zip"


def _ole_kind(path: Path) -> str:
    """An OLE compound file: an Excel 97–2003 workbook, or an encrypted (password) one."""
    with path.open("rb") as fh:
        data = fh.read(64 << 20)  # the directory of any real workbook is in its first 64 MiB
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "ole-encrypted"
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    return "ole"


def check_kind(path: Path, display: str, expected: str) -> str:
    """The real kind of a file read as `expected` (`csv`, `xlsx`, `ods`, `xls`).

    Raises Mislabelled, with what it is and what to do, when the content does not fit.
    """
    kind = kind_of(path)
    if expected == "csv":
        if kind in ("text", "empty"):
            return kind
    elif kind == expected:
        return kind
    raise Mislabelled(describe(kind, display, path.suffix.lower()))


def describe(kind: str, display: str, suffix: str) -> str:
    """The message for a file of `kind` that its name presents as `suffix`."""
    rename = {"xlsx": ".xlsx", "ods": ".ods", "xls": ".xls"}.get(kind)
    if rename:
        return t("values.really-workbook", file=display, suffix=suffix, what=t(
            f"values.kind-{kind}"), rename=Path(display).with_suffix(rename).name)
    if kind == "empty":
        return t("values.really-empty")
    if kind == "text":
        return t("values.really-text", file=display, suffix=suffix,
                 rename=Path(display).with_suffix(".csv").name)
    if kind == "damaged-zip":
        return t("values.damaged", reason="")
    return t(f"values.really-{kind}", file=display, suffix=suffix)
