"""The office rules in the reader's language: one place per position, a signatory that exists."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import DEFAULT_HEAD
from helpers import invoke
from typer.testing import CliRunner

from iki_cli import i18n
from iki_cli.checks import validate


def _position(pid: str, urutan: int) -> str:
    return (f"versi_skema: 1\nid: {pid}\njabatan: Staf {pid}\natasan: kepala\nurutan: {urutan}\n"
            "tugas: [Melayani]\nsasaran:\n  - id: layanan\n    uraian: Layanan\n"
            "    indikator:\n      - {id: jumlah, nama: Jumlah, rumus: a, satuan: orang}\n")


def test_a_repeated_urutan_names_the_first_and_a_free_number(make_root: Callable[..., Path]
                                                             ) -> None:
    head = DEFAULT_HEAD.replace("jabatan: Kepala Kantor\n", "jabatan: Kepala Kantor\nurutan: 1\n")
    root = make_root(jabatan={"kepala": head, "staf-a": _position("staf-a", 2),
                              "staf-b": _position("staf-b", 2), "staf-c": _position("staf-c", 4)})
    with i18n.using("id"):
        _, problems = validate(root)
    (p,) = [p for p in problems if p.rule == "urutan-duplicate"]
    # in file-name order staf-a keeps 2; 1, 2, 4 are taken, 3 is the lowest free number
    assert p.path.endswith("staf-b.yaml") and (p.line, p.column) == (5, 9)
    assert p.message.startswith("`urutan: 2` sudah dipakai jabatan `staf-a` (")
    assert "staf-a.yaml:5)" in p.message and "misalnya `urutan: 3` yang belum dipakai" in p.message


def test_an_unknown_signatory_in_indonesian(runner: CliRunner,
                                            make_root: Callable[..., Path]) -> None:
    root = make_root(organisasi="versi_skema: 1\nnama: Kantor Uji\npemda: Kabupaten Uji\n"
                                "penandatangan:\n  jabatan: kepal\n")
    r = invoke(runner, "validate", "-d", root, "--lang", "id")
    assert r.exit_code == 1, r.output
    assert ("organisasi.yaml:5:12: error [penandatangan] `penandatangan.jabatan` menyebut "
            "jabatan `kepal` yang tidak ada") in r.stdout
