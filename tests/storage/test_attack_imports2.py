"""Second attack on imports (backup first, undo, bulk insert): hostile files and odd numbers on the
command line, in-process on a real encrypted vault folder."""

from __future__ import annotations

import pytest
from support import PASSPHRASE, run_cli

from caregiver_app.cli import EXIT_BAD_INPUT, EXIT_OK
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def run(folder, *args):
    return run_cli(folder, *args, "--passphrase-stdin", stdin=PASSPHRASE + "\n")


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "data"
    create_vault(VaultPaths(data), PASSPHRASE, remember=False).vault.close()
    return data


def test_a_field_over_the_csv_readers_limit_skips_only_its_own_line(folder, tmp_path):
    # Python's csv reader stops at 131,072 characters in one field; a pasted 300,000-character
    # note refused the whole file as "a quoted field may never end" (it does end).
    export = tmp_path / "export.csv"
    export.write_text(
        HEADER
        + '2024-01-02,Jan 2,Tuesday,9:00 PM,good,walk,"","' + "x" * 300_000 + '"\n'
        + '2024-01-01,Jan 1,Monday,9:00 PM,good,walk,"","a quiet day"\n',
        encoding="utf-8",
    )
    code, out, err = run(folder, "import", str(export), "--person", "Sam")
    assert code == EXIT_OK, err
    assert "1 new, 0 already present" in out
    assert "Skipped line 2: A note can be at most" in out
    assert "never end" not in err


@pytest.mark.parametrize("number", ["99999999999999999999999", "-99999999999999999999999"])
def test_an_import_number_too_big_for_the_database_is_bad_input(folder, number):
    code, _out, err = run(folder, "imports", "--undo", number, "--yes")
    assert code == EXIT_BAD_INPUT, err
    assert f"There is no import number {number}." in err
    assert "unexpected" not in err and "Error" not in err


def test_a_nul_character_in_a_note_is_not_stored_or_exported(folder, tmp_path):
    # A NUL byte in a file's note was stored as it was: SQLite's text functions end the note at
    # it, and the family's web page and the CSV export carried the raw NUL on.
    export = tmp_path / "export.csv"
    export.write_text(HEADER + '2024-01-01,Jan 1,Monday,9:00 PM,good,walk,"","before\x00after"\n', encoding="utf-8")
    code, out, err = run(folder, "import", str(export), "--person", "Sam")
    assert code == EXIT_OK and "1 new" in out, err
    for command, name in (("export-journal", "journal.html"), ("export-csv", "journal.csv")):
        code, _out, err = run(folder, command, "--person", "Sam", "-o", str(tmp_path / name))
        assert code == EXIT_OK, err
        written = (tmp_path / name).read_bytes()
        assert b"\x00" not in written and b"beforeafter" in written
    code, out, _err = run(folder, "import", str(export), "--person", "Sam")
    assert "0 new, 1 already present" in out  # the same file again still adds nothing


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_without_its_byte_order_mark_is_read(folder, tmp_path, codec):
    # Read as UTF-8 it became text with a NUL between every letter: "an app we don't know yet",
    # and the message listed the columns as 'f u l l _ d a t e ' with raw NULs on the terminal.
    export = tmp_path / "daylio.csv"
    export.write_bytes((HEADER + "2024-05-03,May 3,Friday,20:35,good,walk,,Grüße\n").encode(codec))
    code, out, err = run(folder, "import", str(export), "--person", "Sam")
    assert code == EXIT_OK, err
    assert "This is a Daylio export" in out and "1 new, 0 already present" in out
    assert "\x00" not in out + err


def test_import_daylio_says_how_to_undo_and_uses_the_levels_chosen_before(folder, tmp_path):
    # The Daylio-only command writes an undoable import with a backup first, like 'import', but
    # said neither the backup nor the import's number, and asked for --mood-map every time.
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text(HEADER + '2024-05-03,May 3,Friday,20:35,Solid,,"",""\n', encoding="utf-8")
    second.write_text(HEADER + '2024-05-04,May 4,Saturday,20:35,Solid,,"",""\n', encoding="utf-8")
    code, out, err = run(folder, "import-daylio", str(first), "--person", "Sam", "--mood-map", "Solid=4")
    assert code == EXIT_OK, err
    assert "Backup made before the import: vault-" in out
    assert "This is import 1; to undo it: caregiver-app imports --undo 1" in out
    code, out, err = run(folder, "import-daylio", str(second), "--person", "Sam")
    assert code == EXIT_OK, err
    assert "Solid: 1 (level 4)" in out and "This is import 2;" in out


def test_import_daylio_still_asks_for_a_level_never_chosen(folder, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(HEADER + '2024-05-03,May 3,Friday,20:35,Solid,,"",""\n', encoding="utf-8")
    code, _out, err = run(folder, "import-daylio", str(export), "--person", "Sam")
    assert code == 3
    assert "'Solid': 1 entry\n" in err and "--mood-map Solid=LEVEL" in err and "Nothing was imported" not in err


def test_a_nul_character_in_an_activity_or_mood_word_is_not_kept(folder, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(HEADER + '2024-01-01,Jan 1,Monday,9:00 PM,go\x00od,wa\x00lk,"",""\n', encoding="utf-8")
    code, out, err = run(folder, "import", str(export), "--person", "Sam")
    assert code == EXIT_OK and "1 new" in out, err
    code, _out, err = run(folder, "export-csv", "--person", "Sam", "-o", str(tmp_path / "journal.csv"))
    assert code == EXIT_OK, err
    written = (tmp_path / "journal.csv").read_bytes()
    assert b"\x00" not in written and b"walk" in written
