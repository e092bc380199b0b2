"""Share one journal with the family through a folder the family already syncs (issue 20).

Each computer keeps its own vault and writes only its own sealed change files into its own
subfolder of the shared folder (:mod:`.family_folder`); every computer merges the others' files
into its vault (:mod:`caregiver_app.storage.repos.sync`). No server, and the live database is
never synced.

* :func:`create_family` / :func:`join_family` / :func:`new_invitation`: start a family in a
  folder (get an invitation code), join one with a code, invite another computer.
* :func:`sync_now`: in ONE unit of work, send what changed here (one new batch) and merge every
  new batch of the others. Prints nothing, blocks nothing else: the GUI runs it off the window's
  thread (``ops.write``) when the folder changes and on a button.
* :func:`family_status`, :func:`remove_computer`, :func:`conflicts`, :func:`resolve_conflict`,
  :func:`deleted_rows`, :func:`bring_back`: what the Share with family window shows and does.

Refused files (damaged, cut short, not signed by their computer, moved, renamed or replayed) are
never merged: they are counted in the result with the reason, and a file cut short is read
again next time (a sync tool may still be copying it).
"""

from __future__ import annotations

import json
import platform
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection

from ..domain.errors import CaregiverError, ValidationError
from ..domain.hlc import HybridClock, wall_ms
from ..i18n import _, N_
from ..security import family_keys as fk
from ..storage.repos import sync as repo
from ..storage.sync_tables import BY_TABLE
from . import family_folder as ff
from .clock import Clock, utc_now
from .vault import Vault, session_of

REASONS = {
    "damaged": N_("damaged or not yet fully copied (tried again next time)"),
    "unauthentic": N_("not signed by its computer, or changed after it was written"),
    "swapped": N_("moved from another computer's folder or renamed to another number"),
    "unknown-key": N_("sealed with a family key this computer does not have yet"),
    "removed": N_("written by a computer removed from the family"),
    "not-ours": N_("not a change file of this app"),
}


class NotSharedError(ValidationError):
    """The vault is not in a family yet (or already is, for create and join)."""


class FolderUnreachableError(ValidationError):
    """The shared folder, or this computer's subfolder in it, is not there now: nothing is sent."""


@dataclass(frozen=True)
class Refusal:
    device_id: str
    number: int | None
    reason: str

    @property
    def label(self) -> str:
        return _(REASONS[self.reason])


@dataclass(frozen=True)
class SyncResult:
    """``sent``: field changes sent in the new batch (0: no batch written); ``received``: field
    changes merged from others; ``batch_bytes``: the new batch's size on disk."""

    sent: int = 0
    received: int = 0
    batches: int = 0
    batch_bytes: int = 0
    conflicts: int = 0
    waiting: int = 0
    refused: tuple[Refusal, ...] = ()
    tables: frozenset[str] = frozenset()
    """The shared tables the merge changed (for the window: which pages to reload)."""


@dataclass(frozen=True)
class Member:
    device_id: str
    name: str
    this_computer: bool
    last_number: int
    last_synced_at: datetime | None
    removed: bool


@dataclass(frozen=True)
class FamilyStatus:
    folder: Path
    family_id: str
    device_id: str
    members: tuple[Member, ...]
    waiting_to_send: int
    conflicts: int
    deleted: int


@dataclass
class _Me:
    family_id: str
    device_id: str
    name: str
    keys: fk.DeviceKeys
    folder: Path
    clock: int
    next_seq: int
    family_keys: dict[int, bytes] = field(default_factory=dict)

    @property
    def generation(self) -> int:
        return max(self.family_keys)


# --- the identity kept in the vault -----------------------------------------------------------------


