"""Reports: golden files of a small office, escaping, overriding templates, languages, errors.

Golden files live in `tests/golden/`; after a deliberate change to the templates
or the renderer, regenerate them with `IKI_UPDATE_GOLDEN=1 pytest tests/render/test_render.py`
and review the diff.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import (
    GOLDEN,
    LAPORAN_KECIL,
    LAPORAN_KECIL_NILAI,
    SHIPPED,
    invoke,
    laporan_kecil_2026,
)
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from iki_cli import __version__, formula
from iki_cli.checks import validate
from iki_cli.cli import app
from iki_cli.definitions.loading import Definitions
from iki_cli.errors import IkiError, UsageError
from iki_cli.evaluation.compute import compute
from iki_cli.evaluation.results import Report
from iki_cli.i18n import LABELS
from iki_cli.markdown import md_escape
from iki_cli.periods import parse_period
from iki_cli.render import render_document, render_report
from iki_cli.render.chart import Batang, Grafik, chart_svg
from iki_cli.render.environment import builtin_templates, environment
from iki_cli.render.filters import css_string
from iki_cli.render.formula_view import Pecahan, Teks, formula_parts, formula_text
from iki_cli.render.source import Sumber
from iki_cli.values.reading import read_values

DEFINITIONS = LAPORAN_KECIL
VALUES = LAPORAN_KECIL_NILAI
UPDATE = os.environ.get("IKI_UPDATE_GOLDEN") == "1"


def load(root: Path = DEFINITIONS) -> Definitions:
    defs, problems = validate(root)
    assert not [p for p in problems if p.level == "error"], problems
    return defs


def period_report(lang: str = "id") -> tuple[Report, Definitions]:
    return laporan_kecil_2026()


# Where the golden reports' figures come from (the command line finds it in git): fixed, so
# that the files do not change with every commit.
SOURCE = Sumber("tests/fixtures/laporan-kecil/definitions", "0123456789ab", "pk-2026", False,
                None, ("tests/fixtures/laporan-kecil/nilai-2026.csv",), "9.9.9")
# The English golden report is dated; the Indonesian one leaves the date for the pen.
SIGNED = {"id": None, "en": datetime.date(2027, 1, 15)}


def rendered(kind: str, fmt: str, lang: str = "id") -> str:
    if kind == "laporan":
        report, defs = period_report(lang)
        return render_report(report, defs, fmt, lang, sumber=SOURCE, tanggal=SIGNED[lang])
    return render_document(load(), fmt, lang)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        # An update run never passes: the regenerated file is a change to review and commit.
        before = path.read_bytes() if path.is_file() else None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        pytest.fail(f"{name} regenerated ({'changed' if before != path.read_bytes() else 'same'})"
                    "; review the diff (`git diff tests/golden`), then run without "
                    "IKI_UPDATE_GOLDEN")
    assert path.is_file(), f"missing golden file {path}; run with IKI_UPDATE_GOLDEN=1"
    assert text.encode("utf-8") == path.read_bytes(), (
        f"{name} differs from the golden file; if the change is intended, "
        "rerun with IKI_UPDATE_GOLDEN=1 and review the diff")


# --- Golden files ------------------------------------------------------------------------


@pytest.mark.parametrize("kind,fmt,lang", [
    ("laporan", "md", "id"), ("laporan", "html", "id"),
    ("dokumen", "md", "id"), ("dokumen", "html", "id"),
    ("laporan", "md", "en"), ("laporan", "html", "en"),
])
def test_golden(kind: str, fmt: str, lang: str) -> None:
    suffix = "" if lang == "id" else f".{lang}"
    check_golden(f"laporan-kecil-{kind}{suffix}.{fmt}", rendered(kind, fmt, lang))


def test_output_is_deterministic_across_processes(tmp_path: Path) -> None:
    """Two runs in fresh processes, with different hash seeds, write the same bytes."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "iki_cli", "compute", "-p", "2026",
                        "-v", str(VALUES), "-d", str(DEFINITIONS), "-o", str(out),
                        "-f", "md,html,json"], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 3


