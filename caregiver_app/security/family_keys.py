"""The family's keys and sealed files (issue 20). The only module of family sync that touches key
material; ``cryptography`` only.

* **Family key**: 32 random bytes, one per *generation* (removing a computer makes a new one).
  Every batch, device card and key hand-over in the shared folder is sealed with AES-256-GCM.
* **Device keys**: each computer has an Ed25519 key pair (signs every file it writes) and an
  X25519 key pair (receives a new family key after a removal). The private halves are kept only
  inside the encrypted vault.
* **Batch file** (``MAGIC``, a short JSON header, nonce, ciphertext, Ed25519 signature over all of
  it): the header (family id, device id, sequence number, key generation) is the AEAD's associated
  data, so a batch moved to another device's folder or renamed to another number does not open.
* **Invitation**: a one-time code of 136 random bits, in checksummed groups like the recovery
  code; Argon2id (``security.kdf``, as the passphrase slot) turns it into the key that unwraps the
  family keys from an invitation file in the inviter's folder.
* **Key hand-over** after a removal: the new family key sealed to each remaining computer with
  X25519 + HKDF-SHA256 + AES-256-GCM, signed by the computer that removed.

Every refusal raises :class:`SealedFileError` with ``reason`` (``damaged``, ``unauthentic``,
``swapped``, ``unknown-key``); messages are plain words and hold no secret.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import struct
import zlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..domain.errors import CaregiverError
from ..i18n import _
from . import kdf
from .recovery import CodeProblem, code_body, grouped_code

KEY_BYTES = 32
NONCE_BYTES = 12
SIG_BYTES = 64
INVITE_BYTES = 17  # 136 random bits, like the recovery code
MAX_HEADER = 4096
MAX_PLAIN = 512 * 1024 * 1024  # what a batch may unpack to at most (a zip bomb stops here)
BATCH_MAGIC = b"CCSYNC-BATCH-1\n"
CARD_MAGIC = b"CCSYNC-CARD-1\n"
REKEY_MAGIC = b"CCSYNC-REKEY-1\n"
_INVITE_PURPOSE = b"caregiver-family-invitation"
_RAW = serialization.Encoding.Raw
_RAW_PRIVATE = (serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())


class SealedFileError(CaregiverError):
    """A file of the shared folder was refused. ``reason``: ``damaged`` (cut short or not ours),
    ``unauthentic`` (the signature or the encryption does not check out), ``swapped`` (it claims
    another computer, family or number than where it lies), ``unknown-key`` (a key generation
    this computer does not have)."""

    def __init__(self, reason: str):
        super().__init__(_("A file in the shared folder could not be trusted and was not used."))
        self.reason = reason


class InvitationError(CaregiverError):
    """The invitation code is mistyped, or no invitation in the folder opens with it."""


def new_family_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_id() -> str:
    """A random id (128 bits, hex) for a family or a computer."""
    return secrets.token_hex(16)


@dataclass(frozen=True)
class DeviceKeys:
    """A computer's private keys (raw 32 bytes each): keep them only inside the vault."""

    sign_private: bytes
    box_private: bytes

    @classmethod
    def new(cls) -> "DeviceKeys":
        return cls(Ed25519PrivateKey.generate().private_bytes(*_RAW_PRIVATE),
                   X25519PrivateKey.generate().private_bytes(*_RAW_PRIVATE))

    @property
    def sign_public(self) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.sign_private).public_key().public_bytes(
            _RAW, serialization.PublicFormat.Raw)

    @property
    def box_public(self) -> bytes:
        return X25519PrivateKey.from_private_bytes(self.box_private).public_key().public_bytes(
            _RAW, serialization.PublicFormat.Raw)

    def sign(self, data: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.sign_private).sign(data)


def _verify(sign_public: bytes, signature: bytes, data: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, data)
    except (InvalidSignature, ValueError):
        raise SealedFileError("unauthentic") from None


