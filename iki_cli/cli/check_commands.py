"""`iki validate` and `iki schema`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..i18n import t
from .app import command
from .console import err, escape
from .options import DefinitionsOpt, LangOpt, output_folder, path_argument, require_root
from .policy import gc_kept


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@command()
def validate(
    definitions: DefinitionsOpt = Path("definitions"),
    format: Annotated[ValidateFormat, typer.Option(
        "--format", "-f", help="Output: text, json or github (workflow annotations).")]
    = ValidateFormat.text,
    strict: Annotated[bool, typer.Option(help="Exit 1 on warnings too.")] = False,
    lang: LangOpt = "id",
) -> None:
    """Check every definitions file, its formulas and worked examples."""
    from ..checks import validate as run
    from .reporters import REPORTER_BY_NAME

    with gc_kept():
        defs, problems = run(require_root(definitions))
    sys.stdout.write(REPORTER_BY_NAME[format.value](problems, defs.files))
    if any(p.level == "error" for p in problems) or (strict and problems):
        raise typer.Exit(1)


@command()
def schema(
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", parser=path_argument, help="Folder to write the .schema.json files to; "
        "without it the schemas are printed as one JSON object.")] = None,
    lang: LangOpt = "id",
) -> None:
    """Write the JSON Schemas (draft-07) of the three definition file kinds."""
    import json

    from ..definitions.schema import all_schemas
    from ..export.atomic import write_all

    schemas = all_schemas()
    if output is None:
        merged = {name: json.loads(text) for name, text in schemas.items()}
        sys.stdout.write(json.dumps(merged, indent=2, ensure_ascii=False) + "\n")
        return
    output_folder(output)
    files = {output / name: text for name, text in schemas.items()}
    write_all(files)  # all three or none; a folder that cannot be made is one message
    for path in files:
        err.print(escape(t("cli.wrote", path=str(path))))
