"""Issue 16, the command-line import. A command other than ``summary`` never loads domain.summary or
domain.crisis_lines: cli_settings loads them where they are used, and the parser makes the
summary's ``--sections`` help only when the words to parse can name ``summary``. Every help text
stays the one the whole parser gives. And what an import made is aged, not walked, when the
garbage collector resumes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import PASSPHRASE, run_cli
from test_cli_import_reads_once import folder  # noqa: F401  (the fixture: a vault in tmp_path)

from caregiver_app import cli, cli_summary

DAYLIO = Path(__file__).resolve().parents[1] / "unit" / "fixtures" / "daylio" / "impossible_dates.csv"
UNUSED = ("caregiver_app.domain.summary", "caregiver_app.domain.crisis_lines")


def test_a_whole_import_in_a_fresh_process_never_loads_the_summary_or_crisis_lines(folder, tmp_path):
    script = tmp_path / "probe.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        from caregiver_app import cli
        code = cli.main(sys.argv[1:])
        print("CODE", code, "LOADED", [m for m in {UNUSED!r} if m in sys.modules])
    """), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), "--data-dir", str(folder), "import", str(DAYLIO),
                           "--person", "Sam", "--passphrase-stdin"], input=PASSPHRASE + "\n",
                          capture_output=True, text=True, cwd=tmp_path,
                          env={"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "PATH": "/usr/bin:/bin",
                               "LANG": "C.UTF-8"})
    assert "CODE 0 LOADED []" in done.stdout, done.stdout + done.stderr


def _summary_help(parser) -> str:
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    return sub.choices["summary"].format_help()


@pytest.mark.parametrize("argv", [["summary", "--help"], ["--data-dir", "x", "summary"], ["su"], ["s", "-h"]])
def test_any_words_that_can_name_summary_get_its_whole_help(argv):
    cli.use_cli_language([])
    assert _summary_help(cli.build_parser(argv)) == _summary_help(cli.build_parser())
    assert "care-team" in _summary_help(cli.build_parser(argv))


def test_summary_help_through_the_command_is_the_whole_parsers(capsys):
    cli.use_cli_language([])
    expected = _summary_help(cli.build_parser())
    assert cli.main(["summary", "--help"]) == cli.EXIT_OK
    assert capsys.readouterr().out == expected


@pytest.mark.parametrize("argv", [["--help"], ["import", "--help"], ["nosuch"], ["settings", "--help"], []])
def test_other_commands_help_and_errors_are_the_whole_parsers(argv, capsys):
    cli.use_cli_language([])
    whole, lean = cli.build_parser(), cli.build_parser(argv)
    assert whole.format_help() == lean.format_help()
    code = cli.main(argv)
    first = capsys.readouterr()
    # the same words through the whole parser
    real = cli.build_parser
    try:
        cli.build_parser = lambda _argv=None: real()
        assert cli.main(argv) == code
    finally:
        cli.build_parser = real
    assert capsys.readouterr() == first


def test_the_sections_help_is_left_out_only_when_no_word_can_name_summary():
    assert cli_summary._sections_help(["import", "summary.csv"]) is None
    assert cli_summary._sections_help(["--data-dir", "summary", "people"]) is not None  # counted, to be safe
    assert cli_summary._sections_help(None) is not None


@pytest.mark.parametrize("command", ["import", "import-daylio"])
def test_what_an_import_made_joins_the_oldest_generation_when_the_collector_resumes(folder, monkeypatch, command):
    """Else the first young collection after the pause walks everything the command made, the
    modules it loaded included (about 0.05 s of the command, after the import is done)."""
    import gc

    calls = []
    for name in ("freeze", "unfreeze", "enable"):
        real = getattr(gc, name)
        monkeypatch.setattr(gc, name, lambda real=real, name=name: (calls.append(name), real())[1])
    code, _out, err = run_cli(folder, command, str(DAYLIO), "--person", "Sam", "--passphrase-stdin",
                              stdin=PASSPHRASE + "\n")
    monkeypatch.undo()
    assert code == 0, err
    assert calls == ["freeze", "unfreeze", "enable"] and gc.isenabled()
