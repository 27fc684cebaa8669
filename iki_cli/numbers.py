"""Numbers as people write them: Indonesian (`1.234,5`) and English (`1,234.5`) notation."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

Notation = Literal["id", "en"]

_PATTERNS = {
    "id": re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\Z"),
    "en": re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\Z"),
}
_NAMES = {"id": "Indonesian notation (decimal comma, `.` for thousands, e.g. `1.234,5`)",
          "en": "English notation (decimal point, `,` for thousands, e.g. `1,234.5`)"}
EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
                "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!")


class NumberError(ValueError):
    """Text that is not a number in the chosen notation; the message says what to do."""


def parse_number(text: str, notation: Notation) -> float:
    """Parse `text` in `notation`; anything else raises NumberError, never a guess."""
    value = text.strip().replace("\u00a0", "")
    # The common case first (a values file holds many numbers): text the pattern accepts
    # is neither empty nor an Excel error value, so the order of the checks does not matter.
    if _PATTERNS[notation].match(value):
        if notation == "id":
            value = value.replace(".", "").replace(",", ".")
        else:
            value = value.replace(",", "")
        result = float(value)
        if not math.isfinite(result):
            raise NumberError(f"`{text.strip()}` is too large")
        return result
    if not value:
        raise NumberError("empty value")
    if value.upper() in EXCEL_ERRORS or value.startswith("#"):
        raise NumberError(f"Excel error value `{value}`: fix the formula in the workbook "
                          "or leave the cell empty")
    other: Notation = "en" if notation == "id" else "id"
    hint = ""
    if _PATTERNS[other].match(value):
        hint = (f"; it reads as a number in {_NAMES[other].split(' (')[0]}: "
                f"write it as `{format_plain(parse_number(value, other), notation)}` or "
                f"use --angka {other}")
    elif value.endswith("%"):
        hint = "; write the number without `%`"
    return _raise(text.strip(), notation, hint)


def number_parser(notation: Notation) -> Callable[[str], float]:
    """`parse_number` for one notation, for reading many values: the usual number
    (already stripped) is parsed without the general path, which explains the rest."""
    match = _PATTERNS[notation].match
    point = notation == "id"

    def parse(text: str) -> float:
        if match(text):
            value = float(text.replace(".", "").replace(",", ".") if point
                          else text.replace(",", ""))
            if math.isfinite(value):
                return value
        return parse_number(text, notation)

    return parse


def _raise(text: str, notation: Notation, hint: str) -> float:
    raise NumberError(f"`{text}` is not a number in {_NAMES[notation]}{hint}")


def format_plain(value: float, notation: Notation) -> str:
    """A number with all its digits, no thousands separator, in `notation`."""
    text = repr(float(value))
    if text.endswith(".0"):
        text = text[:-2]
    if "e" in text or "E" in text:
        text = f"{Decimal(repr(value)):f}"
    return text.replace(".", ",") if notation == "id" else text


def round_half_up(value: float, decimals: int) -> Decimal:
    """Round the decimal written form of `value` half-up (not binary half-even)."""
    try:
        return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals),
                                                    rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return Decimal(value)


def format_number(value: float | None, decimals: int, lang: str = "id") -> str:
    """Rounded half-up to `decimals`, grouped by thousands in the language's notation."""
    if value is None:
        return "–"
    rounded = round_half_up(value, decimals)
    text = f"{rounded:,.{decimals}f}"
    if text.startswith("-") and rounded == 0:
        text = text[1:]
    if lang == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text
