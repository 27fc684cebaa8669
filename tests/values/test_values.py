"""Reading values CSV files (SPEC §4): notation, encoding, delimiters, every bad row."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import indicator, load, make_office, read, write

from iki_cli.definitions.loading import Definitions
from iki_cli.errors import ProblemsError, UsageError
from iki_cli.periods import parse_period
from iki_cli.values.ingest import Values

TW1 = parse_period("2026-TW1")


@pytest.fixture
def defs(tmp_path: Path) -> Definitions:
    """An office whose one formula uses every variable of the catalogue."""
    return load(make_office(tmp_path, [
        indicator("semua", "kasus + sembuh + penduduk + skor + suhu", satuan="orang")]))


def value(values: Values, var: str, period: str = "2026-TW1") -> float:
    return values.entries[var][parse_period(period)].value


def problems(defs: Definitions, files: list[Path], **options: object) -> list[str]:
    """Every problem of reading `files`, as `file:line: message` with the file's name only."""
    with pytest.raises(ProblemsError) as info:
        read(defs, files, **options)
    assert "nothing was computed" in str(info.value)
    return [f"{Path(p.path).name}:{p.line}: {p.message}" if p.line else
            f"{Path(p.path).name}: {p.message}" for p in info.value.problems]


# --- encodings and line ends ---------------------------------------------------------------

def test_utf8_with_bom_and_crlf(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "\ufeffperiode;variabel;nilai;keterangan\r\n"
              "2026-TW1;penduduk;1.103.902;Data ilustratif – bukan angka BPS\r\n")
    values = read(defs, [f])
    assert value(values, "penduduk") == 1103902
    assert values.entries["penduduk"][TW1].note == "Data ilustratif – bukan angka BPS"
    assert values.problems == []


def test_cp1252_file_is_read_as_windows_text(defs: Definitions, tmp_path: Path) -> None:
    # Excel's "CSV (semicolon delimited)" on Windows: cp1252, where `–` is byte 0x96.
    text = "periode;variabel;nilai;keterangan\r\n2026-TW1;kasus;12;Laporan café – TW1\r\n"
    f = write(tmp_path / "a.csv", text, encoding="cp1252")
    assert b"\x96" in f.read_bytes()
    values = read(defs, [f])
    assert value(values, "kasus") == 12
    assert values.entries["kasus"][TW1].note == "Laporan café – TW1"


def test_cp1252_bytes_late_in_the_file_leave_no_trace_of_the_utf8_attempt(
        defs: Definitions, tmp_path: Path) -> None:
    rows = "".join(f"2026-{m:02d},kasus,{m}\n" for m in range(1, 13))
    f = write(tmp_path / "a.csv", "periode,variabel,nilai,keterangan\n" + rows
              + "2026-TW1,suhu,9,Kulkas rusak \u2013 diganti\n", encoding="cp1252")
    values = read(defs, [f])
    assert len(values.sources) == 1 and values.problems == []
    assert value(values, "kasus", "2026-12") == 12 and value(values, "suhu") == 9


def test_undecodable_bytes_are_an_error(defs: Definitions, tmp_path: Path) -> None:
    # 0x81 is neither valid UTF-8 here nor defined in Windows-1252.
    f = tmp_path / "a.csv"
    f.write_bytes(b"periode;variabel;nilai;keterangan\n2026-TW1;kasus;12;\x81\x8d\n")
    assert problems(defs, [f]) == [
        "a.csv: file is neither UTF-8 nor Windows-1252 text; save it as CSV UTF-8"]


def test_utf16_file_is_an_error_not_garbage(defs: Definitions, tmp_path: Path) -> None:
    # Excel's "Unicode Text" export: UTF-16 with a byte order mark, tab-delimited.
    f = write(tmp_path / "a.txt", "\ufeffperiode\tvariabel\tnilai\n2026-TW1\tkasus\t5\n",
              encoding="utf-16-le")
    assert problems(defs, [f]) == [
        ("a.txt: this file is UTF-16 text (what Excel saves as \"Unicode Text\"), not UTF-8 or "
        "Windows-1252: save it again as \"CSV UTF-8\" and run again")]


