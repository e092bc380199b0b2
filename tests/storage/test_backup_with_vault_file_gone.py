"""A backup asked for while the vault's drive is gone (unplugged while the app is open) makes no
folder on the computer's own disk (attack-vaultgone). A real vault in tmp_path."""

from __future__ import annotations

import pytest
from support import PASSPHRASE

from caregiver_app.domain.errors import CaregiverError
from caregiver_app.services import backups
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import create_vault


@pytest.mark.parametrize("make", [backups.daily_backup_if_due, backups.back_up_before_import])
def test_a_backup_with_the_drive_gone_makes_no_folder_and_says_why(tmp_path, make):
    drive = tmp_path / "media" / "usb"
    paths = VaultPaths(drive / "journal")
    vault = create_vault(paths, PASSPHRASE).vault
    try:
        drive.rename(drive.with_name("usb-away"))  # unplugged while the vault is open
        with pytest.raises(CaregiverError) as told:
            make(vault)
        assert not drive.exists()  # no journal/backups folder made where the drive is mounted
        assert str(paths.db) in str(told.value) and "connect it" in str(told.value)
    finally:
        drive.with_name("usb-away").rename(drive)
        vault.close()
