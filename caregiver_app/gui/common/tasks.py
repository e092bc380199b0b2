"""Deprecated: the old name of :mod:`caregiver_app.gui.common.ops`, kept so pages not yet
converted keep working. ``TaskRunner`` is :class:`~caregiver_app.gui.common.ops.Ops` (its
``run(fn)`` is the old call); new code uses ``context.ops.read``/``write``. This module goes when
the last page is converted."""

from __future__ import annotations

from .ops import Cancelled, JobControl, Ops

TaskRunner = Ops

__all__ = ["Cancelled", "JobControl", "TaskRunner"]
