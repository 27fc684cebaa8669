"""The markup of one indicator's row of the period report, written in Python.

The filters `baris_html` and `baris_md` that the built-in `baris(i, j)` macros of
`_indikator_row.*` call. As Jinja, a row was some forty escaped expressions and
tests per indicator, the largest part of rendering a report of thousands of
indicators; here each text is escaped once, without a template expression around
it. Numbers are written by the `angka` and `angka_bebas` filters, as in the
templates. The macro stays the place to lay a row out differently: a user's own
`_indikator_row.*` replaces it (docs/reports.md has the Jinja that writes the same
row, to start from). The formula and the indicator over time are drawn by the
`rumus()` and `riwayat()` macros the row is given, so a user's own `_rumus.html`
or `_riwayat.*` still applies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..i18n import labels
from ..markdown import md_escape
from .filters import html_lines, html_text, links_html


def row_filters(lang: str, numbers: dict[str, Callable[..., str]],
                built_in: Callable[[Any, str], bool]) -> dict[str, Callable[..., Any]]:
    """The filters of this module, bound to the report language; `numbers` are the filters
    `angka` and `angka_bebas` of the same language, which write the row's numbers.

    `built_in(macro, name)` says whether a macro is the one of the built-in template
    `name`: the built-in `rumus()` and `riwayat()` only apply a filter, which is then
    applied here without a template call (two per row); any other is called.
    """
    L = labels(lang)
    E = {key: str(escape(text)) for key, text in L.items()}  # the labels, escaped for HTML
    num, free = numbers["angka"], numbers["angka_bebas"]

    @jinja2.pass_environment
    def baris_html(env: jinja2.Environment, i: Any, j: Any, rumus: Any,
                   riwayat: Any) -> Markup:
        formula = (env.filters["rumus_html"](i.rumus_bagian) if built_in(rumus, "_rumus.html")
                   else rumus(i.rumus_bagian))
        history = (env.filters["riwayat_html"](i) if built_in(riwayat, "_riwayat.html")
                   else riwayat(i))
        return Markup(_row_html(i, j, formula, history, E, num, free))

    @jinja2.pass_environment
    def baris_md(env: jinja2.Environment, i: Any, j: Any, riwayat: Any) -> str:
        history = (env.filters["riwayat_md"](i) if built_in(riwayat, "_riwayat.md")
                   else riwayat(i))
        return _row_md(i, j, history, L, num, free)

    return {"baris_html": baris_html, "baris_md": baris_md}


Num = Callable[[float | None, int], str]


def _inputs_html(masukan: list[Any], E: dict[str, str], free: Callable[[float], str]) -> str:
    out = []
    for m in masukan:
        if m.nilai is None:
            text = f"<em>{E['belum_ada_nilai']}</em>"
        else:
            text = free(m.nilai)
            if m.satuan:
                text += " " + html_text(m.satuan)
            if m.cara:
                text += f' <span class="cara">({html_text(m.cara)})</span>'
            if m.kurang:
                text += (f' <span class="catatan">({E["belum_ada"]}: '
                         f'{html_text(", ".join(m.kurang))})</span>')
        notes = "".join(f'<br><span class="bukti">{E["keterangan_nilai"]} '
                        f"{html_text(k.periode)}: {links_html(k.teks)}</span>\n"
                        for k in m.keterangan)
        out.append(f"<li>{html_text(m.uraian)}: {text}{notes}</li>\n")
    return "".join(out)


def _row_html(i: Any, j: Any, formula: str, history: str, E: dict[str, str], num: Num,
              free: Callable[[float], str]) -> str:
    """What `_indikator_row.html` wrote as Jinja (see docs/reports.md), byte for byte."""
    h = i.hasil
    d = i.desimal
    provisional = f'<span class="sementara">{E["sementara"]}</span>' if h.sementara else ""
    to_date = f'<div class="meta">{html_text(h.sd)}</div>' if h.sd else ""
    if h.predikat:
        rating = (f'<span class="swatch" style="background:{html_text(h.warna)}"></span>'
                  f"{html_text(h.predikat)}")
    else:
        rating = "–"
    if h.kategori:
        rating += f'<div class="meta">{E["kategori"]}: {html_text(h.kategori)}</div>'
    out = [(
        f'<tbody class="indikator" id="{html_text(j.id)}--{html_text(i.id)}">\n'
        f'<tr class="utama">\n<td class="no">{html_text(i.nomor)}</td>\n'
        f'<td class="nama"><strong>{html_lines(i.nama)}</strong><div class="meta">'
        f'{E["satuan"]}: {html_text(i.satuan)} · {E["polaritas_" + i.polaritas]}</div></td>\n'
        f'<td class="angka" data-label="{E["target"]}">{num(h.target, d)}</td>\n'
        f'<td class="angka" data-label="{E["realisasi"]}">{num(h.realisasi, d)}'
        f"{provisional}</td>\n"
        f'<td class="angka" data-label="{E["capaian"]}">{num(h.capaian, 2)}'
        f'{provisional if h.capaian is not None else ""}'
        f"{to_date}</td>\n"
        f'<td data-label="{E["predikat_kategori"]}">{rating}</td>\n'
        f'<td data-label="{E["status"]}"><span class="status status-{html_text(h.status)}">'
        f'{E["status_" + h.status]}</span></td>\n</tr>\n<tr class="rincian">\n'
        f'<td class="kosong"></td>\n<td colspan="6">\n'
        f'<div><span class="lbl">{E["rumus"]}:</span> {formula}</div>\n')]
    if h.hitungan:
        out.append(f'<div class="hitungan"><span class="lbl">{E["hitungan"]}:</span> '
                   f"{html_text(h.hitungan)}</div>\n")
    if h.hitungan_capaian:
        out.append(f'<div class="hitungan"><span class="lbl">{E["hitungan_capaian"]}:</span> '
                   f"{html_text(h.hitungan_capaian)}</div>\n")
    out.append(f'<div><span class="lbl">{E["masukan"]}:</span>\n<ul>\n'
               f"{_inputs_html(h.masukan, E, free)}</ul>\n</div>\n")
    if h.target is None:
        out.append(f'<div class="meta">{E["tanpa_target"]}</div>\n')
    if h.catatan:
        out.append(f'<div class="catatan"><span class="lbl">{E["keterangan"]}:</span> '
                   f'{html_text("; ".join(h.catatan))}</div>\n')
    out.append(f"{history}</td>\n</tr>\n</tbody>\n")
    return "".join(out)


def _notes_md(h: Any, L: dict[str, str], free: Callable[[float], str]) -> str:
    """The text of the Keterangan cell, before it is escaped into the cell."""
    out = []
    if h.hitungan:
        out.append(f"{L['hitungan']}: {h.hitungan}\n")
    if h.hitungan_capaian:
        out.append(f"{L['hitungan_capaian']}: {h.hitungan_capaian}\n")
    for m in h.masukan:
        if m.nilai is None:
            text = L["belum_ada_nilai"]
        else:
            text = free(m.nilai)
            if m.satuan:
                text += f" {m.satuan}"
            if m.cara:
                text += f" ({m.cara})"
            if m.kurang:
                text += f" ({L['belum_ada']}: {', '.join(m.kurang)})"
        out.append(f"{m.uraian}: {text}\n\n")
        out.extend(f"{L['keterangan_nilai']} {k.periode}: {k.teks}\n" for k in m.keterangan)
    if h.target is None:
        out.append(f"{L['tanpa_target']}\n")
    out.extend(f"{c}\n" for c in h.catatan)
    return "".join(out)


def _row_md(i: Any, j: Any, history: str, L: dict[str, str], num: Num,
            free: Callable[[float], str]) -> str:
    """What `_indikator_row.md` wrote as Jinja (see docs/reports.md), byte for byte."""
    h = i.hasil
    d = i.desimal
    provisional = f" ({L['sementara']})" if h.sementara else ""
    rating = md_escape(h.predikat or "–")
    if h.kategori:
        rating += f"<br>{L['kategori']}: {md_escape(h.kategori)}"
    return (f'| <a id="{j.id}--{i.id}"></a>{i.nomor} | {md_escape(i.nama)} '
            f"({md_escape(i.satuan)}) | {md_escape(i.rumus_teks)} | {num(h.target, d)} | "
            f"{num(h.realisasi, d)} | {num(h.capaian, 2)}"
            f"{provisional if h.capaian is not None else ''}"
            f"{'<br>' + md_escape(h.sd) if h.sd else ''} | {rating} | "
            f"{L['status_' + h.status]}{provisional} | {md_escape(_notes_md(h, L, free))}"
            f"{history} |\n")
