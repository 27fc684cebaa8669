"""YAML text written by hand, so that the draft keeps its comments and its quoting.

A scalar is written plain only when every YAML reader (1.1 or 1.2) reads it back
as the same string; otherwise it is double-quoted with escapes, which YAML
reads the same way everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .messages import message

# Plain words that YAML 1.1 (or 1.2) would read as a boolean or null.
_SPECIAL_WORDS = frozenset(
    w for base in ("y", "yes", "n", "no", "true", "false", "on", "off", "null", "nan", "inf")
    for w in (base, base.capitalize(), base.upper()))
# Characters a YAML stream may hold as they are (the printable set of YAML 1.1 minus the
# line separators NEL, LS and PS, which a YAML 1.1 reader folds into spaces).
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd"
                          "\U00010000-\U0010ffff]")
_PLAIN_END = re.compile(r"[^\s:]\Z")
_TO_ESCAPE = re.compile('[\\\\"\n\t\r]|' + _UNPRINTABLE.pattern)


def _plain_ok(text: str) -> bool:
    if not text or text in _SPECIAL_WORDS or text != text.strip():
        return False
    if not text[0].isalpha() or _UNPRINTABLE.search(text):
        return False
    # ": " starts a value, " #" a comment; a tab, a quote or a trailing colon confuse readers.
    if ": " in text or " #" in text or "\t" in text or "\n" in text or "\r" in text:
        return False
    return bool(_PLAIN_END.search(text))


def _escape(ch: str) -> str:
    code = ord(ch)
    named = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    if ch in named:
        return named[ch]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def scalar(text: str) -> str:
    """`text` as a YAML scalar: plain when that is safe, else double-quoted."""
    if _plain_ok(text):
        return text
    return '"' + _TO_ESCAPE.sub(lambda m: _escape(m.group()), text) + '"'


def comment(text: str) -> str:
    """Text made safe for one YAML comment line."""
    return _UNPRINTABLE.sub(" ", " ".join(text.split()))


Check = tuple[str, dict[str, object]]  # a message key of messages.py and its parameters


@dataclass
class Note:
    """A line of a written file that carries a `# periksa:` comment."""

    line: int
    key: str
    params: dict[str, object]


@dataclass
class YamlText:
    """Lines of one YAML file, with the line number of every `# periksa:` comment."""

    lines: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def add(self, line: str, *checks: Check) -> None:
        """Append `line`; with `checks`, end it with `# periksa: …` (in Indonesian)."""
        if checks:
            text = "; ".join(message(key, "id", **params) for key, params in checks)
            line += "  # periksa: " + comment(text)
            self.notes += [Note(len(self.lines) + 1, key, params) for key, params in checks]
        self.lines.append(line)

    def text(self) -> str:
        """The file's text, ending with a newline."""
        return "\n".join(self.lines) + "\n"
