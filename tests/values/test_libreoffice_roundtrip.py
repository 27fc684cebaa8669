"""The data-entry template through real LibreOffice (headless): saved as .ods, .xls and CSV,
it reads back with the values typed into it. Skipped where LibreOffice is missing, except
in CI, whose script installs it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from helpers import invoke
from typer.testing import CliRunner

from iki_cli.checks import validate
from iki_cli.values.reading import read_values

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; CI installs libreoffice-calc-nogui")

VARIABEL = """\
    versi_skema: 1
    variabel:
      - {id: a, uraian: "Jumlah yang tertangani, per desa", agregasi: jumlah}
      - {id: b, uraian: Jumlah yang ada, agregasi: terakhir}
    """
TYPED = {"a": 1450.0, "b": 81.25}


def convert(source: Path, to: str, out: Path, profile: Path, *options: str) -> Path:
    assert SOFFICE is not None, "CI must have LibreOffice"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", *options,
                    "--convert-to", to, "--outdir", str(out), str(source)], check=True,
                   capture_output=True, timeout=180)
    [made] = [p for p in out.iterdir() if p.suffix == "." + to.split(":")[0]]
    return made


def test_the_filled_template_saved_by_libreoffice_reads_back(
        runner: CliRunner, make_root: object, tmp_path: Path) -> None:
    root = make_root(variabel=VARIABEL)  # type: ignore[operator]
    template = tmp_path / "nilai.xlsx"
    r = invoke(runner, "template", "-p", "2026-TW1", "-d", root, "-o", template)
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(template)
    ws = wb["nilai"]
    for row in ws.iter_rows(min_row=2):
        row[5].value = TYPED[row[1].value]
    wb.save(template)
    defs, _ = validate(root)
    profile = tmp_path / "profile"
    for to in ("ods", "xls", "csv"):
        out = tmp_path / to
        out.mkdir()
        made = convert(template, to, out, profile)
        values = read_values([made], defs.variables)
        got = {var: [e.value for e in per.values()] for var, per in values.entries.items()}
        assert got == {var: [value] for var, value in TYPED.items()}, to
        assert [p for p in values.problems if p.level == "error"] == []


def test_the_csv_template_opened_and_saved_by_libreoffice_keeps_its_columns(
        runner: CliRunner, make_root: object, tmp_path: Path) -> None:
    root = make_root(variabel=VARIABEL)  # type: ignore[operator]
    template = tmp_path / "nilai.csv"
    r = invoke(runner, "template", "-p", "2026-TW1", "-d", root, "-o", template)
    assert r.exit_code == 0, r.output
    out = tmp_path / "ods"
    out.mkdir()
    # LibreOffice's CSV import as its dialog opens: `,`, `;` and tab all ticked, `"` the
    # quote (the file is UTF-8, with the byte order mark iki writes)
    made = convert(template, "ods", out, tmp_path / "profile",
                   '--infilter=Text - txt - csv (StarCalc):44/59/9,34,76,1')
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(made)).get_sheet_by_index(0).to_python()
    assert rows[0] == ["periode", "variabel", "uraian", "satuan", "sumber_data", "nilai",
                       "keterangan"]
    assert rows[1][2] == "Jumlah yang tertangani, per desa"  # a `,` inside a `;` file
