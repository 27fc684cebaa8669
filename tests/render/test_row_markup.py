"""The indicator rows the `baris_html` and `baris_md` filters write, against the Jinja that
docs/reports.md gives for the same rows (a user's own `_indikator_row.*` to start from):
byte for byte, on the golden office and on the office with two years of values; and the
built-in row still draws a user's own formula and history macros."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from helpers import REPO, laporan_kecil_2026, load, read, riwayat_office

from iki_cli.definitions.loading import Definitions
from iki_cli.evaluation.compute import compute
from iki_cli.evaluation.results import Report
from iki_cli.periods import parse_period
from iki_cli.render import render_reports
from iki_cli.render.source import Sumber
from iki_cli.values.analysis import Analisis

SOURCE = Sumber("definitions", "0123456789ab", None, False, None, ("nilai.csv",), "9.9.9")
_BLOCK = re.compile(r"```jinja\n(\{# (_indikator_row\.(?:html|md)): .*?)```", re.S)


def documented_rows(folder: Path) -> Path:
    """The Jinja rows of docs/reports.md, written as a user's templates folder."""
    found = _BLOCK.findall((REPO / "docs" / "reports.md").read_text(encoding="utf-8"))
    assert sorted(name for _, name in found) == ["_indikator_row.html", "_indikator_row.md"]
    folder.mkdir()
    for text, name in found:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def reports(tmp_path: Path) -> list[tuple[str, Report, Definitions]]:
    """The golden office's year, and the two-year office's year, quarter and month, with an
    analysis whose text needs escaping."""
    out = [("laporan-kecil 2026", *laporan_kecil_2026())]
    root, values = riwayat_office(tmp_path)
    defs = load(root)
    data = read(defs, [values])
    analyses = {("kepala", "kesembuhan"): Analisis(
        "Tenaga <b>cukup</b>", "Obat | terlambat\nbaris dua", None)}
    for period in ("2026", "2026-TW2", "2026-05"):
        out.append((f"riwayat {period}",
                    compute(defs, data, parse_period(period), analyses=analyses), defs))
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_built_in_rows_are_the_documented_jinja(tmp_path: Path, lang: str) -> None:
    own = documented_rows(tmp_path / "mine")
    for name, report, defs in reports(tmp_path):
        kw = {"sumber": SOURCE, "tanggal": datetime.date(2027, 1, 15)}
        built_in = render_reports(report, defs, ["md", "html"], lang, **kw)
        jinja = render_reports(report, defs, ["md", "html"], lang, own, **kw)
        for fmt in ("md", "html"):
            assert built_in[fmt] == jinja[fmt], f"{name} {fmt}"
            assert 'class="indikator"' in built_in["html"]


def test_the_built_in_row_draws_the_users_formula_and_history(tmp_path: Path) -> None:
    own = tmp_path / "mine"
    own.mkdir()
    (own / "_rumus.html").write_text(
        "{% macro rumus(ekspresi) %}<b>rumus saya: {{ ekspresi | rumus_teks }}</b>"
        "{% endmacro %}\n", encoding="utf-8")
    (own / "_riwayat.html").write_text(
        "{% macro riwayat(i) %}<p>riwayat saya {{ i.id }}</p>{% endmacro %}\n",
        encoding="utf-8")
    (own / "_riwayat.md").write_text(
        "{% macro riwayat(i) %}<br>riwayat saya {{ i.id }}{% endmacro %}", encoding="utf-8")
    report, defs = laporan_kecil_2026()
    pages = render_reports(report, defs, ["md", "html"], "id", own)
    html, md = pages["html"], pages["md"]
    assert ('<div><span class="lbl">Rumus:</span> <b>rumus saya: Jumlah permohonan yang '
            "selesai tepat waktu / Jumlah permohonan layanan yang masuk × 100%</b></div>") in html
    assert html.count("<b>rumus saya: ") == len(report.hasil)
    assert "<p>riwayat saya layanan-tepat-waktu</p></td>\n</tr>\n</tbody>" in html
    assert html.count("<p>riwayat saya ") == len(report.hasil)
    row = next(line for line in md.splitlines() if "kepala--layanan-tepat-waktu" in line)
    assert row.endswith("<br>riwayat saya layanan-tepat-waktu |")


def test_the_built_in_macros_are_told_from_a_users(tmp_path: Path) -> None:
    """The row applies the built-in `rumus()` and `riwayat()` itself (no template call per
    row) only when they are the built-in ones; a user's are called."""
    from iki_cli.render.environment import built_in_macro, environment

    own = tmp_path / "mine"
    own.mkdir()
    (own / "_rumus.html").write_text("{% macro rumus(e) %}x{% endmacro %}\n", encoding="utf-8")
    for name, macro in (("_rumus.html", "rumus"), ("_riwayat.html", "riwayat"),
                        ("_riwayat.md", "riwayat")):
        fmt = name.rsplit(".", 1)[1]
        built = getattr(environment(fmt).get_template(name).module, macro)
        assert built_in_macro(built, name)
        assert not built_in_macro(built, "_lkjip.html")  # another template's name
        theirs = getattr(environment(fmt, own).get_template(name).module, macro)
        assert built_in_macro(theirs, name) == (name != "_rumus.html")
    assert not built_in_macro(lambda e: "x", "_rumus.html")
