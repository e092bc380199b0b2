"""The Patterns page: a month calendar of mood marks, charts of a measure over 2 weeks, 3 months
or 1 year, and mood on days with and without each tag or symptom.

All numbers come from ``services.patterns`` as reads (``context.ops``); the widgets only show
them. The page reloads when the journal changes (``ops.changed``); ``clear()`` drops every name
and number (the vault locked).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.symptoms import symptom_label
from ...domain.model import Person, RecorderKind
from ...i18n import N_, _, ngettext
from ...services import journal, patterns
from ..common import formatting
from ..common.building import scroll_area, wrapping_row
from ..common.ops import JOURNAL, Op
from ..common.page import Page
from ..common.trust_widgets import plain_label
from ..context import AppContext
from .month_calendar import MonthCalendar, long_day
from .trend_chart import TrendChart

MEASURES = ((N_("Mood"), "mood"), (N_("Hours of sleep"), "sleep"), (N_("Anxiety"), "anxiety"), (N_("Energy"), "energy"))
COMPARE_SPANS = ((N_("the last 3 months"), 91), (N_("the last year"), 365), (N_("all time"), 0))
PERIOD_WORDS = (N_("&2 weeks"), N_("&3 months"), N_("&1 year"), N_("&5 years"))
"""The chart's periods, in the order of ``patterns.PERIODS`` (one mnemonic each)."""
RULE = N_(
    "A tag or symptom is listed only when there are at least {n} days with it and {n} days without it "
    "that have a mood recorded; with fewer days, an average says too little. A day's mood is the "
    "average of its entries. These averages show which days went together, not the reason for a change."
)


