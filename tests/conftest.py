"""Shared fixtures: a CLI runner with a fixed terminal, and a factory of definitions roots.

`make_root` writes a minimal *valid* office (one head position whose formula uses
every variable), so a test states only the snippet it is about:

    root = make_root(jabatan={"staf": STAF_YAML})          # adds a position
    root = make_root(variabel=VARIABEL_YAML)               # replaces variabel.yaml
    root = make_root(organisasi=None)                      # leaves the file out
    root = make_root(files={"jabatan/x.yml": "..."})       # any other file, verbatim
"""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

# rich reads the terminal width when a Console is created (at import of the CLI)
# and again on every print: fix both, before anything imports `iki_cli.cli`.
# Messages are English in the tests unless a test asks for Indonesian (`--lang id`,
# or IKI_LANG=id in its environment): the users' default, Indonesian, is tested as such.
TERMINAL_ENV = {"COLUMNS": "120", "NO_COLOR": "1", "IKI_LANG": "en"}
os.environ.update(TERMINAL_ENV)

from helpers import KANTOR_LAIN, SHIPPED  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

DEFAULT_ORGANISASI = """\
versi_skema: 1
nama: Kantor Uji
pemda: Kabupaten Uji
"""

DEFAULT_VARIABEL = """\
versi_skema: 1
variabel:
  - id: a
    uraian: Jumlah yang tertangani
    agregasi: jumlah
  - id: b
    uraian: Jumlah yang ada
    agregasi: terakhir
"""

DEFAULT_HEAD = """\
versi_skema: 1
id: kepala
jabatan: Kepala Kantor
tugas:
  - Memimpin kantor
sasaran:
  - id: layanan-meningkat
    uraian: Meningkatnya layanan
    indikator:
      - id: persentase-tertangani
        nama: Persentase yang tertangani
        rumus: a / b * 100
        satuan: "%"
        target:
          2026: 80
        contoh:
          - nilai: {a: 3, b: 4}
            hasil: 75
"""

_KEEP: Any = object()


def render(content: str | bytes | Mapping[str, Any]) -> bytes:
    """File bytes from a YAML string (dedented), raw bytes, or a mapping (dumped as YAML)."""
    if isinstance(content, bytes):
        return content
    if isinstance(content, str):
        return textwrap.dedent(content).encode("utf-8")
    return yaml.safe_dump(dict(content), sort_keys=False, allow_unicode=True).encode("utf-8")


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner with a fixed width and no colour, so output is stable."""
    return CliRunner(env=TERMINAL_ENV)


@pytest.fixture
def shipped() -> Path:
    """The shipped office (`definitions/`)."""
    return SHIPPED


@pytest.fixture
def kantor_lain() -> Path:
    """The second, differently shaped office of `tests/fixtures/kantor-lain/`."""
    return KANTOR_LAIN


@pytest.fixture
def make_root(tmp_path: Path) -> Callable[..., Path]:
    """A factory of definitions roots under `tmp_path`; see the module docstring.

    Keyword arguments:
      organisasi, variabel: file content (str, bytes or mapping); None leaves the
        file out; omitted keeps the minimal valid default.
      jabatan: {file stem or name: content or None}, merged over the default head
        `kepala` (give `"kepala": None` to drop it); a name without an extension
        gets `.yaml`.
      files: {relative path: content} written verbatim (e.g. a `.yml` file).
      name: the folder name (default `definitions`).
    """

    def make(*, organisasi: Any = _KEEP, variabel: Any = _KEEP,
             jabatan: Mapping[str, Any] | None = None,
             files: Mapping[str, Any] | None = None, name: str = "definitions") -> Path:
        root = tmp_path / name
        if root.exists():
            shutil.rmtree(root)  # a second call describes the whole root again
        (root / "jabatan").mkdir(parents=True)
        tops = {
            "organisasi.yaml": DEFAULT_ORGANISASI if organisasi is _KEEP else organisasi,
            "variabel.yaml": DEFAULT_VARIABEL if variabel is _KEEP else variabel,
        }
        positions: dict[str, Any] = {"kepala": DEFAULT_HEAD}
        positions.update(jabatan or {})
        for file_name, content in tops.items():
            if content is not None:
                (root / file_name).write_bytes(render(content))
        for stem, content in positions.items():
            if content is not None:
                file_name = stem if "." in stem else f"{stem}.yaml"
                (root / "jabatan" / file_name).write_bytes(render(content))
        for rel, content in (files or {}).items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(render(content))
        return root

    return make


@pytest.fixture
def terminal_80(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's console made anew for an 80-column terminal (rich reads the
    width once, when a console is made)."""
    from iki_cli.cli import console

    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(console.out, "_console", None)