@pytest.mark.parametrize("where", ["header", "middle", "quoted", "last"])
def test_a_nul_in_text_is_an_error_at_its_line(defs: Definitions, tmp_path: Path,
                                               where: str) -> None:
    rows = ["periode;variabel;nilai", "2026-TW1;kasus;5", "2026-TW2;kasus;6",
            "2026-TW3;kasus;7"]
    at = {"header": 0, "middle": 2, "quoted": 1, "last": 3}[where]
    rows[at] = rows[at].replace(";", ';"a\x00b";', 1) if where == "quoted" else \
        rows[at] + "\x00"
    f = tmp_path / "a.csv"
    f.write_bytes(("\n".join(rows) + "\n").encode("utf-8"))
    found = problems(defs, [f])
    assert len(found) == 1 and found[0].startswith(f"a.csv:{at + 1}: ")
    assert "NUL character (byte 0)" in found[0]


def test_a_binary_file_is_named_as_such(defs: Definitions, tmp_path: Path) -> None:
    f = tmp_path / "a.csv"
    f.write_bytes(bytes(range(256)) * 8)
    assert problems(defs, [f]) == [
        ("a.csv: this file is not text (it holds NUL bytes) and not a workbook iki reads: give "
        "the values workbook (.xlsx, .xlsm, .ods, .xls) or CSV file")]


# --- delimiters ----------------------------------------------------------------------------

def test_excel_sep_line_is_honoured_and_counted(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "sep=;\nperiode;variabel;nilai\n2026-TW1;kasus;1.234\n"
              "2026-TW1;sembuh;x\n")
    # line 1 is `sep=;`, the header is line 2: the bad row is line 4
    assert problems(defs, [f]) == [
        ("a.csv:4: `nilai`: `x` is not a number in Indonesian notation (decimal comma, `.` for "
         "thousands, e.g. `1.234,5`)")]


def test_sep_line_sets_the_delimiter_even_against_the_header(defs: Definitions,
                                                             tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", '"sep=,"\r\nperiode,variabel,nilai,keterangan\r\n'
              '2026-TW1,kasus,"1,234.5",catatan; lain\r\n')
    values = read(defs, [f])
    assert value(values, "kasus") == 1234.5  # the number reads only in English notation
    assert values.entries["kasus"][TW1].note == "catatan; lain"


def test_quoted_delimiter_and_line_break_inside_a_field(defs: Definitions,
                                                        tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", 'periode;variabel;nilai;keterangan\n'
              '2026-TW1;kasus;12;"Rekap; per desa"\n'
              '2026-TW1;sembuh;10;"Baris pertama\nbaris kedua"\n'
              '2026-TW1;skor;tinggi;\n')
    assert problems(defs, [f]) == [
        ("a.csv:5: `nilai`: `tinggi` is not a number in Indonesian notation (decimal comma, "
         "`.` for thousands, e.g. `1.234,5`)")]
    f.write_text(f.read_text().replace("tinggi", "81,25"))
    values = read(defs, [f])
    assert values.entries["kasus"][TW1].note == "Rekap; per desa"
    assert values.entries["sembuh"][TW1].note == "Baris pertama\nbaris kedua"
    assert value(values, "skor") == 81.25


def test_unclosed_quote_is_an_error_not_a_swallowed_rest_of_file(defs: Definitions,
                                                                 tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", 'periode;variabel;nilai;keterangan\n'
              '2026-TW1;kasus;12;"Laporan TW1\n'
              '2026-TW1;sembuh;10;\n'
              '2026-TW1;skor;3;\n')
    assert problems(defs, [f]) == [
        ('a.csv:2: a quoted field starting on this line is never closed (a `"` is missing), so '
         "the rest of the file could not be read")]


