"""Benchmark `iki` against the cost of merely reading its input. Targets: docs/performance.md.

Generates a synthetic office into a temporary folder — N positions in a tree
(each with up to 5 subordinates), 2 objectives x 2 indicators over 4 variables
of its own per position, and monthly values for Y years in Indonesian notation
— checks that it validates clean, then measures (wall time, median of R runs,
each a fresh subprocess):

    iki validate              vs  loading every YAML file with yaml.CSafeLoader
    iki compute -f json,csv   vs  the same plus one csv.reader pass converting numbers
    iki compute (default -f)  vs  the same baseline
    iki diff -p (impact)      vs  iki compute -f json of the same data
    iki --version             vs  python -c "import typer"
    peak RSS of iki compute

and prints the ratios against the targets (docs/performance.md). With --scaling it also
runs N = 250 / 1000 / 4000 and prints the time per position.

    python bench/run.py [--positions N] [--years Y] [--repeat R] [--scaling] [--check]

Only the standard library and the installed `iki` are used. Exit 0, unless
--check is given and a target is missed (exit 1).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

TARGETS = {"validate": 2.5, "compute": 2.5, "startup": 2.0, "rss_mb": 300.0, "impact": 2.5}
CHILDREN = 5
AGREGASI = ("jumlah", "terakhir", "rata_rata", "maksimum")

# ---------------------------------------------------------------------------
# The synthetic office
# ---------------------------------------------------------------------------


def position_id(i: int) -> str:
    return f"jabatan-{i:05d}"


def var_ids(i: int) -> tuple[str, str, str, str]:
    """The four variables of position `i`: a flow, a stock, an average and a peak."""
    stem = f"j{i}"
    return (f"{stem}_selesai", f"{stem}_sasaran", f"{stem}_skor", f"{stem}_puncak")


def superior(i: int) -> int | None:
    return None if i == 0 else (i - 1) // CHILDREN


def id_number(value: float, decimals: int) -> str:
    """A number in Indonesian notation: `.` for thousands, decimal comma."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _indicators(i: int) -> list[list[dict[str, object]]]:
    """Two objectives of two indicators each, with formulas, polarity and a worked example."""
    sel, sas, skor, pun = var_ids(i)
    return [
        [
            {"id": "persentase-selesai", "nama": "Persentase layanan yang diselesaikan",
             "rumus": f"{sel} / {sas} * 100", "satuan": '"%"', "polaritas": "positif",
             "nilai": {sel: 30, sas: 40}, "hasil": 75, "quarterly": True},
            {"id": "indeks-kepuasan", "nama": "Indeks kepuasan layanan",
             "rumus": skor, "satuan": "indeks", "polaritas": "positif",
             "nilai": {skor: 81.25}, "hasil": 81.25, "kategori": True},
        ],
        [
            {"id": "persentase-simpangan", "nama": "Persentase simpangan puncak terhadap skor",
             "rumus": f"abs({pun} - {skor}) / {skor} * 100", "satuan": '"%"',
             "polaritas": "negatif", "nilai": {pun: 90, skor: 80}, "hasil": 12.5},
            {"id": "jumlah-beban", "nama": "Jumlah beban layanan",
             "rumus": f"max({sel} - {pun}, 0) + {sas} / 10", "satuan": "layanan",
             "polaritas": "negatif", "nilai": {sel: 120, pun: 20, sas: 50}, "hasil": 105},
        ],
    ]


