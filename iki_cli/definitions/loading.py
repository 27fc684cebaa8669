"""Loading a definitions root: files → documents with positions → typed model."""

from __future__ import annotations

import math
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .. import formula
from ..i18n import t
from ..problems import Problem, did_you_mean, display_path, shown
from .model import FILE_MODELS, SNAKE, Jabatan, Organisasi, Variabel, VariabelFile
from .yamlload import Document, Parses, load_file

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded(Generic[M]):
    """One definitions file: its document (positions) and its validated model."""

    path: str
    doc: Document
    model: M
    # Kept in part after schema errors (only the ids it defines are to be trusted).
    partial: bool = False


@dataclass
class Definitions:
    """Everything of one office that loaded; problems are returned beside it."""

    root: Path
    files: int = 0
    organisasi: Loaded[Organisasi] | None = None
    variabel: Loaded[VariabelFile] | None = None
    jabatan: list[Loaded[Jabatan]] = field(default_factory=list)
    # Every formula, parsed once while loading (position id, indicator id) → its tree;
    # the ones that did not parse, with the parser's error, for the `formula-syntax` check.
    formulas: dict[tuple[str, str], formula.Node] = field(default_factory=dict)
    # Errors are keyed by place (position id, sasaran index, indicator index): a duplicated
    # indicator id must not hide the error of its second formula.
    formula_errors: dict[tuple[str, int, int], formula.FormulaError] = field(
        default_factory=dict)
    # True when some file or formula did not load: checks over the whole office
    # (unused variables) would then report false alarms, so they hold back.
    incomplete: bool = False
    # The ids (file names) of position files that did not load: a superior or an
    # objective in one of them is reported there, not as "unknown" by every subordinate.
    unloaded: set[str] = field(default_factory=set)
    # Lookups by id, read once per indicator: filled once all files are loaded.
    variables: dict[str, Variabel] = field(default_factory=dict)
    positions: dict[str, Jabatan] = field(default_factory=dict)
    _names: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, repr=False)
    _evaluators: dict[tuple[str, str], formula.Evaluator] = field(default_factory=dict,
                                                                   repr=False)

    def evaluator(self, key: tuple[str, str]) -> formula.Evaluator:
        """The formula of `key` compiled once (`formula.compiled`), for evaluating it for
        the period and every period of its history."""
        found = self._evaluators.get(key)
        if found is None:
            found = self._evaluators[key] = formula.compiled(self.formulas[key])
        return found

    def variable_names(self, key: tuple[str, str]) -> tuple[str, ...]:
        """The distinct variables of the formula of `key` (position id, indicator id).

        In reading order; empty when the formula did not parse. Found once, and asked
        for by the checks, the evaluation and the reports.
        """
        names = self._names.get(key)
        if names is None:
            node = self.formulas.get(key)
            names = self._names[key] = tuple(dict.fromkeys(
                v.name for v in formula.variables(node))) if node is not None else ()
        return names


