"""The office's analysis of a period (SPEC §7): causes and follow-up per indicator.

A CSV or workbook with the columns `periode`, `indikator` (`POSITION-ID/INDICATOR-ID`),
`faktor_pendukung`, `faktor_penghambat`, `tindak_lanjut`, read by the rules of the
values files (SPEC §4): header required, names in any case and order; UTF-8 with or
without BOM, else Windows-1252; `,`, `;` or tab, detected from the header (an Excel
`sep=` line honoured); a workbook's first sheet, header in row 1, cells as text. The
columns the analysis template writes to guide whoever fills it in (`nama`, `satuan`,
`target`, `realisasi`, `capaian`) are allowed and ignored. An unknown indicator or a
malformed period is an error with a suggestion, in every row; rows of other periods are
then left aside, so one file may hold a whole year's analyses. If any row is bad,
nothing is computed.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any, NamedTuple

from ..definitions.loading import Definitions
from ..errors import ProblemsError, UsageError
from ..i18n import t
from ..periods import Period, PeriodError, parse_period
from ..problems import Problem
from .ingest import DELIMITERS, Source, named_columns, period_problem, suggest
from .sniff import Mislabelled, check_kind

ANALYSIS_FIELDS = ("faktor_pendukung", "faktor_penghambat", "tindak_lanjut")
REQUIRED = ("periode", "indikator")
INFORMATIONAL = ("nama", "satuan", "target", "realisasi", "capaian")
COLUMNS = REQUIRED + ANALYSIS_FIELDS + INFORMATIONAL
WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
RULE = "analisis"


class Analisis(NamedTuple):
    """What the office wrote for one indicator and period; None where a cell is empty."""

    faktor_pendukung: str | None
    faktor_penghambat: str | None
    tindak_lanjut: str | None


class _Row(NamedTuple):
    number: int  # the line (CSV) or row (workbook)
    cells: list[str]


class _Reader:
    """Collects the problems of one file and the analyses of the period asked for."""

    def __init__(self, defs: Definitions, period: Period, source: Source) -> None:
        self.period = period
        self.source = source
        self.keys = {f"{j.model.id}/{ind.id}" for j in defs.jabatan
                     for sas in j.model.sasaran for ind in sas.indikator}
        self.by_indicator: dict[str, list[str]] = {}
        for key in self.keys:
            self.by_indicator.setdefault(key.split("/", 1)[1], []).append(key)
        self.problems: list[Problem] = []
        self.found: dict[tuple[str, str], tuple[Analisis, str]] = {}

    def problem(self, row: int, message: str, column: str | None = None,
                level: str = "error") -> None:
        path, line = self.source.where(row, column)
        self.problems.append(Problem(path, line, 0, level, RULE, message))  # type: ignore[arg-type]

    def header(self, names: list[str], row: int, letter: Any = None) -> dict[str, int] | None:
        def unknown(name: str, key: str, i: int) -> None:
            self.problem(row, t("values.analysis-unknown-column", name=name.strip(),
                                hint=suggest(key, COLUMNS),
                                columns=", ".join(REQUIRED + ANALYSIS_FIELDS)),
                         letter(i) if letter else None)

        def twice(key: str, i: int) -> None:
            self.problem(row, t("values.analysis-column-twice", name=key),
                         letter(i) if letter else None)

        columns, ok = named_columns(names, COLUMNS, unknown, twice)
        missing = [c for c in REQUIRED if c not in columns]
        if missing or not any(c in columns for c in ANALYSIS_FIELDS):
            self.problem(row, t("values.analysis-missing-columns",
                                missing=", ".join(f"`{c}`" for c in missing) or "–",
                                columns=", ".join(f"`{c}`" for c in ANALYSIS_FIELDS)),
                         letter(0) if letter else None)
            ok = False
        return columns if ok else None

    def row(self, row: _Row, columns: dict[str, int], letter: Any = None) -> None:
        cells = row.cells
        if not any(c.strip() for c in cells):
            return

        def cell(key: str) -> str:
            i = columns.get(key)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        def where(key: str) -> str | None:
            return letter(columns[key]) if letter and key in columns else None

        periode, indikator = cell("periode"), cell("indikator")
        period: Period | None = None
        try:
            period = parse_period(periode)
        except PeriodError as exc:
            self.problem(row.number, period_problem(periode, exc), where("periode"))
        key = self._indicator(indikator, row.number, where("indikator"))
        if period is None or key is None or period != self.period:
            return
        texts = [cell(name) or None for name in ANALYSIS_FIELDS]
        if not any(texts):
            return  # a row of the template not filled in
        found = Analisis(*texts)
        place = self.source.label(row.number)
        position, indicator = key.split("/", 1)
        before = self.found.get((position, indicator))
        if before is None:
            self.found[(position, indicator)] = (found, place)
            return
        same = before[0] == found
        self.problem(row.number, t("values.analysis-repeated" if same else
                                   "values.analysis-conflict", indikator=key,
                                   period=period.code, place=before[1]),
                     where("indikator"), level="warning" if same else "error")

    def _indicator(self, text: str, row: int, column: str | None) -> str | None:
        if text in self.keys:
            return text
        if not text:
            self.problem(row, t("values.analysis-indikator-empty"), column)
        elif "/" not in text and len(self.by_indicator.get(text, [])) == 1:
            self.problem(row, t("values.analysis-indikator-without-position", text=text,
                                indikator=self.by_indicator[text][0]), column)
        else:
            self.problem(row, t("values.analysis-unknown-indikator", text=text,
                                hint=suggest(text, self.keys)), column)
        return None


def read_analysis(path: Path, defs: Definitions, period: Period,
                  delimiter: str | None = None) -> tuple[dict[tuple[str, str], Analisis],
                                                         list[Problem]]:
    """The analyses of `period` by (position id, indicator id), and the file's warnings.

    Raises ProblemsError listing every bad row (nothing is then computed), UsageError
    when the file does not exist.
    """
    if not path.is_file():
        raise UsageError(t("values.analysis-missing-file", file=path))
    display = str(path)
    if path.suffix.lower() in WORKBOOKS:
        reader = _Reader(defs, period, Source(display, sheet=""))
        _read_workbook(path, display, reader)
    else:
        reader = _Reader(defs, period, Source(display))
        _read_csv(path, display, reader, delimiter)
    errors = [p for p in reader.problems if p.level == "error"]
    if errors:
        raise ProblemsError(t("values.analysis-bad-rows", count=len(errors)),
                            sorted(reader.problems, key=lambda p: (p.line, p.path)))
    return {key: found for key, (found, _) in reader.found.items()}, reader.problems


# --- CSV ---------------------------------------------------------------------------------------

def _read_csv(path: Path, display: str, reader: _Reader, delimiter: str | None) -> None:
    from .csvfile import detect_delimiter, quote_message

    try:
        check_kind(path, display, "csv")
    except Mislabelled as exc:
        reader.problems.append(Problem(display, 0, 0, "error", RULE, str(exc)))
        return
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            with path.open("r", encoding=encoding, newline="") as fh:
                text = fh.read()
        except UnicodeDecodeError:
            continue
        except OSError as exc:
            raise UsageError(t("values.analysis-cannot-read", file=display,
                               reason=exc.strerror or str(exc))) from None
        if "\x00" in text:
            break  # UTF-16 or binary: no 8-bit text
        _csv_rows(text, reader, delimiter, detect_delimiter, quote_message)
        return
    reader.problems.append(Problem(display, 0, 0, "error", RULE,
                                   t("values.analysis-not-text")))


def _csv_rows(text: str, reader: _Reader, delimiter: str | None, detect: Any,
              quote_message: Any) -> None:
    lines = text.splitlines(keepends=True)
    first_line = 1
    if lines and re.match(r'^"?sep=(.)"?\s*$', lines[0]):
        delimiter = delimiter or lines[0].strip().strip('"')[4:]
        lines, first_line = lines[1:], 2
    if not lines:
        reader.problem(first_line, t("values.analysis-empty"))
        return
    delim = DELIMITERS.get(delimiter, delimiter) if delimiter else detect(lines[0], COLUMNS)
    rows = csv.reader(lines, delimiter=delim, strict=True)
    columns = None
    while True:
        try:
            for cells in rows:
                number = first_line + rows.line_num - 1
                if columns is None:
                    columns = reader.header(cells, number)
                    if columns is None:
                        return
                    continue
                reader.row(_Row(number - _newlines(cells), cells), columns)
            return
        except csv.Error as exc:
            reader.problem(first_line + rows.line_num - 1, quote_message(exc, delim))
            if columns is None:
                return


def _newlines(cells: list[str]) -> int:
    """Lines a row's quoted cells run over: the row is named by the line it starts on."""
    return sum(c.count("\n") for c in cells)


