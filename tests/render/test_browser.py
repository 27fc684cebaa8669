"""The HTML reports in a real browser: headless Chromium, networking off.

Chromium prints the reports to A4 PDFs, read back with `pdftotext`: every page has
its page number (*Halaman 3 dari 26*), the running head (office, period) and the
illustrative notice; the signature block is printed; a position's table that goes
on to a new page says whose it is (*… (lanjutan)*); the pohon kinerja is on
landscape pages. A copy of each page is laid out at the printable width with the
print CSS in force (no element may stick out), and at 390 px, a phone, where no
number or heading may break and nothing may leave the screen but the chart and
wide tables, which scroll. Screenshots at 1280 and 390 px must not be blank.
Without Chromium or `pdftotext` the tests are skipped on a developer machine and
fail in CI (`CI` set), where `.ci/run` installs the Debian packages `chromium`
and `poppler-utils`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from helpers import EXAMPLE, LAPORAN_KECIL, SHIPPED, laporan_kecil_2026, load, read

from iki_cli.evaluation.compute import compute
from iki_cli.periods import parse_period
from iki_cli.render import render_document, render_report
from iki_cli.render.source import Sumber

pytestmark = pytest.mark.browser

def _find_chromium() -> Path:
    """$IKI_CHROMIUM, else the first Chromium or Chrome on PATH, else Debian's path."""
    if os.environ.get("IKI_CHROMIUM"):
        return Path(os.environ["IKI_CHROMIUM"])
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return Path("/usr/bin/chromium")


CHROMIUM = _find_chromium()
# A4 is 210 mm wide; the report's @page margins are 11 mm left and right:
# 188 mm = 711 px at 96 px per inch.
PRINTABLE_WIDTH = 711
PHONE_WIDTH = 390


@pytest.fixture(scope="module")
def chromium() -> Path:
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    reason = (f"headless Chromium not found at {CHROMIUM} (install the Debian package "
              "`chromium`, or set IKI_CHROMIUM to its path)")
    if os.environ.get("CI"):
        pytest.fail(reason + "; CI must run the browser tests")
    pytest.skip(reason)


def _needed(path: Path | None, what: str) -> Path:
    if path is not None and path.is_file() and os.access(path, os.X_OK):
        return path
    reason = f"{what} not found"
    if os.environ.get("CI"):
        pytest.fail(reason + "; CI must run the browser tests")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def pdftotext() -> Path:
    found = shutil.which("pdftotext")
    return _needed(Path(found) if found else None,
                   "pdftotext (the Debian package `poppler-utils`)")


