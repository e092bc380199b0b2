"""The journal list as a Qt item model: entries newest first, with a header row for each day.

Entries load a page at a time (``services.journal.page_older``, keyset pages) as ops reads (one
key per model: a newer load drops an older one's answer), only when the view scrolls near the end,
so a ten-year journal opens instantly. :meth:`JournalModel.start_at` starts the list at any date or
entry instead (``services.journal.page_at``); newer entries then load a page at a time above it
(:meth:`JournalModel.fetch_newer`, ``services.journal.page_newer``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from ...domain.symptoms import symptom_label
from ...domain import timeutil
from ...domain.model import JournalEntry, Person, TagKind, mood_words
from ...i18n import N_, _
from ...services import journal
from ..common import formatting
from ..common.ops import Op
from ..context import AppContext

EntryRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
DayRole = Qt.ItemDataRole.UserRole + 3

_ROOT = QModelIndex()
DAY = "day"
ENTRY = "entry"

FLAG_TEXT = N_("⚑ Bring up at the next visit")
ANCHOR_PAGE = 60  # entries from a jumped-to point down, at first (more load as the list scrolls)
NEWER_PAGE = 20  # entries shown above a jumped-to entry at first
FIRST_PAGE = 60
"""Entries the journal page reads first from the newest (a screenful and more; the rest load as the
list scrolls): a smaller first read shows the journal sooner after unlock (issue 16)."""
NOTE_PREVIEW_CHARS = 140


# The journal's words for days, times and hours are the window's one formatter's.
day_heading = formatting.long_date
time_text = formatting.time_text
hours_text = formatting.hours_text


def recorder_text(entry: JournalEntry, person_name: str) -> str:
    """``"Ana (family)"`` for a family member's observation, ``"Sam (self)"`` otherwise."""
    return entry.recorded_by.describe(person_name)


def symptoms_text(entry: JournalEntry) -> str:
    """``"Headache 6/10, Nausea 3/10"`` (empty when no symptoms were rated)."""
    return ", ".join(f"{symptom_label(r.symptom)} {r.severity}/10" for r in entry.symptoms)


