"""Rendering with Jinja: the period report and the IKI document, in Markdown and HTML.

The templates see plain view objects (`views`) built from the definitions and
results, never the pydantic models, so a user's template in `--templates DIR`
depends only on what `docs/reports.md` lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime

    from ..definitions.loading import Definitions
    from ..evaluation.results import Report
    from .source import Sumber

# The page functions import Jinja and the views when called: `render.messages`, which
# the JSON and CSV outputs use, must not pull them in.
FORMATS = ("md", "html")

REPORT_PAGE = "laporan"
DOCUMENT_PAGE = "dokumen"
__all__ = ["FORMATS", "render_document", "render_report", "render_reports"]


def render_report(report: Report, defs: Definitions, fmt: str, lang: str = "id",
                  templates: Path | None = None, *, sumber: Sumber | None = None,
                  tanggal: datetime.date | None = None) -> str:
    """The period report (`laporan.md` / `laporan.html`) as text."""
    return render_reports(report, defs, [fmt], lang, templates, sumber=sumber,
                          tanggal=tanggal)[fmt]


def render_reports(report: Report, defs: Definitions, formats: list[str], lang: str = "id",
                   templates: Path | None = None, *, sumber: Sumber | None = None,
                   tanggal: datetime.date | None = None) -> dict[str, str]:
    """The period report in several formats, from one context built once.

    `sumber` says where the figures come from (the footer line; none without it);
    `tanggal` fills the signature's date line, left blank for the pen without it.
    """
    from .context import report_context
    from .environment import check_macro_partials, environment, render_page

    envs = {fmt: environment(fmt, templates, lang) for fmt in formats}
    if templates is not None:
        for fmt, env in envs.items():
            check_macro_partials(env, templates, fmt)
    context = report_context(report, defs, lang, sumber=sumber, tanggal=tanggal)
    return {fmt: render_page(env, f"{REPORT_PAGE}.{fmt}", context, templates)
            for fmt, env in envs.items()}


def render_document(defs: Definitions, fmt: str, lang: str = "id",
                    templates: Path | None = None) -> str:
    """The IKI document (`dokumen.md` / `dokumen.html`) as text."""
    from .context import document_context
    from .environment import environment, render_page

    env = environment(fmt, templates, lang)
    return render_page(env, f"{DOCUMENT_PAGE}.{fmt}", document_context(defs, lang), templates)
