"""Semantic diff of the definitions between two git revisions, or a revision and the working tree.

Each side is read straight from git (`git ls-tree` + `git cat-file --batch`,
never a checkout), validated in full, reduced to a flat map of objects keyed by
id (`jabatan:ID`, `sasaran:POS/ID`, `indikator:POS/ID`, `variabel:ID`,
`organisasi`) and compared field by field. Every field has a class in `FIELDS`;
`docs/diff.md` shows the same table (a test keeps the two equal).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from . import formula
from .definitions import Definitions
from .periods import PeriodError, is_period, parse_period
from .problems import Problem, ProblemsError, UsageError

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
        ("capaian", "target"), ("predikat", "target"),
    ),
    "variabel": (
        ("uraian", "text"), ("satuan", "breaking"), ("agregasi", "breaking"),
        ("sumber_data", "text"),
    ),
    "jabatan": (
        ("jabatan", "text"), ("atasan", "text"), ("tugas", "text"), ("fungsi", "text"),
    ),
    "sasaran": (("uraian", "text"), ("mendukung", "text")),
    "indikator": (
        ("sasaran", "text"), ("nama", "text"), ("rumus", "breaking"), ("satuan", "breaking"),
        ("polaritas", "breaking"), ("desimal", "text"), ("sumber_data", "text"),
        ("penjelasan", "text"), ("target", "target"), ("kategori", "target"),
        ("contoh", "text"),
    ),
}
# The field that names an object in "added"/"removed" lines.
_LABEL = {"organisasi": "nama", "variabel": "uraian", "jabatan": "jabatan",
          "sasaran": "uraian", "indikator": "nama"}


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


class InvalidSide(ProblemsError):
    """One side (or both) of the diff has invalid definitions: exit 1 with its problems."""


# --- git -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Repo:
    """A git working tree and the definitions folder's path inside it."""

    top: Path
    prefix: str  # posix path relative to `top`, "" or ending in "/"


def _git(args: list[str], cwd: Path,
         stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run git without a pager or prompts; a missing git is a usage error."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        return subprocess.run(["git", "--no-pager", "--literal-pathspecs", *args], cwd=cwd,
                              input=stdin, capture_output=True, env=env, check=False)
    except FileNotFoundError:
        raise UsageError("`iki diff` needs git, and git is not installed "
                         "(or not on PATH)") from None


def _git_message(proc: subprocess.CompletedProcess[bytes]) -> str:
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else f"git exited with {proc.returncode}"


def locate(definitions: Path) -> Repo:
    """The repository holding `definitions` (which need not exist in the working tree)."""
    folder = Path(os.path.abspath(definitions))
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"`{definitions}` is not a folder (give the definitions folder "
                         "with -d/--definitions)")
    existing = folder
    missing: list[str] = []  # trailing parts that do not exist (yet) in the working tree
    while not existing.is_dir():
        missing.insert(0, existing.name)
        existing = existing.parent
    proc = _git(["rev-parse", "--show-toplevel", "--show-prefix"], existing)
    if proc.returncode != 0:
        raise UsageError(f"`{definitions}` is not inside a git repository, so there are no "
                         f"revisions to compare ({_git_message(proc)})")
    top, prefix = (proc.stdout.decode("utf-8").splitlines() + [""])[:2]
    rel = PurePosixPath(prefix, *missing).as_posix()
    return Repo(Path(top), "" if rel == "." else rel + "/")


def resolve(repo: Repo, rev: str) -> str:
    """The commit id of `rev`; an unknown revision is a usage error."""
    # A leading "-" would be read as an option by git.
    proc = None if not rev or rev.startswith("-") else \
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], repo.top)
    if proc is None or proc.returncode != 0:
        raise UsageError(f"unknown revision `{rev}`: not a branch, tag or commit of this "
                         "repository (in a shallow CI clone, fetch it first, e.g. "
                         "`git fetch origin main` or `fetch-depth: 0`)")
    return proc.stdout.decode().strip()


def _wanted(rel: str) -> bool:
    """Whether a path inside the definitions folder is one the loader reads."""
    parts = rel.split("/")
    if len(parts) == 1:
        return rel in ("organisasi.yaml", "variabel.yaml")
    return len(parts) == 2 and parts[0] == "jabatan" and rel.endswith((".yaml", ".yml"))


