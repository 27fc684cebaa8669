"""The summary `iki compute` prints: the reports' numbers, the positions' titles as group
rows, at most two lines per indicator, fitted to the terminal (80 columns and up).

Laid out as plain lines rather than a bordered table: a hanging indent (the
number alone at the left, the name's second line under its first, the figures
in fixed columns) reads the same with colour, without it (`NO_COLOR`) and
through a pipe. Ids are never broken: a position's title is shortened instead.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from ..definitions.loading import Definitions
from ..evaluation.results import STATUSES, Report, Result
from ..i18n import labels, t
from ..numbers import format_number
from ..periods import parse_period
from ..render.attention import needs_attention, rated_to_date, reached, shown_rating
from ..render.numbering import numbering
from ..render.palette import rating_colour
from ..render.periode import period_words

STATUS_STYLE: dict[str, str] = dict(zip(STATUSES, ("green", "yellow", "dim", "red"), strict=True))
# Past this many indicators a per-indicator listing is unreadable: the summary then shows
# the office's counts, and the reports carry the detail.
MAX_INDICATOR_ROWS = 200
# The name column: at least this wide (a narrower terminal overflows), at most this wide
# (a wider one gets no longer lines).
MIN_NAME, MAX_NAME = 16, 64
_NUMBER_WIDTH, _CAPAIAN_WIDTH = 6, 7


def _predikat_style(label: str | None, scale: list[str]) -> str:
    """The rating's colour in the terminal: the reports' colour of its rank."""
    if not label or label not in scale:
        return ""
    return rating_colour(label, scale)


def _status(status: str, lang: str) -> str:
    return labels(lang)[f"status_{status}"].lower()


def _shorten(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    while text and cell_len(text) > width - 1:
        text = text[:-1]
    return text.rstrip() + "…"


def _two_lines(text: str, width: int) -> list[str]:
    """A name in at most two lines of `width`, the second shortened with an ellipsis."""
    lines = textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False) or [""]
    if len(lines) <= 2:
        return lines
    rest = " ".join(lines[1:])
    return [lines[0], _shorten(rest, width)]


def summary_caption(report: Report, lang: str = "id") -> str:
    """The office counts by status, one line."""
    ring = report.ringkasan
    counts = ", ".join(f"{ring[s]} {_status(s, lang)}" for s in STATUSES)
    return t("cli.summary-counts", lang, indikator=ring["indikator"], counts=counts)


def headline(report: Report, lang: str = "id") -> str:
    """The reports' headline: how many of all indicators met their target, and the rest
    (an indicator without a target for the period rated by its capaian to date)."""
    shown = [shown_rating(r)[0] for r in report.hasil]
    computed = [c for c in shown if c is not None]
    met = sum(reached(c) for c in computed)
    return t("cli.summary-headline", lang, tercapai=met, indikator=len(report.hasil),
             di_bawah=len(computed) - met, tanpa_capaian=len(report.hasil) - len(computed))


def to_date_note(report: Report, lang: str = "id") -> str | None:
    """The footnote of the capaian marked `*`: rated to date, against the year's target."""
    if not any(rated_to_date(r) for r in report.hasil):
        return None
    period = parse_period(report.periode)
    to_date = labels(lang)["sd"].format(periode=period_words(period, lang))
    return t("cli.summary-to-date", lang, periode=to_date, tahun=period.year)


def _title(report: Report, defs: Definitions, lang: str) -> str:
    period = period_words(parse_period(report.periode), lang)
    return f"IKI {period} — {report.organisasi['nama']}"


def _ilustratif(defs: Definitions) -> bool:
    return bool(defs.organisasi and defs.organisasi.model.ilustratif)


@dataclass
class _Columns:
    name: int
    realisasi: int
    predikat: int
    status: int


