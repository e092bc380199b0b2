"""Which tables the family shares (issue 20), how their rows get global ids, and the triggers that
note every change for the next batch.

Every shared table has a ``gid`` column (a UUID as text, unique). It is set by an ``AFTER INSERT``
trigger when the insert did not give one, so every write path (the ORM, the Core ``executemany``
of :func:`storage.repos.base.insert_many`, cascades) gets one without any service knowing:

* rows made on one computer get a UUIDv7 (:func:`domain.gids.uuid7`);
* rows two computers may make independently get a UUIDv5 of their natural key (:class:`Shared`
  ``natural``): a symptom or tag by its normalised name, an imported entry by its person and
  import key, a rating by its entry and symptom, ... so both computers compute the same id and the
  rows meet instead of clashing on the table's unique constraint.

Three more triggers per table record every insert, update and delete into ``sync_pending``
(table, gid, deleted) - except while a merge applies received changes (a row in
``sync_applying``, present only inside the merge's own transaction), so received changes are
never sent back. Not shared, and never recorded: the caregiver's own check-ins, vault settings,
drafts, imports, summary choices and the search index.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Shared:
    """One shared table. ``parents``: foreign-key column -> parent table (travel as the parent's
    gid); ``natural``: SQL over ``new`` giving the text a UUIDv5 is made of (None: UUIDv7);
    ``local``: columns that stay on this computer; ``notes``: free-text columns whose concurrent
    edits are both kept (the other one as a conflict to resolve); ``append_only``: every row
    another computer added is kept (each has its own gid), and a concurrent different edit of ANY
    field is kept as a conflict rather than silently replaced (dose history, doses)."""

    table: str
    parents: dict[str, str] = field(default_factory=dict)
    natural: str | None = None
    local: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    append_only: bool = False


def _gid_of(table: str, column: str) -> str:
    return f"(SELECT gid FROM {table} WHERE id = new.{column})"


SHARED: tuple[Shared, ...] = (
    # parents before children: a merge inserts in this order
    Shared("person", notes=("notes",)),
    Shared("symptom", natural="'symptom:' || new.name_key"),
    Shared("tag", natural="'tag:' || new.kind || ':' || new.name"),
    Shared("journal_entry", {"person_id": "person"}, local=("import_batch_id",), notes=("note",),
           natural="CASE WHEN new.import_key IS NULL THEN NULL ELSE 'entry:' || "
                   f"{_gid_of('person', 'person_id')} || ':' || new.import_key END"),
    Shared("symptom_rating", {"entry_id": "journal_entry", "symptom_id": "symptom"},
           natural=f"'rating:' || {_gid_of('journal_entry', 'entry_id')} || ':' || {_gid_of('symptom', 'symptom_id')}"),
    Shared("entry_tag", {"entry_id": "journal_entry", "tag_id": "tag"},
           natural=f"'entry_tag:' || {_gid_of('journal_entry', 'entry_id')} || ':' || {_gid_of('tag', 'tag_id')}"),
    Shared("contact", {"person_id": "person"}, notes=("notes",)),
    Shared("contact_phone", {"contact_id": "contact"}),
    Shared("contact_support", {"contact_id": "contact"},
           natural=f"'support:' || {_gid_of('contact', 'contact_id')} || ':' || new.support_type"),
    Shared("medication", {"person_id": "person", "prescriber_contact_id": "contact"}),
    Shared("medication_dose_change", {"medication_id": "medication"}, notes=("note",), append_only=True,
           natural=f"'dose_change:' || {_gid_of('medication', 'medication_id')} || ':' || new.effective_from"),
    Shared("entry_dose", {"entry_id": "journal_entry", "medication_id": "medication"}, append_only=True,
           natural=f"'dose:' || {_gid_of('journal_entry', 'entry_id')} || ':' || {_gid_of('medication', 'medication_id')}"),
    Shared("score_result", {"person_id": "person"}, notes=("note",)),
    Shared("appointment", {"person_id": "person", "contact_id": "contact"}, notes=("notes_after",)),
    Shared("appointment_question", {"appointment_id": "appointment"}, notes=("answer",)),
    Shared("warning_plan", {"person_id": "person"},
           natural=f"'plan:' || {_gid_of('person', 'person_id')} || ':' || new.kind"),
    Shared("warning_plan_item", {"plan_id": "warning_plan"}),
)
BY_TABLE = {s.table: s for s in SHARED}
ORDER = {s.table: i for i, s in enumerate(SHARED)}

NOT_SHARED = ("caregiver_checkin", "vault_setting", "entry_draft", "import_batch", "summary_choice")
"""Kept on this computer only (plus the search index and the ``sync_*`` tables themselves)."""

DELETED = "_deleted"
"""The pseudo-column whose version says a row is deleted (true) or alive again (false)."""


def _gid_expression(spec: Shared) -> str:
    fresh = "sync_uuid7()"
    if spec.natural is None:
        return fresh
    natural = f"sync_uuid5({spec.natural})"
    # The natural id once taken (two spellings of a tag in an old vault): a fresh one instead.
    return (f"CASE WHEN ({spec.natural}) IS NULL OR EXISTS (SELECT 1 FROM {spec.table} WHERE gid = {natural}) "
            f"THEN {fresh} ELSE {natural} END")


NOT_APPLYING = "NOT EXISTS (SELECT 1 FROM sync_applying)"


def trigger_sql(spec: Shared) -> tuple[str, ...]:
    """The four triggers of ``spec``'s table: give a gid, and note inserts, updates and deletes.

    A pending row is replaced by a DELETE then an INSERT, not ``INSERT OR REPLACE``: SQLite lets
    the statement that fired a trigger override the trigger's conflict clause, and a foreign-key
    action (``ON DELETE SET NULL`` on an appointment when its provider is deleted) runs with ABORT,
    which turned a second change of the same row into a UNIQUE error."""
    t = spec.table
    return (
        f"""CREATE TRIGGER sync_{t}_gid AFTER INSERT ON {t} WHEN new.gid IS NULL BEGIN
            UPDATE {t} SET gid = {_gid_expression(spec)} WHERE rowid = new.rowid;
        END""",
        # an insert that brought its gid (an undone deletion): noted here, the update above notes the rest
        f"""CREATE TRIGGER sync_{t}_ai AFTER INSERT ON {t} WHEN new.gid IS NOT NULL AND {NOT_APPLYING} BEGIN
            DELETE FROM sync_pending WHERE tbl = '{t}' AND gid = new.gid;
            INSERT INTO sync_pending (tbl, gid, deleted) VALUES ('{t}', new.gid, 0);
        END""",
        f"""CREATE TRIGGER sync_{t}_au AFTER UPDATE ON {t} WHEN new.gid IS NOT NULL AND {NOT_APPLYING} BEGIN
            DELETE FROM sync_pending WHERE tbl = '{t}' AND gid = new.gid;
            INSERT INTO sync_pending (tbl, gid, deleted) VALUES ('{t}', new.gid, 0);
        END""",
        f"""CREATE TRIGGER sync_{t}_ad AFTER DELETE ON {t} WHEN old.gid IS NOT NULL AND {NOT_APPLYING} BEGIN
            DELETE FROM sync_pending WHERE tbl = '{t}' AND gid = old.gid;
            INSERT INTO sync_pending (tbl, gid, deleted) VALUES ('{t}', old.gid, 1);
        END""",
    )


def drop_trigger_sql(spec: Shared) -> tuple[str, ...]:
    return tuple(f"DROP TRIGGER IF EXISTS sync_{spec.table}_{kind}" for kind in ("gid", "ai", "au", "ad"))
