"""The IKI document as a Word file (`iki doc -f docx`), in the source documents' layout.

Per position: "INDIKATOR KINERJA INDIVIDU", the office, "1. Jabatan : …",
"2. Tugas : …" (lettered a., b., … when more than one), "3. Fungsi : …" when there
are any, the superior on the last numbered line, then the table SASARAN/KINERJA
UTAMA | INDIKATOR KINERJA UTAMA | PENJELASAN/FORMULA PENGHITUNGAN | SUMBER DATA
with each objective's cell merged over its indicators and every formula a real
Word equation (OMML fractions over the variables' descriptions), its
`penjelasan` below it. `iki import` reads such a file back.

The body is written as WordprocessingML text and the package by python-docx
(imported when a document is made); the bytes are the same for the same input:
fixed ZIP timestamps and no creation or modification time in the properties.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from ..numbers import format_number, letters
from .formula_view import Ekspresi, Pecahan
from .views import IndikatorView, JabatanView

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_NS = f'xmlns:w="{_W_NS}" xmlns:m="{_M_NS}"'
_FONT = "Arial"
# A4 landscape with 2 cm margins leaves 14570 twips for the table's four columns.
_COLUMNS = (2900, 3100, 6570, 2000)
_LABEL_TABS = (425, 1985, 2268)  # number, label, colon/text (twips)
# Characters XML 1.0 cannot hold: a definition's text may contain them through YAML escapes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _run(text: str, *, bold: bool = False, size: int | None = None,
         italic: bool = False) -> str:
    """A run of text; tabs and line breaks become Word's own."""
    props = ""
    if bold:
        props += "<w:b/>"
    if italic:
        props += "<w:i/>"
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = []
    for k, line in enumerate(text.split("\n")):
        if k:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{_text(chunk)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def _para(content: str, *, align: str | None = None, left: int = 0, hanging: int = 0,
          tabs: tuple[int, ...] = (), after: int = 60, page_break: bool = False,
          keep_next: bool = False) -> str:
    props = ""
    if keep_next:
        props += "<w:keepNext/>"
    if page_break:
        props += "<w:pageBreakBefore/>"
    if tabs:
        props += "<w:tabs>" + "".join(f'<w:tab w:val="left" w:pos="{t}"/>' for t in tabs) + \
            "</w:tabs>"
    props += f'<w:spacing w:before="0" w:after="{after}"/>'
    if left or hanging:
        props += f'<w:ind w:left="{left}" w:hanging="{hanging}"/>'
    if align:
        props += f'<w:jc w:val="{align}"/>'
    return f"<w:p><w:pPr>{props}</w:pPr>{content}</w:p>"


def _numbered(number: int, label: str, items: list[str]) -> str:
    """"2. Tugas : text", or the label alone followed by lettered items."""
    head = f"{number}.\t{label}\t:\t"
    if len(items) == 1:
        return _para(_run(head + items[0]), left=_LABEL_TABS[2], hanging=_LABEL_TABS[2],
                     tabs=_LABEL_TABS, keep_next=True)
    out = [_para(_run(head.rstrip("\t")), tabs=_LABEL_TABS, keep_next=True)]
    indent = _LABEL_TABS[2] + 425
    for k, item in enumerate(items):
        out.append(_para(_run(f"{letters(k).lower()}.\t{item}"), left=indent, hanging=425,
                         tabs=(indent,), keep_next=True))
    return "".join(out)


# --- formulas as Word equations ---------------------------------------------------------


def _math_run(text: str) -> str:
    # Normal text (`m:nor`), as Word writes `\text{…}`: the descriptions read as words.
    return (f'<m:r><m:rPr><m:nor/></m:rPr><w:rPr><w:rFonts w:ascii="{_FONT}" '
            f'w:hAnsi="{_FONT}"/><w:sz w:val="18"/></w:rPr>'
            f'<m:t xml:space="preserve">{_text(text)}</m:t></m:r>')


# Characters per line of an equation in the formula column. Word and LibreOffice never
# wrap inside a fraction, so a long description is stacked on several lines (`m:eqArr`)
# rather than cut at the cell's edge (LibreOffice draws equations at 12 pt).
_WRAP_FRACTION = 32
_WRAP_LINE = 48


def _rows(expr: Ekspresi, limit: int) -> list[tuple[list[str], int]]:
    """The parts of `expr` as OMML, in lines of at most `limit` characters (with widths)."""
    rows: list[tuple[list[str], int]] = [([], 0)]
    text: list[str] = []

    def flush() -> None:
        if text:
            rows[-1][0].append(_math_run("".join(text)))
            text.clear()

    def place(width: int) -> None:
        """Make room for `width` more characters: on this line, or on a new one."""
        if rows[-1][1] and rows[-1][1] + width > limit:
            while text and text[-1].isspace():
                text.pop()
            flush()
            rows.append(([], 0))
        rows[-1] = (rows[-1][0], rows[-1][1] + width)

    for part in expr.bagian:
        if isinstance(part, Pecahan):
            xml, width = _fraction(part)
            place(width)
            flush()
            rows[-1][0].append(xml)
            continue
        for token in re.split(r"(\s+)", part.teks):
            if not token:
                continue
            if token.isspace():
                if rows[-1][1]:
                    text.append(token)
                    rows[-1] = (rows[-1][0], rows[-1][1] + len(token))
                continue
            place(len(token))
            text.append(token)
    flush()
    return [(parts, width) for parts, width in rows if parts]


def _stack(expr: Ekspresi, limit: int) -> tuple[str, int]:
    """`expr` as OMML: one line, or stacked lines (`m:eqArr`) when it is too long."""
    rows = _rows(expr, limit) or [([], 0)]
    width = max(w for _, w in rows)
    if len(rows) == 1:
        return "".join(rows[0][0]), width
    return "<m:eqArr>" + "".join(f"<m:e>{''.join(parts)}</m:e>" for parts, _ in rows) + \
        "</m:eqArr>", width


def _fraction(part: Pecahan) -> tuple[str, int]:
    num, wn = _stack(part.pembilang, _WRAP_FRACTION)
    den, wd = _stack(part.penyebut, _WRAP_FRACTION)
    return f"<m:f><m:num>{num}</m:num><m:den>{den}</m:den></m:f>", max(wn, wd)


def omml(expr: Ekspresi) -> str:
    """A written-out formula as the content of an `m:oMath`: fractions as `m:f`, long
    descriptions stacked on several lines."""
    return _stack(expr, _WRAP_LINE)[0]


def _formula_cell(ind: IndikatorView, labels: Mapping[str, str], lang: str) -> str:
    out = [_para(f"<m:oMath>{omml(ind.rumus_bagian)}</m:oMath>", after=80)]
    if ind.kategori:
        out.append(_para(_run(f"{labels['kategori']}:", size=18), after=0))
        for k in ind.kategori:
            line = labels["kategori_skala"].format(
                label=k.label, batas=format_number(k.batas_bawah, ind.desimal, lang))
            out.append(_para(_run(line, size=18), after=0, left=284))
    if ind.penjelasan:
        for line in ind.penjelasan.strip().split("\n"):
            out.append(_para(_run(line, size=18), after=40))
    return "".join(out)


# --- the table ---------------------------------------------------------------------------


def _cell(width: int, content: str, merge: str | None = None, shade: bool = False) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if merge:
        props += f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>"
    if shade:
        props += '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content or _para('')}</w:tc>"


def _borders() -> str:
    sides = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    return f"<w:tblBorders>{sides}</w:tblBorders>"


def _table(pos: JabatanView, labels: Mapping[str, str], lang: str) -> str:
    header = [labels["kolom_sasaran"], labels["kolom_indikator"], labels["kolom_formula"],
              labels["sumber_data"]]
    rows = ['<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' + "".join(
        _cell(w, _para(_run(h.upper(), bold=True, size=18), align="center", after=0),
              shade=True) for w, h in zip(_COLUMNS, header, strict=True)) + "</w:tr>"]
    for sas in pos.sasaran:
        many = len(sas.indikator) > 1
        for k, ind in enumerate(sas.indikator):
            merge = ("restart" if k == 0 else "continue") if many else None
            sasaran = _para(_run(sas.uraian, size=18)) if k == 0 else ""
            name = f"{k + 1}. {ind.nama}" if many else ind.nama
            sources = "".join(_para(_run(line, size=18)) for s in ind.sumber_data
                              for line in s.split("\n") if line.strip())
            rows.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                        + _cell(_COLUMNS[0], sasaran, merge)
                        + _cell(_COLUMNS[1], _para(_run(name, size=18)))
                        + _cell(_COLUMNS[2], _formula_cell(ind, labels, lang))
                        + _cell(_COLUMNS[3], sources) + "</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in _COLUMNS)
    props = (f'<w:tblW w:w="{sum(_COLUMNS)}" w:type="dxa"/>{_borders()}'
             '<w:tblLayout w:type="fixed"/>'
             '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
             '</w:tblCellMar>')
    return (f"<w:tbl><w:tblPr>{props}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
            f"{''.join(rows)}</w:tbl>")


def _position(pos: JabatanView, first: bool, context: Mapping[str, Any]) -> str:
    labels = context["L"]
    lang = context.get("lang", "id")
    org = context.get("organisasi") or {}
    out = [_para(_run(labels["judul_dokumen"].upper(), bold=True, size=24), align="center",
                 after=0, page_break=not first, keep_next=True)]
    for line in (org.get("nama", ""), org.get("pemda", "")):
        if line:
            out.append(_para(_run(line, bold=True), align="center", after=0, keep_next=True))
    out.append(_para("", keep_next=True))
    number = 1
    out.append(_numbered(number, labels["jabatan"], [pos.jabatan]))
    number += 1
    out.append(_numbered(number, labels["tugas"], list(pos.tugas)))
    if pos.fungsi:
        number += 1
        out.append(_numbered(number, labels["fungsi"], list(pos.fungsi)))
    if pos.atasan_jabatan:
        number += 1
        out.append(_numbered(number, labels["atasan"], [pos.atasan_jabatan]))
    out.append(_para("", keep_next=True))
    out.append(_table(pos, labels, lang))
    out.append(_para(""))
    return "".join(out)


def document_docx(context: Mapping[str, Any]) -> bytes:
    """The IKI document as .docx bytes, from what `render.document_context` returns."""
    import docx  # lazy: only `iki doc -f docx` needs python-docx
    from docx.oxml import parse_xml
    from docx.shared import Cm, Pt

    document = docx.Document()
    _page(document, Cm, Pt)
    if context.get("ilustratif"):
        _illustrative(document, context["L"], Pt)
    body = document.element.body
    sect = body[-1]
    positions = list(context["jabatan"])
    for k, pos in enumerate(positions):
        fragment = parse_xml(f"<w:body {_NS}>{_position(pos, k == 0, context)}</w:body>")
        for child in list(fragment):
            sect.addprevious(child)
    _properties(document, context)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _page(document: Any, cm: Any, pt: Any) -> None:
    from docx.enum.section import WD_ORIENT

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = cm(29.7), cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, cm(2.0))
    normal = document.styles["Normal"]
    normal.font.name = _FONT
    normal.font.size = pt(10)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(f"{{{_W_NS}}}eastAsia", _FONT)
    fonts.set(f"{{{_W_NS}}}cs", _FONT)


