"""What an import did, in plain words (the import dialog's last page and the list of past
imports share it), and undoing a whole import: the confirmation that says how many entries go and
names the ones changed since, then the undo as one write on the ops lane."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QWidget

from ...domain import timeutil
from ...services import import_batches
from ...services.import_batches import ImportSummary, UndoPlan, UndoResult
from ..common import formatting
from ..common.ops import JOURNAL
from ..context import AppContext
from .journal_model import day_heading, time_text

SHOW_SKIPPED = 5
"""Skipped lines named in the summary (then "and N more")."""
SHOW_EDITED = 8
"""Changed entries named in the undo confirmation (then "and N more")."""
UNDO_TITLE = "Undo an import"  # no names or health words: window titles are seen by other programs


def _count(count: int, one: str, many: str) -> str:
    return f"{formatting.count_text(count)} {one if count == 1 else many}"


def _range(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return ""
    if first == last:
        return f"all on {day_heading(first)}"
    return f"from {day_heading(first)} to {day_heading(last)}"


def summary_text(summary: ImportSummary, *, new_words: str = "") -> str:
    """The result of an import in plain sentences: new entries and whose journal, already there,
    the file's date range, the backup made first. ``new_words`` says more about the new entries."""
    name = summary.person_name
    lines = []
    if summary.new:
        more = f" {new_words}" if new_words else ""
        lines.append(f"{_count(summary.new, 'new entry is', 'new entries are')} in {name}’s journal.{more}")
    else:
        lines.append(f"Nothing new was added to {name}’s journal.")
    if summary.already_present:
        lines.append(f"{_count(summary.already_present, 'entry was', 'entries were')} already there, "
                     "so they were left as they were.")
    if summary.person_added:
        lines.append(f"{name} was added to this vault.")
    days = _range(summary.first_day, summary.last_day)
    if days:
        lines.append(f"The file’s entries are {days}.")
    lines.extend(summary.notes)
    if summary.skipped_count == 0:
        lines.append("Every line of the file was read.")
    if summary.backup_name:
        lines.append(f"Before importing, the vault was backed up as “{summary.backup_name}” "
                     "(File ▸ Backups… can put it back).")
    return "\n".join(lines)


def skipped_heading(summary: ImportSummary) -> str:
    return f"{_count(summary.skipped_count, 'line', 'lines')} of the file could not be read and were skipped:" \
        if summary.skipped_count != 1 else "1 line of the file could not be read and was skipped:"


def skipped_text(summary: ImportSummary, show: int = SHOW_SKIPPED) -> str:
    """The first ``show`` skipped lines with their line numbers and reasons, then "and N more"."""
    lines = [f"Line {row.line}: {row.reason}" for row in summary.skipped[:show]]
    more = summary.skipped_count - len(lines)
    if more > 0:
        lines.append(f"…and {_count(more, 'more line', 'more lines')}.")
    return "\n".join(lines)


def undo_and_close(parent: QWidget, on_undo: Callable[[], None], which: str
                   ) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The button row of an import's summary: "Undo this import…" (calls ``on_undo``; the tip
    names ``which`` import) and Close. Returns the row and both buttons; the caller connects
    the row's ``rejected`` (Close, Esc)."""
    buttons = QDialogButtonBox(parent)
    undo = QPushButton("&Undo this import…", parent)
    undo.setToolTip(f"Remove every entry {which} added (you are asked first)")
    undo.clicked.connect(on_undo)
    buttons.addButton(undo, QDialogButtonBox.ButtonRole.ActionRole)
    return buttons, undo, buttons.addButton(QDialogButtonBox.StandardButton.Close)


def _edited_words(plan: UndoPlan) -> str:
    when = []
    for entry in plan.edited[:SHOW_EDITED]:
        tz = timeutil.zone_or(entry.zone_name, timeutil.zone("UTC"))
        when.append(f"{day_heading(entry.local_date)} at {time_text(timeutil.utc_to_local(entry.occurred_at, tz))}")
    more = len(plan.edited) - len(when)
    listed = "\n".join(f"• {w}" for w in when) + (f"\n…and {formatting.count_text(more)} more." if more > 0 else "")
    return (f"{_count(len(plan.edited), 'of them was', 'of them were')} changed after the import:\n{listed}\n\n"
            "You can keep the changed ones and remove the rest.")


def ask_undo(parent: QWidget, plan: UndoPlan) -> bool | None:
    """Ask before undoing: None to keep everything, False to remove every entry, True to keep
    the changed ones. The safe answer is the default and Esc."""
    batch = plan.batch
    what = (f"It removes the {_count(plan.entries, 'entry', 'entries')} it added to {batch.person_name}’s journal, "
            "with their symptoms, tags and doses.")
    box = QMessageBox(QMessageBox.Icon.Question, UNDO_TITLE, "Undo this import?", QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    remove_all = box.addButton(f"Remove all {formatting.count_text(plan.entries)}" if plan.entries != 1
                               else "Remove it", QMessageBox.ButtonRole.DestructiveRole)
    keep_changed = None
    if plan.edited:
        box.setInformativeText(f"{what}\n\n{_edited_words(plan)}")
        rest = plan.entries - len(plan.edited)
        keep_changed = box.addButton(f"Keep the changed, remove {formatting.count_text(rest)}",
                                     QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setInformativeText(f"{what}\n\nNone of them were changed after the import.")
    safe = box.addButton("Keep everything", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    box.setAccessibleName(UNDO_TITLE)
    box.exec()
    clicked = box.clickedButton()
    if clicked is remove_all:
        return False
    if keep_changed is not None and clicked is keep_changed:
        return True
    return None


def undone_text(result: UndoResult) -> str:
    """What an undo did, in one sentence."""
    kept = (f" {_count(result.kept, 'changed entry stays', 'changed entries stay')} in the journal."
            if result.kept else "")
    return f"Import undone: {_count(result.removed, 'entry was', 'entries were')} removed.{kept}"


def undo_with_confirmation(parent: QWidget, context: AppContext, batch_id: int,
                           on_undone: Callable[[UndoResult], None]) -> None:
    """Read what undoing import ``batch_id`` would remove, ask (:func:`ask_undo`), then undo it as
    one write (one transaction). ``on_undone(result)`` runs after; errors are shown in plain words
    (nothing removed)."""

    def ask(plan: UndoPlan) -> None:
        keep = ask_undo(parent, plan)
        if keep is None:
            return
        context.ops.write(parent, lambda vault: import_batches.undo_import(
            vault, batch_id, keep_edited=keep, expected=plan, clock=context.clock),
            changes={JOURNAL}, on_done=on_undone, label="Undoing the import…",
            error_title="The import was not undone")

    context.ops.read(parent, lambda vault: import_batches.plan_undo(vault, batch_id), on_done=ask,
                     label="Looking at the import…", error_title="The import cannot be undone")
