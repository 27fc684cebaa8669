"""The organisation as a tree: superiors, and the one order every output lists positions in.

SPEC §1: positions with `urutan` come first, lowest first; the others follow in
tree order — the head, then each subordinate followed by its own subordinates,
depth first, siblings by id. Positions outside the tree (an invalid root: a
cycle, an unknown `atasan`) come last, by id, so that nothing is ever dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import Jabatan


def ancestors(positions: Mapping[str, Jabatan], start: str) -> list[str]:
    """The chain of superiors above `start`, nearest first (stops at a cycle)."""
    chain: list[str] = []
    current = positions.get(start)
    while current is not None and current.atasan and current.atasan not in chain \
            and current.atasan != start:
        chain.append(current.atasan)
        current = positions.get(current.atasan)
    return chain


def tree_order(positions: Iterable[Jabatan]) -> list[Jabatan]:
    """Depth first from the head, siblings by id; positions outside the tree last, by id."""
    by_id = {pos.id: pos for pos in sorted(positions, key=lambda p: p.id)}
    children: dict[str | None, list[str]] = {}
    for pid, pos in by_id.items():
        parent = pos.atasan if pos.atasan in by_id and pos.atasan != pid else None
        children.setdefault(parent, []).append(pid)
    seen: dict[str, None] = {}
    heads = [pid for pid in children.get(None, []) if by_id[pid].atasan is None]
    stack = list(reversed(heads))
    while stack:  # iterative: a deep chain of positions must not exhaust the recursion limit
        pid = stack.pop()
        if pid in seen:
            continue
        seen[pid] = None
        stack.extend(reversed(children.get(pid, [])))
    return [by_id[pid] for pid in seen] + [pos for pid, pos in by_id.items() if pid not in seen]


def position_order(positions: Iterable[Jabatan]) -> list[Jabatan]:
    """The order of SPEC §1: by `urutan` where given, then the rest in tree order."""
    listed = list(positions)
    numbered = sorted((p for p in listed if p.urutan is not None),
                      key=lambda p: (p.urutan, p.id))
    # Tree order over the whole tree, so that positions under a numbered one keep theirs.
    return numbered + [p for p in tree_order(listed) if p.urutan is None]


def subordinates(positions: Iterable[Jabatan]) -> dict[str | None, list[Jabatan]]:
    """Each position's direct subordinates in `position_order` (key None: the heads)."""
    ordered = position_order(positions)
    ids = {p.id for p in ordered}
    out: dict[str | None, list[Jabatan]] = {}
    for pos in ordered:
        parent = pos.atasan if pos.atasan in ids and pos.atasan != pos.id else None
        out.setdefault(parent, []).append(pos)
    return out
