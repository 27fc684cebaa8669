"""The importer's messages: its keys in the catalogues (`import.*`), nested messages.

The `# periksa:` comments written into a draft use the Indonesian text of the
same keys, so the file and the summary of `iki import` say the same thing.
"""

from __future__ import annotations

from ..i18n import LANGS, t

Params = dict[str, object]


def message(key: str, lang: str = "id", **params: object) -> str:
    """The text of `key` in `lang` (Indonesian when the language is unknown).

    A parameter given as a `(key, params)` pair is itself a message, written in the
    same language.
    """
    if lang not in LANGS:
        lang = "id"
    values = {name: message(value[0], lang, **value[1])
              if isinstance(value, tuple) and _is_message(value) else value
              for name, value in params.items()}
    return t(f"import.{key}", lang, **values)


def _is_message(value: tuple[object, ...]) -> bool:
    return len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], dict)
