"""The table `iki compute` prints: per indicator for an office, per position for a large one."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from iki_cli.cli.summary import MAX_INDICATOR_ROWS, summary
from iki_cli.definitions.loading import Definitions
from iki_cli.evaluation.results import Report, Result


def _report(positions: int, per_position: int) -> Report:
    hasil = [Result(f"jabatan-{p}", "s", f"ind-{i}", f"Indikator {i}", "%", "positif",
                    50.0, 100.0, 50.0, "Rendah", None, "lengkap" if i % 2 else "galat", [], {})
             for p in range(positions) for i in range(per_position)]
    return Report("2026", {"nama": "Kantor", "pemda": "Kota"}, hasil, ["Rendah"])


def _text(report: Report) -> str:
    console = Console(width=200, record=True, color_system=None)
    console.print(summary(report, Definitions(root=Path("."))))
    return console.export_text()


def test_a_small_office_gets_one_row_per_indicator() -> None:
    text = _text(_report(2, 3))
    assert "Indikator 2" in text
    # per position: ind-1 is lengkap, ind-0 and ind-2 are galat
    assert "6 indikator: 2 lengkap, 0 parsial, 0 tanpa data, 4 galat" in text


def test_a_large_office_gets_the_office_counts_by_status_and_predikat() -> None:
    per_position = 4
    positions = MAX_INDICATOR_ROWS // per_position + 1
    text = _text(_report(positions, per_position))
    assert "Indikator 2" not in text and "jabatan-0" not in text
    rows = {cells[0]: cells[1] for line in text.splitlines()
            if len(cells := [c.strip() for c in line.split("│") if c.strip()]) == 2}
    half = positions * per_position // 2
    assert rows["lengkap"] == rows["galat"] == str(half)
    assert rows["parsial"] == rows["tanpa_data"] == "0"
    assert rows["Rendah"] == str(2 * half)
    assert f"{positions * per_position} indikator" in text
