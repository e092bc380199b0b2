"""The vault file for moving to a new computer: one ZIP archive (``zipfile``, stored, no
compression) whose members are already protected:

* ``vault.db`` — an encrypted copy of the database made by ``sqlcipher_export`` (same data key);
* ``vault.keys`` — the key file, which holds the data key only wrapped by the passphrase and the
  recovery code;
* ``manifest.json`` — the format name and version, the UTC time of the export, the app version
  and the schema revision. No names, no counts, nothing personal.

Nothing in the archive, and nothing written while making or reading it, is plaintext health data.
Reading checks every member's CRC (``zipfile``) and caps sizes, so a damaged or hostile file is
refused in plain words.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..i18n import N_, _
from ..private_files import private_writer
from .errors import StorageError

FORMAT = "caregiver-companion-vault-file"
VERSION = 1
DB_MEMBER = "vault.db"
KEYS_MEMBER = "vault.keys"
MANIFEST_MEMBER = "manifest.json"
MAX_KEYS_BYTES = 64 * 1024
MAX_MANIFEST_BYTES = 16 * 1024
MAX_DB_BYTES = 16 * 1024**3

NOT_OURS = N_("This file is not a Caregiver Companion vault file.")
DAMAGED = N_("This vault file is damaged or incomplete, so it cannot be used. Please make a new one on the old computer.")
NEWER = N_("This vault file was made by a newer version of Caregiver Companion. Please update the app first.")


class VaultFileError(StorageError):
    """A vault file that cannot be read: not ours, damaged, or from a newer app."""


@dataclass(frozen=True)
class VaultFileContents:
    """What a vault file holds, before anything is unlocked. ``manifest`` is the parsed JSON."""

    manifest: dict
    keyfile_bytes: bytes
    db_size: int


def write_vault_file(dest: Path, db_copy: Path, keyfile_bytes: bytes, manifest: dict) -> Path:
    """Write the archive to ``dest`` atomically (a temporary ``.caregiver-vault-….part`` in the
    same folder, fsync, rename), mode 0600. Raises ``OSError`` (the temporary file removed)."""
    dest = Path(dest)
    # the temporary name is one the vault's start-up clean-up knows (storage.files.TEMP_PATTERN)
    with private_writer(dest, temp_prefix=".caregiver-vault-", temp_suffix=".part") as raw:
        with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED) as archive:
            doc = {"format": FORMAT, "version": VERSION, **manifest}
            archive.writestr(MANIFEST_MEMBER, json.dumps(doc, indent=2, sort_keys=True) + "\n")
            archive.writestr(KEYS_MEMBER, keyfile_bytes)
            archive.write(db_copy, DB_MEMBER)
    return dest


def _open_archive(path: Path) -> zipfile.ZipFile:
    try:
        # a device would never end and opening a named pipe would wait for a writer forever
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise VaultFileError(_("That is not an ordinary file (it is a device, a pipe or a folder), "
                                   "so it cannot be a vault file."))
        return zipfile.ZipFile(path, "r")
    except FileNotFoundError:
        raise VaultFileError(_("That file does not exist.")) from None
    except (zipfile.BadZipFile, OSError, ValueError):
        raise VaultFileError(_(NOT_OURS)) from None


def read_vault_file(path: Path) -> VaultFileContents:
    """Read and check the manifest and the key file member. Raises :class:`VaultFileError`."""
    with _open_archive(Path(path)) as archive:
        try:
            names = {info.filename: info for info in archive.infolist()}
            if MANIFEST_MEMBER not in names:
                raise VaultFileError(_(NOT_OURS))
            if names[MANIFEST_MEMBER].file_size > MAX_MANIFEST_BYTES:
                raise VaultFileError(_(DAMAGED))
            try:
                manifest = json.loads(archive.read(MANIFEST_MEMBER).decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise VaultFileError(_(DAMAGED)) from None
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise VaultFileError(_(NOT_OURS))
            version = manifest.get("version")
            if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
                raise VaultFileError(_(NEWER))
            if version != VERSION:
                raise VaultFileError(_(DAMAGED))
            if KEYS_MEMBER not in names or DB_MEMBER not in names:
                raise VaultFileError(_(DAMAGED))
            if names[KEYS_MEMBER].file_size > MAX_KEYS_BYTES or names[DB_MEMBER].file_size > MAX_DB_BYTES:
                raise VaultFileError(_(DAMAGED))
            keys = archive.read(KEYS_MEMBER)
            return VaultFileContents(manifest, keys, names[DB_MEMBER].file_size)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
            raise VaultFileError(_(DAMAGED)) from None


def extract_database(path: Path, dest: Path) -> None:
    """Copy the encrypted database member to ``dest`` (must not exist; mode 0600), checking its
    CRC. Raises :class:`VaultFileError` or ``OSError``; a partial ``dest`` is removed."""
    dest = Path(dest)
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out, _open_archive(Path(path)) as archive:
            info = archive.getinfo(DB_MEMBER)
            if info.file_size > MAX_DB_BYTES:
                raise VaultFileError(_(DAMAGED))
            with archive.open(info) as member:
                shutil.copyfileobj(member, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
    except (zipfile.BadZipFile, KeyError, EOFError, NotImplementedError, RuntimeError):
        _unlink(dest)
        raise VaultFileError(_(DAMAGED)) from None
    except BaseException:
        _unlink(dest)
        raise


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
