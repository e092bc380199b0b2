"""``caregiver-app share`` and ``caregiver-app sync`` end to end in real processes (issue 20): two
data folders, one shared folder, a different import on each, two sync rounds, the same CSV export
on both computers."""

from __future__ import annotations

import subprocess
from pathlib import Path

from test_cli_vault import ok, run_process

PASS = "river stones and paper boats"
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
FIRST = HEADER + (
    "2026-11-20,November 20,Friday,9:23 PM,good,walk,,Garden in the morning\n"
    "2026-11-21,November 21,Saturday,8:00 AM,meh,,,Quiet day\n")
SECOND = HEADER + (
    "2026-11-21,November 21,Saturday,8:00 AM,meh,,,Quiet day\n"  # the same line in both files: one entry
    "2026-11-22,November 22,Sunday,7:10 PM,rad,family,,Visit from Ana\n")


def run(data_dir: Path, *args: str, stdin: str = PASS + "\n") -> subprocess.CompletedProcess:
    return run_process(data_dir, *args, stdin=stdin)


def test_two_computers_share_a_journal_through_one_folder(tmp_path):
    shared, a, b = tmp_path / "Dropbox" / "family", tmp_path / "a", tmp_path / "b"
    shared.mkdir(parents=True)
    for folder in (a, b):
        ok(run(folder, "init", "--no-keyring", "--passphrase-stdin"))
    (tmp_path / "first.csv").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.csv").write_text(SECOND, encoding="utf-8")
    ok(run(a, "import-daylio", str(tmp_path / "first.csv"), "--person", "Sam", "--passphrase-stdin"))

    code = ok(run(a, "share", "create", str(shared), "--name", "Kitchen laptop", "--passphrase-stdin")).split()[-1]
    assert len(code.split("-")) == 8
    wrong = run(b, "share", "join", str(shared), "--invitation-stdin", "--passphrase-stdin",
                stdin=f"{PASS}\n{'A' * 32}\n")
    assert wrong.returncode == 2 and "invitation" in wrong.stderr
    ok(run(b, "share", "join", str(shared), "--invitation-stdin", "--name", "Son's desktop", "--passphrase-stdin",
           stdin=f"{PASS}\n{code}\n"))

    # round one: a sends its journal, b brings it in and adds its own import to Sam's journal
    assert ok(run(a, "sync", "--passphrase-stdin")).startswith("Sent ")
    assert "received 0 changes" not in ok(run(b, "sync", "--passphrase-stdin"))
    ok(run(b, "import-daylio", str(tmp_path / "second.csv"), "--person", "Sam", "--passphrase-stdin"))
    # round two
    ok(run(b, "sync", "--passphrase-stdin"))
    out = ok(run(a, "sync", "--passphrase-stdin"))
    assert "Sent 0, received" in out and "received 0" not in out

    exports = []
    for folder in (a, b):
        target = tmp_path / f"{folder.name}.csv"
        ok(run(folder, "export-csv", "--person", "Sam", "-o", str(target), "--passphrase-stdin"))
        exports.append(target.read_bytes())
    assert exports[0] == exports[1]
    assert exports[0].count(b"\r\n") == 4  # the header and three entries: the shared line once

    status = ok(run(a, "share", "status", "--passphrase-stdin"))
    assert "Kitchen laptop (this computer)" in status and "Son's desktop" in status
    assert "0 changes wait to be sent." in status
    # nothing readable in the shared folder: no names, no notes
    for path in shared.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"Sam" not in data and b"Garden" not in data and b"Kitchen" not in data


def test_sync_without_a_family_is_bad_input_and_a_wrong_passphrase_cannot_unlock(tmp_path):
    ok(run(tmp_path / "a", "init", "--no-keyring", "--passphrase-stdin"))
    result = run(tmp_path / "a", "sync", "--passphrase-stdin")
    assert result.returncode == 2 and "not shared" in result.stderr
    assert run(tmp_path / "a", "sync", "--passphrase-stdin", stdin="wrong passphrase here\n").returncode == 4
    missing = run(tmp_path / "a", "share", "create", str(tmp_path / "nowhere"), "--passphrase-stdin")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    assert "not shared" in ok(run(tmp_path / "a", "share", "status", "--passphrase-stdin"))
