"""The "Scores and check-in" page: PHQ-9 and GAD-7 results (entry form, list with the change since
the previous result, chart over time) and, on its own tab, the daily check-in in our own words.

Scoring and bands: PHQ-9 per Kroenke, Spitzer & Williams 2001; GAD-7 per Spitzer, Kroenke,
Williams & Löwe 2006 (``caregiver_app.domain.scores``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ...domain.model import Person
from ...domain.scores import Instrument, ScoreResult, change_text
from ...i18n import N_, _, pgettext
from ...services import journal, scores
from ..common import formatting
from ..common.building import column, list_hint, push_button, scroll_area, side_by_side, together, wrapping_row
from ..common.country import help_words
from ..common.form import FormPanel
from ..common.ops import SCORES
from ..common.page import Page, confirm
from ..context import AppContext
from .daily_checkin import DailyCheckinForm
from .journal_layout import TurningSplitter
from .score_chart import ScoreChart
from .score_form import ScoreForm

IdRole = Qt.ItemDataRole.UserRole + 1
def column_titles() -> list[str]:
    """The list's column titles in the language in force. "Severity" here is a questionnaire's
    published band, not a symptom's 0-10 rating: it has its own context (Spanish "Gravedad", not
    the symptom's "Intensidad")."""
    return [_("Date"), _("Questionnaire"), _("Total"), pgettext("questionnaire band", "Severity"), _("Change"),
            _("Recorded by"), _("Next visit")]


COLUMN_COUNT = 7


def score_rows(results: list[ScoreResult], person_name: str) -> list[tuple[ScoreResult, list[str]]]:
    """Newest first: each result with its columns, the change counted from the previous result of
    the same questionnaire."""
    previous: dict[Instrument, ScoreResult] = {}
    rows = []
    for result in sorted(results, key=lambda r: (r.taken_on, r.id or 0)):
        before = previous.get(result.instrument)
        change = change_text(None if before is None else result.total - before.total)
        flag = _("⚑ item 9 above 0") if result.needs_crisis_help else (_("⚑ yes") if result.flag_for_visit else "")
        rows.append((result, [
            f"{formatting.medium_date(result.taken_on)}",
            result.instrument.value,
            _("{total} of {max}").format(total=result.total, max=result.instrument.max_total),
            result.band.label,
            change,
            result.recorded_by.describe(person_name),
            flag,
        ]))
        previous[result.instrument] = result
    return list(reversed(rows))


