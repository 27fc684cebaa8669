"""Markdown written safely: one escape for table cells and text, and code spans.

Both the reports and `iki diff --format md` use these, so text from the
definitions reads the same in either.
"""

from __future__ import annotations

import re

_MD_ESCAPES = str.maketrans({
    "\\": "\\\\", "|": "\\|", "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]",
    "~": "\\~", "<": "&lt;", ">": "&gt;", "&": "&amp;",
})


_MD_SPECIAL = re.compile("[" + re.escape("".join(map(chr, _MD_ESCAPES))) + "]")


def md_escape(value: object, *, keep_spaces: bool = False) -> str:
    """Text safe in a GitHub-flavoured Markdown table cell: markup escaped, newlines `<br>`.

    Surrounding blanks are dropped, unless `keep_spaces` (a piece of a sentence: ` → `).
    """
    if value is None:
        return ""
    text = str(value)
    if "\n" not in text and "\r" not in text:  # most cells: one line, often nothing to escape
        if not keep_spaces:
            text = text.strip()
        return text.translate(_MD_ESCAPES) if _MD_SPECIAL.search(text) else text
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return "<br>".join(line.strip().translate(_MD_ESCAPES) for line in text.split("\n")
                       if line.strip())


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
