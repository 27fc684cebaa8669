"""Values files as LibreOffice wrote them (tests/fixtures/libreoffice): exact, or refused.

The expected values are the manifest's, typed by hand (`make.py`'s ROWS), never
iki's own output. Every file either reads to exactly those values or is
refused with a message that leads to the fix — never a different number.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import FIXTURES

from iki_cli.definitions.model import Variabel
from iki_cli.errors import ProblemsError
from iki_cli.values.reading import read_values

FOLDER = FIXTURES / "libreoffice"
MANIFEST: dict[str, Any] = json.loads((FOLDER / "manifest.json").read_text("utf-8"))
FILES: dict[str, dict[str, Any]] = MANIFEST["files"]
VARIABLES = {row["variabel"]: Variabel(id=row["variabel"], uraian=row["variabel"],
                                       agregasi="jumlah") for row in MANIFEST["truth"]}


def _read(name: str, **options: Any) -> dict[tuple[str, str], float]:
    values = read_values([FOLDER / name], VARIABLES, **options)
    assert [p for p in values.problems if p.level == "error"] == []
    return {(var, period.code): entry.value
            for var, per in values.entries.items() for period, entry in per.items()}


def _expected(rows: list[list[Any]]) -> dict[tuple[str, str], float]:
    return {(var, periode): float(value) for periode, var, value in rows if value is not None}


def _problems(name: str, **options: Any) -> list[str]:
    with pytest.raises(ProblemsError) as info:
        read_values([FOLDER / name], VARIABLES, **options)
    return [f"{p.location()}: {p.message}" for p in info.value.problems]


def _rows(listed: str) -> set[int]:
    """The row numbers of `lines 2–3, 8` or `cells F2:F3, F8`."""
    numbers: set[int] = set()
    for part in listed.split(" ", 1)[1].split(", "):
        first, _, last = part.replace(":", "–").partition("–")
        numbers.update(range(int(first.lstrip("ABCDEFGH")),
                             int((last or first).lstrip("ABCDEFGH")) + 1))
    return numbers


def _where(name: str, row: str) -> str:
    """`line 6` for a CSV file, `cell F6` for a workbook's `nilai!F6`."""
    return f"cell {row.split('!')[1]}" if "!" in row else f"line {row}"


# The percent-formatted files are `ok` in the manifest (whose SPEC question they raise):
# iki refuses them, as its docs say (test below).
READ_CLEAN = sorted(name for name, f in FILES.items()
                    if f.get("ok") is True and not f.get("questions"))


@pytest.mark.parametrize("name", READ_CLEAN)
def test_a_clean_file_reads_to_the_typed_values(name: str) -> None:
    expected = FILES[name]
    rows = expected.get("values") or MANIFEST_VALUES_OF.get(name)
    if rows is None:
        assert _read(name) == {}  # the empty template: nothing collected yet
        return
    assert _read(name) == _expected(rows)


# The template files hold the first ten rows of the truth, in template order.
MANIFEST_VALUES_OF: dict[str, list[list[Any]]] = {}
for _name, _file in FILES.items():
    if _name.startswith("templat/"):
        MANIFEST_VALUES_OF[_name] = [[r["periode"], r["variabel"], r["nilai"]]
                                     for r in MANIFEST["truth"][:10]]


@pytest.mark.parametrize("name", sorted(n for n, f in FILES.items()
                                        if f.get("auto", {}).get("error") == "ambiguous"))
def test_a_file_of_only_ambiguous_numbers_is_refused_naming_them(name: str) -> None:
    expected = FILES[name]
    [problem] = _problems(name)
    assert "read two ways and nothing in it decides which" in problem
    assert "Give --angka id" in problem and "--angka en" in problem
    listed = problem.split("which: ")[1].split(" hold numbers")[0]
    assert _rows(listed) == {int(row.split("!F")[-1]) for row in expected["auto"]["ambiguous"]}
    # With the notation given, the file reads: id gives the typed values.
    by = expected.get("values_by_notation") or {}
    if "id" in by:
        assert _read(name, notation="id") == _expected(by["id"])
    if "en" in by:
        assert _read(name, notation="en") == _expected(by["en"])


