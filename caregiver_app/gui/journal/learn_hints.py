"""Learn at the right moment: what a saved journal entry's symptoms point to.

Shown under the entry editor after saving. For each recorded symptom (rated above 0) that a
warning-sign page covers, a calm link to the page. When a page has Emergency or Crisis-line signs
about a recorded symptom and the rating or the note meets the page's rule (its ``urgent_at``
rating or ``urgent_words``; never a rating of 1), the action shows at once, in words and with the tier's icon, next to the
sign it is about and a "Get help now" button.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.model import JournalEntry
from ...i18n import _, ngettext
from ...services import warning_signs as library
from ...services.warning_signs import EntryHints, HelpWords, Tier
from ..common.navigation import GET_HELP_KEYS, OPEN_EDUCATION_PAGE, SHOW_GET_HELP, request
from ..common.tier_icons import tier_pixmap

PAGE_PREFIX = "page:"


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)


class LearnHints(QFrame):
    """Links and urgent actions for one saved entry; hidden when there is nothing to show."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_("About what you recorded"))
        self.hints: EntryHints | None = None
        self.help_buttons: list[QPushButton] = []
        self.link_labels: list[QLabel] = []
        self._words = library.help_words("")
        self._entry: JournalEntry | None = None
        self._layout = QVBoxLayout(self)
        self.hide()

    def show_for(self, entry: JournalEntry, words: HelpWords | None = None) -> None:
        """Show what ``entry``'s symptoms point to (or hide when nothing matches), with the
        emergency and crisis numbers of ``words`` (None: no country known)."""
        self.clear()
        self._entry = entry
        self._words = words or library.help_words("")
        hints = library.entry_hints(entry.symptoms, self._words, entry.note)
        self.hints = hints
        if hints.is_empty:
            return
        for tier in hints.urgent_tiers():
            self._layout.addLayout(self._urgent_row(tier, [u for u in hints.urgent if u.tier is tier]))
        lines = [f"<b>{html.escape(_('Learn more about what you recorded'), quote=False)}</b>"]
        for item in hints.symptoms:
            links = ", ".join(
                f'<a href="{PAGE_PREFIX}{html.escape(p.page_id)}">{html.escape(p.title, quote=False)}</a>'
                for p in item.pages
            )
            symptom = html.escape(item.symptom, quote=False)
            lines.append(ngettext("{symptom}: {links} (and {count} more in Warning signs)",
                                  "{symptom}: {links} (and {count} more in Warning signs)", item.more).format(
                symptom=symptom, links=links, count=item.more) if item.more
                else _("{symptom}: {links}").format(symptom=symptom, links=links))
        label = self._rich("<br>".join(lines))
        self.link_labels.append(label)
        buttons = QHBoxLayout()
        buttons.addWidget(label, 1)
        if hints.urgent:
            button = QPushButton(_("Get help now"), self)
            button.setToolTip(_("Crisis and emergency numbers and first steps ({keys})").format(keys=GET_HELP_KEYS))
            button.clicked.connect(lambda: request(self, SHOW_GET_HELP))
            self.help_buttons.append(button)
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        hide = QPushButton(_("Hide"), self)
        hide.setAccessibleName(_("Hide these notes"))
        hide.clicked.connect(self.clear)
        buttons.addWidget(hide, 0, Qt.AlignmentFlag.AlignBottom)
        self._layout.addLayout(buttons)
        self.show()

    def refresh_words(self, words: HelpWords) -> None:
        """Show the hints on screen again with another country's numbers (chosen in Settings)."""
        if self.hints is not None and self._entry is not None and words != self._words:
            self.show_for(self._entry, words)

    def clear(self) -> None:
        self._entry = None
        self.hints = None
        self.help_buttons = []
        self.link_labels = []
        _clear(self._layout)
        self.hide()

    def text(self) -> str:
        """Every visible word, one widget per line (what a screen reader would read)."""
        words = [label.text() for label in self.findChildren(QLabel) if label.text()]
        words += [button.text() for button in self.findChildren(QPushButton)]
        return "\n".join(words)

    # --- private ------------------------------------------------------------------------
    def _rich(self, markup: str) -> QLabel:
        label = QLabel(markup, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.setOpenExternalLinks(False)
        label.linkActivated.connect(self._on_link)
        return label

    def _urgent_row(self, tier: Tier, signs: list[library.UrgentSign]) -> QHBoxLayout:
        """The tier's icon and words, the first sign it is about, and what to do now."""
        row = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(tier_pixmap(tier, int(self.fontMetrics().height() * 1.8), self.devicePixelRatioF()))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        label_words, action = tier.label_for(self._words), tier.action_for(self._words)
        icon.setAccessibleName(label_words)
        row.addWidget(icon)
        first = signs[0]
        more = len(signs) - 1
        others = " " + html.escape(ngettext("There is {count} more such sign on these pages.",
                                            "There are {count} more such signs on these pages.", more).format(count=more),
                                   quote=False) if more else ""
        page = f'<a href="{PAGE_PREFIX}{html.escape(first.page_id)}">{html.escape(first.page_title, quote=False)}</a>'
        # the message holds no tags: the tier in bold and the page link are filled in
        sentence = html.escape(_("{tier} if you see this: “{sign}” ({page})"), quote=False).format(
            tier=f"<b>{html.escape(label_words, quote=False)}</b>", sign=html.escape(first.text, quote=False), page=page)
        text = f"{sentence}{others}<br>{html.escape(action, quote=False)}"
        label = self._rich(text)
        label.setAccessibleName(f"{label_words}. {action}")
        self.link_labels.append(label)
        row.addWidget(label, 1)
        return row

    def _on_link(self, href: str) -> None:
        if href.startswith(PAGE_PREFIX):
            request(self, OPEN_EDUCATION_PAGE, href[len(PAGE_PREFIX):])
