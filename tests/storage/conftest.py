"""Fixtures of the storage and command-line tests."""

from __future__ import annotations

import pytest

from caregiver_app import i18n


@pytest.fixture
def environment(monkeypatch):
    """A process with no language chosen by the environment (``LANG=C``, no ``LANGUAGE`` or
    ``LC_*``): the command line starts in English; the language is English again afterwards."""
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_TIME"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "C")
    yield monkeypatch
    i18n.set_language("en")