@pytest.mark.parametrize("name", sorted(n for n, f in FILES.items()
                                        if f.get("auto", {}).get("error") == "mixed"))
def test_a_file_of_both_notations_is_refused_naming_a_row_of_each(name: str) -> None:
    auto = FILES[name]["auto"]
    [problem] = _problems(name)
    assert "written in both notations" in problem
    assert f"{_where(name, auto['id_decided_by'][0])} `" in problem
    assert f"{_where(name, auto['en_decided_by'][0])} `" in problem


def test_a_semicolon_file_in_english_notation_is_one_message_listing_every_differing_row() -> None:
    name = "csv/en-titikkoma-ribuan.csv"
    expected = FILES[name]
    [problem] = _problems(name)
    assert problem.startswith(f"{FOLDER / name}: the numbers of this file are not in "
                              "Indonesian notation (a `;`-separated file is read in Indonesian "
                              "notation) but in English notation")
    assert "Read the file with --angka en" in problem
    listed = problem.rsplit("check their values: ", 1)[1]
    assert _rows(listed) == {int(n) for n in expected["auto"]["must_list"]}
    # Given the notation it recommends, every value is the typed one.
    assert _read(name, notation="en") == _expected(expected["values"])


@pytest.mark.parametrize("name", sorted(n for n, f in FILES.items() if f.get("bad")))
def test_every_bad_cell_or_line_is_reported_and_nothing_else(name: str) -> None:
    expected = FILES[name]
    found = _problems(name)
    if "auto" in expected and "error" in expected["auto"]:
        return  # covered above
    where = set()
    for bad in expected["bad"]:
        at = bad.get("cell") or bad.get("line")
        where.add(f"{FOLDER / name}:{at}")
    assert {p.split(": ")[0] for p in found} == where, found


@pytest.mark.parametrize("name", sorted(n for n, f in FILES.items() if f.get("questions")))
def test_percent_formatted_number_cells_are_refused_with_what_they_show(name: str) -> None:
    found = _problems(name)
    cells = [q["cell"] for q in FILES[name]["questions"]]
    assert [p.split(": ")[0] for p in found] == [f"{FOLDER / name}:{c}" for c in cells]
    assert "shows 50% but holds 0.5" in found[0]
    assert "shows 75% but holds 0.75" in found[1]


@pytest.mark.parametrize(("name", "says"), [
    ("menyamar/csv-sebagai.xlsx", ("this file is text (a CSV file?), not a workbook, though its "
     "name ends in `.xlsx`: rename it to `csv-sebagai.csv`")),
    ("menyamar/fods-sebagai.ods", "flat OpenDocument spreadsheet (.fods, XML)"),
    ("menyamar/html-sebagai.xls", "a web page (HTML)"),
    ("menyamar/utf16-tab.csv", "UTF-16 text"),
    ("menyamar/xlsx-sebagai.csv", ("an Excel workbook (.xlsx), though its name ends in `.csv`: "
     "rename it to `xlsx-sebagai.xlsx`")),
    ("menyamar/xlsx-sebagai.xls", ("an Excel workbook (.xlsx), though its name ends in `.xls`: "
     "rename it to `xlsx-sebagai.xlsx`")),
])
def test_a_mislabelled_file_is_named_for_what_it_is(name: str, says: str) -> None:
    [problem] = _problems(name)
    assert says in problem
    assert "Traceback" not in problem and "Error:" not in problem


def test_the_template_folder_reads_every_workbook_once_with_same_value_warnings() -> None:
    values = read_values(sorted((FOLDER / "templat").iterdir()), VARIABLES)
    assert {p.level for p in values.problems} == {"warning"}
    got = {(var, period.code): entry.value
           for var, per in values.entries.items() for period, entry in per.items()}
    assert got == _expected(MANIFEST_VALUES_OF["templat/templat-diisi-lo.xlsx"])


def test_every_fixture_is_covered() -> None:
    assert {Path(n).suffix for n in FILES} >= {".csv", ".tsv", ".ods", ".xls", ".xlsx"}
