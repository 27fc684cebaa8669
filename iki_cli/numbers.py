"""Numbers as people write them: Indonesian (`1.234,5`) and English (`1,234.5`) notation.

Digits are ASCII (`0`–`9`): Arabic-Indic, full-width or mathematical digits are not
numbers here, though Python's `float` would read them. A space or no-break space may
group thousands in either notation, by threes (`12 500`), never anywhere else (`12 34`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal, NamedTuple

from .i18n import t

Notation = Literal["id", "en"]
NOTATIONS: tuple[Notation, ...] = ("id", "en")

# The spaces that may group thousands: space, no-break space, narrow no-break space.
_SPACES = " \u00a0\u202f"
# One kind of space throughout: `1\u00a0000 000` mixes two and is refused (it is not what a
# spreadsheet writes, and a pasted mix may hide a cut between two numbers).
_GROUPED = rf"[1-9][0-9]{{0,2}}(?P<space>[{_SPACES}])[0-9]{{3}}(?:(?P=space)[0-9]{{3}})*"
PATTERNS = {
    "id": re.compile(rf"[+-]?(?:[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})+|{_GROUPED}|[0-9]+)"
                     r"(?:,[0-9]+)?\Z"),
    "en": re.compile(rf"[+-]?(?:[1-9][0-9]{{0,2}}(?:,[0-9]{{3}})+|{_GROUPED}|[0-9]+)"
                     r"(?:\.[0-9]+)?\Z"),
}
_SPACE_TABLE = str.maketrans("", "", _SPACES)
_ID_TABLE: dict[int, int | str | None] = {ord("."): None, ord(","): ".", ord(" "): None,
                                           0xA0: None, 0x202F: None}
_EN_TABLE: dict[int, int | str | None] = {ord(","): None, ord(" "): None, 0xA0: None,
                                           0x202F: None}
TABLES: dict[str, dict[int, int | str | None]] = {"id": _ID_TABLE, "en": _EN_TABLE}
# What `str.strip()` removes but is not a space a person typed around a number.
EXCEL_ERRORS = ("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
                "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!")
# The words spreadsheets show for logical values (Excel and LibreOffice, id and en).
LOGICAL_WORDS = ("TRUE", "FALSE", "BENAR", "SALAH")


class NumberError(ValueError):
    """Text that is not a number in the chosen notation; the message says what to do."""


class Readings(NamedTuple):
    """A text read in both notations: None where it is not a number in that notation."""

    id: float | None
    en: float | None

    @property
    def kind(self) -> str:
        """`plain` (the same both ways), `id` or `en` (only that way), `ambiguous`, `none`."""
        if self.id is None:
            return "none" if self.en is None else "en"
        if self.en is None:
            return "id"
        return "plain" if self.id == self.en else "ambiguous"


def notation_name(notation: Notation) -> str:
    """`Indonesian notation (decimal comma, …)` in the current language."""
    return t(f"numbers.notation-{notation}")


def _convert(text: str, notation: Notation) -> float | None:
    if not PATTERNS[notation].match(text):
        return None
    value = float(text.translate(TABLES[notation]))
    return value if math.isfinite(value) else None


def readings(text: str) -> Readings:
    """`text` (already stripped) read in each notation."""
    return Readings(_convert(text, "id"), _convert(text, "en"))


def parse_number(text: str, notation: Notation) -> float:
    """Parse `text` in `notation`; anything else raises NumberError, never a guess."""
    value = text.strip()
    found = _convert(value, notation)
    if found is not None:
        return found
    raise NumberError(explain(value, notation))


def explain(value: str, notation: Notation | None) -> str:
    """Why the stripped text `value` is not a number in `notation` (None: in either), and
    what to do."""
    if not value:
        return t("numbers.empty")
    if "\x00" in value:
        return t("numbers.nul")
    if notation is not None and PATTERNS[notation].match(value):
        return t("numbers.too-large", text=value)
    if value.upper() in EXCEL_ERRORS or value.startswith("#"):
        return t("numbers.excel-error", text=value)
    if value.upper() in LOGICAL_WORDS:
        return t("numbers.logical", text=value)
    non_ascii = next((ch for ch in value if ch.isdigit() and not ch.isascii()), None)
    if non_ascii is not None:
        return t("numbers.non-ascii-digit", text=value, digit=non_ascii,
                 code=f"U+{ord(non_ascii):04X}")
    if notation is None:
        if any(PATTERNS[n].match(value) for n in NOTATIONS):
            return t("numbers.too-large", text=value)
        if value.endswith("%"):
            return t("numbers.percent-any", text=value)
        return t("numbers.not-a-number-any", text=value)
    other: Notation = "en" if notation == "id" else "id"
    if PATTERNS[other].match(value):
        return t("numbers.other-notation", text=value, notation=notation_name(notation),
                 other=t(f"numbers.short-{other}"),
                 written=format_plain(parse_number(value, other), notation), angka=other)
    if value.endswith("%"):
        return t("numbers.percent", text=value, notation=notation_name(notation))
    if any(ch in _SPACES for ch in value) and PATTERNS[notation].match(
            value.translate(_SPACE_TABLE)):
        return t("numbers.bad-grouping", text=value)
    return t("numbers.not-a-number", text=value, notation=notation_name(notation))


def number_parser(notation: Notation) -> Callable[[str], float]:
    """`parse_number` for one notation, for reading many values: the usual number
    (already stripped) is parsed without the general path, which explains the rest."""
    match = PATTERNS[notation].match
    table = TABLES[notation]

    def parse(text: str) -> float:
        if match(text):
            value = float(text.translate(table))
            if math.isfinite(value):
                return value
        return parse_number(text, notation)

    return parse


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


# Formats and scales by number of decimals, for `format_number`.
_SPECS = tuple(f",.{d}f" for d in range(16))
_SCALES = tuple(10.0 ** d for d in range(16))  # exact: every power of ten to 1e22 is a float


def format_number(value: float | None, decimals: int, lang: str = "id") -> str:
    """Rounded half-up to `decimals`, grouped by thousands in the language's notation.

    Half-up rounds the decimal the value is written as (its `repr`), as
    `round_half_up` does. The float formatter rounds the binary value itself
    (ties to even); the two agree unless a midpoint of the last decimal kept
    (`2.675` to 2 decimals) lies between the value and its written form, which
    are less than half a unit in the last place apart. So a value well away from
    every midpoint (by far more than that unit and the error of scaling it) is
    written by the formatter, and only the others go by `Decimal`; a property
    test checks the two ways against each other.
    """
    if value is None:
        return "–"
    x = float(value)
    if 0 <= decimals < 16:
        scaled = x * _SCALES[decimals]
        # below 1e9 the unit in the last place of `scaled` is under 1.2e-7
        if -1e9 < scaled < 1e9 and not 0.499999 < scaled % 1.0 < 0.500001:
            text = format(x, _SPECS[decimals])
            if text[0] == "-" and not text.strip("-0.,"):  # -0,00: rounded to 0 from below
                text = text[1:]
            if lang == "id":
                return text.replace(",", " ").replace(".", ",").replace(" ", ".")
            return text
    return _format_decimal(value, decimals, lang)


def _format_decimal(value: float, decimals: int, lang: str) -> str:
    """`format_number` by `Decimal`: the written form rounded half-up, then grouped."""
    rounded = round_half_up(value, decimals)
    text = f"{rounded:,.{decimals}f}"
    if text.startswith("-") and rounded == 0:
        text = text[1:]
    if lang == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def letters(index: int) -> str:
    """The letters of a 0-based index, as columns and lettered items count: 0 → A,
    25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name