# --- workbooks ----------------------------------------------------------------------------------

def _read_workbook(path: Path, display: str, reader: _Reader) -> None:
    """The first worksheet, opened and measured as a values workbook is (`open_sheet`);
    cells flagged by the measuring pass (errors, formulas without a saved result) in the
    columns read are problems, the others are text."""
    from ..numbers import letters as letter  # a column's letter
    from .limits import Unreadable
    from .workbook import _flag_message, _periode, _plain, kind_by_name, open_sheet

    try:
        kind = check_kind(path, display, kind_by_name(path))
        opened = open_sheet(path, display, None, kind)
    except (Mislabelled, Unreadable) as exc:
        reader.problems.append(Problem(display, 0, 0, "error", RULE, str(exc)))
        return
    reader.source.sheet = opened.title
    first_row, first_col = opened.start or (0, 0)
    rows = iter(opened.rows) if opened.start is not None else iter(())
    header: Any = next(rows, []) if first_row == 0 else []
    width = first_col + len(header)

    def at(cells: Any, col: int) -> Any:
        i = col - first_col
        return cells[i] if 0 <= i < len(cells) else None

    columns = reader.header([_plain(at(header, c)) for c in range(width)], 1, letter)
    if columns is None:
        return
    flags = opened.facts.flags
    wanted = {columns[key]: key for key in ("periode", "indikator", *ANALYSIS_FIELDS)
              if key in columns}
    for number, cells in enumerate(rows, start=max(first_row, 1) + 1):
        texts = [""] * (max(columns.values()) + 1)
        bad = False
        for col, key in wanted.items():
            flag = flags.get((number, col + 1)) if flags else None
            if flag is not None:
                reader.problem(number, _flag_message(key, *flag), letter(col))
                bad = True
                continue
            value = at(cells, col)
            if key == "periode":
                text, problem = _periode(value)
                if problem:
                    reader.problem(number, problem, letter(col))
                    bad = True
                texts[col] = text
            else:
                texts[col] = _plain(value)
        if not bad:
            reader.row(_Row(number, texts), columns, letter)