def tree_files(repo: Repo, commit: str) -> dict[str, bytes] | None:
    """The definitions files at `commit` (relative path → bytes); None: no such folder."""
    folder = repo.prefix.rstrip("/")
    kind = _git(["cat-file", "-t", f"{commit}:{folder}"], repo.top)
    if kind.returncode != 0 or kind.stdout.strip() != b"tree":
        return None
    paths = [repo.prefix + name for name in ("organisasi.yaml", "variabel.yaml", "jabatan")]
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths], repo.top)
    if listing.returncode != 0:
        raise UsageError(f"git cannot list `{folder}` at {commit[:12]}: {_git_message(listing)}")
    blobs: dict[str, str] = {}
    for entry in listing.stdout.decode("utf-8", "surrogateescape").split("\0"):
        meta, _, path = entry.partition("\t")
        mode, _, rest = meta.partition(" ")
        rel = path[len(repo.prefix):]
        # Symlinks (120000) and submodules hold no file content to read.
        if rest.startswith("blob ") and mode in ("100644", "100755") and _wanted(rel):
            blobs[rel] = rest.split()[1]
    return dict(zip(blobs, _read_blobs(repo, list(blobs.values())), strict=True))


def _read_blobs(repo: Repo, ids: list[str]) -> list[bytes]:
    """The contents of blobs, in one `git cat-file --batch` call."""
    if not ids:
        return []
    proc = _git(["cat-file", "--batch"], repo.top, stdin="".join(i + "\n" for i in ids).encode())
    if proc.returncode != 0:
        raise UsageError(f"git cannot read the definitions: {_git_message(proc)}")
    out, pos, contents = proc.stdout, 0, []
    for _ in ids:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        contents.append(out[header_end + 1:header_end + 1 + size])
        pos = header_end + 1 + size + 1  # content is followed by a newline
    return contents


# --- sides -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    """One side of the diff: its objects (None when the folder is absent) and errors."""

    label: str
    objects: Objects | None
    errors: tuple[Problem, ...] = ()


def _validated(root: Path) -> tuple[Definitions, list[Problem]]:
    from .checks import validate

    defs, problems = validate(root)
    return defs, [p for p in problems if p.level == "error"]


def revision_side(repo: Repo, rev: str, commit: str, label: str) -> Side:
    """Read, validate and reduce the definitions at a commit (materialised in a temp dir)."""
    files = tree_files(repo, commit)
    if files is None:
        return Side(label, None)
    with tempfile.TemporaryDirectory(prefix="iki-diff-") as tmp:
        root = Path(tmp)
        (root / "jabatan").mkdir()
        for rel, content in files.items():
            (root / rel).write_bytes(content)
        defs, errors = _validated(root)
        objects = snapshot(defs) if not errors else None
        # Problems name the temp dir; say `REV:path` so the user knows which side it is.
        errors = [_rehome(p, root, f"{rev}:{repo.prefix}") for p in errors]
    return Side(label, objects, tuple(errors))


def _rehome(problem: Problem, root: Path, prefix: str) -> Problem:
    rel = os.path.relpath(os.path.abspath(problem.path), root).replace(os.sep, "/")
    return Problem(prefix + rel, problem.line, problem.column, problem.level, problem.rule,
                   problem.message)


def worktree_side(root: Path) -> Side:
    """Read, validate and reduce the definitions on disk."""
    if not root.is_dir():
        return Side("in the working tree", None)
    defs, errors = _validated(root)
    return Side("in the working tree", snapshot(defs) if not errors else None, tuple(errors))


def diff_definitions(definitions: Path, base: str = "HEAD", head: str | None = None) -> DiffResult:
    """Compare the definitions folder between `base` and `head` (None: the working tree)."""
    repo = locate(definitions)
    # Both revisions are resolved before anything is read: usage errors come first.
    base_commit = resolve(repo, base)
    head_commit = resolve(repo, head) if head is not None else None
    old = revision_side(repo, base, base_commit, f"at BASE `{base}`")
    new = (revision_side(repo, head, head_commit, f"at HEAD `{head}`")
           if head is not None and head_commit is not None else worktree_side(definitions))
    _require_valid(old, new)
    if old.objects is None and new.objects is None:
        where = f"`{head}`" if head is not None else "the working tree"
        raise UsageError(f"there is no definitions folder `{repo.prefix.rstrip('/') or '.'}` "
                         f"at `{base}` nor in {where} (give it with -d/--definitions)")
    return DiffResult(base, head if head is not None else WORKTREE,
                      tuple(compare(old.objects or {}, new.objects or {})))


