"""Rendering with Jinja: the period report and the IKI document, in Markdown and HTML.

The templates see plain view objects (dataclasses below) built from the
definitions and results, never the pydantic models, so a user's template in
`--templates DIR` depends only on what `docs/reports.md` lists. A user's folder
is searched first and the built-in templates after it: one partial can be
overridden alone.
"""

from __future__ import annotations

import functools
import math
import re
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from markupsafe import Markup, escape

from . import formula
from .definitions import Definitions
from .evaluate import Report, Result
from .i18n import LANGS, labels
from .model import Indikator, Jabatan
from .numbers import format_number, round_half_up
from .problems import IkiError, UsageError

FORMATS = ("md", "html")
REPORT_PAGE = "laporan"
DOCUMENT_PAGE = "dokumen"


# --- Formulas written out ---------------------------------------------------------------


class Teks(NamedTuple):
    """A run of formula text: a variable's `uraian`, a number, an operator."""

    teks: str
    jenis: str = "teks"


class Pecahan(NamedTuple):
    """A fraction: numerator over denominator, as the source document draws it."""

    pembilang: Ekspresi
    penyebut: Ekspresi
    jenis: str = "pecahan"


Bagian = Teks | Pecahan


class Ekspresi(NamedTuple):
    """A formula written out: its parts, and whether it needs brackets when inlined."""

    bagian: tuple[Bagian, ...]
    majemuk: bool = False


_ATOM, _PRODUCT, _SUM = 3, 2, 1


def formula_parts(node: formula.Node, names: Mapping[str, str], *, percent: bool = False,
                  lang: str = "id") -> Ekspresi:
    """The formula as fractions and text, variables replaced by `names`.

    A product with divisors becomes one fraction with the constant factors
    after it, the way the source document writes "A / B × 100%":
    `a * 100 / b` and `a / b * 100` read the same. With `percent`, a top-level
    factor 100 is written `100%`.
    """
    sep = "; " if lang == "id" else ", "
    # Text is gathered as plain strings, which `_expression` joins into one Teks per run.

    def number(n: formula.Num) -> str:
        return n.text.replace(".", ",") if lang == "id" else n.text

    def bracket(items: list[_Part], prec: int, need: int) -> list[_Part]:
        return ["(", *items, ")"] if prec < need else items

    def product(factors: list[formula.Node]) -> tuple[list[_Part], int]:
        if len(factors) == 1:
            return go(factors[0], False)
        out: list[_Part] = []
        for i, f in enumerate(factors):
            items, prec = go(f, False)
            if i:
                out.append(" × ")
            out += bracket(items, prec, _PRODUCT)
        return out, _PRODUCT

    def go(n: formula.Node, top: bool) -> tuple[list[_Part], int]:
        if isinstance(n, formula.Var):
            return [names.get(n.name, n.name)], _ATOM
        if isinstance(n, formula.Num):
            return [number(n)], _ATOM
        if isinstance(n, formula.Unary):
            items, prec = go(n.operand, False)
            if n.op == "+":
                return items, prec
            return ["−", *bracket(items, prec, _ATOM)], _ATOM
        if isinstance(n, formula.Call):
            out: list[_Part] = [f"{n.name}("]
            for i, arg in enumerate(n.args):
                if i:
                    out.append(sep)
                out += go(arg, False)[0]
            out.append(")")
            return out, _ATOM
        if n.op in ("+", "-"):
            left, _ = go(n.left, False)
            right, rprec = go(n.right, False)
            op = " + " if n.op == "+" else " − "
            return [*left, op, *bracket(right, rprec, _PRODUCT)], _SUM
        chain = formula.factors(n)
        upper = [f for f, div in chain if not div]
        lower = [f for f, div in chain if div]
        if not lower:
            items, prec = product(upper)
            return _percent(items, percent and top), prec
        constants = [f for f in upper if isinstance(f, formula.Num)]
        if len(constants) < len(upper):
            upper = [f for f in upper if not isinstance(f, formula.Num)]
        else:
            constants = []
        out = [Pecahan(_expression(*product(upper)), _expression(*product(lower)))]
        for c in constants:
            out += [" × ", number(c)]
        return _percent(out, percent and top), _PRODUCT if constants else _ATOM

    return _expression(*go(node, True))


