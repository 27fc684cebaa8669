"""The markup of an indicator over time and of the LKjIP table, written in Python.

The filters `riwayat_html`, `riwayat_md`, `lkjip_html` and `lkjip_md` that the
built-in `_riwayat.*` and `_lkjip.*` macros call. As templates, these parts
took some forty expressions per indicator and tripled the time of rendering
a report of thousands of indicators; a user's own `_riwayat.*` or `_lkjip.*`
can still lay the same views (`i.riwayat`, docs/reports.md) out in Jinja.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from ..i18n import labels
from ..markdown import md_escape
from .filters import html_text, number_text
from .history_view import Riwayat, TitikView

ANALYSIS = ("faktor_pendukung", "faktor_penghambat", "tindak_lanjut")


def history_filters(lang: str) -> dict[str, Callable[..., Any]]:
    """The filters of this module, bound to the report language."""
    L = labels(lang)
    E = {key: str(escape(text)) for key, text in L.items()}  # the labels, escaped for HTML
    num = number_text(lang)

    def riwayat_html(i: Any) -> Markup:
        return _riwayat_html(i, E, num)

    M = {key: md_escape(text, keep_spaces=True) for key, text in L.items()}  # for Markdown

    def riwayat_md(i: Any) -> str:
        return _riwayat_md(i, M, num)

    def lkjip_html(j: Any) -> Markup:
        return _lkjip_html(j, E, num)

    def lkjip_md(j: Any) -> str:
        return _lkjip_md(j, L, num)

    return {"riwayat_html": riwayat_html, "riwayat_md": riwayat_md,
            "lkjip_html": lkjip_html, "lkjip_md": lkjip_md}


Num = Callable[[float | None, int], str]
# In HTML every label comes escaped (`E` above) and numbers need no escaping: the text of a
# line is escaped once where it is a user's (units, names) or a period's words.


def _change(p: TitikView, unit: str, decimals: int, L: dict[str, str], num: Num,
            html: bool) -> str:
    c = p.perubahan
    if c is None:
        return ""
    amount = "" if c.arah == "tetap" else f" {num(c.selisih, decimals)} {unit}"
    text = f"{c.tanda}{amount} ({L['perubahan_' + c.nilai]})"
    if not html:
        return " " + text
    return f' <span class="perubahan-{c.nilai}">{text}</span>'


def _status(status: str, L: dict[str, str], html: bool) -> str:
    if status == "lengkap":
        return ""
    word = L["status_" + status]
    return f' <span class="status status-{status}">{word}</span>' if html else f" ({word})"


def _points(points: list[TitikView], unit: str, decimals: int, L: dict[str, str], num: Num,
            html: bool, short: bool = False) -> list[str]:
    out = []
    for p in points:
        words = p.sumbu if short else p.label
        text = f"{html_text(words) if html else _md(words)}{' ' if short else ': '}"
        text += num(p.realisasi, decimals)
        if p.capaian is not None:
            text += f" ({L['capaian_kata']} {num(p.capaian, 2)})"
        out.append(text + _status(p.status, L, html) + ("" if short else
                                                        _change(p, unit, decimals, L, num,
                                                                html)))
    return out


def _lines(w: Riwayat, unit: str, d: int, L: dict[str, str], num: Num,
           html: bool) -> list[tuple[str, str]]:
    """(label, text) of each line of the indicator over time; text is markup in HTML."""
    out: list[tuple[str, str]] = []
    if w.sebelumnya:
        now = w.sekarang
        current = (f"<strong>{num(now.realisasi, d)}</strong>" if html else
                   num(now.realisasi, d))
        out.append((L["tahun_sebelumnya"], "; ".join(
            [*_points(w.sebelumnya, unit, d, L, num, html),
             (f"{html_text(now.label) if html else _md(now.label)}: {current}"
             f"{_change(now, unit, d, L, num, html)}")])))
    s = w.sd_periode
    if s is not None:
        sep = " · " if html else ", "
        capaian = f"<strong>{num(s.capaian, 2)}</strong>" if html else num(s.capaian, 2)
        text = (f"{L['realisasi']} {num(s.realisasi, d)}{sep}{L['target']} "
                f"{num(s.target, d)}{sep}{L['capaian_kata']} {capaian}")
        if s.predikat:
            text += (f' · <span class="swatch" style="background:{s.warna}"></span>'
                     f"{html_text(s.predikat)}" if html else f" ({_md(s.predikat)})")
        out.append((html_text(s.label) if html else _md(s.label),
                    text + _status(s.status, L, html)))
    if w.triwulan:
        out.append((L["per_triwulan"], "; ".join(_points(w.triwulan, unit, d, L, num, html,
                                                          short=True))))
    if w.renstra is not None:
        sep = " · " if html else ", "
        capaian = num(w.renstra.capaian, 2)
        out.append((f"{L['target_akhir_renstra']} {w.renstra.akhir}",
                    f"{num(w.renstra.target, d)}{sep}{L['capaian_renstra']} "
                    + (f"<strong>{capaian}</strong>" if html else capaian)))
    if w.kondisi_awal is not None:
        out.append((f"{L['kondisi_awal']} ({w.kondisi_awal.tahun})",
                    num(w.kondisi_awal.nilai, d)))
    return out


def _riwayat_html(i: Any, L: dict[str, str], num: Num) -> Markup:
    w: Riwayat | None = i.riwayat
    if w is None or not w.ada:
        return Markup("")
    unit = str(escape(i.satuan))
    lines = "".join(f'<div><span class="lbl">{label}:</span> {text}</div>\n'
                    for label, text in _lines(w, unit, i.desimal, L, num, html=True))
    tren = w.tren
    chart = f'<figure class="tren">{tren}</figure>\n' if tren else ""
    return Markup(f'<div class="riwayat">\n<div class="riwayat-teks">\n{lines}</div>\n'
                  f"{chart}</div>\n")


def _riwayat_md(i: Any, L: dict[str, str], num: Num) -> str:
    """Lines that continue the Keterangan cell, each after a `<br>`; `L` is escaped for
    Markdown, and so is every text of a definition put in."""
    w: Riwayat | None = i.riwayat
    if w is None or not w.ada:
        return ""
    return "".join(f"<br>{label}: {text}"
                   for label, text in _lines(w, _md(i.satuan), i.desimal, L, num, html=False))


@lru_cache(maxsize=1024)  # units, predikat labels and period words repeat
def _md(text: str) -> str:
    return md_escape(text)


def _analysis_html(i: Any, L: dict[str, str]) -> str:
    a = i.riwayat.analisis
    items = "".join(f"<dt>{L[key]}</dt><dd>{_br(getattr(a, key))}</dd>"
                    for key in ANALYSIS if getattr(a, key))
    return (f'<tr class="lkjip-analisis"><td colspan="8"><div class="lbl">{L["analisis"]}: '
            f'{i.nomor} {_br(i.nama)}</div>\n<dl class="analisis">{items}</dl></td></tr>\n')


def _br(text: str) -> str:
    return "<br>\n".join(str(escape(line)) for line in text.strip().splitlines())


def _lkjip_header(L: dict[str, str], html: bool) -> str:
    names = [L[k] for k in ("sasaran", "indikator", "target", "realisasi", "capaian",
                            "realisasi_tahun_lalu", "target_akhir_renstra", "capaian_renstra")]
    if not html:
        return "| " + " | ".join(names) + " |\n|---|---|--:|--:|--:|--:|--:|--:|\n"
    number = ' class="angka"'
    cells = "".join(f"<th{number if k > 1 else ''}>{name}</th>"
                    for k, name in enumerate(names))
    return f"<tr>{cells}</tr>\n"


def _lkjip_cells(i: Any, L: dict[str, str], num: Num, html: bool
                 ) -> tuple[str | None, list[str]]:
    """The note under the indicator's name (capaian to date) and the six figures; a
    figure's second part (the Renstra's year, *sementara*) follows a NUL: a line of its own
    in HTML, in brackets in Markdown."""
    w: Riwayat | None = i.riwayat
    if w is None:
        return None, ["–"] * 6
    d, row = i.desimal, w.lkjip
    note = None
    if row.sd is not None:
        label = html_text(row.sd.label) if html else row.sd.label  # and `L` escaped in HTML
        note = L["capaian_sd"].format(periode=label, realisasi=num(row.sd.realisasi, d),
                                      target=num(row.sd.target, d))
    plan = w.renstra
    return note, [num(row.target, d), num(row.realisasi, d),
                  num(row.capaian, 2) + ("*" if row.sd is not None else "")
                  + ("\x00" + L["sementara"] if row.sementara and row.capaian is not None
                     else ""),
                  num(row.tahun_lalu, d),
                  f"{num(plan.target, d)}\x00{plan.akhir}" if plan else "–",
                  num(plan.capaian, 2) if plan else "–"]


def _lkjip_html(j: Any, L: dict[str, str], num: Num) -> Markup:
    """One table for the position's objectives (each a `tbody` kept on one page), the
    analysis of each indicator in a row under it. Like the position's own table, it is
    headed by the position, and names it again where it goes on to a new page
    (`tr.lanjutan`, drawn over by the heading where the table starts); on a phone it
    scrolls sideways (`.gulir`)."""
    title = f"{j.nomor}. {_br(j.jabatan)}"
    out = [(f'<section class="lkjip">\n<div class="tutup">\n<h3>{title}: {L["lkjip_judul"]}'
           f'</h3>\n<p class="meta">{L["lkjip_keterangan"]} {L["tren_keterangan"]}</p>\n'
           '</div>\n<div class="gulir">\n<table class="lkjip">\n'
           '<colgroup><col style="width:15%"><col style="width:22%"><col style="width:9%">'
           '<col style="width:10%"><col style="width:12%"><col style="width:10%">'
           '<col style="width:10%"><col style="width:12%"></colgroup>\n'
           '<thead>\n<tr class="lanjutan" aria-hidden="true"><th colspan="8"><div><span '
           f'class="judul-lanjutan">{title}</span><span class="tanda">({L["lanjutan"]})'
           f"</span></div></th></tr>\n{_lkjip_header(L, html=True)}</thead>\n")]
    for s in j.sasaran:
        out.append('<tbody class="lkjip-sasaran">\n')
        for n, i in enumerate(s.indikator):
            note, figures = _lkjip_cells(i, L, num, html=True)
            first = (f'<td class="sasaran" rowspan="{len(s.indikator)}">{_br(s.uraian)}</td>'
                     if n == 0 else "")
            extra = f'<div class="meta">* {note}</div>' if note else ""
            cells = "".join(
                '<td class="angka">' + (f.replace("\x00", '<div class="meta">') + "</div>"
                                        if "\x00" in f else f) + "</td>" for f in figures)
            out.append(f"<tr>{first}<td>{i.nomor} {_br(i.nama)} "
                       f"({escape(i.satuan)}){extra}</td>{cells}</tr>\n")
        for i in s.indikator:
            if i.riwayat is not None and i.riwayat.analisis is not None:
                out.append(_analysis_html(i, L))
        out.append("</tbody>\n")
    out.append("</table>\n</div>\n</section>\n")
    return Markup("".join(out))


def _lkjip_md(j: Any, L: dict[str, str], num: Num) -> str:
    """One table for the position's objectives, then the analysis of their indicators."""
    out = [f"\n#### {md_escape(L['lkjip_judul'])}\n\n{md_escape(L['lkjip_keterangan'])}\n\n",
           _lkjip_header(L, html=False)]
    analyses = []
    for s in j.sasaran:
        for n, i in enumerate(s.indikator):
            note, figures = _lkjip_cells(i, L, num, html=False)
            name = f"{md_escape(i.nomor)} {md_escape(i.nama)} ({md_escape(i.satuan)})"
            if note:
                name += f"<br>\\* {md_escape(note)}"
            cells = [f.replace("\x00", " (") + ")" if "\x00" in f else md_escape(f)
                     for f in figures]
            out.append(f"| {md_escape(s.uraian) if n == 0 else ''} | {name} | "
                       + " | ".join(cells) + " |\n")
            a = i.riwayat.analisis if i.riwayat is not None else None
            if a is None:
                continue
            analyses.append(f"\n**{md_escape(L['analisis'])}: {md_escape(i.nomor)} "
                            f"{md_escape(i.nama)}**\n")
            analyses.extend(f"\n- *{md_escape(L[key])}*: {md_escape(getattr(a, key))}\n"
                            for key in ANALYSIS if getattr(a, key))
    return "".join(out + analyses)
