"""A compiled catalog cut short (an interrupted install, a full disk) must mean English, never a
crash at start-up (gettext raises struct.error on a header shorter than 28 bytes)."""
import io
from contextlib import contextmanager

from caregiver_app import i18n


class _CutCatalog:
    def __init__(self, data: bytes):
        self._data = data

    def joinpath(self, *parts):
        return self

    @contextmanager
    def open(self, mode="rb"):
        yield io.BytesIO(self._data)


def test_a_truncated_catalog_falls_back_to_english(monkeypatch):
    header = b"\xde\x12\x04\x95" + b"\x00" * 60
    for size in (0, 10, 27):
        monkeypatch.setattr(i18n.resources, "files", lambda name, s=size: _CutCatalog(header[:s]))
        i18n.translations.cache_clear()
        try:
            assert i18n.translations("es").gettext("Cancel") == "Cancel"
        finally:
            i18n.translations.cache_clear()
