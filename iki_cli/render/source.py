"""Where a report's figures come from: its footer line (SPEC §6).

Plain strings the command line found (in git, in the values files it read): this
module imports no Jinja, so that `iki compute -f json` need not load it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import t


@dataclass(frozen=True)
class Sumber:
    """Where the figures come from, as plain strings the command line found.

    `folder` is the definitions folder as given; `commit` (abbreviated) and `tag`
    when it is in git, `berubah` when its files differ from that commit (or `rev`,
    the revision asked for, instead of the working tree); `nilai` the values files.
    """

    folder: str
    commit: str | None = None
    tag: str | None = None
    berubah: bool = False
    rev: str | None = None
    nilai: tuple[str, ...] = ()
    versi: str = ""


def source_text(source: Sumber, lang: str) -> str:
    """One line: `definisi: commit 1a2b3c4d (tag pk-2026); nilai: a.csv, b.xlsx; iki 0.3.0`."""
    if source.commit:
        text = t("render.source-commit", lang, commit=source.commit)
        if source.rev and source.rev != source.commit:
            text += " " + t("render.source-rev", lang, rev=source.rev)
        if source.tag:
            text += " " + t("render.source-tag", lang, tag=source.tag)
        if source.berubah:
            text += " " + t("render.source-dirty", lang, folder=source.folder)
    else:
        text = t("render.source-folder", lang, folder=source.folder)
    parts = [t("render.source-definitions", lang, text=text)]
    if source.nilai:
        parts.append(t("render.source-values", lang, files=", ".join(source.nilai)))
    if source.versi:
        parts.append(f"iki {source.versi}")
    return "; ".join(parts)
