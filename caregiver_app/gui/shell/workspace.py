"""The main window's body while unlocked: the person switcher, Add person…, Get help now and
Lock along the top, the page list and the pages below.

None of it shows on the unlock screen, so the window builds it right after its first paint (or
at once when something needs it first: an unlock, the Go menu, a test), not before (issue 16)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from ...i18n import _
from ..window_parts import NavigationList

if TYPE_CHECKING:
    from ..main_window import MainWindow
    from ..page_stack import PageStack


class Workspace(QWidget):
    """Built for ``window``, whose slots its switcher and buttons call."""

    page_stack: PageStack
    """The pages in :attr:`nav` and :attr:`pages`: the window adds it right after (gui/page_list)."""

    def __init__(self, window: MainWindow):
        super().__init__()
        outer = QVBoxLayout(self)

        top = QHBoxLayout()
        person_label = QLabel(_("Car&ing for"))
        self.person_combo = QComboBox()
        self.person_combo.setAccessibleName(_("Person you are caring for"))
        self.person_combo.setPlaceholderText(_("No one added yet"))
        self.person_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.person_combo.setMinimumContentsLength(16)
        self.person_combo.currentIndexChanged.connect(window._on_person_index_changed)
        person_label.setBuddy(self.person_combo)
        # No mnemonics here: the pages use most letters; File ▸ Add a person… and Ctrl+L reach these.
        self.add_person_button = QPushButton(_("Add person…"))
        self.add_person_button.setAccessibleName(_("Add a person"))
        self.add_person_button.clicked.connect(lambda: window.add_person())
        self.lock_button = QPushButton(_("Lock"))
        self.lock_button.setAccessibleName(_("Lock"))
        self.lock_button.setAccessibleDescription(_("Hide everything and ask for the passphrase again"))
        self.lock_button.setToolTip(_("Hide everything and ask for the passphrase again (Ctrl+L)"))
        self.lock_button.clicked.connect(window.lock)
        top.addWidget(person_label)
        top.addWidget(self.person_combo)
        top.addWidget(self.add_person_button)
        top.addStretch(1)
        self.get_help_button = window.get_help.make_button(self)
        top.addWidget(self.get_help_button)
        top.addWidget(self.lock_button)
        outer.addLayout(top)

        body = QHBoxLayout()
        self.nav = NavigationList()
        self.nav.setAccessibleName(_("Pages"))
        self.nav.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.nav.setUniformItemSizes(True)
        self.nav.setSpacing(max(2, window.fontMetrics().height() // 5))
        self.pages = QStackedWidget()
        self.pages.setAccessibleName(_("Page"))
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        outer.addLayout(body, 1)
