"""The key file: the vault's random data key, stored only wrapped, in slots.

File shape (JSON, UTF-8)::

    {"format": "caregiver-companion-keys", "version": 1, "vault_id": "<32 hex>",
     "generation": 4, "key_check": "<b64>", "remember_on_device": false,
     "slots": [{"id": "passphrase", "type": "passphrase", "kdf": {...}, "salt": "<b64>",
                "nonce": "<b64>", "wrapped": "<b64>"},
               {"id": "recovery", "type": "recovery", "salt": ..., "nonce": ..., "wrapped": ...}]}

Each slot wraps the 32-byte data key with AES-256-GCM under a key derived from its secret
(Argon2id for the passphrase, HKDF for the high-entropy recovery code). The associated data binds
the vault id, the slot id and the slot's KDF parameters, so a slot cannot be moved to another vault
or have its cost lowered unnoticed. ``key_check`` is an HMAC of the vault id under the data key:
it tells a wrong key (for instance a stale one from the OS keyring) from a damaged database.
``mac`` is an HMAC-SHA256 under the data key over everything else in the file (its canonical
JSON), so once any one secret has opened the data key, every slot is verified, including the
ones whose secret was not typed: damage that still parses is found at open (key files written
before ``mac`` existed have none and are sealed at their next open).

The file is written atomically (temporary file, fsync, ``os.replace``) and the generation before
it is kept as ``<name>.prev``.
"""

from __future__ import annotations

import base64
import errno
import json
import os  # noqa: F401  (tests simulate a full disk through keyfile.os)
import stat
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

# Reading and parsing a key file (is the vault remembered on this computer?) is plain JSON: the
# unlock screen does it before its first paint. The cipher, the key derivation, the recovery
# code's HKDF and the HMACs (cryptography, hashlib and OpenSSL) are imported inside the
# functions that wrap, unwrap or verify a key, so they load with the first unlock (issue 16).
from ..private_files import fsync_dir  # noqa: F401  (re-exported: older callers import it from here)
from ..private_files import write_private as atomic_write  # the one private writer, under its old name here
from . import kdf  # only its parameters here: Argon2id itself is imported by the first derivation
from ..i18n import _
from .errors import KeyFileError, NewerKeyFileError, WrongSecretError

FORMAT = "caregiver-companion-keys"
VERSION = 1
DATA_KEY_BYTES = 32
MAX_KEYFILE_BYTES = 64 * 1024


@dataclass(frozen=True)
class Slot:
    """One wrapped copy of the data key. ``kind`` is ``"passphrase"`` or ``"recovery"``."""

    id: str
    kind: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    params: kdf.Argon2Params | None = None

    def associated_data(self, vault_id: bytes) -> bytes:
        params = json.dumps(self.params.to_dict(), sort_keys=True) if self.params else ""
        return b"|".join([FORMAT.encode(), vault_id, self.id.encode(), self.kind.encode(), params.encode()])


@dataclass(frozen=True)
class KeyFile:
    """The parsed key file. ``vault_id`` is 16 random bytes naming this vault."""

    vault_id: bytes
    generation: int
    key_check: bytes
    slots: tuple[Slot, ...] = field(default_factory=tuple)
    remember_on_device: bool = False
    mac: bytes | None = None

    def slot(self, kind: str) -> Slot | None:
        return next((s for s in self.slots if s.kind == kind), None)

    def with_slot(self, new: Slot) -> "KeyFile":
        """A copy with ``new`` replacing any slot of the same kind, generation + 1."""
        others = tuple(s for s in self.slots if s.kind != new.kind)
        return replace(self, slots=others + (new,), generation=self.generation + 1)

    def verifies(self, data_key: bytes) -> bool:
        """True when ``data_key`` is this vault's key."""
        import hmac

        return hmac.compare_digest(_key_check(data_key, self.vault_id), self.key_check)

    def sealed(self, data_key: bytes) -> "KeyFile":
        """A copy whose ``mac`` covers everything in it, under ``data_key``."""
        return replace(self, mac=_file_mac(self, data_key))

    def state(self, data_key: bytes) -> str:
        """``"good"`` (the key is this vault's and the mac matches), ``"unsealed"`` (the key is
        this vault's but the file predates ``mac``) or ``"damaged"``."""
        import hmac

        if not self.verifies(data_key):
            return "damaged"
        if self.mac is None:
            return "unsealed"
        return "good" if hmac.compare_digest(_file_mac(self, data_key), self.mac) else "damaged"


