"""One way to build a record from another thing that holds the same fields by the same names (a
stored row, a draft from a form, a search row), so each conversion states only what differs."""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def same_fields(target: type[T], source: Any, **differing: Any) -> T:
    """A ``target`` dataclass whose fields are read from the same-named attributes of ``source``,
    except the ones given in ``differing`` (converted, renamed or computed values). A field that
    ``source`` does not have keeps its default; the dataclass's own checks run as usual (they
    raise :class:`~caregiver_app.domain.errors.ValidationError` on bad values)."""
    values = {name: getattr(source, name) for name in _init_names(target)
              if name not in differing and hasattr(source, name)}
    return target(**values, **differing)


@cache  # a summary builds thousands of records of the same few types
def _init_names(target: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(target) if f.init)
