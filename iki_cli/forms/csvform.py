"""The values template of a period: one empty row per variable a formula uses.

Every field that holds `;`, `,`, a tab, a quote or a line break is quoted, whichever
delimiter the file uses: LibreOffice's import dialog ticks comma, semicolon and tab
at once by default, and the rows must split into the same columns however it is set.
"""

from __future__ import annotations

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
    rows = [TEMPLATE_COLUMNS] + [
        (period.code, var.id, var.uraian, var.satuan or "", var.sumber_data or "", "", "")
        for var in used_variables(defs)]
    return "".join(delim.join(_field(text) for text in row) + "\r\n" for row in rows)


_SPECIAL = frozenset(';,\t"\r\n')


def _field(text: str) -> str:
    """A field as the template writes it: quoted when it holds a separator of any kind."""
    if _SPECIAL.isdisjoint(text):
        return text
    return '"' + text.replace('"', '""') + '"'