@dataclass(frozen=True)
class NewVaultKeys:
    """What creating a vault produces. ``recovery_code`` is shown to the user once, never stored."""

    data_key: bytes
    recovery_code: str
    keyfile: KeyFile


def load_ciphers() -> None:
    """Import now what wrapping and unwrapping a key needs (AES-GCM, Argon2id, HKDF, HMAC), which
    this module otherwise imports at the first use: the app calls it off the GUI thread while the
    passphrase is typed, so the unlock itself waits for none of it."""
    import hmac  # noqa: F401
    import secrets  # noqa: F401

    from cryptography.exceptions import InvalidTag  # noqa: F401
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: F401

    from .recovery import load_hkdf

    kdf.load_argon2id()
    load_hkdf()


def normalize_passphrase(passphrase: str) -> bytes:
    """UTF-8 bytes of the passphrase in Unicode NFC, so the same typed text always matches."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def create_keys(passphrase: str, params: kdf.Argon2Params | None = None) -> NewVaultKeys:
    """Make a new random data key with a passphrase slot and a recovery slot."""
    import secrets

    from .recovery import new_recovery_code

    data_key = secrets.token_bytes(DATA_KEY_BYTES)
    vault_id = secrets.token_bytes(16)
    code = new_recovery_code()
    keyfile = KeyFile(vault_id=vault_id, generation=1, key_check=_key_check(data_key, vault_id))
    keyfile = keyfile.with_slot(passphrase_slot(keyfile, data_key, passphrase, params))
    keyfile = keyfile.with_slot(recovery_slot(keyfile, data_key, code))
    return NewVaultKeys(data_key, code, replace(keyfile, generation=1))


def passphrase_slot(
    keyfile: KeyFile, data_key: bytes, passphrase: str, params: kdf.Argon2Params | None = None
) -> Slot:
    """A new passphrase slot wrapping ``data_key`` (fresh salt and nonce)."""
    import secrets

    params = params or kdf.default_params()
    salt = secrets.token_bytes(16)
    wrapping = kdf.derive_key(normalize_passphrase(passphrase), salt, params)
    return _seal(keyfile.vault_id, "passphrase", "passphrase", salt, wrapping, data_key, params)


def recovery_slot(keyfile: KeyFile, data_key: bytes, code: str) -> Slot:
    """A new recovery slot wrapping ``data_key`` under ``code`` (as made by new_recovery_code)."""
    import secrets

    from .recovery import normalize_recovery_code, recovery_wrapping_key

    salt = secrets.token_bytes(16)
    wrapping = recovery_wrapping_key(normalize_recovery_code(code), salt)
    return _seal(keyfile.vault_id, "recovery", "recovery", salt, wrapping, data_key, None)


def unwrap_with_passphrase(keyfile: KeyFile, passphrase: str) -> bytes:
    """The data key. Raises :class:`WrongSecretError` when the passphrase does not open the vault."""
    slot = keyfile.slot("passphrase")
    if slot is None or slot.params is None:
        raise KeyFileError(_("This vault has no passphrase set. Use the recovery code instead."))
    wrapping = kdf.derive_key(normalize_passphrase(passphrase), slot.salt, slot.params)
    return _open(keyfile, slot, wrapping, _("That passphrase does not open this vault. Please try again."))


def unwrap_with_recovery_code(keyfile: KeyFile, code: str) -> bytes:
    """The data key. Raises :class:`RecoveryCodeTypoError` for a mistyped code (before any key
    derivation) and :class:`WrongSecretError` for a valid code that belongs to another vault or
    was replaced."""
    from .recovery import normalize_recovery_code, recovery_wrapping_key

    body = normalize_recovery_code(code)
    slot = keyfile.slot("recovery")
    if slot is None:
        raise KeyFileError(_("This vault has no recovery code set."))
    wrapping = recovery_wrapping_key(body, slot.salt)
    return _open(keyfile, slot, wrapping, _("That recovery code does not open this vault. It may be an older code."))


def replace_recovery_code(keyfile: KeyFile, data_key: bytes) -> tuple[KeyFile, str]:
    """A key file whose recovery slot opens with a brand-new code (the old one stops working)."""
    from .recovery import new_recovery_code

    code = new_recovery_code()
    return keyfile.with_slot(recovery_slot(keyfile, data_key, code)), code


def _seal(vault_id, slot_id, kind, salt, wrapping, data_key, params) -> Slot:
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    draft = Slot(slot_id, kind, salt, nonce, b"", params)
    wrapped = AESGCM(wrapping).encrypt(nonce, data_key, draft.associated_data(vault_id))
    return replace(draft, wrapped=wrapped)


def _open(keyfile: KeyFile, slot: Slot, wrapping: bytes, wrong_message: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(wrapping).decrypt(slot.nonce, slot.wrapped, slot.associated_data(keyfile.vault_id))
    except InvalidTag:
        raise WrongSecretError(wrong_message) from None
    if not keyfile.verifies(key):
        raise KeyFileError(_("The key file is damaged."))
    return key


def _key_check(data_key: bytes, vault_id: bytes) -> bytes:
    import hmac
    from hashlib import sha256

    return hmac.new(data_key, b"caregiver-key-check|" + vault_id, sha256).digest()[:16]


def _file_mac(keyfile: KeyFile, data_key: bytes) -> bytes:
    import hmac
    from hashlib import sha256

    body = json.dumps(_document(replace(keyfile, mac=None)), sort_keys=True, separators=(",", ":"))
    return hmac.new(data_key, b"caregiver-keyfile-mac|" + body.encode("utf-8"), sha256).digest()


# --- serialisation -------------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, size: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if size is not None and len(raw) != size:
        raise ValueError("wrong size")
    return raw


def dumps(keyfile: KeyFile) -> bytes:
    """The key file as UTF-8 JSON bytes (seal it first with :meth:`KeyFile.sealed`)."""
    return (json.dumps(_document(keyfile), indent=2, sort_keys=True) + "\n").encode("utf-8")


def _document(keyfile: KeyFile) -> dict:
    slots = []
    for s in keyfile.slots:
        item = {"id": s.id, "type": s.kind, "salt": _b64(s.salt), "nonce": _b64(s.nonce), "wrapped": _b64(s.wrapped)}
        if s.params:
            item["kdf"] = {"name": "argon2id", **s.params.to_dict()}
        slots.append(item)
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": keyfile.vault_id.hex(),
        "generation": keyfile.generation,
        "key_check": _b64(keyfile.key_check),
        "remember_on_device": keyfile.remember_on_device,
        "slots": slots,
    }
    if keyfile.mac is not None:
        doc["mac"] = _b64(keyfile.mac)
    return doc


def loads(data: bytes) -> KeyFile:
    """Parse key-file bytes. Raises :class:`KeyFileError` (plain words) for anything malformed,
    including a key file written by a newer version of the app."""
    damaged = _("The vault's key file is damaged, so the vault cannot be opened from it.")
    if len(data) > MAX_KEYFILE_BYTES:
        raise KeyFileError(damaged)
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
        raise KeyFileError(damaged) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise KeyFileError(damaged)
    version = doc.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise NewerKeyFileError(_("This vault was made by a newer version of Caregiver Companion. Please update the app."))
    try:
        if version != VERSION:
            raise ValueError("version")
        vault_id = bytes.fromhex(doc["vault_id"])
        if len(vault_id) != 16:
            raise ValueError("vault id")
        generation = doc["generation"]
        if not isinstance(generation, int) or isinstance(generation, bool) or generation < 1:
            raise ValueError("generation")
        remember = doc.get("remember_on_device", False)
        if not isinstance(remember, bool):
            raise ValueError("remember")
        slots = []
        for item in doc["slots"]:
            kind = item["type"]
            if kind not in ("passphrase", "recovery") or not isinstance(item["id"], str):
                raise ValueError("slot type")
            params = None
            if kind == "passphrase":
                raw = item["kdf"]
                if raw.get("name") != "argon2id":
                    raise ValueError("kdf")
                params = kdf.Argon2Params.from_dict(raw)
            slots.append(
                Slot(
                    id=item["id"],
                    kind=kind,
                    salt=_unb64(item["salt"], 16),
                    nonce=_unb64(item["nonce"], 12),
                    wrapped=_unb64(item["wrapped"], DATA_KEY_BYTES + 16),
                    params=params,
                )
            )
        if len({s.kind for s in slots}) != len(slots) or not slots:
            raise ValueError("slots")
        mac = _unb64(doc["mac"], 32) if "mac" in doc else None
        return KeyFile(vault_id, generation, _unb64(doc["key_check"], 16), tuple(slots), remember, mac)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise KeyFileError(damaged) from None


def previous_path(path: Path) -> Path:
    """Where the generation before the current one is kept."""
    return path.with_name(path.name + ".prev")


class NotAFileError(OSError):
    """A pipe, device or folder where a key file should be."""


def read_key_bytes(path: Path) -> bytes:
    """At most one byte past the largest key file. Opened without waiting, so a pipe or device
    put in the key file's place is refused (OSError) instead of blocking the app forever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with open(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise NotAFileError(errno.EINVAL, "not an ordinary file")
        return fh.read(MAX_KEYFILE_BYTES + 1)


