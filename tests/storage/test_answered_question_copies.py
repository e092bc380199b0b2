"""A question answered at a visit drops the copies carried over to later visits with the same
provider: off the later appointment, off "Prepare for this visit" and off the visit summary PDF."""

from __future__ import annotations

import io
from datetime import date, time

import pytest
from pypdf import PdfReader
from test_appointments_service import clock

from caregiver_app.domain.network import Contact, Question, Role
from caregiver_app.domain.summary import SummaryChoices
from caregiver_app.services import appointments as aps
from caregiver_app.services import network as cs
from caregiver_app.services import summary

ZONE = "America/New_York"
TIRED = "Is the tiredness a side effect?"
BLOOD = "Blood test?"


@pytest.fixture
def doctor(vault, person):
    return cs.save_contact(vault, Contact(None, person.id, "Dr. Ana Li", Role.PSYCHIATRIST))


def plan(vault, person, day, doctor, questions=(), appointment_id=None):
    return aps.save_appointment(vault, aps.AppointmentDraft(person.id, day, time(10, 0), ZONE, contact_id=doctor.id,
                                                            questions=tuple(questions), appointment_id=appointment_id),
                                clock=clock)




def mark(vault, person, doctor, appt, text, answered=True, answer=""):
    appt = aps.get_appointment(vault, appt.id)
    questions = tuple(Question(q.text, answered, answer, q.carried_over) if q.text == text else q
                      for q in appt.questions)
    return plan(vault, person, appt.local_date, doctor, questions, appt.id)


def texts(vault, appt):
    return [q.text for q in aps.get_appointment(vault, appt.id).questions]


def summary_questions(vault, person, questions) -> str:
    request = summary.SummaryRequest(person.id, date(2026, 11, 1), date(2026, 11, 30),
                                     SummaryChoices(questions=tuple(questions)))
    data = summary.build_summary(vault, request, zone_name=ZONE, clock=clock, country="US")
    page1 = PdfReader(io.BytesIO(summary.summary_pdf_bytes(data))).pages[0].extract_text()
    return data.questions, " ".join(page1.split())


def test_answering_a_question_drops_its_carried_over_copies(vault, person, doctor):
    first = plan(vault, person, date(2026, 10, 5), doctor, (Question(TIRED), Question(BLOOD)))
    second = plan(vault, person, date(2026, 11, 2), doctor)  # started: its open questions move on too
    third = plan(vault, person, date(2026, 12, 8), doctor)
    assert texts(vault, second) == [TIRED, BLOOD] and texts(vault, third) == [TIRED, BLOOD]
    _s, _e, prepared = aps.visit_preparation(vault, third.id, clock=clock, zone_name=ZONE)
    assert prepared == [TIRED, BLOOD]
    questions, page1 = summary_questions(vault, person, prepared)  # brought over by "Prepare for this visit"
    assert TIRED in page1 and questions == (TIRED, BLOOD)

    mark(vault, person, doctor, first, TIRED)  # answered at the first visit, after it moved on

    assert texts(vault, first) == [TIRED, BLOOD]  # the visit where it was answered keeps it
    assert texts(vault, second) == [BLOOD] and texts(vault, third) == [BLOOD]
    aps.list_appointments(vault, person.id, clock=clock)  # moving questions on again does not bring it back
    assert texts(vault, third) == [BLOOD]
    assert [q.carried_over for q in aps.get_appointment(vault, third.id).questions] == [True]
    assert aps.visit_preparation(vault, third.id, clock=clock, zone_name=ZONE)[2] == [BLOOD]
    # The summary's saved questions still hold it (typed before it was answered): not printed.
    questions, page1 = summary_questions(vault, person, prepared)
    assert questions == (BLOOD,) and TIRED not in page1 and BLOOD in page1

    mark(vault, person, doctor, first, TIRED, answered=False)  # ticked by mistake: open again, moves on again
    assert TIRED in texts(vault, third)
    assert summary_questions(vault, person, [TIRED])[0] == (TIRED,)


def test_a_copy_answered_later_drops_the_copies_after_it_and_a_written_answer_stays(vault, person, doctor):
    first = plan(vault, person, date(2026, 10, 5), doctor, (Question(TIRED), Question(BLOOD)))
    second = plan(vault, person, date(2026, 11, 2), doctor)
    third = plan(vault, person, date(2026, 12, 8), doctor)
    mark(vault, person, doctor, third, BLOOD, answered=False, answer="Asked the nurse; waiting to hear")
    mark(vault, person, doctor, second, TIRED)  # answered at the copy on the second visit
    mark(vault, person, doctor, first, BLOOD)
    assert texts(vault, second) == [TIRED]  # BLOOD's untouched copy went
    assert texts(vault, third) == [BLOOD]  # TIRED's copy went; BLOOD's copy has words in it, so it stays
    assert texts(vault, first) == [TIRED, BLOOD]
    # The same words typed fresh on a later visit are a new question, not a copy.
    fourth = plan(vault, person, date(2027, 1, 10), doctor, (Question(TIRED),))
    mark(vault, person, doctor, first, TIRED)
    assert texts(vault, fourth) == [TIRED]
    assert summary_questions(vault, person, [TIRED])[0] == (TIRED,)  # open at the fourth visit