def test_compute_and_doc_commands_write_the_golden_files(runner: CliRunner,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "laporan"
    r = runner.invoke(app, ["compute", "-p", "2026", "-v", str(VALUES), "-d", str(DEFINITIONS),
                            "-o", str(out), "-f", "md,html", "--lang", "id"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["doc", "-d", str(DEFINITIONS), "-o", str(out), "--lang", "id"])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == [
        "iki-2026.html", "iki-2026.md", "iki-dokumen.html", "iki-dokumen.md"]
    # The source line names the commit the command line found, which the golden files
    # cannot: it is checked here, and left out of the comparison.
    footer = re.compile(r"(<small>|<footer class=\"sumber\">)Sumber angka: .*")
    md = (out / "iki-2026.md").read_text(encoding="utf-8")
    line = footer.search(md)
    assert line is not None and f"nilai: {VALUES}; iki {__version__}" in line.group(0)
    assert re.search(r"definisi: (commit [0-9a-f]{12}|folder )", line.group(0))
    for name, golden in (("iki-2026.md", "laporan-kecil-laporan.md"),
                         ("iki-2026.html", "laporan-kecil-laporan.html"),
                         ("iki-dokumen.md", "laporan-kecil-dokumen.md"),
                         ("iki-dokumen.html", "laporan-kecil-dokumen.html")):
        ours = footer.sub("", (out / name).read_text(encoding="utf-8"))
        assert ours == footer.sub("", (GOLDEN / golden).read_text(encoding="utf-8")), name


# --- What the period report says ----------------------------------------------------------


def _rows(md: str) -> dict[str, str]:
    """The appendix's indicator rows of a Markdown report, by number."""
    found = {}
    for line in md.splitlines():
        m = re.match(r"\| <a id=\"[a-z0-9-]+\"></a>(\d+\.\d+) \|", line)
        if m:
            found[m.group(1)] = line
    return found


def test_report_shows_every_status_and_its_reason() -> None:
    rows = _rows(rendered("laporan", "md"))
    assert len(rows) == 7
    assert "| Lengkap |" in rows["1.1"]
    assert "93,23" in rows["1.1"] and "103,58" in rows["1.1"] and "Sangat Tinggi" in rows["1.1"]
    # negative polarity: (2 - 2.5 / 5) × 100
    assert "| 150,00 |" in rows["1.2"]
    assert "Parsial (sementara)" in rows["1.3"] and "belum ada: 2026-TW4" in rows["1.3"]
    assert "| 100,71 (sementara) |" in rows["1.3"]
    assert "Kategori: Sangat Baik" in rows["1.3"]
    assert "Galat" in rows["2.1"] and "pembagian dengan nol" in rows["2.1"]
    assert "Tanpa data" in rows["2.2"] and rows["2.2"].count("belum ada nilai") == 3
    assert "Sedang" in rows["3.1"]
    assert "tidak ada target untuk periode ini" in rows["3.2"]


def test_each_result_shows_its_arithmetic_and_how_inputs_were_combined() -> None:
    rows = _rows(rendered("laporan", "md"))
    # 1,156 / 1,240 × 100 = 93.2258…; 93.23 / 90 × 100 = 103.58…
    assert "Perhitungan: 1.156 / 1.240 × 100% = 93,23%" in rows["1.1"]
    assert "Capaian: 93,23 / 90,00 × 100% = 103,58%" in rows["1.1"]
    assert "Capaian: (2 − 2,50 / 5,00) × 100% = 150,00%" in rows["1.2"]
    # min(27 / 45 × 100, 100) = 60; the divisor 0 of 2.1 gives no result
    assert "Perhitungan: min(27 / 45 × 100; 100) = 60%" in rows["3.1"]
    assert "Perhitungan: 0 / 0 × 100% = –" in rows["2.1"]
    # (80.5 + 83.25 + 84) / 3 over three quarters; a value recorded for the year as such
    assert "82,5833 indeks (rata-rata 2026-TW1 … 2026-TW3)" in rows["1.3"]
    assert "1.240 permohonan (dicatat untuk 2026)" in rows["1.1"]
    # the values' notes: a remark, and an evidence link (a link in HTML)
    assert "Keterangan data 2026: dokumen belum ditetapkan" in rows["2.1"]
    assert "Keterangan data 2026: Rekap register https://layanan.contoh.go.id/rekap-2026.pdf" \
        in rows["1.1"]
    html = rendered("laporan", "html")
    assert ('Rekap register <a href="https://layanan.contoh.go.id/rekap-2026.pdf" '
            'rel="noopener noreferrer">https://layanan.contoh.go.id/rekap-2026.pdf</a>') in html


def test_report_headline_counts_every_indicator_once() -> None:
    md = rendered("laporan", "md")
    for line in ("| Lengkap | 4 |", "| Parsial | 1 |", "| Tanpa data | 1 |", "| Galat | 1 |",
                 "| **Jumlah indikator** | **7** |", "| Sangat Tinggi | 3 |", "| Sedang | 1 |",
                 "| Rendah | 0 |"):
        assert line in md
    # 1.1, 1.2, 1.3 at or above 100; 3.1 below; 2.1, 2.2, 3.2 without capaian: 3 + 1 + 3 = 7
    assert ("**3 dari 7 indikator mencapai target.** 1 di bawah target dan 3 tanpa capaian"
            in md)
    assert "1 hasil masih sementara (parsial)" in md
    assert "3 of 7 indicators met their target" in rendered("laporan", "md", "en")


def test_perlu_perhatian_lists_what_to_chase_with_links() -> None:
    md = rendered("laporan", "md")
    section = md[md.index("## Perlu perhatian (5)"):md.index('<div align="right">')]
    numbers = re.findall(r"\| \[(\d+\.\d+)\]\(#([a-z0-9-]+)\)", section)
    # every indicator not lengkap, without capaian or below 100; 1.1 and 1.2 reached theirs
    assert [n for n, _ in numbers] == ["1.3", "2.1", "2.2", "3.1", "3.2"]
    assert ("2.2", "sekretaris--aset-layak-fungsi") in numbers
    assert "capaian 75,00 di bawah target (100)" in section
    assert "Jumlah seluruh aset: belum ada nilai untuk 2026" in section
    # the source of the missing value, not only the indicator's
    assert "| Kartu inventaris barang |" in section
    html = rendered("laporan", "html")
    anchors = set(re.findall(r'<tbody class="indikator" id="([^"]+)"', html))
    assert {a for _, a in numbers} <= anchors
    assert html.count('href="#sekretaris--aset-layak-fungsi"') == 2  # number and name


def test_signature_block_and_source_line() -> None:
    md = rendered("laporan", "md")
    sign = md[md.index('<div align="right">'):md.index("</div>")]
    # no --tanggal: day and month left for the pen; a 2026 report is signed in 2027
    assert "Kota Contoh, \\_\\_\\_" in sign and "2027  \n" in sign
    assert "**Kepala Kantor &lt;script&gt;" in sign
    assert "**Dra. Siti Aminah, M.Si.**" in sign and "NIP. 197001011990032001" in sign
    assert md.index('<div align="right">') < md.index("# Lampiran")
    assert ("Sumber angka: definisi: commit 0123456789ab (tag pk-2026); nilai: "
            "tests/fixtures/laporan-kecil/nilai-2026.csv; iki 9.9.9") in md
    assert "Kota Contoh, 15 January 2027" in rendered("laporan", "html", "en")


def test_illustrative_notice_on_screen_and_on_every_printed_page() -> None:
    html = rendered("laporan", "html")
    assert '<p class="ilustratif" role="note"><strong>Data dan target ilustratif</strong>' in html
    assert '@bottom-left { content: "DATA DAN TARGET ILUSTRATIF";' in html
    assert "> **Data dan target ilustratif**" in rendered("laporan", "md")
    assert '@bottom-left { content: "DATA DAN TARGET ILUSTRATIF";' in rendered("dokumen", "html")


def test_running_head_page_numbers_and_continuation_head() -> None:
    html = rendered("laporan", "html")
    assert '@top-left { content: "KCSM"; }' in html
    assert '@top-right { content: "Tahun 2026"; }' in html
    assert ('@bottom-right { content: "Halaman" " " counter(page) " " "dari" " " '
            "counter(pages); }") in html
    assert ('<span class="judul-lanjutan">2. Sekretaris</span><span class="tanda">(lanjutan)'
            "</span>") in html
    en = rendered("laporan", "html", "en")
    assert '"Page" " " counter(page) " " "of"' in en and '"Year 2026"' in en


def test_text_in_the_page_margins_cannot_leave_its_css_string() -> None:
    css = css_string('Kantor "A" \\ </style><script>')
    assert css == '"Kantor \\22 A\\22  \\5c  \\3c /style\\3e \\3c script\\3e "'
    assert "<" not in css and css.count('"') == 2


def test_formula_is_written_out_with_the_variables_uraian() -> None:
    md = rendered("dokumen", "md")
    assert ("Jumlah permohonan yang selesai tepat waktu / Jumlah permohonan layanan yang masuk"
            " × 100%") in md
    assert ("(Jumlah aset yang layak fungsi + Jumlah aset rusak ringan) / Jumlah seluruh aset"
            " × 100%") in md
    html = rendered("dokumen", "html")
    assert ('<span class="frac"><span class="num"><span class="rumus"><span class="t">'
            "Jumlah permohonan yang selesai tepat waktu</span></span></span>") in html


def test_chart_has_a_bar_per_indicator_with_a_capaian_under_its_position() -> None:
    html = rendered("laporan", "html")
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert svg.count("<rect") == 4  # the four indicators with a capaian
    assert svg.count('stroke-dasharray="4 2"') == 1  # the 100 line
    assert svg.count('stroke-dasharray="3 2"') == 1  # the provisional (parsial) bar of 1.3
    for label in ("103,58 · Sangat Tinggi", "150,00 · Sangat Tinggi", "75,00 · Sedang",
                  "100,71 · Sangat Tinggi · sementara"):
        assert label in svg
    # position titles as group rows; Sekretaris has no capaian, so no group
    assert 'paint-order="stroke">1. Kepala Kantor &lt;script&gt;' in svg
    assert 'paint-order="stroke">3. Pengelola Kepegawaian</text>' in svg
    assert "2. Sekretaris" not in svg
    assert "3 indikator tanpa capaian tidak digambar" in html


def test_chart_labels_start_past_the_100_line() -> None:
    report, defs = laporan_kecil_2026()
    from iki_cli.render.context import report_context

    (chart,) = report_context(report, defs)["grafik"]
    for bar in chart.batang:
        assert bar.teks_x >= chart.x100 + 4 and bar.teks_x >= chart.x0 + bar.lebar + 4


def test_a_quarter_without_targets_is_rated_and_charted_to_date() -> None:
    """SPEC §7: a quarter without a target of its own is rated by its capaian to date."""
    defs = load()
    values = read_values([VALUES], defs.variables)
    report = compute(defs, values, parse_period("2026-TW2"))
    html = render_report(report, defs, "html")
    to_date = "s.d. Triwulan II Tahun 2026, thd target tahun 2026"
    assert ("Indikator tanpa target periode ini dinilai dengan capaian " + to_date) in html
    assert "<svg" in html and "Tidak ada indikator yang memiliki target" not in html
    rated = [r for r in report.hasil if r.sd_periode and r.sd_periode.capaian is not None]
    assert rated and all(r.capaian is None for r in rated)  # the JSON's own capaian: none
    assert html.count(f'<div class="meta">{to_date}</div>') == len(rated)


def test_a_period_without_any_capaian_gets_one_line_instead_of_a_chart() -> None:
    defs = load()
    values = read_values([VALUES], defs.variables)
    report = compute(defs, values, parse_period("2027-TW1"))  # no values, no targets
    html = render_report(report, defs, "html")
    assert "<svg" not in html
    assert ("Tidak ada indikator yang memiliki target untuk Triwulan I Tahun 2027: capaian "
            "tidak dihitung, sehingga tidak ada grafik capaian.") in html


def test_chart_block_escapes_text_and_writes_numbers_in_the_language() -> None:
    g = Grafik(720, 70.0, 320.0, 420.0, [(320.0, "0"), (420.0, "100")], [
        Batang("1.1", 'A <b> & "B"', 'A <b> & "B" long', 24.0, 205.0, True, 1234.5,
               "<i>Tinggi</i>", "#2e7d32", 529.0),
        Batang("1.2", "Tanpa", "Tanpa", 44.0, 0.0, False, None, None, "#9e9e9e", 324.0)])
    svg = chart_svg(g, "Capaian <x>", "tanpa & capaian", "id")
    assert svg.count("<rect") == 1 and svg.count("<g>") == 2
    assert '<title>1.1 A &lt;b&gt; &amp; &#34;B&#34; long</title>' in svg
    assert "1.234,50 ▸ · &lt;i&gt;Tinggi&lt;/i&gt;</text>" in svg
    assert 'font-style="italic">tanpa &amp; capaian</text>' in svg
    assert 'aria-label="Capaian &lt;x&gt;"' in svg and 'viewBox="0 0 720 70"' in svg
    assert "<b>" not in svg and "<i>" not in svg
    assert "1,234.50 ▸" in chart_svg(g, "Achievement", "none", "en")


# --- Escaping ----------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.links += [v or "" for k, v in attrs if k in ("href", "src")]


@pytest.mark.parametrize("kind", ["laporan", "dokumen"])
def test_html_escapes_definition_text(kind: str) -> None:
    html = rendered(kind, "html")
    parser = _Tags()
    parser.feed(html)
    assert not parser.tags & {"script", "i", "b", "img", "iframe", "object"}
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;masyarakat&lt;/b&gt;" in html
    assert "&amp;" in html and "&#39;masyarakat&#39;" in html
    assert "Kantor Contoh &#34;Sejahtera&#34; &amp; Mandiri" in html


@pytest.mark.parametrize("kind", ["laporan", "dokumen"])
def test_html_is_self_contained(kind: str) -> None:
    html = rendered(kind, "html")
    parser = _Tags()
    parser.feed(html)
    assert "script" not in parser.tags
    # Links within the page, and the evidence link a values file gave (a link to follow,
    # not a request the page makes).
    evidence = "https://layanan.contoh.go.id/rekap-2026.pdf"
    assert all(link.startswith(("#", "data:")) or link == evidence
               for link in parser.links), parser.links
    assert "@import" not in html and "url(" not in html
    # The only other URL is the SVG namespace, which is a name, not a request.
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) <= {"http://www.w3.org/2000/svg",
                                                               evidence}
    assert "default-src 'none'" in html


def test_html_has_a4_print_css() -> None:
    html = rendered("laporan", "html")
    for rule in ("size: A4", "break-before: page", "thead { display: table-header-group; }",
                 "table-layout: fixed", "overflow-wrap: anywhere"):
        assert rule in html


def _cells(line: str) -> list[str]:
    """A Markdown table row split on unescaped pipes."""
    return re.split(r"(?<!\\)\|", line)[1:-1]


@pytest.mark.parametrize("kind", ["laporan", "dokumen"])
def test_markdown_tables_keep_their_columns(kind: str) -> None:
    md = rendered(kind, "md")
    width = None
    for line in md.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        cells = _cells(line)
        width = width or len(cells)
        assert len(cells) == width, line
    assert "\\|" in md


def test_markdown_escapes_markup_and_line_breaks() -> None:
    md = rendered("dokumen", "md")
    assert "<script>" not in md and "<b>" not in md
    assert "Kepala Kantor &lt;script&gt;alert(\"x\")&lt;/script&gt;" in md
    assert "Perumusan kebijakan teknis;<br>baris kedua setelah ganti baris" in md
    assert "Kotak saran &amp; aplikasi \"Lapor\"" in md


@pytest.mark.parametrize("text,expected", [
    ("a | b", "a \\| b"),
    ("line one\nline two", "line one<br>line two"),
    ("x\r\n\r\ny", "x<br>y"),
    ("<script>&", "&lt;script&gt;&amp;"),
    ("*bold* _it_ `code` [link](x) ~~s~~ back\\slash",
     "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~s\\~\\~ back\\\\slash"),
    (None, ""),
    (93.5, "93.5"),
])
def test_md_escape(text: object, expected: str) -> None:
    assert md_escape(text) == expected


@given(st.text(alphabet=st.sampled_from(list("ab \t\r\n|*_`[]~<>&\\é")), max_size=20))
def test_md_escape_escapes_every_special_character_on_every_line(text: str) -> None:
    cells = md_escape(text).split("<br>")
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n")
             .split("\n") if line.strip()]
    assert cells == ([""] if not lines else [
        "".join({"<": "&lt;", ">": "&gt;", "&": "&amp;"}.get(c, "\\" + c if c in "|*_`[]~\\"
                                                                    else c) for c in line)
        for line in lines])


