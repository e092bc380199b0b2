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
from ...domain.model import Person, RecorderKind, Tag, TagKind
from ...domain.symptoms import symptom_label
from ...i18n import N_, _, ngettext
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
DATE_SPANS = ((N_("Any time"), None), (N_("The last 30 days"), 30), (N_("The last 3 months"), 91),
              (N_("The last year"), 365), (N_("Between these dates"), -1))


def hit_heading(hit: search.SearchHit, local_time) -> str:
    """``"Monday 30 November 2026, 9:15 AM · Sam (self) · Mood: good · ⚑ flagged"``."""
    parts = [f"{day_heading(hit.local_date)}, {time_text(local_time)}", hit.recorded_by.describe(hit.person_name)]
    if hit.mood is not None:
        parts.append(_("Mood: {mood}").format(mood=hit.mood.label))
    if hit.flagged:
        parts.append(_("⚑ flagged for the next visit"))
    return " · ".join(parts)


def excerpt_html(pieces: tuple[tuple[str, bool], ...]) -> str:
    """The excerpt as HTML: every piece escaped, matching words in bold."""
    out = []
    for text, matched in pieces:
        safe = html.escape(text)
        out.append(f"<b>{safe}</b>" if matched else safe)
    return "".join(out) or f"<i>{html.escape(_('(no note)'))}</i>"


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
            spoken = f"{heading}. {excerpt_plain}"
            if matched:
                spoken += " " + _("Matching words: {words}.").format(words=matched)
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


UNSEARCHABLE = N_("Search looks for words and numbers. Emoji and signs on their own are not searched.")


def _spellings(names: list[str]) -> str:
    """``"“A”, “a” and “á”"``: a tag's spellings as a list in the language in force."""
    if len(names) < 2:
        return "".join(names)
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


_KIND_WORDS = {TagKind.ACTIVITY: N_("activity"), TagKind.STRESSOR: N_("stressor")}
"""How a tag's kind reads after its name in the Tag filter (the stored value stays English)."""
_TRUNCATED = {
    # (best match first, more can be shown): the sentence over a cut-off list
    (False, True): N_("Showing the newest {shown} of {total} entries found. Show more, or add a word or a filter "
                      "to see fewer."),
    (False, False): N_("Showing the newest {shown} of {total} entries found. Add a word or a filter to see fewer."),
    (True, True): N_("Showing the best-matching {shown} of {total} entries found. Show more, or add a word or a "
                     "filter to see fewer."),
    (True, False): N_("Showing the best-matching {shown} of {total} entries found. Add a word or a filter to see "
                      "fewer."),
}