_Part = str | Pecahan


def _percent(items: list[_Part], apply: bool) -> list[_Part]:
    """Write the factor 100 of a top-level product as `100%`."""
    if not apply:
        return items
    return [("100%" if item == "100" and i and items[i - 1] == " × " else item)
            for i, item in enumerate(items)]


def _expression(items: list[_Part], prec: int) -> Ekspresi:
    """The parts with neighbouring text joined into one Teks, so templates see few parts."""
    parts: list[Bagian] = []
    run: list[str] = []
    for item in items:
        if isinstance(item, str):
            run.append(item)
            continue
        if run:
            parts.append(Teks("".join(run)))
            run = []
        parts.append(item)
    if run:
        parts.append(Teks("".join(run)))
    return Ekspresi(tuple(parts), prec < _ATOM)


def formula_text(expr: Ekspresi) -> str:
    """A written-out formula on one line: fractions as `A / B`, bracketed where needed."""

    def side(e: Ekspresi) -> str:
        text = formula_text(e)
        return f"({text})" if e.majemuk else text

    return "".join(b.teks if isinstance(b, Teks) else f"{side(b.pembilang)} / {side(b.penyebut)}"
                   for b in expr.bagian)


# --- The view objects the templates see ------------------------------------------------


@dataclass
class Ambang:
    """One step of a threshold list (kategori): values from `batas_bawah` get `label`."""

    batas_bawah: float
    label: str


@dataclass
class Masukan:
    """One input of an indicator's result: the aggregated value and what is missing."""

    id: str
    uraian: str
    satuan: str
    nilai: float | None
    kurang: list[str]


@dataclass
class Hasil:
    """An indicator's result for the period (the report's row)."""

    realisasi: float | None
    target: float | None
    capaian: float | None
    predikat: str | None
    kategori: str | None
    status: str
    warna: str
    masukan: list[Masukan]
    catatan: list[str]
    pesan: list[str]


@dataclass
class IndikatorView:
    """An indicator as the templates see it; `hasil` only in the period report."""

    nomor: str
    id: str
    nama: str
    satuan: str
    polaritas: str
    desimal: int
    rumus: str
    rumus_bagian: Ekspresi
    rumus_teks: str
    sumber_data: list[str]
    penjelasan: str | None
    kategori: list[Ambang]
    target: dict[str, float]
    hasil: Hasil | None = None


@dataclass
class SasaranView:
    id: str
    uraian: str
    mendukung: str | None
    indikator: list[IndikatorView]


@dataclass
class JabatanView:
    nomor: int
    id: str
    jabatan: str
    atasan: str | None
    atasan_jabatan: str | None
    tugas: list[str]
    fungsi: list[str]
    sasaran: list[SasaranView]

    @property
    def indikator(self) -> list[IndikatorView]:
        return [i for s in self.sasaran for i in s.indikator]


@dataclass
class Hitungan:
    """One line of a summary count: a key (status or predikat label), its count, colour."""

    kunci: str
    jumlah: int
    warna: str = ""


@dataclass
class Ringkasan:
    """The office summary of a period."""

    indikator: int
    status: list[Hitungan]
    predikat: list[Hitungan]
    tanpa_predikat: int
    tercapai: int
    dihitung: int
    persen_tercapai: float | None


@dataclass
class Batang:
    """One bar of the chart, in SVG user units."""

    nomor: str
    label: str
    judul: str
    y: float
    lebar: float
    terpotong: bool
    capaian: float | None
    predikat: str | None
    warna: str
    teks_x: float


@dataclass
class Grafik:
    """One SVG chart of capaian bars (long reports get several, one per printed block)."""

    lebar: int
    tinggi: float
    x0: float
    x100: float
    skala: list[tuple[float, str]]
    batang: list[Batang] = field(default_factory=list)


# --- Colours of the rating scale ---------------------------------------------------------

# From the lowest rating to the highest; a scale of any length picks along it.
PALETTE = ("#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32")
NO_RATING = "#9e9e9e"


