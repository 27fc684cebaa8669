"""Safe YAML loading with source positions (SPEC §1 YAML rules).

The C parser composes a node graph; we walk it ourselves, resolving plain
scalars by YAML 1.2 core rules (so `no`, `on` and `08` stay strings) and
recording the position of every key and value. Anchors, aliases, tags and
merge keys are refused from the event stream before any node is built, so an
alias bomb costs no more than reading it.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser

from ..i18n import t
from ..problems import CONTROL, Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64

Loc = tuple[Any, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]")
_SPECIAL_FLOATS = {
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
    "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = {"", "~", "null", "Null", "NULL"}
# An anchor, alias or tag is `&`, `*` or `!` at the start of a token (after a blank, a
# flow indicator or a value/key indicator) followed by its name; a merge key is `<<`.
# Text without such a spot (`a * 100`, `Sarana & Prasarana`, `Bagus!`) skips the event
# scan, which would otherwise cost as much as parsing the file again.
# A lone `!` before a value (`! 80`) is the non-specific tag.
_SUSPECT = re.compile(r"(?:\A|[\s\[\]{},:?\"'])[&*!][^\s\[\]{},]|<<"
                      r"|(?:\A|[\s\[{,:?-])!(?:[\s\]},]|\Z)")
# A quicker superset of _SUSPECT, tried first (the alternation above is slow to search).
_SUSPECT_CHARS = re.compile(r"[&*!<][^\s\[\]{},]|!(?:[\s\]},]|\Z)")
# Control characters can reach a string only through the escapes of a double-quoted
# scalar (`"\x1b]0;…\x07"`): the reader refuses them written raw. Tabs and line
# breaks are text; a carriage return (moving the cursor back over what was shown) is not.
_CONTROL_IN_TEXT = re.compile(f"[{CONTROL}]")
# Bidirectional overrides and isolates are printable to the reader: found in the raw text.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INT_DIGITS = 4300
# First characters of every plain scalar that is not plain text (null, bool, number).
_NOT_TEXT_START = frozenset("0123456789+-.~nNtTfF")


# A position (line, column) is kept packed in one int, `line << 20 | column`: a file is
# at most 1 MiB, so neither reaches 2**20. A (line, column) tuple for each of the ~230
# keys and values of a position file cost a fifth of what a loaded position holds.
_COLUMN_BITS = 20
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1


def _unpack(packed: int) -> tuple[int, int]:
    return packed >> _COLUMN_BITS, packed & _COLUMN_MASK


@dataclass
class Document:
    """A loaded YAML file: plain data plus the position of every key and value.

    `data` is the plain data as read; the loader drops it once the typed model
    holds the values, and keeps the positions (packed, see `pos`).
    """

    path: str
    data: Any
    values: dict[Loc, int] = field(default_factory=dict)
    keys: dict[Loc, int] = field(default_factory=dict)
    quoted: set[Loc] = field(default_factory=set)

    def pos(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of `loc` (its key when `key`), else of its nearest recorded ancestor."""
        loc = tuple(loc)
        if key and loc in self.keys:
            return _unpack(self.keys[loc])
        while loc:
            if loc in self.values:
                return _unpack(self.values[loc])
            loc = loc[:-1]
        return _unpack(self.values.get((), 1 << _COLUMN_BITS | 1))

    def column_in(self, loc: Loc, offset: int) -> tuple[int, int]:
        """Position of the 1-based character `offset` inside the scalar at `loc`."""
        line, col = self.pos(loc)
        return line, col + offset - 1 + (1 if loc in self.quoted else 0)

    def problem(self, loc: Loc, rule: str, message: str, *, key: bool = False,
                level: str = "error") -> Problem:
        """A problem placed at `loc` of this document."""
        line, col = self.pos(loc, key=key)
        return Problem(self.path, line, col, level, rule, message)  # type: ignore[arg-type]


def resolve_plain(text: str) -> Any:
    """A plain (unquoted) scalar by YAML 1.2 core rules; leading-zero numbers stay text."""
    if text and text[0] not in _NOT_TEXT_START:
        return text  # most scalars are words: skip the pattern matching below
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _LEADING_ZERO.match(text):
        return text
    if _INT.match(text):
        # Python refuses to convert more than 4,300 digits; such a number is too large anyway.
        return int(text) if len(text) <= _INT_DIGITS else float("inf")
    if _FLOAT.match(text) and any(ch.isdigit() for ch in text):
        return float(text)
    if text in _SPECIAL_FLOATS:
        return _SPECIAL_FLOATS[text]
    return text


