"""The journal's small banner: which of the person's own early warning signs were recorded this week.

It reads the person's relapse-prevention plan and the last 7 local dates of the journal
(``services.warning_signs``), says in plain words how many of their signs were recorded and on
which days, and links to the plan (what helps, who to tell). Hidden when none were recorded.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from ...domain.errors import CaregiverError
from ...domain.model import Person
from ...domain.plans import PersonalSignsCheck
from ...i18n import _, ngettext
from ...services import journal, warning_signs
from ..common import formatting
from ..common.ops import PLANS, Change, Op
from ..context import AppContext
from ..common.errors import log_safely
from ..common.navigation import OPEN_PLANS, request

PLAN_LINK = "plan:relapse"


def short_day(day: date) -> str:
    """``"Mon 23 Nov"``."""
    return formatting.medium_date(day, weekday=True, year=False)


def banner_text(name: str, check: PersonalSignsCheck) -> str:
    """The banner's sentence, e.g. "3 of Sam's own early warning signs were recorded this week"."""
    count = len(check.seen)
    return ngettext("{count} of {name}'s own early warning signs was recorded this week",
                    "{count} of {name}'s own early warning signs were recorded this week", count).format(
        count=count, name=name)


class PersonalSignsBanner(QFrame):
    """Shows the week's personal early warning signs for the chosen person (or nothing)."""

    def __init__(self, context: AppContext, model: QAbstractItemModel | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._person: Person | None = None
        self._op: Op | None = None
        self._follows_model = model is not None
        self.check: PersonalSignsCheck | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_("Early warning signs this week"))
        row = QHBoxLayout(self)
        self.icon = QLabel(self)
        size = self.fontMetrics().height() * 2
        self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size, size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.label.linkActivated.connect(self._on_link)
        row.addWidget(self.icon)
        row.addWidget(self.label, 1)
        if model is not None:
            model.modelReset.connect(self.refresh)  # after every save, delete, undo and import
        context.ops.changed.connect(self._on_changed)
        self.hide()

    def set_person(self, person: Person | None) -> None:
        """Check ``person``'s signs; with a model, at its next reset (the journal page sets the
        person on the banner just before the model, so the check runs once)."""
        self._person = person
        if not self._follows_model:
            self.refresh()

    def clear(self) -> None:
        """Drop the person and the words (the vault locked)."""
        self._drop_read()
        self._person = None
        self.check = None
        self.label.clear()
        self.hide()

    def refresh(self) -> None:
        """Check the last 7 days again (a read off the GUI thread; a newer check replaces an
        older one still running)."""
        person = self._person
        self._drop_read()
        if person is None or person.id is None or self._context.vault is None:
            self.check = None
            self.label.clear()
            self.hide()
            return
        today = journal.local_now(self._context.clock, self._context.zone_name).date()
        start, end = warning_signs.recent_range(today)
        person_id = person.id

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, CaregiverError):
                log_safely(exc)
            self.hide()

        self._op = self._context.ops.read(self, lambda vault: warning_signs.check_personal_signs(vault, person_id, start, end),
                                          on_done=lambda check: self._show(person, check), on_error=failed,
                                          key=f"signs-banner-{id(self)}")

    def _drop_read(self) -> None:
        if self._op is not None:
            self._op.cancel()
            self._op = None

    def _on_changed(self, change: Change) -> None:
        """The plan's linked signs changed: check again (journal changes come through the model)."""
        person = self._person
        if person is not None and change.touches(PLANS) and change.person_id in (None, person.id):
            self.refresh()

    def text(self) -> str:
        """The banner's words without markup ("" when hidden)."""
        if self.isHidden() or not self.label.text():
            return ""
        return QTextDocumentFragment.fromHtml(self.label.text()).toPlainText()

    def _show(self, person: Person, check: PersonalSignsCheck) -> None:
        self.check = check
        if not check.seen:
            self.label.clear()
            self.hide()
            return
        name = person.display_name
        details = "; ".join(
            f"{html.escape(s.sign.text, quote=False)} ({', '.join(short_day(d) for d in s.dates)})" for s in check.seen
        )
        sentence = html.escape(banner_text(name, check), quote=False)
        link = html.escape(_("See what helps and who to tell in {name}'s plan").format(name=name), quote=False)
        self.label.setText(
            f"<b>{sentence}.</b> {details}. "
            f'<a href="{PLAN_LINK}">{link}</a>'
        )
        self.label.setAccessibleName(f"{banner_text(name, check)}.")
        self.show()

    def _on_link(self, href: str) -> None:
        if href == PLAN_LINK:
            request(self, OPEN_PLANS, "relapse")