def _load(conn: Connection) -> _Me | None:
    row = conn.exec_driver_sql("SELECT family_id, device_id, device_name, sign_private, box_private, folder, clock, "
                               "next_seq FROM sync_identity WHERE id = 1").first()
    if row is None:
        return None
    keys = dict(conn.exec_driver_sql("SELECT generation, key FROM sync_family_key").fetchall())
    return _Me(row[0], row[1], row[2], fk.DeviceKeys(bytes(row[3]), bytes(row[4])), Path(row[5]), row[6], row[7],
               {g: bytes(k) for g, k in keys.items()})


def _require(conn: Connection) -> _Me:
    me = _load(conn)
    if me is None:
        raise NotSharedError(_("This journal is not shared with a family yet."))
    return me


def _instant(moment: datetime) -> str:
    return repo._instant(moment)


def _start(conn: Connection, folder: Path, family_id: str, keys_by_gen: dict[int, bytes], name: str,
           now: datetime) -> _Me:
    if _load(conn) is not None:
        raise NotSharedError(_("This journal is already shared with a family."))
    me = _Me(family_id, fk.new_id(), name or platform.node()[:120], fk.DeviceKeys.new(), folder, 0, 1, keys_by_gen)
    conn.exec_driver_sql(
        "INSERT INTO sync_identity (id, family_id, device_id, device_name, sign_private, box_private, folder, clock, "
        "next_seq, joined_at) VALUES (1, ?, ?, ?, ?, ?, ?, 0, 1, ?)",
        (family_id, me.device_id, me.name, me.keys.sign_private, me.keys.box_private, str(folder), _instant(now)))
    for generation, key in keys_by_gen.items():
        conn.exec_driver_sql("INSERT INTO sync_family_key (generation, key) VALUES (?, ?)", (generation, key))
    _pin(conn, me.device_id, me.name, me.keys.sign_public, me.keys.box_public)
    _write_card(me)
    return me


def _write_card(me: _Me) -> None:
    card = {"device": me.device_id, "name": me.name, "sign": fk.b64(me.keys.sign_public),
            "box": fk.b64(me.keys.box_public)}
    ff.write_once(ff.own_folder(me.folder, me.device_id) / ff.CARD,
                  fk.seal_card(card, family_id=me.family_id, device_id=me.device_id, generation=me.generation,
                               family_key=me.family_keys[me.generation]))


def _pin(conn: Connection, device_id: str, name: str, sign_public: bytes, box_public: bytes) -> None:
    conn.exec_driver_sql("INSERT OR IGNORE INTO sync_device (device_id, name, sign_public, box_public, last_seq) "
                         "VALUES (?, ?, ?, ?, 0)", (device_id, name[:120], sign_public, box_public))


def create_family(vault: Vault, folder: Path, *, name: str = "", clock: Clock = utc_now) -> str:
    """Start a family in ``folder`` (an existing folder the family syncs) and return an
    invitation code for the next computer. Everything already in the journal goes out with the
    first :func:`sync_now`."""
    folder = ff.check_folder(folder)
    if ff.devices(folder):  # two families in one folder would refuse each other's files forever
        raise ValidationError(_("A family already shares the folder {folder}. Join it with an invitation from one "
                                "of its computers (Join a family), or choose another folder.").format(folder=folder),
                              field="folder")
    with session_of(vault) as s:
        conn = s.connection()
        me = _start(conn, folder, fk.new_id(), {0: fk.new_family_key()}, name, clock())
        return _invite(me)


def new_invitation(vault: Vault) -> str:
    """A new one-time invitation code for one more computer."""
    with session_of(vault) as s:
        return _invite(_require(s.connection()))


def _invite(me: _Me) -> str:
    code, secret = fk.new_invitation_code()
    bundle = {"family": me.family_id, "inviter": me.device_id,
              "keys": {str(g): fk.b64(k) for g, k in me.family_keys.items()}}
    ff.write_once(ff.own_folder(me.folder, me.device_id) / ff.invite_name(fk.invitation_tag(secret)),
                  fk.seal_invitation(secret, bundle))
    return code


