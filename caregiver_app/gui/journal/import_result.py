"""What an import did, in plain words (the import dialog's last page and the list of past
imports share it), and undoing a whole import: the confirmation that says how many entries go and
names the ones changed since, then the undo as one write on the ops lane."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QWidget

from ...domain import timeutil
from ...i18n import N_, _, ngettext
from ...services import import_batches
from ...services.import_batches import ImportSummary, UndoPlan, UndoResult
from ..common import formatting
from ..common.ops import JOURNAL, REMOVED_ENTRIES
from ..context import AppContext
from .journal_model import day_heading, time_text

SHOW_SKIPPED = 5
"""Skipped lines named in the summary (then "and N more")."""
SHOW_EDITED = 8
"""Changed entries named in the undo confirmation (then "and N more")."""
UNDO_TITLE = N_("Undo an import")  # no names or health words: window titles are seen by other programs


def _count(count: int) -> str:
    return formatting.count_text(count)


def _range(first: date | None, last: date | None) -> str:
    """The sentence that says which days the file's entries are on ("" when not known)."""
    if first is None or last is None:
        return ""
    if first == last:
        return _("The file’s entries are all on {day}.").format(day=day_heading(first))
    return _("The file’s entries are from {first} to {last}.").format(first=day_heading(first), last=day_heading(last))


def summary_text(summary: ImportSummary, *, new_words: str = "") -> str:
    """The result of an import in plain sentences: new entries and whose journal, already there,
    the file's date range, the backup made first. ``new_words`` says more about the new entries."""
    name = summary.person_name
    lines = []
    if summary.new:
        more = f" {new_words}" if new_words else ""
        lines.append(ngettext("{count} new entry is in {name}’s journal.",
                              "{count} new entries are in {name}’s journal.",
                              summary.new).format(count=_count(summary.new), name=name) + more)
    else:
        lines.append(_("Nothing new was added to {name}’s journal.").format(name=name))
    if summary.already_present:
        lines.append(ngettext("{count} entry was already there, so it was left as it was.",
                              "{count} entries were already there, so they were left as they were.",
                              summary.already_present).format(count=_count(summary.already_present)))
    if summary.person_added:
        lines.append(_("{name} was added to this vault.").format(name=name))
    days = _range(summary.first_day, summary.last_day)
    if days:
        lines.append(days)
    lines.extend(summary.notes)
    if summary.skipped_count == 0:
        lines.append(_("Every line of the file was read."))
    if summary.backup_name:
        lines.append(_("Before importing, the vault was backed up as “{name}” "
                       "(File ▸ Backups… can put it back).").format(name=summary.backup_name))
    return "\n".join(lines)


def skipped_heading(summary: ImportSummary) -> str:
    return ngettext("{count} line of the file could not be read and was skipped:",
                    "{count} lines of the file could not be read and were skipped:",
                    summary.skipped_count).format(count=_count(summary.skipped_count))


def skipped_text(summary: ImportSummary, show: int = SHOW_SKIPPED) -> str:
    """The first ``show`` skipped lines with their line numbers and reasons, then "and N more"."""
    lines = [_("Line {number}: {reason}").format(number=row.line, reason=row.reason) for row in summary.skipped[:show]]
    more = summary.skipped_count - len(lines)
    if more > 0:
        lines.append(ngettext("…and {count} more line.", "…and {count} more lines.", more).format(count=_count(more)))
    return "\n".join(lines)


def undo_and_close(parent: QWidget, on_undo: Callable[[], None], tip: str
                   ) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """The button row of an import's summary: "Undo this import…" (calls ``on_undo``; ``tip``
    says which import, translated) and Close. Returns the row and both buttons; the caller connects
    the row's ``rejected`` (Close, Esc)."""
    buttons = QDialogButtonBox(parent)
    undo = QPushButton(_("&Undo this import…"), parent)
    undo.setToolTip(tip)
    undo.clicked.connect(on_undo)
    buttons.addButton(undo, QDialogButtonBox.ButtonRole.ActionRole)
    return buttons, undo, buttons.addButton(QDialogButtonBox.StandardButton.Close)


def _edited_words(plan: UndoPlan) -> str:
    when = []
    for entry in plan.edited[:SHOW_EDITED]:
        tz = timeutil.zone_or(entry.zone_name, timeutil.zone("UTC"))
        when.append(_("{day} at {time}").format(day=day_heading(entry.local_date),
                                                 time=time_text(timeutil.utc_to_local(entry.occurred_at, tz))))
    more = len(plan.edited) - len(when)
    listed = "\n".join(f"• {w}" for w in when)
    if more > 0:
        listed += "\n" + _("…and {count} more.").format(count=_count(more))
    changed = ngettext("{count} of them was changed after the import:", "{count} of them were changed after the import:",
                       len(plan.edited)).format(count=_count(len(plan.edited)))
    return f"{changed}\n{listed}\n\n" + _("You can keep the changed ones and remove the rest.")


def ask_undo(parent: QWidget, plan: UndoPlan) -> bool | None:
    """Ask before undoing: None to keep everything, False to remove every entry, True to keep
    the changed ones. The safe answer is the default and Esc."""
    batch = plan.batch
    what = ngettext("It removes the {count} entry it added to {name}’s journal, with their symptoms, tags and doses.",
                    "It removes the {count} entries it added to {name}’s journal, with their symptoms, tags and doses.",
                    plan.entries).format(count=_count(plan.entries), name=batch.person_name)
    box = QMessageBox(QMessageBox.Icon.Question, _(UNDO_TITLE), _("Undo this import?"),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    remove_all = box.addButton(_("Remove all {count}").format(count=_count(plan.entries)) if plan.entries != 1
                               else _("Remove it"), QMessageBox.ButtonRole.DestructiveRole)
    keep_changed = None
    if plan.edited:
        box.setInformativeText(f"{what}\n\n{_edited_words(plan)}")
        rest = plan.entries - len(plan.edited)
        keep_changed = box.addButton(_("Keep the changed, remove {count}").format(count=_count(rest)),
                                     QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setInformativeText(f"{what}\n\n" + _("None of them were changed after the import."))
    safe = box.addButton(_("Keep everything"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    box.setAccessibleName(_(UNDO_TITLE))
    box.exec()
    clicked = box.clickedButton()
    if clicked is remove_all:
        return False
    if keep_changed is not None and clicked is keep_changed:
        return True
    return None


def undone_text(result: UndoResult) -> str:
    """What an undo did, in one sentence, then the backup made just before it."""
    text = ngettext("Import undone: {count} entry was removed.", "Import undone: {count} entries were removed.",
                    result.removed).format(count=_count(result.removed))
    if result.kept:
        text += " " + ngettext("{count} changed entry stays in the journal.", "{count} changed entries stay in the journal.",
                               result.kept).format(count=_count(result.kept))
    if result.backup_name:
        text += "\n" + _("Before undoing, the vault was backed up as “{name}” "
                         "(File ▸ Backups… can put it back).").format(name=result.backup_name)
    return text


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
            changes={JOURNAL, REMOVED_ENTRIES}, on_done=on_undone, label=_("Undoing the import…"),
            error_title=_("The import was not undone"))

    context.ops.read(parent, lambda vault: import_batches.plan_undo(vault, batch_id), on_done=ask,
                     label=_("Looking at the import…"), error_title=_("The import cannot be undone"))
