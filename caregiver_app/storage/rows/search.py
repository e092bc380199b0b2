"""The journal's search index (drafts have their own table in :mod:`.drafts`).

* ``journal_fts``: an FTS5 full-text index over ``journal_entry.note`` (external content, kept in
  step by triggers). Virtual tables and triggers are not SQLAlchemy models; migration 0005 makes
  them and :func:`include_name` keeps them out of the model/migration comparison.

A migration that rebuilds ``journal_entry`` (copy to a new table) drops its triggers: such a
migration must run :data:`FTS_TRIGGERS` again and then :data:`FTS_REBUILD`.
"""

from __future__ import annotations

FTS_TABLE = "journal_fts"

FTS_CREATE = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "note, content='journal_entry', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"
)

FTS_TRIGGERS = (
    f"""CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON journal_entry BEGIN
        INSERT INTO {FTS_TABLE}(rowid, note) VALUES (new.id, new.note);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON journal_entry BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, note) VALUES ('delete', old.id, old.note);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF note ON journal_entry BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, note) VALUES ('delete', old.id, old.note);
        INSERT INTO {FTS_TABLE}(rowid, note) VALUES (new.id, new.note);
    END""",
)

FTS_REBUILD = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"

FTS_DROP = (
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
)


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic hook: leave the FTS5 table and its shadow tables (``journal_fts_*``) out of
    autogenerate and of the model comparison; everything else is compared."""
    if type_ == "table" and name is not None and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_")):
        return False
    return True


