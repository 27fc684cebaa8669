"""Browsing definitions: `iki list`, `iki show`, `iki tree` (rich renderables)."""

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


def _order(defs: Definitions) -> list[Jabatan]:
    """The positions in the one order of every output (SPEC §1)."""
    return position_order(loaded.model for loaded in defs.jabatan)


def list_table(defs: Definitions) -> Table:
    """A table of positions: id, title, superior, counts."""
    table = Table(title=f"{len(defs.jabatan)} jabatan", show_lines=False)
    for col in ("id", "jabatan", "atasan", "sasaran", "indikator"):
        # Ids are what the user types next (`iki show ID`): never cut them short.
        table.add_column(col, justify="right" if col in ("sasaran", "indikator") else "left",
                         no_wrap=col in ("id", "atasan"))
    for pos in _order(defs):
        n_ind = sum(len(s.indikator) for s in pos.sasaran)
        table.add_row(pos.id, escape(pos.jabatan), pos.atasan or "—", str(len(pos.sasaran)),
                      str(n_ind))
    return table


def list_json(defs: Definitions) -> str:
    """Positions with their objectives and indicator ids, as JSON."""
    data = [
        {"id": pos.id, "jabatan": pos.jabatan, "atasan": pos.atasan,
         "sasaran": [{"id": s.id, "uraian": s.uraian, "mendukung": s.mendukung,
                      "indikator": [{"id": i.id, "nama": i.nama, "rumus": i.rumus,
                                     "satuan": i.satuan} for i in s.indikator]}
                     for s in pos.sasaran]}
        for pos in _order(defs)
    ]
    return json.dumps({"jabatan": data}, ensure_ascii=False, indent=2) + "\n"


def show_position(defs: Definitions, position_id: str) -> Group:
    """One position in full: tasks, functions, objectives, indicators with formulas."""
    pos = defs.positions[position_id]
    variables = defs.variables
    parts: list[object] = [Text(pos.jabatan, style="bold"),
                           Text(f"id: {pos.id}   atasan: {pos.atasan or '—'}")]
    for title, items in (("Tugas", pos.tugas), ("Fungsi", pos.fungsi)):
        if items:
            parts.append(Text(f"\n{title}:", style="bold"))
            parts.extend(Text(f"  {n}. {item}") for n, item in enumerate(items, 1))
    for sas in pos.sasaran:
        table = Table(title=f"Sasaran: {escape(sas.uraian)}", title_justify="left",
                      caption=f"mendukung {sas.mendukung}" if sas.mendukung else None,
                      caption_justify="left", expand=True)
        for col in ("indikator", "rumus", "satuan", "target"):
            table.add_column(col)
        for ind in sas.indikator:
            legend = "\n".join(f"{name} = {variables[name].uraian}"
                               for name in defs.variable_names((pos.id, ind.id))
                               if name in variables)
            targets = ", ".join(f"{k}: {v:g}" for k, v in ind.target.items()) or "—"
            table.add_row(f"{escape(ind.nama)}\n[dim]{ind.id}[/]",
                          escape(ind.rumus) + (f"\n[dim]{escape(legend)}[/]" if legend else ""),
                          escape(ind.satuan), targets)
        parts.append(Text(""))
        parts.append(table)
    return Group(*parts)  # type: ignore[arg-type]


def position_tree(defs: Definitions) -> Tree:
    """The positions as a tree by `atasan`, each objective with its `mendukung` link."""
    org = defs.organisasi.model.nama if defs.organisasi else "iki"
    root = Tree(Text(org, style="bold"))
    nodes: dict[str, Tree] = {}
    for pos in _order(defs):
        parent = nodes.get(pos.atasan or "", root)
        # Labels wrap (no_wrap=False) rather than being cropped at the terminal's edge,
        # which would cut off ids and cascade links.
        branch = parent.add(Text.assemble((pos.jabatan, "bold"), f"  ({pos.id})", no_wrap=False,
                                          overflow="fold"))
        for sas in pos.sasaran:
            label = Text(f"◆ {sas.uraian}", style="cyan", no_wrap=False, overflow="fold")
            if sas.mendukung:
                label.append(f"  ↑ {sas.mendukung}", style="dim")
            branch.add(label)
        nodes[pos.id] = branch
    return root
