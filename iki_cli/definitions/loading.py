"""Loading a definitions root: files → documents with positions → typed model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from .. import formula
from ..problems import Problem, did_you_mean, display_path
from .model import FILE_MODELS, SNAKE, Jabatan, Organisasi, Variabel, VariabelFile
from .yamlload import Document, load_file

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
    # Lookups by id, read once per indicator: filled once all files are loaded.
    variables: dict[str, Variabel] = field(default_factory=dict)
    positions: dict[str, Jabatan] = field(default_factory=dict)
    _names: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, repr=False)

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


_TYPE_MESSAGES = {
    "string_type": "must be text",
    "float_type": "must be a number",
    "finite_number": "must be a finite number",
    "int_type": "must be a whole number",
    "list_type": "must be a list",
    "dict_type": "must be a mapping of keys to values",
    "model_type": "must be a mapping of keys to values",
    "model_attributes_type": "must be a mapping of keys to values",
    "bool_type": "must be true or false",
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
                                        f"missing required key `{name}`"))
        elif kind == "extra_forbidden":
            owner = _model_at(model, loc[:-1])
            hint = did_you_mean(name, owner.model_fields) if owner else ""
            problems.append(doc.problem(loc, "unknown-key", f"unknown key `{name}`{hint}",
                                        key=True))
        elif kind == "literal_error" and name == "versi_skema":
            problems.append(doc.problem(loc, "schema-version",
                                        "`versi_skema` must be 1 (the only version iki knows)"))
        elif kind == "literal_error":
            where = ".".join(str(p) for p in loc)
            choices = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
            given = err.get("input")
            hint = did_you_mean(str(given), choices) if isinstance(given, str) else ""
            shown = f", not `{given}`" if isinstance(given, (str, int, float)) else ""
            problems.append(doc.problem(loc, "schema", f"`{where}` must be one of "
                                        + ", ".join(f"`{c}`" for c in choices) + shown + hint))
        else:
            where = ".".join(str(p) for p in loc) or "the file"
            what = _TYPE_MESSAGES.get(kind) or err["msg"][0].lower() + err["msg"][1:]
            if kind in _TYPE_MESSAGES and err.get("input") is not None:
                what += f", not `{err['input']}`" if not isinstance(err["input"], (dict, list)) \
                    else ""
            problems.append(doc.problem(loc, "schema", f"`{where}` {what}"))
    return problems


def _load_one(file: Path, kind: str, problems: list[Problem]) -> Loaded[Any] | None:
    display = display_path(file)
    doc, found = load_file(file, display)
    problems.extend(found)
    if doc is None:
        return None
    model_cls = FILE_MODELS[kind]
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "schema",
                                    "the file must be a mapping starting with `versi_skema: 1`"))
        return None
    try:
        model = model_cls.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(schema_problems(doc, model_cls, exc))
        if kind == "variabel":
            return _known_variables(display, doc)
        return None
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
    for name, kind in (("organisasi.yaml", "organisasi"), ("variabel.yaml", "variabel")):
        file = root / name
        if not file.is_file():
            problems.append(Problem(display_path(file), 0, 0, "error", "missing-file",
                                    f"`{name}` is missing from the definitions folder"))
            continue
        defs.files += 1
        loaded = _load_one(file, kind, problems)
        setattr(defs, kind, loaded)
        if loaded is not None and loaded.partial:
            defs.incomplete = True  # a catalogue kept in part: whole-office checks hold back
    folder = root / "jabatan"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    for stray in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        problems.append(Problem(display_path(stray), 0, 0, "error", "file-name",
                                "position files end in `.yaml`; rename this file"))
    if not files:
        defs.incomplete = True  # every variable would look unused
        problems.append(Problem(display_path(folder), 0, 0, "error", "missing-file",
                                "no position files: add `jabatan/<id>.yaml`"))
    for file in files:
        defs.files += 1
        loaded = _load_one(file, "jabatan", problems)
        if loaded is None:
            defs.incomplete = True
        else:
            defs.jabatan.append(loaded)
            _parse_formulas(defs, loaded)
    if defs.variabel is not None:
        defs.variables = {v.id: v for v in defs.variabel.model.variabel}
    defs.positions = {j.model.id: j.model for j in defs.jabatan}
    return defs, problems


def _parse_formulas(defs: Definitions, loaded: Loaded[Jabatan]) -> None:
    """Parse the formulas of one position into `defs.formulas` (errors beside them)."""
    pos = loaded.model
    for si, sas in enumerate(pos.sasaran):
        for ii, ind in enumerate(sas.indikator):
            try:
                node = formula.parse(ind.rumus)
            except formula.FormulaError as exc:
                defs.formula_errors[(pos.id, si, ii)] = exc
                defs.incomplete = True
                continue
            # A duplicated indicator id (reported by `duplicate-id`) keeps its first formula.
            defs.formulas.setdefault((pos.id, ind.id), node)