class SearchPanel(Page):
    """Find entries by words and filters; open one in the journal."""

    title = N_("Search the journal")
    watches = frozenset({JOURNAL, PEOPLE})
    entry_chosen = Signal(int, int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self._context = context
        self._searched = 0
        self._limit = search.MAX_RESULTS  # grows with "Show more"; back to one page on a new search
        self._keep_limit = False
        self._merged_shown = False  # "Done: … merged" stays on screen after the merge
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
        self.query_edit.setPlaceholderText(_("For example: headache after lunch"))
        self.query_edit.setAccessibleName(_("Words to find in notes"))
        shortcut = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
        self.query_edit.setToolTip(_("Words to find in the notes ({shortcut} from anywhere)").format(shortcut=shortcut))
        self.query_edit.textEdited.connect(lambda _t: self.timer.start())
        self.query_edit.returnPressed.connect(self.run_search)
        query_label = QLabel(_("Fi&nd words in notes"), self)
        query_label.setBuddy(self.query_edit)
        self.search_button = QPushButton(_("Search"), self)
        self.search_button.setAccessibleName(_("Search now"))
        self.search_button.clicked.connect(self.run_search)
        query_row = QHBoxLayout()
        query_row.addWidget(query_label)
        query_row.addWidget(self.query_edit, 1)
        query_row.addWidget(self.search_button)

        self.filters = QGroupBox(_("Narrow it down"), self)
        grid = QGridLayout(self.filters)
        self.person_combo = self._combo(_("Whose journal"), [(_("Everyone"), None)])
        self.recorder_combo = self._combo(_("Recorded by"), [
            (_("Anyone"), None), (_("The person themselves"), RecorderKind.PERSON),
            (_("A family member"), RecorderKind.FAMILY),
        ])
        self.tag_combo = self._combo(_("Tag"), [(_("Any tag"), None)])
        self.symptom_combo = self._combo(_("Symptom"), [(_("Any symptom"), None)])
        self.span_combo = self._combo(_("Dates"), [(_(text), days) for text, days in DATE_SPANS])
        self.order_combo = self._combo(_("Order"), [(_("Newest first"), False), (_("Best match first"), True)])
        self.from_edit = self._date_edit(_("From date"))
        self.to_edit = self._date_edit(_("To date"))
        self.flag_check = QCheckBox(_("Only entries to &bring up at the next visit"), self.filters)
        self.flag_check.toggled.connect(lambda _on: self.run_search())
        from_label = QLabel(_("fro&m"), self.filters)
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(_("&to"), self.filters)
        to_label.setBuddy(self.to_edit)
        # "from <date>" and "to <date>" each stay together when the row wraps at large text.
        dates = wrapping_row((self.span_combo, together(self.filters, from_label, self.from_edit),
                              together(self.filters, to_label, self.to_edit)))
        rows = [(_("&Whose journal"), self.person_combo), (_("&Recorded by"), self.recorder_combo),
                (_("T&ag"), self.tag_combo), (_("S&ymptom"), self.symptom_combo)]
        for i, (text, combo) in enumerate(rows):
            label = QLabel(text, self.filters)
            label.setBuddy(combo)
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(combo, i // 2, (i % 2) * 2 + 1)
        dates_label = QLabel(_("&Dates"), self.filters)
        dates_label.setBuddy(self.span_combo)
        grid.addWidget(dates_label, 2, 0)
        grid.addLayout(dates, 2, 1, 1, 3)
        order_label = QLabel(_("&Order"), self.filters)
        order_label.setBuddy(self.order_combo)
        grid.addWidget(order_label, 3, 0)
        grid.addWidget(self.order_combo, 3, 1)
        # Its own line: beside Order, its long words made the box wider than a small window at large text.
        grid.addWidget(self.flag_check, 4, 0, 1, 4)
        # Imports made before tags were matched ignoring case may have left "Cleaning" and
        # "cleaning" as two tags; offer to make them one (hidden when there are none).
        self.spelling_label = QLabel(self.filters)
        self.spelling_label.setWordWrap(True)
        self.merge_button = QPushButton(_("Make them one tag"), self.filters)
        self.merge_button.setAccessibleName(_("Merge tags written two ways"))
        self.merge_button.clicked.connect(self.merge_tag_spellings)
        grid.addWidget(self.spelling_label, 5, 0, 1, 3)
        grid.addWidget(self.merge_button, 5, 3)
        self.spelling_label.hide()
        self.merge_button.hide()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleName(_("Search result"))
        self.model = SearchResultsModel(self)
        self.results = QListView(self)
        self.results.setModel(self.model)
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setAccessibleName(_("Entries found"))
        self.results.setAccessibleDescription(_("Press Enter to open the entry in the journal"))
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
        self.open_button = QPushButton(_("O&pen in the journal"), self)
        self.open_button.setToolTip(_("Open the chosen entry in the journal (Enter)"))
        self.open_button.clicked.connect(lambda: self._open_index(self.results.currentIndex()))
        self.open_button.setEnabled(False)
        self.results.selectionModel().currentChanged.connect(
            lambda current, _old: self.open_button.setEnabled(self.model.hit_at(current) is not None)
        )
        self.more_button = QPushButton(_("Show more"), self)
        self.more_button.setAccessibleName(_("Show more results"))
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
        """A filter box: ``name`` is its accessible name, ``items`` its (text, data) pairs (translated)."""
        combo = QComboBox(self.filters)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(lambda _i: self._on_filter_changed())
        return combo

    def _date_edit(self, name: str) -> QDateEdit:
        """A date box named ``name`` for screen readers (translated)."""
        edit = QDateEdit(self.filters)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(formatting.date_pattern())
        edit.setAccessibleName(name)
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
                raise ValidationError(_("The “to” date is before the “from” date. Please swap them."))
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
                self.result_label.setText(_(UNSEARCHABLE))
            return
        self.read(lambda vault: search.search(vault, query), self._show_result, key="search",
                  error_title=_("The search did not work"))

    def load_choices(self) -> None:
        """Read the people, tags and symptoms offered as filters."""
        def job(vault):
            return (people.list_people(vault), journal.tag_choices(vault), journal.symptom_choices(vault),
                    journal.tag_spelling_groups(vault))

        def done(result) -> None:
            self._fill_choices(*result[:3])
            self._offer_merge(result[3])

        self.read(job, done, key="choices", error_title=_("The filters could not be read"))

    def merge_tag_spellings(self) -> None:
        """Make each tag written in two cases one tag (its first spelling); the page then reloads
        from the change."""

        def done(count: int) -> None:
            self.spelling_label.setText(ngettext("Done: {count} tag merged. Every entry kept its tags.",
                                                 "Done: {count} tags merged. Every entry kept its tags.",
                                                 count).format(count=formatting.count_text(count)))
            self._merged_shown = True
            self.merge_button.hide()

        self.write(journal.merge_tag_spellings, {JOURNAL}, on_done=done, error_title=_("The tags were not merged"))

    def _filter_hint(self, terms: tuple[str, ...]) -> str:
        """Search reads notes only; a word that is a tag or a symptom is pointed to its filter."""
        words = {t.casefold() for t in terms}
        hints = ((self.tag_combo, N_("No note has these words, but “{name}” is a tag. Choose it under Tag above to "
                                     "see those entries.")),
                 (self.symptom_combo, N_("No note has these words, but “{name}” is a symptom. Choose it under Symptom "
                                         "above to see those entries.")))
        for combo, hint in hints:
            for i in range(1, combo.count()):
                data = combo.itemData(i)
                name = data.name if isinstance(data, Tag) else str(data)
                shown = name if isinstance(data, Tag) else symptom_label(name)  # a starter symptom, translated
                if name.casefold() in words or shown.casefold() in words:
                    return _(hint).format(name=shown)
        return ""

    def _offer_merge(self, groups: list[list[Tag]]) -> None:
        if not groups:
            self.merge_button.hide()
            if not self._merged_shown:
                self.spelling_label.hide()
            return
        self._merged_shown = False
        shown = "; ".join(_spellings([f"“{t.name}”" for t in group]) for group in groups[:3])
        if len(groups) > 3:
            more = len(groups) - 3
            text = ngettext("Some tags are written two ways: {groups} and {count} more.",
                            "Some tags are written two ways: {groups} and {count} more.", more).format(
                groups=shown, count=formatting.count_text(more))
        else:
            text = _("Some tags are written two ways: {groups}.").format(groups=shown)
        self.spelling_label.setText(text)
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
        tag_items = [(_("{tag} ({kind})").format(tag=t.name, kind=_(_KIND_WORDS.get(t.kind, t.kind.value))), t)
                     for t in tags]
        refill(self.tag_combo, tag_items, self.tag_combo.currentData())
        refill(self.symptom_combo, [(symptom_label(s), s) for s in symptoms], self.symptom_combo.currentData())

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
        self.result_label.setText(_("Type a word or choose a filter to find entries. "
                                    "Every word you type must be in the note."))

    def _show_result(self, result: search.SearchResult) -> None:
        self.model.set_hits(result.hits, self._context.zone_name)
        self.open_button.setEnabled(False)
        if result.total == 0 and self.query_edit.text().strip() and not result.terms:
            text = _(UNSEARCHABLE)
        elif result.total == 0 and self._filter_hint(result.terms):
            text = self._filter_hint(result.terms)
        elif result.total == 0:
            text = _("No entries match. Try fewer words, or fewer filters.")
        elif result.truncated:
            text = _(_TRUNCATED[(bool(self.order_combo.currentData()), self._limit < search.MAX_LIMIT)]).format(
                shown=formatting.count_text(len(result.hits)), total=formatting.count_text(result.total))
        else:
            text = ngettext("{count} entry found.", "{count} entries found.", result.total).format(
                count=formatting.count_text(result.total))
        if result.inside_words:
            text = _("No note has these as whole words, but they are inside longer words here.") + " " + text
        if search.words_left_out(self.query_edit.text()):
            text = _("Only the first {count} words are searched.").format(count=search.MAX_TERMS) + " " + text
        if result.total:
            text += " " + _("Press Enter on one to open it in the journal.")
        self.result_label.setText(text)
        self.more_button.setVisible(result.truncated and self._limit < search.MAX_LIMIT)

    def _open_index(self, index: QModelIndex) -> None:
        hit = self.model.hit_at(index)
        if hit is not None:
            self.entry_chosen.emit(hit.person_id, hit.entry_id)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())