def read_keyfile(path: Path) -> KeyFile:
    """Read and parse the key file at ``path``. Raises :class:`KeyFileError` when it is missing
    or damaged."""
    try:
        data = read_key_bytes(path)
    except FileNotFoundError:
        raise KeyFileError(_("The vault's key file is missing, so the vault cannot be opened.")) from None
    except OSError:
        raise KeyFileError(_("The vault's key file could not be read.")) from None
    return loads(data)


def write_keyfile(path: Path, keyfile: KeyFile, data_key: bytes | None = None) -> KeyFile:
    """Write ``keyfile`` atomically, keeping the current file (if any) as ``<name>.prev``.
    With ``data_key`` the file is sealed (see :meth:`KeyFile.sealed`) and the current file is
    kept as ``.prev`` only when it verifies under that key. Returns what was written.

    At every moment at least one complete key file generation exists on disk. A current file that
    is damaged is never copied over ``.prev``: it may be the only good generation. Raises
    ``OSError`` (for example a full disk) with the files as they were.
    """
    path = Path(path)
    if data_key is not None:
        keyfile = keyfile.sealed(data_key)
    try:
        current = read_key_bytes(path)
    except (FileNotFoundError, NotAFileError):
        current = None
    if current is not None and _sound(current, data_key):
        atomic_write(previous_path(path), current)
    atomic_write(path, dumps(keyfile))
    return keyfile