def position_yaml(i: int, years: list[int]) -> str:
    """One `jabatan/<id>.yaml`, in the block style people write."""
    boss = superior(i)
    lines = ["versi_skema: 1", f"id: {position_id(i)}",
             f"jabatan: Pejabat Pelaksana Layanan {i}"]
    if boss is not None:
        lines.append(f"atasan: {position_id(boss)}")
    lines += ["tugas:",
              f"  - Melaksanakan layanan unit {i} sesuai standar pelayanan.",
              "  - Menyusun laporan kinerja unit secara berkala.",
              "fungsi:",
              "  - Pelaksanaan layanan;",
              "  - Pelaporan kinerja.",
              "sasaran:"]
    for s, indicators in enumerate(_indicators(i), start=1):
        lines += [f"  - id: sasaran-{s}",
                  f"    uraian: Meningkatnya kinerja layanan {s} unit {i}"]
        if boss is not None:
            lines.append(f"    mendukung: {position_id(boss)}/sasaran-{s}")
        lines.append("    indikator:")
        for ind in indicators:
            lines += [f"      - id: {ind['id']}",
                      f"        nama: {ind['nama']}",
                      f"        rumus: {ind['rumus']}",
                      f"        satuan: {ind['satuan']}",
                      f"        polaritas: {ind['polaritas']}",
                      "        sumber_data: Aplikasi pelaporan unit",
                      "        target:"]
            for y in years:
                lines.append(f"          {y}: {70 + (i + y) % 20}")
            if ind.get("quarterly"):
                for q in range(1, 5):
                    lines.append(f"          {years[-1]}-TW{q}: {60 + 5 * q}")
            if ind.get("kategori"):
                lines += ["        kategori:",
                          "          - {batas_bawah: 0, label: Kurang}",
                          "          - {batas_bawah: 60, label: Baik}",
                          "          - {batas_bawah: 80, label: Sangat Baik}"]
            nilai = ", ".join(f"{k}: {v}" for k, v in ind["nilai"].items())  # type: ignore
            lines += ["        contoh:",
                      f"          - nilai: {{{nilai}}}",
                      f"            hasil: {ind['hasil']}"]
    return "\n".join(lines) + "\n"


def generate(root: Path, positions: int, years: int) -> tuple[Path, Path, int]:
    """Write the definitions and the values CSV; returns (definitions, values, last year)."""
    last = 2026
    year_list = list(range(last - years + 1, last + 1))
    defs = root / "definitions"
    (defs / "jabatan").mkdir(parents=True)
    (defs / "organisasi.yaml").write_text(
        "versi_skema: 1\nnama: Dinas Sintetis Kabupaten Contoh\nsingkatan: DSKC\n"
        "pemda: Kabupaten Contoh\ncapaian:\n  negatif: selisih\n  batas_bawah: 0\n"
        "  batas_atas: 120\n", encoding="utf-8")
    # Compact flow style keeps variabel.yaml under the 1 MB limit of a definitions file
    # up to N = 4000 (16,000 variables; in block style it would be about 2 MB).
    var_lines = ["versi_skema: 1", "variabel:"]
    for i in range(positions):
        for var, agg, what in zip(var_ids(i), AGREGASI, ("Selesai", "Sasaran", "Skor", "Puncak"),
                                  strict=True):
            var_lines.append(f"  - {{id: {var}, uraian: {what}, agregasi: {agg}}}")
    (defs / "variabel.yaml").write_text("\n".join(var_lines) + "\n", encoding="utf-8")
    for i in range(positions):
        (defs / "jabatan" / f"{position_id(i)}.yaml").write_text(
            position_yaml(i, year_list), encoding="utf-8")

    rng = random.Random(20260101)
    values = root / "nilai.csv"
    with values.open("w", encoding="utf-8", newline="") as fh:
        fh.write("periode;variabel;nilai;keterangan\n")
        for i in range(positions):
            sel, sas, skor, pun = var_ids(i)
            for y in year_list:
                for m in range(1, 13):
                    period = f"{y}-{m:02d}"
                    fh.write(f"{period};{sel};{id_number(rng.randint(50, 2500), 0)};\n")
                    fh.write(f"{period};{sas};{id_number(rng.randint(1000, 40000), 0)};\n")
                    fh.write(f"{period};{skor};{id_number(rng.uniform(60, 95), 2)};\n")
                    fh.write(f"{period};{pun};{id_number(rng.uniform(80, 1500), 1)};"
                             "laporan bulanan\n")
    return defs, values, last


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------

BASELINE_YAML = """\
import sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
files = [root / "organisasi.yaml", root / "variabel.yaml"]
for f in files + sorted((root / "jabatan").glob("*.yaml")):
    with open(f, encoding="utf-8") as fh:
        yaml.load(fh, Loader=yaml.CSafeLoader)
"""

BASELINE_VALUES = """\
import csv
with open(sys.argv[2], encoding="utf-8", newline="") as fh:
    reader = csv.reader(fh, delimiter=";")
    next(reader)
    total = 0.0
    for row in reader:
        total += float(row[2].replace(".", "").replace(",", "."))
"""


