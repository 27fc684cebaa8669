"""The catalogues: the same keys and placeholders in every language, and every key used exists."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import iki_cli
from iki_cli import i18n

PACKAGE = Path(iki_cli.__file__).parent


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_key_is_in_every_language() -> None:
    assert set(i18n.CATALOGUES["id"]) == set(i18n.CATALOGUES["en"])


def test_every_label_is_in_every_language() -> None:
    assert set(i18n.LABELS["id"]) == set(i18n.LABELS["en"])


@pytest.mark.parametrize("key", sorted(i18n.CATALOGUES["id"]))
def test_placeholders_match_between_languages(key: str) -> None:
    assert _placeholders(i18n.CATALOGUES["id"][key]) == _placeholders(i18n.CATALOGUES["en"][key])


def _keys_used() -> set[str]:
    """Every literal key passed to `t(...)` anywhere in the package."""
    keys: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "t" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                keys.add(node.args[0].value)
    return keys


def test_every_key_the_code_uses_is_in_the_catalogue() -> None:
    assert _keys_used() - set(i18n.CATALOGUES["id"]) == set()


def test_the_current_language_follows_the_setting_then_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IKI_LANG", "en")
    assert i18n.language() == "en"
    monkeypatch.setenv("IKI_LANG", "fr")  # not a language of iki: the default
    assert i18n.language() == "id"
    with i18n.using("en"):
        assert i18n.language() == "en"
    assert i18n.language() == "id"
    with pytest.raises(ValueError):
        i18n.set_language("fr")
