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
    hashes, hkdf = load_hkdf()
    return hkdf(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"caregiver-vault recovery slot").derive(
        code_bytes
    )


def load_hkdf():
    """cryptography's ``hashes`` module and ``HKDF``, imported at the first use (or a warm-up),
    not with the unlock screen (issue 16)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return hashes, HKDF


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(b"caregiver-recovery-code" + body).digest()[:CHECK_BYTES]


# --- other one-time codes in the same shape (the family invitation, issue 20) ---------------------


class CodeProblem(ValueError):
    """A code typed back that cannot be right; ``kind`` is ``"length"``, ``"character"`` or
    ``"checksum"`` (the caller says it in its own words)."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def grouped_code(body: bytes, purpose: bytes) -> str:
    """``body`` plus a 24-bit checksum (SHA-256 over ``purpose`` and ``body``) as base32 in groups
    of four, like a recovery code."""
    raw = body + hashlib.sha256(purpose + body).digest()[:CHECK_BYTES]
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def code_body(code: str, body_bytes: int, purpose: bytes) -> bytes:
    """The ``body_bytes`` random bytes of a code made by :func:`grouped_code`, read the way a
    recovery code is (case, spaces and dashes ignored, look-alike digits accepted). Raises
    :class:`CodeProblem`."""
    cleaned = "".join(ch for ch in code.upper() if ch not in " -\t\n\r").translate(_LOOKALIKES)
    length = -(-(body_bytes + CHECK_BYTES) * 8 // 5)
    if len(cleaned) != length:
        raise CodeProblem("length")
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        raise CodeProblem("character") from None
    body, check = raw[:body_bytes], raw[body_bytes:]
    if len(raw) != body_bytes + CHECK_BYTES or not hmac.compare_digest(
            check, hashlib.sha256(purpose + body).digest()[:CHECK_BYTES]):
        raise CodeProblem("checksum")
    return body
