"""The main window's people read: who is in the vault, who was chosen last time, and the first
read of the page on screen made in the same job (see :class:`~caregiver_app.gui.page_stack.FirstRead`).
Runs on a worker thread and touches no widget."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.errors import CaregiverError

if TYPE_CHECKING:
    from ...domain.model import Person
    from ..page_stack import FirstRead


def people_and_remembered(vault) -> tuple[list[Person], int | None]:
    """The people in ``vault`` and the one chosen last time (None when that cannot be read)."""
    from ...services.people import last_person_id, list_people

    try:
        remembered = last_person_id(vault)
    except CaregiverError:
        remembered = None  # not worth a message: the first person is a fine start
    return list_people(vault), remembered


def people_job(first: FirstRead | None, wanted: int | None):
    """The people read (touches no widget), with ``first``'s read for the person to be shown."""
    def job(vault):
        people, remembered = people_and_remembered(vault)
        index = chosen_index(people, wanted if wanted is not None else remembered)
        answer = first.run(vault, people[index].id) if first is not None and index >= 0 else None
        return people, remembered, answer

    return job


def first_read(page, ops) -> FirstRead | None:
    """``FirstRead.of(page, ops)``: page_stack loads with the workspace, not with the unlock screen."""
    from ..page_stack import FirstRead

    return FirstRead.of(page, ops)


def chosen_index(people: list[Person], wanted: int | None) -> int:
    """The switcher row for ``wanted`` (a person id): the first person when absent, -1 for no one."""
    return next((i for i, p in enumerate(people) if p.id == wanted), 0 if people else -1)
