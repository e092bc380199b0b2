"""Argon2id key derivation for the passphrase slot.

Defaults follow RFC 9106 section 4, second recommended option: t=3 passes, 64 MiB of memory,
p=4 lanes, 128-bit salt, 256-bit output. Parameters are stored with each slot, so a slot made
with other parameters (the cheap ones the tests inject) still opens.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id


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
    """Derive a ``length``-byte wrapping key from ``secret`` (UTF-8 bytes) and a 16-byte salt."""
    kdf = Argon2id(
        salt=salt,
        length=length,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)
