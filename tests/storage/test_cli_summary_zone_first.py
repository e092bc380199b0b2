"""attack-perf3: ``summary --timezone`` with a zone the app does not know is bad input, told before
the passphrase is used or the vault opened, as ``export-csv``, ``export-fhir``, ``export-journal``
and ``import`` tell it: the same words and exit code whatever the passphrase, nothing unlocked,
nothing written and no PDF."""

from __future__ import annotations

import pytest
from support import PASSPHRASE, folder_bytes, run_cli
from test_cli_summary_check_ahead import RANGE, folder  # noqa: F401  (the fixture: a vault of Sam's in tmp_path)

from caregiver_app.cli import EXIT_BAD_INPUT
from caregiver_app.services import vault_open


@pytest.mark.parametrize("secret", [PASSPHRASE, "not the passphrase at all"])
def test_an_unknown_time_zone_is_told_before_the_vault_is_opened(folder, tmp_path, monkeypatch, secret):
    opened = []
    real_open = vault_open._open
    monkeypatch.setattr(vault_open, "_open", lambda *a, **k: opened.append(True) or real_open(*a, **k))
    before = folder_bytes(folder)
    pdf = tmp_path / "summary.pdf"
    code, out, err = run_cli(folder, "summary", "--person", "Sam", *RANGE, "-o", str(pdf), "--timezone",
                             "Mars/Olympus", "--passphrase-stdin", stdin=secret + "\n")
    csv_code, _out, csv_err = run_cli(folder, "export-csv", "--person", "Sam", "-o", str(tmp_path / "j.csv"),
                                      "--timezone", "Mars/Olympus", "--passphrase-stdin", stdin=secret + "\n")
    assert (code, err) == (csv_code, csv_err) == (EXIT_BAD_INPUT, csv_err)
    assert "Mars/Olympus" in err and out == ""
    assert not opened and not pdf.exists()
    assert folder_bytes(folder) == before
