"""The summary `iki compute` prints: 80 columns, two lines per indicator at most, the reports'
numbers and the positions' titles, in colour or without, in either language."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from helpers import EXAMPLE, LAPORAN_KECIL, LAPORAN_KECIL_NILAI, SHIPPED, invoke
from rich.console import Console
from typer.testing import CliRunner

from iki_cli.cli.summary import MAX_INDICATOR_ROWS, summary
from iki_cli.definitions.loading import Definitions
from iki_cli.evaluation.results import Report, Result
from iki_cli.i18n import CATALOGUES, LABELS

NUMBER = re.compile(r"^(\d+\.\d+) ")
# What the summary itself writes in Indonesian; none of it may be in the English summary.
INDONESIAN = ("Realisasi", "Capaian", "Predikat", "indikator", "lengkap", "parsial",
              "tanpa data", "galat", "Perlu perhatian", "mencapai target", "Tahun",
              "ilustratif", "di bawah target")


def _report(positions: int, per_position: int) -> Report:
    hasil = [Result(f"jabatan-{p}", "s", f"ind-{i}", f"Indikator {i}", "%", "positif",
                    50.0, 100.0, 50.0, "Rendah", None, "lengkap" if i % 2 else "galat", [], {})
             for p in range(positions) for i in range(per_position)]
    return Report("2026", {"nama": "Kantor", "pemda": "Kota"}, hasil, ["Rendah"])


def _text(report: Report, defs: Definitions, lang: str = "id", width: int = 200) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(summary(report, defs, lang))
    return console.export_text()


def _compute(runner: CliRunner, root: Path, values: Path, tmp: Path, *args: str,
             env: dict[str, str] | None = None) -> str:
    r = invoke(runner, "compute", "-p", "2026", "-d", root, "-v", values, "-o", tmp / "out",
               "-f", "json", *args, env=env)
    assert r.exit_code == 0, r.output
    return str(r.stdout)


pytestmark = pytest.mark.usefixtures("terminal_80")


@pytest.fixture
def shipped_illustrative() -> Path:
    """The shipped office, marked `ilustratif: true`."""
    assert "\nilustratif: true\n" in (SHIPPED / "organisasi.yaml").read_text(encoding="utf-8")
    return SHIPPED


def _indicator_lines(text: str) -> dict[str, list[str]]:
    """Each indicator's lines: its numbered line and the indented ones after it."""
    found: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        m = NUMBER.match(line)
        if m:
            current = m.group(1)
            found[current] = [line]
        elif current and line.startswith("       ") and line.strip():
            found[current].append(line)
        else:
            current = None
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_fits_80_columns_with_two_lines_per_indicator_at_most(
        runner: CliRunner, shipped_illustrative: Path, tmp_path: Path, lang: str) -> None:
    text = _compute(runner, shipped_illustrative, EXAMPLE, tmp_path, "--lang", lang,
                    env={"COLUMNS": "80"})
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80, max(lines, key=len)
    rows = _indicator_lines(text)
    assert len(rows) == 35 and all(1 <= len(v) <= 2 for v in rows.values()), rows
    # The reports' numbers, in the one order; each position's title as a group row with
    # its id whole (a long title is shortened instead).
    assert list(rows)[:3] == ["1.1", "1.2", "1.3"] and "23.1" in rows
    for file in (shipped_illustrative / "jabatan").glob("*.yaml"):
        assert re.search(rf"^\d+ +.*\({re.escape(file.stem)}\)$", text, re.M), file.stem
    # A long name is shortened on its second line; the figures are on the first.
    assert rows["1.5"][1].rstrip().endswith("…")
    assert re.search(r"100[,.]00 +100[,.]00 Sangat Tinggi", rows["1.5"][0])
    assert len(lines) < 120  # it was 252 lines of wrapped table cells


def test_indonesian_summary_says_what_the_report_says(runner: CliRunner,
                                                      shipped_illustrative: Path,
                                                      tmp_path: Path) -> None:
    text = _compute(runner, shipped_illustrative, EXAMPLE, tmp_path, "--lang", "id",
                    env={"COLUMNS": "80"})
    head = text.splitlines()[:3]
    assert head[0].startswith("IKI Tahun 2026 — Dinas Sosial")
    assert head[1] == "! Data dan target ilustratif"
    # 5 at or above 100, 30 below, none without capaian: 35 in all
    assert head[2] == ("5 dari 35 indikator mencapai target; 30 di bawah target, "
                       "0 tanpa capaian")
    assert "35 indikator: 34 lengkap, 1 parsial, 0 tanpa data, 0 galat" in text
    assert "Perlu perhatian: 30 indikator" in text
    # Kasi Lansia is the ninth position of the source document (`urutan: 9`)
    assert re.search(r"^9\.1 +Meningkatnya persentase +47,92 +63,89 Rendah +parsial$", text,
                     re.M)