def _illustrative(document: Any, words: Mapping[str, str], pt: Any) -> None:
    """Illustrative data and targets: said in the header of every page (SPEC §1)."""
    from docx.shared import RGBColor

    run = document.sections[0].header.paragraphs[0].add_run(
        f"{words['ilustratif'].upper()} — {words['ilustratif_keterangan']}")
    run.bold = True
    run.font.size = pt(8)
    run.font.color.rgb = RGBColor(0xB7, 0x1C, 0x1C)


def _properties(document: Any, context: Mapping[str, Any]) -> None:
    """Title and author, no times: the same definitions give the same bytes."""
    props = document.core_properties
    org = context.get("organisasi") or {}
    props.title = " — ".join(p for p in (context["L"]["judul_dokumen"], org.get("nama", ""))
                             if p)
    props.author = "iki"
    props.last_modified_by = "iki"
    props.comments = ""
    props.revision = 1
    element = props._element
    for name in ("created", "modified", "lastPrinted"):
        for found in element.findall(f"{{http://purl.org/dc/terms/}}{name}"):
            element.remove(found)
    package_rels = document.part.package.rels
    for rid in [r for r, rel in package_rels.items() if rel.reltype == _THUMBNAIL]:
        del package_rels[rid]  # python-docx's own template thumbnail is not this document


def _fixed_zip(data: bytes) -> bytes:
    """The package again, every member with the same timestamp and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