# --- Formulas written out ----------------------------------------------------------------

NAMES = {"a": "Jumlah A", "b": "Jumlah B", "c": "Jumlah C"}


@pytest.mark.parametrize("source,expected", [
    ("a / b * 100", "Jumlah A / Jumlah B × 100%"),
    ("a * 100 / b", "Jumlah A / Jumlah B × 100%"),
    ("(a + b) / c * 100", "(Jumlah A + Jumlah B) / Jumlah C × 100%"),
    ("a / (b * c)", "Jumlah A / (Jumlah B × Jumlah C)"),
    ("a / b / c", "Jumlah A / (Jumlah B × Jumlah C)"),
    ("a - (b - c)", "Jumlah A − (Jumlah B − Jumlah C)"),
    ("min(a / b * 100, 100)", "min(Jumlah A / Jumlah B × 100; 100)"),
    ("a / 2.5", "Jumlah A / 2,5"),
    ("100 / b", "100 / Jumlah B"),
    ("a", "Jumlah A"),
])
def test_formula_text(source: str, expected: str) -> None:
    parts = formula_parts(formula.parse(source), NAMES, percent=True, lang="id")
    assert formula_text(parts) == expected


def test_formula_parts_draw_one_fraction() -> None:
    parts = formula_parts(formula.parse("a / b * 100"), NAMES, percent=True, lang="en")
    frac, rest = parts.bagian
    assert isinstance(frac, Pecahan) and isinstance(rest, Teks)
    assert (frac.jenis, rest.jenis, rest.teks) == ("pecahan", "teks", " × 100%")
    assert formula_text(frac.pembilang) == "Jumlah A"
    assert formula_text(frac.penyebut) == "Jumlah B"
    assert formula_text(formula_parts(formula.parse("min(a, 0.5)"), NAMES, lang="en")) \
        == "min(Jumlah A, 0.5)"


