"""The Search page: find words in journal notes, narrowed by person, who recorded, tag, symptom,
flag and dates. Matching words show in bold. Enter or a double click opens the entry in the
journal (``entry_chosen(person_id, entry_id)``).

A :class:`~caregiver_app.gui.common.page.Page`: searching is an ops read of ``services.search`` (keyed,
so only the newest search is shown), a moment after typing stops (or at once with Enter); a change
to the journal or the people anywhere searches again. Any typed text is safe: the service quotes it
before FTS5 sees it. Words in Chinese, Japanese, Korean or Thai are found inside sentences, and a
word found only inside longer words is said so above the results.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeySequence,
    QPalette,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...domain import timeutil
from ...domain.errors import ValidationError
from ...domain.model import Person, RecorderKind, Tag
from ...services import journal, people, search
from ..common import formatting
from ..common.ops import JOURNAL, PEOPLE
from ..common.building import together, wrapping_row
from ..common.page import Page
from ..context import AppContext
from .journal_model import day_heading, time_text

TYPING_PAUSE_MS = 300
HtmlRole = Qt.ItemDataRole.UserRole + 1
HitRole = Qt.ItemDataRole.UserRole + 2
DATE_SPANS = (("Any time", None), ("The last 30 days", 30), ("The last 3 months", 91), ("The last year", 365),
              ("Between these dates", -1))


def hit_heading(hit: search.SearchHit, local_time) -> str:
    """``"Monday 30 November 2026, 9:15 AM · Sam (self) · Mood: good · ⚑ flagged"``."""
    parts = [f"{day_heading(hit.local_date)}, {time_text(local_time)}", hit.recorded_by.describe(hit.person_name)]
    if hit.mood is not None:
        parts.append(f"Mood: {hit.mood.label}")
    if hit.flagged:
        parts.append("⚑ flagged for the next visit")
    return " · ".join(parts)


def excerpt_html(pieces: tuple[tuple[str, bool], ...]) -> str:
    """The excerpt as HTML: every piece escaped, matching words in bold."""
    out = []
    for text, matched in pieces:
        safe = html.escape(text)
        out.append(f"<b>{safe}</b>" if matched else safe)
    return "".join(out) or "<i>(no note)</i>"


class SearchResultsModel(QAbstractListModel):
    """Search hits, one row each: a heading line and the excerpt with bold matches."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[search.SearchHit, str, str, str]] = []

    def set_hits(self, hits, zone_name: str) -> None:
        self.beginResetModel()
        fallback = timeutil.zone_or(zone_name, timeutil.zone("UTC"))
        rows = []
        for hit in hits:
            local = timeutil.utc_to_local(hit.occurred_at, timeutil.zone_or(hit.zone_name, fallback))
            heading = hit_heading(hit, local)
            excerpt_plain = "".join(t for t, _m in hit.excerpt)
            matched = ", ".join(dict.fromkeys(t for t, m in hit.excerpt if m))
            rich = f"{html.escape(heading)}<br>{excerpt_html(hit.excerpt)}"
            spoken = f"{heading}. {excerpt_plain}" + (f" Matching words: {matched}." if matched else "")
            rows.append((hit, f"{heading}\n{excerpt_plain}", rich, spoken))
        self._rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def hit_at(self, index: QModelIndex) -> search.SearchHit | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()][0]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit, plain, rich, spoken = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return plain
        if role == HtmlRole:
            return rich
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken
        if role == HitRole:
            return hit
        return None


