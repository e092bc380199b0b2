"""Checking the write-ahead log left by a crash, before SQLite reads (and then discards) it.

SQLite validates the log frame by frame with a running checksum and silently stops at the first
frame that fails: every save written after a damaged frame is dropped, and once the last
connection closes the log is folded in and deleted. So after a crash the log is read here first,
by the format SQLite documents (https://www.sqlite.org/fileformat2.html#walformat):

* a 32-byte header (magic, format version, page size, checkpoint number, two salts, checksum);
* frames of a 24-byte header (page number, database size after a commit or 0, the two salts, a
  checksum) and one page, already encrypted by SQLCipher.

A frame belongs to the log's current generation when its salts equal the header's. The log is
*damaged* when, past a frame that fails its checksum, another frame of the current generation
ends a transaction (a commit frame that checks out against the frame before it): saves that were
confirmed would be lost. A torn last transaction (a crash in the middle of writing it, never
confirmed) is not damage. Nothing here writes.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

HEADER = 32
FRAME_HEADER = 24
MAGIC_LE, MAGIC_BE = 0x377F0682, 0x377F0683
MAX_PAGE = 65536


@dataclass(frozen=True)
class WalReport:
    """What the log holds: ``commits`` readable transactions SQLite will use, ``lost_commits``
    confirmed transactions after damage that it would silently drop (``damaged`` when any)."""

    commits: int = 0
    lost_commits: int = 0
    header_damaged: bool = False

    @property
    def damaged(self) -> bool:
        return self.lost_commits > 0 or self.header_damaged


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & mask
        s1 = (s1 + words[i + 1] + s0) & mask
    return s0, s1


def check_wal(wal: Path) -> WalReport:
    """Read the log at ``wal`` (a missing or empty one is fine) and report what it holds."""
    try:
        data = Path(wal).read_bytes()
    except FileNotFoundError:
        return WalReport()
    if len(data) < HEADER:
        return WalReport()
    magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:HEADER])
    frame_size = FRAME_HEADER + page_size
    has_frames = len(data) >= HEADER + FRAME_HEADER + 512
    if magic not in (MAGIC_LE, MAGIC_BE) or not (512 <= page_size <= MAX_PAGE) or page_size & (page_size - 1):
        return WalReport(header_damaged=has_frames)
    big = magic == MAGIC_BE
    if _checksum(data[:24], big, 0, 0) != (c0, c1):
        return WalReport(header_damaged=has_frames)
    s0, s1 = c0, c1
    commits = lost = 0
    broken = False
    offset = HEADER
    while offset + frame_size <= len(data):
        pgno, commit, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", data[offset:offset + FRAME_HEADER])
        page = data[offset + FRAME_HEADER:offset + frame_size]
        offset += frame_size
        if (f_salt1, f_salt2) != (salt1, salt2) or pgno == 0:
            if broken:
                continue  # an older generation's frame, or damage in these fields: keep looking
            break  # the end of the current generation: older frames follow
        computed = _checksum(data[offset - frame_size:offset - frame_size + 8] + page, big, s0, s1)
        if not broken and computed == (f0, f1):
            commits += commit != 0
            s0, s1 = f0, f1
            continue
        if not broken:
            broken = True
        elif computed == (f0, f1) and commit != 0:
            lost += 1
        s0, s1 = f0, f1  # go on from what the writer recorded, so one bad frame spoils only itself
    return WalReport(commits, lost)
