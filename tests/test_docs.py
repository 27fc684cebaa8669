"""The docs cannot drift from the code: rules page generated, every rule id and CLI option named."""

from __future__ import annotations

import re

import pytest
import typer.main
from helpers import REPO

from iki_cli.checks.rules import all_rules, rules_markdown
from iki_cli.cli import app

RULES_MD = REPO / "docs" / "rules.md"
DEFINITIONS_MD = REPO / "docs" / "definitions.md"


def user_docs() -> str:
    """README.md and every page under docs/, as one text."""
    pages = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in pages if p.is_file())


def cli_options() -> list[tuple[str, str]]:
    """(command, option) for every long option of every command, and of `iki` itself."""
    group = typer.main.get_command(app)
    found = [("iki", opt) for param in group.params for opt in param.opts
             if opt.startswith("--")]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            if param.param_type_name != "option":
                continue
            found += [(name, opt) for opt in param.opts if opt.startswith("--")]
    return found


def command_names() -> list[str]:
    return list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_rules_page_is_generated_from_the_code() -> None:
    assert RULES_MD.read_text(encoding="utf-8") == rules_markdown(), \
        "run `python -m iki_cli.checks.rules > docs/rules.md`"


@pytest.mark.parametrize("rule", list(all_rules()))
def test_every_rule_has_a_real_explanation(rule: str) -> None:
    level, doc = all_rules()[rule]
    assert level in ("error", "warning")
    assert len(doc.split()) >= 8, f"rule `{rule}` needs a docstring explaining it"


def command_passages(command: str) -> list[str]:
    """The parts of the docs about `iki COMMAND`: each section whose heading names it, and
    each paragraph (or code block) that does."""
    text = user_docs()
    named = re.compile(r"\biki " + re.escape(command) + r"(?![\w-])")
    sections = re.split(r"(?m)^(?=#{1,6} )", text)
    passages = [sec for sec in sections if named.search(sec.split("\n", 1)[0])]
    passages += [par for par in re.split(r"\n\s*\n", text) if named.search(par)]
    return passages


# Options every command has, documented once in a paragraph that says so.
SHARED_OPTIONS = {"--definitions": "Every command that reads definitions takes",
                  "--lang": "Every command takes `--lang`"}


def test_every_cli_option_is_documented_with_its_command() -> None:
    """An option counts as documented only where its own command is described."""
    missing = []
    for cmd, opt in cli_options():
        option = re.compile(re.escape(opt) + r"(?![\w-])")
        passages = [user_docs()] if cmd == "iki" else command_passages(cmd)
        if opt in SHARED_OPTIONS:  # documented once for every command
            passages = [p for p in re.split(r"\n\s*\n", user_docs())
                        if SHARED_OPTIONS[opt] in p]
        if not any(option.search(p) for p in passages):
            missing.append(f"iki {cmd} {opt}")
    assert not missing, "options not documented with their command: " + ", ".join(missing)


def test_every_command_is_documented() -> None:
    text = user_docs()
    missing = [name for name in command_names() if f"iki {name}" not in text]
    assert missing == []


def test_definitions_page_has_the_glossary() -> None:
    text = DEFINITIONS_MD.read_text(encoding="utf-8").lower()
    glossary = {
        "jabatan": "position", "atasan": "superior", "tugas": "task", "fungsi": "function",
        "sasaran": "objective", "indikator": "indicator", "rumus": "formula",
        "variabel": "variable", "sumber data": "data source", "realisasi": "measured value",
        "capaian": "achievement", "predikat": "rating", "polaritas": "polarity",
        "periode": "period", "triwulan": "quarter", "semester": "semester",
    }
    for word, meaning in glossary.items():
        assert re.search(rf"\|\s*{word}\b[^|\n]*\|[^\n]*{meaning}", text), word


def test_definitions_page_names_every_key_of_the_model() -> None:
    from iki_cli.definitions.model import FILE_MODELS

    text = DEFINITIONS_MD.read_text(encoding="utf-8")
    seen: set[type] = set()
    missing = []

    def walk(model: type) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():  # type: ignore[attr-defined]
            if f"`{name}`" not in text:
                missing.append(f"{model.__name__}.{name}")
            for inner in _models_in(info.annotation):
                walk(inner)

    for model in FILE_MODELS.values():
        walk(model)
    assert missing == []


def _models_in(annotation: object) -> list[type]:
    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in getattr(annotation, "__args__", ()) for m in _models_in(arg)]