def rating_colour(label: str | None, scale: list[str]) -> str:
    """The colour of a predikat by its rank in the scale; grey when there is none."""
    if not label or label not in scale:
        return NO_RATING
    if len(scale) == 1:
        return PALETTE[-1]
    rank = scale.index(label) / (len(scale) - 1)
    return PALETTE[round(rank * (len(PALETTE) - 1))]


# --- Building the views -------------------------------------------------------------------


def ordered_positions(defs: Definitions) -> list[Jabatan]:
    """Positions depth-first from the head, siblings in file order; the rest after."""
    positions = [loaded.model for loaded in defs.jabatan]
    ids = {p.id for p in positions}
    children: dict[str | None, list[Jabatan]] = {}
    for pos in positions:
        parent = pos.atasan if pos.atasan in ids else None
        children.setdefault(parent, []).append(pos)
    seen: dict[str, Jabatan] = {}

    def walk(pos: Jabatan) -> None:
        if pos.id in seen:
            return
        seen[pos.id] = pos
        for child in children.get(pos.id, []):
            walk(child)

    for head in children.get(None, []):
        walk(head)
    return list(seen.values()) + [p for p in positions if p.id not in seen]


def _indicator_view(defs: Definitions, pos: Jabatan, ind: Indikator, nomor: str,
                    lang: str) -> IndikatorView:
    node = defs.formulas[(pos.id, ind.id)]
    catalogue = defs.variables
    used = defs.variable_names((pos.id, ind.id))
    names = {v: catalogue[v].uraian for v in used if v in catalogue}
    parts = formula_parts(node, names, percent=ind.satuan.strip() == "%", lang=lang)
    if ind.sumber_data:
        sources = [ind.sumber_data]
    else:
        sources = list(dict.fromkeys(catalogue[v].sumber_data or "" for v in used
                                     if v in catalogue))
    return IndikatorView(
        nomor=nomor, id=ind.id, nama=ind.nama, satuan=ind.satuan, polaritas=ind.polaritas,
        desimal=ind.desimal, rumus=ind.rumus, rumus_bagian=parts,
        rumus_teks=formula_text(parts), sumber_data=[s for s in sources if s.strip()],
        penjelasan=ind.penjelasan,
        kategori=[Ambang(t.batas_bawah, t.label) for t in ind.kategori or []],
        target=dict(ind.target))


def position_views(defs: Definitions, lang: str) -> list[JabatanView]:
    """Every position with its objectives and indicators, in tree order."""
    titles = {loaded.model.id: loaded.model.jabatan for loaded in defs.jabatan}
    views = []
    for n, pos in enumerate(ordered_positions(defs), 1):
        sasaran = []
        count = 0
        for sas in pos.sasaran:
            indicators = []
            for ind in sas.indikator:
                count += 1
                indicators.append(_indicator_view(defs, pos, ind, f"{n}.{count}", lang))
            sasaran.append(SasaranView(sas.id, sas.uraian, sas.mendukung, indicators))
        views.append(JabatanView(n, pos.id, pos.jabatan, pos.atasan,
                                 titles.get(pos.atasan) if pos.atasan else None,
                                 list(pos.tugas), list(pos.fungsi), sasaran))
    return views


def _result_view(defs: Definitions, r: Result, scale: list[str]) -> Hasil:
    catalogue = defs.variables
    inputs = []
    for name in defs.variable_names((r.jabatan, r.indikator)):
        var = catalogue.get(name)
        inputs.append(Masukan(name, var.uraian if var else name,
                              (var.satuan or "") if var else "", r.nilai.get(name),
                              list(r.kurang.get(name, []))))
    # The missing parts are shown beside each input; the notes are the other messages.
    return Hasil(r.realisasi, r.target, r.capaian, r.predikat, r.kategori, r.status,
                 rating_colour(r.predikat, scale), inputs, list(r.catatan), list(r.pesan))


def _reached(capaian: float | None) -> bool:
    """At or above target as the report prints it (rounded to 2 decimals)."""
    return capaian is not None and round_half_up(capaian, 2) >= 100


