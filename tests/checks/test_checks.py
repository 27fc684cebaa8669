"""Every rule of `iki validate`: a failing snippet at its (line, column), and a passing one.

Read like yamllint's rule tests: the snippet is the whole file it replaces in a
minimal valid office (see `make_root` in conftest.py), and the expectation is the
exact list of `(file, line, column, rule)` found. Line and column 0 mean "the
whole file" (a missing or misnamed file).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import DEFAULT_HEAD

from iki_cli.checks import CHECKS, validate
from iki_cli.checks.rules import FILE_RULES, all_rules
from iki_cli.definitions.yamlload import MAX_BYTES
from iki_cli.problems import Problem

Found = tuple[str, int, int, str]

HEAD = "jabatan/kepala.yaml"
STAF = "jabatan/staf.yaml"

STAF_YAML = """\
versi_skema: 1
id: staf
jabatan: Staf Pelayanan
atasan: kepala
tugas:
  - Melayani
sasaran:
  - id: layanan-tepat
    uraian: Layanan tepat waktu
    mendukung: kepala/layanan-meningkat
    indikator:
      - id: jumlah-tertangani
        nama: Jumlah yang tertangani
        rumus: a
        satuan: orang
"""


@dataclass
class Case:
    rule: str
    files: dict[str, Any]
    expected: list[Found] = field(default_factory=list)
    message: str | None = None
    id: str = ""


BAD: list[Case] = []
GOOD: list[Case] = []


def bad(rule: str, expected: list[Found], *, message: str | None = None, id: str = "",
        **files: Any) -> None:
    BAD.append(Case(rule, files, expected, message, id or rule))


def good(rule: str, *, id: str = "", **files: Any) -> None:
    GOOD.append(Case(rule, files, [], None, id or rule))


def relative(p: Problem, root: Path) -> str:
    try:
        return Path(p.path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return p.path


def found(root: Path) -> tuple[list[Found], list[Problem]]:
    _, problems = validate(root)
    return [(relative(p, root), p.line, p.column, p.rule) for p in problems], problems


# --- schema: types, required and unknown keys, version ----------------------------------------

bad("schema-version", [(HEAD, 1, 14, "schema-version")], message="must be 1", jabatan={
    "kepala": """\
        versi_skema: 2
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - {id: persentase-tertangani, nama: Persentase, rumus: a / b * 100, satuan: "%"}
        """})
good("schema-version", jabatan={
    "kepala": """\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - {id: persentase-tertangani, nama: Persentase, rumus: a / b * 100, satuan: "%"}
        """})

bad("missing-key", [("organisasi.yaml", 1, 1, "missing-key")], message="`versi_skema`",
    id="missing-key-versi-skema", organisasi="nama: Kantor Uji\npemda: Kabupaten Uji\n")
bad("missing-key", [(HEAD, 9, 9, "missing-key")], message="missing required key `rumus`",
    jabatan={"kepala": """\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - id: persentase-tertangani
                nama: Persentase yang tertangani
                satuan: "%"
        """})
good("missing-key", jabatan={"kepala": """\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - id: persentase-tertangani
                nama: Persentase yang tertangani
                rumus: a / b * 100
                satuan: "%"
        """})

bad("unknown-key", [(HEAD, 9, 9, "missing-key"), (HEAD, 11, 9, "unknown-key")],
    message="unknown key `rumuss`; did you mean `rumus`?", jabatan={"kepala": """\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - id: persentase-tertangani
                nama: Persentase yang tertangani
                rumuss: a / b * 100
                satuan: "%"
        """})
bad("unknown-key", [("organisasi.yaml", 4, 1, "unknown-key")], id="unknown-key-top-level",
    message="unknown key `singkatn`; did you mean `singkatan`?", organisasi="""\
        versi_skema: 1
        nama: Kantor Uji
        pemda: Kabupaten Uji
        singkatn: KU
        """)
good("unknown-key", organisasi="""\
        versi_skema: 1
        nama: Kantor Uji
        pemda: Kabupaten Uji
        singkatan: KU
        """)

bad("schema", [("variabel.yaml", 5, 15, "schema")], id="schema-enum",
    message="`variabel.1.agregasi`", variabel="""\
        versi_skema: 1
        variabel:
          - {id: a, uraian: Jumlah yang tertangani, agregasi: jumlah}
          - id: b
            agregasi: rata-rata
            uraian: Jumlah yang ada
        """)
bad("schema", [(HEAD, 3, 10, "schema")], id="schema-type", message="must be text, not `12`",
    jabatan={"kepala": """\
        versi_skema: 1
        id: kepala
        jabatan: 12
        tugas: [Memimpin]
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - {id: persentase-tertangani, nama: Persentase, rumus: a / b * 100, satuan: "%"}
        """})
bad("schema", [(HEAD, 4, 8, "schema"), (HEAD, 10, 18, "schema"), (HEAD, 11, 17, "schema")],
    id="schema-ranges", jabatan={"kepala": """\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: []
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - id: persentase-tertangani
                desimal: 9
                target: 80
                nama: Persentase
                rumus: a / b * 100
                satuan: "%"
        """})
bad("schema", [("organisasi.yaml", 1, 1, "schema")], id="schema-not-a-mapping",
    organisasi="- versi_skema: 1\n")
bad("schema", [("organisasi.yaml", 1, 1, "schema")], id="schema-empty-file", organisasi="")
good("schema", variabel="""\
        versi_skema: 1
        variabel:
          - {id: a, uraian: Jumlah yang tertangani, agregasi: jumlah}
          - {id: b, uraian: Jumlah yang ada, agregasi: rata_rata, satuan: orang}
        """)


# --- YAML rules inside a definitions file --------------------------------------------------------

bad("syntax", [("organisasi.yaml", 3, 6, "syntax")], organisasi="""\
        versi_skema: 1
        nama: [Kantor Uji
        pemda: Kabupaten Uji
        """)
good("syntax", organisasi="""\
        versi_skema: 1
        nama: "[Kantor Uji"
        pemda: Kabupaten Uji
        """)

bad("duplicate-key", [("organisasi.yaml", 4, 1, "duplicate-key")], message="line 2",
    organisasi="versi_skema: 1\nnama: A\npemda: Kabupaten Uji\nnama: B\n")
good("duplicate-key", organisasi="versi_skema: 1\nnama: A\npemda: Kabupaten Uji\nsingkatan: B\n")

bad("yaml-anchor", [("organisasi.yaml", 2, 7, "yaml-anchor")],
    organisasi="versi_skema: 1\nnama: &n Kantor Uji\npemda: Kabupaten Uji\n")
bad("yaml-alias", [("organisasi.yaml", 2, 7, "yaml-anchor"),
                   ("organisasi.yaml", 4, 12, "yaml-alias")],
    organisasi="versi_skema: 1\nnama: &n Kantor Uji\npemda: Kabupaten Uji\nsingkatan: *n\n")
good("yaml-alias", organisasi="versi_skema: 1\nnama: Kantor & Uji *\npemda: Kabupaten Uji\n")
bad("yaml-merge-key", [("organisasi.yaml", 5, 3, "yaml-merge-key")], organisasi="""\
        versi_skema: 1
        nama: Kantor Uji
        pemda: Kabupaten Uji
        capaian:
          <<: {negatif: selisih}
        """)
bad("yaml-tag", [("organisasi.yaml", 2, 7, "yaml-tag")],
    organisasi="versi_skema: 1\nnama: !!str 123\npemda: Kabupaten Uji\n")
good("yaml-tag", organisasi="versi_skema: 1\nnama: \"123\"\npemda: Kabupaten Uji\n")
bad("yaml-multi-document", [("organisasi.yaml", 4, 1, "yaml-multi-document")],
    organisasi="versi_skema: 1\nnama: Kantor Uji\npemda: Kabupaten Uji\n---\nnama: Lain\n")
good("yaml-multi-document",
     organisasi="---\nversi_skema: 1\nnama: Kantor Uji\npemda: Kabupaten Uji\n...\n")
bad("yaml-too-deep", [("organisasi.yaml", 4, 76, "yaml-too-deep")], organisasi=(
    "versi_skema: 1\nnama: Kantor Uji\npemda: Kabupaten Uji\n"
    "singkatan: " + "[" * 70 + "]" * 70 + "\n"))
bad("yaml-complex-key", [("organisasi.yaml", 4, 3, "yaml-complex-key")],
    organisasi="versi_skema: 1\nnama: Kantor Uji\npemda: Kabupaten Uji\n? [a, b]\n: 1\n")
bad("encoding", [("organisasi.yaml", 2, 14, "encoding")],
    organisasi="versi_skema: 1\nnama: Kantor – Uji\npemda: Kabupaten Uji\n".encode("cp1252"))
good("encoding", organisasi="\ufeffversi_skema: 1\nnama: Kantor – Uji\npemda: Kabupaten Uji\n")
bad("file-too-large", [("organisasi.yaml", 1, 1, "file-too-large")],
    organisasi=b"versi_skema: 1\nnama: A\npemda: B\n#" + b"x" * MAX_BYTES + b"\n")
bad("unreadable", [("jabatan/folder.yaml", 0, 0, "unreadable")],
    files={"jabatan/folder.yaml/.keep": ""})


# --- files ----------------------------------------------------------------------------------------

bad("missing-file", [("organisasi.yaml", 0, 0, "missing-file")], organisasi=None)
bad("missing-file", [("variabel.yaml", 0, 0, "missing-file")], id="missing-file-variabel",
    variabel=None)
bad("missing-file", [("jabatan", 0, 0, "missing-file")], id="missing-file-no-position",
    jabatan={"kepala": None})
good("missing-file")

bad("file-name", [("jabatan/kadis.yaml", 2, 5, "file-name")],
    message="rename the file to `kepala.yaml`",
    jabatan={"kepala": None, "kadis": DEFAULT_HEAD})
bad("file-name", [("jabatan/staf.yml", 0, 0, "file-name")], id="file-name-yml",
    message="rename this file to `staf.yaml`", files={"jabatan/staf.yml": STAF_YAML})
good("file-name", jabatan={"staf": STAF_YAML})


# --- ids ----------------------------------------------------------------------------------------

bad("bad-id", [("jabatan/Kepala_Kantor.yaml", 2, 5, "bad-id"),
               ("jabatan/Kepala_Kantor.yaml", 6, 9, "bad-id"),
               ("jabatan/Kepala_Kantor.yaml", 9, 13, "bad-id")],
    message="kebab-case", jabatan={"kepala": None, "Kepala_Kantor": """\
        versi_skema: 1
        id: Kepala_Kantor
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: Sasaran 1
            uraian: Meningkatnya layanan
            indikator:
              - id: persentase--tertangani
                nama: Persentase yang tertangani
                rumus: a / b * 100
                satuan: "%"
        """})
bad("bad-id", [("variabel.yaml", 5, 10, "bad-id"), ("variabel.yaml", 5, 10, "unused-variable"),
               ("variabel.yaml", 6, 10, "bad-id"), ("variabel.yaml", 6, 10, "unused-variable")],
    id="bad-id-variable", message="snake_case", variabel="""\
        versi_skema: 1
        variabel:
          - {id: a, uraian: Jumlah yang tertangani, agregasi: jumlah}
          - {id: b, uraian: Jumlah yang ada, agregasi: terakhir}
          - {id: Jumlah-Lansia, uraian: Jumlah lansia, agregasi: terakhir}
          - {id: lambda, uraian: Panjang gelombang, agregasi: terakhir}
        """)
bad("bad-id", [("jabatan/kepala.yaml", 6, 9, "bad-id")], id="bad-id-too-long",
    message="the limit is 64", jabatan={"kepala": f"""\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: {"sangat-" * 9}panjang
            uraian: Meningkatnya layanan
            indikator:
              - {{id: persentase, nama: Persentase, rumus: a / b * 100, satuan: "%"}}
        """})
good("bad-id", jabatan={"kepala": None, "kepala-kantor-2": """\
        versi_skema: 1
        id: kepala-kantor-2
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: sasaran-1
            uraian: Meningkatnya layanan
            indikator:
              - id: persentase-tertangani
                nama: Persentase yang tertangani
                rumus: a / b * 100
                satuan: "%"
        """}, variabel="""\
        versi_skema: 1
        variabel:
          - {id: a, uraian: Jumlah yang tertangani, agregasi: jumlah}
          - {id: b, uraian: Jumlah yang ada, agregasi: terakhir}
        """)

bad("duplicate-id", [("variabel.yaml", 5, 10, "duplicate-id")], message="line 3",
    id="duplicate-id-variable", variabel="""\
        versi_skema: 1
        variabel:
          - {id: a, uraian: Jumlah yang tertangani, agregasi: jumlah}
          - {id: b, uraian: Jumlah yang ada, agregasi: terakhir}
          - {id: a, uraian: Jumlah lain, agregasi: jumlah}
        """)
bad("duplicate-id", [(HEAD, 10, 9, "duplicate-id"), (HEAD, 13, 14, "duplicate-id")],
    id="duplicate-id-objective-and-indicator", jabatan={"kepala": """\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan
            uraian: Meningkatnya layanan
            indikator:
              - {id: persentase, nama: Persentase, rumus: a / b * 100, satuan: "%"}
          - id: layanan
            uraian: Meningkatnya layanan lagi
            indikator:
              - {id: persentase, nama: Persentase lagi, rumus: a / b * 100, satuan: "%"}
        """})
good("duplicate-id", jabatan={"kepala": """\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan
            uraian: Meningkatnya layanan
            indikator:
              - {id: persentase, nama: Persentase, rumus: a / b * 100, satuan: "%"}
          - id: layanan-lagi
            uraian: Meningkatnya layanan lagi
            indikator:
              - {id: persentase-lagi, nama: Persentase lagi, rumus: a / b * 100, satuan: "%"}
        """})


# --- the tree of positions ----------------------------------------------------------------------

def _position(pid: str, atasan: str | None, *, mendukung: str | None = None,
              rumus: str = "a") -> str:
    """A small position file; `atasan` on line 4 (or absent), `mendukung` on line 9."""
    lines = ["versi_skema: 1", f"id: {pid}", f"jabatan: Jabatan {pid}"]
    lines += [f"atasan: {atasan}"] if atasan else []
    lines += ["tugas: [Bekerja]", "sasaran:", f"  - id: sasaran-{pid}", "    uraian: Sasaran"]
    lines += [f"    mendukung: {mendukung}"] if mendukung else []
    lines += ["    indikator:",
              f"      - {{id: jumlah-{pid}, nama: Jumlah, rumus: {rumus}, satuan: orang}}"]
    return "\n".join(lines) + "\n"


bad("atasan", [(STAF, 4, 9, "atasan")], message="did you mean `kepala`?",
    jabatan={"staf": _position("staf", "kepla")})
bad("atasan", [(STAF, 4, 9, "atasan")], id="atasan-self", message="own `atasan`",
    jabatan={"staf": _position("staf", "staf")})
bad("atasan", [("jabatan/staf.yaml", 2, 5, "atasan")], id="atasan-two-heads",
    message="more than one head", jabatan={"staf": _position("staf", None)})
bad("atasan", [("jabatan/a.yaml", 1, 1, "atasan"), ("jabatan/a.yaml", 4, 9, "atasan-cycle"),
               ("jabatan/b.yaml", 4, 9, "atasan-cycle")],
    id="atasan-no-head", message="no position is the head",
    jabatan={"kepala": None, "a": _position("a", "b", rumus="a"),
             "b": _position("b", "a", rumus="b")})
good("atasan", jabatan={"staf": _position("staf", "kepala")})

bad("atasan-cycle", [("jabatan/x.yaml", 4, 9, "atasan-cycle"),
                     ("jabatan/y.yaml", 4, 9, "atasan-cycle"),
                     ("jabatan/z.yaml", 4, 9, "atasan-cycle")],
    message="x → z → y → x", jabatan={
        "x": _position("x", "z"), "y": _position("y", "x"), "z": _position("z", "y")})
good("atasan-cycle", jabatan={
    "x": _position("x", "kepala"), "y": _position("y", "x"), "z": _position("z", "y")})

bad("mendukung", [(STAF, 9, 16, "mendukung")], id="mendukung-format",
    message="`<position-id>/<sasaran-id>`",
    jabatan={"staf": _position("staf", "kepala", mendukung="layanan-meningkat")})
bad("mendukung", [(STAF, 9, 16, "mendukung")], id="mendukung-unknown-position",
    message="did you mean `kepala`?",
    jabatan={"staf": _position("staf", "kepala", mendukung="kepal/layanan-meningkat")})
bad("mendukung", [(STAF, 9, 16, "mendukung")], id="mendukung-unknown-objective",
    message="did you mean `layanan-meningkat`?",
    jabatan={"staf": _position("staf", "kepala", mendukung="kepala/layanan-menigkat")})
bad("mendukung", [("jabatan/staf-b.yaml", 9, 16, "mendukung")], id="mendukung-sibling",
    message="not a superior", jabatan={
        "staf-a": _position("staf-a", "kepala"),
        "staf-b": _position("staf-b", "kepala", mendukung="staf-a/sasaran-staf-a")})
good("mendukung", id="mendukung-grandparent", jabatan={
    "staf-a": _position("staf-a", "kepala"),
    "staf-b": _position("staf-b", "staf-a", mendukung="kepala/layanan-meningkat")})


# --- formulas -----------------------------------------------------------------------------------

def _head(rumus_line: str, nama: str = "Rasio yang tertangani") -> str:
    """The head position with one indicator; its `rumus` is on line 11."""
    return f"""\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - id: rasio-tertangani
                nama: {nama}
                {rumus_line}
                satuan: rasio
        """


# `        rumus: ` is 15 characters: the formula starts in column 16.
bad("formula-syntax", [(HEAD, 11, 18, "formula-syntax")], message="`**`",
    jabatan={"kepala": _head("rumus: a ** b")})
bad("formula-syntax", [(HEAD, 11, 21, "formula-syntax")], id="formula-syntax-double-quoted",
    message="only min, max and abs", jabatan={"kepala": _head('rumus: "a / round(b)"')})
bad("formula-syntax", [(HEAD, 11, 22, "formula-syntax")], id="formula-syntax-single-quoted",
    message="attribute", jabatan={"kepala": _head("rumus: 'a / b.c'")})
bad("formula-syntax", [(HEAD, 11, 22, "formula-syntax")], id="formula-syntax-unclosed",
    message="`)`", jabatan={"kepala": _head("rumus: (a / b")})
good("formula-syntax", jabatan={"kepala": _head('rumus: "min(a / b, 1)"')})

bad("unknown-variable", [(HEAD, 11, 20, "unknown-variable")],
    message="unknown variable `bb`; did you mean `b`?",
    jabatan={"kepala": _head("rumus: a / bb"), "staf": _position("staf", "kepala", rumus="b")})
bad("unknown-variable", [(HEAD, 11, 21, "unknown-variable")], id="unknown-variable-quoted",
    message="unknown variable `zzz`", jabatan={"kepala": _head('rumus: "a / zzz + b"')})
good("unknown-variable", jabatan={"kepala": _head("rumus: a / b")})

bad("unused-variable", [("variabel.yaml", 5, 10, "unused-variable")],
    message="`c` is not used", variabel="""\
        versi_skema: 1
        variabel:
          - {id: a, uraian: Jumlah yang tertangani, agregasi: jumlah}
          - {id: b, uraian: Jumlah yang ada, agregasi: terakhir}
          - {id: c, uraian: Jumlah lain, agregasi: jumlah}
        """)
good("unused-variable", id="unused-variable-used-elsewhere", variabel="""\
        versi_skema: 1
        variabel:
          - {id: a, uraian: Jumlah yang tertangani, agregasi: jumlah}
          - {id: b, uraian: Jumlah yang ada, agregasi: terakhir}
          - {id: c, uraian: Jumlah lain, agregasi: jumlah}
        """, jabatan={"staf": _position("staf", "kepala", rumus="c")})

bad("name-percent", [(HEAD, 11, 16, "name-percent")], message="Persentase",
    jabatan={"kepala": _head("rumus: a / b", nama="Persentase yang tertangani")})
good("name-percent", jabatan={"kepala": _head("rumus: min(a / b * 100, 100)",
                                              nama="Persentase yang tertangani")})
bad("name-count", [(HEAD, 11, 16, "name-count")], message="Jumlah",
    jabatan={"kepala": _head("rumus: a / b * 100", nama="Jumlah yang tertangani")})
good("name-count", jabatan={"kepala": _head("rumus: a / b * 100",
                                            nama="Persentase yang tertangani")})
bad("inverted-fraction", [(HEAD, 12, 16, "inverted-fraction")], message="upside down",
    variabel="""\
        versi_skema: 1
        variabel:
          - {id: a, uraian: Jumlah pengaduan, agregasi: jumlah}
          - {id: b, uraian: Jumlah pengaduan yang terselesaikan, agregasi: jumlah}
        """)
good("inverted-fraction", variabel="""\
        versi_skema: 1
        variabel:
          - {id: a, uraian: Jumlah pengaduan yang terselesaikan, agregasi: jumlah}
          - {id: b, uraian: Jumlah pengaduan, agregasi: jumlah}
        """)


# --- thresholds, periods, examples --------------------------------------------------------------

bad("thresholds", [("organisasi.yaml", 6, 19, "thresholds")], message="previous one (51)",
    organisasi="""\
        versi_skema: 1
        nama: Kantor Uji
        pemda: Kabupaten Uji
        predikat:
          - {batas_bawah: 51, label: Baik}
          - {batas_bawah: 51, label: Sangat Baik}
        """)
bad("thresholds", [("organisasi.yaml", 6, 15, "thresholds")], id="thresholds-capaian",
    message="batas_atas", organisasi="""\
        versi_skema: 1
        nama: Kantor Uji
        pemda: Kabupaten Uji
        capaian:
          batas_bawah: 0
          batas_atas: 0
        """)
bad("thresholds", [(HEAD, 15, 27, "thresholds")], id="thresholds-kategori",
    message="kategori", jabatan={"kepala": """\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - id: indeks-kepuasan
                nama: Indeks kepuasan
                rumus: a / b * 100
                satuan: indeks
                kategori:
                  - {batas_bawah: 90, label: Sangat Baik}
                  - {batas_bawah: 25, label: Kurang}
        """})
good("thresholds", organisasi="""\
        versi_skema: 1
        nama: Kantor Uji
        pemda: Kabupaten Uji
        capaian: {batas_bawah: 0, batas_atas: 120}
        predikat:
          - {batas_bawah: 0, label: Kurang}
          - {batas_bawah: 60.5, label: Baik}
        """)


def _head_target(target_lines: str) -> str:
    """The head position; its `target:` mapping starts on line 13."""
    return """\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - id: persentase-tertangani
                nama: Persentase yang tertangani
                rumus: a / b * 100
                satuan: "%"
                target:
""" + "".join(f"                  {line}\n" for line in target_lines.splitlines())


bad("bad-period", [(HEAD, 14, 11, "bad-period"), (HEAD, 15, 11, "bad-period")],
    message="is not a period", jabatan={"kepala": _head_target("2026-T1: 20\n26: 80")})
bad("bad-period", [(HEAD, 15, 11, "bad-period")], id="bad-period-same-period-twice",
    message="same period as `2026-TW1`",
    jabatan={"kepala": _head_target("2026-TW1: 20\n2026-Q1: 25")})
good("bad-period", jabatan={"kepala": _head_target(
    "2026: 80\n'2027': 85\n2026-S1: 40\n2026-TW4: 80\n2026-12: 80")})


def _head_contoh(contoh_lines: str) -> str:
    """The head position with `rumus: a / b * 100`; its `contoh:` items start on line 14."""
    return """\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - id: persentase-tertangani
                nama: Persentase yang tertangani
                rumus: a / b * 100
                satuan: "%"
                contoh:
""" + "".join(f"                  {line}\n" for line in contoh_lines.splitlines())


bad("contoh", [(HEAD, 15, 20, "contoh")], message="example gives 25, not 20",
    jabatan={"kepala": _head_contoh("- nilai: {a: 1, b: 4}\n  hasil: 20")})
bad("contoh", [(HEAD, 14, 20, "contoh")], id="contoh-missing-variable",
    message="example lacks `b`", jabatan={"kepala": _head_contoh("- nilai: {a: 1}\n  hasil: 20")})
bad("contoh", [(HEAD, 14, 20, "contoh")], id="contoh-extra-variable",
    message="does not use: `c`",
    jabatan={"kepala": _head_contoh("- nilai: {a: 1, b: 4, c: 9}\n  hasil: 25")})
bad("contoh", [(HEAD, 14, 13, "contoh")], id="contoh-division-by-zero",
    message="division by zero",
    jabatan={"kepala": _head_contoh("- nilai: {a: 1, b: 0}\n  hasil: 0")})
good("contoh", jabatan={"kepala": _head_contoh(
    "- nilai: {a: 1, b: 4}\n  hasil: 25\n- nilai: {a: 1, b: 3}\n  hasil: 33.333333333333336")})


# --- the office: urutan, penandatangan ---------------------------------------------------------

STAF_URUTAN = STAF_YAML.replace("atasan: kepala\n", "atasan: kepala\nurutan: 1\n")
HEAD_URUTAN = DEFAULT_HEAD.replace("jabatan: Kepala Kantor\n",
                                   "jabatan: Kepala Kantor\nurutan: 1\n")

bad("urutan-duplicate", [(STAF, 5, 9, "urutan-duplicate")],
    message="`urutan: 1` is already the place of position `kepala` (",
    jabatan={"kepala": HEAD_URUTAN, "staf": STAF_URUTAN})
bad("urutan-duplicate", [(STAF, 5, 9, "urutan-duplicate")], id="urutan-duplicate-suggests",
    message="e.g. `urutan: 2`, which no position uses",
    jabatan={"kepala": HEAD_URUTAN, "staf": STAF_URUTAN})
good("urutan-duplicate", jabatan={"kepala": HEAD_URUTAN,
                                  "staf": STAF_URUTAN.replace("urutan: 1", "urutan: 2")})

ORGANISASI_PENANDATANGAN = """\
versi_skema: 1
nama: Kantor Uji
pemda: Kabupaten Uji
penandatangan:
  jabatan: {jabatan}
  nama: Dra. Siti Aminah
  nip: "197001011990032001"
  pangkat: Pembina Utama Muda (IV/c)
tempat: Uji
"""

bad("penandatangan", [("organisasi.yaml", 5, 12, "penandatangan")],
    message="names unknown position `kepal`; did you mean `kepala`?",
    organisasi=ORGANISASI_PENANDATANGAN.format(jabatan="kepal"))
good("penandatangan", organisasi=ORGANISASI_PENANDATANGAN.format(jabatan="kepala"))


# --- plausibility: rentang and aturan -------------------------------------------------------------

_PLAUSIBLE = """\
        versi_skema: 1
        variabel:
          - {id: a, uraian: Jumlah yang tertangani, agregasi: jumlah, rentang: {min: 0}}
          - id: b
            uraian: Jumlah yang ada
            agregasi: terakhir
            rentang: {min: 0, max: 1000000}
        aturan:
          - id: tertangani-tidak-melebihi-ada
            syarat: a <= b
            pesan: Yang tertangani tidak mungkin lebih banyak dari yang ada
        """
good("rentang", variabel=_PLAUSIBLE)
good("aturan-id", variabel=_PLAUSIBLE)
good("aturan-syarat", variabel=_PLAUSIBLE)
bad("rentang", [("variabel.yaml", 7, 30, "rentang")], message="`min` 100 is greater than `max` 25",
    variabel=_PLAUSIBLE.replace("{min: 0, max: 1000000}", "{min: 100, max: 25}"))
bad("rentang", [("variabel.yaml", 7, 14, "rentang")], id="rentang-empty",
    message="names neither `min` nor `max`",
    variabel=_PLAUSIBLE.replace("{min: 0, max: 1000000}", "{}"))
bad("aturan-id", [("variabel.yaml", 12, 9, "aturan-id")], message="already defined on line 9",
    variabel=_PLAUSIBLE.rstrip(" ") + """\
          - id: tertangani-tidak-melebihi-ada
            syarat: a >= 0
            pesan: Tidak negatif
        """)
bad("aturan-id", [("variabel.yaml", 9, 9, "aturan-id")], id="aturan-id-kebab",
    message="must be kebab-case",
    variabel=_PLAUSIBLE.replace("id: tertangani-tidak-melebihi-ada", "id: Tertangani_Ada"))
bad("aturan-syarat", [("variabel.yaml", 10, 18, "aturan-syarat")],
    message="unknown variable `bb`; did you mean `b`?",
    variabel=_PLAUSIBLE.replace("syarat: a <= b", "syarat: a <= bb"))
bad("aturan-syarat", [("variabel.yaml", 10, 20, "aturan-syarat")], id="aturan-syarat-two",
    message="exactly one comparison",
    variabel=_PLAUSIBLE.replace("syarat: a <= b", "syarat: 0 <= a <= b"))
bad("aturan-syarat", [("variabel.yaml", 10, 18, "aturan-syarat")], id="aturan-syarat-none",
    message="compares two formulas",
    variabel=_PLAUSIBLE.replace("syarat: a <= b", "syarat: a / b"))
bad("aturan-syarat", [("variabel.yaml", 10, 15, "aturan-syarat")], id="aturan-syarat-power",
    message="power `**` is not allowed",
    variabel=_PLAUSIBLE.replace("syarat: a <= b", "syarat: a ** 2 <= b"))


# --- the plan: Renstra years, baselines -----------------------------------------------------------

PLAN = "versi_skema: 1\nnama: Kantor Uji\npemda: Kabupaten Uji\nrenstra:\n  awal: {}\n  akhir: {}\n"


def _head_baseline(line: str) -> str:
    """The head position with `kondisi_awal:` on line 13."""
    return """\
        versi_skema: 1
        id: kepala
        jabatan: Kepala Kantor
        tugas: [Memimpin]
        sasaran:
          - id: layanan-meningkat
            uraian: Meningkatnya layanan
            indikator:
              - id: persentase-tertangani
                nama: Persentase yang tertangani
                rumus: a / b * 100
                satuan: "%"
""" + f"                kondisi_awal: {line}\n"


bad("renstra-years", [("organisasi.yaml", 6, 10, "renstra-years")],
    message="`renstra.akhir` (2025) is before `renstra.awal` (2029)",
    organisasi=PLAN.format(2029, 2025))
good("renstra-years", organisasi=PLAN.format(2025, 2029))
bad("kondisi-awal-year", [(HEAD, 13, 31, "kondisi-awal-year")],
    message="year 2019 is outside the Renstra 2025–2029; give a year from 2024",
    organisasi=PLAN.format(2025, 2029),
    jabatan={"kepala": _head_baseline("{tahun: 2019, nilai: 61}")})
bad("kondisi-awal-year", [(HEAD, 13, 31, "kondisi-awal-year")], id="kondisi-awal-after-plan",
    organisasi=PLAN.format(2025, 2029),
    jabatan={"kepala": _head_baseline("{tahun: 2030, nilai: 61}")})
good("kondisi-awal-year", organisasi=PLAN.format(2025, 2029),
     jabatan={"kepala": _head_baseline("{tahun: 2024, nilai: 61}")})
good("kondisi-awal-year", id="kondisi-awal-without-renstra",
     jabatan={"kepala": _head_baseline("{tahun: 1990, nilai: 61}")})
bad("schema", [("organisasi.yaml", 5, 9, "schema")], id="renstra-year-out-of-range",
    organisasi=PLAN.format(25, 2029))


# --- the tests ----------------------------------------------------------------------------------

# --- hostile input: what a careless or hostile file holds -------------------------------------

bad("target-not-positive", [(HEAD, 14, 17, "target-not-positive"),
                            (HEAD, 15, 17, "target-not-positive")],
    message="no achievement is computed against a negative target",
    jabatan={"kepala": _head_target("2026: -5\n2027: 0")})
good("target-not-positive", jabatan={"kepala": _head_target("2026: 80").replace(
    'satuan: "%"', 'satuan: "%"\n                polaritas: negatif').replace("80", "0")})
bad("thresholds", [("organisasi.yaml", 6, 30, "thresholds")], id="thresholds-same-label",
    message="the label `baik` is already used on line 5", organisasi="""\
        versi_skema: 1
        nama: Kantor Uji
        pemda: Kabupaten Uji
        predikat:
          - {batas_bawah: 0, label: Baik}
          - {batas_bawah: 50, label: baik}
        """)
for word in ("match", "case", "type"):
    bad("bad-id", [(HEAD, 12, 20, "formula-syntax"), ("variabel.yaml", 6, 9, "bad-id")],
        id=f"bad-id-soft-keyword-{word}", message=f"`{word}` is a reserved word",
        variabel=f"""\
            versi_skema: 1
            variabel:
              - id: a
                uraian: A
                agregasi: jumlah
              - id: {word}
                uraian: B
                agregasi: terakhir
            """, jabatan={"kepala": DEFAULT_HEAD.replace("a / b * 100", f"a / {word} * 100")
                          .replace("{a: 3, b: 4}", f"{{a: 3, {word}: 4}}")})
for name in ("staf.YAML", "staf.Yaml", "staf.yaml.txt", "staf.yaml ", "staf.yml.TXT"):
    bad("file-name", [(f"jabatan/{name}", 0, 0, "file-name")],
        id=f"file-name-{name.replace(' ', 'space').replace('.', '-')}",
        message="rename this file to `staf.yaml`", files={f"jabatan/{name}": STAF_YAML})
bad("stray-file", [("jabatan/README.md", 0, 0, "stray-file"),
                   ("jabatan/arsip", 0, 0, "stray-file")],
    message="not a position file", files={"jabatan/README.md": "# Jabatan\n",
                                          "jabatan/arsip/lama.yaml": STAF_YAML})
bad("stray-file", [("jabatan/.staf.yaml.swp", 0, 0, "stray-file"),
                   ("jabatan/staf.yaml~", 0, 0, "stray-file")], id="stray-file-backups",
    message="an editor's backup", files={"jabatan/.staf.yaml.swp": b"\x00vim",
                                         "jabatan/staf.yaml~": STAF_YAML})
good("stray-file", files={"jabatan/.gitkeep": "", "jabatan/.DS_Store": b"\x00\x01"})
bad("control-character", [("organisasi.yaml", 2, 7, "control-character")],
    message="control character U+001B", organisasi="""\
        versi_skema: 1
        nama: "Kantor \\x1b]0;pwned\\x07Uji"
        pemda: Kabupaten Uji
        """)
bad("control-character", [(HEAD, 3, 17, "control-character")], id="control-character-bidi",
    message="U+202E", jabatan={"kepala": DEFAULT_HEAD.replace(
        "jabatan: Kepala Kantor", "jabatan: Kepala \u202eKantor")})
bad("control-character", [("organisasi.yaml", 4, 1, "control-character"),
                          ("organisasi.yaml", 4, 1, "unknown-key")],
    id="control-character-in-a-key", message="U+001B", organisasi="""\
        versi_skema: 1
        nama: Kantor Uji
        pemda: Kabupaten Uji
        "\\x1b[2J": x
        """)
good("control-character", organisasi="""\
        versi_skema: 1
        nama: "Kantor\\tUji"
        pemda: "Kabupaten\\nUji"
        """)
bad("yaml-tag", [("organisasi.yaml", 2, 7, "yaml-tag")], id="yaml-tag-non-specific",
    message="the tag `!` is not allowed", organisasi="""\
        versi_skema: 1
        nama: ! Kantor Uji
        pemda: Kabupaten Uji
        """)
for value in ("true", "1.0", "'1'"):
    bad("schema-version", [("organisasi.yaml", 1, 14, "schema-version")],
        id=f"schema-version-{value}", organisasi=f"""\
            versi_skema: {value}
            nama: Kantor Uji
            pemda: Kabupaten Uji
            """)
for value in ('""', '"   "', "' '"):
    bad("schema", [(HEAD, 3, 10, "schema")], id=f"schema-blank-jabatan-{value}",
        message="`jabatan` is empty; write the text",
        jabatan={"kepala": DEFAULT_HEAD.replace("jabatan: Kepala Kantor", f"jabatan: {value}")})


@pytest.mark.parametrize("case", BAD, ids=[c.id for c in BAD])
def test_failing_case(case: Case, make_root: Callable[..., Path]) -> None:
    root = make_root(**case.files)
    got, problems = found(root)
    assert got == case.expected, "\n".join(f"{p.location()}: [{p.rule}] {p.message}"
                                           for p in problems)
    if case.message:
        messages = [p.message for p in problems if p.rule == case.rule]
        assert any(case.message in m for m in messages), messages


@pytest.mark.parametrize("case", GOOD, ids=[c.id for c in GOOD])
def test_passing_case(case: Case, make_root: Callable[..., Path]) -> None:
    root = make_root(**case.files)
    got, _ = found(root)
    assert got == []


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    every = set(CHECKS) | set(FILE_RULES)
    assert every == set(all_rules())
    assert every - {c.rule for c in BAD} == set()
    # A file that cannot be read at all has no "passing" variant beyond a normal file.
    no_good_variant = {"yaml-anchor", "yaml-merge-key", "yaml-too-deep", "yaml-complex-key",
                       "file-too-large", "unreadable"}
    assert every - {c.rule for c in GOOD} == no_good_variant


def test_levels_match_the_catalogue(make_root: Callable[..., Path]) -> None:
    root = make_root(variabel="""\
        versi_skema: 1
        variabel:
          - {id: a, uraian: A, agregasi: jumlah}
          - {id: b, uraian: B, agregasi: terakhir}
          - {id: c, uraian: C, agregasi: jumlah}
        """, jabatan={"kepala": _head("rumus: a / b", nama="Persentase"),
                      "staf": _position("staf", "kepala", rumus="a / b")})
    _, problems = validate(root)
    catalogue = all_rules()
    assert {p.rule for p in problems} == {"unused-variable", "name-percent", "name-count"}
    for p in problems:
        assert p.level == catalogue[p.rule][0] == "warning"


def test_default_root_is_valid(make_root: Callable[..., Path]) -> None:
    defs, problems = validate(make_root())
    assert problems == []
    assert defs.files == 3
    assert list(defs.positions) == ["kepala"]


def test_one_broken_file_does_not_hide_the_others(make_root: Callable[..., Path]) -> None:
    root = make_root(
        organisasi="versi_skema: 1\nnama: &n Kantor\npemda: Kabupaten Uji\n",
        jabatan={
            "kepala": _head("rumus: a ** b"),
            "staf": _position("staf", "kepala", rumus="a + bb"),
            "rusak": "versi_skema: 1\nid: [rusak\n",
        },
    )
    got, _ = found(root)
    assert ("organisasi.yaml", 2, 7, "yaml-anchor") in got
    assert (HEAD, 11, 18, "formula-syntax") in got
    assert ("jabatan/rusak.yaml", 3, 1, "syntax") in got
    assert (STAF, 10, 52, "unknown-variable") in got
    # The catalogue's warnings hold back while a formula does not parse.
    assert not any(rule == "unused-variable" for *_, rule in got)


def test_problems_are_sorted_by_file_and_position(make_root: Callable[..., Path]) -> None:
    root = make_root(jabatan={"kepala": _head("rumus: a ** b"),
                              "staf": _position("staf", "kepla", rumus="zz")})
    _, problems = validate(root)
    keys = [(p.path, p.line, p.column) for p in problems]
    assert keys == sorted(keys)
    assert len(problems) == 3


def test_formula_never_runs_during_validation(make_root: Callable[..., Path],
                                               tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    root = make_root(jabatan={"kepala": _head(
        f"rumus: \"__import__('os').system('touch {marker}')\"")})
    got, _ = found(root)
    assert got == [(HEAD, 11, 17, "formula-syntax")]
    assert not marker.exists()