def join_family(vault: Vault, folder: Path, code: str, *, name: str = "", clock: Clock = utc_now) -> None:
    """Join the family of ``folder`` with an invitation ``code`` shown on a computer already in it.
    Raises :class:`InvitationError` for a typo or a code with no invitation in this folder."""
    secret = fk.invitation_secret(code)  # a typo is caught before anything is read or derived
    folder = ff.check_folder(folder)
    tag = fk.invitation_tag(secret)
    found = [(path, ff.read_small(path)) for path in (folder / d / ff.invite_name(tag) for d in ff.devices(folder))]
    used, data = next(((p, b) for p, b in found if b is not None), (None, None))
    if data is None:
        raise fk.InvitationError(_("There is no invitation for that code in this folder. It may have been used "
                                   "already, or the folder has not finished syncing."))
    bundle = fk.open_invitation(secret, data)
    try:
        keys = {int(g): fk.unb64(k) for g, k in bundle["keys"].items()}
        family_id = str(bundle["family"])
    except (KeyError, ValueError, TypeError, AttributeError):
        raise fk.InvitationError(_("The invitation file in the shared folder is damaged.")) from None
    with session_of(vault) as s:
        _start(s.connection(), folder, family_id, keys, name, clock())
    try:  # used up at once, not only when the inviting computer next syncs: it works once
        used.unlink()
    except OSError:
        pass


# --- syncing ------------------------------------------------------------------------------------------


def sync_now(vault: Vault, *, clock: Clock = utc_now, now_ms: Callable[[], int] = wall_ms) -> SyncResult:
    """Send what changed here and merge what the others sent, in one unit of work (a crash
    leaves the vault as before; a batch file already written is then skipped, never reused)."""
    with session_of(vault) as s:
        conn = s.connection()
        me = _require(conn)
        _check_reachable(me)
        now = clock()
        hlc = HybridClock(me.clock, now_ms)
        refused: list[Refusal] = []
        others = [d for d in ff.devices(me.folder) if d != me.device_id]
        new_members = _pin_cards(conn, me, others, refused)
        if new_members:
            _drop_invitations(me)
        _take_rekeys(conn, me, others, refused)
        sent, size = _send(conn, me, hlc, now)
        applied = repo.Applied()
        batches = 0
        for device in others:
            batches += _receive_from(conn, me, device, hlc, now, applied, refused)
        repo.materialize(conn, applied.touched, now, applied)
        conn.exec_driver_sql("UPDATE sync_identity SET clock = ?, next_seq = ? WHERE id = 1", (hlc.last, me.next_seq))
        conn.exec_driver_sql("UPDATE sync_device SET last_synced_at = ?, last_seq = ? WHERE device_id = ?",
                             (_instant(now), me.next_seq - 1, me.device_id))
    return SyncResult(sent, applied.fields, batches, size, applied.conflicts, applied.waiting, tuple(refused),
                      frozenset(table for table, _gid in applied.touched))


def _check_reachable(me: _Me) -> None:
    """Refuse to sync when this computer's subfolder is not in the shared folder: the folder is
    gone, or is an empty stand-in (a drive not plugged in, a sync tool starting afresh). Changes
    sent there would count as sent and never reach the family; they wait here instead. When only
    this computer's subfolder is gone (the others' are there: someone cleaned up), it is written
    again with this computer's card, so computers joining later can still trust its files."""
    if (me.folder / me.device_id).is_dir():
        return
    if ff.devices(me.folder):
        _write_card(me)
    else:
        raise FolderUnreachableError(_("The shared folder {folder} cannot be reached right now. Everything "
                                       "is kept here and goes out when the folder is back.").format(
                                           folder=me.folder))