def first_line(note: str, limit: int = NOTE_PREVIEW_CHARS) -> str:
    """The note's first non-empty line, shortened with an ellipsis when long."""
    line = next((part.strip() for part in note.splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def entry_lines(entry: JournalEntry, person_name: str, local_time: datetime, zone_note: str = "",
                doses: str = "") -> list[str]:
    """The lines an entry shows in the list, most important first. ``zone_note`` follows the
    time for an entry written in another time zone (:func:`zone_note`); ``doses`` are
    the doses recorded in the entry in words (``journal.ListPage.doses``)."""
    head = [time_text(local_time) + zone_note, recorder_text(entry, person_name)]
    if entry.mood_label:  # imported: the level and how the other app wrote it
        head.append(_("Mood: {mood}").format(mood=mood_words(entry.mood, entry.mood_label)))
    elif entry.mood is not None:
        head.append(_("Mood: {mood}").format(mood=entry.mood.label))
    lines = [" · ".join(head)]
    measures = []
    if entry.elevation is not None:
        measures.append(_("Elevated / irritable: {level}").format(level=entry.elevation.label))
    if entry.anxiety is not None:
        measures.append(_("Anxiety {value}/10").format(value=entry.anxiety))
    if entry.energy is not None:
        measures.append(_("Energy {value}/10").format(value=entry.energy))
    if entry.sleep_hours is not None or entry.sleep_quality is not None:
        measures.append(sleep_words(entry.sleep_hours, entry.sleep_quality.label if entry.sleep_quality else ""))
    if measures:
        lines.append(" · ".join(measures))
    if entry.symptoms:
        lines.append(_("Symptoms: {symptoms}").format(symptoms=symptoms_text(entry)))
    if doses:
        lines.append(_("Medicines: {doses}").format(doses=doses))
    activities = [t.name for t in entry.tags if t.kind is TagKind.ACTIVITY]
    stressors = [t.name for t in entry.tags if t.kind is TagKind.STRESSOR]
    tag_parts = []
    if activities:
        tag_parts.append(_("Activities: {tags}").format(tags=", ".join(activities)))
    if stressors:
        tag_parts.append(_("Stressors: {tags}").format(tags=", ".join(stressors)))
    if tag_parts:
        lines.append(" · ".join(tag_parts))
    if entry.flag_for_visit:
        lines.append(_(FLAG_TEXT))
    note = first_line(entry.note)
    if note:
        lines.append(_("Note: {note}").format(note=note))
    return lines


def sleep_words(hours: float | None, quality: str = "") -> str:
    """``"Sleep 7.5 h (poor)"``, ``"Sleep 7.5 h"`` or ``"Sleep poor"``: ``quality`` is the sleep
    quality's label ("" when not recorded)."""
    if hours is None:
        return _("Sleep {quality}").format(quality=quality)
    if quality:
        return _("Sleep {hours} h ({quality})").format(hours=hours_text(hours), quality=quality)
    return _("Sleep {hours} h").format(hours=hours_text(hours))


def zone_note(zone_name: str) -> str:
    """``" (New York time)"``: follows the time of an entry written in another time zone."""
    return " " + _("({place} time)").format(place=timeutil.zone_place(zone_name))


@dataclass(frozen=True)
class _Row:
    kind: str
    day: date
    entry: JournalEntry | None = None
    text: str = ""


class JournalModel(QAbstractListModel):
    """Entries of one person, newest first, with one header row per local calendar day.

    Rows load lazily: :meth:`canFetchMore` is true while the last page came back full.
    ``load_failed`` carries the error of a page that could not be read; the owner shows it.
    """

    load_failed = Signal(object)
    loaded = Signal()

    def __init__(self, context: AppContext, parent=None, *, page_size: int = journal.PAGE_SIZE,
                 first_page: int | None = None):
        super().__init__(parent)
        self._context = context
        self._page_size = page_size
        self._first_page = first_page  # None: the first read is a page like the others
        self._person: Person | None = None
        self._rows: list[_Row] = []
        self._last_entry: JournalEntry | None = None
        self._entry_total = 0
        self._more = False
        self._loading = False
        self._op: Op | None = None  # the page being read
        self._first_entry: JournalEntry | None = None  # top of the list when started at an anchor
        self._has_newer = False
        self._doses: dict[int, str] = {}  # entry id -> the doses recorded in it, in words
        self._given_first: tuple[int, journal.ListPage] | None = None  # see first_page_given

    # --- what the page asks -------------------------------------------------------------
    def set_person(self, person: Person | None) -> None:
        """Show ``person``'s journal (or nothing for None) from the newest entry."""
        self._person = person
        self.reload()

    def reload(self) -> None:
        """Forget loaded rows and read the first page again (after a save, delete or import)."""
        self._reset()
        if self._person is not None and self._person.id is not None:
            self._more = True
            self._load_page()

    def clear(self) -> None:
        """Drop every loaded entry and the person (used when the vault locks)."""
        self._person = None
        # Nothing shown and nothing being read (the page built before the unlock, given its
        # first person): the views and the signs banner have nothing to forget, and the reset
        # that comes with the person's first read follows at once.
        self._reset(announce=bool(self._rows) or self._op is not None)

    def start_at(self, anchor: journal.ListAnchor) -> None:
        """Reload so the list holds ``anchor`` (an entry, or the first entry on or before a date)
        with a page of older entries below it and a few newer ones above; more load as the list
        scrolls either way."""
        self._reset()
        if self._person is not None and self._person.id == anchor.person_id:
            self._more = True
            self._load_page(anchor=anchor)

    def first_page_job(self) -> Callable[[Any, int], journal.ListPage]:
        """The read of a person's first page, as :meth:`set_person` would start it, for a job
        that already runs (the people read at unlock): the list then needs no read of its own
        (see :meth:`first_page_given`). The returned function touches no widget or model."""
        limit = self._first_limit()
        return lambda vault, person_id: journal.page_older(vault, person_id, after=None, limit=limit)

    @contextmanager
    def first_page_given(self, person_id: int, page: journal.ListPage) -> Iterator[None]:
        """While inside, a first read of ``person_id``'s list from the newest entry takes
        ``page`` (read a moment ago by :meth:`first_page_job`) instead of reading again. Only
        inside: a later reload always reads."""
        self._given_first = (person_id, page)
        try:
            yield
        finally:
            self._given_first = None

    @property
    def has_newer(self) -> bool:
        """True when entries newer than the top row are not loaded yet (after :meth:`start_at`)."""
        return self._has_newer and not self._loading

    def fetch_newer(self) -> None:
        """Load the page of entries just newer than the top row, above it."""
        person, first = self._person, self._first_entry
        if not self.has_newer or person is None or person.id is None or first is None:
            return
        limit, person_id = self._page_size, person.id
        self._loading = True

        def done(result) -> None:
            self._loading = False
            self._doses.update(result.doses)
            self._prepend(result.entries, full=len(result.entries) >= limit)

        def failed(exc: BaseException) -> None:
            self._loading = False
            self._has_newer = False
            self.load_failed.emit(exc)

        self._read(lambda vault: journal.page_newer(vault, person_id, first, limit), done, failed)

    def loaded_entry_count(self) -> int:
        """How many entries are in memory now (not counting day header rows)."""
        return self._entry_total

    def entry_at(self, index: QModelIndex) -> JournalEntry | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()].entry

    def row_of_entry(self, entry_id: int) -> int:
        """The row holding entry ``entry_id`` among the loaded rows, or -1."""
        for i, row in enumerate(self._rows):
            if row.entry is not None and row.entry.id == entry_id:
                return i
        return -1

    def row_of_day(self, day: date) -> int:
        """The header row of ``day`` among the loaded rows, or -1."""
        for i, row in enumerate(self._rows):
            if row.kind == DAY and row.day == day:
                return i
        return -1

    # --- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].kind == DAY:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.text.replace("\n", ". ").replace("⚑ ", "")
        if role == KindRole:
            return row.kind
        if role == DayRole:
            return row.day
        if role == EntryRole:
            return row.entry
        if role == Qt.ItemDataRole.FontRole and row.kind == DAY:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            vertical = Qt.AlignmentFlag.AlignBottom if row.kind == DAY else Qt.AlignmentFlag.AlignVCenter
            return int(Qt.AlignmentFlag.AlignLeft | vertical)
        return None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._more and not self._loading and self._person is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._load_page()

    # --- loading ------------------------------------------------------------------------
    def _reset(self, *, announce: bool = True) -> None:
        if announce:
            self.beginResetModel()
        if self._op is not None:
            self._op.cancel()  # the person changed, the list reloads or the vault locked
            self._op = None
        self._rows = []
        self._last_entry = None
        self._entry_total = 0
        self._more = False
        self._loading = False
        self._first_entry = None
        self._has_newer = False
        self._doses = {}
        if announce:
            self.endResetModel()

    def _load_page(self, anchor: journal.ListAnchor | None = None) -> None:
        person = self._person
        if person is None or person.id is None:
            return
        after = self._last_entry
        if anchor is not None:
            limit = min(self._page_size, ANCHOR_PAGE)
        elif after is None:
            limit = self._first_limit()
        else:
            limit = self._page_size
        person_id = person.id
        self._loading = True
        given, self._given_first = self._given_first, None

        def job(vault):
            if anchor is not None:  # the page from the anchor down, and the few entries above it
                return journal.page_at(vault, anchor, limit=limit, newer_limit=NEWER_PAGE)
            return journal.page_older(vault, person_id, after=after, limit=limit)

        def done(result) -> None:
            self._loading = False
            page, newer = result.entries, result.newer
            self._doses.update(result.doses)
            self._append(page, full=len(page) >= limit, announce=newer is None or not page)
            if newer is not None and page:
                self._first_entry = page[0]
                self._prepend(newer, full=len(newer) >= NEWER_PAGE)

        def failed(exc: BaseException) -> None:
            self._loading = False
            self._more = False
            self.load_failed.emit(exc)

        if given is not None and given[0] == person_id and anchor is None and after is None:
            done(given[1])
            return
        self._read(job, done, failed)

    def _first_limit(self) -> int:
        """How many entries the first read (from the newest) asks for."""
        return self._page_size if self._first_page is None else min(self._page_size, self._first_page)

    def _read(self, job, done, failed) -> None:
        """One page at a time: a read keyed to this model, dropped by :meth:`_reset`."""
        owner = self.parent() if isinstance(self.parent(), QWidget) else None
        self._op = self._context.ops.read(owner, job, on_done=done, on_error=failed, key=f"journal-list-{id(self)}")
        if self._op.dropped:  # locked: nothing will come
            self._loading = False
            self._more = self._has_newer = False

    def _rows_for(self, page: list[JournalEntry], previous_day: date | None) -> list[_Row]:
        """Rows for ``page`` (newest first), each entry at the clock time where it was written."""
        person_name = self._person.display_name if self._person else ""
        zone_name = self._context.zone_name
        tz = timeutil.zone(zone_name)
        new_rows: list[_Row] = []
        for entry in page:
            if entry.local_date != previous_day:
                new_rows.append(_Row(DAY, entry.local_date, None, day_heading(entry.local_date)))
                previous_day = entry.local_date
            local = timeutil.utc_to_local(entry.occurred_at, timeutil.zone_or(entry.zone_name, tz))
            note = zone_note(entry.zone_name) if entry.zone_name not in ("", zone_name) else ""
            text = "\n".join(entry_lines(entry, person_name, local, note, self._doses.get(entry.id, "")))
            new_rows.append(_Row(ENTRY, entry.local_date, entry, text))
        return new_rows

    def _prepend(self, page: list[JournalEntry], *, full: bool) -> None:
        self._has_newer = full
        if page:
            new_rows = self._rows_for(page, None)
            if self._rows and self._rows[0].kind == DAY and self._rows[0].day == page[-1].local_date:
                self.beginRemoveRows(QModelIndex(), 0, 0)  # the day goes on above: one header for it
                del self._rows[0]
                self.endRemoveRows()
            self.beginInsertRows(QModelIndex(), 0, len(new_rows) - 1)
            self._rows[:0] = new_rows
            self._first_entry = page[0]
            self._entry_total += len(page)
            self.endInsertRows()
        self.loaded.emit()

    def _append(self, page: list[JournalEntry], *, full: bool, announce: bool = True) -> None:
        self._more = full
        if not page:
            self.loaded.emit()
            return
        previous_day = self._last_entry.local_date if self._last_entry is not None else None
        new_rows = self._rows_for(page, previous_day)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new_rows) - 1)
        self._rows.extend(new_rows)
        self._last_entry = page[-1]
        self._entry_total += len(page)
        self.endInsertRows()
        if announce:
            self.loaded.emit()
