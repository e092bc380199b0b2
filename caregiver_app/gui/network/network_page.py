"""The Support network page: the ecomap (and the same content as a list), the gaps panel, and
the contacts — add, open, delete, "in touch today", vCard import and export, map export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QTabWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.ecomap import EcomapSnapshot
from ...domain.errors import CaregiverError
from ...domain.model import Person
from ...domain.network import Contact
from ...domain import phone_numbers
from ...i18n import _, N_, ngettext
from ...services import journal, vcards
from ...importers import vcard
from ...services import network as contact_service
from ...services.user_files import save_export
from ..common.building import bar, menu_action, menu_button, push_button, shortcut, side_by_side, wrapping_row
from ..common.country import help_words
from ..common.errors import show_error
from ..common.ops import CONTACTS
from ..common.page import Page, confirm
from ..common.trust_widgets import plain_label, tell
from ..context import AppContext
from ..journal.gaps_panel import GapsPanel
from ..common.building import documents_folder
from .contact_editor import ContactEditor, phone_region
from .ecomap import EcomapScene, EcomapView
from .ecomap_export import png_bytes, svg_bytes
from .contact_list import LIST_COLUMNS, ContactList
from .vcard_dialog import DuplicatesDialog

__all__ = ["LIST_COLUMNS", "NetworkPage", "import_summary", "phone_region"]



def _lower_first(words: str) -> str:
    """``"Mostly to Sam"`` -> ``"mostly to Sam"`` (names keep their capitals)."""
    return words[:1].lower() + words[1:]


class NetworkPage(Page):
    """The support network of the chosen person."""

    title = N_("Support network")
    watches = frozenset({CONTACTS})

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._contacts: list[Contact] = []
        self._deleted: Contact | None = None
        self._select_id: int | None = None
        self._build()
        self.set_person(None)

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = self.body
        self.add_button = push_button(_("&Add contact…"), self, self.add_contact,
                                      tip=_("Add someone to the network (Ctrl+N)"))
        self.open_button = push_button(_("O&pen"), self, self.open_selected, name=_("Open the chosen contact"))
        self.touch_button = push_button(_("In touch &today"), self, self.mark_in_touch_today,
                                        name=_("Mark the chosen contact as in touch today"))
        self.delete_button = push_button(_("&Delete"), self, self.delete_selected, name=_("Delete the chosen contact"))
        self.import_action = menu_action(_("&Import contacts from a vCard file…"), self, self.import_vcards)
        self.export_action = menu_action(_("&Export contacts as a vCard file…"), self, self.export_vcards)
        self.export_map_action = menu_action(_("Save the &map as a picture (PNG or SVG)…"), self, self.export_map)
        self.more_button = menu_button(_("&Import and export"), self,
                                       (self.import_action, self.export_action, self.export_map_action))
        # Onto two lines at large text rather than a window wider than the screen.
        outer.addLayout(wrapping_row((self.add_button, self.open_button, self.touch_button, self.delete_button,
                                      self.more_button)))

        self.status = plain_label(name=_("Status"), parent=self)
        self.undo_button = push_button(_("&Undo"), self, self.undo_delete, name=_("Undo delete"))
        self.status_panel = bar(self, self.status, self.undo_button)
        outer.addWidget(self.status_panel)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("Map or list"))
        map_tab = QWidget(self.tabs)
        map_layout = QVBoxLayout(map_tab)
        map_layout.setContentsMargins(0, 0, 0, 0)
        self.scene = EcomapScene(self)
        self.view = EcomapView(self.scene, map_tab)
        self.scene.contact_activated.connect(self.open_contact)
        self.scene.positions_changed.connect(self._on_positions_changed)
        self.scene.selectionChanged.connect(self._on_map_selection)
        map_layout.addWidget(self.view, 1)
        self.zoom_out_button = push_button(_("Zoom out"), map_tab, self.view.zoom_out, tip=_("Zoom out (Ctrl+minus)"))
        self.zoom_in_button = push_button(_("Zoom in"), map_tab, self.view.zoom_in, tip=_("Zoom in (Ctrl+plus)"))
        self.fit_button = push_button(_("Show all"), map_tab, self.view.fit, tip=_("Fit the whole map in view (Ctrl+0)"))
        self.tidy_button = push_button(_("Put back in place"), map_tab, self.reset_positions,
                                       name=_("Put every contact back in its automatic place"))
        zoom_buttons = (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.tidy_button)
        for button in zoom_buttons:
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        map_layout.addLayout(wrapping_row(zoom_buttons))
        self.map_hint = plain_label(_("Drag people to arrange them. Click one to open it, or choose one with the arrow "
                                    "keys and press Enter."), parent=map_tab)
        map_layout.addWidget(self.map_hint)
        self.tabs.addTab(map_tab, _("&Map"))

        self.list = ContactList(self.tabs)
        self.list.itemActivated.connect(lambda item, _col: self.open_contact(item.data(0, Qt.ItemDataRole.UserRole)))
        self.list.itemSelectionChanged.connect(self._on_list_selection)
        self.tabs.addTab(self.list, _("&List"))

        self.gaps = GapsPanel(self)
        self.gaps.setAccessibleName(_("Gaps"))
        self.gaps.setMinimumWidth(self.fontMetrics().averageCharWidth() * 34)
        splitter = side_by_side(self, self.tabs, self.gaps, stretch=(3, 1))
        outer.addWidget(splitter, 1)
        self.splitter = splitter

        shortcut(self, QKeySequence.StandardKey.New, self.add_contact)
        shortcut(self.list, QKeySequence(Qt.Key.Key_Delete), self.delete_selected, widget_only=True)
        self._update_buttons()

    # --- the page ------------------------------------------------------------------------
    def drop(self) -> None:
        self._deleted = None
        self._select_id = None
        self._contacts = []
        self.scene.clear()
        self.scene.nodes.clear()
        self.scene.ties.clear()
        self.list.clear()
        self.gaps.clear()
        self.status.clear()
        self.status_panel.hide()
        self._update_buttons()

    def load(self, person: Person) -> None:
        today = self.today()

        def job(vault):
            found = contact_service.list_contacts(vault, person.id)
            return found, contact_service.ecomap_snapshot(vault, person.id), contact_service.gap_report_for(found, today)

        self.read(job, self._loaded, key="contacts", error_title=_("The support network could not be read"))

    def refresh_country(self) -> None:
        """Name the crisis line of the country in effect now in the gaps (while unlocked)."""
        self.reload()

    def today(self) -> date:
        return journal.local_now(self.context.clock, self.context.zone_name).date()

    def contacts(self) -> list[Contact]:
        return list(self._contacts)

    def selected_contact_id(self) -> int | None:
        if self.tabs.currentWidget() is self.list:
            items = self.list.selectedItems()
            return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None
        return self.scene.selected_contact_id()

    def select_contact(self, contact_id: int | None) -> None:
        self.scene.select_contact(contact_id)
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == contact_id:
                self.list.setCurrentItem(item)
                break
        self._update_buttons()

    # --- showing --------------------------------------------------------------------------
    def _loaded(self, result) -> None:
        found, snapshot, report = result
        chosen = self._select_id if self._select_id is not None else self.selected_contact_id()
        self._select_id = None
        self._show(found, snapshot)
        words = help_words(self.context.settings)
        self.gaps.set_report(report, words.crisis_line if words.crisis_known else "")
        if chosen is not None:
            self.select_contact(chosen)

    def _show(self, found: list[Contact], snapshot: EcomapSnapshot) -> None:
        self._contacts = found
        self.scene.set_snapshot(snapshot)
        self.view.setBackgroundBrush(self.scene.colours.background)
        self.view.fit()
        self._fill_list(found)
        self._update_buttons()

    def _fill_list(self, found: list[Contact]) -> None:
        region = phone_region(self.context)
        name = self.person.display_name if self.person else ""
        today = self.today()
        self.list.setSortingEnabled(False)
        self.list.clear()
        for c in found:
            _days, since = contact_service.since_words(c.last_in_touch, today)
            values = (
                c.name,
                phone_numbers.format_phone(c.phones[0], region) if c.phones else "—",
                _("{role} ({sector})").format(role=c.role.label, sector=c.sector.label.lower()),
                _("{strength} ({line}), {direction}").format(strength=c.strength.label,
                                                              line=c.strength.line_description,
                                                              direction=_lower_first(c.direction.label(name))),
                ", ".join(t.label for t in c.ordered_support()) or "—",
                since,
            )
            item = QTreeWidgetItem(list(values))
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            self.list.addTopLevelItem(item)
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.list.fit_columns()

    def _update_buttons(self) -> None:
        chosen = self.selected_contact_id() is not None
        for button in (self.open_button, self.touch_button, self.delete_button):
            button.setEnabled(chosen)
        has_any = bool(self._contacts)
        self.export_action.setEnabled(has_any)
        self.tidy_button.setEnabled(has_any)

    def _on_map_selection(self) -> None:
        try:
            chosen = self.scene.selected_contact_id()
        except RuntimeError:  # the page is being torn down
            return
        if chosen is not None:
            self.list.blockSignals(True)
            for i in range(self.list.topLevelItemCount()):
                item = self.list.topLevelItem(i)
                item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) == chosen)
            self.list.blockSignals(False)
        self._update_buttons()

    def _on_list_selection(self) -> None:
        items = self.list.selectedItems()
        if items:
            self.scene.blockSignals(True)
            self.scene.select_contact(items[0].data(0, Qt.ItemDataRole.UserRole))
            self.scene.blockSignals(False)
            self.scene.update()
        self._update_buttons()

    def _say(self, text: str, undo: bool = False) -> None:
        self.status.setText(text)
        self.undo_button.setVisible(undo)
        self.status_panel.show()

    def _show_after_write(self, contact: Contact, text: str, undo: bool = False) -> None:
        """A write for ``contact`` succeeded: say so; the page reloads from ``ops.changed`` and
        then shows ``contact`` chosen."""
        self._say(text, undo)
        self._select_id = contact.id
        self.select_contact(contact.id)

    # --- contacts -------------------------------------------------------------------------
    def add_contact(self) -> None:
        if self.person is not None and self.isEnabled():
            self._run_editor(None)

    def open_contact(self, contact_id: int | None) -> None:
        """Open the editor for a contact (from the map, the list or the Open button)."""
        contact = next((c for c in self._contacts if c.id == contact_id), None)
        if contact is not None and self.person is not None:
            self._run_editor(contact)

    def _run_editor(self, contact: Contact | None) -> None:
        dialog = ContactEditor(self.context, self.person, region=phone_region(self.context), today=self.today(),
                               contact=contact, parent=self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
                self._show_after_write(dialog.saved, _("Saved {name}.").format(name=dialog.saved.name))
        finally:
            dialog.deleteLater()

    def open_selected(self) -> None:
        self.open_contact(self.selected_contact_id())

    def delete_selected(self) -> None:
        contact_id = self.selected_contact_id()
        contact = next((c for c in self._contacts if c.id == contact_id), None)
        if contact is None:
            return
        if not confirm(self, _("Delete {name} from the support network?").format(name=contact.name),
                       details=_("Appointments with them stay, without a provider."),
                       yes=_("Delete contact"), no=_("Keep them"), destructive=True, title=_("Delete this contact?")):
            return

        def done(old: Contact) -> None:
            self._deleted = old
            self._say(_("Deleted {name}.").format(name=old.name), undo=True)

        self.write(lambda vault: contact_service.delete_contact(vault, contact.id), {CONTACTS}, on_done=done,
                   error_title=_("The contact was not deleted"))

    def undo_delete(self) -> None:
        old = self._deleted
        if old is None:
            return
        clock = self.context.clock

        def done(back: Contact) -> None:
            self._deleted = None
            self._show_after_write(back, _("{name} is back.").format(name=back.name))

        self.write(lambda vault: contact_service.restore_contact(vault, old, clock=clock), {CONTACTS},
                   on_done=done, error_title=_("The contact could not be put back"))

    def mark_in_touch_today(self) -> None:
        contact_id = self.selected_contact_id()
        if contact_id is None:
            return
        today, clock = self.today(), self.context.clock
        self.write(lambda vault: contact_service.mark_in_touch(vault, contact_id, today, clock=clock), {CONTACTS},
                   on_done=lambda c: self._show_after_write(c, _("Noted: in touch with {name} today.").format(name=c.name)))

    # --- the map --------------------------------------------------------------------------
    def _on_positions_changed(self, positions: dict) -> None:
        if self.person is None:
            return
        person_id = self.person.id
        # The map already shows the new places and no page lists them: nothing needs a reload.
        self.write(lambda vault: contact_service.save_positions(vault, person_id, positions), (),
                   error_title=_("The new place on the map was not saved"))

    def reset_positions(self) -> None:
        if self.person is None:
            return
        person_id = self.person.id
        self.write(lambda vault: contact_service.reset_positions(vault, person_id), {CONTACTS})

    def export_map(self) -> None:
        """Save the map as PNG or SVG (chosen by the file type)."""
        if self.person is None:
            return
        suggested = documents_folder() / f"ecomap-{self.today().isoformat()}.png"
        path, chosen = QFileDialog.getSaveFileName(
            self, _("Save the map as a picture"), str(suggested), _("PNG picture (*.png);;SVG drawing (*.svg)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_suffix(".svg" if "svg" in (chosen or "").lower() else ".png")
        try:  # drawn here (the scene lives on this thread), written off it
            data = svg_bytes(self.scene) if target.suffix.lower() == ".svg" else png_bytes(self.scene)
        except CaregiverError as exc:
            show_error(self, exc, _("The map was not saved"))
            return
        what = _("the map")
        self.context.ops.background(self, lambda: save_export(target, data, what=what),
                                    on_done=lambda saved: self._say(_("Saved the map as {file} in {folder}.").format(
                                        file=saved.name, folder=saved.parent)),
                                    error_title=_("The map was not saved"))

    # --- vCards ---------------------------------------------------------------------------
    def import_vcards(self) -> None:
        """Pick a .vcf file, read it, ask about duplicates, then import in one go."""
        person = self.person
        if person is None:
            return
        path, _f = QFileDialog.getOpenFileName(self, _("Import contacts"), str(documents_folder()),
                                               _("Contact files (*.vcf *.vcard);;All files (*)"))
        if not path:
            return
        region = phone_region(self.context)

        def read(vault):
            data = vcards.read_contacts_file(Path(path))
            result = vcard.read_vcards(data, person.id, region)
            existing = contact_service.list_contacts(vault, person.id)
            return result, vcards.find_duplicates(existing, result.cards)

        self.read(read, lambda r: self._continue_import(*r), key="vcards", label=_("Reading the contacts…"),
                  error_title=_("The contacts were not imported"))

    def _continue_import(self, result: vcard.VCardReadResult, pairs: list[vcards.DuplicatePair]) -> None:
        person = self.person
        if person is None:
            return
        if not result.cards:
            lines = "\n".join(p.message for p in result.problems[:10])
            show_error(self, CaregiverError(_("No contact in this file could be read.\n\n{problems}").format(problems=lines)), _("No contacts imported"))
            return
        decisions: dict[int, vcards.Decision] = {}
        if pairs:
            dialog = DuplicatesDialog(pairs, result.cards, phone_region(self.context), self)
            try:
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return
                decisions = dialog.decisions()
            finally:
                dialog.deleteLater()
        clock = self.context.clock
        self.write(lambda vault: vcards.import_cards(vault, person.id, result.cards, decisions, clock=clock),
                   {CONTACTS}, on_done=lambda outcome: tell(self, _("Contacts imported"), import_summary(outcome, result)),
                   label=_("Importing the contacts…"), error_title=_("The contacts were not imported"))

    def export_vcards(self) -> None:
        if self.person is None or not self._contacts:
            return
        suggested = documents_folder() / vcards.default_filename(self.today())
        path, _f = QFileDialog.getSaveFileName(self, _("Export contacts"), str(suggested), _("Contact files (*.vcf)"))
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".vcf")
        chosen = list(self._contacts)
        self.context.ops.background(self, lambda: vcards.save_vcards(chosen, target),
                                    on_done=lambda p: self._say(ngettext(
                                        "Saved {count} contact as {file} in {folder}.",
                                        "Saved {count} contacts as {file} in {folder}.", len(chosen)).format(
                                        count=len(chosen), file=p.name, folder=p.parent)),
                                    error_title=_("The contacts were not exported"))


def import_summary(outcome: vcards.ImportOutcome, result: vcard.VCardReadResult) -> str:
    """The words shown after an import: counts, then each card that was skipped or trimmed."""
    parts = []
    if outcome.added:
        parts.append(ngettext("Added {count} contact.", "Added {count} contacts.", outcome.added).format(
            count=outcome.added))
    if outcome.merged:
        parts.append(ngettext("Merged {count} into contacts you already had.",
                              "Merged {count} into contacts you already had.", outcome.merged).format(count=outcome.merged))
    if outcome.skipped:
        parts.append(ngettext("Left out {count} that you chose to skip.", "Left out {count} that you chose to skip.",
                              outcome.skipped).format(count=outcome.skipped))
    if not parts:
        parts.append(_("Nothing new was added."))
    text = " ".join(parts)
    if result.problems:
        shown = [p.message for p in result.problems[:12]]
        more = len(result.problems) - len(shown)
        text += "\n\n" + _("Please look at these:") + "\n" + "\n".join(f"• {m}" for m in shown)
        if more > 0:
            text += "\n" + _("…and {count} more.").format(count=more)
    return text
