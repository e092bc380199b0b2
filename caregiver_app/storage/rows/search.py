"""The journal's search index (drafts have their own table in :mod:`.drafts`).

* ``journal_fts``: an FTS5 full-text index over ``journal_entry.note`` (external content, kept in
  step by triggers), word by word (unicode61 with Porter stemming) for languages that put spaces
  between words. Migration 0005 makes it.
* ``journal_fts_tri``: the same notes indexed by trigram (every run of three characters), so a
  word inside a sentence written without spaces (Chinese, Japanese, Thai) is found too. Migration
  0008 makes it.

Virtual tables and triggers are not SQLAlchemy models; :func:`include_name` keeps them out of the
model/migration comparison. A migration that rebuilds ``journal_entry`` (copy to a new table)
drops their triggers: such a migration must run :data:`FTS_TRIGGERS` and :data:`TRIGRAM_TRIGGERS`
again and then :data:`FTS_REBUILD` and :data:`TRIGRAM_REBUILD`.
"""

from __future__ import annotations

FTS_TABLE = "journal_fts"

FTS_CREATE = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "note, content='journal_entry', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"
)


def _triggers(table: str) -> tuple[str, ...]:
    """The three triggers that keep the external-content index ``table`` in step with the notes."""
    return (
        f"""CREATE TRIGGER {table}_ai AFTER INSERT ON journal_entry BEGIN
            INSERT INTO {table}(rowid, note) VALUES (new.id, new.note);
        END""",
        f"""CREATE TRIGGER {table}_ad AFTER DELETE ON journal_entry BEGIN
            INSERT INTO {table}({table}, rowid, note) VALUES ('delete', old.id, old.note);
        END""",
        f"""CREATE TRIGGER {table}_au AFTER UPDATE OF note ON journal_entry BEGIN
            INSERT INTO {table}({table}, rowid, note) VALUES ('delete', old.id, old.note);
            INSERT INTO {table}(rowid, note) VALUES (new.id, new.note);
        END""",
    )


def _drop(table: str) -> tuple[str, ...]:
    return (
        f"DROP TRIGGER IF EXISTS {table}_au",
        f"DROP TRIGGER IF EXISTS {table}_ad",
        f"DROP TRIGGER IF EXISTS {table}_ai",
        f"DROP TABLE IF EXISTS {table}",
    )


FTS_TRIGGERS = _triggers(FTS_TABLE)

FTS_REBUILD = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"

FTS_DROP = _drop(FTS_TABLE)

TRIGRAM_TABLE = f"{FTS_TABLE}_tri"

TRIGRAM_CREATE = (
    f"CREATE VIRTUAL TABLE {TRIGRAM_TABLE} USING fts5("
    "note, content='journal_entry', content_rowid='id', tokenize='trigram remove_diacritics 1')"
)
"""Trigram index: a MATCH needs at least three characters; shorter words are looked up another way."""

TRIGRAM_TRIGGERS = _triggers(TRIGRAM_TABLE)

TRIGRAM_REBUILD = f"INSERT INTO {TRIGRAM_TABLE}({TRIGRAM_TABLE}) VALUES ('rebuild')"

TRIGRAM_DROP = _drop(TRIGRAM_TABLE)


def include_name(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic hook: leave the FTS5 tables and their shadow tables (``journal_fts*``) out of
    autogenerate and of the model comparison; everything else is compared."""
    if type_ == "table" and name is not None and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_")):
        return False
    return True