def run_chromium(chromium: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Chromium headless with every network path closed: a proxy to nowhere, no services."""
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    command = [
        str(chromium), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
        f"--user-data-dir={profile}", "--proxy-server=127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>", *args,
    ]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"chromium failed ({exc.returncode}): {exc.stderr[-2000:]}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def pdf_pages(pdf: bytes) -> int:
    """Page objects in a PDF (Chromium writes them uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


# Injected into a COPY of the report (the report itself has no script): with the
# print CSS applied to the screen, list every element whose box leaves the page,
# and every box whose content is wider than the box itself (text running over).
# Elements inside a container that scrolls sideways on purpose (the chart and wide tables on
# a phone), and text shortened with an ellipsis on purpose, are not "sticking out". Every
# number cell and heading must keep each of its words on one line: a number broken
# mid-number, or a heading broken mid-word, is bad.
CHECK_SCRIPT = """<script>
(function () {
  var limit = window.IKI_WIDTH || document.documentElement.clientWidth, bad = [];
  function describe(el, why) {
    return why + " " + el.tagName + "." + el.getAttribute("class") + " " +
      (el.textContent || "").trim().slice(0, 40);
  }
  function scrolled(el) {
    for (var p = el.parentElement; p; p = p.parentElement) {
      var x = getComputedStyle(p).overflowX;
      if (x === "auto" || x === "scroll") { return true; }
    }
    return false;
  }
  document.querySelectorAll("body *").forEach(function (el) {
    if (scrolled(el) || getComputedStyle(el).textOverflow === "ellipsis") { return; }
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") { return; }
    var r = el.getBoundingClientRect();
    if (r.width && (r.right > limit + 0.5 || r.left < -0.5)) {
      bad.push(describe(el, "outside " + Math.round(r.left) + ".." + Math.round(r.right)));
    }
    var x = getComputedStyle(el).overflowX;
    if (x !== "auto" && x !== "scroll" && el.clientWidth && el.scrollWidth > el.clientWidth + 1) {
      bad.push(describe(el, "overflow " + el.scrollWidth + ">" + el.clientWidth));
    }
  });
  document.querySelectorAll("td.angka, h1, h2, h3, th").forEach(function (el) {
    if (!el.getClientRects().length) { return; }
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), node;
    while ((node = walker.nextNode())) {
      // a word or a number (digits with its separators, 1.103.902,50)
      var re = /[\\p{L}\\p{N}]+(?:[.,][\\p{L}\\p{N}]+)*/gu, m;
      while ((m = re.exec(node.data))) {
        var range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        var tops = {};
        Array.prototype.forEach.call(range.getClientRects(), function (r) {
          if (r.width) { tops[Math.round(r.top)] = true; }
        });
        if (Object.keys(tops).length > 1) { bad.push(describe(el, "broken " + m[0])); }
      }
    }
  });
  var out = document.createElement("pre");
  out.id = "iki-check";
  out.textContent = JSON.stringify({width: limit,
    scroll: document.documentElement.scrollWidth, bad: bad});
  if (window.IKI_WIDTH) { out.textContent = JSON.stringify({width: limit,
    scroll: document.body.scrollWidth, bad: bad}); }
  document.body.appendChild(out);
})();
</script>"""


def with_check(html: str, printed: bool, width: int) -> str:
    """A copy of the page with the checking script; `printed`: the print CSS in force on
    screen (and the phone's rules off), to measure the page as print lays it out.

    Headless Chromium lays a page out at least 500 px wide, whatever its window: a
    narrower `width` is the page's own width (its phone rules apply below 600 px).
    """
    if printed:
        assert "@media print" in html and "@media screen and (max-width: 600px)" in html
        html = html.replace("@media print", "@media all").replace(
            "@media screen and (max-width: 600px)", "@media not all")
    if width < 500:
        html = html.replace("</head>", f"<style>html {{ width: {width}px; }}</style>\n"
                            f"<script>window.IKI_WIDTH = {width};</script>\n</head>")
    # The copy needs its script allowed: drop the page's no-script policy.
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    return html.replace("</body>", CHECK_SCRIPT + "\n</body>")


def check_layout(chromium: Path, tmp: Path, page: Path, width: int, printed: bool
                 ) -> dict[str, object]:
    copy = tmp / f"{page.stem}-{width}-check.html"
    copy.write_text(with_check(page.read_text(encoding="utf-8"), printed, width),
                    encoding="utf-8")
    dom = run_chromium(chromium, tmp, f"--window-size={width},1000", "--dump-dom",
                       copy.as_uri()).stdout
    found = re.search(r'<pre id="iki-check">(.*?)</pre>', dom, re.DOTALL)
    assert found, "the checking script did not run"
    result: dict[str, object] = json.loads(
        found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<")
        .replace("&gt;", ">"))
    return result


def print_pdf(chromium: Path, pdftotext: Path, tmp: Path, page: Path) -> tuple[bytes, list[str]]:
    """The page printed to PDF by Chromium: its bytes, and the text of each page."""
    pdf = tmp / f"{page.stem}.pdf"
    run_chromium(chromium, tmp, "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                 page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    text = subprocess.run([str(pdftotext), "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return data, text.split("\f")[:pdf_pages(data)]


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(w), float(h)) for w, h in
            re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)]