class Summary:
    """The per-indicator summary, laid out for the width it is printed at."""

    def __init__(self, report: Report, defs: Definitions, lang: str = "id") -> None:
        self.report, self.defs, self.lang = report, defs, lang

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(options.max_width)

    def lines(self, width: int) -> Iterator[Text]:
        """The summary as lines of at most `width` cells (but for a terminal narrower than
        the columns need)."""
        report, lang = self.report, self.lang
        L = labels(lang)
        decimals = {(j.model.id, ind.id): ind.desimal for j in self.defs.jabatan
                    for sas in j.model.sasaran for ind in sas.indikator}
        numbers = numbering(self.defs)
        realisasi = {id(r): self._realisasi(r, decimals) for r in report.hasil}
        scale = report.predikat_scale
        cols = self._columns(width, realisasi.values(), scale)
        yield Text(_shorten(_title(report, self.defs, lang), width), style="bold")
        if _ilustratif(self.defs):
            yield Text(_shorten(f"! {L['ilustratif']}", width), style="bold red")
        yield Text(headline(report, lang))
        yield Text("")
        capaian = _shorten(t("cli.summary-capaian", lang), _CAPAIAN_WIDTH)
        head = (f"{L['no']:<{_NUMBER_WIDTH}} {L['indikator']:<{cols.name}} "
                f"{L['realisasi']:>{cols.realisasi}} {capaian:>{_CAPAIAN_WIDTH}} "
                f"{_shorten(L['predikat'], cols.predikat):<{cols.predikat}} {L['status']}")
        yield Text(head.rstrip(), style="bold")
        yield Text("─" * min(width, self._total(cols)), style="dim")
        current = None
        titles = self.defs.positions
        for r in report.hasil:
            if r.jabatan != current:
                current = r.jabatan
                pos = titles.get(r.jabatan)
                title = pos.jabatan if pos else r.jabatan
                number = numbers.jabatan.get(r.jabatan, "")
                ident = f" ({r.jabatan})"
                room = max(MIN_NAME, width - _NUMBER_WIDTH - 1 - cell_len(ident))
                yield Text.assemble(
                    (f"{str(number):<{_NUMBER_WIDTH}} ", "bold"),
                    (_shorten(title, room), "bold"), (ident, "dim"))
            yield from self._indicator(r, numbers.indikator.get((r.jabatan, r.indikator), ""),
                                       realisasi[id(r)], cols, scale)
        yield Text("─" * min(width, self._total(cols)), style="dim")
        yield Text(summary_caption(report, lang))
        note = to_date_note(report, lang)
        if note:
            for line in textwrap.wrap(note, max(width, MIN_NAME), subsequent_indent="  "):
                yield Text(line)
        attention = sum(needs_attention(r) for r in report.hasil)
        if attention:
            yield Text(t("cli.summary-attention", lang, jumlah=attention))

    @staticmethod
    def _total(cols: _Columns) -> int:
        return _NUMBER_WIDTH + cols.name + cols.realisasi + _CAPAIAN_WIDTH + cols.predikat \
            + cols.status + 5

    def _columns(self, width: int, values: Iterable[str], scale: list[str]) -> _Columns:
        lang = self.lang
        L = labels(lang)
        realisasi = max([cell_len(L["realisasi"]), *(cell_len(v) for v in values)])
        predikat = min(14, max([cell_len(L["predikat"]), 1,
                                *(cell_len(label) for label in scale)]))
        status = max(cell_len(_status(s, lang)) for s in STATUSES)
        fixed = _NUMBER_WIDTH + realisasi + _CAPAIAN_WIDTH + predikat + status + 5
        name = min(MAX_NAME, max(MIN_NAME, width - fixed))
        return _Columns(name, realisasi, predikat, status)

    def _realisasi(self, r: Result, decimals: dict[tuple[str, str], int]) -> str:
        return format_number(r.realisasi, decimals.get((r.jabatan, r.indikator), 2), self.lang)

    def _indicator(self, r: Result, number: str, realisasi: str, cols: _Columns,
                   scale: list[str]) -> Iterator[Text]:
        lang = self.lang
        name = _two_lines(r.nama, cols.name)
        shown_capaian, shown_predikat = shown_rating(r)
        predikat = _shorten(shown_predikat or "–", cols.predikat)
        capaian = format_number(shown_capaian, 2, lang)
        if rated_to_date(r):
            capaian += "*"  # to date: the footnote says so
        first = Text(f"{number:<{_NUMBER_WIDTH}} {name[0]:<{cols.name}} "
                     f"{realisasi:>{cols.realisasi}} {capaian:>{_CAPAIAN_WIDTH}} ")
        first.append(f"{predikat:<{cols.predikat}}",
                     style=_predikat_style(shown_predikat, scale))
        first.append(" ")
        first.append(_status(r.status, lang), style=STATUS_STYLE[r.status])
        yield first
        # The second line: the rest of the name, under its start, and the kategori (the
        # realisasi's own scale) under the predikat.
        rest = name[1] if len(name) > 1 else ""
        kategori = _shorten(r.kategori, cols.predikat) if r.kategori else ""
        if rest or kategori:
            pad = cols.realisasi + _CAPAIAN_WIDTH + 2
            line = f"{'':<{_NUMBER_WIDTH}} {rest:<{cols.name}} {'':<{pad}} {kategori}"
            yield Text(line.rstrip())


def summary(report: Report, defs: Definitions, lang: str = "id") -> Summary | Table:
    """What `iki compute` prints: per indicator, or the office counts for a large office."""
    if len(report.hasil) <= MAX_INDICATOR_ROWS:
        return Summary(report, defs, lang)
    return office_table(report, defs, lang)


def office_table(report: Report, defs: Definitions, lang: str = "id") -> Table:
    """How many indicators have each status and each predikat."""
    from rich.markup import escape

    ring = report.ringkasan
    L = labels(lang)
    caption = summary_caption(report, lang)
    if _ilustratif(defs):
        caption = f"{L['ilustratif']}. {caption}"
    table = Table(title=escape(_title(report, defs, lang)), caption=escape(caption))
    table.add_column(t("cli.summary-status-predikat", lang))
    table.add_column(L["jumlah"], justify="right")
    for status, style in STATUS_STYLE.items():
        table.add_row(f"[{style}]{escape(_status(status, lang))}[/]", str(ring[status]))
    for label in report.predikat_scale:
        style = _predikat_style(label, report.predikat_scale)
        text = escape(label)
        table.add_row(f"[{style}]{text}[/]" if style else text,
                      str(ring["predikat"].get(label, 0)))
    return table
