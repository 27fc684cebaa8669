"""How reading values scales: N rows as CSV and as .xlsx, time and memory per row.

    python bench/values_scale.py [--rows N] [--xlsx-rows N] [--trace]

Writes into a temporary folder a catalogue of 1,000 variables, a `;`-separated
CSV of N rows (Indonesian notation, monthly periods over many years, no
(periode, variabel) twice) and an .xlsx of the same rows (written as Excel
lays it out: shared strings, numbers as numbers), then reads each in a fresh
process with `iki_cli.values.reading.read_values`, printing wall time, time per
row and peak RSS. With --trace it also reads the CSV under tracemalloc and
prints where the memory that stays goes (top lines by size).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

VARIABLES = 1000
YEARS = range(1900, 2101)


def rows(count: int) -> list[tuple[str, str, str]]:
    """`count` distinct (periode, variabel, nilai) rows, nilai in Indonesian notation."""
    out: list[tuple[str, str, str]] = []
    for year in YEARS:
        for month in range(1, 13):
            for v in range(VARIABLES):
                n = len(out)
                out.append((f"{year}-{month:02d}", f"v{v}", f"{n % 99_991:,}".replace(",", ".")
                            + ("," + str(n % 97) if n % 3 else "")))
                if len(out) == count:
                    return out
    return out


def write_csv(path: Path, data: list[tuple[str, str, str]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("periode;variabel;nilai;keterangan\n")
        for periode, var, nilai in data:
            fh.write(f"{periode};{var};{nilai};\n")


def write_xlsx(path: Path, data: list[tuple[str, str, str]]) -> None:
    strings: dict[str, int] = {}

    def sst(text: str) -> int:
        return strings.setdefault(text, len(strings))

    head = [sst(h) for h in ("periode", "variabel", "nilai", "keterangan")]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
            'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName'
            '="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'))
        z.writestr("xl/workbook.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
            'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats'
            '.org/officeDocument/2006/relationships"><sheets><sheet name="nilai" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>'))
        z.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
            '"worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target='
            '"sharedStrings.xml"/></Relationships>'))
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                     b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            cells = "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for c, i in zip("ABCD", head,
                                                                               strict=True))
            fh.write(f'<row r="1">{cells}</row>'.encode())
            for r, (periode, var, nilai) in enumerate(data, start=2):
                number = nilai.replace(".", "").replace(",", ".")
                fh.write((f'<row r="{r}"><c r="A{r}" t="s"><v>{sst(periode)}</v></c><c r="B{r}" '
                          f't="s"><v>{sst(var)}</v></c><c r="C{r}"><v>{number}</v></c></row>'
                          ).encode())
            fh.write(b"</sheetData></worksheet>")
        items = "".join(f"<si><t>{s}</t></si>" for s in strings)
        z.writestr("xl/sharedStrings.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.'
            f'org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
            f"{items}</sst>"))


READER = """\
import resource, sys, time
from pathlib import Path
from iki_cli.definitions.model import Variabel
from iki_cli.values.reading import read_values
variables = {f"v{i}": Variabel(id=f"v{i}", uraian="x", agregasi="jumlah") for i in range(VARIABLES)}
start = time.perf_counter()
values = read_values([Path(sys.argv[1])], variables)
took = time.perf_counter() - start
n = sum(len(per) for per in values.entries.values())
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{n} {took:.2f} {rss:.0f}")
""".replace("VARIABLES", str(VARIABLES))

TRACER = """\
import sys, tracemalloc
from pathlib import Path
from iki_cli.definitions.model import Variabel
from iki_cli.values.reading import read_values
variables = {f"v{i}": Variabel(id=f"v{i}", uraian="x", agregasi="jumlah") for i in range(VARIABLES)}
tracemalloc.start(3)
values = read_values([Path(sys.argv[1])], variables)
snap = tracemalloc.take_snapshot()
current, peak = tracemalloc.get_traced_memory()
n = sum(len(per) for per in values.entries.values())
print(f"rows {n}: kept {current / n:.0f} B/row, peak {peak / n:.0f} B/row")
for stat in snap.statistics("lineno")[:8]:
    print(f"  {stat.size / n:7.1f} B/row  {stat.traceback}")
""".replace("VARIABLES", str(VARIABLES))


def measure(path: Path) -> tuple[int, float, float]:
    out = subprocess.run([sys.executable, "-c", READER, str(path)], check=True,
                         capture_output=True, text=True).stdout.split()
    return int(out[0]), float(out[1]), float(out[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=1_000_000)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        data = rows(max(args.rows, args.xlsx_rows))
        csv_path, xlsx_path = folder / "nilai.csv", folder / "nilai.xlsx"
        write_csv(csv_path, data[:args.rows])
        if args.xlsx_rows:
            write_xlsx(xlsx_path, data[:args.xlsx_rows])
        print(f"generated in {time.perf_counter() - start:.1f} s")
        for name, path in (("csv", csv_path), ("xlsx", xlsx_path)):
            if not path.exists():
                continue
            n, took, rss = measure(path)
            print(f"{name:5} {n:>10,} rows  {path.stat().st_size / 1e6:8.1f} MB  {took:7.2f} s"
                  f"  {took / n * 1e6:5.2f} µs/row  peak RSS {rss:,.0f} MB")
        if args.trace:
            print(subprocess.run([sys.executable, "-c", TRACER, str(csv_path)], check=True,
                                 capture_output=True, text=True).stdout)


if __name__ == "__main__":
    main()