def test_stray_quote_is_reported_and_the_following_rows_are_read(defs: Definitions,
                                                                 tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", 'periode;variabel;nilai;keterangan\n'
              '2026-TW1;kasus;"12"5;\n'
              '2026-TW1;sembuh;1,5;\n'
              '2026-TW1;skor;x;\n')
    assert problems(defs, [f]) == [
        ('a.csv:2: misplaced `"`: a field that starts with `"` must end with `"` just before the '
         'next `;`; write a `"` inside a field as `""`'),
        ("a.csv:4: `nilai`: `x` is not a number in Indonesian notation (decimal comma, `.` for "
         "thousands, e.g. `1.234,5`)")]


def test_tab_delimited_file_reads_english_notation(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.tsv", "periode\tvariabel\tnilai\n2026-TW1\tpenduduk\t1,103,902\n"
              "2026-TW1\tskor\t81.25\n")
    values = read(defs, [f])
    assert value(values, "penduduk") == 1103902 and value(values, "skor") == 81.25


def test_delimiter_option_overrides_detection(defs: Definitions, tmp_path: Path) -> None:
    # The `sep=,` line and the header's commas would say `,`; the option says `;`.
    f = write(tmp_path / "a.csv", "sep=,\nperiode;variabel;nilai;keterangan\n"
              "2026-TW1;kasus;1.234;a, b, c\n")
    values = read(defs, [f], delimiter=";")
    assert value(values, "kasus") == 1234
    values = read(defs, [write(tmp_path / "b.tsv", "periode\tvariabel\tnilai\n"
                               "2026-TW1\tkasus\t7\n")], delimiter="tab")
    assert value(values, "kasus") == 7


def test_too_many_fields_hints_at_an_unquoted_decimal_comma(defs: Definitions,
                                                            tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "periode,variabel,nilai\n2026-TW1,skor,81,25\n")
    assert problems(defs, [f]) == [
        ("a.csv:2: row has 4 fields but the header has 3 (a number with a decimal comma must "
         "be quoted, or use `;` as delimiter)")]


# --- numbers -------------------------------------------------------------------------------

def test_indonesian_notation_in_a_semicolon_file(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "periode;variabel;nilai\n2026-TW1;kasus;12.500\n"
              "2026-TW1;skor;1.234,5\n2026-TW1;suhu;-5\n2026-TW1;sembuh;0\n")
    values = read(defs, [f])
    assert [value(values, v) for v in ("kasus", "skor", "suhu", "sembuh")] == [
        12500, 1234.5, -5, 0]


def test_decimal_point_in_an_id_file_is_an_error(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "periode;variabel;nilai\n2026-TW1;skor;81.25\n")
    assert problems(defs, [f]) == [
        ("a.csv: the numbers of this file are not in Indonesian notation (a `;`-separated file "
         "is read in Indonesian notation) but in English notation (decimal point, `,` for "
         "thousands, e.g. `1,234.5`): line 2 `81.25` and 1 row(s) in all fit only that. Read the "
         "file with --angka en. These 1 rows read differently in the two notations, so check "
         "their values: lines 2")]


