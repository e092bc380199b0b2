#!/usr/bin/env python3
"""Build the old vaults the tests upgrade: one small real vault per past schema revision.

Usage: ``python scripts/make_old_vaults.py [--out DIR] [--again]`` (default ``tests/fixtures/old_vaults``).

For each revision before the head (``tests/old_vaults.py`` lists them and the rows), this sets up
a real vault with the app's own ``create_vault`` (key file, its second copy, SQLCipher database;
the tests' passphrase and cheap Argon2 parameters, kept in the key file), takes its schema back
to nothing and up again only as far as that revision, with Alembic and the app's migration
scripts, writes rows into every table that revision has with SQL that fits its columns, compacts
the file and copies the vault's files to ``DIR/<revision>/``. A revision whose folder is already
there is left as it is (those files stand for vaults written by older versions of the app);
``--again`` writes every one anew. After adding a migration: add the old head to
``tests/old_vaults.py`` (REVISIONS, plus rows for its new tables and columns), then run this.
Exits 0 when the vaults were written.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # old_vaults.py: the rows, shared with the tests

from alembic import command  # noqa: E402

from caregiver_app.security import kdf  # noqa: E402
from caregiver_app.services.vault import VaultPaths  # noqa: E402
from caregiver_app.services.vault_open import create_vault  # noqa: E402

import old_vaults  # noqa: E402

# The tests' cheap parameters: the key file keeps them, so the tests open these vaults at once.
kdf.set_default_params(kdf.Argon2Params(iterations=1, memory_kib=64, lanes=1))


def build(revision: str, work: Path, out: Path) -> None:
    """Write the old vault of ``revision`` to ``out/<revision>/``."""
    paths = VaultPaths(work / revision)
    create_vault(paths, old_vaults.PASSPHRASE).vault.close()
    engine = old_vaults.open_engine(paths.folder)
    try:
        cfg = old_vaults.alembic_config()
        for target, step in (("base", command.downgrade), (revision, command.upgrade)):
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                step(cfg, target)
        old_vaults.insert_rows(engine, revision)
        raw = engine.raw_connection()  # outside SQLAlchemy's transaction: VACUUM cannot run in one
        try:
            raw.driver_connection.execute("VACUUM")  # the dropped head schema left free pages behind
        finally:
            raw.close()
        problems = old_vaults.rows_missing(engine, revision) + old_vaults.unfilled(engine, revision)
        if problems:
            raise SystemExit(f"{revision}: not written (add rows to tests/old_vaults.py): {problems}")
    finally:
        engine.dispose()  # the last connection folds the WAL back into the database file
    target = out / revision
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in old_vaults.FILES:
        shutil.copy2(paths.folder / name, target / name)
    sizes = ", ".join(f"{name} {(target / name).stat().st_size:,} B" for name in old_vaults.FILES)
    print(f"{revision}: {sizes}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=old_vaults.FOLDER, help="where the vault folders go")
    parser.add_argument("--again", action="store_true", help="write the vaults already there anew too")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="old-vaults-") as work:
        for revision in old_vaults.REVISIONS:
            if (args.out / revision).exists() and not args.again:
                print(f"{revision}: already there, left as it is")
                continue
            build(revision, Path(work), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
