"""Browsing definitions: `iki list`, `iki show`, `iki tree` (rich renderables).

Positions are listed and numbered in the one order of every output (SPEC §1), with
the reports' numbers; labels follow the current language.
"""

from __future__ import annotations

import json
import textwrap

from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..definitions.hierarchy import position_order
from ..definitions.loading import Definitions
from ..definitions.model import Jabatan
from ..i18n import labels, language, t
from ..render.numbering import numbering
from ..render.pohon import tree_lines
from ..render.views import position_views


def _order(defs: Definitions) -> list[Jabatan]:
    """The positions in the one order of every output (SPEC §1)."""
    return position_order(loaded.model for loaded in defs.jabatan)


def list_table(defs: Definitions, width: int = 80) -> Table:
    """A table of positions: number, id, title, superior, counts, fitted to `width`.

    Ids are what the user types next (`iki show ID`): never cut short. Where the ids,
    the superiors' ids and a readable title do not fit side by side (80 columns and
    the shipped office's ids), each position's id and superior go under its title.
    """
    L = labels(language())
    table = Table(title=t("cli.list-title", count=len(defs.jabatan)), show_lines=False)
    numbers = numbering(defs).jabatan
    positions = _order(defs)
    longest = {key: max([len(value(p)) for p in positions] + [len(head)])
               for key, head, value in (
                   ("no", L["no"], lambda p: str(numbers[p.id])),
                   ("id", "id", lambda p: p.id),
                   ("atasan", L["atasan"], lambda p: p.atasan or "—"))}
    counts = (L["sasaran"], L["indikator"])
    # Six columns: seven rules and a space either side of each; a title of 20 at least.
    wide = sum(longest.values()) + 20 + sum(len(c) for c in counts) + 7 + 12 <= width
    table.add_column(L["no"], justify="right", no_wrap=True)
    if wide:
        table.add_column("id", no_wrap=True)
        table.add_column(L["jabatan"], min_width=20)
        table.add_column(L["atasan"], no_wrap=True)
    else:
        table.add_column(L["jabatan"])
    for head in counts:
        table.add_column(head, justify="right", no_wrap=True)
    for pos in positions:
        n_ind = sum(len(s.indikator) for s in pos.sasaran)
        if wide:
            cells = [pos.id, escape(pos.jabatan), pos.atasan or "—"]
        else:
            boss = f"{L['atasan'].lower()}: {pos.atasan or '—'}"
            # Four columns: five rules, a space either side of each.
            room = width - longest["no"] - sum(len(c) for c in counts) - 5 - 8
            under = f"id: {pos.id} · {boss}" if len(pos.id) + len(boss) + 7 <= room \
                else f"id: {pos.id}\n{boss}"
            cells = [f"{escape(pos.jabatan)}\n[dim]{escape(under)}[/]"]
        table.add_row(str(numbers[pos.id]), *cells, str(len(pos.sasaran)), str(n_ind))
    return table


def list_json(defs: Definitions) -> str:
    """Positions with their objectives and indicator ids and numbers, as JSON."""
    numbers = numbering(defs)
    data = [
        {"nomor": numbers.jabatan[pos.id], "id": pos.id, "jabatan": pos.jabatan,
         "atasan": pos.atasan,
         "sasaran": [{"id": s.id, "uraian": s.uraian, "mendukung": s.mendukung,
                      "indikator": [{"nomor": numbers.indikator[(pos.id, i.id)], "id": i.id,
                                     "nama": i.nama, "rumus": i.rumus, "satuan": i.satuan}
                                    for i in s.indikator]}
                     for s in pos.sasaran]}
        for pos in _order(defs)
    ]
    return json.dumps({"jabatan": data}, ensure_ascii=False, indent=2) + "\n"


def show_position(defs: Definitions, position_id: str, width: int = 80) -> Group:
    """One position in full: tasks, functions, objectives, indicators with formulas."""
    L = labels(language())
    pos = defs.positions[position_id]
    variables = defs.variables
    numbers = numbering(defs)
    parts: list[object] = [
        Text(f"{numbers.jabatan[pos.id]}. {pos.jabatan}", style="bold"),
        Text(f"id: {pos.id}   {L['atasan'].lower()}: {pos.atasan or '—'}")]
    for title, items in ((L["tugas"], pos.tugas), (L["fungsi"], pos.fungsi)):
        if items:
            parts.append(Text(f"\n{title}:", style="bold"))
            # A long task wraps under its own text (a hanging indent), not under its number.
            digits = len(str(len(items)))
            for n, item in enumerate(items, 1):
                number = f"  {n:>{digits}}. "
                parts.append(Text(textwrap.fill(
                    item, max(width, len(number) + 20), initial_indent=number,
                    subsequent_indent=" " * len(number), break_long_words=True,
                    break_on_hyphens=False)))
    for sas in pos.sasaran:
        caption = t("cli.show-supports", target=sas.mendukung) if sas.mendukung else None
        table = Table(title=f"{L['sasaran']}: {escape(sas.uraian)}", title_justify="left",
                      caption=escape(caption) if caption else None, caption_justify="left",
                      expand=True)
        for col in (L["no"], L["indikator"], L["rumus"], L["satuan"], L["target"]):
            # A variable name longer than its column is folded onto the next line, never
            # cut short with an ellipsis: the formula must be read whole.
            table.add_column(col, no_wrap=col == L["no"], overflow="fold")
        for ind in sas.indikator:
            legend = "\n".join(f"{name} = {variables[name].uraian}"
                               for name in defs.variable_names((pos.id, ind.id))
                               if name in variables)
            targets = ", ".join(f"{k}: {v:g}" for k, v in ind.target.items()) or "—"
            table.add_row(numbers.indikator[(pos.id, ind.id)],
                          f"{escape(ind.nama)}\n[dim]{ind.id}[/]",
                          escape(ind.rumus) + (f"\n[dim]{escape(legend)}[/]" if legend else ""),
                          escape(ind.satuan), targets)
        parts.append(Text(""))
        parts.append(table)
    return Group(*parts)  # type: ignore[arg-type]


def position_tree(defs: Definitions) -> Tree:
    """The pohon kinerja of the IKI document as a terminal tree: the positions by `atasan`,
    numbered, each with its objectives and the objective each supports (`mendukung`)."""
    org = defs.organisasi.model.nama if defs.organisasi else "iki"
    root = Tree(Text(org, style="bold"))
    branches: list[Tree] = [root]
    for line in tree_lines(position_views(defs, language())):
        parent = branches[min(line.kedalaman, len(branches) - 1)]
        if line.jenis == "jabatan":
            # Labels wrap at spaces rather than being cropped at the terminal's edge; an
            # id is one word, broken only when it is wider than the terminal itself.
            label = Text.assemble((f"{line.nomor}. {line.teks}", "bold"), f"  ({line.id})",
                                  no_wrap=False, overflow="fold")
            branches[line.kedalaman + 1:] = [parent.add(label)]
        else:
            label = Text(f"◆ {line.teks}", style="cyan", no_wrap=False, overflow="fold")
            if line.mendukung_id:
                label.append(f"  ↑ {line.mendukung_id}", style="dim")
            parent.add(label)
    return root
