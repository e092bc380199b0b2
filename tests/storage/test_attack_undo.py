"""Undoing an import, attacked (branch attack-undo), in a real encrypted vault: what the import
brought in beside its entries must not linger once it is undone."""

from __future__ import annotations

from datetime import date

from support import add_entry
from test_import_batches import CSV

from caregiver_app.domain.model import Tag
from caregiver_app.services import import_batches, imports, journal


def _import(vault, person):
    return imports.import_daylio(vault, CSV, person.display_name, {"Solid": 4}, "America/New_York",
                                 file_name="export.csv")


def test_the_activities_only_an_undone_import_used_are_no_longer_offered(vault, person):
    add_entry(vault, person, date(2026, 11, 1), note="my own", tags=(Tag("walk"),))
    report = _import(vault, person)  # brings "friends", "walk" and "reading"
    assert sorted(t.name for t in journal.tag_choices(vault)) == ["friends", "reading", "walk"]

    import_batches.undo_import(vault, report.batch_id)

    # the editor's suggestions, the search filter and the plans offer what the journal still uses
    assert [t.name for t in journal.tag_choices(vault)] == ["walk"]