def _send(conn: Connection, me: _Me, hlc: HybridClock, now: datetime) -> tuple[int, int]:
    if not repo.pending_count(conn):
        return 0, 0
    stamp = hlc.tick()
    rows = repo.stamp_pending(conn, stamp, me.device_id, now)
    if not rows:
        return 0, 0
    mine = ff.own_folder(me.folder, me.device_id)
    seq = me.next_seq
    while (mine / ff.batch_name(seq)).exists():
        seq += 1  # a file left by a crash (or a stray file) keeps its number; never a jump past a stray one
    payload = json.dumps({"hlc": stamp, "rows": rows}, separators=(",", ":")).encode("utf-8")
    data = fk.seal_batch(payload, family_id=me.family_id, device_id=me.device_id, seq=seq,
                         generation=me.generation, family_key=me.family_keys[me.generation], keys=me.keys)
    ff.write_once(mine / ff.batch_name(seq), data)
    me.next_seq = seq + 1
    return sum(len(changed) for _t, _g, changed in rows), len(data)


def _pin_cards(conn: Connection, me: _Me, others: list[str], refused: list[Refusal]) -> bool:
    known = {d for (d,) in conn.exec_driver_sql("SELECT device_id FROM sync_device")}
    pinned = False
    for device in others:
        if device in known:
            continue  # keys are pinned at first sight: a changed card later is never believed
        data = ff.read_small(me.folder / device / ff.CARD)
        if data is None:
            continue
        opened = _trusted(refused, device, None, lambda: _read_card(me, device, data))
        if opened is None:
            continue
        name, sign, box = opened
        _pin(conn, device, name, sign, box)
        pinned = True
    return pinned


def _trusted(refused: list[Refusal], device: str, number: int | None, read: Callable):
    """``read()``, or None with the refusal noted when the file cannot be trusted or is not ours."""
    try:
        return read()
    except fk.SealedFileError as exc:
        refused.append(Refusal(device, number, exc.reason))
    except (KeyError, ValueError, TypeError, AttributeError):
        refused.append(Refusal(device, number, "not-ours"))
    return None


def _read_card(me: _Me, device: str, data: bytes) -> tuple[str, bytes, bytes]:
    card = fk.open_card(data, family_id=me.family_id, device_id=device, family_keys=me.family_keys)
    return str(card.get("name", "")), fk.unb64(card["sign"]), fk.unb64(card["box"])


def _read_batch(me: _Me, device: str, seq: int, data: bytes, sign_public: bytes) -> tuple[int, list]:
    _generation, plain = fk.open_batch(data, family_id=me.family_id, device_id=device, seq=seq,
                                       family_keys=me.family_keys, sign_public=sign_public)
    batch = json.loads(plain)
    stamp, rows = batch["hlc"], batch["rows"]
    if not isinstance(stamp, int) or not isinstance(rows, list) or not all(map(repo.valid_change, rows)):
        raise ValueError("not a batch")
    return stamp, rows


def _drop_invitations(me: _Me) -> None:
    """A new computer joined: the invitations waiting in this computer's folder are used up."""
    for path in ff.own_folder(me.folder, me.device_id).glob("invite-*.ccinv"):
        try:
            path.unlink()
        except OSError:
            pass


def _device_keys(conn: Connection, device: str):
    return conn.exec_driver_sql("SELECT sign_public, box_public, removed_after_seq FROM sync_device "
                                "WHERE device_id = ?", (device,)).first()


def _take_rekeys(conn: Connection, me: _Me, others: list[str], refused: list[Refusal]) -> None:
    for device in others:
        pinned = _device_keys(conn, device)
        if pinned is None:
            continue
        for generation, path in ff.numbered(me.folder / device, ff.REKEY):
            data = ff.read_small(path)
            if data is None:
                continue
            try:
                notice = fk.open_rekey(data, sign_public=bytes(pinned[0]), family_id=me.family_id)
                if notice.get("generation") != generation:
                    raise fk.SealedFileError("swapped")
                sealed = notice.get("sealed", {}).get(me.device_id)
                if generation not in me.family_keys and sealed is not None:
                    key = fk.open_sealed_to_me(me.keys.box_private, fk.unb64(sealed),
                                               _rekey_aad(me.family_id, generation, me.device_id))
                    me.family_keys[generation] = key
                    conn.exec_driver_sql("INSERT INTO sync_family_key (generation, key) VALUES (?, ?)", (generation, key))
                    _drop_invitations(me)  # they hold only the old keys
                for removed, after in dict(notice.get("removed", {})).items():
                    conn.exec_driver_sql(
                        "UPDATE sync_device SET removed_at = coalesce(removed_at, ?), removed_after_seq = "
                        "min(coalesce(removed_after_seq, ?), ?) WHERE device_id = ?",
                        (_instant(utc_now()), int(after), int(after), str(removed)))
            except fk.SealedFileError as exc:
                refused.append(Refusal(device, generation, exc.reason))
            except (ValueError, TypeError, AttributeError):
                refused.append(Refusal(device, generation, "not-ours"))


