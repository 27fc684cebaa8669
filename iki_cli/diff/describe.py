"""A diff described for people: plain parts (the CLI styles them), Markdown and JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from ..i18n import t
from ..markdown import code_span, md_escape
from ..periods import is_period
from .compare import (
    CLASSES,
    LABEL_FIELD,
    WORKTREE,
    Change,
    DiffResult,
    Klass,
    object_kind,
    period_key,
)

PartKind = Literal["plain", "old", "new", "value"]


@dataclass(frozen=True)
class Part:
    """A piece of a change's description: our words (`plain`) or a value from the files."""

    text: str
    kind: PartKind = "plain"


def head_label(result: DiffResult) -> str:
    """How the head side is named to a reader."""
    return t("diff.worktree") if result.head == WORKTREE else result.head


def counts(result: DiffResult) -> dict[Klass, int]:
    """Number of changes per class."""
    return {k: len(result.of_class(k)) for k in CLASSES}


def describe(change: Change) -> list[Part]:
    """What changed, after the object (and field) name: `old → new`, `added: name`, …"""
    if change.change != "changed":
        data = change.new if change.change == "added" else change.old
        label = (data or {}).get(LABEL_FIELD[object_kind(change.object)])
        return [Part(t(f"diff.{change.change}"))] + (
            [Part(": "), Part(str(label), "value")] if label else [])
    if isinstance(change.old, dict) and isinstance(change.new, dict):
        return _map_delta(change.old, change.new)
    if change.field in ("tugas", "fungsi"):
        return _list_delta(change.old or [], change.new or [])
    old, new = change.old, change.new
    if isinstance(old, str) and isinstance(new, str):
        old, new = _shorten_pair(old, new)
    return _value(old, "old") + [Part(" → ")] + _value(new, "new")


def _value(value: Any, kind: PartKind) -> list[Part]:
    if value is None:
        return [Part(t("diff.none"))]
    if value == "":
        return [Part(t("diff.empty"))]
    return [Part(format_value(value), kind)]


def format_value(value: Any) -> str:
    """A value on one line: numbers as written, threshold lists as `0 Kurang, 60 Cukup`."""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return "; ".join(format_value(v) for v in value)
    if isinstance(value, dict):
        if set(value) == {"batas_bawah", "label"}:
            return f"{format_value(value['batas_bawah'])} {format_value(value['label'])}"
        if set(value) == {"nilai", "hasil"}:
            return f"{format_value(value['nilai'])} → {format_value(value['hasil'])}"
        return ", ".join(f"{k}: {format_value(v)}" for k, v in value.items())
    return json.dumps(value, ensure_ascii=False)


def _map_delta(old: dict[str, Any], new: dict[str, Any]) -> list[Part]:
    """Per-key changes of a mapping (targets, capaian): `2026 80 → 85; 2027 added 90`."""
    parts: list[Part] = []
    keys = list(old) + [k for k in new if k not in old]
    if all(is_period(k) for k in keys):
        keys.sort(key=period_key)
    for key in keys:
        if old.get(key) == new.get(key):
            continue
        if parts:
            parts.append(Part("; "))
        if key not in old:
            parts += [Part(f"{key} {t('diff.added')} "), *_value(new[key], "new")]
        elif key not in new:
            parts += [Part(f"{key} {t('diff.removed')} "), *_value(old[key], "old")]
        else:
            parts += [Part(f"{key} "), *_value(old[key], "old"), Part(" → "),
                      *_value(new[key], "new")]
    return parts


def _list_delta(old: list[str], new: list[str]) -> list[Part]:
    """Items removed and added (by text); `order changed` when only the order differs."""
    before = [" ".join(s.split()) for s in old]
    after = [" ".join(s.split()) for s in new]
    removed = [s for s in before if s not in after]
    added = [s for s in after if s not in before]
    parts: list[Part] = []
    steps: tuple[tuple[str, list[str], PartKind], ...] = (
        ("removed", removed, "old"), ("added", added, "new"))
    for word, items, kind in steps:
        for item in items:
            parts += ([Part("; ")] if parts else []) + [Part(f"{t('diff.' + word)} "),
                                                         Part(item, kind)]
    return parts or [Part(t("diff.order-changed"))]


def _shorten_pair(old: str, new: str, limit: int = 100, context: int = 30) -> tuple[str, str]:
    """Long texts cut to the changed part with some context, so a review line stays short."""
    old, new = " ".join(old.split()), " ".join(new.split())
    if len(old) <= limit and len(new) <= limit:
        return old, new
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    # Cut at spaces, so that no word is shown in part.
    cut_start = old.rfind(" ", 0, max(0, start - context)) + 1
    cut_end = max(0, end - context)
    if cut_end:
        space = old.find(" ", len(old) - cut_end)
        cut_end = len(old) - space if space != -1 else 0

    def cut(text: str) -> str:
        body = text[cut_start:len(text) - cut_end]
        return ("…" if cut_start else "") + body + ("…" if cut_end else "")

    return cut(old), cut(new)


def to_json(result: DiffResult) -> str:
    """The diff as JSON (SPEC §5)."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"




def _md_parts(parts: Iterable[Part]) -> str:
    return "".join(md_escape(p.text, keep_spaces=True) if p.kind == "plain" else code_span(p.text)
                   for p in parts)


def to_markdown(result: DiffResult) -> str:
    """A review comment: a summary line, then one bullet per change grouped by class."""
    head = t("diff.worktree") if result.head == WORKTREE else code_span(result.head)
    lines = [f"### iki diff: {code_span(result.base)} → {head}", ""]
    if not result.changes:
        return "\n".join(lines + [t("diff.md-no-changes"), ""])
    n = counts(result)
    lines.append(t("diff.md-counts", breaking=n["breaking"], target=n["target"], text=n["text"],
                   total=len(result.changes)))
    lines.append("")
    for klass in CLASSES:
        group = result.of_class(klass)
        if not group:
            continue
        lines += [f"#### {t('diff.heading-' + klass)} ({len(group)})", ""]
        for c in group:
            field = f" {code_span(c.field)}:" if c.field else ""
            lines.append(f"- {code_span(c.object)}{field} {_md_parts(describe(c))}")
        lines.append("")
    return "\n".join(lines)
