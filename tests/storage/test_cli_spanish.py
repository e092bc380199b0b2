"""The command line in Spanish (the settings' language, else the system's: LANGUAGE, LC_ALL,
LC_MESSAGES, LANG), argparse's own words included, and ``--language`` for the documents it writes,
whatever the command line speaks. Run in-process on a real encrypted vault."""

from __future__ import annotations

import argparse
import json
from datetime import datetime

import pytest
from pypdf import PdfReader
from support import PASSPHRASE, run_cli

from caregiver_app import cli
from caregiver_app.cli_language import chosen_language, system_locale_names
from caregiver_app.domain.model import MoodLevel, SymptomRating
from caregiver_app.domain.plans import PlanItem, SafetyPlan
from caregiver_app.services import journal, plans
from caregiver_app.services.people import add_person
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault


def pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split()).replace("\xa0", " ")


@pytest.fixture
def folder(tmp_path, environment):
    data = tmp_path / "data"
    vault = create_vault(VaultPaths(data), PASSPHRASE, remember=False).vault
    person = add_person(vault, "Sam Rivera")
    journal.save_entry(vault, journal.EntryDraft(person.id, datetime(2026, 11, 20, 21, 15), mood=MoodLevel.LOW,
                                                 note="Una tarde larga; ¿dormirá mejor mañana?",
                                                 symptoms=(SymptomRating("Tristeza", 5),), flag_for_visit=True,
                                                 zone_name="America/New_York"))
    plans.save_safety_plan(vault, SafetyPlan(person.id, coping=(PlanItem("Caminar al parque"),)))
    vault.close()
    return data


def test_help_is_spanish_under_language_es(folder, environment, capsys):
    environment.setenv("LANGUAGE", "es_MX:es")
    code = cli.main(["--data-dir", str(folder), "--help"])
    out = capsys.readouterr().out
    assert code == cli.EXIT_OK
    for words in ("uso: caregiver-app", "opciones:", "mostrar esta ayuda y salir", "códigos de salida:",
                  "escribir un PDF del resumen para la consulta", "un diario cifrado que imprime resúmenes"):
        assert words in out, words
    assert "usage:" not in out and "show this help message" not in out
    capsys.readouterr()
    assert cli.main(["--data-dir", str(folder), "summary", "--help"]) == cli.EXIT_OK
    sub = capsys.readouterr().out
    assert "el idioma en que se escribe el resumen" in sub and "--language {en,es}" in sub


def test_errors_are_spanish_and_exit_codes_unchanged(folder, environment, capsys):
    environment.setenv("LC_ALL", "es_ES.UTF-8")
    code, _out, err = run_cli(folder, "summary", "--person", "Sam Rivera")
    usage = capsys.readouterr().err  # argparse prints the usage line itself
    assert code == cli.EXIT_BAD_INPUT
    assert "se necesitan los siguientes argumentos: --from, --to, -o/--output" in err
    assert usage.startswith("uso: caregiver-app summary")
    code, _out, err = run_cli(folder, "summary", "--person", "Sam Rivera", "--from", "2026-11-01", "--to", "2026-11-30",
                              "-o", str(folder / "s.pdf"), "--language", "fr")
    assert code == cli.EXIT_BAD_INPUT and "opción no válida: 'fr' (elija entre 'en', 'es')" in err
    code, _out, err = run_cli(folder, "summary", "--person", "Nadie", "--from", "2026-11-01", "--to", "2026-11-30",
                              "-o", str(folder), "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert code == cli.EXIT_BAD_INPUT
    assert "No hay nadie llamado Nadie en este diario" in err


def test_summary_language_es_from_an_english_command_line(folder, tmp_path):
    out_file = tmp_path / "resumen.pdf"
    code, out, err = run_cli(folder, "summary", "--person", "Sam Rivera", "--from", "2026-11-01", "--to", "2026-11-30",
                             "-o", str(out_file), "--language", "es", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert (code, err) == (cli.EXIT_OK, "")
    assert out.startswith("Saved the visit summary to ") and out.endswith("(1 entry).\n")  # the CLI speaks English
    text = pdf_text(out_file)
    assert "Resumen para la consulta" in text and "Notas por día" in text and "Visit summary" not in text
    assert "Una tarde larga; ¿dormirá mejor mañana?" in text
    assert PdfReader(out_file).metadata.title == "Resumen para la consulta"
    english = tmp_path / "summary.pdf"
    assert run_cli(folder, "summary", "--person", "Sam Rivera", "--from", "2026-11-01", "--to", "2026-11-30",
                   "-o", str(english), "--passphrase-stdin", stdin=PASSPHRASE + "\n")[0] == cli.EXIT_OK
    assert "Visit summary" in pdf_text(english)


def test_safety_plan_language_es(folder, tmp_path, environment):
    environment.setenv("LANGUAGE", "es")
    plan = tmp_path / "plan.pdf"
    code, out, err = run_cli(folder, "safety-plan", "--person", "Sam Rivera", "-o", str(plan), "--language", "es",
                             "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert (code, err) == (cli.EXIT_OK, "")
    assert out.startswith("Se guardó el plan de seguridad en ")
    text = pdf_text(plan)
    assert "Mi plan de seguridad" in text and "Caminar al parque" in text and "My safety plan" not in text
    english = tmp_path / "plan-en.pdf"
    assert run_cli(folder, "safety-plan", "--person", "Sam Rivera", "-o", str(english), "--language", "en",
                   "--passphrase-stdin", stdin=PASSPHRASE + "\n")[0] == cli.EXIT_OK
    assert "My safety plan" in pdf_text(english)


def test_the_settings_language_wins_over_the_system(folder, environment, capsys):
    environment.setenv("LANGUAGE", "es")
    settings_file = folder / "settings.json"
    saved = json.loads(settings_file.read_text()) if settings_file.exists() else {}
    settings_file.write_text(json.dumps({**saved, "language": "en"}))
    assert cli.main(["--data-dir", str(folder), "--help"]) == cli.EXIT_OK
    assert "usage: caregiver-app" in capsys.readouterr().out


def test_language_choice_rules():
    env = {"LANGUAGE": "", "LC_ALL": "de_DE.UTF-8", "LC_MESSAGES": "es_MX.UTF-8", "LANG": "en_US.UTF-8"}
    assert system_locale_names(env) == ("de_DE.UTF-8", "es_MX.UTF-8", "en_US.UTF-8")
    assert chosen_language(None, env) == "es"  # German is not spoken yet: the next wish that is
    assert chosen_language(None, {"LANG": "C"}) == "en"
    assert chosen_language(argparse.Namespace(language="en"), env) == "en"


def test_exit_codes_help_names_the_exit_codes():
    listed = [int(line.split()[0]) for line in cli.EXIT_CODES_HELP.splitlines()[1:] if line.strip()]
    assert listed == [cli.EXIT_OK, cli.EXIT_INTERNAL, cli.EXIT_BAD_INPUT, cli.EXIT_NEEDS_DECISION,
                      cli.EXIT_CANNOT_UNLOCK, cli.EXIT_VAULT, cli.EXIT_DISK, cli.EXIT_INCOMPLETE]