def _rekey_aad(family_id: str, generation: int, device_id: str) -> bytes:
    return f"{family_id}:{generation}:{device_id}".encode("ascii")


def _receive_from(conn: Connection, me: _Me, device: str, hlc: HybridClock, now: datetime, applied: repo.Applied,
                  refused: list[Refusal]) -> int:
    pinned = _device_keys(conn, device)
    if pinned is None:
        return 0  # its card has not arrived yet: its batches wait
    sign_public, _box, removed_after = pinned
    done = {n for (n,) in conn.exec_driver_sql("SELECT seq FROM sync_applied_batch WHERE device_id = ?", (device,))}
    count = 0
    for seq, path in ff.numbered(me.folder / device, ff.BATCH):
        if seq in done:
            continue  # merged before: the same batch twice changes nothing
        if removed_after is not None and seq > removed_after:
            refused.append(Refusal(device, seq, "removed"))
            continue
        data = ff.read_small(path)
        if data is None:
            continue
        opened = _trusted(refused, device, seq, lambda: _read_batch(me, device, seq, data, bytes(sign_public)))
        if opened is None:
            continue
        stamp, rows = opened
        hlc.observe(stamp)
        repo.take_in(conn, rows, stamp, device, now, applied)
        conn.exec_driver_sql("INSERT INTO sync_applied_batch (device_id, seq, changes, applied_at) VALUES (?, ?, ?, ?)",
                             (device, seq, sum(len(r[2]) for r in rows), _instant(now)))
        conn.exec_driver_sql("UPDATE sync_device SET last_seq = max(last_seq, ?), last_synced_at = ? "
                             "WHERE device_id = ?", (seq, _instant(now), device))
        count += 1
    return count


# --- the family window --------------------------------------------------------------------------------


def family_status(vault: Vault) -> FamilyStatus | None:
    """The family as this computer knows it, or None when the journal is not shared."""
    from ..storage.types import UTCDateTime

    with session_of(vault) as s:
        conn = s.connection()
        me = _load(conn)
        if me is None:
            return None
        read = UTCDateTime().process_result_value
        members = tuple(
            Member(d, name, d == me.device_id, last, read(at, None) if at else None, removed is not None)
            for d, name, last, at, removed in conn.exec_driver_sql(
                "SELECT device_id, name, last_seq, last_synced_at, removed_at FROM sync_device ORDER BY name, device_id"))
        counts = [conn.exec_driver_sql(sql).scalar_one() for sql in (
            "SELECT count(*) FROM sync_pending", "SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL",
            "SELECT count(*) FROM sync_tombstone")]
        return FamilyStatus(me.folder, me.family_id, me.device_id, members, *counts)


@dataclass(frozen=True)
class Removal:
    """After a removal: the computer's name, and the number of its last batch merged here. It
    keeps everything it could already read (every change up to now); it cannot read what follows."""

    name: str
    last_number: int


