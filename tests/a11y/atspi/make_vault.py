"""Make the AT-SPI job's test vault: one person and one journal entry whose note holds a marker
phrase that must never reach the accessibility bus while the vault is locked.

Usage: make_vault.py DATA_DIR MARKER (run with the project's venv Python). The passphrase is the
tests' own throw-away one; the key derivation uses the tests' cheap parameters.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/, for support.py

from support import CHEAP_ARGON2, PASSPHRASE  # noqa: E402

from caregiver_app.security import kdf  # noqa: E402
from caregiver_app.services import journal  # noqa: E402
from caregiver_app.services.people import add_person  # noqa: E402
from caregiver_app.services.vault import VaultPaths  # noqa: E402
from caregiver_app.services.vault_open import create_vault  # noqa: E402


def main(folder: str, marker: str) -> None:
    kdf.set_default_params(CHEAP_ARGON2)
    vault = create_vault(VaultPaths(Path(folder)), PASSPHRASE).vault
    try:
        person = add_person(vault, "Sam Rivera")
        journal.save_entry(vault, journal.EntryDraft(person.id, datetime(2026, 11, 30, 9), note=marker))
    finally:
        vault.close()
    print(PASSPHRASE)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
