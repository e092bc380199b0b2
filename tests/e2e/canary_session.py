"""A scripted app session for the canary sweep (tests/e2e/test_canary.py). Test-only.

Run in a subprocess whose HOME, XDG folders and TMPDIR point into a scratch folder. It uses the
real windows (offscreen) and the real vault in the user data folder, puts a unique marker in
every field it can (person, family member, symptom, activities, stressors, note, preparer, search
text), then: saves the entry, searches, previews and saves the visit summary PDF (the one export
the user chose), makes a backup, locks, unlocks, leaves an unsaved draft in the editor, and
crashes (SIGKILL). Prints ``step <name> ok`` after each step and every window title it saw.

Usage: ``python canary_session.py MARKER EXPORT_DIR``. Cheap Argon2 parameters are set here for
this test run only.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import signal
import sys
from pathlib import Path

from caregiver_app.security import kdf

kdf.set_default_params(kdf.Argon2Params(iterations=1, memory_kib=64, lanes=1))

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox  # noqa: E402

PASSPHRASE = "canary kettle morning walk"


def step(name: str) -> None:
    print(f"step {name} ok", flush=True)


def main() -> int:
    marker, export_dir = sys.argv[1], Path(sys.argv[2])
    logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication(["caregiver-app"])
    from caregiver_app import settings as app_settings
    from caregiver_app.gui.context import AppContext
    from caregiver_app.gui.common.errors import ExceptionHook
    from caregiver_app.gui.main_window import MainWindow
    from caregiver_app.gui.common.ops import Ops
    from caregiver_app.services import backups, people
    from caregiver_app.services import vault_open
    from caregiver_app.services import vault as vs

    Ops.synchronous = True
    # Message boxes answer themselves (and their text is printed, so it is scanned too).
    QMessageBox.exec = lambda box: print(f"message {box.windowTitle()}: {box.text()}", flush=True) or 0  # type: ignore[method-assign]
    hook = ExceptionHook(app)
    hook.install()
    titles: set[str] = set()

    def note_titles() -> None:
        for widget in QApplication.topLevelWidgets():
            titles.add(widget.windowTitle())

    paths = vs.VaultPaths.default()
    created = vault_open.create_vault(paths, PASSPHRASE)
    step("create")
    vault = created.vault
    person = people.add_person(vault, f"{marker} person")
    people.set_preparer_name(vault, f"{marker} preparer")
    context = AppContext(paths=paths, ops=Ops(app), settings=app_settings.load(), settings_path=None)
    context.vault = vault
    window = MainWindow(context)
    window.show()
    window.reload_people(select_id=person.id)
    app.processEvents()
    note_titles()

    journal_page = window.page_widgets()[window.page_titles().index("Journal")]
    editor = journal_page.editor
    editor.family_radio.setChecked(True)
    editor.family_name.setText(f"{marker} family")
    editor.add_symptom_button.click()
    row = editor.symptom_rows[-1]
    row.name_box.setEditText(f"{marker} symptom")
    row.severity.setValue(6)
    editor.activities.setText(f"{marker} activity")
    editor.stressors.setText(f"{marker} stressor")
    editor.note.setPlainText(f"{marker} note: slept badly, talked about the garden")
    editor.flag.setChecked(True)
    editor.save()
    from caregiver_app.services import journal

    assert journal.count_entries(vault, person.id) == 1, editor.problem_label.text()
    step("enter")

    if importlib.util.find_spec("caregiver_app.services.search") is not None:
        from caregiver_app.services import search

        found = search.search(vault, search.SearchQuery(text=marker))
        assert found is not None
        step("search")

    summary_page = window.page_widgets()[window.page_titles().index("Visit summary")]
    window.show_page(window.page_titles().index("Visit summary"))
    app.processEvents()
    summary_page.refresh_preview()
    app.processEvents()
    pdf_bytes = summary_page.pdf_bytes() if hasattr(summary_page, "pdf_bytes") else None
    assert pdf_bytes, "the preview did not build"
    step("preview")
    target = export_dir / "visit-summary.pdf"
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(target), "PDF files (*.pdf)"))  # type: ignore[method-assign]
    summary_page.save_pdf()
    assert target.exists(), "the summary was not saved"
    step("summary")
    note_titles()

    backups.back_up_now(vault)
    step("backup")

    window.lock()
    assert window.is_locked
    step("lock")
    note_titles()
    field = window.unlock_screen.ui.secretEdit
    field.setText(PASSPHRASE)
    window.unlock_screen.unlock()
    assert not window.is_locked
    step("unlock")
    window.reload_people(select_id=person.id)
    editor = journal_page.editor
    editor.note.setPlainText(f"{marker} unsaved draft at the moment of the crash")
    app.processEvents()
    note_titles()
    for title in sorted(titles):
        print(f"title {title}", flush=True)
    step("crash")
    os.kill(os.getpid(), signal.SIGKILL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
