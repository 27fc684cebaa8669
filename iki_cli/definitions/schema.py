"""JSON Schema (draft-07) of the three definition file kinds, for editors' YAML support."""

from __future__ import annotations

import json
import re
from typing import Any

from ..periods import PATTERN
from .model import FILE_MODELS, KEBAB

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
# JSON Schema patterns are ECMA-262 regular expressions: no `(?P<name>…)` groups.
PERIOD_KEY = re.sub(r"\?P<\w+>", "", PATTERN)


def _fix_refs(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                value = value.replace("#/$defs/", "#/definitions/")
            out[key] = _fix_refs(value)
        return out
    if isinstance(node, list):
        return [_fix_refs(item) for item in node]
    return node


def file_schema(kind: str) -> dict[str, Any]:
    """The draft-07 schema of one file kind (`organisasi`, `variabel`, `jabatan`)."""
    raw = FILE_MODELS[kind].model_json_schema(mode="validation")
    definitions = raw.pop("$defs", {})
    schema: dict[str, Any] = {"$schema": DRAFT_07}
    schema.update(raw)
    if definitions:
        schema["definitions"] = definitions
    schema = _fix_refs(schema)
    indikator = schema.get("definitions", {}).get("Indikator")
    if indikator:
        # Target keys are periods; YAML may write a year unquoted.
        indikator["properties"]["target"]["propertyNames"] = {"pattern": PERIOD_KEY}
    if kind == "jabatan":
        schema["properties"]["atasan"]["anyOf"][0]["pattern"] = KEBAB
    return schema


def all_schemas() -> dict[str, str]:
    """File name → JSON text, stable for byte comparison."""
    return {f"{kind}.schema.json": json.dumps(file_schema(kind), indent=2, ensure_ascii=False,
                                              sort_keys=True) + "\n"
            for kind in FILE_MODELS}