class ScoresPage(Page):
    """Record PHQ-9 and GAD-7 results, see them over time, and do the daily check-in."""

    title = N_("Scores and check-in")
    watches = frozenset({SCORES})

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._context = context
        self._results: list[ScoreResult] = []
        self._build()
        self.set_person(None)

    # --- building -----------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """The country may have changed in Settings since the page was last shown."""
        self.refresh_country()
        super().showEvent(event)

    def refresh_country(self) -> None:
        """Show the crisis numbers of the country in effect now."""
        self.form.crisis.set_words(help_words(self._context.settings))

    def _build(self) -> None:
        self.form = ScoreForm(self)
        self.form.crisis.set_words(help_words(self._context.settings))
        self.panel = FormPanel(self._context, self.form, changes={SCORES}, save_text=_("&Save score"),
                               error_title=_("The score was not saved"), parent=self)
        self.panel.add_field("taken_on", self.form.taken_on)
        self.panel.save_requested.connect(self.save)
        self.panel.cancel_requested.connect(self.new_score)
        self.panel.saved.connect(self._on_saved)
        self.problem_label = self.panel.problem_label
        self.problem_label.setAccessibleName(_("Problem with this score"))
        self.status_label = self.panel.status_label
        self.save_button = self.panel.save_button
        self.cancel_button = self.panel.cancel_button
        self.form_scroll = scroll_area(column(self, self.panel, end_stretch=1), self, sideways=False)

        self.chart = ScoreChart(self)
        self.list_label = QLabel(_("Saved sc&ores, newest first"), self)
        self.list_label.setWordWrap(True)  # at large text it wraps rather than widening the page
        heading_font = self.list_label.font()
        heading_font.setBold(True)
        self.list_label.setFont(heading_font)
        self.list = QTreeWidget(self)
        self.list.setColumnCount(COLUMN_COUNT)
        self.list.setHeaderLabels(column_titles())
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(_("Saved PHQ-9 and GAD-7 scores, newest first"))
        self.list.itemDoubleClicked.connect(lambda *_: self.change_current())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list_label.setBuddy(self.list)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.change_button = push_button(_("Change…"), self, self.change_current,
                                         tip=_("Correct the chosen score in the form"))
        self.delete_button = push_button(_("Delete…"), self, self.delete_current)
        buttons = together(self, self.change_button, self.delete_button)  # under the words at large text
        list_panel = column(self, wrapping_row((self.list_label, buttons)),
                            self.empty_label, (self.list, 1), margins=False)
        right = side_by_side(self, self.chart, list_panel, vertical=True)
        # A short window (or large text) scrolls the chart and the list rather than squashing the
        # plot or making the window taller than the screen.
        self.right_scroll = scroll_area(right, self, focusable=False, sideways=False)
        # Beside the form the chart keeps a readable width (in font units); when the page cannot
        # hold both (18 pt in an 800 px window gave the chart 225 px and a 50 px sliver of plot),
        # the chart and the list go under the form, full width, as on the Journal page.
        self.splitter = TurningSplitter(self.form_scroll, self.right_scroll, self._column_least_width, self)
        self.splitter.setStretchFactor(0, 2)  # side by side, the chart grows faster than the form
        self.splitter.setStretchFactor(1, 3)

        self.daily = DailyCheckinForm(self._context, self)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.splitter, _("PHQ-9 and GAD-7"))
        self.tabs.addTab(scroll_area(self.daily, self), _("Daily check-in"))
        self.tabs.setAccessibleName(_("Scores and check-in"))
        self.body.addWidget(self.tabs, 1)
        self.form.items_rebuilt.connect(self._fix_tab_order)
        self.form.crisis_shown.connect(lambda: self.form_scroll.ensureWidgetVisible(self.form.crisis))
        self._fix_tab_order()

    def _column_least_width(self) -> int:
        """The chart-and-list column's least width beside the form: the chart's, plus the
        column's scroll bar when it scrolls."""
        bar = self.right_scroll.verticalScrollBar()
        return self.chart.least_width() + (bar.sizeHint().width() if bar.isVisible() else 0)

    def _fix_tab_order(self) -> None:
        chain = [self.tabs.tabBar(), *self.form.focus_widgets(), self.save_button, self.cancel_button,
                 self.chart.view, self.chart.summary, self.change_button, self.delete_button, self.list]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- the page ----------------------------------------------------------------------
    def set_person(self, person: Person | None) -> None:
        self.form.set_person(person)
        self.daily.set_person(person)
        super().set_person(person)

    def clear(self) -> None:
        """Drop every score and name from the widgets (the vault locked)."""
        super().clear()
        self.form.clear()
        self.daily.clear()
        self.chart.clear()

    def drop(self) -> None:
        self._results = []
        self.panel.reset()
        self.new_score()
        self._show_results()

    def load(self, person: Person) -> None:
        self.read(lambda vault: scores.list_scores(vault, person.id), self._got_results, key="scores",
                  error_title=_("The scores could not be read"))

    # --- public -------------------------------------------------------------------------
    def new_score(self) -> None:
        self.form.reset(journal.local_now(self._context.clock, self._context.zone_name).date())
        self.panel.show_problem("")
        self._update_buttons()

    def save(self) -> None:
        if self.person is not None:
            self.panel.submit(self._save_job, person_id=self.person.id)

    def _save_job(self):
        draft, clock = self.form.draft(), self._context.clock  # draft() raises ValidationError
        return lambda vault: scores.save_score(vault, draft, clock=clock)

    def current_result(self) -> ScoreResult | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return next((r for r in self._results if r.id == item.data(0, IdRole)), None)

    def change_current(self) -> None:
        result = self.current_result()
        if result is not None:
            self.form.load(result)
            self.status_label.hide()
            self._update_buttons()
            self.form.taken_on.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_current(self) -> None:
        result = self.current_result()
        if result is None or result.id is None:
            return
        question = _("Delete the {score} from {date}?").format(score=result.describe(),
                                                              date=formatting.medium_date(result.taken_on))
        if not confirm(self, question, yes=_("Delete score"), no=_("Keep it"), destructive=True,
                       title=_("Delete this score?")):
            return
        if self.form.editing is not None and self.form.editing.id == result.id:
            self.new_score()
        self.write(lambda vault: scores.delete_score(vault, result.id), {SCORES}, on_done=self._on_deleted,
                   error_title=_("The score was not deleted"))

    # --- private ------------------------------------------------------------------------
    def _got_results(self, results: list[ScoreResult]) -> None:
        self._results = results
        self._show_results()

    def _on_saved(self, result: ScoreResult) -> None:
        editing = self.form.editing is not None
        self.new_score()
        text = (_("Saved: {score} (changed).") if editing else _("Saved: {score} (new).")).format(score=result.describe())
        if result.needs_crisis_help:
            text += " " + _("It is marked to bring up at the next visit. Please also tell the care team today.")
        self.panel.show_status(text)  # the list reloads from ops.changed

    def _on_deleted(self, result: ScoreResult) -> None:
        self.panel.show_status(_("Deleted the {score}.").format(score=result.describe()))

    def _show_results(self) -> None:
        name = self.person.display_name if self.person else ""
        self.list.clear()
        for result, columns in score_rows(self._results, name):
            item = QTreeWidgetItem(columns)
            item.setData(0, IdRole, result.id)
            self.list.addTopLevelItem(item)
        for index in range(COLUMN_COUNT):
            self.list.resizeColumnToContents(index)
        self.chart.set_results(self._results)
        list_hint(self.empty_label, self.person, self._results,
                  no_person=_("Choose or add a person to record their scores."), none_yet=_("No scores saved yet."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_result() is not None
        self.change_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        editing = self.form.editing is not None
        self.cancel_button.setVisible(editing)
        self.save_button.setText(_("&Save changes") if editing else _("&Save score"))
