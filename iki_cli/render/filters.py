"""Template filters that are not about one kind of object: numbers, text, line breaks.

The table of every filter the templates have is `environment.filters`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..numbers import format_number


@functools.lru_cache(maxsize=4)
def number_text(lang: str) -> Callable[[float | None, int], str]:
    """`(value, decimals) → text` in the notation of `lang`, each number formatted once.

    The same numbers are written in the Markdown report, the HTML report, its chart
    and the history: one cache for all of them. A C-level cached callable, without a
    Python frame per call: a report of thousands of indicators writes some fifty
    numbers per indicator.
    """
    return functools.lru_cache(maxsize=1 << 17)(functools.partial(format_number, lang=lang))


def number_filters(lang: str) -> dict[str, Callable[..., str]]:
    """The filters that write numbers in the notation of the report language `lang`.

    Bound to the language when the environment is made, rather than reading
    `lang` from the template context on each of the many numbers of a report.
    """
    point = "," if lang == "id" else "."
    num = number_text(lang)

    def angka(value: float | None, decimals: int = 2) -> str:
        """A number rounded half-up to `decimals`, in the report language's notation."""
        return num(value, decimals)

    def angka_bebas(value: float | None, decimals: int = 4) -> str:
        """A measured value with up to `decimals` decimals, trailing zeros dropped."""
        text = num(value, decimals)
        if value is not None and point in text:
            text = text.rstrip("0").rstrip(point)
        return text

    return {"angka": angka, "angka_bebas": angka_bebas}


_HTML_SPECIAL = re.compile("[&<>\"']")


def html_text(text: str) -> str:
    """`text` escaped for HTML exactly as Jinja's `{{ … }}` escapes it (markupsafe)."""
    return text if _HTML_SPECIAL.search(text) is None else str(escape(text))


def html_lines(text: str) -> str:
    """Text as HTML with its line breaks kept: stripped, escaped, each break a `<br>`."""
    text = text.replace("\r\n", "\n").strip()
    if "\n" not in text:  # most names and titles are one line
        return html_text(text)
    return "<br>\n".join(html_text(line) for line in text.split("\n"))


@jinja2.pass_eval_context
def line_breaks(eval_ctx: Any, value: object) -> str | Markup:
    """Text with its line breaks kept: escaped and `<br>` in HTML, unchanged otherwise."""
    text = "" if value is None else str(value)
    if not eval_ctx.autoescape:
        return text.replace("\r\n", "\n").strip()
    return Markup(html_lines(text))


def css_string(value: object) -> Markup:
    """Text as a CSS string, quotes included, for `content:` in the page's margin boxes.

    Backslash, quote and line breaks are escaped, and so is `<`, so that no text
    can close the `<style>` element it is written in.
    """
    text = " ".join(str(value or "").split())
    out = []
    for ch in text:
        if ch in '\\"<>&' or ord(ch) < 32:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return Markup('"' + "".join(out) + '"')


_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]")


@jinja2.pass_eval_context
def links(eval_ctx: Any, value: object) -> str | Markup:
    """A note with its web addresses (evidence links) made clickable in HTML.

    Only `http` and `https` addresses become links; the rest of the text is
    escaped. In Markdown the text is returned as it is (escape it with `md`).
    """
    text = "" if value is None else str(value)
    if not eval_ctx.autoescape:
        return text
    return Markup(links_html(text))


def links_html(text: str) -> str:
    """The HTML of `links`: the text escaped, its web addresses links."""
    out: list[str] = []
    last = 0
    for m in _URL.finditer(text):
        out.append(str(escape(text[last:m.start()])))
        url = escape(m.group(0))
        out.append(f'<a href="{url}" rel="noopener noreferrer">{url}</a>')
        last = m.end()
    out.append(str(escape(text[last:])))
    return "".join(out)