# --- Languages ---------------------------------------------------------------------------


def test_both_languages_have_the_same_labels() -> None:
    assert set(LABELS["id"]) == set(LABELS["en"])


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_english_labels_and_numbers(fmt: str) -> None:
    en = rendered("laporan", fmt, "en")
    idn = rendered("laporan", fmt, "id")
    assert "93.23" in en and "103.58" in en and "1,240" in en
    assert "93,23" in idn and "103,58" in idn and "1.240" in idn
    for label in ("Achievement (%)", "Complete", "Partial", "No data", "Error", "Summary"):
        assert label in en and label not in idn
    for label in ("Capaian (%)", "Lengkap", "Parsial", "Tanpa data", "Galat", "Ringkasan"):
        assert label in idn and label not in en


@pytest.mark.parametrize("kind", ["laporan", "dokumen"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_english_reports_print_no_indonesian_label(kind: str, fmt: str) -> None:
    """No label or sentence of the Indonesian catalogues in an English report (but for the
    office's own words: the texts of its definitions and values files)."""
    from iki_cli.i18n import CATALOGUES

    own = "\n".join(p.read_text(encoding="utf-8") for p in DEFINITIONS.parent.rglob("*")
                     if p.is_file())
    text = rendered(kind, fmt, "en")
    text = re.sub(r"<style>.*?</style>|<[^>]*>", " ", text, flags=re.S)  # tags, attributes
    found = []
    for table in (LABELS, CATALOGUES):
        for key, words in table["id"].items():
            if words == table["en"][key]:
                continue
            for part in re.split(r"\{[^}]*\}", words):
                part = part.strip(" .:,;()")
                if len(part) > 4 and part not in own and part in text:
                    found.append((key, part))
    assert found == []


def test_document_in_english(runner: CliRunner, tmp_path: Path) -> None:
    r = runner.invoke(app, ["doc", "-d", str(DEFINITIONS), "-o", str(tmp_path), "-f", "html",
                            "--lang", "en"])
    assert r.exit_code == 0, r.output
    html = (tmp_path / "iki-dokumen.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Key performance indicator" in html
    assert "Sangat Baik: ≥ 81.26" in html
    assert not (tmp_path / "iki-dokumen.md").exists()


# --- Overriding templates ----------------------------------------------------------------


def compute_with_templates(runner: CliRunner, tmp_path: Path, formats: str,
                           files: dict[str, str]) -> Path:
    """Run compute on the fixture with `files` in a --templates folder; the output folder."""
    own = tmp_path / "mine"
    own.mkdir()
    for name, text in files.items():
        (own / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    r = runner.invoke(app, ["compute", "-p", "2026", "-v", str(VALUES), "-d", str(DEFINITIONS),
                            "-o", str(out), "-f", formats, "--templates", str(own),
                            "--lang", "id"])
    assert r.exit_code == 0, r.output
    return out


def test_one_partial_can_be_overridden(runner: CliRunner, tmp_path: Path) -> None:
    out = compute_with_templates(runner, tmp_path, "html,md", {"_ringkasan.html": (
        '<section id="ringkasan-saya">{{ L.ringkasan }}: {{ ringkasan.indikator }} '
        "{{ organisasi.nama }}</section>\n")})
    html = (out / "iki-2026.html").read_text(encoding="utf-8")
    assert ('<section id="ringkasan-saya">Ringkasan: 7 Kantor Contoh &#34;Sejahtera&#34; '
            "&amp; Mandiri</section>") in html
    assert html.count("<svg class=\"grafik\"") == 1  # the chart is a partial of its own, built in
    assert html.count('<section class="jabatan"') == 3  # the rest is built in
    # The Markdown report has no such override and is unchanged (but for its source line).
    footer = re.compile(r"<small>Sumber angka: .*")
    assert footer.sub("", (out / "iki-2026.md").read_text(encoding="utf-8")) == \
        footer.sub("", (GOLDEN / "laporan-kecil-laporan.md").read_text(encoding="utf-8"))


def test_the_row_macro_can_be_overridden(runner: CliRunner, tmp_path: Path) -> None:
    out = compute_with_templates(runner, tmp_path, "md", {"_indikator_row.md": (
        "{% macro baris(i, j) %}\n"
        "| {{ j.id }} / {{ i.id }} | {{ L.capaian }} {{ i.hasil.capaian | angka }} |\n"
        "{% endmacro %}\n")})
    md = (out / "iki-2026.md").read_text(encoding="utf-8")
    rows = [line for line in md.splitlines() if line.startswith("| ") and " / " in line
            and "| No |" not in line]
    assert len(rows) == 7  # one per indicator, each through the user's macro
    assert rows[0] == "| kepala / layanan-tepat-waktu | Capaian (%) 103,58 |"


@pytest.mark.parametrize(("name", "fmt", "macro"), [
    ("_indikator_row.md", "md", "baris(i, j)"),
    ("_indikator_row.html", "html", "baris(i, j)"),
    ("_chart.svg.html", "html", "grafik_svg(g)"),
])
def test_a_macro_partial_without_its_macro_is_explained(runner: CliRunner, tmp_path: Path,
                                                        name: str, fmt: str,
                                                        macro: str) -> None:
    # A partial written the way it was included per row, before it became a macro.
    own = tmp_path / "mine"
    own.mkdir()
    (own / name).write_text("{{ i.nomor }} {{ g.lebar }}\n", encoding="utf-8")
    out = tmp_path / "out"
    r = runner.invoke(app, ["compute", "-p", "2026", "-v", str(VALUES), "-d", str(DEFINITIONS),
                            "-o", str(out), "-f", fmt, "--templates", str(own)])
    assert r.exit_code == 1, r.output
    assert f"{name}` must define the macro `{macro}`" in r.output
    assert "{% endmacro %}" in r.output and not out.exists()
    # The IKI document does not use the partial and is written as usual.
    r = runner.invoke(app, ["doc", "-d", str(DEFINITIONS), "-o", str(out), "-f", fmt,
                            "--templates", str(own)])
    assert r.exit_code == 0, r.output


def test_a_page_can_be_overridden(tmp_path: Path) -> None:
    (tmp_path / "dokumen.md").write_text(
        "{% for j in jabatan %}{{ j.nomor }} {{ j.jabatan | md }}\n{% endfor %}",
        encoding="utf-8")
    text = render_document(load(), "md", templates=tmp_path)
    assert text == ("1 Kepala Kantor &lt;script&gt;alert(\"x\")&lt;/script&gt;\n"
                    "2 Sekretaris\n3 Pengelola Kepegawaian\n")


@pytest.mark.parametrize("content,line,what", [
    ("<p>\n{{ ringkasan.indikatr }}</p>\n", 2, "indikatr"),
    ("<p>{{ tidak_ada }}</p>\n", 1, "tidak_ada"),
    ("<p>\n\n{% if ringkasan %}</p>\n", 3, "endif"),
    ("<p>{{ ringkasan.indikator | angkaa }}</p>\n", 1, "angkaa"),
    ('{% include "_tidak_ada.html" %}\n', 1, "_tidak_ada.html"),
])
def test_template_mistake_is_a_clean_error(runner: CliRunner, tmp_path: Path, content: str,
                                           line: int, what: str) -> None:
    own = tmp_path / "mine"
    own.mkdir()
    (own / "_ringkasan.html").write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    r = runner.invoke(app, ["compute", "-p", "2026", "-v", str(VALUES), "-d", str(DEFINITIONS),
                            "-o", str(out), "--templates", str(own)])
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    assert "_ringkasan.html" in r.output and f"line {line}" in r.output and what in r.output
    assert not out.exists()  # nothing written, not even the JSON


def test_template_mistake_in_doc(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "_dokumen_jabatan.md").write_text("{{ j.jabatn }}\n", encoding="utf-8")
    r = runner.invoke(app, ["doc", "-d", str(DEFINITIONS), "-o", str(tmp_path / "out"),
                            "--templates", str(tmp_path)])
    assert r.exit_code == 1, r.output
    assert "_dokumen_jabatan.md" in r.output and "jabatn" in r.output


def test_missing_templates_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    r = runner.invoke(app, ["doc", "-d", str(DEFINITIONS), "-o", str(tmp_path),
                            "--templates", str(tmp_path / "nope")])
    assert r.exit_code == 2, r.output
    assert "nope" in r.output


def test_doc_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    r = runner.invoke(app, ["doc", "-d", str(DEFINITIONS), "-o", str(tmp_path), "-f", "pdf"])
    assert r.exit_code == 2, r.output
    r = runner.invoke(app, ["doc", "-d", str(DEFINITIONS), "-o", str(tmp_path), "--lang", "fr"])
    assert r.exit_code == 2, r.output
    assert list(tmp_path.iterdir()) == []


def test_render_functions_refuse_unknown_format_and_language() -> None:
    with pytest.raises(UsageError, match="pdf"):
        render_document(load(), "pdf")
    with pytest.raises(UsageError, match="fr"):
        render_document(load(), "md", lang="fr")


def test_core_errors_are_iki_errors(tmp_path: Path) -> None:
    (tmp_path / "dokumen.html").write_text("{% for %}", encoding="utf-8")
    with pytest.raises(IkiError, match=r"dokumen\.html` line 1"):
        render_document(load(), "html", templates=tmp_path)


def test_builtin_templates_are_found() -> None:
    loader = builtin_templates()
    names = set(loader.list_templates())
    for page in ("base.html", "base.md", "laporan.html", "laporan.md", "dokumen.html",
                 "dokumen.md", "_style.css.html", "_chart.svg.html", "_rumus.html"):
        assert page in names


def test_filters_are_registered_by_name() -> None:
    names = {"angka", "angka_bebas", "md", "br", "rumus_teks", "rumus_html", "svg", "grafik_svg"}
    for fmt in ("md", "html"):
        assert names <= set(environment(fmt).filters)


@pytest.mark.parametrize(("lang", "angka", "bebas"), [
    ("id", "1.234,57", "1.234,5"),
    ("en", "1,234.57", "1,234.5"),
])
def test_number_filters_follow_the_report_language(lang: str, angka: str, bebas: str) -> None:
    env = environment("html", lang=lang)
    page = env.from_string("{{ x | angka }} {{ y | angka_bebas }} {{ none | angka }}")
    assert page.render(x=1234.565, y=1234.5) == f"{angka} {bebas} –"


# --- Other offices -----------------------------------------------------------------------


def test_shipped_office_document(runner: CliRunner, tmp_path: Path) -> None:
    r = runner.invoke(app, ["doc", "-d", str(SHIPPED), "-o", str(tmp_path), "--lang", "id"])
    assert r.exit_code == 0, r.output
    html = (tmp_path / "iki-dokumen.html").read_text(encoding="utf-8")
    md = (tmp_path / "iki-dokumen.md").read_text(encoding="utf-8")
    positions = len(list((SHIPPED / "jabatan").glob("*.yaml")))
    assert html.count('<section class="jabatan"') == positions
    assert md.count("\n## ") == positions + 1  # and the pohon kinerja
    # Too tall for one landscape page: the head with its five direct subordinates, then
    # each of them with its own (every position once as a box of its subtree's diagram).
    assert html.count('<section class="pohon"') == 6
    assert html.count("<rect") == 6 + positions - 1
    # The head comes first, as in the source document.
    assert md.index("Kepala Dinas Sosial PPPA") < md.index("Sekretaris Dinas")
    assert ("Jumlah PMKS yang tertangani dalam periode (setiap orang dihitung satu kali dalam "
            "setahun, hanya yang belum tercatat pada periode sebelumnya) / Jumlah PMKS (Pemerlu "
            "Pelayanan Kesejahteraan Sosial) yang ada × 100%") in md


def test_document_shows_penjelasan_with_the_formula() -> None:
    defs = load(SHIPPED)
    md = render_document(defs, "md")
    row = next(line for line in md.splitlines() if "Persentase jumlah PMKS yang tertangani" in line)
    assert "× 100%<br>Penjelasan: Formula dalam dokumen sumber:" in row
    html = render_document(defs, "html")
    assert '<div class="penjelasan"><span class="lbl">Penjelasan:</span> Formula dalam' in html


def test_pohon_kinerja_draws_positions_objectives_and_their_links() -> None:
    html = rendered("dokumen", "html")
    svg = html[html.index('<svg class="pohon"'):]
    svg = svg[:svg.index("</svg>")]
    assert svg.count("<rect") == 3  # three positions, one diagram
    for text in (">1. Kepala Kantor<", "2. Sekretaris", "3. Pengelola Kepegawaian",
                 "◆ Meningkatnya kompetensi pegawai"):
        assert text in svg
    # two atasan lines; one mendukung line (sekretaris/perencanaan-tepat-waktu → kepala)
    assert svg.count('class="atasan"') == 2 and svg.count('class="mendukung"') == 1
    assert "section.pohon { page: lanskap;" in html and "size: A4 landscape" in html
    md = rendered("dokumen", "md")
    assert ("    - ◆ Meningkatnya ketepatan waktu perencanaan (↑ 1. Meningkatnya layanan "
            "&lt;i&gt;publik&lt;/i&gt;") in md


def test_positions_follow_urutan_in_every_output(tmp_path: Path, runner: CliRunner) -> None:
    """`urutan` puts Pengelola Kepegawaian before Sekretaris: reports, document, JSON, list,
    tree and the terminal summary all list and number them so."""
    import shutil

    root = tmp_path / "definitions"
    shutil.copytree(DEFINITIONS, root)
    for stem, number in (("sekretaris", 3), ("staf-kepegawaian", 2)):
        path = root / "jabatan" / f"{stem}.yaml"
        path.write_text(re.sub(r"urutan: \d", f"urutan: {number}",
                               path.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "out"
    r = invoke(runner, "compute", "-p", "2026", "-v", VALUES, "-d", root, "-o", out,
               "-f", "md,html,json,csv", "--lang", "id")
    assert r.exit_code == 0, r.output
    summary = r.stdout
    assert summary.index("2      Pengelola Kepegawaian") < summary.index("3      Sekretaris")
    md = (out / "iki-2026.md").read_text(encoding="utf-8")
    assert md.index("## 2. Pengelola Kepegawaian") < md.index("## 3. Sekretaris")
    html = (out / "iki-2026.html").read_text(encoding="utf-8")
    assert html.index("<h2>2. Pengelola Kepegawaian") < html.index("<h2>3. Sekretaris")
    doc = json.loads((out / "iki-2026.json").read_text(encoding="utf-8"))
    assert [(h["nomor"], h["jabatan"]) for h in doc["hasil"]][3:5] == [
        ("2.1", "staf-kepegawaian"), ("2.2", "staf-kepegawaian")]
    csv_rows = (out / "iki-2026.csv").read_text(encoding="utf-8").splitlines()
    assert csv_rows[4].startswith("2.1,staf-kepegawaian,")
    listing = invoke(runner, "list", "-d", root, "--format", "json")
    assert [p["id"] for p in json.loads(listing.stdout)["jabatan"]] == [
        "kepala", "staf-kepegawaian", "sekretaris"]
    tree = invoke(runner, "tree", "-d", root).stdout
    assert "3. Sekretaris" in tree and "2. Pengelola Kepegawaian" in tree


def test_second_office_report(runner: CliRunner, tmp_path: Path, kantor_lain: Path) -> None:
    values = kantor_lain.parent / "nilai-2026.csv"
    r = runner.invoke(app, ["compute", "-p", "2026", "-v", str(values), "-d", str(kantor_lain),
                            "-o", str(tmp_path), "-f", "md,html", "--lang", "en"])
    assert r.exit_code == 0, r.output
    md = (tmp_path / "iki-2026.md").read_text(encoding="utf-8")
    assert "max(" in md and "Achievement (%)" in md
    html = (tmp_path / "iki-2026.html").read_text(encoding="utf-8")
    assert "Sangat Baik" in html and "<svg" in html


def test_a_broken_aturan_puts_an_indicator_on_the_perlu_perhatian_list(tmp_path: Path) -> None:
    """12 recovered of 10 cases meets the target (150), but breaks `sembuh <= kasus`."""
    from helpers import indicator, make_office, report_of, rows

    root = make_office(tmp_path, [indicator("rasio", "sembuh / kasus * 100",
                                            target={"2026": 80})])
    with (root / "variabel.yaml").open("a", encoding="utf-8") as fh:
        fh.write("aturan:\n  - id: sembuh-tidak-melebihi-kasus\n    syarat: sembuh <= kasus\n"
                 "    pesan: Yang sembuh tidak mungkin lebih banyak dari kasusnya\n")
    report = report_of(root, "2026", rows("2026,kasus,10", "2026,sembuh,12"))
    (result,) = report.hasil
    assert result.status == "lengkap" and result.capaian == pytest.approx(150)
    md = render_report(report, load(root), "md")
    section = md[md.index("## Perlu perhatian (1)"):md.index('<div align="right">')]
    assert "| [1.1](#kepala--rasio) | Indikator rasio | Lengkap |" in section
    assert "Yang sembuh tidak mungkin lebih banyak dari kasusnya" in section
