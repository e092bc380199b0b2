"""The entry editor's compact "Medicines" section: for each medication on the person's list that day,
taken, missed or an extra dose (as needed). Loads the list itself as ops reads (keyed, so a newer
read drops an older one's answer)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ...domain.medications import DoseRecord, DoseStatus, Medication
from ...domain.model import JournalEntry, Person
from ...i18n import N_, _
from ...services import medications
from ..common import formatting
from ..common.ops import MEDICATIONS, Change, Op
from ..context import AppContext

# Marked here, translated when the choices are shown.
NOT_RECORDED = N_("Not recorded")
SCHEDULED_CHOICES = ((NOT_RECORDED, None), (N_("Taken"), DoseStatus.TAKEN), (N_("Missed"), DoseStatus.MISSED),
                     (N_("An extra dose (more than usual)"), DoseStatus.EXTRA))
AS_NEEDED_CHOICES = ((NOT_RECORDED, None), (N_("Taken (as needed)"), DoseStatus.EXTRA))


class DosesSection(QGroupBox):
    """Doses in a journal entry. Call :meth:`set_person`, :meth:`set_day` (the entry's local
    date), :meth:`load_entry` to show an entry's doses, :meth:`doses` to read them.
    ``rows_changed`` fires when the choices were rebuilt (the tab order needs them)."""

    rows_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(_("Medicines"), parent)
        self._context = context
        self._person: Person | None = None
        self._meds: list[Medication] = []
        self._day: date | None = None
        self._chosen: dict[int, DoseStatus] = {}
        self._entry_read: Op | None = None  # the doses of the entry being loaded
        self.boxes: dict[int, QComboBox] = {}
        self.setAccessibleName(_("Medicines: taken, missed or extra doses"))

        layout = QVBoxLayout(self)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        self.grid_holder = QWidget(self)
        self.grid = QGridLayout(self.grid_holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        layout.addWidget(self.grid_holder)
        self._rebuild()
        context.ops.changed.connect(self._on_changed)

    # --- public -------------------------------------------------------------------------
    def set_person(self, person: Person | None) -> None:
        """Show ``person``'s medications (read in the background); None empties the section."""
        if person is None or self._person is None or person.id != self._person.id:
            self._chosen = {}
        self._person = person
        self._meds = []
        self._rebuild()
        self.reload()

    def set_day(self, day: date) -> None:
        """Offer the medications on the list on local date ``day``."""
        if day != self._day:
            self._day = day
            self._remember()
            self._rebuild()

    def reload(self) -> None:
        """Read the person's medications again (keeps what is chosen)."""
        person = self._person
        if person is None or person.id is None:
            return
        person_id = person.id

        def done(meds: list[Medication]) -> None:
            self._remember()
            self._meds = meds
            self._rebuild()

        self._context.ops.read(self, lambda vault: medications.list_medications(vault, person_id), on_done=done,
                               key=f"doses-meds-{id(self)}", error_title=_("The medicines could not be read"))

    def load_entry(self, entry: JournalEntry) -> None:
        """Show the doses saved with ``entry``."""
        self._chosen = {}
        self._day = entry.local_date
        self._rebuild()
        self._drop_entry_read()
        if entry.id is None:
            return
        entry_id = entry.id

        def done(records: list[DoseRecord]) -> None:
            if self._person is None:
                return
            self._chosen = {r.medication_id: r.status for r in records}
            self._rebuild()

        self._entry_read = self._context.ops.read(self, lambda vault: medications.doses_for_entry(vault, entry_id),
                                                  on_done=done, key=f"doses-entry-{id(self)}",
                                                  error_title=_("The doses could not be read"))

    def doses(self) -> tuple[DoseRecord, ...]:
        """The doses chosen in the section (medications left at "Not recorded" are left out)."""
        self._remember()
        return tuple(DoseRecord(mid, status) for mid, status in self._chosen.items()
                     if mid in self.boxes)

    def chosen(self) -> dict[str, str]:
        """The choices as plain text for a kept draft: ``{"<medication id>": "taken"}``."""
        return {str(r.medication_id): r.status.value for r in self.doses()}

    def set_chosen(self, chosen: dict[str, str]) -> None:
        """Put back choices from :meth:`chosen` (unknown values are skipped)."""
        self._drop_entry_read()
        self._chosen = {}
        for key, value in chosen.items():
            try:
                self._chosen[int(key)] = DoseStatus(value)
            except (TypeError, ValueError):
                continue
        self._rebuild()

    def reset(self) -> None:
        """Nothing recorded (a new entry)."""
        self._drop_entry_read()  # a slow read of an earlier entry's doses must not land here
        self._chosen = {}
        for box in self.boxes.values():
            box.setCurrentIndex(0)

    def clear(self) -> None:
        """Forget the person and their medications (the vault locked)."""
        self._drop_entry_read()
        self._person = None
        self._meds = []
        self._chosen = {}
        self._rebuild()

    def focus_widgets(self) -> list[QWidget]:
        return list(self.boxes.values())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        if not event.spontaneous():
            self.reload()  # the list may have changed outside the app's writes (an import)

    # --- private ------------------------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        """The person's medicines changed (the Medications page): offer the new list at once."""
        person = self._person
        if person is not None and change.touches(MEDICATIONS) and change.person_id in (None, person.id):
            self.reload()

    def _drop_entry_read(self) -> None:
        if self._entry_read is not None:
            self._entry_read.cancel()
            self._entry_read = None

    def _remember(self) -> None:
        for mid, box in self.boxes.items():
            status = box.currentData()
            if status is None:
                self._chosen.pop(mid, None)
            else:
                self._chosen[mid] = status

    def _offered(self) -> list[Medication]:
        day = self._day
        return [m for m in self._meds
                if m.id in self._chosen or day is None or m.is_active_on(day)]

    def _rebuild(self) -> None:
        had_focus = next((mid for mid, box in self.boxes.items() if box.hasFocus()), None)
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.boxes = {}
        offered = self._offered()
        for row, med in enumerate(offered):
            change = med.dose_on(self._day) if self._day is not None else med.current
            label = QLabel(_("{medicine} {dose}").format(medicine=med.name, dose=formatting.dose_text(change)), self.grid_holder)
            label.setWordWrap(True)
            box = QComboBox(self.grid_holder)
            for text, status in (AS_NEEDED_CHOICES if med.as_needed else SCHEDULED_CHOICES):
                box.addItem(_(text), status)
            box.setAccessibleName(_("{medicine} dose").format(medicine=med.name))
            box.setAccessibleDescription(formatting.dose_text(change))
            chosen = self._chosen.get(med.id)
            index = box.findData(chosen) if chosen is not None else 0
            if index < 0:  # e.g. "missed" saved before the medication became "as needed"
                box.addItem(chosen.label.capitalize(), chosen)
                index = box.count() - 1
            box.setCurrentIndex(index)
            label.setBuddy(box)
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(box, row, 1, Qt.AlignmentFlag.AlignTop)
            self.boxes[med.id] = box
        if self._person is None:
            text = ""
        elif not self._meds:
            text = _("No medicines on {name}'s list yet. Add them on the Medications page.").format(
                name=self._person.display_name)
        elif not offered:
            text = _("No medicines on the list for this day.")
        else:
            text = ""
        self.empty_label.setText(text)
        self.empty_label.setVisible(bool(text))
        self.grid_holder.setVisible(bool(offered))
        if had_focus in self.boxes:
            self.boxes[had_focus].setFocus(Qt.FocusReason.OtherFocusReason)
        self.rows_changed.emit()

