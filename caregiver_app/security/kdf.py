"""Argon2id key derivation for the passphrase slot.

Defaults follow RFC 9106 section 4, second recommended option: t=3 passes, 64 MiB of memory,
p=4 lanes, 128-bit salt, 256-bit output. Parameters are stored with each slot, so a slot made
with other parameters (the cheap ones the tests inject) still opens.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

from ..i18n import N_, _
from .errors import UnlockError

# Settings a key file may ask for before anything is derived: a key file (or a vault file from
# somewhere else) asking for gigabytes would otherwise stall or exhaust the computer. The
# defaults (64 MiB, 3 passes) sit far below every bound.
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB, and never more than a quarter of this computer's memory
MAX_ITERATIONS = 20
MAX_LANES = 16
MAX_WORK_KIB = 16 * 256 * 1024  # passes x memory: at most sixteen passes over 256 MiB

TOO_COSTLY = N_(
    "This vault's passphrase settings ask for more memory or time than this computer can safely give, "
    "so the passphrase was not tried. Use the recovery code instead."
)


class KdfTooCostlyError(UnlockError):
    """A passphrase slot asks for key-derivation settings beyond :func:`check_affordable`."""


def memory_limit_kib() -> int:
    """The most memory one derivation may use here: :data:`MAX_MEMORY_KIB`, or a quarter of the
    computer's physical memory when that is less (where the OS reports it)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return MAX_MEMORY_KIB
    if total <= 0:
        return MAX_MEMORY_KIB
    return min(MAX_MEMORY_KIB, total // 4 // 1024)


def check_affordable(params: "Argon2Params") -> None:
    """Raise :class:`KdfTooCostlyError` (plain words) unless deriving with ``params`` stays well
    within this computer's memory and a few seconds of work."""
    if (
        params.memory_kib > memory_limit_kib()
        or params.iterations > MAX_ITERATIONS
        or params.lanes > MAX_LANES
        or params.iterations * params.memory_kib > MAX_WORK_KIB
    ):
        raise KdfTooCostlyError(_(TOO_COSTLY))


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost parameters: ``iterations`` passes, ``memory_kib`` KiB, ``lanes`` threads."""

    iterations: int = 3
    memory_kib: int = 64 * 1024
    lanes: int = 4

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict) -> "Argon2Params":
        params = cls(int(raw["iterations"]), int(raw["memory_kib"]), int(raw["lanes"]))
        if not (1 <= params.iterations <= 100 and 8 <= params.memory_kib <= 4 * 1024 * 1024 and 1 <= params.lanes <= 64):
            raise ValueError("unreasonable Argon2 parameters")
        return params


RFC9106_SECOND = Argon2Params()

# Parameters used for new passphrase slots. Tests swap in cheap ones; nothing else may.
_default_params = RFC9106_SECOND


def default_params() -> Argon2Params:
    """The parameters new passphrase slots are made with."""
    return _default_params


def set_default_params(params: Argon2Params) -> None:
    """Change the parameters for new slots (tests only: cheap parameters keep them fast)."""
    global _default_params
    _default_params = params


def derive_key(secret: bytes, salt: bytes, params: Argon2Params, length: int = 32) -> bytes:
    """Derive a ``length``-byte wrapping key from ``secret`` (UTF-8 bytes) and a 16-byte salt.
    Raises :class:`KdfTooCostlyError` before deriving when ``params`` ask for too much."""
    check_affordable(params)
    kdf = _argon2id()(
        salt=salt,
        length=length,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


# cryptography is imported with the first derivation, not with this module: reading a key file's
# settings (the unlock screen asks whether the vault is remembered) needs none of it (issue 16).
# ``Argon2id`` is looked up in this module's globals at each call, so a test that replaces
# ``kdf.Argon2id`` is still obeyed.


def load_argon2id() -> None:
    """Import Argon2id now (a warm-up off the GUI thread), not at the first derivation."""
    _argon2id()


def _argon2id():
    cls = globals().get("Argon2id")
    if cls is None:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id as cls

        globals()["Argon2id"] = cls
    return cls


def __getattr__(name: str):
    if name == "Argon2id":
        return _argon2id()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