def _sound(data: bytes, data_key: bytes | None) -> bool:
    """True when ``data`` parses (and, given the key, is not damaged under it)."""
    try:
        parsed = loads(data)
    except KeyFileError:
        return False
    return data_key is None or parsed.state(data_key) != "damaged"


def settle_keyfile(path: Path, data_key: bytes | None = None) -> None:
    """Make ``<name>.prev`` an exact copy of the current key file, so a secret replaced by the
    last write (an old passphrase or recovery code) no longer opens the vault from the older
    generation. The copy still serves as the fallback should the current file be damaged.
    Does nothing when the current file is missing or damaged (under ``data_key`` when given)."""
    path = Path(path)
    try:
        data = read_key_bytes(path)
    except OSError:
        return
    if not _sound(data, data_key):
        return
    prev = previous_path(path)
    try:
        if read_key_bytes(prev) == data:
            return
    except OSError:
        pass
    atomic_write(prev, data)


@dataclass(frozen=True)
class Generation:
    """One readable key file on disk: ``which`` is ``"current"`` or ``"previous"``."""

    which: str
    keyfile: KeyFile
    raw: bytes


def read_generations(path: Path) -> tuple[list[Generation], KeyFileError | None]:
    """Every readable key file generation (current first, then ``.prev`` when it differs) and
    the error that made the current one unreadable (None when it was fine)."""
    found: list[Generation] = []
    first_error: KeyFileError | None = None
    seen: set[bytes] = set()
    for which, candidate in (("current", Path(path)), ("previous", previous_path(Path(path)))):
        try:
            data = read_key_bytes(candidate)
        except FileNotFoundError:
            if which == "current":
                first_error = KeyFileError(_("The vault's key file is missing, so the vault cannot be opened."))
            continue
        except OSError:
            if which == "current":
                first_error = KeyFileError(_("The vault's key file could not be read."))
            continue
        try:
            parsed = loads(data)
        except KeyFileError as exc:
            if which == "current":
                first_error = exc
            continue
        if data in seen:
            continue
        seen.add(data)
        found.append(Generation(which, parsed, data))
    return found, first_error