def summary_view(report: Report) -> Ringkasan:
    """Counts by status and predikat, and the share of indicators at or above target."""
    counts = report.ringkasan
    scale = report.predikat_scale
    found = counts["predikat"]
    computed = [r for r in report.hasil if r.capaian is not None]
    reached = sum(_reached(r.capaian) for r in computed)
    return Ringkasan(
        indikator=counts["indikator"],
        status=[Hitungan(s, counts[s]) for s in ("lengkap", "parsial", "tanpa_data", "galat")],
        predikat=[Hitungan(label, found.get(label, 0), rating_colour(label, scale))
                  for label in reversed(scale)],
        tanpa_predikat=sum(1 for r in report.hasil if not r.predikat),
        tercapai=reached, dihitung=len(computed),
        persen_tercapai=reached / len(computed) * 100 if computed else None)


CHART_WIDTH = 720
CHART_ROWS = 24  # bars per SVG: one chart block fits a printed A4 page with room to spare
_ROW, _TOP, _LABEL_CHARS = 20.0, 24.0, 48
_X0, _X1 = 320.0, 525.0


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def chart_views(positions: list[JabatanView]) -> list[Grafik]:
    """Bars of capaian per indicator against the 100 line, split into printable blocks."""
    indicators = [i for j in positions for i in j.indikator if i.hasil is not None]
    if not indicators:
        return []
    highest = max((i.hasil.capaian for i in indicators
                   if i.hasil and i.hasil.capaian is not None), default=100.0)
    # The axis shows at least 0–120 and at most 0–200; longer bars are cut with a mark.
    top = min(max(120.0, math.ceil(highest / 20) * 20), 200.0)
    step = 20 if top <= 160 else 50
    scale = (_X1 - _X0) / top
    ticks = [(_X0 + t * scale, str(t)) for t in range(0, int(top) + 1, step)]
    blocks = max(1, math.ceil(len(indicators) / CHART_ROWS))
    per_block = math.ceil(len(indicators) / blocks)
    charts = []
    for b in range(blocks):
        rows = indicators[b * per_block:(b + 1) * per_block]
        chart = Grafik(CHART_WIDTH, _TOP + len(rows) * _ROW + 6, _X0, _X0 + 100 * scale, ticks)
        for k, ind in enumerate(rows):
            h = ind.hasil
            assert h is not None
            value = h.capaian
            width = min(value, top) * scale if value is not None else 0.0
            chart.batang.append(Batang(
                nomor=ind.nomor, label=_shorten(ind.nama, _LABEL_CHARS), judul=ind.nama,
                y=_TOP + k * _ROW, lebar=round(width, 1),
                terpotong=value is not None and value > top, capaian=value,
                predikat=h.predikat, warna=h.warna, teks_x=round(_X0 + width + 4, 1)))
        charts.append(chart)
    return charts


# --- Filters --------------------------------------------------------------------------------


# The same numbers are written in the Markdown report, the HTML report and its chart:
# each is rounded and formatted once.
_format_number = functools.lru_cache(maxsize=1 << 16)(format_number)


def _language_filters(lang: str) -> dict[str, Callable[..., str]]:
    """The filters that write numbers in the notation of the report language `lang`.

    Bound to the language when the environment is made, rather than reading
    `lang` from the template context on each of the many numbers of a report.
    """
    point = "," if lang == "id" else "."

    def angka(value: float | None, decimals: int = 2) -> str:
        """A number rounded half-up to `decimals`, in the report language's notation."""
        return _format_number(value, decimals, lang)

    def angka_bebas(value: float | None, decimals: int = 4) -> str:
        """A measured value with up to `decimals` decimals, trailing zeros dropped."""
        text = _format_number(value, decimals, lang)
        if value is not None and point in text:
            text = text.rstrip("0").rstrip(point)
        return text

    def grafik(g: Grafik, label: str, no_value: str) -> Markup:
        return chart_svg(g, label, no_value, lang)

    return {"angka": angka, "angka_bebas": angka_bebas, "grafik_svg": grafik}


@jinja2.pass_eval_context
def _line_breaks(eval_ctx: Any, value: object) -> str | Markup:
    """Text with its line breaks kept: escaped and `<br>` in HTML, unchanged otherwise."""
    text = "" if value is None else str(value).replace("\r\n", "\n").strip()
    if not eval_ctx.autoescape:
        return text
    if "\n" not in text:  # most names and titles are one line
        return escape(text)
    return Markup("<br>\n").join(escape(line) for line in text.split("\n"))


