"""Babel's date functions, imported so that the ``TZ`` variable cannot stop the app.

Babel works out the computer's time zone once, when ``babel.localtime`` is first imported, and
reads ``TZ`` as a file when it names one: ``TZ=/dev/null`` or a path to any file that is not a
time zone raises (an AssertionError or struct.error, not the LookupError Babel expects), and every
import of ``babel.dates`` fails with it. The app never uses Babel's idea of the local zone (it
passes zones and wall-clock times itself), so Babel is imported without ``TZ`` in that case.
"""

from __future__ import annotations

import os

try:
    import babel.localtime  # noqa: F401 (reads TZ once)
except Exception:
    _saved = os.environ.pop("TZ", None)
    try:
        import babel.localtime  # noqa: F401
    finally:
        if _saved is not None:
            os.environ["TZ"] = _saved

from babel.dates import format_date, format_skeleton, format_time, get_day_names  # noqa: E402

__all__ = ["format_date", "format_skeleton", "format_time", "get_day_names"]