def png_pixels(png: bytes) -> tuple[int, int, int, bytes]:
    """Decode an 8-bit RGB/RGBA PNG: (width, height, bytes per pixel, raw pixel rows)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", b""
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = data
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format"
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows = bytearray()
    prev = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = prev[i]
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                corner = prev[i - bpp] if i >= bpp else 0
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                pred = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + pred) & 0xFF
        rows += line
        prev = line
    return width, height, bpp, bytes(rows)


def dark_pixels(png: bytes) -> tuple[int, int]:
    """(pixels that are clearly not white, all pixels)."""
    width, height, bpp, rows = png_pixels(png)
    count = 0
    for i in range(0, len(rows), bpp):
        if rows[i] < 200 or rows[i + 1] < 200 or rows[i + 2] < 200:
            count += 1
    return count, width * height


SOURCE = Sumber("definitions", "0123456789ab", None, False, None, ("nilai-2026.csv",), "9.9.9")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The HTML period reports and IKI documents: the small office's, and the shipped
    office's year and second-quarter reports (the shipped definitions set `ilustratif` and
    `tempat`; a signatory's name is added here, as an office would)."""
    folder = tmp_path_factory.mktemp("html")
    shipped = folder / "definitions"
    shutil.copytree(SHIPPED, shipped)
    with (shipped / "organisasi.yaml").open("a", encoding="utf-8") as fh:
        fh.write("penandatangan:\n  jabatan: kepala-dinas\n"
                 "  nama: Dra. Contoh Nama, M.Si.\n  nip: \"197001011990032001\"\n")
    defs = load(shipped)
    values = read(defs, [EXAMPLE])
    report, small = laporan_kecil_2026()
    found = {
        "laporan": render_report(report, small, "html", sumber=SOURCE),
        "dokumen": render_document(load(LAPORAN_KECIL), "html"),
        "tahun": render_report(compute(defs, values, parse_period("2026")), defs, "html",
                               sumber=SOURCE),
        "triwulan": render_report(compute(defs, values, parse_period("2026-TW2")), defs,
                                  "html", sumber=SOURCE),
        "dokumen-kantor": render_document(defs, "html"),
    }
    paths = {}
    for name, html in found.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(html, encoding="utf-8")
    return paths


PAGE_NUMBER = re.compile(r"Halaman (\d+) dari (\d+)\s*$")


def _numbered(texts: list[str]) -> None:
    """Every page ends with `Halaman N dari M`, N counting up, M the page count."""
    numbers = [PAGE_NUMBER.search(t.rstrip()) for t in texts]
    assert all(numbers), [t[-200:] for t, m in zip(texts, numbers, strict=True) if not m]
    assert [(int(m.group(1)), int(m.group(2))) for m in numbers if m] == [
        (n, len(texts)) for n in range(1, len(texts) + 1)]


@pytest.mark.parametrize(("name", "period"), [("tahun", "Tahun 2026"),
                                              ("triwulan", "Triwulan II Tahun 2026")])
def test_shipped_office_reports_print_as_official_documents(
        chromium: Path, pdftotext: Path, tmp_path: Path, pages: dict[str, Path], name: str,
        period: str) -> None:
    pdf, texts = print_pdf(chromium, pdftotext, tmp_path, pages[name])
    assert len(texts) > 20
    assert all(abs(w - 595.3) < 1.5 and abs(h - 841.9) < 1.5 for w, h in page_sizes(pdf))
    _numbered(texts)
    for text in texts:
        first = text.strip().splitlines()[0]
        # the running head: the office at the left, the period at the right
        assert first.startswith("Dinas Sosial PPPA") and first.endswith(period), first
        assert "DATA DAN TARGET ILUSTRATIF" in text
    front = texts[0]
    assert "PEMERINTAH KABUPATEN NGANJUK" in front and period in front
    assert "Perlu perhatian" in front
    # the signature block, after the summary and before the appendix
    signed = next(i for i, t in enumerate(texts) if "NIP. 197001011990032001" in t)
    appendix = next(i for i, t in enumerate(texts) if "Lampiran: Rincian Capaian" in t)
    assert signed <= appendix
    sign = texts[signed]
    year = "2027" if name == "tahun" else "2026"  # the year a report is signed in
    assert re.search(rf"Nganjuk, _+ {year}\n", sign)
    assert "Kepala Dinas Sosial PPPA" in sign and "Dra. Contoh Nama, M.Si." in sign
    assert "Sumber angka: definisi: commit 0123456789ab" in "".join(texts[signed:appendix + 1])
    # Every page of the appendix begins with whose table it is: a position's heading, or,
    # where its table goes on from the page before, the continuation head.
    firsts = [[line.strip() for line in t.splitlines() if line.strip()][1]
              for t in texts[appendix + 1:]]
    assert all(re.match(r"\d+\. \S", line) for line in firsts), firsts
    continued = [line for line in firsts if line.endswith("(lanjutan)")]
    assert continued, "no position's table went on to a second page"


