"""Recovery codes: 136 random bits plus a 24-bit checksum, written as 32 base32 characters.

Shown once at setup in eight groups of four (``ABCD-EFGH-...``) so it can be read aloud. The
checksum (the first 3 bytes of SHA-256 over the random part) lets the app catch a typo at once,
before any key derivation. Base32 is RFC 4648 (``base64.b32encode``); when reading a code back,
``0``/``1``/``8`` are accepted for the look-alike letters ``O``/``I``/``B``, and spaces, dashes
and case are ignored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..i18n import _
from .errors import RecoveryCodeTypoError

RANDOM_BYTES = 17
CHECK_BYTES = 3
GROUP = 4
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def new_recovery_code() -> str:
    """A fresh recovery code as ``XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`` (160 bits shown)."""
    body = secrets.token_bytes(RANDOM_BYTES)
    raw = body + _checksum(body)
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def normalize_recovery_code(code: str) -> bytes:
    """Return the code's 17 random bytes.

    Raises :class:`RecoveryCodeTypoError` when the code is the wrong length, has a character that
    cannot be in a code, or its checksum does not match.
    """
    cleaned = "".join(ch for ch in code.upper() if ch not in " -\t\n\r").translate(_LOOKALIKES)
    if len(cleaned) != (RANDOM_BYTES + CHECK_BYTES) * 8 // 5:
        raise RecoveryCodeTypoError(
            _("That recovery code is not the right length. It has 32 letters and numbers, in 8 groups of 4.")
        )
    try:
        raw = base64.b32decode(cleaned)
    except ValueError:
        raise RecoveryCodeTypoError(
            _("That recovery code has a character that is not used in codes. Please check it.")
        ) from None
    body, check = raw[:RANDOM_BYTES], raw[RANDOM_BYTES:]
    if not hmac.compare_digest(check, _checksum(body)):
        raise RecoveryCodeTypoError(_("That recovery code has a typo somewhere. Please check each group."))
    return body


def recovery_wrapping_key(code_bytes: bytes, salt: bytes) -> bytes:
    """A 32-byte wrapping key from the code's random bytes. HKDF-SHA256 is enough here: the code
    already carries 136 random bits, so a slow KDF adds nothing but waiting."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"caregiver-vault recovery slot").derive(
        code_bytes
    )


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(b"caregiver-recovery-code" + body).digest()[:CHECK_BYTES]
