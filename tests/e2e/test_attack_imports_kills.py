"""An import or an undo killed (SIGKILL) at its worst moments: while the search index triggers are
set aside for the bulk insert, while the notes are indexed, between the entries and the import's
row, in the middle of an undo. Afterwards the vault holds the import whole or not at all, both
search indexes pass FTS5's integrity-check, all six index triggers are there, and the same command
run again finishes. The real command line in a child process, on a real encrypted vault."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from support import PASSPHRASE

from caregiver_app.services import vault_open
from caregiver_app.services.vault import VaultPaths, session_of

KILLER = Path(__file__).with_name("kill_at_statement.py")
ROWS = 40
CSV = "full_date,date,weekday,time,mood,activities,note_title,note\n" + "".join(
    f'2024-02-{day:02d},Feb {day},Monday,9:00 PM,good,walk | tea,"","quiet evening number {day}"\n'
    for day in range(1, ROWS + 1) if day <= 29
) + "".join(f'2024-03-{day:02d},Mar {day},Friday,8:00 AM,meh,,"","morning note {day}"\n' for day in range(1, ROWS - 28))


def cli(data_dir: Path, *args: str, kill_at: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", TZ="UTC")
    runner = [str(KILLER), kill_at] if kill_at else ["-m", "caregiver_app"]
    return subprocess.run([sys.executable, *runner, "--data-dir", str(data_dir), *args, "--passphrase-stdin"],
                          input=PASSPHRASE + "\n", capture_output=True, text=True, env=env, timeout=120)


def state(data_dir: Path) -> tuple[int, list[tuple[int, int, bool]]]:
    """(entries, [(import, new entries, undone)]) after checking the indexes and the triggers."""
    vault = vault_open.unlock_with_passphrase(VaultPaths(data_dir), PASSPHRASE)
    try:
        with session_of(vault) as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            for index in ("journal_fts", "journal_fts_tri"):
                s.execute(text(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)"))
            triggers = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
            assert {f"{i}_{k}" for i in ("journal_fts", "journal_fts_tri") for k in ("ai", "ad", "au")} <= triggers
            entries = s.scalar(text("SELECT count(*) FROM journal_entry"))
            batches = [(b, n, u is not None) for b, n, u in s.execute(text("SELECT id, new_entries, undone_at FROM import_batch"))]
            per_batch = dict(s.execute(text("SELECT import_batch_id, count(*) FROM journal_entry GROUP BY import_batch_id")).all())
            found = s.scalar(text("SELECT count(*) FROM journal_fts WHERE journal_fts MATCH 'evening'"))
            found_tri = s.scalar(text("SELECT count(*) FROM journal_fts_tri WHERE journal_fts_tri MATCH 'evenin'"))
    finally:
        vault.close()
    for batch, new, undone in batches:
        assert per_batch.get(batch, 0) == (0 if undone else new), (batch, per_batch)
    evenings = sum(1 for line in CSV.splitlines() if "evening" in line) if entries else 0
    assert found == found_tri == evenings
    return entries, batches


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.mark.parametrize("moment", ['DROP TRIGGER', 'INSERT INTO "journal_fts"', 'INSERT INTO "journal_fts_tri"',
                                    "CREATE TRIGGER", "INSERT INTO entry_tag", "UPDATE import_batch"])
def test_an_import_killed_at_its_worst_moments_leaves_nothing_half_written(data_dir, export, moment):
    killed = cli(data_dir, "import", str(export), "--person", "Sam", kill_at=moment)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert state(data_dir) == (0, [])
    again = cli(data_dir, "import", str(export), "--person", "Sam")
    assert again.returncode == 0, again.stderr
    assert state(data_dir) == (ROWS, [(1, ROWS, False)])


@pytest.mark.parametrize("moment", ["DELETE FROM journal_entry", "UPDATE journal_entry", "UPDATE import_batch"])
def test_an_undo_killed_midway_leaves_the_import_whole(data_dir, export, moment):
    assert cli(data_dir, "import", str(export), "--person", "Sam").returncode == 0
    killed = cli(data_dir, "imports", "--undo", "1", "--yes", kill_at=moment)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert state(data_dir) == (ROWS, [(1, ROWS, False)])
    again = cli(data_dir, "imports", "--undo", "1", "--yes")
    assert again.returncode == 0, again.stderr
    assert state(data_dir) == (0, [(1, ROWS, True)])
