"""Which notation the numbers of a values file are in (SPEC §4): evidence, never a guess.

`--angka id` or `en` names the notation; `--angka auto` takes it from the
file: a `;`-separated CSV is Indonesian (the list separator of decimal-comma
locales); for any other file the numbers themselves decide. A number that reads
only one way (`81,25`, `1.103.902` are Indonesian; `81.25`, `1,103,902` English)
decides; one that reads both ways with different values (`1.450`, `12,500`)
is *ambiguous* and decides nothing; one without a separator (`1450`) reads the
same either way.

A `Judge` reads the `nilai` texts of one file in order. Until the notation is
known, an ambiguous number is *pending*: the reader keeps its row and asks
again once the file decided (`resolve`). At the end (`finish`) the file-level
verdicts are reported once for the file:

- nothing decided but some number is ambiguous: name those rows, ask for `--angka`;
- numbers deciding both ways: name a row of each;
- the notation was given (option or `;`) and no number fits it but some fit only
  the other: recommend that `--angka`, and list every row whose value would
  differ between the two — not only the rows that failed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from ..i18n import t
from ..numbers import (
    PATTERNS,
    TABLES,
    Notation,
    NumberError,
    explain,
    format_plain,
    notation_name,
    readings,
)
from .ingest import NotationChoice, Source

PENDING: Final = object()  # the value of a row waits for the file's notation
MAX_RANGES = 200  # row ranges named in one message; the rest are counted


def other(notation: Notation) -> Notation:
    return "en" if notation == "id" else "id"


class RowList:
    """Row numbers in reading order, kept as ranges (`2–5, 8`), the first MAX_RANGES of them."""

    __slots__ = ("ranges", "count")

    def __init__(self) -> None:
        self.ranges: list[list[int]] = []
        self.count = 0

    def add(self, row: int) -> None:
        self.count += 1
        ranges = self.ranges
        if ranges and ranges[-1][1] == row - 1:
            ranges[-1][1] = row
        elif len(ranges) < MAX_RANGES:
            ranges.append([row, row])

    def __bool__(self) -> bool:
        return self.count > 0

    def text(self, source: Source) -> str:
        """`lines 2–5, 8` (CSV) or `cells F2:F5, F8` (a workbook), with a count of the rest."""
        shown = source.rows_text([(a, b) for a, b in self.ranges])
        listed = sum(b - a + 1 for a, b in self.ranges)
        if listed < self.count:
            shown += t("values.rows-more", count=f"{self.count - listed:,}")
        return shown


class Judge:
    """Reads the `nilai` texts of one file in the notation that its evidence allows."""

    def __init__(self, choice: NotationChoice, source: Source,
                 report: Callable[[int, str], None], by_delimiter: Notation | None = None,
                 cell_key: str = "values.nilai"):
        self.source = source
        self.cell_key = cell_key  # how a row's own problem is introduced
        self.report = report  # a problem at a row: (row, message)
        self.given = choice != "auto" or by_delimiter is not None
        self.why = (t("values.notation-why-option", angka=choice) if choice != "auto" else
                    t("values.notation-why-semicolon") if by_delimiter else "")
        self.notation: Notation | None = None
        # Whether the notation was given and no number yet fits only it: until one does,
        # the file may be wholly in the other notation.
        self.tracking = self.given
        fixed = choice if choice != "auto" else by_delimiter
        if fixed is not None:
            self._decide(fixed)
        # The first row that reads only in that notation.
        self.first: dict[str, tuple[int, str]] = {}
        self.ambiguous = RowList()  # ambiguous rows read before anything decided
        self.differ = RowList()  # rows whose value depends on the notation, while it matters
        self.other_only: list[tuple[int, str]] = []  # rows that fit only the other notation
        self.mixed: tuple[int, str] | None = None  # the first row against the file's evidence

    def read(self, text: str, row: int) -> float | object | None:
        """The value of a stripped, non-empty `nilai` text: a number, PENDING, or None.

        None means the row's value is unknown: an error was reported for the row, or
        the file-level verdict at `finish` will cover it.

        Once the notation is settled (known, and nothing left to track) `read` is
        replaced by a quicker function of the same result (`_settle`).
        """
        # Called for every row: the usual number is parsed by one pattern, as fast as it
        # can be; only what that does not settle is looked at in both notations.
        notation = self.notation
        if notation is None:
            return self._undecided(text, row)
        if self.tracking and ("," in text or "." in text):
            return self._tracked(text, row, notation)
        if self._match(text):
            value = float(text.translate(self._table))
            if value - value == 0:  # finite
                return value
        self._against_file(text, row, notation)
        return None

    def _settle(self) -> None:
        """`read` for a file whose notation is known and tracked no more: a number of the
        notation is converted by replacing its separators (two C calls; `translate`
        with a table looks each character up), a space-grouped one by the table."""
        notation, match, table = self.notation, self._match, self._table
        if notation is None or self.tracking:
            return
        point = "," if notation == "id" else "."
        group = "." if notation == "id" else ","
        against = self._against_file

        def read(text: str, row: int) -> float | None:
            if match(text):
                try:
                    value = float(text.replace(group, "").replace(point, "."))
                except ValueError:  # grouped by spaces (`12 500`): float takes none inside
                    value = float(text.translate(table))
                if value - value == 0:  # finite
                    return value
            against(text, row, notation)
            return None

        self.read = read  # type: ignore[method-assign]

    def _tracked(self, text: str, row: int, notation: Notation) -> float | None:
        """A number with a separator in a file whose notation was given and nothing yet
        fits only it: its row would read differently in the other notation."""
        found = readings(text)
        self.differ.add(row)
        if found.kind == notation:
            self._fits_given(row, text)
        value = found.id if notation == "id" else found.en
        if value is None:
            self._against_file(text, row, notation)
        return value

    def _against_file(self, text: str, row: int, notation: Notation) -> None:
        """A text that is not a number in the file's notation: why, reported or kept."""
        if readings(text).kind == other(notation):
            if not self.given:
                self.mixed = self.mixed or (row, text)
            elif notation in self.first:
                self.report(row, self._against(text, notation))
            else:
                self.other_only.append((row, text))
            return None
        self.report(row, t(self.cell_key, problem=explain(text, notation)))
        return None

    def _decide(self, notation: Notation) -> None:
        self.notation = notation
        self._match = PATTERNS[notation].match
        self._table = TABLES[notation]
        self._settle()

    def _undecided(self, text: str, row: int) -> float | object | None:
        found = readings(text)
        kind = found.kind
        if kind == "plain":
            return found.id
        if kind == "ambiguous":
            self.ambiguous.add(row)
            return PENDING
        if kind == "none":
            self.report(row, t(self.cell_key, problem=explain(text, None)))
            return None
        self._decide(kind)  # type: ignore[arg-type]
        self.first[kind] = (row, text)
        return found.id if kind == "id" else found.en

    def _fits_given(self, row: int, text: str) -> None:
        """A row that fits only the given notation: the rows against it are mistakes of
        their own (the file is not wholly in the other notation)."""
        assert self.notation is not None
        self.first[self.notation] = (row, text)
        self.tracking = False
        self._settle()
        for at, written in self.other_only:
            self.report(at, self._against(written, self.notation))
        self.other_only = []

    def _against(self, text: str, notation: Notation) -> str:
        at, example = self.first[notation]
        theirs = readings(text)
        value = theirs.en if notation == "id" else theirs.id
        return t(self.cell_key, problem=t(
            "values.notation-against", text=text, notation=notation_name(notation),
            where=self.source.row_label(at), example=example,
            written=format_plain(value or 0.0, notation)))

    def resolve(self, text: str) -> float | None:
        """The value of a PENDING text once the notation is known (None: it never was)."""
        if self.notation is None or self.mixed is not None:
            return None
        found = readings(text)
        return found.id if self.notation == "id" else found.en

    def finish(self) -> None:
        """Report the file-level verdicts, once for the file."""
        source = self.source
        if self.notation is None and self.ambiguous:
            self.report(0, t("values.notation-ambiguous", rows=self.ambiguous.text(source),
                             count=f"{self.ambiguous.count:,}"))
        elif self.mixed is not None:
            decided = self.notation or "id"
            (at, text), (against, theirs) = self.first[decided], self.mixed
            rows = {decided: (at, text), other(decided): (against, theirs)}
            self.report(0, t("values.notation-mixed",
                             id_where=source.row_label(rows["id"][0]), id_text=rows["id"][1],
                             en_where=source.row_label(rows["en"][0]), en_text=rows["en"][1]))
        elif self.other_only:
            assert self.notation is not None
            theirs = other(self.notation)
            at, text = self.other_only[0]
            self.report(0, t("values.notation-other", why=self.why,
                             notation=t(f"numbers.short-{self.notation}"),
                             other=notation_name(theirs), where=source.row_label(at),
                             text=text, count_other=f"{len(self.other_only):,}",
                             angka=theirs, count=f"{self.differ.count:,}",
                             rows=self.differ.text(source)))


def not_a_number(text: str, notation: Notation | None) -> NumberError:
    """The error for a text that is not a number (for callers outside a judge)."""
    return NumberError(explain(text, notation))
