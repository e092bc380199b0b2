"""``caregiver-app imports`` (the list of past imports) and ``imports --undo N`` on a real vault
folder, and the import command's own report of its backup and its number (issue 18 defect 10)."""

from __future__ import annotations

from support import PASSPHRASE, run_cli

from caregiver_app.cli import EXIT_BAD_INPUT, EXIT_NEEDS_DECISION, EXIT_OK

CSV = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2026-11-29,Nov 29,Sunday,9:23 PM,Solid,friends | walk,"","Dinner with friends"\n'
    '2026-11-28,Nov 28,Saturday,8:05 AM,rad,walk,"","Great morning"\n'
    '2026-11-27,Nov 27,Friday,10:09 PM,Solid,reading,"","Quiet evening"\n'
)
SECRET = PASSPHRASE + "\n"


def _import(data_dir, path, *extra):
    return run_cli(data_dir, "import", str(path), "--person", "Sam", "--timezone", "UTC", *extra,
                   "--passphrase-stdin", stdin=SECRET)


def test_import_list_undo_and_the_mapping_remembered(data_dir, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    code, out, _err = _import(data_dir, path, "--mood-map", "Solid=4")
    assert code == EXIT_OK
    assert "Backup made before the import: vault-" in out and "-pre-import.db" in out
    assert "This is import 1; to undo it: caregiver-app imports --undo 1" in out
    backups = sorted(p.name for p in (data_dir / "backups").iterdir())
    assert any(name.endswith("-pre-import.db") for name in backups)

    code, out, _err = _import(data_dir, path)  # "Solid" needs no --mood-map the second time
    assert code == EXIT_OK and "0 new, 3 already present" in out

    code, out, _err = run_cli(data_dir, "imports", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0].split()[0] == "2" and "added nothing" in lines[0]
    assert lines[1].split()[0] == "1" and "Daylio “export.csv” into Sam’s journal" in lines[1]
    assert "3 new entries, all still in the journal" in lines[1]

    code, out, err = run_cli(data_dir, "imports", "--undo", "1", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_NEEDS_DECISION and "Add --yes to go ahead" in err
    assert "Undoing it removes 3 entries it added" in out

    code, out, _err = run_cli(data_dir, "imports", "--undo", "1", "--yes", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK and "Removed 3 entries of import 1." in out
    code, out, _err = run_cli(data_dir, "export-csv", "--person", "Sam", "-o", str(tmp_path / "j.csv"),
                              "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK and (tmp_path / "j.csv").read_text(encoding="utf-8-sig").count("\n") == 1  # header only

    code, out, _err = run_cli(data_dir, "imports", "--undo", "1", "--yes", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK and "undone already" in out
    code, _out, err = run_cli(data_dir, "imports", "--undo", "99", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_BAD_INPUT and "There is no import number 99" in err


def test_an_empty_vault_has_no_imports(data_dir):
    code, out, _err = run_cli(data_dir, "imports", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK and out.strip() == "No imports have been made into this vault yet."


def test_undo_names_changed_entries_and_keeps_them_when_asked(data_dir, tmp_path, monkeypatch):
    from caregiver_app.domain import timeutil
    from caregiver_app.services import journal, people, vault_open
    from caregiver_app.services.vault import VaultPaths

    for name in ("LC_ALL", "LC_TIME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # dates as a British terminal writes them
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    assert _import(data_dir, path, "--mood-map", "Solid=4")[0] == EXIT_OK
    vault = vault_open.unlock_with_passphrase(VaultPaths(data_dir), PASSPHRASE)
    try:
        sam = people.find_person(vault, "Sam")
        entry = journal.recent_entries(vault, sam.id)[0]
        when = timeutil.utc_to_local(entry.occurred_at, timeutil.zone(entry.zone_name)).replace(tzinfo=None)
        journal.save_entry(vault, journal.EntryDraft(sam.id, when, mood=entry.mood, note="changed by hand",
                                                     zone_name=entry.zone_name, entry_id=entry.id))
    finally:
        vault.close()
    code, out, _err = run_cli(data_dir, "imports", "--undo", "1", "--keep-edited", "--yes", "--passphrase-stdin",
                              stdin=SECRET)
    assert code == EXIT_OK
    assert "1 of them was changed after the import:" in out and "29 Nov 2026" in out
    assert "They stay in the journal (--keep-edited)" in out
    assert "Removed 2 entries of import 1. 1 changed entry stays." in out


def test_the_list_prints_no_terminal_codes_and_undo_options_need_undo(data_dir, tmp_path):
    path = tmp_path / "export\x1b[2Jcleared.csv"  # a hostile name: an escape that clears the screen
    path.write_text(CSV, encoding="utf-8")
    assert _import(data_dir, path, "--mood-map", "Solid=4")[0] == EXIT_OK
    code, out, _err = run_cli(data_dir, "imports", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK and "\x1b" not in out and "export?[2Jcleared.csv" in out
    for option in ("--yes", "--keep-edited"):
        code, _out, err = run_cli(data_dir, "imports", option, "--passphrase-stdin", stdin=SECRET)
        assert code == EXIT_BAD_INPUT and "go with --undo NUMBER" in err
