"""Page one's safety box reads as English: "an emergency sign", "a crisis sign"."""

from __future__ import annotations

from dataclasses import replace

from test_summary_streaming import START, long_summary, text_of

from caregiver_app.domain.summary import SafetyBox, SafetyNote


def test_page_one_says_an_emergency_sign_and_a_crisis_sign():
    data = replace(long_summary(10), safety=SafetyBox(notes=(
        SafetyNote(START, "Sam (self)", "Fell on the stairs", "emergency sign about Falls"),
        SafetyNote(START, "Sam (self)", "Felt hopeless", "crisis sign about Hopelessness"),
    )))
    text = text_of(data)
    assert "(matches an emergency sign about Falls)" in text and "(matches a crisis sign about Hopelessness)" in text
