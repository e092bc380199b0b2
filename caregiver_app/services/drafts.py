"""Drafts: what the entry editor holds before it is saved, kept in the encrypted database every
few seconds so a crash, a lock or a closed window never loses a word.

A draft is keyed by the editor (one key per entry being written), so repeated autosaves overwrite
one row. Saving or discarding the entry deletes its draft. Drafts are stored as JSON inside the
vault (SQLCipher-encrypted like everything else) and never anywhere else.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime

from ..i18n import _
from ..domain.errors import ValidationError
from ..storage.repos import drafts as drafts_repo
from .clock import Clock, utc_now
from .vault import Vault, session_of

PAYLOAD_VERSION = 1


def new_draft_key() -> str:
    """A fresh random key for a new draft."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class DraftState:
    """The editor's fields as typed, not yet checked. ``when`` is a naive local wall-clock time
    in ``zone_name``; scales are 0–10 (None: not rated), mood 1–5; ``symptoms`` holds
    ``(name, severity or None)`` as typed; ``activities`` and ``stressors`` are the comma lists
    as typed; ``extra`` keeps other editor sections' own fields (JSON-compatible values)."""

    person_id: int
    entry_id: int | None = None
    when: datetime | None = None
    zone_name: str = ""
    recorder_kind: str = "person"
    recorder_name: str = ""
    mood: int | None = None
    anxiety: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    symptoms: tuple[tuple[str, int | None], ...] = ()
    activities: str = ""
    stressors: str = ""
    note: str = ""
    flag_for_visit: bool = False
    extra: dict = field(default_factory=dict, compare=True, hash=False)

    def to_json(self) -> str:
        data = asdict(self)
        data["when"] = self.when.isoformat() if self.when is not None else None
        data["symptoms"] = [list(s) for s in self.symptoms]
        data["version"] = PAYLOAD_VERSION
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, person_id: int, entry_id: int | None) -> "DraftState":
        """Read a stored draft. A payload that cannot be read keeps its raw text as the note, so
        nothing typed is lost."""
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            when = data.get("when")
            return cls(
                person_id=person_id,
                entry_id=entry_id,
                when=datetime.fromisoformat(when) if when else None,
                zone_name=str(data.get("zone_name") or ""),
                recorder_kind="family" if data.get("recorder_kind") == "family" else "person",
                recorder_name=str(data.get("recorder_name") or ""),
                mood=_int_or_none(data.get("mood")),
                anxiety=_int_or_none(data.get("anxiety")),
                energy=_int_or_none(data.get("energy")),
                sleep_hours=float(data["sleep_hours"]) if data.get("sleep_hours") is not None else None,
                sleep_quality=_int_or_none(data.get("sleep_quality")),
                symptoms=tuple((str(n), _int_or_none(v)) for n, v in data.get("symptoms") or ()),
                activities=str(data.get("activities") or ""),
                stressors=str(data.get("stressors") or ""),
                note=str(data.get("note") or ""),
                flag_for_visit=bool(data.get("flag_for_visit")),
                extra=dict(data.get("extra") or {}),
            )
        except (ValueError, TypeError, KeyError):
            return cls(person_id=person_id, entry_id=entry_id, note=text)

    @property
    def has_words(self) -> bool:
        """True when anything at all was typed or chosen (an empty form is not worth keeping)."""
        return any(
            (
                self.mood, self.anxiety is not None, self.energy is not None, self.sleep_hours is not None,
                self.sleep_quality, self.symptoms, self.activities.strip(), self.stressors.strip(),
                self.note.strip(), self.flag_for_visit, any(self.extra.values()),
            )
        )


def _int_or_none(value) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    return int(value)


@dataclass(frozen=True)
class SavedDraft:
    """A draft as kept in the vault; ``saved_at`` is a UTC instant."""

    key: str
    person_name: str
    saved_at: datetime
    state: DraftState


def save_draft(vault: Vault, key: str, state: DraftState, *, clock: Clock = utc_now) -> None:
    """Keep ``state`` under ``key`` (replacing what that key held). Raises
    :class:`ValidationError` for an empty key."""
    if not key:
        raise ValidationError(_("A draft needs a key."))
    with session_of(vault) as s:
        drafts_repo.upsert_draft(s, key, state.person_id, state.entry_id, state.to_json(), clock())


def list_drafts(vault: Vault, person_id: int | None = None) -> list[SavedDraft]:
    """Every kept draft (or one person's), newest first."""
    with session_of(vault) as s:
        records = drafts_repo.list_drafts(s, person_id)
    return [
        SavedDraft(r.key, r.person_name, r.saved_at, DraftState.from_json(r.payload, r.person_id, r.entry_id))
        for r in records
    ]


def delete_drafts(vault: Vault, *keys: str) -> int:
    """Delete the drafts with these keys (saved or discarded); returns how many were there."""
    with session_of(vault) as s:
        return drafts_repo.delete_drafts(s, [k for k in keys if k])
