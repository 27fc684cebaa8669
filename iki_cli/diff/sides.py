"""The two sides of a diff: the definitions at a revision or in the working tree, validated."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..checks import validate
from ..definitions.loading import Definitions, shared_loading
from ..errors import ProblemsError, UsageError
from ..i18n import t
from ..problems import Problem
from .compare import WORKTREE, DiffResult, Objects, compare, snapshot
from .git import Repo, locate, resolve, revision_name, tree_files


class InvalidSide(ProblemsError):
    """One side (or both) of the diff has invalid definitions: exit 1 with its problems."""



@dataclass(frozen=True)
class Side:
    """One side of the diff: its definitions and objects (None when the folder is absent,
    or the definitions are invalid) and its errors."""

    label: str
    objects: Objects | None
    errors: tuple[Problem, ...] = ()
    defs: Definitions | None = None


def _validated(root: Path) -> tuple[Definitions, list[Problem]]:
    defs, problems = validate(root)
    return defs, [p for p in problems if p.level == "error"]


def revision_side(repo: Repo, rev: str, commit: str, label: str) -> Side:
    """Read, validate and reduce the definitions at a commit (materialised in a temp dir).

    The same loader serves `iki diff` and `iki compute --rev`: the definitions
    loaded are kept with the side (they no longer need the files).
    """
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
    return Side(label, objects, tuple(errors), defs if not errors else None)


def _rehome(problem: Problem, root: Path, prefix: str) -> Problem:
    rel = os.path.relpath(os.path.abspath(problem.path), root).replace(os.sep, "/")
    return Problem(prefix + rel, problem.line, problem.column, problem.level, problem.rule,
                   problem.message)


def worktree_side(root: Path) -> Side:
    """Read, validate and reduce the definitions on disk."""
    if not root.is_dir():
        return Side(t("diff.side-worktree"), None)
    defs, errors = _validated(root)
    return Side(t("diff.side-worktree"), snapshot(defs) if not errors else None, tuple(errors),
                defs if not errors else None)


def diff_definitions(definitions: Path, base: str = "HEAD", head: str | None = None) -> DiffResult:
    """Compare the definitions folder between `base` and `head` (None: the working tree)."""
    return diff_sides(definitions, base, head)[2]


def diff_sides(definitions: Path, base: str = "HEAD",
               head: str | None = None) -> tuple[Side, Side, DiffResult]:
    """Both sides of a diff, validated, and the comparison of their definitions."""
    repo = locate(definitions)
    # Both revisions are resolved before anything is read: usage errors come first.
    base_commit = resolve(repo, base)
    head_commit = resolve(repo, head) if head is not None else None
    with shared_loading():  # a file the change left alone is read once for both sides
        old = revision_side(repo, base, base_commit, t("diff.side-base", rev=base))
        new = (revision_side(repo, head, head_commit, t("diff.side-head", rev=head))
               if head is not None and head_commit is not None
               else worktree_side(definitions))
    _require_valid(old, new)
    if old.objects is None and new.objects is None:
        where = (t("diff.where-rev", rev=head) if head is not None
                 else t("diff.where-worktree"))
        raise UsageError(t("diff.no-folder-both", folder=repo.prefix.rstrip("/") or ".",
                           base=base, where=where))
    result = DiffResult(base, head if head is not None else WORKTREE,
                        tuple(compare(old.objects or {}, new.objects or {})))
    return old, new, result


def _require_valid(*sides: Side) -> None:
    bad = [s for s in sides if s.errors]
    if not bad:
        return
    problems = [p for s in bad for p in s.errors]
    which = t("diff.sides-and").join(t("diff.side-errors", side=s.label, count=len(s.errors))
                                      for s in bad)
    raise InvalidSide(t("diff.cannot-compare", sides=which), problems)


def definitions_at(definitions: Path, rev: str) -> tuple[Definitions, str]:
    """The definitions folder as it is at revision `rev`, validated, and the revision's name.

    `iki compute --rev` computes with these: the adopted definitions (a tag such as
    `pk-2026`), whatever the working tree holds. Invalid definitions at `rev` are a
    ProblemsError naming the side; no folder at `rev` is a usage error.
    """
    repo = locate(definitions)
    commit = resolve(repo, rev)
    side = revision_side(repo, rev, commit, t("diff.side-rev", rev=rev))
    if side.errors:
        raise InvalidSide(t("diff.rev-invalid", rev=rev, count=len(side.errors)),
                          list(side.errors))
    if side.defs is None:
        raise UsageError(t("diff.no-folder-at", folder=repo.prefix.rstrip("/") or ".",
                           rev=rev))
    return side.defs, revision_name(repo, commit)