def test_decimal_comma_in_an_en_file_is_an_error(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", 'periode,variabel,nilai\n2026-TW1,skor,"81,25"\n')
    assert problems(defs, [f], notation="en") == [
        ("a.csv: the numbers of this file are not in English notation (--angka en was given) "
         "but in Indonesian notation (decimal comma, `.` for thousands, e.g. `1.234,5`): line 2 "
         "`81,25` and 1 row(s) in all fit only that. Read the file with --angka id. These 1 rows "
         "read differently in the two notations, so check their values: lines 2")]


def test_a_point_against_a_file_of_decimal_commas_is_an_error_at_its_row(
        defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "periode;variabel;nilai\n2026-TW1;skor;81,25\n"
              "2026-TW1;suhu;81.5\n")
    assert problems(defs, [f]) == [
        ("a.csv:3: `nilai`: `81.5` is not a number in Indonesian notation (decimal comma, `.` "
         "for thousands, e.g. `1.234,5`), the notation of this file (line 2 `81,25` fits only "
         "it): write it as `81,5`")]


def test_excel_error_and_text_are_errors(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "periode;variabel;nilai\n2026-TW1;skor;#DIV/0!\n"
              "2026-TW1;kasus;dua belas\n")
    assert problems(defs, [f]) == [
        ("a.csv:2: `nilai`: Excel error value `#DIV/0!`: fix the formula in the workbook or "
         "leave the cell empty"),
        ("a.csv:3: `nilai`: `dua belas` is not a number in Indonesian notation (decimal comma, "
         "`.` for thousands, e.g. `1.234,5`)")]


def test_angka_option_overrides_the_notation(defs: Definitions, tmp_path: Path) -> None:
    semicolon_en = write(tmp_path / "a.csv", "periode;variabel;nilai\n2026-TW1;skor;81.25\n"
                         "2026-TW1;kasus;1,234\n")
    values = read(defs, [semicolon_en], notation="en")
    assert value(values, "skor") == 81.25 and value(values, "kasus") == 1234
    comma_id = write(tmp_path / "b.csv", 'periode,variabel,nilai\n2026-TW1,skor,"81,25"\n'
                     "2026-TW1,kasus,12.500\n")
    values = read(defs, [comma_id], notation="id")
    assert value(values, "skor") == 81.25 and value(values, "kasus") == 12500


def test_empty_nilai_means_not_collected(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "periode;variabel;nilai;keterangan\n"
              "2026-TW1;kasus;;belum direkap\n2026-TW1;sembuh;  ;\n2026-TW1;skor;3\n\n;;;\n")
    values = read(defs, [f])
    assert values.problems == []
    assert "kasus" not in values.entries and "sembuh" not in values.entries
    assert value(values, "skor") == 3


# --- columns -------------------------------------------------------------------------------

def test_header_is_case_insensitive_in_any_order_with_informational_columns(
        defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "Keterangan;NILAI;Uraian;Satuan;Variabel;Sumber_Data;Periode\n"
              "catatan;1.234,5;Jumlah kasus;orang;kasus;Register;2026-Q1\n")
    values = read(defs, [f])
    assert value(values, "kasus", "2026-TW1") == 1234.5
    assert values.entries["kasus"][TW1].note == "catatan"


def test_unknown_column_is_an_error_with_a_suggestion(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "periode;variabel;nilia;catatan\n2026-TW1;kasus;1\n")
    assert problems(defs, [f]) == [
        ("a.csv:1: unknown column `nilia`; did you mean `nilai`?; the columns are periode, "
         "variabel, nilai, keterangan, uraian, satuan, sumber_data"),
        ("a.csv:1: unknown column `catatan`; did you mean `satuan`?; the columns are periode, "
         "variabel, nilai, keterangan, uraian, satuan, sumber_data"),
        "a.csv:1: missing column(s) `nilai`; the header must name periode, variabel and nilai"]


def test_missing_required_column(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "variabel;nilai\nkasus;1\n")
    assert problems(defs, [f]) == [
        ("a.csv:1: missing column(s) `periode`; the header must name periode, variabel and "
         "nilai")]


def test_empty_file(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "")
    assert problems(defs, [f]) == [
        "a.csv:1: file is empty; it needs a header row `periode;variabel;nilai;keterangan`"]


# --- rows ----------------------------------------------------------------------------------

def test_unknown_variable_and_bad_period_have_suggestions(defs: Definitions,
                                                          tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "periode;variabel;nilai\n2026-TW1;kasis;1\n2026-T1;kasus;1\n"
              ";kasus;1\n2026-TW1;;1\n")
    assert problems(defs, [f]) == [
        "a.csv:2: unknown variable `kasis`; did you mean `kasus`?",
        ("a.csv:3: `2026-T1` is not a period; use 2026, 2026-S1, 2026-TW1 … 2026-TW4 or 2026-01 "
         "… 2026-12; did you mean `2026-TW1`?"),
        "a.csv:4: `periode` is empty",
        "a.csv:5: `variabel` is empty"]


def test_every_bad_row_is_reported_in_every_period_and_file(defs: Definitions,
                                                            tmp_path: Path) -> None:
    a = write(tmp_path / "a.csv", "periode;variabel;nilai\n"
              "2026-TW1;kasus;1\n"       # 2 good
              "2025-TW4;kasus;81.5\n"    # 3 bad number, another year
              "2026-TW2;kasuss;2\n"      # 4 unknown variable
              "2026-TW3;sembuh;3\n"      # 5 good
              "2026-TW5;sembuh;x\n")     # 6 bad period AND bad number: both reported
    b = write(tmp_path / "b.csv", "periode,variabel,nilai\n2026-07,skor,#N/A\n")
    assert problems(defs, [a, b]) == [
        ("a.csv: the numbers of this file are not in Indonesian notation (a `;`-separated file "
         "is read in Indonesian notation) but in English notation (decimal point, `,` for "
         "thousands, e.g. `1,234.5`): line 3 `81.5` and 1 row(s) in all fit only that. Read the "
         "file with --angka en. These 1 rows read differently in the two notations, so check "
         "their values: lines 3"),
        "a.csv:4: unknown variable `kasuss`; did you mean `kasus`?",
        ("a.csv:6: `nilai`: `x` is not a number in Indonesian notation (decimal comma, `.` for "
         "thousands, e.g. `1.234,5`)"),
        ("a.csv:6: `2026-TW5` is not a period; use 2026, 2026-S1, 2026-TW1 … 2026-TW4 or "
         "2026-01 … 2026-12"),
        ("b.csv:2: `nilai`: Excel error value `#N/A`: fix the formula in the workbook or leave "
         "the cell empty")]


def test_line_numbers_count_lines_inside_quoted_fields(defs: Definitions,
                                                       tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", 'periode;variabel;nilai;keterangan\r\n'
              '2026-TW1;kasus;1;"satu\r\ndua\r\ntiga"\r\n'
              '2026-TW1;skor;x;\r\n')
    assert [p.split(": ")[0] for p in problems(defs, [f])] == ["a.csv:5"]


def test_conflicting_duplicate_names_both_places(defs: Definitions, tmp_path: Path) -> None:
    f = write(tmp_path / "a.csv", "periode;variabel;nilai\n2026-TW1;kasus;10\n"
              "2026-TW2;kasus;11\n2026-Q1;kasus;12\n")
    assert problems(defs, [f]) == [
        f"a.csv:4: `kasus` for 2026-TW1 is 12 here but 10 on {f}:2; keep one"]


def test_conflicting_duplicate_across_two_files(defs: Definitions, tmp_path: Path) -> None:
    a = write(tmp_path / "a.csv", "periode;variabel;nilai\n2026-TW1;skor;81,25\n")
    b = write(tmp_path / "b.csv", "periode,variabel,nilai\n2026-TW1,kasus,1\n2026-TW1,skor,80\n")
    assert problems(defs, [a, b]) == [
        f"b.csv:3: `skor` for 2026-TW1 is 80 here but 81.25 on {a}:2; keep one"]


def test_same_value_twice_is_a_warning(defs: Definitions, tmp_path: Path) -> None:
    a = write(tmp_path / "a.csv", "periode;variabel;nilai\n2026-TW1;kasus;1.000\n")
    b = write(tmp_path / "b.csv", "periode,variabel,nilai\n2026-TW1,kasus,\"1,000.0\"\n")
    values = read(defs, [a, b])
    assert value(values, "kasus") == 1000
    assert [(Path(p.path).name, p.line, p.level, p.message) for p in values.problems] == [
        ("b.csv", 2, "warning", f"`kasus` for 2026-TW1 is also given on {a}:2 (same value)")]


def test_missing_file_is_a_usage_error(defs: Definitions, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        read(defs, [tmp_path / "tidak-ada.csv"])


def test_a_large_file_is_streamed_into_one_entry_per_variable_and_period(
        defs: Definitions, tmp_path: Path) -> None:
    lines = [f"{y}-{m:02d};{v};{m}" for y in range(1900, 2100) for m in range(1, 13)
             for v in ("kasus", "sembuh")]
    f = write(tmp_path / "a.csv", "periode;variabel;nilai\n" + "\n".join(lines) + "\n")
    values = read(defs, [f])
    assert sum(len(per) for per in values.entries.values()) == len(lines) == 4800
    assert value(values, "sembuh", "2099-12") == 12
