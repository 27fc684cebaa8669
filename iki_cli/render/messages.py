"""The words of a result's messages: a `Pesan` code and parameters, in the reader's language.

Variables are named by their description (`uraian`), not their id, since
whoever reads the report chases the number, not the formula.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import formula
from ..evaluation.results import Pesan
from ..i18n import t
from ..numbers import format_number


def pesan_text(pesan: Pesan, lang: str, names: Mapping[str, str]) -> str:
    """The text of one message; `names` maps variable ids to their descriptions."""
    args = pesan.args
    fields: dict[str, str] = {}
    if "var" in args:
        fields["var"] = names.get(args["var"], args["var"])
    if "period" in args:
        fields["period"] = args["period"]
    if "parts" in args:
        fields["parts"] = ", ".join(args["parts"])
    if "divisor" in args:
        divisor = args["divisor"]
        fields["expr"] = formula.to_text(divisor, names) if divisor is not None else ""
    if "value" in args:
        fields["value"] = format_number(args["value"], 2, lang)
    if pesan.kode == "aturan":
        return _aturan_text(args, lang)
    return t(f"pesan.{pesan.kode}", lang, **fields)


def _aturan_text(args: Mapping[str, object], lang: str) -> str:
    """A broken plausibility rule: the office's own words, then the condition and its sides."""
    left, right = args.get("left"), args.get("right")
    if isinstance(left, float) and isinstance(right, float):
        return t("pesan.aturan", lang, aturan=args["aturan"], teks=args["teks"],
                 syarat=args["syarat"], left=format_number(left, 2, lang),
                 right=format_number(right, 2, lang))
    return t("pesan.aturan-galat", lang, aturan=args["aturan"], teks=args["teks"],
             syarat=args["syarat"])
