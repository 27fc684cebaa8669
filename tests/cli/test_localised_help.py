"""`--help` and the usage errors in the user's language: Indonesian by default."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main
from typer.testing import CliRunner

from iki_cli.cli import app
from iki_cli.cli.localised import help_key
from iki_cli.i18n.id.help import HELP

INDONESIAN = {"IKI_LANG": "id", "COLUMNS": "80", "NO_COLOR": "1"}
ENGLISH_WORDS = ("Usage:", "Options:", "Commands:", "Arguments:", "Show this message",
                 "Error:", "Missing option", "No such", "Try '", "[default:", "env var")


def _commands() -> dict[str, list[str]]:
    """Each command of `iki` with the names of its parameters (the help option included)."""
    group = typer.main.get_command(app)
    ctx = group.make_context("iki", ["--help"], resilient_parsing=True)
    out = {"iki": [p.name for p in group.get_params(ctx) if p.name]}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = command.make_context(name, [], parent=ctx, resilient_parsing=True)
        out[name] = [p.name for p in command.get_params(sub) if p.name]
    return out


def test_every_command_and_option_has_its_indonesian_help() -> None:
    used = set()
    for command, params in _commands().items():
        keys = help_key(command)
        assert keys[0] in HELP, f"no Indonesian help for `{command}`"
        used.add(keys[0])
        for param in params:
            found = [k for k in help_key(command, param) if k in HELP]
            assert found, f"no Indonesian help for `{command} {param}`"
            used.add(found[0])
    assert set(HELP) - used == set(), "Indonesian help for no command or option"


def _help(runner: CliRunner, *args: str, env: dict[str, str] = INDONESIAN) -> str:
    r = runner.invoke(app, [*args, "--help"], env=env)
    assert r.exit_code == 0, r.output
    return r.output


@pytest.mark.parametrize("command", [[], *[[c] for c in _commands() if c != "iki"]])
def test_help_is_indonesian_by_default_and_fits_80_columns(command: list[str]) -> None:
    out = _help(CliRunner(), *command)
    assert out.startswith("Penggunaan: iki"), out
    assert "Opsi:" in out and "Tampilkan bantuan ini lalu keluar." in out, out
    for word in ENGLISH_WORDS:
        assert word not in out, (word, out)
    assert max(len(line) for line in out.splitlines()) <= 80, out


def test_the_program_lists_its_commands_in_indonesian() -> None:
    out = _help(CliRunner())
    assert "Perintah:" in out
    line = next(x for x in out.splitlines() if x.startswith("  compute "))
    assert line.startswith("  compute   Hitung setiap indikator untuk satu periode dari")
    assert line.endswith("..."), line  # the first sentence, cut to the line
    assert "  list      Daftar jabatan dengan sasaran dan indikatornya." in out
    assert "Penggunaan: iki [OPSI] PERINTAH [ARGUMEN]..." in out


def test_an_options_default_and_environment_variable_are_worded_too() -> None:
    out = _help(CliRunner(), "compute")
    text = " ".join(out.split())
    assert ("Folder definisi (organisasi.yaml, variabel.yaml, jabatan/). "
            "[variabel lingkungan: IKI_DEFINITIONS; bawaan: definitions]") in text
    assert "2026-01. [wajib]" in text
    assert "Argumen:" in out


def test_lang_en_on_the_line_or_in_the_environment_gives_the_english_help() -> None:
    runner = CliRunner()
    for out in (_help(runner, "compute", "--lang", "en"),
                _help(runner, "compute", "--lang=en"),
                _help(runner, "compute", env={"IKI_LANG": "en"})):
        assert out.startswith("Usage: iki compute [OPTIONS]")
        assert "Compute every indicator for a period" in out
        assert "[env var: IKI_DEFINITIONS; default: definitions]" in " ".join(out.split())


@pytest.mark.parametrize(("args", "said"), [
    (["compute"], "galat: opsi '-p' / '--periode' belum diberikan"),
    (["show"], "galat: argumen 'position' belum diberikan"),
    (["compute", "-p", "2026", "--bogus"], "galat: opsi --bogus tidak dikenal"),
    (["komputer"], "galat: perintah 'komputer' tidak dikenal; mungkin maksud Anda 'compute'?"),
    (["compute", "-p"], "galat: opsi '-p' memerlukan nilai"),
    (["validate", "--strict=3"], "galat: opsi '--strict' tidak menerima nilai"),
    (["show", "a", "b", "c"], "galat: argumen yang tidak diharapkan: b c"),
    (["template", "-p", "2026", "--angka", "xx"],
     "galat: nilai '--angka' tidak valid: 'xx' bukan salah satu dari 'auto', 'id', 'en'"),
])
def test_a_mistake_on_the_command_line_is_said_in_indonesian(args: list[str],
                                                             said: str) -> None:
    r = CliRunner().invoke(app, args, env=INDONESIAN)
    assert r.exit_code == 2, r.output
    assert said in r.output, r.output
    for word in ENGLISH_WORDS:
        assert word not in r.output, (word, r.output)


def test_a_mistake_shows_the_usage_and_where_to_find_help_in_indonesian() -> None:
    r = CliRunner().invoke(app, ["compute"], env=INDONESIAN)
    assert r.output.startswith("Penggunaan: iki compute [OPSI] [[FILE]...]...\n"
                               "Coba 'iki compute -h' untuk bantuan.\n"), r.output


def test_a_mistake_after_lang_en_is_said_in_english() -> None:
    r = CliRunner().invoke(app, ["compute", "--lang", "en", "--bogus"], env=INDONESIAN)
    assert r.exit_code == 2, r.output
    assert "Error: No such option: --bogus" in r.output


def test_iki_alone_shows_its_help_in_indonesian() -> None:
    r = CliRunner().invoke(app, [], env=INDONESIAN)
    assert r.exit_code == 2, r.output
    assert r.output.startswith("Penggunaan: iki [OPSI] PERINTAH [ARGUMEN]...")
    assert "galat" not in r.output


def test_the_installed_command_says_it_too() -> None:
    # Through the console entry point, as a user runs it: the same words, exit 2.
    proc = subprocess.run([sys.executable, "-c", "from iki_cli.cli import main; main()",
                           "compute", "-p", "2026", "--bogus"],
                          capture_output=True, text=True, env={**INDONESIAN, "PATH": ""})
    assert proc.returncode == 2, proc.stderr
    assert "galat: opsi --bogus tidak dikenal" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_lang_id_on_the_line_wins_over_an_english_environment() -> None:
    english = {"IKI_LANG": "en", "COLUMNS": "80"}
    out = _help(CliRunner(), "compute", "--lang", "id", env=english)
    assert out.startswith("Penggunaan: iki compute [OPSI]"), out
    for word in ENGLISH_WORDS:
        assert word not in out, (word, out)
    r = CliRunner().invoke(app, ["compute", "--lang", "id", "--bogus"], env=english)
    assert r.exit_code == 2, r.output
    assert r.output.startswith("Penggunaan: iki compute [OPSI]"), r.output
    assert "Coba 'iki compute -h' untuk bantuan." in r.output
    assert "galat: opsi --bogus tidak dikenal" in r.output
