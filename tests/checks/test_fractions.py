"""`inverted-fraction`: a ratio whose denominator is described as a part of its numerator."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DEFAULT_HEAD

from iki_cli.checks import validate
from iki_cli.i18n import using

VARIABEL = """\
versi_skema: 1
variabel:
  - id: a
    uraian: Jml. pengaduan
    agregasi: jumlah
  - id: b
    uraian: Jumlah pengaduan yang terselesaikan
    agregasi: jumlah
"""


def _problems(make_root: Callable[..., Path], rumus: str, hasil: str) -> list[tuple[int, str]]:
    head = DEFAULT_HEAD.replace("rumus: a / b * 100", f"rumus: {rumus}").replace(
        "hasil: 75", f"hasil: {hasil}")
    _, problems = validate(make_root(variabel=VARIABEL, jabatan={"kepala": head}))
    return [(p.line, p.message) for p in problems if p.rule == "inverted-fraction"]


def test_the_part_below_the_whole_is_flagged_at_the_formula(
        make_root: Callable[..., Path]) -> None:
    [(line, message)] = _problems(make_root, "a / b * 100", "75")
    assert line == 12  # the `rumus:` line
    assert message.startswith("the denominator `b` (“Jumlah pengaduan yang terselesaikan”) "
                              "is a part of the numerator `a`")
    assert message.endswith("usually `b / a` is meant")


@pytest.mark.parametrize("rumus,hasil", [
    ("b / a * 100", "133.33333333333331"),  # the part over the whole: as meant
    ("100 * a / b", "75"),  # the same inversion written another way is flagged below
])
def test_the_right_way_up_passes_and_constants_do_not_hide_it(
        make_root: Callable[..., Path], rumus: str, hasil: str) -> None:
    found = _problems(make_root, rumus, hasil)
    assert bool(found) == rumus.endswith("a / b")


def test_other_shapes_are_not_judged(make_root: Callable[..., Path]) -> None:
    assert _problems(make_root, "(a - b) / b * 100", "-25") == []


def test_the_warning_is_worded_in_indonesian(make_root: Callable[..., Path]) -> None:
    with using("id"):
        [(_, message)] = _problems(make_root, "a / b * 100", "75")
    assert "tampak terbalik" in message