_MD_ESCAPES = str.maketrans({
    "\\": "\\\\", "|": "\\|", "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]",
    "~": "\\~", "<": "&lt;", ">": "&gt;", "&": "&amp;",
})


_MD_SPECIAL = re.compile("[" + re.escape("".join(map(chr, _MD_ESCAPES))) + "]")


def md_escape(value: object) -> str:
    """Text safe in a GitHub-flavoured Markdown table cell: markup escaped, newlines `<br>`."""
    if value is None:
        return ""
    text = str(value)
    if "\n" not in text and "\r" not in text:  # most cells: one line, often nothing to escape
        text = text.strip()
        return text.translate(_MD_ESCAPES) if _MD_SPECIAL.search(text) else text
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return "<br>".join(line.strip().translate(_MD_ESCAPES) for line in text.split("\n")
                       if line.strip())


def formula_html(expr: Ekspresi) -> Markup:
    """A written-out formula as HTML: each fraction a numerator over a denominator.

    Built here rather than by a recursive template macro, which cost a template
    call per fraction side; `_rumus.html` wraps it and can still be replaced.
    """
    out = ['<span class="rumus">']
    for b in expr.bagian:
        if isinstance(b, Pecahan):
            out.append(f'<span class="frac"><span class="num">{formula_html(b.pembilang)}'
                       f'</span><span class="den">{formula_html(b.penyebut)}</span></span>')
        else:
            short = " nw" if len(b.teks.strip()) <= 12 else ""
            out.append(f'<span class="t{short}">{escape(b.teks)}</span>')
    out.append("</span>")
    return Markup("".join(out))


def chart_svg(g: Grafik, label: str, no_value: str, lang: str) -> Markup:
    """One chart block as SVG: grid and ticks, a bar and its label per indicator, the
    0 and 100 lines, and each bar's capaian and predikat (`label` names the figure for
    screen readers; `no_value` marks an indicator without capaian).

    Built here rather than in the template: a block of 24 bars took some 300 template
    expressions, a quarter of the time of a large HTML report. `_chart.svg.html`
    wraps it and can still be replaced to draw the chart from `g` differently.
    """
    n = _svg_number
    bottom = n(g.tinggi - 4)
    x0 = n(g.x0)
    head = (f'<svg class="grafik" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {g.lebar} '
            f'{n(g.tinggi)}" width="{g.lebar}" height="{n(g.tinggi)}" role="img" '
            f'aria-label="{escape(label)}" font-family="Liberation Sans, DejaVu Sans, Arial, '
            'sans-serif" font-size="10.5">\n')
    out = [head]
    for x, tick in g.skala:
        out.append(f'<line x1="{n(x)}" y1="16" x2="{n(x)}" y2="{bottom}" stroke="#d0d0d0" '
                   f'stroke-width="0.5"/>\n<text x="{n(x)}" y="11" text-anchor="middle" '
                   f'fill="#444">{escape(tick)}</text>\n')
    for b in g.batang:
        nomor = escape(b.nomor)
        out.append(f'<g>\n<title>{nomor} {escape(b.judul)}</title>\n<text x="0" '
                   f'y="{n(b.y + 11)}" fill="#1a1a1a">{nomor} {escape(b.label)}</text>\n')
        if b.capaian is not None:
            out.append(f'<rect x="{x0}" y="{n(b.y + 1)}" width="{n(b.lebar)}" height="13" '
                       f'fill="{escape(b.warna)}" stroke="#333" stroke-width="0.5"/>\n')
        out.append("</g>\n")
    out.append(f'<line x1="{x0}" y1="16" x2="{x0}" y2="{bottom}" stroke="#333" '
               f'stroke-width="1"/>\n<line x1="{n(g.x100)}" y1="16" x2="{n(g.x100)}" '
               f'y2="{bottom}" stroke="#1a1a1a" stroke-width="1.2" stroke-dasharray="4 2"/>\n'
               '<g stroke="#fff" stroke-width="3" stroke-linejoin="round" '
               'paint-order="stroke">\n')
    for b in g.batang:
        if b.capaian is not None:
            text = _format_number(b.capaian, 2, lang)
            if b.terpotong:
                text += " ▸"
            if b.predikat:
                text += f" · {escape(b.predikat)}"
            out.append(f'<text x="{n(b.teks_x)}" y="{n(b.y + 11)}" fill="#1a1a1a">{text}'
                       "</text>\n")
        else:
            out.append(f'<text x="{n(g.x0 + 4)}" y="{n(b.y + 11)}" fill="#555" '
                       f'font-style="italic">{escape(no_value)}</text>\n')
    out.append("</g>\n</svg>\n")
    return Markup("".join(out))


