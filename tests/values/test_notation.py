"""`--angka auto` reads a number right or refuses it — never a different value (SPEC §4)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iki_cli import i18n
from iki_cli.definitions.model import Variabel
from iki_cli.errors import ProblemsError
from iki_cli.values.reading import read_values

VARIABLES = {f"v{i}": Variabel(id=f"v{i}", uraian="x", agregasi="jumlah") for i in range(8)}


def written(number: Decimal, notation: str, grouped: bool) -> str:
    """`number` as the template's user writes it: `1.234,5` / `1234,5` / `1,234.5` / …"""
    text = f"{number:,f}" if grouped else f"{number:f}"
    if notation == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


NUMBERS = st.decimals(min_value=-10_000_000, max_value=10_000_000, places=3, allow_nan=False,
                      allow_infinity=False).map(lambda d: d.normalize() if d else Decimal(0))


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(NUMBERS, st.booleans()), min_size=1, max_size=8),
       # a `;` file is Indonesian by SPEC §4 (the template writes English notation with `,`);
       # LibreOffice writes `,` and tab files in either notation
       st.sampled_from([("id", ";"), ("id", ","), ("id", "\t"), ("en", ","), ("en", "\t")]))
def test_auto_reads_every_number_right_or_refuses(tmp_path: Path, numbers: list[tuple[
        Decimal, bool]], pairing: tuple[str, str]) -> None:
    notation, delimiter = pairing
    lines = [f"periode{delimiter}variabel{delimiter}nilai"]
    for i, (number, grouped) in enumerate(numbers):
        text = written(number, notation, grouped)
        if delimiter in text:
            text = f'"{text}"'
        lines.append(f"2026{delimiter}v{i}{delimiter}{text}")
    path = tmp_path / "nilai.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        values = read_values([path], VARIABLES)
    except ProblemsError as exc:
        assert all(p.line == 0 for p in exc.problems), exc.problems  # once, for the file
        return
    got = {var: entry.value for var, per in values.entries.items() for entry in per.values()}
    assert got == {f"v{i}": float(number) for i, (number, _) in enumerate(numbers)}


@pytest.mark.parametrize(("text", "notation"), [("81,25", "id"), ("1.103.902", "id"),
                                                ("1.234,5", "id"), ("81.25", "en"),
                                                ("1,103,902", "en"), ("1,234.5", "en")])
def test_a_number_that_reads_one_way_decides_a_comma_file(tmp_path: Path, text: str,
                                                         notation: str) -> None:
    path = tmp_path / "nilai.csv"
    path.write_text(f'periode,variabel,nilai\n2026,v0,"{text}"\n2026,v1,"1.450"\n'
                    if notation == "id" else
                    f'periode,variabel,nilai\n2026,v0,"{text}"\n2026,v1,"1,450"\n',
                    encoding="utf-8")
    values = read_values([path], VARIABLES)
    assert [e.value for e in values.entries["v1"].values()] == [1450.0]


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
@pytest.mark.parametrize(("delimiter", "first", "grouped", "expected"), [
    (";", "81,25", "12{s}500,5", 12500.5),  # Indonesian by the `;`, settled by `81,25`
    (",", '"1.234,5"', "1{s}103{s}902", 1103902.0),  # by its own numbers
    (",", "81.25", "12{s}500.5", 12500.5),  # English
])
def test_a_number_grouped_by_spaces_after_the_notation_is_settled(
        tmp_path: Path, space: str, delimiter: str, first: str, grouped: str,
        expected: float) -> None:
    path = tmp_path / "nilai.csv"
    text = grouped.format(s=space)
    path.write_text(f"periode{delimiter}variabel{delimiter}nilai\n2026{delimiter}v0{delimiter}"
                    f"{first}\n2026{delimiter}v1{delimiter}{text}\n2026{delimiter}v2"
                    f"{delimiter}7\n", encoding="utf-8")
    values = read_values([path], VARIABLES)
    assert [e.value for e in values.entries["v1"].values()] == [expected]
    assert [e.value for e in values.entries["v2"].values()] == [7.0]


def test_the_notation_messages_in_indonesian(tmp_path: Path) -> None:
    path = tmp_path / "nilai.csv"
    path.write_text("periode,variabel,nilai\n2026,v0,1.450\n", encoding="utf-8")
    with i18n.using("id"), pytest.raises(ProblemsError) as info:
        read_values([path], VARIABLES)
    [problem] = info.value.problems
    assert problem.message.startswith(
        "angka dalam berkas ini dapat dibaca dua cara dan tidak ada yang menentukan caranya: "
        "baris 2 memuat angka seperti `1.450`")
    assert str(info.value) == "1 baris nilai bermasalah; tidak ada yang dihitung"


@pytest.mark.parametrize("digits", ["\u0662\u0660\u0662\u0666", "\uff12\uff10\uff12\uff16"])
def test_periods_and_numbers_with_other_digits_are_errors_at_their_line(tmp_path: Path,
                                                                        digits: str) -> None:
    path = tmp_path / "nilai.csv"
    path.write_text(f"periode;variabel;nilai\n{digits};v0;1\n2026;v1;{digits}\n",
                    encoding="utf-8")
    with pytest.raises(ProblemsError) as info:
        read_values([path], VARIABLES)
    found = [(p.line, p.message.split(":")[0]) for p in info.value.problems]
    assert found == [(2, (f"`{digits}` is not a period; use 2026, 2026-S1, 2026-TW1 … 2026-TW4 or "
                         "2026-01 … 2026-12")), (3, "`nilai`")]
    assert "which is not one of 0–9" in info.value.problems[1].message