def remove_computer(vault: Vault, device_id: str, *, clock: Clock = utc_now) -> Removal:
    """Remove a computer from the family: a new family key for what follows, handed to every
    other computer sealed to its own key; the removed computer's later batches are refused."""
    with session_of(vault) as s:
        conn = s.connection()
        me = _require(conn)
        row = conn.exec_driver_sql("SELECT name, last_seq, removed_at FROM sync_device WHERE device_id = ?",
                                   (device_id,)).first()
        if row is None or device_id == me.device_id or row[2] is not None:
            raise ValidationError(_("That computer is not in the family (or is this one)."))
        generation = me.generation + 1
        key = fk.new_family_key()
        sealed = {}
        for other, box in conn.exec_driver_sql("SELECT device_id, box_public FROM sync_device WHERE removed_at IS NULL "
                                               "AND device_id NOT IN (?, ?)", (device_id, me.device_id)):
            sealed[other] = fk.b64(fk.seal_to(bytes(box), key, _rekey_aad(me.family_id, generation, other)))
        notice = {"family": me.family_id, "generation": generation, "by": me.device_id,
                  "removed": {device_id: row[1]}, "sealed": sealed}
        conn.exec_driver_sql("INSERT INTO sync_family_key (generation, key) VALUES (?, ?)", (generation, key))
        conn.exec_driver_sql("UPDATE sync_device SET removed_at = ?, removed_after_seq = ? WHERE device_id = ?",
                             (_instant(clock()), row[1], device_id))
        ff.write_once(ff.own_folder(me.folder, me.device_id) / ff.rekey_name(generation),
                      fk.seal_rekey(notice, keys=me.keys))
        _drop_invitations(me)  # they hold only the old keys: a computer joining with one could not read what follows
        return Removal(row[0], row[1])


@dataclass(frozen=True)
class Conflict:
    """Two edits of one note made without seeing each other: ``kept`` is in the row now,
    ``other`` was set aside. ``what`` is the table, ``column`` the field."""

    conflict_id: int
    what: str
    column: str
    kept: object
    other: object
    found_at: datetime


def conflicts(vault: Vault) -> list[Conflict]:
    from ..storage.types import UTCDateTime

    read = UTCDateTime().process_result_value
    with session_of(vault) as s:
        conn = s.connection()
        out = []
        for cid, table, gid, col, other, found in conn.exec_driver_sql(
                "SELECT id, tbl, gid, col, other_value, found_at FROM sync_conflict WHERE resolved_at IS NULL ORDER BY id"):
            kept = conn.exec_driver_sql(f"SELECT {col} FROM {BY_TABLE[table].table} WHERE gid = ?", (gid,)).scalar()
            out.append(Conflict(cid, table, col, kept, json.loads(other), read(found, None)))
        return out


def resolve_conflict(vault: Vault, conflict_id: int, *, keep_other: bool, clock: Clock = utc_now) -> None:
    """Settle a conflict: keep the row as it is, or put the other edit in (sent like any edit)."""
    with session_of(vault) as s:
        conn = s.connection()
        row = conn.exec_driver_sql("SELECT tbl, gid, col, other_value FROM sync_conflict WHERE id = ? "
                                   "AND resolved_at IS NULL", (conflict_id,)).first()
        if row is None:
            raise CaregiverError(_("That conflict was already settled."))
        table, gid, col, other = row
        if keep_other:
            conn.exec_driver_sql(f"UPDATE {BY_TABLE[table].table} SET {col} = ? WHERE gid = ?", (json.loads(other), gid))
        conn.exec_driver_sql("UPDATE sync_conflict SET resolved_at = ? WHERE id = ?", (_instant(clock()), conflict_id))


def deleted_rows(vault: Vault) -> list[tuple[str, str]]:
    """``(table, gid)`` of the shared rows deleted here or elsewhere, newest first."""
    with session_of(vault) as s:
        return [(t, g) for t, g, _h, _d in repo.tombstones(s.connection())]


def bring_back(vault: Vault, table: str, gid: str) -> bool:
    """Undo a deletion (with what was deleted with it); it travels with the next sync."""
    with session_of(vault) as s:
        return repo.bring_back(s.connection(), table, gid)
