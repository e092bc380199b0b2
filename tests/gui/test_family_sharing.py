"""File ▸ Share with family… and the background sync (issue 20), with real widgets and two real
vaults (two computers) sharing one folder in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from support import NOW, PASSPHRASE

from caregiver_app.gui.common.ops import Ops
from caregiver_app.gui.context import AppContext
from caregiver_app.gui.family.background import FamilySync
from caregiver_app.gui.family.share_dialog import ShareDialog
from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.security import family_keys
from caregiver_app.services import family_sync, journal, people
from caregiver_app.services.vault import VaultPaths, engine_of
from caregiver_app.services.vault_open import create_vault
from caregiver_app.settings import Settings

SHOTS = Path("/work/notes/shots")


@pytest.fixture
def shared(tmp_path) -> Path:
    folder = tmp_path / "Family (synced)"
    folder.mkdir()
    return folder


@pytest.fixture
def other(tmp_path, qapp):
    """The second computer: its own vault, settings and ops."""
    vault = create_vault(VaultPaths(tmp_path / "other computer"), PASSPHRASE).vault
    made = AppContext(paths=VaultPaths(tmp_path / "other computer"), ops=Ops(), settings=Settings(country="US"),
                      settings_path=tmp_path / "other.json", vault=vault)
    made.clock = lambda: NOW
    yield made
    vault.close()


def dialog_for(qtbot, context, syncer=None) -> ShareDialog:
    dialog = ShareDialog(context, syncer=syncer)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def start_sharing(qtbot, dialog: ShareDialog, modals, folder: Path, name: str = "Kitchen laptop") -> str:
    assert dialog.stack.currentWidget() is dialog.choose_page
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert not dialog.create_button.isEnabled()  # no folder yet
    modals.expect(result=str(folder))
    qtbot.mouseClick(dialog.start_folder.button, Qt.MouseButton.LeftButton)
    dialog.start_name.setText(name)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentWidget() is dialog.code_page
    code = dialog.code
    assert dialog.code_label.text() == "\n".join(["-".join(code.split("-")[:4]), "-".join(code.split("-")[4:])])
    assert dialog.code_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    return code


def join(qtbot, dialog: ShareDialog, modals, folder: Path, code: str, name: str = "Ana's computer") -> None:
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    modals.expect(result=str(folder))
    qtbot.mouseClick(dialog.join_folder.button, Qt.MouseButton.LeftButton)
    dialog.join_name.setText(name)
    qtbot.keyClicks(dialog.code_edit, code.lower().replace("-", " "))  # spaces and small letters do not matter
    assert dialog.code_hint.text() == "The code looks right."
    qtbot.mouseClick(dialog.join_now_button, Qt.MouseButton.LeftButton)


def member_lines(dialog: ShareDialog) -> list[str]:
    return [dialog.panel.members.item(i).text() for i in range(dialog.panel.members.count())]


def test_create_join_and_an_entry_travels_to_the_other_journal(qtbot, ctx, other, person, shared, modals):
    first = dialog_for(qtbot, ctx)
    code = start_sharing(qtbot, first, modals, shared)
    qtbot.mouseClick(first.copy_button, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text() == code
    qtbot.mouseClick(first.done_button, Qt.MouseButton.LeftButton)
    assert first.stack.currentWidget() is first.shared_page
    assert member_lines(first)[0].startswith("Kitchen laptop (this computer) — Last synced today at")

    second = dialog_for(qtbot, other)
    join(qtbot, second, modals, shared, code)
    assert second.stack.currentWidget() is second.shared_page, second.problem.text()
    sam = people.find_person(other.vault, "Sam Rivera")  # the first sync after joining brought Sam
    assert sam is not None
    lines = member_lines(second)
    assert any(line.startswith("Ana's computer (this computer)") for line in lines)
    assert any(line.startswith("Kitchen laptop — ") for line in lines)

    page = JournalPage(other)
    qtbot.addWidget(page)
    page.set_person(sam)
    page.show()
    before = page.model.rowCount()
    journal.save_entry(ctx.vault, journal.EntryDraft(person.id, journal.local_now(ctx.clock, ctx.zone_name),
                                                     note="Walked to the park", zone_name=ctx.zone_name))
    qtbot.mouseClick(first.panel.sync_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(second.panel.sync_button, Qt.MouseButton.LeftButton)
    # The page reloaded from ops.changed (no one told it directly).
    qtbot.waitUntil(lambda: page.model.rowCount() > before)
    model = page.model
    shown = [str(model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole)) for r in range(model.rowCount())]
    assert any("Walked to the park" in text for text in shown), shown
    assert second.panel.synced_label.text().startswith("Last synced today at")


def test_a_typo_and_a_used_invitation_are_said_plainly(qtbot, ctx, other, person, shared, modals):
    code = start_sharing(qtbot, dialog_for(qtbot, ctx), modals, shared)
    second = dialog_for(qtbot, other)
    qtbot.mouseClick(second.join_button, Qt.MouseButton.LeftButton)
    modals.expect(result=str(shared))
    qtbot.mouseClick(second.join_folder.button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(second.code_edit, code[:9])
    assert second.code_hint.text() == "8 of 32 letters and numbers typed."
    assert not second.join_now_button.isEnabled()
    second.code_edit.clear()
    wrong = ("B" if code[0] != "B" else "C") + code[1:]
    qtbot.keyClicks(second.code_edit, wrong)
    assert second.code_hint.text() == "That invitation has a typo somewhere. Please check each group."
    assert not second.join_now_button.isEnabled()
    # A well-formed code with no invitation in this folder (used already, or never made here).
    never_made, _secret = family_keys.new_invitation_code()
    second.code_edit.setText(never_made)
    assert second.join_now_button.isEnabled()
    qtbot.mouseClick(second.join_now_button, Qt.MouseButton.LeftButton)
    assert second.problem.isVisible()
    assert second.problem.text().startswith("There is no invitation for that code in this folder.")
    assert family_sync.family_status(other.vault) is None


def test_remove_a_computer_says_what_it_could_already_read(qtbot, ctx, other, person, shared, modals):
    code = family_sync.create_family(ctx.vault, shared, name="Kitchen laptop")
    family_sync.join_family(other.vault, shared, code, name="Ana's computer")
    family_sync.sync_now(other.vault)
    family_sync.sync_now(ctx.vault)
    dialog = dialog_for(qtbot, ctx)
    lines = member_lines(dialog)
    row = next(i for i, line in enumerate(lines) if line.startswith("Ana's computer"))
    dialog.panel.members.setCurrentRow(next(i for i, line in enumerate(lines) if "(this computer)" in line))
    assert not dialog.panel.remove_button.isEnabled()  # never this computer
    dialog.panel.members.setCurrentRow(row)
    assert dialog.panel.remove_button.isEnabled()
    said = {}

    def answer(box: QMessageBox):
        said["question"] = box.text()
        next(b for b in box.buttons() if b.text() == "Remove the computer").click()

    modals.expect(handler=answer)
    modals.expect(handler=lambda box: said.setdefault("after", box.text()))
    qtbot.mouseClick(dialog.panel.remove_button, Qt.MouseButton.LeftButton)
    assert said["question"] == "Remove Ana's computer from the family?"
    assert said["after"].startswith("Ana's computer is no longer in the family. It keeps everything it could "
                                    "already read")
    assert "Ana's computer (removed from the family)" in member_lines(dialog)


def test_two_versions_of_a_note_side_by_side_keep_the_other(qtbot, ctx, other, person, shared, modals):
    code = family_sync.create_family(ctx.vault, shared, name="Kitchen laptop")
    family_sync.join_family(other.vault, shared, code, name="Ana's computer")
    family_sync.sync_now(ctx.vault)
    family_sync.sync_now(other.vault)
    sam_b = people.find_person(other.vault, "Sam Rivera")
    with engine_of(ctx.vault).begin() as conn:
        conn.exec_driver_sql("UPDATE person SET notes = 'likes the garden' WHERE id = ?", (person.id,))
    with engine_of(other.vault).begin() as conn:
        conn.exec_driver_sql("UPDATE person SET notes = 'afraid of the kettle' WHERE id = ?", (sam_b.id,))
    for vault in (ctx.vault, other.vault, ctx.vault):
        family_sync.sync_now(vault)
    dialog = dialog_for(qtbot, ctx)
    panel = dialog.panel
    assert panel.conflict_box.isVisible()
    assert panel.conflict_where.text() == "The note belongs to: A person"
    assert panel.conflict_intro.text().startswith("Two people changed this note at about the same time.")
    shown = {panel.kept_text.toPlainText(), panel.other_text.toPlainText()}
    assert shown == {"likes the garden", "afraid of the kettle"}
    other_version = panel.other_text.toPlainText()
    qtbot.mouseClick(panel.other_button, Qt.MouseButton.LeftButton)
    assert people.get_person(ctx.vault, person.id).notes == other_version
    assert family_sync.conflicts(ctx.vault) == []
    assert not panel.conflict_box.isVisible()


def test_a_deleted_entry_can_be_brought_back(qtbot, ctx, person, shared, modals):
    family_sync.create_family(ctx.vault, shared, name="Kitchen laptop")
    entry = journal.save_entry(ctx.vault, journal.EntryDraft(person.id, journal.local_now(ctx.clock, ctx.zone_name),
                                                             note="steady", zone_name=ctx.zone_name))
    family_sync.sync_now(ctx.vault)
    journal.take_out(ctx.vault, entry.id)
    family_sync.sync_now(ctx.vault)
    dialog = dialog_for(qtbot, ctx)
    panel = dialog.panel
    texts = [panel.deleted.item(i).text() for i in range(panel.deleted.count())]
    row = texts.index("A journal entry")
    assert not panel.back_button.isEnabled()
    panel.deleted.setCurrentRow(row)
    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    assert journal.get_entry(ctx.vault, entry.id).note == "steady"


def test_a_change_in_the_folder_syncs_in_the_background_without_blocking(qtbot, ctx, other, person, shared,
                                                                            monkeypatch):
    code = family_sync.create_family(ctx.vault, shared, name="Kitchen laptop")
    family_sync.join_family(other.vault, shared, code, name="Ana's computer")
    family_sync.sync_now(ctx.vault)
    family_sync.sync_now(other.vault)
    monkeypatch.setattr(Ops, "synchronous", False)
    syncer = FamilySync(ctx)
    syncer.folder_timer.setInterval(10)
    syncer.active = True
    syncer.set_folder(shared)
    assert str(shared) in syncer.watcher.directories()
    changes = []
    ctx.ops.changed.connect(changes.append)
    sam_b = people.find_person(other.vault, "Sam Rivera")
    journal.save_entry(other.vault, journal.EntryDraft(sam_b.id, journal.local_now(other.clock, other.zone_name),
                                                       note="From Ana", zone_name=other.zone_name))
    with qtbot.waitSignal(syncer.synced, timeout=10_000) as arrived:
        family_sync.sync_now(other.vault)  # the other computer writes a batch into its subfolder
    assert arrived.args[0].received > 0
    (said,) = [c for c in changes if c.source is syncer]
    assert said.touches("journal") and not said.touches("contacts", "plans")
    # The sync runs on the write lane: asking returns at once, with the job still to finish.
    syncer.sync_now()
    assert syncer.running is not None and not syncer.running.ended
    qtbot.waitUntil(lambda: syncer.running is None, timeout=10_000)
    syncer.stop()
    assert not syncer.watcher.directories() and not syncer.period_timer.isActive()
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=10_000)


def test_an_unreachable_folder_is_said_calmly_and_nothing_is_lost(qtbot, ctx, person, shared, modals):
    family_sync.create_family(ctx.vault, shared, name="Kitchen laptop")
    syncer = FamilySync(ctx)
    syncer.active = True
    syncer.set_folder(shared)
    syncer.sync_now()
    moved = shared.with_name("moved away")
    shared.rename(moved)
    journal.save_entry(ctx.vault, journal.EntryDraft(person.id, journal.local_now(ctx.clock, ctx.zone_name),
                                                     note="kept", zone_name=ctx.zone_name))
    dialog = dialog_for(qtbot, ctx, syncer)
    qtbot.mouseClick(dialog.panel.sync_button, Qt.MouseButton.LeftButton)
    assert syncer.last_text.startswith(f"The shared folder {shared} cannot be reached right now.")
    assert dialog.panel.synced_label.text() == syncer.last_text
    waiting = family_sync.family_status(ctx.vault).waiting_to_send
    assert waiting > 0
    moved.rename(shared)
    syncer.sync_now()
    assert syncer.last_text.startswith("Last synced today at")
    assert family_sync.family_status(ctx.vault).waiting_to_send == 0


def test_the_menu_action_and_lock(qtbot, ctx, person, shared):
    from caregiver_app.gui.main_window import MainWindow

    family_sync.create_family(ctx.vault, shared, name="Kitchen laptop")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    family = window.family
    qtbot.waitUntil(lambda: family.syncer.folder == shared)
    assert family.action.isEnabled()
    qtbot.waitUntil(lambda: family.status_label.text().startswith("Last synced today at"))
    window.lock()
    qtbot.waitUntil(lambda: window.is_locked and not window._locking)
    assert not family.action.isEnabled()
    assert family.syncer.folder is None and not family.syncer.period_timer.isActive()
    assert family.status_label.text() == ""


def test_a_change_here_syncs_after_a_pause(qtbot, ctx, person, shared):
    family_sync.create_family(ctx.vault, shared, name="Kitchen laptop")
    syncer = FamilySync(ctx)
    syncer.local_timer.setInterval(10)
    syncer.active = True
    syncer.set_folder(shared)
    syncer.sync_now()
    draft = journal.EntryDraft(person.id, journal.local_now(ctx.clock, ctx.zone_name), note="new", zone_name=ctx.zone_name)
    ctx.ops.write(None, lambda vault: journal.save_entry(vault, draft), changes={"journal"})
    assert syncer.local_timer.isActive()
    with qtbot.waitSignal(syncer.synced, timeout=5_000) as ended:
        pass
    assert ended.args[0].sent > 0
    assert family_sync.family_status(ctx.vault).waiting_to_send == 0
    ctx.ops.write(None, lambda vault: None, changes={"settings"})  # settings never travel
    assert not syncer.local_timer.isActive()


def test_a_damaged_change_file_is_said_calmly_and_not_merged(qtbot, ctx, other, person, shared):
    code = family_sync.create_family(ctx.vault, shared, name="Kitchen laptop")
    family_sync.join_family(other.vault, shared, code, name="Ana's computer")
    family_sync.sync_now(ctx.vault)
    family_sync.sync_now(other.vault)
    status = family_sync.family_status(other.vault)
    (theirs,) = [d for d in (shared.iterdir()) if d.name == status.device_id]
    (theirs / "batch-000000000099.ccsync").write_bytes(b"not a batch at all")
    syncer = FamilySync(ctx)
    syncer.active = True
    syncer.set_folder(shared)
    syncer.sync_now()
    assert syncer.last_text.startswith("1 change file in the shared folder was not used: damaged or not yet fully "
                                       "copied (tried again next time). Nothing in this journal was lost.")
    assert syncer.problem_text == syncer.last_text


def test_the_status_area_keeps_problems_short(qtbot, ctx, person, shared):
    from PySide6.QtWidgets import QLabel

    family_sync.create_family(ctx.vault, shared, name="Kitchen laptop")
    label = QLabel()
    syncer = FamilySync(ctx, status_label=label)
    syncer.active = True
    syncer.set_folder(shared)
    shared.rename(shared.with_name("unplugged"))
    syncer.sync_now()
    assert label.text() == "Family sync paused: see File ▸ Share with family…"
    assert label.toolTip() == syncer.problem_text and "cannot be reached right now" in label.toolTip()


def test_a_person_added_on_the_other_computer_joins_the_switcher(qtbot, ctx, other, person, shared):
    from caregiver_app.gui.main_window import MainWindow

    code = family_sync.create_family(ctx.vault, shared, name="Kitchen laptop")
    family_sync.join_family(other.vault, shared, code, name="Ana's computer")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.family.syncer.folder == shared)
    people.add_person(other.vault, "Rosa Díaz")
    family_sync.sync_now(other.vault)
    window.family.syncer.sync_now()
    names = [window.person_combo.itemText(i) for i in range(window.person_combo.count())]
    assert "Rosa Díaz" in names and window.current_person().display_name == "Sam Rivera"


def test_starting_sharing_in_a_folder_another_family_uses_says_to_join_instead(qtbot, ctx, other, shared, modals):
    family_sync.create_family(other.vault, shared, name="Their laptop")
    dialog = dialog_for(qtbot, ctx)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    modals.expect(result=str(shared))
    qtbot.mouseClick(dialog.start_folder.button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.start_problem.isVisible())
    assert "Join a family" in dialog.start_problem.text()
    assert dialog.stack.currentWidget() is dialog.start_page