def _split_signed(data: bytes, magic: bytes, sig_bytes: int = SIG_BYTES) -> tuple[bytes, dict, bytes, bytes]:
    """``(signed part, header, rest after the header, signature)`` of a file shaped
    MAGIC | u32 header length | header JSON | rest | signature (``sig_bytes`` long)."""
    if len(data) < len(magic) + 4 + sig_bytes or not data.startswith(magic):
        raise SealedFileError("damaged")  # cut short before the header ends, or not one of ours
    (length,) = struct.unpack(">I", data[len(magic):len(magic) + 4])
    start = len(magic) + 4
    end = len(data) - sig_bytes
    if length > MAX_HEADER or start + length > end:
        raise SealedFileError("damaged")
    try:
        header = json.loads(data[start:start + length].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise SealedFileError("damaged") from None
    if not isinstance(header, dict):
        raise SealedFileError("damaged")
    return data[:end], header, data[start + length:end], data[end:]


def _header_bytes(magic: bytes, header: dict) -> bytes:
    raw = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return magic + struct.pack(">I", len(raw)) + raw


# --- batches ----------------------------------------------------------------------------------


def seal_batch(payload: bytes, *, family_id: str, device_id: str, seq: int, generation: int, family_key: bytes,
               keys: DeviceKeys) -> bytes:
    """The bytes of batch ``seq`` of ``device_id``: ``payload`` compressed, encrypted under the
    family key of ``generation`` with the header as associated data, and signed."""
    packed = zlib.compress(payload, 6)
    fields = {"family": family_id, "device": device_id, "seq": seq, "gen": generation, "size": 0}
    # the whole file's length is in the header, so a file cut short is told apart from a forged one
    size = len(_header_bytes(BATCH_MAGIC, fields)) + NONCE_BYTES + len(packed) + 16 + SIG_BYTES
    for _attempt in range(3):  # the length's own digits can change the header's length
        fields["size"] = size
        head = _header_bytes(BATCH_MAGIC, fields)
        size = len(head) + NONCE_BYTES + len(packed) + 16 + SIG_BYTES
    fields["size"] = size
    head = _header_bytes(BATCH_MAGIC, fields)
    nonce = os.urandom(NONCE_BYTES)
    body = head + nonce + AESGCM(family_key).encrypt(nonce, packed, head)
    assert len(body) + SIG_BYTES == size
    return body + keys.sign(body)


def open_batch(data: bytes, *, family_id: str, device_id: str, seq: int, family_keys: dict[int, bytes],
               sign_public: bytes) -> tuple[int, bytes]:
    """``(key generation, payload)`` of a batch found as number ``seq`` in ``device_id``'s folder.
    Raises :class:`SealedFileError` unless it is whole, signed by that computer, sealed with a
    family key this computer has, and says it is that computer's batch ``seq`` of this family."""
    signed, header, rest, signature = _split_signed(data, BATCH_MAGIC)
    if header.get("size") != len(data):
        raise SealedFileError("damaged")
    if header.get("device") != device_id or header.get("seq") != seq or header.get("family") != family_id:
        raise SealedFileError("swapped")
    _verify(sign_public, signature, signed)
    generation = header.get("gen")
    key = family_keys.get(generation) if isinstance(generation, int) else None
    if key is None:
        raise SealedFileError("unknown-key")
    head = signed[:len(signed) - len(rest)]
    if len(rest) < NONCE_BYTES + 16:
        raise SealedFileError("damaged")
    try:
        packed = AESGCM(key).decrypt(rest[:NONCE_BYTES], rest[NONCE_BYTES:], head)
    except InvalidTag:
        raise SealedFileError("unauthentic") from None
    unpack = zlib.decompressobj()
    try:
        plain = unpack.decompress(packed, MAX_PLAIN)
    except zlib.error:
        raise SealedFileError("damaged") from None
    if unpack.unconsumed_tail or not unpack.eof:
        raise SealedFileError("damaged")
    return generation, plain


# --- device cards: who a computer is (public keys and name), sealed for the family -----------------


def seal_card(card: dict, *, family_id: str, device_id: str, generation: int, family_key: bytes) -> bytes:
    """A computer's card (its public keys and name, JSON) sealed under the family key."""
    head = _header_bytes(CARD_MAGIC, {"family": family_id, "device": device_id, "gen": generation})
    nonce = os.urandom(NONCE_BYTES)
    return head + nonce + AESGCM(family_key).encrypt(nonce, json.dumps(card).encode("utf-8"), head)


def open_card(data: bytes, *, family_id: str, device_id: str, family_keys: dict[int, bytes]) -> dict:
    """The card of ``device_id``. Raises :class:`SealedFileError`."""
    signed, header, rest, _none = _split_signed(data, CARD_MAGIC, 0)
    if header.get("device") != device_id or header.get("family") != family_id:
        raise SealedFileError("swapped")
    key = family_keys.get(header.get("gen")) if isinstance(header.get("gen"), int) else None
    if key is None:
        raise SealedFileError("unknown-key")
    head = signed[:len(signed) - len(rest)]
    try:
        card = json.loads(AESGCM(key).decrypt(rest[:NONCE_BYTES], rest[NONCE_BYTES:], head))
    except (InvalidTag, ValueError):
        raise SealedFileError("unauthentic") from None
    if not isinstance(card, dict) or card.get("device") != device_id:
        raise SealedFileError("swapped")
    return card


# --- invitations ----------------------------------------------------------------------------------


def new_invitation_code() -> tuple[str, bytes]:
    """``(code to show, its secret bytes)``: 136 random bits in eight checksummed groups of four."""
    secret = secrets.token_bytes(INVITE_BYTES)
    return grouped_code(secret, _INVITE_PURPOSE), secret


def invitation_secret(code: str) -> bytes:
    """The secret of a typed invitation code. Raises :class:`InvitationError` for a typo (caught by
    the checksum before any key derivation)."""
    try:
        return code_body(code, INVITE_BYTES, _INVITE_PURPOSE)
    except CodeProblem as problem:
        if problem.kind == "length":
            raise InvitationError(_("That invitation is not the right length. It has 32 letters and numbers, "
                                    "in 8 groups of 4.")) from None
        raise InvitationError(_("That invitation has a typo somewhere. Please check each group.")) from None


def invitation_tag(secret: bytes) -> str:
    """A name for the invitation file that only the code's holder can compute (no guessing which
    file to try, and nothing learnt from the name)."""
    return hashlib.sha256(b"caregiver-invitation-file" + secret).hexdigest()[:16]


def seal_invitation(secret: bytes, bundle: dict) -> bytes:
    """``bundle`` (the family's ids and keys, JSON) sealed under Argon2id(code)."""
    salt = os.urandom(16)
    params = kdf.default_params()
    nonce = os.urandom(NONCE_BYTES)
    aad = b"caregiver-invitation:" + invitation_tag(secret).encode("ascii")
    ciphertext = AESGCM(kdf.derive_key(secret, salt, params)).encrypt(
        nonce, json.dumps(bundle).encode("utf-8"), aad)
    return json.dumps({"version": 1, "salt": _b64(salt), "kdf": params.to_dict(), "nonce": _b64(nonce),
                       "sealed": _b64(ciphertext)}).encode("utf-8")


def open_invitation(secret: bytes, data: bytes) -> dict:
    """The bundle sealed in an invitation file. Raises :class:`InvitationError`."""
    try:
        raw = json.loads(data)
        params = kdf.Argon2Params.from_dict(raw["kdf"])
        salt, nonce, sealed = _unb64(raw["salt"]), _unb64(raw["nonce"]), _unb64(raw["sealed"])
    except (ValueError, KeyError, TypeError):
        raise InvitationError(_("The invitation file in the shared folder is damaged.")) from None
    aad = b"caregiver-invitation:" + invitation_tag(secret).encode("ascii")
    try:
        bundle = json.loads(AESGCM(kdf.derive_key(secret, salt, params)).decrypt(nonce, sealed, aad))
    except (InvalidTag, ValueError):
        raise InvitationError(_("That invitation does not open the invitation in this folder.")) from None
    return bundle


# --- key hand-over after a removal ----------------------------------------------------------------


def _box_key(shared: bytes, aad: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=b"caregiver-family-key-handover:" + aad).derive(shared)


def seal_to(recipient_box_public: bytes, payload: bytes, aad: bytes) -> bytes:
    """``payload`` readable only with the private X25519 key of ``recipient_box_public``."""
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_box_public))
    nonce = os.urandom(NONCE_BYTES)
    public = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    return public + nonce + AESGCM(_box_key(shared, aad)).encrypt(nonce, payload, aad)


