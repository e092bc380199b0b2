"""The dialog that lists each card that looks like someone already kept (or like an earlier
card in the same file) and asks, per pair: Merge, Keep both, or Skip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.phone_numbers import format_phone
from ...i18n import _, N_
from ...importers.vcard import CardCandidate
from ...services.vcards import Decision, DuplicatePair
from ..common import formatting
from ..common.building import scroll_area

CHOICES = ((Decision.MERGE, N_("Merge")), (Decision.KEEP_BOTH, N_("Keep both")), (Decision.SKIP, N_("Skip")))
ALL_CHOICES = {Decision.MERGE: N_("Merge all"), Decision.KEEP_BOTH: N_("Keep both all"), Decision.SKIP: N_("Skip all")}


def _summary(card_contact, region: str) -> str:
    bits = [card_contact.role.label]
    if card_contact.organisation:
        bits.append(card_contact.organisation)
    bits += [format_phone(p, region) for p in card_contact.phones[:2]]
    if card_contact.email:
        bits.append(card_contact.email)
    return " · ".join(bits)


class DuplicatesDialog(QDialog):
    """One box per pair with three choices (Merge is chosen at first). ``decisions()`` maps
    each card's index to the choice."""

    def __init__(self, pairs: list[DuplicatePair], cards: tuple[CardCandidate, ...], region: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Some contacts may already be here"))
        self._groups: dict[int, QButtonGroup] = {}
        outer = QVBoxLayout(self)
        intro = QLabel(
            _("These cards look like someone you already have. Merge adds what is new to the contact "
            "you have. Keep both adds the card as a separate contact. Skip leaves it out."), self)
        intro.setWordWrap(True)
        outer.addWidget(intro)
        all_row = QHBoxLayout()
        all_row.addWidget(QLabel(_("For all of them:"), self))
        for decision, _label in CHOICES:
            button = QPushButton(_(ALL_CHOICES[decision]), self)
            button.clicked.connect(lambda _c=False, d=decision: self.set_all(d))
            all_row.addWidget(button)
        all_row.addStretch(1)
        outer.addLayout(all_row)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        for pair in pairs:
            card = cards[pair.candidate_index]
            if pair.existing is not None:
                other_name, where = pair.existing.name, _("already in the network")
                other_line = _summary(pair.existing, region)
            else:
                earlier = cards[pair.earlier_index]
                other_name, where = earlier.contact.name, _("card {number} in this file").format(number=earlier.position)
                other_line = _summary(earlier.contact, region)
            box = QGroupBox(_("Card {number}: {name}").format(number=card.position, name=card.contact.name), body)
            box_layout = QVBoxLayout(box)
            # TRANSLATORS: {reasons} are the domain's reasons ("same phone number"), {where} "already in the network".
            text = QLabel(_("In the file: {card}\nLooks like {name}, {where} ({reasons}): {other}").format(
                card=_summary(card.contact, region), name=other_name, where=where,
                reasons=formatting.list_text([_(r) for r in pair.reasons]), other=other_line), box)
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            box_layout.addWidget(text)
            row = QHBoxLayout()
            group = QButtonGroup(box)
            for i, (decision, label) in enumerate(CHOICES):
                radio = QRadioButton(_(label), box)
                radio.setAccessibleName(_("{choice}: card {number}, {name}").format(
                    choice=_(label), number=card.position, name=card.contact.name))
                group.addButton(radio, i)
                row.addWidget(radio)
                if decision is Decision.MERGE:
                    radio.setChecked(True)
            row.addStretch(1)
            box_layout.addLayout(row)
            self._groups[pair.candidate_index] = group
            layout.addWidget(box)
        layout.addStretch(1)
        outer.addWidget(scroll_area(body, self), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(_("&Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.height() * 30)

    def set_all(self, decision: Decision) -> None:
        index = [d for d, _t in CHOICES].index(decision)
        for group in self._groups.values():
            group.button(index).setChecked(True)

    def set_choice(self, candidate_index: int, decision: Decision) -> None:
        self._groups[candidate_index].button([d for d, _t in CHOICES].index(decision)).setChecked(True)

    def decisions(self) -> dict[int, Decision]:
        return {i: CHOICES[g.checkedId()][0] for i, g in self._groups.items()}
