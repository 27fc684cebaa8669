"""The HTML reports in a real browser: headless Chromium, networking off.

Chromium prints each report to an A4 PDF (page count checked), lays a copy of it
out at the printable width with the print CSS in force (no element may stick
out), and takes a screenshot (it must not be blank). Without Chromium the
tests are skipped on a developer machine and fail in CI (`CI` set), where
`.ci/run` installs the Debian package `chromium`.
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
from helpers import LAPORAN_KECIL, laporan_kecil_2026, load

from iki_cli.render import render_document, render_report

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
# A4 is 210 mm wide; the report's @page margins are 10 mm left and right:
# 190 mm = 718 px at 96 px per inch.
PRINTABLE_WIDTH = 718


@pytest.fixture(scope="module")
def chromium() -> Path:
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    reason = (f"headless Chromium not found at {CHROMIUM} (install the Debian package "
              "`chromium`, or set IKI_CHROMIUM to its path)")
    if os.environ.get("CI"):
        pytest.fail(reason + "; CI must run the browser tests")
    pytest.skip(reason)


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
CHECK_SCRIPT = """<script>
(function () {
  var limit = document.documentElement.clientWidth, bad = [];
  function describe(el, why) {
    return why + " " + el.tagName + "." + el.getAttribute("class") + " " +
      (el.textContent || "").trim().slice(0, 40);
  }
  document.querySelectorAll("body *").forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.width && (r.right > limit + 0.5 || r.left < -0.5)) {
      bad.push(describe(el, "outside " + Math.round(r.left) + ".." + Math.round(r.right)));
    }
    if (el.clientWidth && el.scrollWidth > el.clientWidth + 1) {
      bad.push(describe(el, "overflow " + el.scrollWidth + ">" + el.clientWidth));
    }
  });
  var out = document.createElement("pre");
  out.id = "iki-check";
  out.textContent = JSON.stringify({width: limit,
    scroll: document.documentElement.scrollWidth, bad: bad});
  document.body.appendChild(out);
})();
</script>"""


def as_printed(html: str) -> str:
    """The page as print lays it out, measurable on screen, with the checking script."""
    assert "@media print" in html
    html = html.replace("@media print", "@media all")
    # The copy needs its script allowed: drop the page's no-script policy.
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    return html.replace("</body>", CHECK_SCRIPT + "\n</body>")


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


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    """The HTML period report and IKI document of the fixture office, with the page
    count each must print to: one page per position, plus the summary page."""
    folder = tmp_path_factory.mktemp("html")
    report, defs = laporan_kecil_2026()
    found: dict[str, tuple[Path, int]] = {}
    positions = len(list((LAPORAN_KECIL / "jabatan").glob("*.yaml")))
    for name, html, expected in (
        ("laporan", render_report(report, defs, "html"), positions + 1),
        ("dokumen", render_document(load(LAPORAN_KECIL), "html"), positions),
    ):
        path = folder / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        found[name] = (path, expected)
    return found


@pytest.mark.parametrize("name", ["laporan", "dokumen"])
def test_prints_to_a4_with_one_page_per_position(chromium: Path, tmp_path: Path,
                                                 pages: dict[str, tuple[Path, int]],
                                                 name: str) -> None:
    page, expected = pages[name]
    pdf = tmp_path / f"{name}.pdf"
    run_chromium(chromium, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                 page.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) == expected
    # Every page is A4 portrait: 595 × 842 points.
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert boxes and all(abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5
                         for w, h in boxes), boxes


@pytest.mark.parametrize("name", ["laporan", "dokumen"])
def test_nothing_is_wider_than_the_printable_page(chromium: Path, tmp_path: Path,
                                                  pages: dict[str, tuple[Path, int]],
                                                  name: str) -> None:
    page, _ = pages[name]
    copy = tmp_path / f"{name}-check.html"
    copy.write_text(as_printed(page.read_text(encoding="utf-8")), encoding="utf-8")
    dom = run_chromium(chromium, tmp_path, f"--window-size={PRINTABLE_WIDTH},1000",
                       "--dump-dom", copy.as_uri()).stdout
    found = re.search(r'<pre id="iki-check">(.*?)</pre>', dom, re.DOTALL)
    assert found, "the checking script did not run"
    result = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&")
                        .replace("&lt;", "<").replace("&gt;", ">"))
    assert abs(result["width"] - PRINTABLE_WIDTH) <= 20, result["width"]
    assert result["scroll"] <= result["width"], result
    assert result["bad"] == []


def test_screenshot_is_not_blank(chromium: Path, tmp_path: Path,
                                 pages: dict[str, tuple[Path, int]]) -> None:
    page, _ = pages["laporan"]
    shot = tmp_path / "laporan.png"
    run_chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=800,900",
                 page.as_uri())
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
