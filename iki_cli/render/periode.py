"""Periods and dates in words, as an official document writes them (SPEC §6).

`Triwulan II Tahun 2026`, `Semester I Tahun 2026`, `Januari 2026`, `Tahun 2026`;
in English `Quarter 2 2026`, `Semester 1 2026`, `January 2026`, `Year 2026`.
Codes (`2026-TW2`) stay where a reader matches a row of the values file.
"""

from __future__ import annotations

import datetime

from ..i18n import t
from ..periods import Period

_ROMAN = ("I", "II", "III", "IV")


def month_name(month: int, lang: str) -> str:
    """`Januari` / `January` for 1."""
    return t(f"render.month-{month}", lang)


def period_words(period: Period, lang: str, *, year: bool = True) -> str:
    """The period as a title writes it; `year=False` leaves the year out (`Triwulan II`)."""
    kind = period.kind
    number = _ROMAN[period.number - 1] if lang == "id" and kind in ("semester", "quarter") \
        else str(period.number)
    if kind == "year":
        return t("render.period-year", lang, year=period.year)
    if kind == "span":
        first, last = month_name(period.first, lang), month_name(period.last, lang)
        if period.year != period.end_year:
            first = f"{first} {period.year}"
        text = t("render.period-span", lang, first=first, last=last)
        return f"{text} {period.end_year}" if year else text
    if kind == "month":
        text = month_name(period.first, lang)
        return f"{text} {period.year}" if year else text
    text = t(f"render.period-{kind}", lang, number=number)
    return t("render.period-with-year", lang, text=text, year=period.year) if year else text


def signing_year(period: Period) -> int:
    """The year a report of `period` is signed in: that of the month after the period ends.

    A report is signed once its period is over: the report of 2026-TW2 (April to
    June) in July 2026, the report of 2026 or of 2026-TW4 in January 2027.
    """
    return (period.end + 1) // 12


def date_words(date: datetime.date, lang: str) -> str:
    """`15 Januari 2027` / `15 January 2027`."""
    return f"{date.day} {month_name(date.month, lang)} {date.year}"
