"""The Jinja environments: built-in templates after a user's folder, filters, and rendering.

A user's folder (`--templates DIR`) is searched first and the built-in
templates after it, so one partial can be overridden alone.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any, Literal, overload

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from ..errors import IkiError, UsageError
from ..i18n import LANGS, t
from ..markdown import md_escape
from ..problems import display_path
from . import FORMATS
from . import filters as text_filters
from .chart import Grafik, chart_svg, svg_number
from .formula_view import formula_html, formula_text
from .history_markup import history_filters
from .pohon import tree_svg
from .row_markup import row_filters


def filters(lang: str) -> dict[str, Callable[..., Any]]:
    """Every filter the templates have, by name (documented in docs/reports.md)."""

    def grafik(g: Grafik, label: str, no_value: str, provisional: str = "") -> Markup:
        return chart_svg(g, label, no_value, lang, provisional)

    numbers = text_filters.number_filters(lang)  # angka, angka_bebas
    return {
        "br": text_filters.line_breaks,
        "md": md_escape,
        "css": text_filters.css_string,
        "tautan": text_filters.links,
        "rumus_html": formula_html,
        "rumus_teks": formula_text,
        "svg": svg_number,
        "grafik_svg": grafik,
        "pohon_svg": tree_svg,
        **numbers,
        **history_filters(lang),  # riwayat_html, riwayat_md, lkjip_html, lkjip_md
        **row_filters(lang, numbers, built_in_macro),  # baris_html, baris_md
    }


# --- Environment and rendering -------------------------------------------------------------


def builtin_templates() -> jinja2.BaseLoader:
    """The built-in templates: inside the installed package, else the source checkout's."""
    try:
        packaged = resources.files("iki_cli") / "templates"
        if packaged.is_dir():
            return jinja2.PackageLoader("iki_cli", "templates")
    except (ModuleNotFoundError, ValueError, OSError):
        pass
    checkout = _checkout_templates()
    if checkout.is_dir():
        return jinja2.FileSystemLoader(str(checkout))
    raise IkiError(t("render.no-builtin-templates"))


def _checkout_templates() -> Path:
    return Path(__file__).resolve().parents[2] / "templates"


# (the code of a macro a row filter was given, a template name) → whether it is that
# built-in template's.
_BUILT_IN: dict[tuple[object, str], bool] = {}


def built_in_macro(macro: Any, name: str) -> bool:
    """Whether `macro` is defined by the built-in template `name` (not a user's).

    Told by the file its compiled code comes from: Jinja compiles a template with
    its file name. Anything else (a macro of a user's folder, a callable without that
    code) is not: it is then called, which is never wrong, only slower.
    """
    code = getattr(getattr(macro, "_func", None), "__code__", None)
    if code is None:
        return False
    found = _BUILT_IN.get((code, name))
    if found is None:
        file = Path(code.co_filename)
        try:
            packaged = resources.files("iki_cli") / "templates" / name
            found = (isinstance(packaged, Path) and packaged.is_file()
                     and file.resolve() == packaged.resolve()) or (
                file.resolve() == (_checkout_templates() / name).resolve())
        except (ModuleNotFoundError, ValueError, OSError):
            found = False
        _BUILT_IN[code, name] = found
    return found


class _ConfinedLoader(jinja2.FileSystemLoader):
    """A user's templates folder, out of which no template reaches.

    Jinja refuses `..` in a template name, but follows a symlink: a template
    `_ringkasan.md -> ~/.ssh/id_rsa` from a merge request would print the file
    into the report that a CI job publishes. A template whose real path is
    outside the folder is an error.
    """

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        root = Path(self.searchpath[0]).resolve()
        try:
            Path(filename).resolve().relative_to(root)
        except ValueError:
            raise jinja2.TemplateError(t(
                "render.template-outside", name=template,
                folder=display_path(Path(self.searchpath[0])))) from None
        return source, filename, uptodate


def environment(fmt: str, templates: Path | None = None, lang: str = "id") -> jinja2.Environment:
    """The Jinja environment of one output format, the user's folder before the built-ins."""
    if lang not in LANGS:
        raise UsageError(t("render.unknown-language", language=lang, choices=", ".join(LANGS)))
    if fmt not in FORMATS:
        raise UsageError(t("render.unknown-format", format=fmt, choices=", ".join(FORMATS)))
    loaders: list[jinja2.BaseLoader] = []
    if templates is not None:
        if not templates.is_dir():
            key = "render.templates-not-folder" if templates.exists() else \
                "render.templates-missing"
            raise UsageError(t(key, path=str(templates)))
        loaders.append(_ConfinedLoader(str(templates)))
    loaders.append(builtin_templates())
    # A user's templates are code from a merge request: rendered in Jinja's immutable
    # sandbox, which refuses `__class__`, `__globals__`, calls of unsafe callables and
    # changes to the objects passed in. The built-in ones alone need no sandbox.
    kind = jinja2.Environment if templates is None else ImmutableSandboxedEnvironment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(filters(lang))
    return env


