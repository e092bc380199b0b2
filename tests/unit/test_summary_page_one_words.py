"""Page one's safety box names the sign a note matches in one whole message (no article picked
by code, so it translates): "(matches: emergency sign about Falls)"."""

from __future__ import annotations

from dataclasses import replace

from test_summary_streaming import START, long_summary, text_of

from caregiver_app.domain.summary import SafetyBox, SafetyNote


def test_page_one_names_the_emergency_and_the_crisis_sign():
    data = replace(long_summary(10), safety=SafetyBox(notes=(
        SafetyNote(START, "Sam (self)", "Fell on the stairs", "emergency sign about Falls"),
        SafetyNote(START, "Sam (self)", "Felt hopeless", "crisis sign about Hopelessness"),
    )))
    text = text_of(data)
    assert "(matches: emergency sign about Falls)" in text and "(matches: crisis sign about Hopelessness)" in text
