"""The impact of a change described for review: one line per indicator, a Markdown table, JSON.

Numbers are written in the notation of the language (`73,08` in Indonesian),
rounded as the reports round them; each line puts the definition change next
to its effect on the numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..i18n import t
from ..markdown import code_span, md_escape
from ..numbers import format_number
from .describe import Part, describe
from .impact import HISTORY_FIELDS, Effect


@dataclass(frozen=True)
class Preview:
    """The impact of a diff on one period's numbers, and where the values came from."""

    periode: str
    values: tuple[str, ...]
    effects: tuple[Effect, ...]
    titles: dict[str, str]  # position id → its title (of the new side, else the old)


def figure(field: str, value: Any, effect: Effect, lang: str) -> str:
    """One figure as the reports write it: realisasi with the indicator's decimals."""
    if value is None:
        return "–"
    if field == "realisasi":
        return format_number(value, effect.desimal, lang)
    if field in ("capaian", "sd_periode.capaian", "renstra.capaian"):
        return format_number(value, 2, lang)
    if field == "status":
        return t(f"diff.status-{value}", lang)
    return str(value)


def _pair(field: str, old: Any, new: Any, effect: Effect, lang: str) -> str:
    return f"{figure(field, old, effect, lang)} → {figure(field, new, effect, lang)}"


def effect_summary(effect: Effect, lang: str) -> str:
    """`capaian 73,08 → 93,96 (Sedang → Sangat Tinggi), target 90 → 70`, or added/removed."""
    if effect.change != "changed":
        side = dict((f, new if effect.change == "added" else old)
                    for f, old, new in effect.fields)
        figures = ", ".join(f"{t('diff.field-' + f, lang)} {figure(f, side[f], effect, lang)}"
                            for f in ("realisasi", "capaian", "predikat", "status")
                            if side.get(f) is not None)
        return t(f"diff.effect-{effect.change}", lang, figures=figures)
    parts = []
    moved = {f: (old, new) for f, old, new in effect.fields}
    for name in ("realisasi", "capaian", "status"):
        if name in moved:
            text = f"{t('diff.field-' + name, lang)} {_pair(name, *moved[name], effect, lang)}"
            if name == "capaian" and "predikat" in moved:
                text += f" ({_pair('predikat', *moved['predikat'], effect, lang)})"
            parts.append(text)
    if "predikat" in moved and "capaian" not in moved:
        parts.append(f"{t('diff.field-predikat', lang)} "
                     f"{_pair('predikat', *moved['predikat'], effect, lang)}")
    for name, rating in (("sd_periode.capaian", "sd_periode.predikat"),
                         ("renstra.capaian", None)):
        if name in moved:
            text = f"{t('diff.field-' + name, lang)} {_pair(name, *moved[name], effect, lang)}"
            if rating and rating in moved:
                text += f" ({_pair(rating, *moved[rating], effect, lang)})"
            parts.append(text)
    if "sd_periode.predikat" in moved and "sd_periode.capaian" not in moved:
        parts.append(f"{t('diff.field-sd_periode.predikat', lang)} "
                     f"{_pair('predikat', *moved['sd_periode.predikat'], effect, lang)}")
    old_target, new_target = effect.target
    if old_target != new_target:
        parts.append(f"{t('diff.field-target', lang)} "
                     f"{_pair('realisasi', old_target, new_target, effect, lang)}")
    return ", ".join(parts)


def cause_text(effect: Effect, lang: str) -> str:
    """Why a result moved: its own definition's changes, else the shared variables'."""
    own = [c for c in effect.own if c.field not in ("target",)]
    if own:
        return "; ".join(_change_text(c) for c in own)
    return "; ".join(t("diff.because-variable", lang, var=c.object.partition(":")[2],
                       change=_change_text(c)) for c in effect.shared)


def _change_text(change: Any) -> str:
    what = "".join(p.text for p in describe(change))
    return f"{change.field}: {what}" if change.field else what


def to_text_lines(preview: Preview, lang: str) -> list[tuple[str, list[Part]]]:
    """Per position: its heading, then one line per indicator (plain parts, the CLI styles)."""
    out: list[tuple[str, list[Part]]] = []
    current = None
    for effect in preview.effects:
        if effect.jabatan != current:
            current = effect.jabatan
            out.append(("position", [Part(f"{current}", "value"),
                                     Part(f" — {preview.titles.get(current, '')}")]))
        line = [Part(effect.indikator, "value"), Part(": "),
                Part(effect_summary(effect, lang), "new")]
        cause = cause_text(effect, lang)
        if cause:
            line += [Part(" — "), Part(cause)]
        out.append(("effect", line))
    return out


def to_markdown(preview: Preview, lang: str) -> str:
    """A table to paste into a merge request: the definition change next to its effect."""
    heads = [t(f"diff.md-{key}", lang) for key in
             ("indikator", "perubahan", "realisasi", "capaian", "predikat", "status")]
    history = any(f in HISTORY_FIELDS for e in preview.effects for f, _, _ in e.fields)
    if history:
        heads += [t("diff.md-sd-periode", lang), t("diff.md-renstra", lang)]
    lines = [f"#### {t('diff.impact-heading', lang, period=preview.periode)}", ""]
    if not preview.effects:
        return "\n".join(lines + [t("diff.no-impact", lang), ""])
    lines += ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for e in preview.effects:
        moved = {f: (old, new) for f, old, new in e.fields}
        cells = [code_span(e.indikator), md_escape(_definition_cell(e, lang))]
        for name in ("realisasi", "capaian", "predikat", "status"):
            cells.append(md_escape(_pair(name, *moved[name], e, lang)) if name in moved else "")
        if history:
            to_date = [_pair(f, *moved[f], e, lang) for f in
                       ("sd_periode.capaian", "sd_periode.predikat") if f in moved]
            cells.append(md_escape(" · ".join(to_date)))
            cells.append(md_escape(_pair("renstra.capaian", *moved["renstra.capaian"], e, lang))
                         if "renstra.capaian" in moved else "")
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", t("diff.impact-values", lang, files=", ".join(preview.values)), ""]
    return "\n".join(lines)


def _definition_cell(effect: Effect, lang: str) -> str:
    if effect.change != "changed":
        return t(f"diff.indicator-{effect.change}", lang)
    texts = [_change_text(c) for c in effect.own]
    if effect.shared:
        texts.append(cause_text(effect, lang))
    return "; ".join(texts)


def dampak(effects: Iterable[Effect]) -> list[dict[str, Any]]:
    """The `dampak` list of the JSON output (SPEC §5)."""
    return [item for e in effects for item in e.to_dicts()]
