"""Child process for tests/e2e/test_family_sync_kill.py: opens a vault already in a family and
loops until killed, printing a line after each step it finished (an acknowledgement).

``write``: save an entry ("saved N"), then sync ("synced N"); ``merge``: sync again and again.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from caregiver_app.services import family_sync, journal, people
from caregiver_app.services.vault import VaultPaths
from caregiver_app.services.vault_open import unlock_with_passphrase


def main() -> int:
    folder, passphrase, mode, start = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    vault = unlock_with_passphrase(VaultPaths(folder), passphrase)
    print("open", flush=True)
    n = start
    while True:
        if mode == "write":
            sam = people.find_person(vault, "Sam Rivera")
            when = datetime(2026, 1, 1, 9) + timedelta(hours=n)
            journal.save_entry(vault, journal.EntryDraft(sam.id, when, note=f"kill note {n}", mood=3))
            print(f"saved {n}", flush=True)
        family_sync.sync_now(vault)
        print(f"synced {n}", flush=True)
        n += 1


if __name__ == "__main__":
    sys.exit(main())
