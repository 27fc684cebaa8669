"""Semantic diff of the definitions between two git revisions, or a revision and the working tree.

Each side is read straight from git (`git ls-tree` + `git cat-file --batch`,
never a checkout), validated in full, reduced to a flat map of objects keyed by
id (`jabatan:ID`, `sasaran:POS/ID`, `indikator:POS/ID`, `variabel:ID`,
`organisasi`) and compared field by field. Every field has a class in `FIELDS`;
`docs/diff.md` shows the same table (a test keeps the two equal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .. import formula
from ..definitions.loading import Definitions
from ..periods import PeriodError, parse_period

Klass = Literal["breaking", "target", "text"]
ChangeKind = Literal["added", "removed", "changed"]
Objects = dict[str, dict[str, Any]]

WORKTREE = "worktree"
CLASSES: tuple[Klass, ...] = ("breaking", "target", "text")
ADDED_CLASS: Klass = "text"
REMOVED_CLASS: Klass = "breaking"

# The compared fields of each object kind, in report order, with their class.
# Ids are the objects' keys, not fields; child lists (sasaran, indikator) are
# objects of their own, so reordering them is not a change.
FIELDS: dict[str, tuple[tuple[str, Klass], ...]] = {
    "organisasi": (
        ("nama", "text"), ("singkatan", "text"), ("pemda", "text"),
        ("capaian", "target"), ("predikat", "target"), ("ilustratif", "text"),
        ("penandatangan", "text"), ("tempat", "text"), ("renstra", "target"),
    ),
    "variabel": (
        ("uraian", "text"), ("satuan", "breaking"), ("agregasi", "breaking"),
        ("sumber_data", "text"), ("rentang", "target"),
    ),
    # A plausibility rule (`aturan` of variabel.yaml): what it checks judges the values,
    # like a rating scale; its message is wording.
    "aturan": (("syarat", "target"), ("pesan", "text")),
    "jabatan": (
        ("jabatan", "text"), ("atasan", "text"), ("tugas", "text"), ("fungsi", "text"),
        ("urutan", "text"),
    ),
    "sasaran": (("uraian", "text"), ("mendukung", "text")),
    "indikator": (
        ("sasaran", "text"), ("nama", "text"), ("rumus", "breaking"), ("satuan", "breaking"),
        ("polaritas", "breaking"), ("desimal", "text"), ("sumber_data", "text"),
        ("penjelasan", "text"), ("target", "target"), ("kategori", "target"),
        ("contoh", "text"), ("kondisi_awal", "target"),
    ),
}
# The field that names an object in "added"/"removed" lines.
LABEL_FIELD = {"organisasi": "nama", "variabel": "uraian", "aturan": "pesan",
               "jabatan": "jabatan", "sasaran": "uraian", "indikator": "nama"}


@dataclass(frozen=True)
class Change:
    """One difference: an object added or removed, or one field of it changed."""

    klass: Klass
    change: ChangeKind
    object: str
    field: str | None
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of SPEC §5 (`iki diff --format json`)."""
        return {"class": self.klass, "change": self.change, "object": self.object,
                "field": self.field, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class DiffResult:
    """The changes between `base` and `head` (`head` is `WORKTREE` for the working tree)."""

    base: str
    head: str
    changes: tuple[Change, ...]

    def of_class(self, klass: Klass) -> list[Change]:
        """The changes of one class, in report order."""
        return [c for c in self.changes if c.klass == klass]

    @property
    def has_breaking(self) -> bool:
        return any(c.klass == "breaking" for c in self.changes)

    def to_dict(self) -> dict[str, Any]:
        """`{"base", "head", "changes": [...]}` (SPEC §5)."""
        return {"base": self.base, "head": self.head,
                "changes": [c.to_dict() for c in self.changes]}


# --- objects and comparison -------------------------------------------------------------


def snapshot(defs: Definitions) -> Objects:
    """The definitions as a flat map of object key → compared fields (plain JSON values)."""
    objects: Objects = {}
    if defs.organisasi is not None:
        objects["organisasi"] = _fields("organisasi", defs.organisasi.model.model_dump())
    if defs.variabel is not None:
        for var in defs.variabel.model.variabel:
            objects[f"variabel:{var.id}"] = _fields("variabel", var.model_dump())
        for rule in defs.variabel.model.aturan:
            objects[f"aturan:{rule.id}"] = _fields("aturan", rule.model_dump())
    for loaded in defs.jabatan:
        pos = loaded.model
        objects[f"jabatan:{pos.id}"] = _fields("jabatan", pos.model_dump())
        for sas in pos.sasaran:
            objects[f"sasaran:{pos.id}/{sas.id}"] = _fields("sasaran", sas.model_dump())
            for ind in sas.indikator:
                objects[f"indikator:{pos.id}/{ind.id}"] = _fields(
                    "indikator", {**ind.model_dump(), "sasaran": sas.id})
    return objects


def _fields(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    values = {name: _plain(data.get(name)) for name, _ in FIELDS[kind]}
    if "target" in values:
        values["target"] = _targets(values["target"])
    return values


def _plain(value: Any) -> Any:
    """JSON-ready value; whole floats become ints so `80` reads as in the YAML file."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def period_key(code: str) -> tuple[Any, ...]:
    try:
        p = parse_period(code)
    except PeriodError:
        return (1, code)
    return (0, p.start, -p.end)


def _targets(target: dict[str, Any]) -> dict[str, Any]:
    """Targets keyed by canonical period code (`2026-Q1` is `2026-TW1`), in period order."""
    canonical = {}
    for key, value in target.items():
        try:
            canonical[parse_period(key).code] = value
        except PeriodError:
            canonical[key] = value
    return {k: canonical[k] for k in sorted(canonical, key=period_key)}


def _comparable(field: str, value: Any) -> Any:
    """The value as compared: formulas by their parse, text without whitespace differences."""
    if field == "rumus" and isinstance(value, str):
        try:
            return formula.to_text(formula.parse(value))
        except formula.FormulaError:
            return " ".join(value.split())
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_comparable(field, v) for v in value]
    return value


def object_kind(key: str) -> str:
    return key.partition(":")[0]


def _object_order(key: str) -> tuple[Any, ...]:
    """Office first, then variables, rules, then each position with its objectives and
    indicators."""
    kind, _, ident = key.partition(":")
    pos, _, child = ident.partition("/")
    if kind == "organisasi":
        return (0, "", 0, "")
    if kind == "variabel":
        return (1, ident, 0, "")
    if kind == "aturan":
        return (2, ident, 0, "")
    return (3, pos, ("jabatan", "sasaran", "indikator").index(kind), child)


def compare(old: Objects, new: Objects) -> list[Change]:
    """The changes from `old` to `new`, matched by object key, in a stable order."""
    changes: list[Change] = []
    for key in sorted(old.keys() | new.keys(), key=_object_order):
        if key not in new:
            changes.append(Change(REMOVED_CLASS, "removed", key, None, old[key], None))
        elif key not in old:
            changes.append(Change(ADDED_CLASS, "added", key, None, None, new[key]))
        else:
            for name, klass in FIELDS[object_kind(key)]:
                before, after = old[key].get(name), new[key].get(name)
                # Equal as written is equal as compared; only a difference is looked into.
                if before != after and _comparable(name, before) != _comparable(name, after):
                    changes.append(Change(klass, "changed", key, name, before, after))
    return changes
