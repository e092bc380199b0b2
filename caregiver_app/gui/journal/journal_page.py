"""The Journal page: the entry editor, the 30-day mood and sleep chart, and the list of entries.

A :class:`~caregiver_app.gui.common.page.Page`: everything that reads or writes the vault is an op,
and the page reloads itself when a write anywhere changes the journal (``ops.changed``). ``clear()``
drops every piece of journal data from the widgets and models (the app calls it when the vault locks).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain import timeutil
from ...domain.errors import NotFoundError
from ...domain.model import JournalEntry, Person
from ...i18n import N_, _
from ...services import import_any, imports, journal, people
from ..common.building import scroll_area, together, wrapping_row
from ..common.country import help_words
from ..common.errors import show_error
from ..common.ops import JOURNAL, REMOVED_ENTRIES
from ..common.page import Page, confirm, heading
from ..context import AppContext
from .draft_offers import DraftOffers
from .entry_editor import EntryEditor
from .import_dialog import ImportDialog
from .import_other import OtherImportDialog
from .entry_delegate import EntryDelegate
from .journal_history import JournalHistory
from .journal_layout import TurningSplitter, WrappingPanel
from .journal_model import DAY, FIRST_PAGE, DayRole, JournalModel, KindRole, day_heading, time_text
from .mood_chart import MoodChart
from ..warning_signs.warning_banner import PersonalSignsBanner

CHART_DAYS = 30


class JournalPage(Page):
    """Write, read, change and delete journal entries of the chosen person."""

    title = N_("Journal")
    watches = frozenset({JOURNAL})
    people_changed = Signal()  # an import added a person
    person_wanted = Signal(int)  # a kept draft to restore is about this person

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._context = context
        self._deleted: JournalEntry | None = None
        self._select_after_load: int | None = None
        self._select_day_after_load: date | None = None
        self._keep_at_top: QPersistentModelIndex | None = None
        self._end_wanted = False  # End pressed: keep loading pages, then choose the oldest entry
        self._find_if_missing = False  # an undone entry not in the first page: load the list around it
        self.import_dialog: ImportDialog | OtherImportDialog | None = None

        self.model = JournalModel(context, self, first_page=FIRST_PAGE)
        self._side_for: Person | None = None  # the chart waits for the list (see load)
        self.model.load_failed.connect(lambda exc: show_error(self, exc, _("The journal could not be read")))
        self.model.load_failed.connect(lambda _exc: self._side_after_list())
        self.model.loaded.connect(self._on_model_loaded)
        self._build()
        self.set_person(None)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.editor = EntryEditor(self._context, self)
        self.editor.entry_saved.connect(self._on_entry_saved)
        self.editor.edit_cancelled.connect(lambda: self.list_view.setFocus())
        self.editor.entry_changed.connect(self._record_change)
        self.history = JournalHistory(self._context, self)  # Edit ▸ Undo / Redo (issue 3)
        self.history.changed.connect(self._on_history_changed)
        self.history.removed.connect(lambda entry_id: self.editor.entry_gone(entry_id))
        # an import undone or a backup restored: the entries the history names may be others now
        self._context.ops.changed.connect(self._forget_history_of_removed_entries)
        self.draft_offers = DraftOffers(self._context, self.editor, self)
        self.draft_offers.person_wanted.connect(self.person_wanted)

        self.chart = MoodChart(self)

        self.list_label = heading(_("Entries, ne&west first"), self)  # Alt+E is the Edit menu
        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        delegate = EntryDelegate(self.list_view)
        self.list_view.setItemDelegate(delegate)
        self.model.modelReset.connect(delegate.forget_sizes)
        self.list_view.setAccessibleName(_("Journal entries, newest first"))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_view.setUniformItemSizes(False)
        self.list_view.setWordWrap(True)
        self.list_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.doubleClicked.connect(self._edit_index)
        self.list_view.installEventFilter(self)
        self.list_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.list_view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.list_label.setBuddy(self.list_view)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)

        self.edit_button = QPushButton(_("Change entry"), self)
        self.edit_button.setToolTip(_("Change the chosen entry (Enter)"))
        self.edit_button.clicked.connect(lambda: self._edit_index(self.list_view.currentIndex()))
        self.delete_button = QPushButton(_("Delete entry…"), self)
        self.delete_button.setToolTip(_("Delete the chosen entry (Delete key)"))
        self.delete_button.clicked.connect(self.delete_current)

        self.undo_label = QLabel(self)
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton(_("&Undo"), self)
        self.undo_button.setAccessibleName(_("Undo delete"))
        self.undo_button.clicked.connect(self.undo_delete)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar = QWidget(self)
        self.undo_bar.setLayout(undo_row)
        undo_row.setContentsMargins(0, 0, 0, 0)
        self.undo_bar.hide()
        self.jump_label = QLabel(self)
        self.jump_label.setWordWrap(True)
        self.newest_button = QPushButton(_("Back to the newest"), self)
        self.newest_button.clicked.connect(self.show_newest)
        jump_row = QHBoxLayout()
        jump_row.setContentsMargins(0, 0, 0, 0)
        jump_row.addWidget(self.jump_label, 1)
        jump_row.addWidget(self.newest_button)
        self.jump_bar = QWidget(self)
        self.jump_bar.setLayout(jump_row)
        self.jump_bar.hide()

        # At large text the buttons go under the words: the column stays narrow enough for the form.
        list_header = wrapping_row((self.list_label, together(self, self.edit_button, self.delete_button)))
        list_panel = WrappingPanel(self)
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(list_header)
        list_layout.addWidget(self.undo_bar)
        list_layout.addWidget(self.jump_bar)
        list_layout.addWidget(self.empty_label)
        list_layout.addWidget(self.list_view, 1)

        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.right_splitter.addWidget(self.chart)
        self.right_splitter.addWidget(list_panel)
        self.right_splitter.setStretchFactor(0, 2)
        self.right_splitter.setStretchFactor(1, 3)
        self.right_splitter.setChildrenCollapsible(False)
        # A short window (or large text) scrolls the chart and the list instead of squashing the
        # chart or making the window taller than the screen.
        self.right_scroll = scroll_area(self.right_splitter, self, focusable=False, sideways=False)

        # The chart keeps a readable width (in font units) beside the form; when the page is too
        # narrow for both (large text, a small window), the column goes under the form.
        self.splitter = TurningSplitter(self.editor, self.right_scroll, self._column_least_width, self)

        self.signs_banner = PersonalSignsBanner(self._context, self.model, self)  # the person's own signs (issue 4)
        self.body.addWidget(self.signs_banner)
        self.body.addWidget(self.splitter, 1)

        new_entry = QShortcut(QKeySequence("Ctrl+N"), self)
        new_entry.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_entry.activated.connect(self.new_entry)
        QWidget.setTabOrder(self.editor.cancel_button, self.chart.view)
        QWidget.setTabOrder(self.chart.view, self.chart.summary)
        QWidget.setTabOrder(self.chart.summary, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.delete_button)
        QWidget.setTabOrder(self.delete_button, self.undo_button)
        QWidget.setTabOrder(self.undo_button, self.list_view)

    # --- the page ---------------------------------------------------------------------
    def set_person(self, person: Person | None) -> None:
        """Show ``person``'s journal; None shows a short hint and disables the editor."""
        self.editor.set_person(person)
        self.signs_banner.set_person(person)
        super().set_person(person)
        self.draft_offers.refresh()
        self.draft_offers.person_shown()

    def clear(self) -> None:
        """Drop every bit of journal data from widgets and models (the vault locked)."""
        self.signs_banner.clear()
        self._side_for = None
        self._select_after_load = None
        self._select_day_after_load = None
        self._keep_at_top = None
        self._end_wanted = self._find_if_missing = False
        self.history.clear()
        self.draft_offers.clear()
        self.jump_label.clear()
        if self.import_dialog is not None:
            dialog, self.import_dialog = self.import_dialog, None
            dialog.discard()
            dialog.setParent(None)
            dialog.deleteLater()
        self.editor.clear()
        self.undo_label.clear()
        super().clear()

    def drop(self) -> None:
        self._deleted = None
        self.undo_bar.hide()
        self.jump_bar.hide()
        self.model.clear()
        self.chart.clear()
        self._update_empty()
        self._update_buttons()

    def load(self, person: Person) -> None:
        """The list from the newest entry, the chart and the editor's choices (also after every
        change to the journal, from this page or another). The chart's read starts when the
        list's first page is in, so the list (what the user reads first, at unlock too) does
        not share the disk and the two cores with it."""
        self.jump_bar.hide()
        self._side_for = person
        self.model.set_person(person)

    def first_read_job(self) -> Callable[[Any, int], object]:
        """The list's first read of a person, for the main window's people read at unlock to do
        at once (one job instead of two in a row); its answer goes to :meth:`first_read_given`."""
        return self.model.first_page_job()

    def first_read_given(self, person_id: int, result) -> AbstractContextManager[None]:
        """While inside, showing ``person_id`` uses ``result`` (from :meth:`first_read_job`)."""
        return self.model.first_page_given(person_id, result)

    def first_read_painted(self) -> QWidget:
        """The widget whose paint shows the first read: the list's viewport."""
        return self.list_view.viewport()

    def has_unsaved_work(self) -> bool:
        return self.editor.drafts.has_changes()

    def keep_unsaved_work(self) -> None:
        """Keep the entry form's unsaved words in the vault at once (the app is about to lock)."""
        self.editor.drafts.keep_now()

    def keep_unsaved_work_in_background(self) -> None:
        """Another person was chosen while the journal is hidden: keep the form's draft now."""
        self.editor.drafts.tick()

    # --- public -------------------------------------------------------------------------
    def refresh_country(self) -> None:
        """The hints of the entry just saved name the country in effect now."""
        self.editor.learn_hints.refresh_words(help_words(self._context.settings))

    def new_entry(self) -> None:
        """Start a fresh entry (Ctrl+N)."""
        self.editor.status_label.hide()
        if self.editor.is_editing:
            # unsaved changes stay kept, offered above the form once they are in the vault
            self.editor.drafts.set_aside(then=self.draft_offers.refresh)
            self.editor.cancel_edit()
        self.editor.when_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_entry(self) -> JournalEntry | None:
        return self.model.entry_at(self.list_view.currentIndex())

    def delete_current(self) -> None:
        """Ask, then delete the chosen entry (the Delete key in the list)."""
        entry = self.current_entry()
        if entry is None or entry.id is None:
            return
        when = timeutil.utc_to_local(entry.occurred_at, self._entry_tz(entry))
        text = _("Delete the entry from {day} at {time}?\n\nYou can undo this (Edit ▸ Undo, Ctrl+Z) until you "
                 "lock the app or close the window.").format(day=day_heading(entry.local_date), time=time_text(when))
        if not confirm(self, text, yes=_("Delete entry"), no=_("Keep it"), destructive=True,
                       title=_("Delete this entry?")):
            return
        if self.editor.editing_entry is not None and self.editor.editing_entry.id == entry.id:
            self.editor.drafts.discard()
            self.editor.reset()
        entry_id = entry.id
        self.write(lambda vault: journal.take_out(vault, entry_id), {JOURNAL}, on_done=self._on_deleted,
                   error_title=_("The entry was not deleted"))

    def undo_delete(self) -> None:
        """Put back the entry deleted last (the Undo button beside the message)."""
        self.history.undo()

    # --- jumping, drafts and locking (issue 3) -------------------------------------------
    def show_entry(self, entry_id: int) -> None:
        """Choose entry ``entry_id`` in the list (of the person already chosen), loading the
        list around it when it is not loaded yet — from a search result, for example."""
        row = self.model.row_of_entry(entry_id)
        if row >= 0:
            self._select_row(row)
            return
        self._jump(lambda vault: journal.anchor_for_entry(vault, entry_id), entry_id=entry_id)

    def show_day(self, day: date) -> None:
        """Show the entries of the local date ``day`` (from the calendar), loading the list
        from that day when it is not loaded yet."""
        row = self.model.row_of_day(day)
        if row >= 0 and row + 1 < self.model.rowCount():
            if self.jump_bar.isVisible():  # an earlier "no entries on …" is no longer true
                self.jump_label.setText(_("Showing {day}. Scroll up for newer entries.").format(day=day_heading(day)))
            self._select_row(row + 1, header=row)
            return
        if self.person is None or self.person.id is None:
            return
        person_id = self.person.id
        self._jump(lambda _vault: journal.anchor_for_day(person_id, day), day=day)

    def show_newest(self) -> None:
        """Back to the newest entries at the top of the list."""
        self.jump_bar.hide()
        self.model.reload()
        self.list_view.scrollToTop()

    def offer_drafts(self) -> None:
        """Ask whether to restore words kept from before a crash, a lock or a closed window."""
        self.draft_offers.offer()

    def _jump(self, find_anchor, *, entry_id: int | None = None, day: date | None = None) -> None:
        def done(anchor: journal.ListAnchor) -> None:
            if self.person is None or anchor.person_id != self.person.id:
                return
            self._select_after_load, self._select_day_after_load = entry_id, day
            self.jump_label.setText(_("Showing the journal from {day} back. Scroll up for newer entries.").format(
                day=day_heading(anchor.day)))
            self.jump_bar.show()
            self.model.start_at(anchor)

        self.read(find_anchor, done, key="jump", error_title=_("The journal could not be shown"))

    def _select_row(self, row: int, header: int | None = None) -> None:
        index = self.model.index(row)
        self.list_view.setCurrentIndex(index)
        if header is not None:  # the day's heading at the top, its first entry chosen
            self.list_view.scrollTo(self.model.index(header), QAbstractItemView.ScrollHint.PositionAtTop)
        self.list_view.scrollTo(index)
        self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_scrolled(self, value: int) -> None:
        bar = self.list_view.verticalScrollBar()
        if value == bar.minimum() and self.model.has_newer:
            top = self.list_view.indexAt(self.list_view.viewport().rect().topLeft())
            self._keep_at_top = QPersistentModelIndex(top) if top.isValid() else None
            self.model.fetch_newer()

    def _record_change(self, before: JournalEntry | None, after: JournalEntry) -> None:
        if before is None:
            self.history.record_added(after)
        else:
            self.history.record_changed(before, after)

    def _forget_history_of_removed_entries(self, change) -> None:
        """An import undone or a backup restored: the history's entry numbers may belong to other
        entries now, and the entry in the editor may be gone (its words then stay, as a new entry)."""
        if not change.touches(REMOVED_ENTRIES):
            return
        self.history.clear()
        editing = self.editor.editing_entry
        if editing is None or editing.id is None:
            return
        entry_id = editing.id

        def gone(vault) -> bool:
            try:
                journal.get_entry(vault, entry_id)
                return False
            except NotFoundError:
                return True

        self.read(gone, lambda is_gone: is_gone and self.editor.entry_gone(entry_id), key="editing-gone")

    def _on_history_changed(self, entry: JournalEntry | None, message: str) -> None:
        self._deleted = None
        self.editor.status_label.hide()  # "Saved …" may be about the change just taken back
        self.undo_label.setText(message)
        self.undo_button.hide()
        self.undo_bar.show()
        editing = self.editor.editing_entry
        if entry is not None and editing is not None and editing.id == entry.id and not self.editor.drafts.has_changes():
            self.editor.load_entry(entry)  # the form showed the entry as it was before; Save would undo the undo
        if entry is not None and self.person is not None and entry.person_id == self.person.id:
            # the page reloads from the change; then the entry is chosen, or the list loads around it
            self._select_after_load, self._find_if_missing = entry.id, True

    def _entry_tz(self, entry: JournalEntry):
        return timeutil.zone_or(entry.zone_name, timeutil.zone(self._context.zone_name))

    def start_import(self) -> None:
        """File > Import from another app…: pick a file, read it and recognise it in the
        background, then show the import dialog with a preview (Daylio CSV exports keep their own
        dialog; every other kind opens :class:`OtherImportDialog`)."""
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Import from another app"), str(Path.home()),
            _("Journal exports and backups ({patterns})").format(patterns="*.csv *.daylio *.emoods *.zip")
            + ";;" + _("All files ({patterns})").format(patterns="*"),
        )
        if not path:
            return
        def job(vault):
            data = imports.read_import_file(Path(path))
            found = import_any.detect(data)
            everyone = people.list_people(vault)
            if found.kind == "daylio":
                levels = imports.daylio_levels(vault)  # chosen at an earlier Daylio import: offered again
                return data, found, imports.preview_daylio(data, levels), import_any.parse(data, "daylio"), everyone
            kept = import_any.remembered(vault, data, found.kind)
            columns = kept.columns if found.kind == "generic" else None
            parsed = import_any.parse(data, found.kind, columns) if found.kind != "generic" or columns else None
            return data, found, kept, parsed, everyone

        self.read(job, lambda result: self._open_import_dialog(Path(path).name, *result), key="import",
                  label=_("Reading the file…"), error_title=_("This file could not be imported"))

    # --- events -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list_view and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                self.delete_current()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._edit_index(self.list_view.currentIndex())
                return True
            if event.key() == Qt.Key.Key_End and self.model.canFetchMore():  # the list loads lazily
                self._end_wanted = True
                self.model.fetchMore()
                return True
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_PageUp) and self.model.has_newer:
                if self.list_view.currentIndex().row() <= 1:  # at the top: bring the newer entries
                    self._on_scrolled(self.list_view.verticalScrollBar().minimum())
        return super().eventFilter(watched, event)

    # --- private ------------------------------------------------------------------------
    def _open_import_dialog(self, file_name, data, found, extra, parsed, everyone) -> None:
        if self.import_dialog is not None:
            self.import_dialog.discard()
        default_name = self.person.display_name if self.person else ""
        names = [p.display_name for p in everyone]
        if found.kind == "daylio":
            dialog = ImportDialog(self._context, file_name, data, extra, names, default_name, self, parsed=parsed)
        else:
            dialog = OtherImportDialog(self._context, file_name, data, found, parsed, extra, names, default_name, self)
        dialog.imported.connect(self._on_imported)
        dialog.finished.connect(lambda _r, d=dialog: self._forget_dialog(d))
        self.import_dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: ImportDialog | OtherImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None
        dialog.discard()
        dialog.deleteLater()

    def _on_imported(self, report: imports.ImportReport) -> None:
        if report.person_added:
            self.people_changed.emit()
        if self.person is not None and report.person_id == self.person.id:
            self.reload()

    def _edit_index(self, index: QModelIndex) -> None:
        entry = self.model.entry_at(index)
        if entry is not None:
            self.editor.load_entry(entry)

    def _on_entry_saved(self, entry: JournalEntry) -> None:
        self._select_after_load = entry.id  # chosen once the page has reloaded from the change
        self.undo_bar.hide()
        self._deleted = None

    def _on_deleted(self, removed: journal.Removed) -> None:
        old = removed.entry
        self._deleted = old
        self.history.record_deleted(removed)
        when = timeutil.utc_to_local(old.occurred_at, self._entry_tz(old))
        self.undo_label.setText(_("Deleted the entry from {day} at {time}.").format(day=day_heading(old.local_date),
                                                                                   time=time_text(when)))
        self.undo_button.setEnabled(True)
        self.undo_button.show()
        self.undo_bar.show()
        self.undo_button.setFocus()

    def _side_after_list(self) -> None:
        person, self._side_for = self._side_for, None
        if person is not None:
            self._refresh_side(person)

    def _on_model_loaded(self) -> None:
        self._side_after_list()
        self._update_empty()
        if self._keep_at_top is not None:  # newer entries came in above: keep the view still
            if self._keep_at_top.isValid():
                self.list_view.scrollTo(QModelIndex(self._keep_at_top), QAbstractItemView.ScrollHint.PositionAtTop)
            self._keep_at_top = None
        if self._select_day_after_load is not None:
            day, self._select_day_after_load = self._select_day_after_load, None
            row = self.model.row_of_day(day)
            if row < 0:  # nothing that day: the nearest older day is at the top
                if self.model.rowCount() == 0:  # nothing on or before it: the journal starts later
                    self.jump_label.setText(_("There are no entries on or before {day}. Back to the newest shows "
                                              "the later ones.").format(day=day_heading(day)))
                else:
                    self.jump_label.setText(_("There are no entries on {day}; here are the days before it.").format(
                        day=day_heading(day)))
                row = next((i - 1 for i in range(self.model.rowCount()) if self.model.index(i).data(KindRole) != DAY
                            and self.model.index(i).data(DayRole) < day), -1)
            if 0 <= row and row + 1 < self.model.rowCount():
                self._select_row(row + 1, header=row)
        if self._select_after_load is not None:
            row = self.model.row_of_entry(self._select_after_load)
            find, self._find_if_missing = self._find_if_missing, False
            if row >= 0:
                index = self.model.index(row)
                self.list_view.setCurrentIndex(index)
                self.list_view.scrollTo(index)
                self._select_after_load = None
            elif find:  # older than the first page: load the list around it
                self.show_entry(self._select_after_load)
        if self._end_wanted:
            if self.model.canFetchMore():
                self.model.fetchMore()
            else:
                self._end_wanted = False
                self._select_row(self.model.rowCount() - 1)
        self._update_buttons()

    def _update_empty(self) -> None:
        if self.person is None:
            text = _("Choose or add a person to start their journal.")
        elif self.model.rowCount() == 0 and self.jump_bar.isHidden():  # after a jump, the jump bar says why
            text = _("No entries yet. When you save an entry, it shows up here, newest first.")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))

    def _update_buttons(self) -> None:
        has_entry = self.current_entry() is not None
        self.edit_button.setEnabled(has_entry)
        self.delete_button.setEnabled(has_entry)

    def _column_least_width(self) -> int:
        """The chart-and-list column's least width beside the form: the chart's, plus the
        column's scroll bar when it scrolls (at large text)."""
        bar = self.right_scroll.verticalScrollBar()
        return self.chart.least_width() + (bar.sizeHint().width() if bar.isVisible() else 0)

    def _refresh_side(self, person: Person) -> None:
        """Read the chart's days and the editor's symptom and tag choices."""
        today = journal.local_now(self._context.clock, self._context.zone_name).date()
        start, end = journal.last_days(today, CHART_DAYS)
        person_id = person.id

        def job(vault):
            return (journal.daily_series(vault, person_id, start, end),
                    journal.symptom_choices(vault), journal.tag_choices(vault))

        def done(result) -> None:
            series, symptoms, tags = result
            self.chart.set_points(series)
            self.editor.set_choices(symptoms, tags)

        self.read(job, done, key="side", error_title=_("The chart could not be drawn"))