def open_sealed_to_me(box_private: bytes, data: bytes, aad: bytes) -> bytes:
    """What :func:`seal_to` sealed for this computer. Raises :class:`SealedFileError`."""
    if len(data) < 32 + NONCE_BYTES + 16:
        raise SealedFileError("damaged")
    try:
        shared = X25519PrivateKey.from_private_bytes(box_private).exchange(X25519PublicKey.from_public_bytes(data[:32]))
        return AESGCM(_box_key(shared, aad)).decrypt(data[32:32 + NONCE_BYTES], data[32 + NONCE_BYTES:], aad)
    except (InvalidTag, ValueError):
        raise SealedFileError("unauthentic") from None


def seal_rekey(notice: dict, *, keys: DeviceKeys) -> bytes:
    """A signed key hand-over (``notice``: family, generation, removed computers, sealed keys)."""
    body = _header_bytes(REKEY_MAGIC, notice)
    return body + keys.sign(body)


def open_rekey(data: bytes, *, sign_public: bytes, family_id: str) -> dict:
    """The notice of a key hand-over signed by the computer with ``sign_public``."""
    signed, notice, rest, signature = _split_signed(data, REKEY_MAGIC)
    if rest:
        raise SealedFileError("damaged")
    _verify(sign_public, signature, signed)
    if notice.get("family") != family_id:
        raise SealedFileError("swapped")
    return notice


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


b64, unb64 = _b64, _unb64