def _svg_number(value: float) -> str:
    """A coordinate for SVG: fixed decimals so output is byte-stable."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def filters(lang: str) -> dict[str, Callable[..., Any]]:
    """Every filter the templates have, by name (documented in docs/reports.md)."""
    return {
        "br": _line_breaks,
        "md": md_escape,
        "rumus_html": formula_html,
        "rumus_teks": formula_text,
        "svg": _svg_number,
        **_language_filters(lang),  # angka, angka_bebas, grafik_svg
    }


# --- Environment and rendering -------------------------------------------------------------


def builtin_templates() -> jinja2.BaseLoader:
    """The built-in templates: inside the installed package, else the source checkout's."""
    try:
        packaged = resources.files("iki_cli") / "templates"
        if packaged.is_dir():
            return jinja2.PackageLoader("iki_cli", "templates")
    except (ModuleNotFoundError, ValueError, OSError):
        pass
    checkout = Path(__file__).resolve().parent.parent / "templates"
    if checkout.is_dir():
        return jinja2.FileSystemLoader(str(checkout))
    raise IkiError("the built-in report templates are missing from this installation; "
                   "reinstall iki")


def environment(fmt: str, templates: Path | None = None, lang: str = "id") -> jinja2.Environment:
    """The Jinja environment of one output format, the user's folder before the built-ins."""
    if lang not in LANGS:
        raise UsageError(f"unknown language `{lang}`; choose from {', '.join(LANGS)}")
    if fmt not in FORMATS:
        raise UsageError(f"unknown report format `{fmt}`; choose from {', '.join(FORMATS)}")
    loaders: list[jinja2.BaseLoader] = []
    if templates is not None:
        if not templates.is_dir():
            what = "is not a folder" if templates.exists() else "does not exist"
            raise UsageError(f"templates folder `{templates}` {what}")
        loaders.append(jinja2.FileSystemLoader(str(templates)))
    loaders.append(builtin_templates())
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(filters(lang))
    return env


# Partials that the report imports once and calls per item: file stem → the macro they define.
MACRO_PARTIALS = {"_indikator_row": "baris(i, j)", "_chart.svg": "grafik_svg(g)"}


def _check_macro_partials(env: jinja2.Environment, templates: Path, fmt: str) -> None:
    """A user's copy of a macro partial must define its macro.

    Without this, a row partial written as a plain include (as they were before
    they became macros) fails with "'i' is undefined", which does not say what to do.
    """
    for stem, macro in MACRO_PARTIALS.items():
        path = templates / f"{stem}.{fmt}"
        if not path.is_file():
            continue
        try:
            tree = env.parse(path.read_text(encoding="utf-8"), path.name, str(path))
        except (jinja2.TemplateSyntaxError, OSError, UnicodeDecodeError):
            continue  # reported where the page renders, with its line
        name = macro.split("(")[0]
        if not any(m.name == name for m in tree.find_all(jinja2.nodes.Macro)):
            raise IkiError(f"template `{_where(str(path))}` must define the macro `{macro}`: "
                           "the page imports it once and calls it per "
                           f"{'indicator' if stem == '_indikator_row' else 'chart block'}; "
                           "wrap its content in `{% macro " + macro + " %}` … "
                           "`{% endmacro %}` (see docs/reports.md)")


