"""A schema error in variabel.yaml hides nothing else (the catalogue is kept by its ids)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from iki_cli.checks import validate

BAD_AGREGASI = """\
    versi_skema: 1
    variabel:
      - {id: a, uraian: Jumlah yang tertangani, agregasi: jumlah}
      - {id: b, uraian: Jumlah yang ada, agregasi: maximum}
    """
STAF = """\
    versi_skema: 1
    id: staf
    jabatan: Staf
    atasan: kepala
    tugas: [Membantu]
    sasaran:
      - id: layanan
        uraian: Layanan
        indikator:
          - {id: rasio, nama: Rasio, rumus: a / bb * 100, satuan: "%"}
    """


def test_a_bad_agregasi_and_an_unknown_variable_are_both_reported(
        make_root: Callable[..., Path]) -> None:
    root = make_root(variabel=BAD_AGREGASI, jabatan={"staf": STAF})
    _, problems = validate(root)
    found = {(Path(p.path).name, p.line, p.rule) for p in problems if p.level == "error"}
    assert found == {("variabel.yaml", 4, "schema"), ("staf.yaml", 10, "unknown-variable")}
    schema = next(p for p in problems if p.rule == "schema")
    assert schema.message == ("`variabel.1.agregasi` must be one of `jumlah`, `terakhir`, "
                              "`rata_rata`, `maksimum`, not `maximum`; did you mean `maksimum`?")
    unknown = next(p for p in problems if p.rule == "unknown-variable")
    assert unknown.message == "unknown variable `bb`; did you mean `b`?"


def test_the_partial_catalogue_reports_no_unused_variable(make_root: Callable[..., Path]) -> None:
    root = make_root(variabel=BAD_AGREGASI.replace(
        "agregasi: maximum}", "agregasi: maximum}\n  - {id: c, uraian: C, agregasi: jumlah}"))
    _, problems = validate(root)
    assert "unused-variable" not in {p.rule for p in problems}
