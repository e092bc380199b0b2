"""Every dialog, in light colours at normal size and dark colours at twice the text size: named
controls, tied labels, no cut-off words, and Tab goes round. Dialogs the app opens modally are
checked while they are open (the modal recorder of tests/gui hands them to ``inspect``)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from support import PASSPHRASE
from test_pages import findings

from caregiver_app.gui.journal.journal_page import JournalPage
from caregiver_app.gui.network.contact_editor import ContactEditor
from caregiver_app.gui.network.network_page import NetworkPage
from caregiver_app.gui.add_person_dialog import AddPersonDialog
from caregiver_app.gui.settings_dialog import SettingsDialog
from caregiver_app.gui.journal.medication_fields import ChangeDoseDialog
from caregiver_app.gui.vault.backups_dialog import BackupsDialog
from caregiver_app.gui.vault.recovery_sheet import RecoverySheetDialog
from caregiver_app.gui.vault.key_dialogs import ChangePassphraseDialog, NewRecoveryCodeDialog
from caregiver_app.gui.vault.rotate_dialog import RotateKeyDialog
from caregiver_app.gui.warning_signs.crisis_numbers import AddNumberDialog
from caregiver_app.security.recovery import new_recovery_code
from caregiver_app.gui.vault.security_dialog import SecurityDialog
from caregiver_app.gui.vault.setup_wizard import SetupWizard
from caregiver_app.gui.vault.unlock_screen import UnlockScreen
from caregiver_app.gui.visits.appointment_editor import AppointmentEditor
from caregiver_app.gui.family.share_dialog import ShareDialog

DAYLIO = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    '2026-11-29,Nov 29,Sunday,9:23 PM,Solid,friends | walk,"","Dinner with friends"\n'
    '2026-11-28,Nov 28,Saturday,8:05 AM,rad,walk,"","Great morning"\n'
)
VCARDS = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Li\r\nTEL;TYPE=CELL:617-555-0142\r\nEND:VCARD\r\n"
          b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Li\r\nEMAIL:ana@example.org\r\nEND:VCARD\r\n")


def inspect(qtbot, window: QWidget) -> list[str]:
    """Show ``window`` (if need be), make it the active window and return what the checks find."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return findings(window)


def check(qtbot, window: QWidget) -> None:
    found = inspect(qtbot, window)
    assert not found, "\n".join(found)


def _shared_family(ctx) -> ShareDialog:
    """Share with family… once the journal is shared (a family folder beside the test vault)."""
    from caregiver_app.services import family_sync

    folder = ctx.paths.folder.parent / "family folder"
    folder.mkdir(exist_ok=True)
    family_sync.create_family(ctx.vault, folder, name="Kitchen laptop")
    family_sync.sync_now(ctx.vault)
    return ShareDialog(ctx)


def _share_page(ctx, page: str) -> ShareDialog:
    """Share with family… on its Start sharing, Join a family or invitation page."""
    from caregiver_app.security.family_keys import new_invitation_code

    dialog = ShareDialog(ctx)
    if page == "code":
        dialog.show_code(new_invitation_code()[0])
    else:
        (dialog.start_button if page == "start" else dialog.join_button).click()
    return dialog


def _medicine(ctx, person):
    from support import NOW

    from caregiver_app.services import medications
    from caregiver_app.services.medications import MedicationDraft

    draft = MedicationDraft(person.id, "Sertraline", 25.0, "mg", "once a day")
    return medications.add_medication(ctx.vault, draft, clock=lambda: NOW)