def test_a_quarter_without_its_own_targets_is_charted_to_date(
        pages: dict[str, Path]) -> None:
    html = pages["triwulan"].read_text(encoding="utf-8")
    assert "<svg" in html
    assert ("Indikator tanpa target periode ini dinilai dengan capaian s.d. Triwulan II "
            "Tahun 2026") in html


def test_small_office_report_and_document_print(chromium: Path, pdftotext: Path,
                                                tmp_path: Path, pages: dict[str, Path]) -> None:
    pdf, texts = print_pdf(chromium, pdftotext, tmp_path, pages["laporan"])
    _numbered(texts)
    assert all("KCSM" in t and "Tahun 2026" in t and "DATA DAN TARGET ILUSTRATIF" in t
               for t in texts)
    joined = "\f".join(texts)
    assert "Kota Contoh, ____________ 2027" in joined and "NIP. 197001011990032001" in joined
    # each position begins a page of its own, after the summary's pages
    heads = [[line.strip() for line in t.splitlines() if line.strip()][1:3] for t in texts]
    for title in ("1. Kepala Kantor", "2. Sekretaris", "3. Pengelola Kepegawaian"):
        assert any(line.startswith(title) for lines in heads for line in lines), title
    pdf, texts = print_pdf(chromium, pdftotext, tmp_path, pages["dokumen"])
    _numbered(texts)
    sizes = page_sizes(pdf)
    # three positions on portrait pages, then the pohon kinerja on a landscape one
    assert [w < h for w, h in sizes][:3] == [True] * 3
    assert sizes[-1][0] > sizes[-1][1] and "Pohon Kinerja" in texts[-1]


def test_shipped_office_document_has_its_tree_on_landscape_pages(
        chromium: Path, pdftotext: Path, tmp_path: Path, pages: dict[str, Path]) -> None:
    pdf, texts = print_pdf(chromium, pdftotext, tmp_path, pages["dokumen-kantor"])
    _numbered(texts)
    landscape = [t for (w, h), t in zip(page_sizes(pdf), texts, strict=True) if w > h]
    assert len(landscape) == 6 and all("Pohon Kinerja" in t for t in landscape)


@pytest.mark.parametrize("name", ["laporan", "dokumen", "tahun", "triwulan",
                                  "dokumen-kantor"])
def test_nothing_is_wider_than_the_printable_page(chromium: Path, tmp_path: Path,
                                                  pages: dict[str, Path], name: str) -> None:
    result = check_layout(chromium, tmp_path, pages[name], PRINTABLE_WIDTH, printed=True)
    assert abs(int(result["width"]) - PRINTABLE_WIDTH) <= 20, result["width"]  # type: ignore[call-overload]
    assert result["scroll"] <= result["width"], result  # type: ignore[operator]
    assert result["bad"] == []


@pytest.mark.parametrize("name", ["laporan", "tahun", "triwulan", "dokumen-kantor"])
def test_on_a_phone_nothing_breaks_and_only_wide_parts_scroll(
        chromium: Path, tmp_path: Path, pages: dict[str, Path], name: str) -> None:
    result = check_layout(chromium, tmp_path, pages[name], PHONE_WIDTH, printed=False)
    assert result["scroll"] <= result["width"], result  # type: ignore[operator]
    assert result["bad"] == []


@pytest.mark.parametrize("width", [1280, PHONE_WIDTH])
def test_screenshot_is_not_blank(chromium: Path, tmp_path: Path, pages: dict[str, Path],
                                 width: int) -> None:
    shot = tmp_path / f"laporan-{width}.png"
    run_chromium(chromium, tmp_path, f"--screenshot={shot}", f"--window-size={width},900",
                 pages["laporan"].as_uri())
    dark, total = dark_pixels(shot.read_bytes())
    # Text, table rules and the chart: a few percent of the page; a blank page has none.
    assert dark > total * 0.01, (dark, total)


def test_png_decoder_reads_a_known_image() -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))

    # 2 × 2 RGB: black, white / white, black; rows filtered with Sub and Paeth.
    raw = bytes([1, 0, 0, 0, 255, 255, 255, 4, 255, 255, 255, 1, 1, 1])
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    assert png_pixels(png)[3] == bytes([0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0])
    assert dark_pixels(png) == (2, 4)