class RichTextDelegate(QStyledItemDelegate):
    """Draws an item's ``HtmlRole`` text wrapped to the view's width, in the palette's colours."""

    def __init__(self, view: QListView):
        super().__init__(view)
        self._view = view

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(max(2, option.fontMetrics.height() // 4))
        doc.setHtml(index.data(HtmlRole) or "")
        doc.setTextWidth(max(width, 40))
        return doc

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self._view)
        doc = self._document(opt, index, opt.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._view.viewport().width()
        doc = self._document(opt, index, width)
        return QSize(width, int(doc.size().height()) + opt.fontMetrics.height() // 3)


UNSEARCHABLE = "Search looks for words and numbers. Emoji and signs on their own are not searched."


class SearchPanel(Page):
    """Find entries by words and filters; open one in the journal."""

    title = "Search the journal"
    watches = frozenset({JOURNAL, PEOPLE})
    entry_chosen = Signal(int, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._context = context
        self._searched = 0
        self._limit = search.MAX_RESULTS  # grows with "Show more"; back to one page on a new search
        self._keep_limit = False
        self._build()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self.set_person(None)

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.query_edit = QLineEdit(self)
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setPlaceholderText("For example: headache after lunch")
        self.query_edit.setAccessibleName("Words to find in notes")
        shortcut = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
        self.query_edit.setToolTip(f"Words to find in the notes ({shortcut} from anywhere)")
        self.query_edit.textEdited.connect(lambda _t: self.timer.start())
        self.query_edit.returnPressed.connect(self.run_search)
        query_label = QLabel("Fi&nd words in notes", self)
        query_label.setBuddy(self.query_edit)
        self.search_button = QPushButton("Search", self)
        self.search_button.setAccessibleName("Search now")
        self.search_button.clicked.connect(self.run_search)
        query_row = QHBoxLayout()
        query_row.addWidget(query_label)
        query_row.addWidget(self.query_edit, 1)
        query_row.addWidget(self.search_button)

        self.filters = QGroupBox("Narrow it down", self)
        grid = QGridLayout(self.filters)
        self.person_combo = self._combo("Whose journal", [("Everyone", None)])
        self.recorder_combo = self._combo("Recorded by", [
            ("Anyone", None), ("The person themselves", RecorderKind.PERSON), ("A family member", RecorderKind.FAMILY),
        ])
        self.tag_combo = self._combo("Tag", [("Any tag", None)])
        self.symptom_combo = self._combo("Symptom", [("Any symptom", None)])
        self.span_combo = self._combo("Dates", [(text, days) for text, days in DATE_SPANS])
        self.order_combo = self._combo("Order", [("Newest first", False), ("Best match first", True)])
        self.from_edit = self._date_edit("From")
        self.to_edit = self._date_edit("To")
        self.flag_check = QCheckBox("Only entries to &bring up at the next visit", self.filters)
        self.flag_check.toggled.connect(lambda _on: self.run_search())
        from_label = QLabel("fro&m", self.filters)
        from_label.setBuddy(self.from_edit)
        to_label = QLabel("&to", self.filters)
        to_label.setBuddy(self.to_edit)
        # "from <date>" and "to <date>" each stay together when the row wraps at large text.
        dates = wrapping_row((self.span_combo, together(self.filters, from_label, self.from_edit),
                              together(self.filters, to_label, self.to_edit)))
        rows = [("&Whose journal", self.person_combo), ("&Recorded by", self.recorder_combo),
                ("T&ag", self.tag_combo), ("S&ymptom", self.symptom_combo)]
        for i, (text, combo) in enumerate(rows):
            label = QLabel(text, self.filters)
            label.setBuddy(combo)
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(combo, i // 2, (i % 2) * 2 + 1)
        dates_label = QLabel("&Dates", self.filters)
        dates_label.setBuddy(self.span_combo)
        grid.addWidget(dates_label, 2, 0)
        grid.addLayout(dates, 2, 1, 1, 3)
        order_label = QLabel("&Order", self.filters)
        order_label.setBuddy(self.order_combo)
        grid.addWidget(order_label, 3, 0)
        grid.addWidget(self.order_combo, 3, 1)
        # Its own line: beside Order, its long words made the box wider than a small window at large text.
        grid.addWidget(self.flag_check, 4, 0, 1, 4)
        # Imports made before tags were matched ignoring case may have left "Cleaning" and
        # "cleaning" as two tags; offer to make them one (hidden when there are none).
        self.spelling_label = QLabel(self.filters)
        self.spelling_label.setWordWrap(True)
        self.merge_button = QPushButton("Make them one tag", self.filters)
        self.merge_button.setAccessibleName("Merge tags written two ways")
        self.merge_button.clicked.connect(self.merge_tag_spellings)
        grid.addWidget(self.spelling_label, 5, 0, 1, 3)
        grid.addWidget(self.merge_button, 5, 3)
        self.spelling_label.hide()
        self.merge_button.hide()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName("Search result")
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setAccessibleName("Entries found")
        self.results.setAccessibleDescription("Press Enter to open the entry in the journal")
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setUniformItemSizes(False)
        self.results.setWordWrap(True)
        self.results.doubleClicked.connect(self._open_index)
        self.results.installEventFilter(self)
        self.query_edit.installEventFilter(self)
        self.open_button = QPushButton("O&pen in the journal", self)
        self.open_button.setToolTip("Open the chosen entry in the journal (Enter)")
        self.open_button.clicked.connect(lambda: self._open_index(self.results.currentIndex()))
        self.open_button.setEnabled(False)
        self.results.selectionModel().currentChanged.connect(
            lambda current, _old: self.open_button.setEnabled(self.model.hit_at(current) is not None)
        )
        self.more_button = QPushButton("Show more", self)
        self.more_button.setAccessibleName("Show more results")
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        result_row = QHBoxLayout()
        result_row.addWidget(self.result_label, 1)
        result_row.addWidget(self.more_button)
        result_row.addWidget(self.open_button)

        self.body.addLayout(query_row)
        self.body.addWidget(self.filters)
        self.body.addLayout(result_row)
        self.body.addWidget(self.results, 1)
        self._update_date_edits()

    def _combo(self, name: str, items) -> QComboBox:
        combo = QComboBox(self.filters)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(lambda _i: self._on_filter_changed())
        return combo

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self.filters)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(formatting.date_pattern())
        edit.setAccessibleName(f"{name} date")
        edit.setDate(QDate.currentDate())
        edit.dateChanged.connect(lambda _d: self._on_filter_changed())
        return edit

    # --- the page -----------------------------------------------------------------------
    def load(self, person: Person) -> None:
        """Search ``person``'s journal by default (the person chosen at the top of the window);
        search again with what the form holds (a person change, or the journal changed)."""
        if self.isVisible():
            self.load_choices()
        self.run_search()

    def drop(self) -> None:
        self._show_hint()

    def clear(self) -> None:
        """Drop every result, name, tag and typed word (the vault locked)."""
        self.timer.stop()
        self.query_edit.clear()
        self.model.clear()
        for combo, keep in ((self.person_combo, 1), (self.tag_combo, 1), (self.symptom_combo, 1)):
            combo.blockSignals(True)
            while combo.count() > keep:
                combo.removeItem(combo.count() - 1)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.flag_check.blockSignals(True)
        self.flag_check.setChecked(False)
        self.flag_check.blockSignals(False)
        super().clear()

    # --- public -------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+F)."""
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def query(self) -> search.SearchQuery:
        """What the form asks for. Raises :class:`ValidationError` for dates in the wrong order."""
        days = self.span_combo.currentData()
        today = self._today()
        start = end = None
        if days == -1:
            start, end = _to_date(self.from_edit.date()), _to_date(self.to_edit.date())
            if end < start:
                raise ValidationError("The “to” date is before the “from” date. Please swap them.")
        elif days:
            start, end = today - timedelta(days=days - 1), today
        return search.SearchQuery(
            text=self.query_edit.text(),
            person_id=self.person_combo.currentData(),
            recorded_by=self.recorder_combo.currentData(),
            tag=self.tag_combo.currentData(),
            symptom=self.symptom_combo.currentData() or "",
            flagged_only=self.flag_check.isChecked(),
            start=start,
            end=end,
            limit=self._limit,
            best_first=bool(self.order_combo.currentData()),
        )

    def show_more(self) -> None:
        """The next page of results below the ones shown (same search)."""
        self._limit = min(self._limit + search.MAX_RESULTS, search.MAX_LIMIT)
        self._keep_limit = True
        try:
            self.run_search()
        finally:
            self._keep_limit = False

    def run_search(self) -> None:
        """Search now with what the form holds."""
        self.timer.stop()
        if not self._keep_limit:
            self._limit = search.MAX_RESULTS
        try:
            query = self.query()
        except ValidationError as exc:
            self.result_label.setText(str(exc))
            self.model.clear()
            return
        if not search.search_terms(query.text) and not query.has_filters:
            self._show_hint()
            if query.text.strip():
                self.result_label.setText(UNSEARCHABLE)
            return
        self.read(lambda vault: search.search(vault, query), self._show_result, key="search",
                  error_title="The search did not work")

    def load_choices(self) -> None:
        """Read the people, tags and symptoms offered as filters."""
        def job(vault):
            return (people.list_people(vault), journal.tag_choices(vault), journal.symptom_choices(vault),
                    journal.tag_spelling_groups(vault))

        def done(result) -> None:
            self._fill_choices(*result[:3])
            self._offer_merge(result[3])

        self.read(job, done, key="choices", error_title="The filters could not be read")

    def merge_tag_spellings(self) -> None:
        """Make each tag written in two cases one tag (its first spelling); the page then reloads
        from the change."""

        def done(count: int) -> None:
            self.spelling_label.setText(f"Done: {count} tag{'s' if count != 1 else ''} merged. "
                                        "Every entry kept its tags.")
            self.merge_button.hide()

        self.write(journal.merge_tag_spellings, {JOURNAL}, on_done=done, error_title="The tags were not merged")

    def _filter_hint(self, terms: tuple[str, ...]) -> str:
        """Search reads notes only; a word that is a tag or a symptom is pointed to its filter."""
        words = {t.casefold() for t in terms}
        for combo, what, where in ((self.tag_combo, "a tag", "Tag"), (self.symptom_combo, "a symptom", "Symptom")):
            for i in range(1, combo.count()):
                data = combo.itemData(i)
                name = data.name if isinstance(data, Tag) else str(data)
                if name.casefold() in words:
                    return (f"No note has these words, but “{name}” is {what}. Choose it under {where} "
                            "above to see those entries.")
        return ""

    def _offer_merge(self, groups: list[list[Tag]]) -> None:
        if not groups:
            self.merge_button.hide()
            if not self.spelling_label.text().startswith("Done"):
                self.spelling_label.hide()
            return
        shown = "; ".join(" and ".join(f"“{t.name}”" for t in group) for group in groups[:3])
        more = f" and {len(groups) - 3} more" if len(groups) > 3 else ""
        self.spelling_label.setText(f"Some tags are written two ways: {shown}{more}.")
        self.spelling_label.show()
        self.merge_button.show()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.load_choices()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.results:
                self._open_index(self.results.currentIndex())
                return True
        if watched is self.query_edit and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.model.rowCount():  # from the box straight into the results
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0))
                return True
        return super().eventFilter(watched, event)

    # --- private ------------------------------------------------------------------------
    def _today(self) -> date:
        return journal.local_now(self._context.clock, self._context.zone_name).date()

    def _fill_choices(self, everyone: list[Person], tags: list[Tag], symptoms: list[str]) -> None:
        def refill(combo: QComboBox, items, keep_data) -> None:
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(combo.count() - 1)
            for text, data in items:
                combo.addItem(text, data)
            index = next((i for i in range(combo.count()) if combo.itemData(i) == keep_data), 0)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

        wanted_person = self.person_combo.currentData()
        if self._searched == 0 and self.person is not None:
            wanted_person = self.person.id
        refill(self.person_combo, [(p.display_name, p.id) for p in everyone], wanted_person)
        refill(self.tag_combo, [(f"{t.name} ({t.kind.value})", t) for t in tags], self.tag_combo.currentData())
        refill(self.symptom_combo, [(s, s) for s in symptoms], self.symptom_combo.currentData())

    def _on_filter_changed(self) -> None:
        self._update_date_edits()
        self._searched += 1
        self.run_search()

    def _update_date_edits(self) -> None:
        between = self.span_combo.currentData() == -1
        self.from_edit.setEnabled(between)
        self.to_edit.setEnabled(between)

    def _show_hint(self) -> None:
        self.more_button.hide()
        self.model.clear()
        self.open_button.setEnabled(False)
        self.result_label.setText("Type a word or choose a filter to find entries. Every word you type must be in the note.")

    def _show_result(self, result: search.SearchResult) -> None:
        self.model.set_hits(result.hits, self._context.zone_name)
        self.open_button.setEnabled(False)
        if result.total == 0 and self.query_edit.text().strip() and not result.terms:
            text = UNSEARCHABLE
        elif result.total == 0 and self._filter_hint(result.terms):
            text = self._filter_hint(result.terms)
        elif result.total == 0:
            text = "No entries match. Try fewer words, or fewer filters."
        elif result.truncated:
            more = "Show more, or add" if self._limit < search.MAX_LIMIT else "Add"
            text = (f"Showing the newest {formatting.count_text(len(result.hits))} of "
                    f"{formatting.count_text(result.total)} entries found. {more} a word or a filter to see fewer.")
            if self.order_combo.currentData():
                text = text.replace("newest", "best-matching")
        else:
            text = "1 entry found." if result.total == 1 else f"{formatting.count_text(result.total)} entries found."
        if result.inside_words:
            text = "No note has these as whole words, but they are inside longer words here. " + text
        if search.words_left_out(self.query_edit.text()):
            text = f"Only the first {search.MAX_TERMS} words are searched. " + text
        if result.total:
            text += " Press Enter on one to open it in the journal."
        self.result_label.setText(text)
        self.more_button.setVisible(result.truncated and self._limit < search.MAX_LIMIT)

    def _open_index(self, index: QModelIndex) -> None:
        hit = self.model.hit_at(index)
        if hit is not None:
            self.entry_chosen.emit(hit.person_id, hit.entry_id)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())

