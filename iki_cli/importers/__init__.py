"""Word documents → a draft definitions root (`iki import`, SPEC §8).

`import_document` reads an office's IKI document (.docx), writes a whole draft
root or nothing, and returns what it did; it prints nothing (the CLI does).
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import IkiError, UsageError
from ..quantities import looks_inverted
from .blocks import parse_blocks
from .draft import write_draft
from .messages import message

__all__ = ["Decision", "ImportSummary", "import_document", "looks_inverted"]


@dataclass(frozen=True)
class Decision:
    """A place in the draft that a person must decide or check: file, line, what."""

    file: str
    line: int
    key: str
    params: dict[str, object] = field(default_factory=dict)

    def what(self, lang: str = "id") -> str:
        """What to decide, in `lang` (the file's comment says it in Indonesian)."""
        return message(self.key, lang, **self.params)


@dataclass(frozen=True)
class ImportSummary:
    """What `import_document` wrote."""

    out: Path
    positions: int
    indicators: int
    variables: int
    decisions: list[Decision]

    @property
    def next_command(self) -> str:
        """The command to run next."""
        return f"iki validate -d {self.out}"

    def lines(self, lang: str = "id") -> list[str]:
        """The summary as lines of text in `lang`, for the CLI to print."""
        out = [message("summary", lang, out=self.out, positions=self.positions,
                       indicators=self.indicators, variables=self.variables)]
        if self.decisions:
            out.append(message("summary_decisions", lang, count=len(self.decisions)))
            out += [f"  {d.file}:{d.line}: {d.what(lang)}" for d in self.decisions]
        else:
            out.append(message("summary_none", lang))
        out.append(message("summary_next", lang, command=self.next_command))
        return out


def _check_out(out: Path, lang: str) -> None:
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise UsageError(message("out_is_file", lang, out=out))
    if out.is_dir() and any(out.iterdir()):
        raise IkiError(message("out_not_empty", lang, out=out,
                               suggestion=f"{out.name}-draf"))


def import_document(path: Path, out: Path, lang: str = "id") -> ImportSummary:
    """Read the IKI document `path` (.docx) and write a draft definitions root at `out`.

    Refuses (IkiError, nothing changed) when `out` exists and is not an empty folder,
    or when `path` is not a Word document holding IKI blocks.
    """
    from .package import open_docx
    from .reader import in_frames, read_body

    out = Path(out)
    _check_out(out, lang)
    document = open_docx(Path(path), lang)
    parsed = parse_blocks(read_body(document))
    if not parsed.blocks:
        raise IkiError(message("no_blocks_frames" if in_frames(document) else "no_blocks", lang,
                               path=path))
    written = write_draft(parsed)
    _write_root(out, written.files, lang)
    decisions = [Decision(str(out / name), note.line, note.key, note.params)
                 for name, note in written.notes]
    return ImportSummary(out, written.positions, written.indicators, written.variables,
                         decisions)


def _write_root(out: Path, files: dict[str, str], lang: str) -> None:
    """Write every file in a temporary sibling folder, then rename it to `out` at once."""
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        # A sibling (same file system, so the rename is atomic), made with the usual
        # permissions: the folder becomes the user's definitions root as it is.
        staging = parent / f".{out.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        staging.mkdir()
    except OSError as exc:
        raise IkiError(message("out_write", lang, out=out, reason=exc.strerror or exc)) \
            from None
    try:
        for name, text in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        _check_out(out, lang)  # something may have appeared there meanwhile
        if out.is_dir():
            out.rmdir()  # empty: replaced by the draft
        os.replace(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise IkiError(message("out_write", lang, out=out, reason=exc.strerror or exc)) \
            from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
