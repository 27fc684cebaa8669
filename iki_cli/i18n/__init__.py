"""What people read, in their language: one catalogue per language, and the current language.

Every message the program shows a person has a key (`values.unknown-column`) with a
text per language in `i18n/id/` and `i18n/en/`, the same placeholders in both (a
test checks it). `t(key, **params)` gives the text in the current language: the
one the command line set from `--lang` / `IKI_LANG`, else `IKI_LANG`, else
Indonesian. Stable ids (rule ids, result codes) never change with the language.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

LANGS = ("id", "en")
DEFAULT = "id"


class _ByLanguage(dict[str, dict[str, str]]):
    """A table of each language's catalogue (`MESSAGES` or `LABELS` of `i18n/<lang>/`),
    each imported when first asked for: a command in one language reads one catalogue."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def __missing__(self, lang: str) -> dict[str, str]:
        if lang not in LANGS:
            raise KeyError(lang)
        table: dict[str, str] = getattr(importlib.import_module(f"{__name__}.{lang}"),
                                        self.name)
        self[lang] = table
        return table


CATALOGUES: dict[str, dict[str, str]] = _ByLanguage("MESSAGES")
LABELS: dict[str, dict[str, str]] = _ByLanguage("LABELS")

_current: ContextVar[str | None] = ContextVar("iki_lang", default=None)


def language() -> str:
    """The current language: set by `using`/`set_language`, else `$IKI_LANG`, else `id`."""
    chosen = _current.get()
    if chosen is not None:
        return chosen
    env = os.environ.get("IKI_LANG", "").strip().lower()
    return env if env in LANGS else DEFAULT


def set_language(lang: str) -> None:
    """Make `lang` the current language (the command line does, once per command)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language `{lang}`")
    _current.set(lang)


@contextmanager
def using(lang: str) -> Iterator[None]:
    """The current language is `lang` inside the block."""
    if lang not in LANGS:
        raise ValueError(f"unknown language `{lang}`")
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


def t(key: str, lang: str | None = None, **params: Any) -> str:
    """The text of message `key` in `lang` (default: the current language), filled in."""
    table = CATALOGUES[lang or language()]
    return table[key].format(**params)


def labels(lang: str) -> dict[str, str]:
    """The report labels of `lang` (falls back to Indonesian)."""
    return LABELS[lang if lang in LANGS else DEFAULT]