def iki_command() -> list[str]:
    """The installed `iki` entry point, next to this interpreter if it is there."""
    beside = Path(sys.executable).parent / "iki"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("iki")
    if found:
        return [found]
    sys.exit("bench: the `iki` command is not installed (pip install -e .)")


def child_env() -> dict[str, str]:
    """The environment of every measured process.

    Byte-code caching is on (an installed package has its .pyc files), in a cache
    folder of the benchmark's own so that the checkout gets no __pycache__.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    env.setdefault("COLUMNS", "120")
    return env


PYCACHE = os.path.join(tempfile.gettempdir(), "iki-bench-pycache")


def run(cmd: list[str], cwd: Path) -> float:
    """Wall time of one subprocess; a non-zero exit aborts the benchmark."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env=child_env())
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"bench: `{' '.join(cmd)}` exited {proc.returncode}:\n"
                 + proc.stderr.decode(errors="replace")[-3000:])
    return elapsed


def paired_times(cmd: list[str], baseline: list[str], cwd: Path,
                 repeat: int) -> tuple[float, float]:
    """Median wall times of `cmd` and of its baseline, run alternately.

    Alternating keeps a change in the machine's load (another job starting) from
    falling on one side of a ratio only.
    """
    run(cmd, cwd)  # warm the page cache and the bytecode caches
    run(baseline, cwd)
    times: list[float] = []
    base_times: list[float] = []
    for _ in range(repeat):
        times.append(run(cmd, cwd))
        base_times.append(run(baseline, cwd))
    return statistics.median(times), statistics.median(base_times)


def impact_repository(work: Path, defs: Path) -> None:
    """Commit the office in a git repository at `work`, then lower every target of the last
    year of every 10th position by 30 in the working tree (a merge request of targets)."""
    env = {**child_env(), "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid",
           "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid"}
    for args in (["init", "-q"], ["add", "definitions"], ["commit", "-qm", "office"]):
        subprocess.run(["git", *args], cwd=work, check=True, env=env, capture_output=True)
    for i, file in enumerate(sorted((defs / "jabatan").glob("*.yaml"))):
        if i % 10 == 0:
            text = file.read_text(encoding="utf-8")
            file.write_text(re.sub(r"(?m)^(          2026: )(\d+)$",
                                   lambda m: f"{m[1]}{int(m[2]) - 30}", text),
                            encoding="utf-8")


