"""Choose what stays out of the visit summary: whole entries, symptoms, tags.

What is ticked here never reaches the printed file: left-out entries are dropped, and left-out
symptom and tag names are removed and hidden wherever a note mentions them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QTabWidget, QWidget

from ...domain.summary import LeaveOut, SummaryChoices
from ...i18n import _
from ...services import summary
from ...services.summary import LeaveOutChoices
from ..common.form import EditorDialog
from ..common.ops import SUMMARY
from ..journal.journal_model import day_heading, time_text


def _checklist(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)
    widget.setUniformItemSizes(False)
    widget.setWordWrap(True)
    return widget


class LeaveOutDialog(EditorDialog):
    """Three lists with tick boxes; :meth:`leave_out` gives the choice. "Use these choices" keeps
    it in the vault with the rest of ``choices`` (a write off the GUI thread; ``choices`` None:
    the saved ones are not back yet, so nothing is written over them) and closes the dialog;
    ``result_value`` is then the :class:`LeaveOut`."""

    def __init__(self, context, person_id: int, options: LeaveOutChoices, current: LeaveOut,
                 choices: SummaryChoices | None = None, parent: QWidget | None = None):
        super().__init__(context, _("Leave things out of the summary"), changes={SUMMARY},
                         save_text=_("&Use these choices"), parent=parent)
        self._clock = context.clock
        self._person_id = person_id
        self._choices = choices
        self.setMinimumSize(self.fontMetrics().averageCharWidth() * 70, self.fontMetrics().height() * 24)
        layout = self.fields
        intro = QLabel(_("Tick what should not leave the house. It will not be anywhere in the printed summary. "
                       "A symptom or tag you leave out is also hidden where a note mentions it."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(_("Type to find an entry, symptom or tag"))
        self.filter_edit.setAccessibleName(_("Find in the lists"))
        self.filter_edit.setClearButtonEnabled(True)
        layout.addWidget(self.filter_edit)

        self.tabs = QTabWidget()
        self.entry_list = _checklist(_("Entries to leave out"))
        self.symptom_list = _checklist(_("Symptoms to leave out"))
        self.tag_list = _checklist(_("Tags to leave out"))
        for entry in options.entries:
            when = _("{day}, {time} · {who}").format(day=day_heading(entry.local_date),
                                                     time=time_text(entry.local_time), who=entry.recorded_by)
            if entry.flagged:
                when = _("{entry} · flagged").format(entry=when)
            text = f"{when}\n{entry.excerpt or _('(no note)')}"
            self._add(self.entry_list, text, entry.entry_id, entry.entry_id in current.entry_ids)
        for name in options.symptoms:
            self._add(self.symptom_list, name, name, name.casefold() in current.symptoms)
        for name in options.tags:
            self._add(self.tag_list, name, name, name.casefold() in current.tags)
        self.tabs.addTab(self.entry_list, _("&Entries ({count})").format(count=len(options.entries)))
        self.tabs.addTab(self.symptom_list, _("&Symptoms ({count})").format(count=len(options.symptoms)))
        self.tabs.addTab(self.tag_list, _("&Tags ({count})").format(count=len(options.tags)))
        layout.addWidget(self.tabs, 1)
        self.filter_edit.textChanged.connect(self._filter)
        chain = [self.filter_edit, self.tabs, self.entry_list, self.symptom_list, self.tag_list,
                 self.panel.save_button, self.panel.cancel_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def make_job(self):
        leave_out = self.leave_out()
        if self._choices is None:
            return lambda vault: leave_out
        choices, person_id, clock = replace(self._choices, leave_out=leave_out), self._person_id, self._clock

        def keep(vault) -> LeaveOut:
            summary.save_choices(vault, person_id, choices, clock=clock)
            return leave_out

        return keep

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # Enter in the find box goes to what was found, not to "Use these choices".
        if self.focusWidget() is self.filter_edit and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.tabs.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)

    @staticmethod
    def _add(widget: QListWidget, text: str, key, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for widget in (self.entry_list, self.symptom_list, self.tag_list):
            for i in range(widget.count()):
                item = widget.item(i)
                item.setHidden(bool(needle) and needle not in item.text().casefold())

    @staticmethod
    def _ticked(widget: QListWidget) -> list:
        return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, widget: QListWidget, key, checked: bool = True) -> None:
        for i in range(widget.count()):
            if widget.item(i).data(Qt.ItemDataRole.UserRole) == key:
                widget.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def leave_out(self) -> LeaveOut:
        return LeaveOut(entry_ids=frozenset(self._ticked(self.entry_list)),
                        symptoms=frozenset(self._ticked(self.symptom_list)),
                        tags=frozenset(self._ticked(self.tag_list)))
