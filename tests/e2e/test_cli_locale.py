"""The command line in the user's locale: a day-first Daylio file is read day-first and the output
says so; dates and times follow LC_ALL/LC_TIME/LANG and the time-format setting, in the terminal
and in the visit summary PDF."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from caregiver_app import settings

PASS = "blue kettle morning walk"
# Re-saved by a spreadsheet in Germany: day/month/year; the weekdays say which way round.
DAY_FIRST = (
    "full_date,date,weekday,time,mood,activities,note\n"
    "04/05/2024,,Samstag,20:00,good,,\n"
    "03/05/2024,,Freitag,08:15,meh,,\n"
)


def run(tmp_path: Path, lang: str, *args: str, time_format: str = "system") -> subprocess.CompletedProcess:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    # each data folder keeps its own settings file
    settings_file = settings.path_for(tmp_path / "vault")
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(json.dumps({"time_format": time_format}))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "LC_", "LANG"))}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", TZ="Europe/Berlin", LANG=lang,
               XDG_CONFIG_HOME=str(config))
    return subprocess.run([sys.executable, "-m", "caregiver_app", "--data-dir", str(tmp_path / "vault"), *args],
                          input=PASS + "\n", capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def imported(tmp_path):
    made = run(tmp_path, "de_DE.UTF-8", "init", "--no-keyring", "--passphrase-stdin")
    assert made.returncode == 0, made.stderr
    export = tmp_path / "daylio.csv"
    export.write_text(DAY_FIRST, encoding="utf-8")
    result = run(tmp_path, "de_DE.UTF-8", "import-daylio", str(export), "--person", "Sam", "--passphrase-stdin",
                 "--timezone", "Europe/Berlin")
    assert result.returncode == 0, result.stderr
    return result


def test_day_first_import_is_told_in_the_locale(imported):
    out = imported.stdout
    assert "Dates such as 04/05/2024 were read day first (day/month/year)" in out
    assert "First entry: 3. Mai 2024, 08:15" in out and "Last entry: 4. Mai 2024, 20:00" in out


@pytest.mark.parametrize("lang, time_format, expected, absent", [
    ("de_DE.UTF-8", "system", "20:00", "8:00"),
    ("en_US.UTF-8", "system", "8:00 PM", "20:00"),
    ("en_US.UTF-8", "24h", "20:00", "8:00"),
])
def test_summary_pdf_follows_the_locale_and_setting(imported, tmp_path, lang, time_format, expected, absent):
    pdf = tmp_path / "summary.pdf"
    result = run(tmp_path, lang, "summary", "--person", "Sam", "--from", "2024-05-01", "--to", "2024-05-31",
                 "-o", str(pdf), "--passphrase-stdin", "--timezone", "Europe/Berlin", time_format=time_format)
    assert result.returncode == 0, result.stderr
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    text = " ".join(text.replace("\u00a0", " ").split())
    assert expected in text and absent not in text


@pytest.mark.parametrize(("lang", "expected"), [("en_US.UTF-8", "1,500"), ("de_DE.UTF-8", "1.500"), ("C", "1,500")])
def test_command_line_counts_group_digits_the_way_the_locale_does(monkeypatch, lang, expected):
    """A German reader takes "1,500" for one and a half: counts follow the environment's locale."""
    for key in ("LC_ALL", "LC_TIME"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", lang)
    from caregiver_app import cli

    assert cli._number(1500) == expected
    assert cli._number(1) == "1"
