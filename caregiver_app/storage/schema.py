"""Every table module, imported so ``Base.metadata`` describes the whole schema (Alembic's env and
the schema test read it from here). Each concept keeps its tables in its own ``rows/<concept>.py``;
the queries on them are in ``repos/<concept>.py``."""

from .rows import (  # noqa: F401  (imported for their tables)
    appointments,
    checkins,
    drafts,
    imports,
    journal,
    medications,
    network,
    people,
    plans,
    scores,
    search,
    settings,
    summary,
    sync,  # last: it adds the gid column to the shared tables above
)
from .rows.base import Base

__all__ = ["Base"]
