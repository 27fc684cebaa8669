"""Definitions read straight from git: `git ls-tree` + `git cat-file --batch`, never a checkout."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import UsageError
from ..i18n import t
from ..problems import did_you_mean


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
        raise UsageError(t("diff.git-missing")) from None


def _git_message(proc: subprocess.CompletedProcess[bytes]) -> str:
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else t("diff.git-exited", code=proc.returncode)


def locate(definitions: Path) -> Repo:
    """The repository holding `definitions` (which need not exist in the working tree)."""
    folder = Path(os.path.abspath(definitions))
    if folder.exists() and not folder.is_dir():
        raise UsageError(t("diff.not-a-folder", path=definitions))
    existing = folder
    missing: list[str] = []  # trailing parts that do not exist (yet) in the working tree
    while not existing.is_dir():
        missing.insert(0, existing.name)
        existing = existing.parent
    proc = _git(["rev-parse", "--show-toplevel", "--show-prefix"], existing)
    if proc.returncode != 0:
        raise UsageError(t("diff.not-a-repository", path=definitions,
                           why=_git_message(proc)))
    top, prefix = (proc.stdout.decode("utf-8").splitlines() + [""])[:2]
    rel = PurePosixPath(prefix, *missing).as_posix()
    return Repo(Path(top), "" if rel == "." else rel + "/")


def resolve(repo: Repo, rev: str) -> str:
    """The commit id of `rev`; an unknown revision is a usage error naming close names."""
    # A leading "-" would be read as an option by git.
    proc = None if not rev or rev.startswith("-") else \
        _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], repo.top)
    if proc is None or proc.returncode != 0:
        hint = did_you_mean(rev, names(repo)) if rev else ""
        raise UsageError(t("diff.unknown-revision", rev=rev, hint=hint))
    return proc.stdout.decode().strip()


def names(repo: Repo) -> list[str]:
    """The tags and branches of the repository (for suggestions)."""
    proc = _git(["for-each-ref", "--format=%(refname:short)", "refs/tags", "refs/heads"],
                repo.top)
    return proc.stdout.decode("utf-8", "replace").split() if proc.returncode == 0 else []


def tags_at(repo: Repo, commit: str) -> list[str]:
    """The tags that point at `commit`, sorted."""
    proc = _git(["tag", "--points-at", commit], repo.top)
    return sorted(proc.stdout.decode("utf-8", "replace").split()) if proc.returncode == 0 \
        else []


def revision_name(repo: Repo, commit: str) -> str:
    """How a report names a revision: its tags and short commit, `pk-2026 (1a2b3c4d)`."""
    tags = tags_at(repo, commit)
    short = commit[:12]
    return f"{', '.join(tags)} ({short})" if tags else short


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
        raise UsageError(t("diff.git-cannot-list", folder=folder, commit=commit[:12],
                           why=_git_message(listing)))
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
        raise UsageError(t("diff.git-cannot-read", why=_git_message(proc)))
    out, pos, contents = proc.stdout, 0, []
    for _ in ids:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        contents.append(out[header_end + 1:header_end + 1 + size])
        pos = header_end + 1 + size + 1  # content is followed by a newline
    return contents


@dataclass(frozen=True)
class DefinitionsSource:
    """Which definitions the figures of a run come from, for the reports' footer line.

    `commit` is None when the folder is not in a git repository (or git is not
    installed); `dirty` when its files differ from that commit in the working tree
    (changed, added or removed, not yet committed); `tag` names a tag on the commit.
    """

    folder: str
    commit: str | None = None
    tag: str | None = None
    dirty: bool = False


def definitions_source(definitions: Path, rev: str | None = None) -> DefinitionsSource:
    """The commit (and tag) the definitions folder is at, or of `rev` when given.

    With `rev` (the definitions of a revision instead of the working tree) the
    figures cannot have uncommitted changes. Outside git this never fails: the
    source is then the folder itself.
    """
    folder = os.path.normpath(definitions)
    try:
        repo = locate(definitions)
        commit = resolve(repo, rev or "HEAD")
    except UsageError:
        return DefinitionsSource(folder)
    tags = _git(["tag", "--points-at", commit, "--sort=-creatordate"], repo.top)
    names = tags.stdout.decode("utf-8", "replace").split() if tags.returncode == 0 else []
    dirty = False
    if rev is None:
        status = _git(["status", "--porcelain", "--untracked-files=all", "--",
                       repo.prefix or "."], repo.top)
        dirty = status.returncode == 0 and bool(status.stdout.strip())
    return DefinitionsSource(folder, commit[:12], names[0] if names else None, dirty)