def _template_frame(exc: BaseException) -> traceback.FrameSummary | None:
    """The innermost traceback frame inside a template (Jinja maps them to template lines)."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        name = frame.filename
        if not name.endswith(".py") and not name.startswith("<"):
            found = frame
    return found


def _where(filename: str) -> str:
    """A template file as the user should read it: relative when under the working folder."""
    path = Path(filename)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def _render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render one page; any template mistake becomes an IkiError naming file and line."""
    try:
        text = env.get_template(name).render(context)
        return text.rstrip("\n") + "\n"
    except jinja2.TemplateSyntaxError as exc:
        where = _where(exc.filename) if exc.filename else exc.name or name
        raise IkiError(f"template error in `{where}` line {exc.lineno}: {exc.message}") \
            from None
    except Exception as exc:
        frame = _template_frame(exc)
        if isinstance(exc, jinja2.TemplateNotFound):
            what = f"template `{exc.name}` not found (neither in --templates nor built in)"
        elif frame is None:
            raise
        else:
            what = str(exc) or type(exc).__name__
        if frame is None:
            raise IkiError(what) from None
        where = _where(frame.filename)
        raise IkiError(f"template error in `{where}` line {frame.lineno}: {what}") from None


def _organisation(defs: Definitions) -> dict[str, str]:
    org = defs.organisasi.model if defs.organisasi else None
    if org is None:
        return {"nama": "", "singkatan": "", "pemda": ""}
    return {"nama": org.nama, "singkatan": org.singkatan or "", "pemda": org.pemda}


class Labels(dict[str, str]):
    """The label table, read as `L.name` or `L["name"]` in templates.

    Jinja tries `getattr` before `[]`. Every label is also an attribute of the
    instance, so `L.name` is found at once: on a plain dict each lookup first
    raised and caught an AttributeError, and a `__getattr__` fallback cost a
    Python call, a dozen times per indicator row.
    """

    def __init__(self, table: dict[str, str]) -> None:
        super().__init__(table)
        self.__dict__.update(table)


def report_context(report: Report, defs: Definitions, lang: str = "id") -> dict[str, Any]:
    """What `laporan.*` templates see (documented in docs/reports.md)."""
    positions = position_views(defs, lang)
    results = {(r.jabatan, r.indikator): r for r in report.hasil}
    for pos in positions:
        for ind in pos.indikator:
            found = results.get((pos.id, ind.id))
            if found is not None:
                ind.hasil = _result_view(defs, found, report.predikat_scale)
    organisation = _organisation(defs)
    organisation.update(report.organisasi)
    return {
        "lang": lang, "L": Labels(labels(lang)), "periode": report.periode,
        "organisasi": organisation, "ringkasan": summary_view(report),
        "predikat_skala": list(report.predikat_scale), "jabatan": positions,
        "grafik": chart_views(positions),
    }


def document_context(defs: Definitions, lang: str = "id") -> dict[str, Any]:
    """What `dokumen.*` templates see (documented in docs/reports.md)."""
    return {"lang": lang, "L": Labels(labels(lang)), "organisasi": _organisation(defs),
            "jabatan": position_views(defs, lang)}


def render_report(report: Report, defs: Definitions, fmt: str, lang: str = "id",
                  templates: Path | None = None) -> str:
    """The period report (`laporan.md` / `laporan.html`) as text."""
    return render_reports(report, defs, [fmt], lang, templates)[fmt]


def render_reports(report: Report, defs: Definitions, formats: list[str], lang: str = "id",
                   templates: Path | None = None) -> dict[str, str]:
    """The period report in several formats, from one context built once."""
    envs = {fmt: environment(fmt, templates, lang) for fmt in formats}
    if templates is not None:
        for fmt, env in envs.items():
            _check_macro_partials(env, templates, fmt)
    context = report_context(report, defs, lang)
    return {fmt: _render(env, f"{REPORT_PAGE}.{fmt}", context) for fmt, env in envs.items()}


def render_document(defs: Definitions, fmt: str, lang: str = "id",
                    templates: Path | None = None) -> str:
    """The IKI document (`dokumen.md` / `dokumen.html`) as text."""
    env = environment(fmt, templates, lang)
    return _render(env, f"{DOCUMENT_PAGE}.{fmt}", document_context(defs, lang))
