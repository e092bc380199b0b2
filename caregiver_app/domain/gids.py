"""Global ids for rows shared with the family (issue 20): the same row has the same id on every
computer, whatever its local integer id there.

* :func:`uuid7` (RFC 9562 version 7: 48 bits of Unix milliseconds, then random bits) for rows made
  on one computer: unique without asking anyone, and roughly in creation order.
* :func:`uuid5` of a normalised name for rows two computers may make independently that must be
  one row (the symptom "Headache", the tag "walk", the rating of one symptom in one entry): both
  computers compute the same id, so the rows meet instead of clashing.

Standard library only; the storage registers both as SQL functions for the triggers.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid

NAMESPACE = uuid.UUID("5f0c4a9e-7c53-4d0e-9a51-2b7e8c1d3f60")
"""This app's UUIDv5 namespace (fixed forever: changing it would split every family's rows)."""


def uuid7(now_ms: int | None = None) -> str:
    """A new version-7 UUID as lower-case text."""
    ms = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 62) & 0xFFF) << 64  # 12 random bits
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def normalise(name: str) -> str:
    """The form two computers agree on: surrounding spaces dropped, inner runs of spaces made one,
    case folded ("Headache " and "headache" are one symptom)."""
    return " ".join(name.split()).casefold()


_NAMESPACE_SHA1 = hashlib.sha1(NAMESPACE.bytes)
"""SHA-1 already fed the namespace: each :func:`uuid5` copies it instead of hashing it again."""
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}
"""The RFC 4122 variant digit (``10xx`` in binary) for each hex digit of the hash at that place."""


def uuid5(name: str) -> str:
    """The version-5 UUID of ``name`` (normalised) in this app's namespace, as lower-case text:
    what ``str(uuid.uuid5(NAMESPACE, normalise(name)))`` gives, without building a UUID object
    or bytes to patch (an import computes one for every entry and tag link, tens of thousands;
    tests/unit/test_gids.py compares)."""
    sha = _NAMESPACE_SHA1.copy()
    sha.update(" ".join(name.split()).casefold().encode("utf-8"))  # normalise(), inlined
    h = sha.hexdigest()
    # The version (5) replaces the 13th hex digit; the variant's two bits the top of the 17th.
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"