# pydantic's error kinds → the message key saying what the value must be.
_TYPE_KEYS = {
    "string_type": "definitions.must-be-text",
    "float_type": "definitions.must-be-number",
    "finite_number": "definitions.must-be-finite",
    "int_type": "definitions.must-be-whole",
    "list_type": "definitions.must-be-list",
    "dict_type": "definitions.must-be-mapping",
    "model_type": "definitions.must-be-mapping",
    "model_attributes_type": "definitions.must-be-mapping",
    "bool_type": "definitions.must-be-bool",
}
_LIMIT_KEYS = {
    "greater_than_equal": ("definitions.at-least", "ge"),
    "less_than_equal": ("definitions.at-most", "le"),
    "too_short": ("definitions.too-few", "min_length"),
}
def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model that describes the mapping at `loc`, for key suggestions."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return None
        current = _inner_model(fields[part].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def schema_problems(doc: Document, model: type[BaseModel],
                    error: ValidationError) -> list[Problem]:
    """Turn pydantic errors into problems at the nearest YAML node."""
    problems = []
    for err in error.errors():
        loc = tuple(err["loc"])
        kind = err["type"]
        name = str(loc[-1]) if loc else ""
        if kind == "missing":
            problems.append(doc.problem(loc[:-1], "missing-key",
                                        t("definitions.missing-key", name=shown(name))))
        elif kind == "extra_forbidden":
            owner = _model_at(model, loc[:-1])
            hint = did_you_mean(name, owner.model_fields) if owner else ""
            problems.append(doc.problem(loc, "unknown-key",
                                        t("definitions.unknown-key", name=shown(name)) + hint,
                                        key=True))
        elif loc == ("versi_skema",):
            problems.append(doc.problem(loc, "schema-version", t("definitions.schema-version")))
        elif kind == "literal_error":
            where = ".".join(shown(p) for p in loc)
            choices = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
            given = err.get("input")
            hint = did_you_mean(str(given), choices) if isinstance(given, str) else ""
            value = t("definitions.not-value", value=shown(given)) \
                if isinstance(given, (str, int, float)) else ""
            problems.append(doc.problem(loc, "schema", t(
                "definitions.one-of", where=where,
                choices=", ".join(f"`{c}`" for c in choices)) + value + hint))
        else:
            problems.append(doc.problem(loc, "schema", _schema_message(doc, loc, err)))
    return problems


def _schema_message(doc: Document, loc: tuple[Any, ...], err: Any) -> str:
    """What is wrong with the value at `loc`, in the user's terms."""
    where = ".".join(shown(p) for p in loc) or t("definitions.the-file")
    kind = err["type"]
    value = err.get("input")
    if kind == "string_pattern_mismatch":  # `Teks`: nothing but blanks
        return t("definitions.blank-text", where=where)
    if kind == "value_error" and loc and loc[-1] in ("tugas", "fungsi"):
        return t("definitions.empty-items", where=where)
    if kind in _LIMIT_KEYS:
        key, bound = _LIMIT_KEYS[kind]
        return t(key, where=where, limit=(err.get("ctx") or {}).get(bound, "?"),
                 value=shown(value) if not isinstance(value, (dict, list)) else "…")
    if kind in ("float_type", "int_type") and isinstance(value, str):
        if loc in doc.quoted:
            return t("definitions.number-in-quotes", where=where, value=shown(value))
        return t("definitions.number-not-text", where=where, value=shown(value))
    if kind == "float_type" and isinstance(value, int) and not isinstance(value, bool):
        return t("definitions.number-too-large", where=where, value=shown(value))
    if kind in ("finite_number", "int_type") and isinstance(value, float) \
            and not math.isfinite(value):
        return t("definitions.not-finite", where=where)
    if kind in _TYPE_KEYS:
        what = t(_TYPE_KEYS[kind], where=where)
        if value is not None and not isinstance(value, (dict, list)):
            what += t("definitions.not-value", value=shown(value))
        return what
    return t("definitions.schema-other", where=where,
             detail=err["msg"][0].lower() + err["msg"][1:])


def _load_one(file: Path, kind: str, problems: list[Problem]) -> Loaded[Any] | None:
    display = display_path(file)
    doc, found = load_file(file, display, _shared.parses if _shared else None)
    problems.extend(found)
    if doc is None:
        return None
    model_cls = FILE_MODELS[kind]
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "schema", t("definitions.not-a-mapping")))
        return None
    try:
        model = model_cls.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(schema_problems(doc, model_cls, exc))
        if kind == "variabel":
            return _known_variables(display, doc)
        return None
    # The model holds every value now; the document keeps only the positions. The plain
    # data was an eighth of what a loaded position costs in memory.
    doc.data = None
    return Loaded(display, doc, model)


def _known_variables(display: str, doc: Document) -> Loaded[VariabelFile] | None:
    """A catalogue that did not validate, kept with the entries that have an id.

    One bad entry (`agregasi: maximum`) must not hide every unknown variable of every
    position: the formulas are still checked against the ids it defines. Nothing is
    computed from it (its schema errors stop that).
    """
    entries = doc.data.get("variabel") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        return None
    known = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        try:
            known.append(Variabel.model_validate(entry))
        except ValidationError:
            ident = entry.get("id")
            if isinstance(ident, str) and re.fullmatch(SNAKE, ident):
                known.append(Variabel.model_construct(id=ident, uraian=str(entry.get(
                    "uraian", "")), agregasi="jumlah"))
    return Loaded(display, doc, VariabelFile.model_construct(versi_skema=1, variabel=known),
                  partial=True)


def load_definitions(root: Path) -> tuple[Definitions, list[Problem]]:
    """Load every file of a definitions root; one broken file does not hide the others."""
    defs = Definitions(root=root)
    problems: list[Problem] = []
    names = _names_in(root)
    for name, kind in (("organisasi.yaml", "organisasi"), ("variabel.yaml", "variabel")):
        file = root / name
        if not os.path.lexists(file):
            alike = [n for n in names if n != name and _position_name(n) == name]
            hint = t("definitions.found-alike", name=alike[0]) if alike else ""
            problems.append(Problem(display_path(file), 0, 0, "error", "missing-file",
                                    t("definitions.missing-top", name=name) + hint))
            continue
        defs.files += 1
        loaded = _load_one(file, kind, problems)
        setattr(defs, kind, loaded)
        if loaded is not None and loaded.partial:
            defs.incomplete = True  # a catalogue kept in part: whole-office checks hold back
    folder = root / "jabatan"
    files = _position_files(folder, problems)
    if not files:
        defs.incomplete = True  # every variable would look unused
        if not any(p.path == display_path(folder) for p in problems):
            problems.append(Problem(display_path(folder), 0, 0, "error", "missing-file",
                                    t("definitions.no-positions")))
    for file in files:
        defs.files += 1
        loaded = _load_one(file, "jabatan", problems)
        if loaded is None:
            defs.incomplete = True
            defs.unloaded.add(file.name.removesuffix(".yaml"))
        else:
            defs.jabatan.append(loaded)
            _parse_formulas(defs, loaded)
    if defs.variabel is not None:
        defs.variables = {v.id: v for v in defs.variabel.model.variabel}
    defs.positions = {j.model.id: j.model for j in defs.jabatan}
    return defs, problems