def _require_valid(*sides: Side) -> None:
    bad = [s for s in sides if s.errors]
    if not bad:
        return
    problems = [p for s in bad for p in s.errors]
    which = " and ".join(f"{s.label} ({len(s.errors)} error(s))" for s in bad)
    raise InvalidSide(f"cannot compare: the definitions {which} are invalid; fix them, "
                      "or compare other revisions", problems)


# --- objects and comparison -------------------------------------------------------------


def snapshot(defs: Definitions) -> Objects:
    """The definitions as a flat map of object key → compared fields (plain JSON values)."""
    objects: Objects = {}
    if defs.organisasi is not None:
        objects["organisasi"] = _fields("organisasi", defs.organisasi.model.model_dump())
    if defs.variabel is not None:
        for var in defs.variabel.model.variabel:
            objects[f"variabel:{var.id}"] = _fields("variabel", var.model_dump())
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


def _period_key(code: str) -> tuple[Any, ...]:
    try:
        p = parse_period(code)
    except PeriodError:
        return (1, code)
    return (0, p.year, p.first, -p.last)


def _targets(target: dict[str, Any]) -> dict[str, Any]:
    """Targets keyed by canonical period code (`2026-Q1` is `2026-TW1`), in period order."""
    canonical = {}
    for key, value in target.items():
        try:
            canonical[parse_period(key).code] = value
        except PeriodError:
            canonical[key] = value
    return {k: canonical[k] for k in sorted(canonical, key=_period_key)}


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


def _kind(key: str) -> str:
    return key.partition(":")[0]


def _object_order(key: str) -> tuple[Any, ...]:
    """Office first, then variables, then each position with its objectives and indicators."""
    kind, _, ident = key.partition(":")
    pos, _, child = ident.partition("/")
    if kind == "organisasi":
        return (0, "", 0, "")
    if kind == "variabel":
        return (1, ident, 0, "")
    return (2, pos, ("jabatan", "sasaran", "indikator").index(kind), child)


def compare(old: Objects, new: Objects) -> list[Change]:
    """The changes from `old` to `new`, matched by object key, in a stable order."""
    changes: list[Change] = []
    for key in sorted(old.keys() | new.keys(), key=_object_order):
        if key not in new:
            changes.append(Change(REMOVED_CLASS, "removed", key, None, old[key], None))
        elif key not in old:
            changes.append(Change(ADDED_CLASS, "added", key, None, None, new[key]))
        else:
            for name, klass in FIELDS[_kind(key)]:
                before, after = old[key].get(name), new[key].get(name)
                if _comparable(name, before) != _comparable(name, after):
                    changes.append(Change(klass, "changed", key, name, before, after))
    return changes


# --- rendering (plain parts; the CLI styles them) ----------------------------------------


PartKind = Literal["plain", "old", "new", "value"]


@dataclass(frozen=True)
class Part:
    """A piece of a change's description: our words (`plain`) or a value from the files."""

    text: str
    kind: PartKind = "plain"


def head_label(result: DiffResult) -> str:
    """How the head side is named to a reader."""
    return "the working tree" if result.head == WORKTREE else result.head


def counts(result: DiffResult) -> dict[Klass, int]:
    """Number of changes per class."""
    return {k: len(result.of_class(k)) for k in CLASSES}


def describe(change: Change) -> list[Part]:
    """What changed, after the object (and field) name: `old → new`, `added: name`, …"""
    if change.change != "changed":
        data = change.new if change.change == "added" else change.old
        label = (data or {}).get(_LABEL[_kind(change.object)])
        return [Part(change.change)] + ([Part(": "), Part(str(label), "value")] if label else [])
    if isinstance(change.old, dict) and isinstance(change.new, dict):
        return _map_delta(change.old, change.new)
    if change.field in ("tugas", "fungsi"):
        return _list_delta(change.old or [], change.new or [])
    old, new = change.old, change.new
    if isinstance(old, str) and isinstance(new, str):
        old, new = _shorten_pair(old, new)
    return _value(old, "old") + [Part(" → ")] + _value(new, "new")


def _value(value: Any, kind: PartKind) -> list[Part]:
    if value is None:
        return [Part("(none)")]
    if value == "":
        return [Part("(empty)")]
    return [Part(format_value(value), kind)]


