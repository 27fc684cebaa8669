"""The values template of a period: one empty row per variable a formula uses."""

from __future__ import annotations

import csv
import io

from .. import formula
from ..definitions.loading import Definitions
from ..definitions.model import Variabel
from ..periods import Period
from ..values.ingest import DELIMITERS

TEMPLATE_COLUMNS = ("periode", "variabel", "uraian", "satuan", "sumber_data", "nilai",
                    "keterangan")


def used_variables(defs: Definitions) -> list[Variabel]:
    """Variables some formula uses, in catalogue order."""
    used = {v.name for node in defs.formulas.values() for v in formula.variables(node)}
    return [v for v in defs.variables.values() if v.id in used]


def template_csv(defs: Definitions, period: Period, notation: str = "id",
                 delimiter: str | None = None) -> str:
    """The CSV text; `,` for English notation, else `;` (Indonesian), unless `delimiter` says."""
    delim = DELIMITERS.get(delimiter, delimiter) if delimiter else (
        "," if notation == "en" else ";")
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
    writer.writerow(TEMPLATE_COLUMNS)
    for var in used_variables(defs):
        writer.writerow([period.code, var.id, var.uraian, var.satuan or "",
                         var.sumber_data or "", "", ""])
    return buf.getvalue()
