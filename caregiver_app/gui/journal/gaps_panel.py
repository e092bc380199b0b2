"""The gaps panel: what support is missing, how many clinical and nonclinical contacts there
are, and when each was last in touch — in gentle, plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.network import SupportType
from ...i18n import _, ngettext
from ...services.network import GapReport
from ..common.building import scroll_area
from ..common.page import heading
from ..common.trust_widgets import plain_label


def _text(parent: QWidget, name: str) -> QLabel:
    """A line of the panel that can be selected and reached with Tab (screen readers read it)."""
    label = plain_label(name=name, parent=parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return label


def _some(names: tuple[str, ...], shown: int = 4) -> str:
    """The first few names, then how many more."""
    text = ", ".join(names[:shown])
    more = len(names) - shown
    return ngettext("{names} and {count} more", "{names} and {count} more", more).format(names=text, count=more) \
        if more > 0 else text


def count_words(report: GapReport) -> str:
    """E.g. "5 people and groups: 2 in the care team (clinical) and 3 others (nonclinical)."""
    if report.total == 0:
        return _("No one is listed yet.")
    # Two numbers, each with its own plural: each is a phrase of its own, placed by the sentence.
    total = ngettext("{count} person or group", "{count} people and groups", report.total).format(count=report.total)
    others = ngettext("{count} other", "{count} others", report.nonclinical).format(count=report.nonclinical)
    return _("{total}: {clinical} in the care team (clinical) and {others} (nonclinical).").format(
        total=total, clinical=report.clinical, others=others)


def gaps_words(report: GapReport, crisis_line: str = "") -> str:
    """The missing support types, one gentle line each, or a line saying every kind is there.
    ``crisis_line`` is the country's (see ``GapReport.sentences``)."""
    lines = report.sentences(crisis_line)
    if report.total and not report.missing:
        return _("Every kind of support has at least one person. That is a good base to build on.")
    return "\n".join(f"• {line}" for line in lines)


def givers_words(report: GapReport) -> str:
    """Who gives each kind of support that someone gives."""
    lines = []
    for kind in SupportType:
        names = report.givers.get(kind, ())
        if names:
            lines.append("• " + _("{kind}: {names}").format(kind=kind.label, names=_some(names)))
    return "\n".join(lines)


def touch_words(report: GapReport) -> str:
    """One line per contact, longest ago first."""
    if not report.touch:
        return ""
    return "\n".join("• " + _("{name}: {words}").format(name=line.name, words=line.words[:1].lower() + line.words[1:])
                     for line in report.touch)


class GapsPanel(QWidget):
    """Shows a :class:`GapReport`."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(heading(_("What is there and what is missing"), body))
        self.counts = _text(body, _("How many contacts"))
        self.gaps_title = plain_label(_("Not covered yet"), bold=True, parent=body)
        self.gaps = _text(body, _("Support types with no one listed"))
        self.givers_title = plain_label(_("Who helps with what"), bold=True, parent=body)
        self.givers = _text(body, _("Who gives each kind of support"))
        self.stress = _text(body, _("Stressful ties"))
        self.touch_title = plain_label(_("Last in touch"), bold=True, parent=body)
        self.touch = _text(body, _("When each contact was last in touch"))
        for label in (self.counts, self.gaps_title, self.gaps, self.givers_title, self.givers, self.stress,
                      self.touch_title, self.touch):
            layout.addWidget(label)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll_area(body, self, focusable=False))
        self.clear()

    def clear(self) -> None:
        for label in (self.counts, self.gaps, self.givers, self.stress, self.touch):
            label.clear()
        for label in (self.gaps_title, self.givers_title, self.touch_title, self.stress):
            label.hide()

    def set_report(self, report: GapReport, crisis_line: str = "") -> None:
        """Show ``report``; ``crisis_line`` names the country's crisis line in the crisis gap."""
        self.counts.setText(count_words(report))
        self.gaps_title.setVisible(bool(report.total))
        self.gaps.setText(gaps_words(report, crisis_line))
        givers = givers_words(report)
        self.givers.setText(givers)
        self.givers_title.setVisible(bool(givers))
        self.givers.setVisible(bool(givers))
        if report.stressful:
            self.stress.setText(_("Marked as stressful: {names}. Hard ties are common. It can help to talk them over "
                                  "with someone you trust or the care team.").format(names=_some(report.stressful)))
            self.stress.show()
        else:
            self.stress.hide()
        touch = touch_words(report)
        undated = touch and any(t.days_ago is None for t in report.touch)
        self.touch.setText(touch + ("\n\n" + _("You can note the date in each contact. It helps to see who you have not "
                                             "heard from in a while.") if undated else ""))
        self.touch_title.setVisible(bool(touch))
        self.touch.setVisible(bool(touch))
