"""Issue 18, defect 3: the app opens on the person used last (remembered inside the vault, never
in the settings file), and people can be renamed and removed. Removing archives: it asks first,
deletes nothing, and the person can be brought back."""

from __future__ import annotations

from datetime import datetime

from support import PASSPHRASE

from caregiver_app.gui.app import create_main_window
from caregiver_app.services import journal, people
from caregiver_app.services.journal import EntryDraft
from caregiver_app.services.vault_open import unlock_with_passphrase


def open_window(qtbot, context, vault):
    context.vault = vault
    window = create_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window


def test_opens_on_the_person_used_last(qtbot, context, vault, vault_paths, person, settings_path):
    people.add_person(vault, "Aaron Abbott")  # first by name
    first = open_window(qtbot, context, vault)
    assert first.person_combo.currentText() == "Aaron Abbott"
    first.person_combo.setCurrentIndex(first.person_combo.findText("Sam Rivera"))
    first.close()  # closes the vault
    assert not vault.is_open
    reopened = unlock_with_passphrase(vault_paths, PASSPHRASE)
    try:
        again = open_window(qtbot, context, reopened)
        assert again.person_combo.currentText() == "Sam Rivera"
        assert "Sam Rivera" not in settings_path.read_text(encoding="utf-8")
        again.close()
    finally:
        reopened.close()


def test_rename_the_chosen_person(qtbot, context, vault, person, modals):
    window = open_window(qtbot, context, vault)
    modals.expect(result=("Samuel Rivera", True))
    window.people_actions.rename_action.trigger()
    assert window.person_combo.currentText() == "Samuel Rivera"
    assert [p.display_name for p in people.list_people(vault)] == ["Samuel Rivera"]


def test_remove_asks_archives_keeps_everything_and_can_bring_back(qtbot, context, vault, person, modals):
    other = people.add_person(vault, "Aaron Abbott")
    journal.save_entry(vault, EntryDraft(person.id, datetime(2026, 11, 29, 21, 15), note="kept safe"))
    window = open_window(qtbot, context, vault)
    window.person_combo.setCurrentIndex(window.person_combo.findText("Sam Rivera"))

    modals.expect()  # answered with the default, "Keep them"
    window.people_actions.remove_action.trigger()
    assert "Remove this person?" in modals.seen[-1].title
    assert window.person_combo.findText("Sam Rivera") >= 0

    def remove(box):
        next(b for b in box.buttons() if b.text() == "Remove from the list").click()

    modals.expect(handler=remove)
    window.people_actions.remove_action.trigger()
    assert window.person_combo.findText("Sam Rivera") < 0
    assert window.current_person().id == other.id
    assert [e.note for e in journal.recent_entries(vault, person.id)] == ["kept safe"]  # nothing deleted

    modals.expect(result=("Sam Rivera", True))
    window.people_actions.restore_action.trigger()
    assert window.person_combo.currentText() == "Sam Rivera"
    assert {p.display_name for p in people.list_people(vault)} == {"Sam Rivera", "Aaron Abbott"}
