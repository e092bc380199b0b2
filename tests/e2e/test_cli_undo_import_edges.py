"""``caregiver-app imports`` and ``imports --undo``, attacked (branch attack-undo), on a real vault
folder."""

from __future__ import annotations

from support import PASSPHRASE, run_cli
from test_cli_imports import CSV

from caregiver_app.cli import EXIT_OK, report_format
from caregiver_app.domain import timeutil
from caregiver_app.services import import_batches, vault_open
from caregiver_app.services.vault import VaultPaths

SECRET = PASSPHRASE + "\n"


def test_the_imports_list_tells_times_in_the_zone_chosen_in_the_settings(data_dir, tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    assert run_cli(data_dir, "settings", "set", "time_zone", "Asia/Tokyo")[0] == EXIT_OK  # the computer: New York
    assert run_cli(data_dir, "import", str(path), "--person", "Sam", "--mood-map", "Solid=4",
                   "--passphrase-stdin", stdin=SECRET)[0] == EXIT_OK
    assert run_cli(data_dir, "imports", "--undo", "1", "--yes", "--passphrase-stdin", stdin=SECRET)[0] == EXIT_OK
    vault = vault_open.unlock_with_passphrase(VaultPaths(data_dir), PASSPHRASE)
    try:
        [batch] = import_batches.list_imports(vault)
    finally:
        vault.close()

    code, out, _err = run_cli(data_dir, "imports", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK
    fmt = report_format(VaultPaths(data_dir))
    tokyo = timeutil.zone("Asia/Tokyo")

    def words(instant) -> str:
        local = timeutil.utc_to_local(instant, tokyo)
        return f"{fmt.date(local.date())}, {fmt.time(local)}"

    assert f"into Sam’s journal on {words(batch.imported_at)}:" in out
    assert f"undone on {words(batch.undone_at)}" in out


def test_the_backups_list_tells_times_in_the_settings_zone_and_groups_its_counts(data_dir, tmp_path):
    rows = [f'2020-{1 + i // 28:02d}-{1 + i % 28:02d},d,w,{8 + i % 3}:00,good,,"","day {i}"' for i in range(336)]
    path = tmp_path / "export.csv"
    path.write_text("full_date,date,weekday,time,mood,activities,note_title,note\n" + "\n".join(rows * 1) + "\n",
                    encoding="utf-8")
    assert run_cli(data_dir, "settings", "set", "time_zone", "Asia/Tokyo")[0] == EXIT_OK
    for person in ("Sam", "Alex", "Kim"):  # 1,008 entries in all before the undo
        assert run_cli(data_dir, "import", str(path), "--person", person, "--passphrase-stdin",
                       stdin=SECRET)[0] == EXIT_OK
    assert run_cli(data_dir, "imports", "--undo", "3", "--yes", "--passphrase-stdin", stdin=SECRET)[0] == EXIT_OK

    code, out, _err = run_cli(data_dir, "restore", "--passphrase-stdin", stdin=SECRET)
    assert code == EXIT_OK
    [line] = [line for line in out.splitlines() if "Before undoing an import" in line]
    assert line.endswith("(JST)  Before undoing an import, 1,008 entries"), line
    code, out, _err = run_cli(data_dir, "restore", line.split()[0], "--passphrase-stdin", stdin=SECRET)
    assert "(JST) (Before undoing an import) holds:" in out
    assert "    Kim: 336 entries" in out
