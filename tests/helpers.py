"""Shared test helpers: the project's folders, one CLI `invoke`, one `snapshot`, and a small
office built from Python data with its values and results.

A test states only what it is about: the indicator (formula, polarity,
targets), the values rows, and the expected numbers as arithmetic.

    root = make_office(tmp_path, [indicator("rasio", "sembuh / kasus * 100",
                                            target={"2026": 80})])
    r = result_of(root, "2026", rows("2026-TW1,kasus,10", "2026-TW1,sembuh,8"), "rasio")
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from iki_cli.checks import validate
from iki_cli.cli import app
from iki_cli.definitions.loading import Definitions
from iki_cli.evaluation.compute import compute
from iki_cli.evaluation.results import Report, Result
from iki_cli.formula import to_text
from iki_cli.periods import parse_period
from iki_cli.values.ingest import Values
from iki_cli.values.reading import read_values

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "definitions"
EXAMPLE = REPO / "examples" / "nilai-2026.csv"
FIXTURES = REPO / "tests" / "fixtures"
GOLDEN = REPO / "tests" / "golden"
# The second, differently shaped office: its definitions, and its year of values.
KANTOR_LAIN = FIXTURES / "kantor-lain" / "definitions"
KANTOR_LAIN_NILAI = FIXTURES / "kantor-lain" / "nilai-2026.csv"
# The small office of the golden report files, and its year of values.
LAPORAN_KECIL = FIXTURES / "laporan-kecil" / "definitions"
LAPORAN_KECIL_NILAI = FIXTURES / "laporan-kecil" / "nilai-2026.csv"


def invoke(runner: CliRunner, *args: Any, env: dict[str, str] | None = None) -> Any:
    """Run `iki ARGS`; whatever happens, never a traceback and no exception but an exit."""
    result = runner.invoke(app, [str(a) for a in args], env=env)
    assert "Traceback" not in result.output, result.output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result

# The test office's catalogue: id → agregasi. Flows are summed, stocks take the
# latest value, an index is a time average, a reading takes the maximum.
VARIABLES: dict[str, str] = {
    "kasus": "jumlah",
    "sembuh": "jumlah",
    "penduduk": "terakhir",
    "skor": "rata_rata",
    "suhu": "maksimum",
}

HEADER = "periode,variabel,nilai\n"


def indicator(id: str, rumus: str, *, polaritas: str = "positif",
              target: dict[str, float] | None = None, satuan: str = "%",
              **extra: Any) -> dict[str, Any]:
    """One indicator mapping for `make_office`."""
    ind: dict[str, Any] = {"id": id, "nama": f"Indikator {id}", "rumus": rumus,
                           "satuan": satuan, "polaritas": polaritas}
    if target:
        ind["target"] = dict(target)
    ind.update(extra)
    return ind


def make_office(folder: Path, indicators: list[dict[str, Any]], *,
                variables: dict[str, str] | None = None,
                organisasi: dict[str, Any] | None = None,
                name: str = "definitions") -> Path:
    """A valid definitions root under `folder` with one position holding `indicators`."""
    root = folder / name
    (root / "jabatan").mkdir(parents=True, exist_ok=True)
    org: dict[str, Any] = {"versi_skema": 1, "nama": "Kantor Uji", "pemda": "Kabupaten Uji"}
    org.update(organisasi or {})
    catalogue = {
        "versi_skema": 1,
        "variabel": [{"id": v, "uraian": f"Jumlah {v}", "satuan": "orang", "agregasi": a,
                      "sumber_data": "Buku register"}
                     for v, a in (variables or VARIABLES).items()],
    }
    position = {
        "versi_skema": 1, "id": "kepala", "jabatan": "Kepala Kantor",
        "tugas": ["Memimpin kantor"],
        "sasaran": [{"id": "layanan", "uraian": "Meningkatnya layanan",
                     "indikator": indicators}],
    }
    for path, data in ((root / "organisasi.yaml", org), (root / "variabel.yaml", catalogue),
                       (root / "jabatan" / "kepala.yaml", position)):
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
    return root


def load(root: Path) -> Definitions:
    """Validated definitions; fails the test when they have errors."""
    defs, problems = validate(root)
    errors = [p for p in problems if p.level == "error"]
    assert not errors, errors
    return defs


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """A values file with exactly `text` (no newline translation) in `encoding`."""
    path.write_bytes(text.encode(encoding))
    return path


def read(defs: Definitions, files: Iterable[Path], **options: Any) -> Values:
    return read_values(list(files), defs.variables, **options)


def report_of(root: Path, period: str, rows: str, **options: Any) -> Report:
    """Compute `period` for the office at `root` from the CSV text `rows`."""
    defs = load(root)
    values_path = write(root.parent / "nilai.csv", rows)
    return compute(defs, read(defs, [values_path], **options), parse_period(period))


def result_of(root: Path, period: str, rows: str, indikator: str, **options: Any) -> Result:
    """The result of one indicator (see `report_of`)."""
    return by_id(report_of(root, period, rows, **options), indikator)


def by_id(report: Report, indikator: str) -> Result:
    found = [r for r in report.hasil if r.indikator == indikator]
    assert len(found) == 1, [r.indikator for r in report.hasil]
    return found[0]


def rows(*lines: str) -> str:
    """Values CSV text (comma-delimited, English notation) from `periode,variabel,nilai` lines."""
    return HEADER + "".join(f"{line}\n" for line in lines)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (names relative) with its bytes, hidden files included."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def codes(result: Result) -> list[tuple[str, dict[str, Any]]]:
    """A result's messages as (code, parameters); a divisor is written as formula text."""
    out = []
    for p in result.pesan:
        args = dict(p.args)
        if args.get("divisor") is not None:
            args["divisor"] = to_text(args["divisor"])
        out.append((p.kode, args))
    return out


def laporan_kecil_2026() -> tuple[Report, Definitions]:
    """The small office's report of 2026 (the golden files' figures) and its definitions."""
    defs = load(LAPORAN_KECIL)
    return compute(defs, read(defs, [LAPORAN_KECIL_NILAI]), parse_period("2026")), defs


# Git that reads no global or system configuration, with a fixed identity.
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@example.invalid",
    "GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@example.invalid",
}


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` (with GIT_ENV set by the test), failing the test on an error."""
    proc = subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=repo,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def commit(repo: Path, message: str = "change") -> None:
    """Commit everything in the working tree."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)


def make_repo(base: Path, folder: str = "definitions",
              source: Path = KANTOR_LAIN) -> tuple[Path, Path]:
    """A git repository with `source` committed at `folder`; returns (repo, definitions)."""
    repo = base / "repo"
    defs = repo / folder
    shutil.copytree(source, defs)
    git(repo, "-c", "init.defaultBranch=main", "init", "-q")
    commit(repo, "definitions")
    return repo, defs


def edit(file: Path, old: str, new: str) -> None:
    """Replace one exact piece of text in a file (it must occur exactly once)."""
    text = file.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
    file.write_text(text.replace(old, new, 1), "utf-8")