class PatternsPage(Page):
    """Calendar, charts and mood comparisons for the chosen person. ``day_chosen(date)`` asks the
    window to show that day's entries in the journal."""

    title = N_("Patterns")
    watches = frozenset({JOURNAL})
    day_chosen = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._context = context
        self._symptoms: list[str] = []
        self._reads: dict[str, Op] = {}
        self._same_person = False
        self._loaded_on: date | None = None
        self._build()
        self.set_person(None)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.empty_label = plain_label(parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("Kinds of pattern"))
        self.tabs.tabBar().setAccessibleName(_("Kinds of pattern"))
        self.tabs.addTab(self._build_calendar_tab(), _("&Calendar"))
        self.tabs.addTab(self._build_chart_tab(), _("Char&ts"))
        self.tabs.addTab(self._build_compare_tab(), _("&Mood on days with…"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        self.body.addWidget(self.empty_label)
        self.body.addWidget(self.tabs, 1)

    def _build_calendar_tab(self) -> QWidget:
        tab = QWidget(self)
        self.calendar = MonthCalendar(tab)
        self.calendar.month_changed.connect(lambda _y, _m: self._load_month())
        self.calendar.day_activated.connect(self._on_day_activated)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.calendar)
        # At large text the month is taller than a small window: it scrolls instead of growing it.
        return scroll_area(tab, self, sideways=False, focusable=False)

    def _build_chart_tab(self) -> QWidget:
        tab = QWidget(self)
        self.measure_combo = QComboBox(tab)
        self.measure_combo.setAccessibleName(_("What to chart"))
        self.measure_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.measure_combo.currentIndexChanged.connect(lambda _i: self._load_trend())
        measure_label = QLabel(_("&Show"), tab)
        measure_label.setBuddy(self.measure_combo)
        self.period_group = QButtonGroup(self)
        self.period_buttons: dict[str, QRadioButton] = {}
        measure_row = QHBoxLayout()
        measure_row.addWidget(measure_label)
        measure_row.addWidget(self.measure_combo, 1)
        period_label = QLabel(_("Over the last"), tab)
        for words, p in zip(PERIOD_WORDS, patterns.PERIODS):
            button = QRadioButton(_(words), tab)
            button.setAccessibleName(_("Chart the last {period}").format(period=_(words).replace("&", "")))
            self.period_group.addButton(button)
            self.period_buttons[p.key] = button
        # What and how long side by side while they fit; at large text the periods wrap under.
        period_row = wrapping_row((period_label, *self.period_buttons.values()))
        top = QHBoxLayout()
        top.addLayout(measure_row)
        top.addSpacing(self.fontMetrics().averageCharWidth() * 3)
        top.addLayout(period_row, 1)
        self.period_buttons["3m"].setChecked(True)
        self.period_group.buttonToggled.connect(lambda _b, on: on and self._load_trend())
        self.chart = TrendChart(tab)
        self._fill_measures([])
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.chart, 1)
        # At large text in a short window the chart keeps a readable plot (the title, legend and
        # summary had left it a 50 px sliver at 18 pt in 700 px): the tab scrolls instead.
        return scroll_area(tab, self, sideways=False, focusable=False)

    def _build_compare_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.span_combo = QComboBox(tab)
        for text, _days in COMPARE_SPANS:
            words = _(text)
            self.span_combo.addItem(words[:1].upper() + words[1:])
        self.span_combo.setAccessibleName(_("Which days to compare"))
        self.span_combo.currentIndexChanged.connect(lambda _i: self._load_comparisons())
        form.addRow(_("&Days from"), self.span_combo)
        self.whose_combo = QComboBox(tab)
        self.whose_combo.addItem(_("Everyone's entries"), None)
        self.whose_combo.addItem(_("The person's own entries"), RecorderKind.PERSON)
        self.whose_combo.addItem(_("Family observations"), RecorderKind.FAMILY)
        self.whose_combo.setAccessibleName(_("Whose mood to use"))
        self.whose_combo.currentIndexChanged.connect(lambda _i: self._load_comparisons())
        form.addRow(_("Mood f&rom"), self.whose_combo)
        self.compare_intro = QLabel(tab)
        self.compare_intro.setWordWrap(True)
        self.compare_list = QListWidget(tab)
        self.compare_list.setAccessibleName(_("Mood on days with and without each tag or symptom"))
        self.compare_list.setWordWrap(True)
        self.compare_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.compare_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.compare_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.compare_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.compare_list.setSpacing(max(2, self.fontMetrics().height() // 6))
        self.compare_note = QLabel(tab)
        self.compare_note.setWordWrap(True)
        self.rule_label = QLabel(_(RULE).format(n=patterns.MIN_DAYS), tab)
        self.rule_label.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(self.compare_intro)
        layout.addWidget(self.compare_list, 1)
        layout.addWidget(self.compare_note)
        layout.addWidget(self.rule_label)
        return tab

    # --- the page -----------------------------------------------------------------------
    def set_person(self, person: Person | None) -> None:
        """Show ``person``'s patterns (None: a short hint). The same person again keeps the
        chosen day and month."""
        self._same_person = person is not None and self.person is not None and person.id == self.person.id
        super().set_person(person)
        self.empty_label.setText("" if person else _("Choose or add a person to see the patterns in their journal."))
        self.empty_label.setVisible(person is None)

    def drop(self) -> None:
        """Forget the person's numbers (and, unless the same person is shown again, the day)."""
        for op in self._reads.values():  # answers for the person before are never shown
            op.cancel()
        self._reads.clear()
        person = self.person
        if not self._same_person:
            self.calendar.clear()
            self.chart.clear()
            self.compare_list.clear()
            self.compare_intro.clear()
            self.compare_note.clear()
        if person is None:
            self._symptoms = []
            self._fill_measures([], force=True)
        self.calendar.set_person_name(person.display_name if person else "")
        if person is not None:
            today = self._today()
            self.calendar.set_today(today)
            if not self._same_person:
                self.calendar.set_selected_date(today)
        self._same_person = False

    def clear(self) -> None:
        """Drop every name and number (the vault locked)."""
        self._same_person = False
        super().clear()

    def load(self, _person: Person) -> None:
        """Read everything again for the tab on screen (and the calendar month)."""
        self._loaded_on = self._today()
        self._load_choices()
        self._load_month()
        self._refresh_current()

    def refresh(self) -> None:
        """Read everything again (same as :meth:`reload`)."""
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """A new day since the last read (midnight, or another time zone in Settings): read
        again, so "today" and "the last 3 months" mean today's."""
        super().showEvent(event)
        if self.person is not None and self._loaded_on != self._today():
            self.calendar.set_today(self._today())
            self.reload()

    # --- loading ------------------------------------------------------------------------
    def _today(self) -> date:
        return journal.local_now(self._context.clock, self._context.zone_name).date()

    def _run(self, key: str, job, done, title: str) -> None:
        """Read ``job(vault, person_id)`` for the chosen person; a newer read of ``key`` replaces
        this one."""
        person = self.person
        if person is None or person.id is None:
            return
        self._reads[key] = self.read(lambda vault: job(vault, person.id), done, key=key, error_title=title)

    def _refresh_current(self) -> None:
        index = self.tabs.currentIndex()
        if index == 1:
            self._load_trend()
        elif index == 2:
            self._load_comparisons()

    def _load_month(self) -> None:
        year, month = self.calendar.shown_month
        self._run("month", lambda v, pid: patterns.month_marks(v, pid, year, month),
                  lambda marks: self.calendar.set_marks(year, month, marks), _("The calendar could not be read"))

    def _load_choices(self) -> None:
        self._run("symptoms", patterns.recorded_symptoms, self._fill_measures,
                  _("The list of symptoms could not be read"))

    def _fill_measures(self, symptoms: list[str], *, force: bool = False) -> None:
        if symptoms == self._symptoms and self.measure_combo.count() and not force:
            return
        current = self.measure_combo.currentData()
        self._symptoms = list(symptoms)
        self.measure_combo.blockSignals(True)
        self.measure_combo.clear()
        for text, kind in MEASURES:
            self.measure_combo.addItem(_(text), patterns.Measure(kind))
        for name in symptoms:
            self.measure_combo.addItem(_("{name} (symptom)").format(name=symptom_label(name)), patterns.Measure("symptom", name))
        index = next((i for i in range(self.measure_combo.count()) if self.measure_combo.itemData(i) == current), 0)
        self.measure_combo.setCurrentIndex(index)
        self.measure_combo.blockSignals(False)

    def current_measure(self) -> patterns.Measure:
        return self.measure_combo.currentData() or patterns.Measure("mood")

    def current_period(self) -> patterns.Period:
        key = next((k for k, b in self.period_buttons.items() if b.isChecked()), "3m")
        return patterns.period(key)

    def _load_trend(self) -> None:
        if self.tabs.currentIndex() != 1 or self.person is None:
            return
        measure, period, today = self.current_measure(), self.current_period(), self._today()
        name = self.person.display_name
        self._run("trend", lambda v, pid: patterns.trend(v, pid, measure, period, today),
                  lambda trend: self.chart.set_trend(trend, name), _("The chart could not be drawn"))

    def _load_comparisons(self) -> None:
        if self.tabs.currentIndex() != 2 or self.person is None:
            return
        today = self._today()
        label, days = COMPARE_SPANS[max(self.span_combo.currentIndex(), 0)]
        whose = self.whose_combo.currentData()

        def job(vault, person_id):
            start = today - timedelta(days=days - 1) if days else (patterns.first_entry_date(vault, person_id) or today)
            return patterns.mood_comparisons(vault, person_id, start, today, recorder=whose)

        self._run("compare", job, lambda result: self._show_comparisons(result, _(label)),
                  _("The comparison could not be made"))

    def _show_comparisons(self, result: patterns.MoodComparisons, span: str) -> None:
        self.compare_list.clear()
        self.compare_intro.setText(ngettext(
            "From {start} to {end}: {count} day with a mood recorded. Largest differences first.",
            "From {start} to {end}: {count} days with a mood recorded. Largest differences first.",
            result.days_with_mood).format(start=long_day(result.start), end=long_day(result.end),
                                          count=formatting.count_text(result.days_with_mood)))
        for comparison in result.shown:
            sentence = comparison.sentence(formatting.report_format())
            item = QListWidgetItem(sentence)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, sentence)
            self.compare_list.addItem(item)
        self.compare_list.scrollToTop()
        if not result.shown:
            self.compare_note.setText(ngettext(
                "Nothing to compare yet for {span}: no tag or symptom has {count} day with it and "
                "{count} day without it.",
                "Nothing to compare yet for {span}: no tag or symptom has {count} days with it and "
                "{count} days without it.", result.min_days).format(span=span, count=result.min_days))
        elif result.hidden:
            self.compare_note.setText(ngettext(
                "{count} more tag or symptom is not listed because there are too few days to compare.",
                "{count} more tags and symptoms are not listed because there are too few days to compare.",
                result.hidden).format(count=formatting.count_text(result.hidden)))
        else:
            self.compare_note.clear()

    def _on_day_activated(self, day: date) -> None:
        mark = self.calendar.model.mark(day)
        if mark is None or mark.entries == 0:
            self.calendar.details.setText(_("{day}: nothing recorded, so there are no entries to show.").format(
                day=long_day(day)))
            return
        self.day_chosen.emit(day)