def _names_in(folder: Path) -> list[str]:
    try:
        return sorted(os.listdir(folder))
    except OSError:
        return []


# Files a folder gathers without anyone's intent: ignored without a word.
_SYSTEM_FILES = frozenset({".gitkeep", ".gitignore", ".keep", ".DS_Store", "Thumbs.db",
                           "desktop.ini", "Desktop.ini"})
# What editors leave beside a file they edit: a warning, since a position may hide in one.
_BACKUP_SUFFIXES = ("~", ".bak", ".orig", ".swp", ".swo", ".tmp", ".old")


def _position_name(name: str) -> str | None:
    """The position file name `name` was meant to be (`staf.YAML`, `staf.yaml.txt`,
    `staf.yaml ` → `staf.yaml`), or None when it does not look like one."""
    base = name.strip().rstrip(".")
    if base.lower().endswith(".txt"):
        base = base[:-4].rstrip()
    for ext in (".yaml", ".yml"):
        if base.lower().endswith(ext):
            stem = base[:-len(ext)].strip()
            return f"{stem}.yaml" if stem else None
    return None


def _position_files(folder: Path, problems: list[Problem]) -> list[Path]:
    """The position files of `jabatan/`; every other entry in it is a problem naming it.

    Only `<id>.yaml` is read. A look-alike (`staf.YAML`, `staf.yml`, `staf.yaml.txt`
    as Notepad saves it, `"staf.yaml "`) would be silently missing everywhere: an
    error naming the name it should have. Other files and folders are errors too;
    an editor's backup or another hidden file is a warning.
    """
    shown_folder = display_path(folder)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return []
    except NotADirectoryError:
        problems.append(Problem(shown_folder, 0, 0, "error", "missing-file",
                                t("definitions.jabatan-not-folder")))
        return []
    except OSError as exc:
        problems.append(Problem(shown_folder, 0, 0, "error", "unreadable",
                                t("definitions.unreadable-folder",
                                  reason=exc.strerror or str(exc))))
        return []
    files: list[Path] = []
    for entry in entries:
        name = entry.name
        path = display_path(folder / name)
        if name.endswith(".yaml") and not name.startswith(".") and name == name.strip():
            files.append(folder / name)
            continue
        if name in _SYSTEM_FILES:
            continue
        meant = _position_name(name)
        if name.startswith((".", "#")) or name.endswith(_BACKUP_SUFFIXES):
            problems.append(Problem(path, 0, 0, "warning", "stray-file",
                                    t("definitions.backup-file")))
        elif meant is not None:
            problems.append(Problem(path, 0, 0, "error", "file-name",
                                    t("definitions.misnamed", name=meant)))
        elif _is_dir(entry):
            problems.append(Problem(path, 0, 0, "error", "stray-file",
                                    t("definitions.folder-in-jabatan")))
        else:
            problems.append(Problem(path, 0, 0, "error", "stray-file",
                                    t("definitions.not-a-position-file")))
    return files


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return stat.S_ISDIR(entry.stat().st_mode)
    except OSError:
        return False


@dataclass
class _Shared:
    """What several loads of definitions read once (`shared_loading`)."""

    parses: Parses = field(default_factory=dict)  # each file's parse by its bytes
    formulas: dict[str, formula.Node] = field(default_factory=dict)  # trees by text


_shared: _Shared | None = None  # within `shared_loading()`


@contextmanager
def shared_loading() -> Iterator[None]:
    """Within it, what several loads of definitions have in common is read once: files
    of the same bytes are parsed once, formulas of the same text too (a tree is frozen).
    The two sides of a diff are mostly the same."""
    global _shared
    outer, _shared = _shared, _shared or _Shared()
    try:
        yield
    finally:
        _shared = outer


def _parse(text: str) -> formula.Node:
    if _shared is None:
        return formula.parse(text)
    node = _shared.formulas.get(text)
    if node is None:  # an error is raised again each time
        node = _shared.formulas[text] = formula.parse(text)
    return node


def _parse_formulas(defs: Definitions, loaded: Loaded[Jabatan]) -> None:
    """Parse the formulas of one position into `defs.formulas` (errors beside them)."""
    pos = loaded.model
    for si, sas in enumerate(pos.sasaran):
        for ii, ind in enumerate(sas.indikator):
            try:
                node = _parse(ind.rumus)
            except formula.FormulaError as exc:
                defs.formula_errors[(pos.id, si, ii)] = exc
                defs.incomplete = True
                continue
            # A duplicated indicator id (reported by `duplicate-id`) keeps its first formula.
            defs.formulas.setdefault((pos.id, ind.id), node)