def _mark(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


class _Composer(CParser):
    """The C composer without PyYAML's tag resolution: we resolve scalars ourselves.

    The stock resolver runs Python regexes on every scalar only to pick a tag
    that the walker never reads; skipping it makes composing about twice as fast.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> None:
        return None

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def _scan_events(text: str, path: str) -> list[Problem]:
    """Refuse anchors, aliases, explicit tags and merge keys, from the event stream."""
    problems: list[Problem] = []
    loader = yaml.CSafeLoader(text)
    try:
        while loader.check_event():
            ev = loader.get_event()
            where = _mark(ev.start_mark)
            if isinstance(ev, yaml.AliasEvent):
                problems.append(Problem(path, *where, "error", "yaml-alias",
                                        t("definitions.yaml-alias", name=_short(ev.anchor))))
            elif getattr(ev, "anchor", None):
                problems.append(Problem(path, *where, "error", "yaml-anchor",
                                        t("definitions.yaml-anchor", name=_short(ev.anchor))))
            tag = getattr(ev, "tag", None)
            if tag == "!":  # `! 80`: the non-specific tag, which makes the value text
                problems.append(Problem(path, *where, "error", "yaml-tag",
                                        t("definitions.yaml-tag-bare")))
            elif tag:
                problems.append(Problem(path, *where, "error", "yaml-tag",
                                        t("definitions.yaml-tag", tag=_short(tag))))
            if (isinstance(ev, yaml.ScalarEvent) and ev.value == "<<" and not ev.style):
                problems.append(Problem(path, *where, "error", "yaml-merge-key",
                                        t("definitions.yaml-merge-key")))
            if len(problems) >= 20:
                break
    except yaml.YAMLError:
        pass  # the syntax error is reported by the composing pass
    finally:
        loader.dispose()
    return problems


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n")
    if 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def _syntax_problem(path: str, exc: Exception, text: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml reports a control character by its byte offset, without a mark.
        before = text.encode("utf-8")[:exc.position].decode("utf-8", errors="ignore")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return Problem(path, line, col, "error", "syntax",
                       t("definitions.control-raw", code=f"U+{code:04X}"))
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = _mark(mark) if mark is not None else (1, 1)
    what = str(getattr(exc, "problem", None) or exc)
    context = getattr(exc, "context", None)
    message = f"{context}: {what}" if context else what
    if "expected a single document" in message:
        return Problem(path, line, col, "error", "yaml-multi-document",
                       t("definitions.yaml-multi-document"))
    char = _char_at(text, line, col)
    if "tab character" in what or (char == "\t" and "cannot start any token" in what):
        return Problem(path, line, col, "error", "syntax", t("definitions.yaml-tab"))
    if "cannot start any token" in what and char:
        return Problem(path, line, col, "error", "syntax",
                       t("definitions.yaml-bad-start", char=char))
    return Problem(path, line, col, "error", "syntax",
                   t("definitions.yaml-syntax", detail=message))


_ScalarNode = yaml.ScalarNode
_SequenceNode = yaml.SequenceNode


class _Walker:
    def __init__(self, doc: Document):
        self.doc = doc
        self.problems: list[Problem] = []
        self.values = doc.values
        self.keys = doc.keys

    def value(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        mark = node.start_mark
        self.values[loc] = (mark.line + 1) << _COLUMN_BITS | (mark.column + 1)
        if depth > MAX_DEPTH:
            raise _TooDeep(node)
        if isinstance(node, _ScalarNode):
            if node.style:
                if node.style in ("'", '"'):
                    self.doc.quoted.add(loc)
                    if node.style == '"':
                        self._control(node.value, mark)
                return node.value
            return resolve_plain(node.value)
        depth += 1
        if isinstance(node, _SequenceNode):
            value = self.value
            return [value(item, loc + (i,), depth) for i, item in enumerate(node.value)]
        out: dict[Any, Any] = {}
        keys, values, scalar = self.keys, self.values, _ScalarNode
        for key_node, value_node in node.value:
            if not isinstance(key_node, _ScalarNode):
                self.problems.append(Problem(self.doc.path, *_mark(key_node.start_mark), "error",
                                             "yaml-complex-key",
                                             t("definitions.yaml-complex-key")))
                continue
            # Keys are always text: `2026:` and `"2026":` name the same period.
            key = key_node.value
            mark = key_node.start_mark
            child = loc + (key,)
            if key_node.style == '"':
                self._control(key, mark)
            if key in out:
                self.problems.append(Problem(
                    self.doc.path, mark.line + 1, mark.column + 1, "error", "duplicate-key",
                    t("definitions.duplicate-key", name=_short(key),
                      line=_unpack(keys[child])[0])))
                continue
            keys[child] = (mark.line + 1) << _COLUMN_BITS | (mark.column + 1)
            if type(value_node) is not scalar or value_node.style or depth > MAX_DEPTH:
                out[key] = self.value(value_node, child, depth)
                continue
            # A plain scalar, as `value` takes it, without a call: most values of a file are.
            mark = value_node.start_mark
            values[child] = (mark.line + 1) << _COLUMN_BITS | (mark.column + 1)
            out[key] = resolve_plain(value_node.value)
        return out


    def _control(self, value: str, mark: Any) -> None:
        found = _CONTROL_IN_TEXT.search(value)
        if found:
            self.problems.append(Problem(self.doc.path, mark.line + 1, mark.column + 1, "error",
                                         "control-character", t(
                                             "definitions.control-character",
                                             code=f"U+{ord(found.group()):04X}")))


def _bidi_problems(text: str, path: str) -> list[Problem]:
    """Every bidirectional control in the raw text, at its line and column."""
    problems = []
    for found in _BIDI.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        col = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        problems.append(Problem(path, line, col, "error", "control-character",
                                t("definitions.control-character",
                                  code=f"U+{ord(found.group()):04X}")))
        if len(problems) >= 20:
            break
    return problems


class _TooDeep(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


def load_text(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text; returns the document (None when unusable) and the problems."""
    if _SUSPECT_CHARS.search(text) and _SUSPECT.search(text):
        problems = _scan_events(text, path)
        if problems:
            return None, problems
    loader = _Composer(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        return None, [_syntax_problem(path, exc, text)]
    except RecursionError:
        return None, [Problem(path, 1, 1, "error", "yaml-too-deep",
                              t("definitions.yaml-too-deep", limit=MAX_DEPTH))]
    finally:
        loader.dispose()
    doc = Document(path, None)
    if node is None:
        doc.values[()] = 1 << _COLUMN_BITS | 1
        return doc, []
    walker = _Walker(doc)
    try:
        doc.data = walker.value(node, (), 0)
    except _TooDeep as exc:
        return None, [Problem(path, *_mark(exc.node.start_mark), "error", "yaml-too-deep",
                              t("definitions.yaml-too-deep", limit=MAX_DEPTH))]
    if not text.isascii() and _BIDI.search(text):
        walker.problems.extend(_bidi_problems(text, path))
    return doc, walker.problems


def load_file(file: Path, display: str,
              parses: Parses | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one YAML file, refusing over-large and non-UTF-8 files cleanly."""
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, [Problem(display, 0, 0, "error", "unreadable",
                                  t("definitions.is-folder"))]
        if not stat.S_ISREG(info.st_mode):
            # A pipe would block and a device (`x.yaml -> /dev/zero`) never ends.
            return None, [Problem(display, 0, 0, "error", "unreadable",
                                  t("definitions.not-regular"))]
        size = info.st_size
        if size > MAX_BYTES:
            return None, [Problem(display, 1, 1, "error", "file-too-large",
                                  t("definitions.too-large", size=f"{size:,}",
                                    limit=f"{MAX_BYTES:,}"))]
        with file.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)  # bounded: the file may grow after `stat`
        if len(raw) > MAX_BYTES:
            return None, [Problem(display, 1, 1, "error", "file-too-large",
                                  t("definitions.too-large", size=f"> {MAX_BYTES:,}",
                                    limit=f"{MAX_BYTES:,}"))]
    except OSError as exc:
        return None, [Problem(display, 0, 0, "error", "unreadable",
                              t("definitions.unreadable", reason=exc.strerror or str(exc)))]
    return load_bytes(raw, display, parses)


# Files' parses by their bytes, for loads that share them (`loading.shared_loading`).
Parses = dict[bytes, tuple[Document | None, list[Problem]]]


def load_bytes(raw: bytes, display: str,
               parses: Parses | None = None) -> tuple[Document | None, list[Problem]]:
    """Decode UTF-8 (with or without BOM) and parse.

    With `parses`, bytes parsed before are not parsed again: the parse (plain data,
    positions and problems, none of them changed by the loader) is given again under
    `display`, in a `Document` of the caller's own.
    """
    if parses is None:
        return _load_bytes(raw, display)
    found = parses.get(raw)
    if found is None:
        found = parses[raw] = _load_bytes(raw, "")
    doc, problems = found
    return (None if doc is None else replace(doc, path=display),
            [replace(p, path=display) for p in problems])


def _load_bytes(raw: bytes, display: str) -> tuple[Document | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(display, line, col, "error", "encoding",
                              t("definitions.not-utf8", byte=f"0x{raw[exc.start]:02x}"))]
    if "\x00" in text:
        return None, [Problem(display, 1, 1, "error", "encoding", t("definitions.nul"))]
    return load_text(text, display)