def peak_rss_mb(cmd: list[str], cwd: Path) -> float:
    """Peak resident memory of one run of `cmd`, through a fresh parent process."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, check=True,
                         capture_output=True, text=True, env=child_env()).stdout
    return int(out.strip()) / 1024  # ru_maxrss is in KiB on Linux


@dataclass
class Row:
    name: str
    value: float
    baseline: float | None
    target: float
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def passed(self) -> bool:
        measured = self.ratio if self.baseline is not None else self.value
        return measured is not None and measured <= self.target


def measure(positions: int, years: int, repeat: int, keep: Path | None,
            full: bool = True) -> list[Row]:
    """Generate an office and measure it; `full=False` measures validate and compute only."""
    work = Path(tempfile.mkdtemp(prefix="iki-bench-")) if keep is None else keep
    if keep is not None and keep.exists():
        shutil.rmtree(keep)
    work.mkdir(parents=True, exist_ok=True)
    try:
        start = time.perf_counter()
        defs, values, last = generate(work, positions, years)
        rows = sum(1 for _ in values.open(encoding="utf-8")) - 1
        print(f"generated N={positions} positions, {4 * positions} variables, "
              f"{4 * positions} indicators, {rows:,} value rows "
              f"({values.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - start:.1f}s "
              f"under {work}", flush=True)
        iki = iki_command()
        py = sys.executable
        validate = [*iki, "validate", "-d", str(defs)]
        proc = subprocess.run([*validate, "--strict"], cwd=work, capture_output=True,
                              text=True, env=child_env())
        if proc.returncode != 0:
            sys.exit(f"bench: the synthetic office does not validate clean:\n"
                     f"{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
        compute = [*iki, "compute", "-p", str(last), "-v", str(values), "-d", str(defs),
                   "-o", str(work / "out")]
        compute_data = [*compute, "-f", "json,csv"]
        base_yaml = [py, "-c", BASELINE_YAML, str(defs)]
        base_values = [py, "-c", BASELINE_YAML + BASELINE_VALUES, str(defs), str(values)]

        out = [Row("validate", *paired_times(validate, base_yaml, work, repeat),
                   TARGETS["validate"]),
               Row("compute -f json,csv", *paired_times(compute_data, base_values, work, repeat),
                   TARGETS["compute"])]
        if not full:
            out.append(Row("peak RSS, compute -f json,csv", peak_rss_mb(compute_data, work),
                           None, TARGETS["rss_mb"], unit="MB"))
            return out
        out.append(Row("compute (default formats)",
                       *paired_times(compute, base_values, work, repeat), TARGETS["compute"]))
        if shutil.which("git"):
            impact_repository(work, defs)
            preview = [*iki, "diff", "-d", str(defs), "-p", str(last), "-v", str(values),
                       "-f", "json"]
            out.append(Row("impact preview (diff -p) / compute -f json",
                           *paired_times(preview, [*compute, "-f", "json"], work, repeat),
                           TARGETS["impact"]))
        out.append(Row("start-up (--version)",
                       *paired_times([*iki, "--version"], [py, "-c", "import typer"], work,
                                     max(repeat, 9)),
                       TARGETS["startup"]))
        out.append(Row("peak RSS, compute -f json,csv", peak_rss_mb(compute_data, work), None,
                       TARGETS["rss_mb"], unit="MB"))
        out.append(Row("peak RSS, compute (default)", peak_rss_mb(compute, work), None,
                       TARGETS["rss_mb"], unit="MB"))
        return out
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def print_table(rows: list[Row]) -> None:
    print(f"\n{'measure':<31}{'iki':>10}{'baseline':>10}{'ratio':>8}{'target':>9}  result")
    for r in rows:
        value = f"{r.value:.3f}s" if r.unit == "s" else f"{r.value:.0f} MB"
        base = f"{r.baseline:.3f}s" if r.baseline is not None else "–"
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None else "–"
        target = f"≤{r.target:g}x" if r.baseline is not None else f"≤{r.target:g} MB"
        print(f"{r.name:<31}{value:>10}{base:>10}{ratio:>8}{target:>9}  "
              f"{'PASS' if r.passed else 'FAIL'}")


def machine() -> str:
    return (f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()} "
            f"({platform.python_implementation()}), {platform.system()} {platform.release()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--positions", "-n", type=int, default=1000, help="positions (N)")
    parser.add_argument("--years", "-y", type=int, default=4, help="years of monthly values")
    parser.add_argument("--repeat", "-r", type=int, default=5, help="runs per measure (median)")
    parser.add_argument("--scaling", action="store_true",
                        help="also run N = 250 / 1000 / 4000 and print the time per position")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--keep", type=Path, default=None,
                        help="generate into this folder and keep it (for profiling)")
    args = parser.parse_args()
    print(f"machine: {machine()}", flush=True)
    rows = measure(args.positions, args.years, args.repeat, args.keep)
    print_table(rows)
    if args.scaling:
        scaling(args.years, args.repeat)
    return 1 if args.check and not all(r.passed for r in rows) else 0


def scaling(years: int, repeat: int) -> None:
    """Validate and compute -f json,csv at N = 250 / 1000 / 4000: time per position stays flat."""
    table = []
    for n in (250, 1000, 4000):
        print(f"\nscaling: N={n}", flush=True)
        rows = measure(n, years, max(1, min(repeat, 3)), None, full=False)
        by = {r.name: r for r in rows}
        table.append((n, by["validate"], by["compute -f json,csv"],
                      by["peak RSS, compute -f json,csv"]))
    print(f"\n{'N':>6}{'validate':>10}{'per pos.':>10}{'ratio':>7}{'compute':>10}"
          f"{'per pos.':>10}{'per row':>9}{'ratio':>7}{'RSS':>8}")
    for n, v, c, rss in table:
        print(f"{n:>6}{v.value:>9.2f}s{v.value / n * 1000:>8.2f}ms{v.ratio or 0:>6.2f}x"
              f"{c.value:>9.2f}s{c.value / n * 1000:>8.2f}ms"
              f"{c.value / (48 * n * years) * 1e6:>7.1f}µs{c.ratio or 0:>6.2f}x"
              f"{rss.value:>5.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