def format_value(value: Any) -> str:
    """A value on one line: numbers as written, threshold lists as `0 Kurang, 60 Cukup`."""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return "; ".join(format_value(v) for v in value)
    if isinstance(value, dict):
        if set(value) == {"batas_bawah", "label"}:
            return f"{format_value(value['batas_bawah'])} {format_value(value['label'])}"
        if set(value) == {"nilai", "hasil"}:
            return f"{format_value(value['nilai'])} → {format_value(value['hasil'])}"
        return ", ".join(f"{k}: {format_value(v)}" for k, v in value.items())
    return json.dumps(value, ensure_ascii=False)


def _map_delta(old: dict[str, Any], new: dict[str, Any]) -> list[Part]:
    """Per-key changes of a mapping (targets, capaian): `2026 80 → 85; 2027 added 90`."""
    parts: list[Part] = []
    keys = list(old) + [k for k in new if k not in old]
    if all(is_period(k) for k in keys):
        keys.sort(key=_period_key)
    for key in keys:
        if old.get(key) == new.get(key):
            continue
        if parts:
            parts.append(Part("; "))
        if key not in old:
            parts += [Part(f"{key} added "), *_value(new[key], "new")]
        elif key not in new:
            parts += [Part(f"{key} removed "), *_value(old[key], "old")]
        else:
            parts += [Part(f"{key} "), *_value(old[key], "old"), Part(" → "),
                      *_value(new[key], "new")]
    return parts


def _list_delta(old: list[str], new: list[str]) -> list[Part]:
    """Items removed and added (by text); `order changed` when only the order differs."""
    before = [" ".join(s.split()) for s in old]
    after = [" ".join(s.split()) for s in new]
    removed = [s for s in before if s not in after]
    added = [s for s in after if s not in before]
    parts: list[Part] = []
    steps: tuple[tuple[str, list[str], PartKind], ...] = (
        ("removed", removed, "old"), ("added", added, "new"))
    for word, items, kind in steps:
        for item in items:
            parts += ([Part("; ")] if parts else []) + [Part(f"{word} "), Part(item, kind)]
    return parts or [Part("order changed")]


def _shorten_pair(old: str, new: str, limit: int = 100, context: int = 30) -> tuple[str, str]:
    """Long texts cut to the changed part with some context, so a review line stays short."""
    old, new = " ".join(old.split()), " ".join(new.split())
    if len(old) <= limit and len(new) <= limit:
        return old, new
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    # Cut at spaces, so that no word is shown in part.
    cut_start = old.rfind(" ", 0, max(0, start - context)) + 1
    cut_end = max(0, end - context)
    if cut_end:
        space = old.find(" ", len(old) - cut_end)
        cut_end = len(old) - space if space != -1 else 0

    def cut(text: str) -> str:
        body = text[cut_start:len(text) - cut_end]
        return ("…" if cut_start else "") + body + ("…" if cut_end else "")

    return cut(old), cut(new)


def to_json(result: DiffResult) -> str:
    """The diff as JSON (SPEC §5)."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


_MD_SPECIAL = set("\\`*_[]<>|~")
_HEADINGS: dict[Klass, str] = {
    "breaking": "Breaking: the meaning of results changes",
    "target": "Targets and rating scales",
    "text": "Wording and additions",
}


def md_escape(text: str) -> str:
    """Text that Markdown prints as is (one line)."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in re.sub(r"\s+", " ", text))


def code_span(text: str) -> str:
    """A Markdown code span holding `text`, whatever backticks it contains."""
    text = " ".join(text.split())
    longest = run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_parts(parts: Iterable[Part]) -> str:
    return "".join(md_escape(p.text) if p.kind == "plain" else code_span(p.text)
                   for p in parts)


def to_markdown(result: DiffResult) -> str:
    """A review comment: a summary line, then one bullet per change grouped by class."""
    head = "the working tree" if result.head == WORKTREE else code_span(result.head)
    lines = [f"### iki diff: {code_span(result.base)} → {head}", ""]
    if not result.changes:
        return "\n".join(lines + ["No changes to the definitions.", ""])
    n = counts(result)
    plural = "s" if len(result.changes) != 1 else ""
    lines.append(f"**{n['breaking']} breaking**, {n['target']} target, {n['text']} text "
                 f"change{plural}.")
    lines.append("")
    for klass in CLASSES:
        group = result.of_class(klass)
        if not group:
            continue
        lines += [f"#### {_HEADINGS[klass]} ({len(group)})", ""]
        for c in group:
            field = f" {code_span(c.field)}:" if c.field else ""
            lines.append(f"- {code_span(c.object)}{field} {_md_parts(describe(c))}")
        lines.append("")
    return "\n".join(lines)
