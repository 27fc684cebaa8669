"""Browsing definitions: `iki list`, `iki show`, `iki tree` (rich renderables).

Positions are listed and numbered in the one order of every output (SPEC §1), with
the reports' numbers; labels follow the current language.
"""

from __future__ import annotations

import json

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


def list_table(defs: Definitions) -> Table:
    """A table of positions: number, id, title, superior, counts."""
    L = labels(language())
    table = Table(title=t("cli.list-title", count=len(defs.jabatan)), show_lines=False)
    numbers = numbering(defs).jabatan
    for head, right, keep in ((L["no"], True, True), ("id", False, True),
                              (L["jabatan"], False, False), (L["atasan"], False, True),
                              (L["sasaran"], True, False), (L["indikator"], True, False)):
        # Ids are what the user types next (`iki show ID`): never cut them short.
        table.add_column(head, justify="right" if right else "left", no_wrap=keep)
    for pos in _order(defs):
        n_ind = sum(len(s.indikator) for s in pos.sasaran)
        table.add_row(str(numbers[pos.id]), pos.id, escape(pos.jabatan), pos.atasan or "—",
                      str(len(pos.sasaran)), str(n_ind))
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


def show_position(defs: Definitions, position_id: str) -> Group:
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
            parts.extend(Text(f"  {n}. {item}") for n, item in enumerate(items, 1))
    for sas in pos.sasaran:
        caption = t("cli.show-supports", target=sas.mendukung) if sas.mendukung else None
        table = Table(title=f"{L['sasaran']}: {escape(sas.uraian)}", title_justify="left",
                      caption=escape(caption) if caption else None, caption_justify="left",
                      expand=True)
        for col in (L["no"], L["indikator"], L["rumus"], L["satuan"], L["target"]):
            table.add_column(col, no_wrap=col == L["no"])
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