DIALOGS = {
    "settings": lambda ctx, person: SettingsDialog(ctx),
    "security": lambda ctx, person: SecurityDialog(ctx),
    "backups": lambda ctx, person: BackupsDialog(ctx),
    "add person": lambda ctx, person: AddPersonDialog(ctx),
    "contact editor": lambda ctx, person: ContactEditor(ctx, person, today=date(2026, 12, 1)),
    "change passphrase": lambda ctx, person: ChangePassphraseDialog(ctx),
    "new recovery code": lambda ctx, person: NewRecoveryCodeDialog(ctx),
    "new key": lambda ctx, person: RotateKeyDialog(ctx),
    "add a crisis number": lambda ctx, person: AddNumberDialog("US"),
    "recovery sheet": lambda ctx, person: RecoverySheetDialog(new_recovery_code()),
    "change a dose": lambda ctx, person: ChangeDoseDialog(ctx, _medicine(ctx, person), date(2026, 12, 1)),
    "appointment editor": lambda ctx, person: AppointmentEditor(ctx, person.id, [], zone_name="America/New_York",
                                                               today=date(2026, 12, 1)),
    "share with family": lambda ctx, person: ShareDialog(ctx),
    "share with family, shared": lambda ctx, person: _shared_family(ctx),
    "share with family, start": lambda ctx, person: _share_page(ctx, "start"),
    "share with family, join": lambda ctx, person: _share_page(ctx, "join"),
    "share with family, invitation": lambda ctx, person: _share_page(ctx, "code"),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_dialogs(name, qtbot, ctx, person, look):
    dialog = DIALOGS[name](ctx, person)
    qtbot.addWidget(dialog)
    check(qtbot, dialog)


def test_the_setup_wizard_every_step(qtbot, context, look):
    wizard = SetupWizard(context)
    qtbot.addWidget(wizard)
    check(qtbot, wizard)  # welcome
    wizard.next()
    check(qtbot, wizard)  # the passphrase
    page = wizard.currentPage()
    page.ui.passphraseEdit.setText(PASSPHRASE)
    page.ui.confirmEdit.setText(PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is not page, timeout=10_000)
    check(qtbot, wizard)  # the recovery code
    wizard.context.vault.close() if wizard.context.vault else None


def test_the_unlock_screen(qtbot, context, data_dir, look):
    screen = UnlockScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1024, 700)  # it fills the main window
    check(qtbot, screen)


def test_the_import_dialog(qtbot, make_page, modals, tmp_path, look):
    path = tmp_path / "daylio_export.csv"
    path.write_text(DAYLIO, encoding="utf-8")
    page = make_page(JournalPage, size=(1024, 700))
    modals.expect(result=(str(path), ""))
    page.start_import()
    dialog = page.import_dialog
    assert dialog is not None
    check(qtbot, dialog)


def test_the_vcard_duplicates_dialog(qtbot, make_page, modals, tmp_path, look):
    path = tmp_path / "phone.vcf"
    path.write_bytes(VCARDS)
    page = make_page(NetworkPage, size=(1024, 700))
    seen: list[list[str]] = []

    def look_at(dialog):
        seen.append(inspect(qtbot, dialog))
        dialog.reject()
        return dialog.result()

    modals.expect(result=(str(path), ""))
    modals.expect(handler=look_at)
    page.import_vcards()
    assert seen and not seen[0], "\n".join(seen[0] if seen else [])


def test_the_security_dialog_fits_the_screen_at_twice_the_text(qtbot, ctx, big_text):
    """Its five sections were laid straight in the dialog: at large text it grew taller than the
    screen and Close went below its bottom edge. The sections now scroll; Close stays in sight."""
    from PySide6.QtWidgets import QScrollArea

    dialog = SecurityDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= screen.height()
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None and scroll.isAncestorOf(dialog.backups_button)
    assert scroll.verticalScrollBar().maximum() > 0  # more than fits: it scrolls
    assert dialog.close_button.isVisible() and dialog.rect().contains(dialog.close_button.geometry())
    scroll.ensureWidgetVisible(dialog.backups_button)
    assert dialog.backups_button.visibleRegion().boundingRect().height() == dialog.backups_button.height()
    dialog.grab().save("/work/notes/shots/a11y-security-2x.png")
