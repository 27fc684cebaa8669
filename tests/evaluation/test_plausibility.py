"""Plausibility (SPEC §1): `rentang` at each value read, `aturan` on a period's aggregates."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from helpers import invoke
from typer.testing import CliRunner

from iki_cli import i18n
from iki_cli.checks import validate
from iki_cli.evaluation.compute import compute
from iki_cli.evaluation.plausibility import broken_rules
from iki_cli.periods import parse_period
from iki_cli.render.messages import pesan_text
from iki_cli.values.reading import read_values

VARIABEL = """\
    versi_skema: 1
    variabel:
      - {id: a, uraian: Jumlah yang tertangani, agregasi: jumlah, rentang: {min: 0}}
      - {id: b, uraian: Jumlah yang ada, agregasi: terakhir, rentang: {min: 0, max: 1000}}
    aturan:
      - id: tertangani-tidak-melebihi-ada
        syarat: a <= b
        pesan: Yang tertangani tidak mungkin lebih banyak dari yang ada
    """


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_broken_rule_is_found_on_the_aggregated_values(make_root: Callable[..., Path],
                                                          tmp_path: Path) -> None:
    defs, problems = validate(make_root(variabel=VARIABEL))
    assert problems == []
    # a is a flow: the year sums the quarters (3 + 3 = 6); b a stock: the last quarter, 5
    values = read_values([write(tmp_path / "n.csv", "periode;variabel;nilai\n"
                                "2026-TW1;a;3\n2026-TW2;a;3\n2026-TW1;b;9\n2026-TW2;b;5\n")],
                         defs.variables)
    [broken] = broken_rules(defs, values, parse_period("2026"))
    assert (broken.aturan.id, broken.left, broken.right) == (
        "tertangani-tidak-melebihi-ada", 6.0, 5.0)
    # each quarter on its own holds: 3 <= 9, 3 <= 5
    assert broken_rules(defs, values, parse_period("2026-TW1")) == []
    assert broken_rules(defs, values, parse_period("2026-TW2")) == []
    report = compute(defs, values, parse_period("2026"))
    [result] = report.hasil
    assert result.realisasi == 6 / 5 * 100  # the number is never changed
    [pesan] = [p for p in result.pesan if p.kode == "aturan"]
    assert pesan_text(pesan, "en", {}) == (
        "Yang tertangani tidak mungkin lebih banyak dari yang ada (rule "
        "`tertangani-tidak-melebihi-ada`: a <= b does not hold, 6.00 against 5.00)")
    with i18n.using("id"):
        assert pesan_text(pesan, "id", {}).endswith("a <= b tidak terpenuhi, 6,00 terhadap 5,00)")


def test_a_rule_with_a_variable_without_value_is_not_checked(make_root: Callable[..., Path],
                                                              tmp_path: Path) -> None:
    defs, _ = validate(make_root(variabel=VARIABEL))
    values = read_values([write(tmp_path / "n.csv", "periode;variabel;nilai\n2026;a;3\n")],
                         defs.variables)
    assert broken_rules(defs, values, parse_period("2026")) == []


def test_compute_warns_shows_it_in_the_reports_and_fails_with_strict(
        runner: CliRunner, make_root: Callable[..., Path], tmp_path: Path) -> None:
    root = make_root(variabel=VARIABEL)
    values = write(tmp_path / "n.csv", "periode;variabel;nilai\n2026;a;6\n2026;b;5\n")
    out = tmp_path / "out"
    r = invoke(runner, "compute", "-p", "2026", "-d", root, "-o", out, "-f", "json,md", values)
    assert r.exit_code == 0, r.output
    assert ("variabel.yaml:7:13: warning [aturan] 2026: Yang tertangani tidak mungkin lebih "
            "banyak dari yang ada (rule `tertangani-tidak-melebihi-ada`: a <= b does not hold, "
            "6.00 against 5.00)") in r.output.replace(str(root) + "/", "")
    [hasil] = json.loads((out / "iki-2026.json").read_text("utf-8"))["hasil"]
    assert [p["kode"] for p in hasil["pesan"]] == ["aturan"]
    assert "tertangani-tidak-melebihi-ada" in (out / "iki-2026.md").read_text("utf-8")
    r = invoke(runner, "compute", "-p", "2026", "-d", root, "-o", out, "--strict", values)
    assert r.exit_code == 1
    assert "error [aturan] 2026: Yang tertangani" in r.output


def test_a_value_outside_its_rentang_is_an_error_at_its_row(
        make_root: Callable[..., Path], tmp_path: Path) -> None:
    defs, _ = validate(make_root(variabel=VARIABEL))
    f = write(tmp_path / "n.csv", "periode;variabel;nilai\n2026;a;-1\n2026;b;1.500\n"
              "2026-TW1;b;1000\n")
    from iki_cli.errors import ProblemsError

    try:
        read_values([f], defs.variables)
    except ProblemsError as exc:
        found = [(p.line, p.message) for p in exc.problems]
    assert found == [
        (2, ("`nilai` -1 is below the smallest value of `a`, 0 (`rentang` in variabel.yaml): "
            "check the number")),
        (3, ("`nilai` 1500 is outside the range of `b`, 0 to 1000 (`rentang` in variabel.yaml): "
            "check the number, or widen the range if it is really possible"))]