# Partials that the report imports once and calls per item: file stem → the macro they define.
MACRO_PARTIALS = {"_indikator_row": "baris(i, j)", "_chart.svg": "grafik_svg(g)"}


def check_macro_partials(env: jinja2.Environment, templates: Path, fmt: str) -> None:
    """A user's copy of a macro partial must define its macro.

    Without this, a row partial written as a plain include (as they were before
    they became macros) fails with "'i' is undefined", which does not say what to do.
    """
    for stem, macro in MACRO_PARTIALS.items():
        path = templates / f"{stem}.{fmt}"
        if not path.is_file():
            continue
        try:
            tree = env.parse(path.read_text(encoding="utf-8"), path.name, str(path))
        except (jinja2.TemplateSyntaxError, OSError, UnicodeDecodeError):
            continue  # reported where the page renders, with its line
        name = macro.split("(")[0]
        if not any(m.name == name for m in tree.find_all(jinja2.nodes.Macro)):
            per = "render.per-indicator" if stem == "_indikator_row" else "render.per-chart-block"
            raise IkiError(t("render.macro-missing", path=display_path(path), macro=macro,
                             per=t(per), start="{% macro " + macro + " %}",
                             end="{% endmacro %}"))


def _template_frame(exc: BaseException) -> traceback.FrameSummary | None:
    """The innermost traceback frame inside a template (Jinja maps them to template lines)."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        name = frame.filename
        if not name.endswith(".py") and not name.startswith("<"):
            found = frame
    return found


def _inside(filename: str, folder: Path) -> bool:
    try:
        Path(filename).resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


@overload
def render_page(env: jinja2.Environment, name: str, context: dict[str, Any],
                user: Path | None = ..., *, encoded: Literal[False] = ...) -> str: ...
@overload
def render_page(env: jinja2.Environment, name: str, context: dict[str, Any],
                user: Path | None = ..., *, encoded: Literal[True]) -> bytearray: ...


def render_page(env: jinja2.Environment, name: str, context: dict[str, Any],
                user: Path | None = None, *, encoded: bool = False) -> str | bytearray:
    """Render one page; a template mistake becomes an IkiError naming file and line.

    `encoded` gives the page as UTF-8, written piece by piece: a large report is then
    never held whole as text (two or four bytes a character) beside its pieces.

    A mistake is a Jinja error (syntax, undefined name, refused by the sandbox), or
    any error raised by the code of a template in the user's folder `user` (a
    division by zero, a loop without end, a file that is not UTF-8). An error
    anywhere else is a bug of iki's and is not hidden.
    """
    try:
        template = env.get_template(name)
        if encoded:
            data = bytearray()  # grown in place: the pieces are not all held, then joined
            for piece in template.generate(context):
                data += piece.encode("utf-8")
            while data.endswith(b"\n"):
                del data[-1:]
            data += b"\n"
            return data  # bytes-like, written as it is
        text = template.render(context)
        return text.rstrip("\n") + "\n"
    except jinja2.TemplateSyntaxError as exc:
        where = display_path(Path(exc.filename)) if exc.filename else exc.name or name
        raise IkiError(t("render.template-error-at", path=where, line=exc.lineno,
                         what=exc.message)) from None
    except Exception as exc:
        if user is not None and isinstance(exc, UnicodeDecodeError):
            raise IkiError(t("render.template-not-utf8", path=display_path(user),
                             byte=f"0x{exc.object[exc.start]:02x}")) from None
        if (user is not None and isinstance(exc, OSError)
                and not isinstance(exc, jinja2.TemplateNotFound)):
            raise IkiError(t("render.template-unreadable", path=display_path(user),
                             reason=exc.strerror or exc)) from None
        frame = _template_frame(exc)
        users = frame is not None and user is not None and _inside(frame.filename, user)
        if not isinstance(exc, jinja2.TemplateError) and not users:
            raise
        if isinstance(exc, jinja2.TemplateNotFound):
            what = t("render.template-not-found", name=exc.name)
        elif isinstance(exc, RecursionError):
            what = t("render.template-recursion")
        else:
            what = str(exc) or type(exc).__name__
        if frame is None:
            raise IkiError(t("render.template-error", what=what)) from None
        raise IkiError(t("render.template-error-at", path=display_path(Path(frame.filename)),
                         line=frame.lineno, what=what)) from None