def test_english_summary_prints_no_indonesian_label(runner: CliRunner,
                                                    shipped_illustrative: Path,
                                                    tmp_path: Path) -> None:
    text = _compute(runner, shipped_illustrative, EXAMPLE, tmp_path, "--lang", "en",
                    env={"COLUMNS": "80"})
    assert "Year 2026" in text and "! Illustrative data and targets" in text
    assert "5 of 35 indicators met their target; 30 below target" in text
    assert "35 indicators: 34 complete, 1 partial, 0 no data, 0 error" in text
    for word in INDONESIAN:
        assert word not in text, word
    # the office's own words stay as written: names, predikat labels
    assert "Sangat Tinggi" in text and "Persentase jumlah PMKS" in text


def test_the_language_comes_from_iki_lang_when_not_given(runner: CliRunner, tmp_path: Path
                                                         ) -> None:
    text = _compute(runner, LAPORAN_KECIL, LAPORAN_KECIL_NILAI, tmp_path,
                    env={"IKI_LANG": "id"})
    assert "3 dari 7 indikator mencapai target" in text
    text = _compute(runner, LAPORAN_KECIL, LAPORAN_KECIL_NILAI, tmp_path,
                    env={"IKI_LANG": "en"})
    assert "3 of 7 indicators met their target" in text


def test_colour_changes_nothing_but_the_colours() -> None:
    """With colour the same characters are laid out; without it (NO_COLOR, a pipe) the
    hanging indent, not the colour, shows what belongs together."""
    from helpers import laporan_kecil_2026

    report, defs = laporan_kecil_2026()
    printed = {}
    for name, options in (("plain", {"color_system": None}),
                          ("colour", {"color_system": "truecolor", "force_terminal": True})):
        buffer = io.StringIO()
        Console(width=80, file=buffer, **options).print(summary(report, defs, "id"))
        printed[name] = buffer.getvalue()
    assert "\x1b[" in printed["colour"] and "\x1b[" not in printed["plain"]
    assert re.sub(r"\x1b\[[0-9;]*m", "", printed["colour"]) == printed["plain"]
    text = printed["plain"]
    assert max(len(line) for line in text.splitlines()) <= 80
    # Kategori under the predikat, on the indicator's second line.
    ikm = _indicator_lines(text)["1.3"]
    assert ikm[0].split()[-2:] == ["Tinggi", "parsial"] and ikm[-1].strip() == "Sangat Baik"


def test_summary_labels_are_in_both_catalogues() -> None:
    keys = [k for k in CATALOGUES["id"] if k.startswith("cli.summary")]
    assert keys and all(k in CATALOGUES["en"] for k in keys)
    assert {"no", "indikator", "realisasi", "predikat", "status", "ilustratif"} <= set(
        LABELS["en"])


def test_a_small_office_gets_lines_per_indicator() -> None:
    text = _text(_report(2, 3), Definitions(root=Path(".")))
    assert "Indikator 2" in text
    # per position: ind-1 is lengkap, ind-0 and ind-2 are galat
    assert "6 indikator: 2 lengkap, 0 parsial, 0 tanpa data, 4 galat" in text


def test_a_large_office_gets_the_office_counts_by_status_and_predikat() -> None:
    per_position = 4
    positions = MAX_INDICATOR_ROWS // per_position + 1
    text = _text(_report(positions, per_position), Definitions(root=Path(".")))
    assert "Indikator 2" not in text and "jabatan-0" not in text
    rows = {cells[0]: cells[1] for line in text.splitlines()
            if len(cells := [c.strip() for c in line.split("│") if c.strip()]) == 2}
    half = positions * per_position // 2
    assert rows["lengkap"] == rows["galat"] == str(half)
    assert rows["parsial"] == rows["tanpa data"] == "0"
    assert rows["Rendah"] == str(2 * half)
    assert f"{positions * per_position} indikator" in text


def test_a_quarter_without_targets_is_rated_to_date_and_marked(tmp_path: Path) -> None:
    """SPEC §7: the summary shows the capaian to date, marked, with the footnote."""
    from helpers import LAPORAN_KECIL, LAPORAN_KECIL_NILAI, invoke
    from typer.testing import CliRunner

    runner = CliRunner(env={"COLUMNS": "80", "NO_COLOR": "1"})
    r = invoke(runner, "compute", "-p", "2026-TW2", "-d", LAPORAN_KECIL, "-v",
               LAPORAN_KECIL_NILAI, "-o", tmp_path, "-f", "json", "--lang", "id")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    marked = [line for line in lines if "*" in line and line[:1].isdigit()]
    assert marked, r.stdout
    assert any(line.startswith("* s.d. Triwulan II Tahun 2026: capaian terhadap target "
                               "tahun 2026") for line in lines)
