"""Every ORM module, imported so ``Base.metadata`` describes the whole schema (Alembic's env and
the schema test read it from here). Each area keeps its tables in its own ``orm_<area>.py``."""

from . import orm  # noqa: F401  (journal tables)
from . import orm_network  # noqa: F401  (support network: contacts, appointments)
from . import orm_journal_more  # noqa: F401  (medications, scores, caregiver check-ins)
from . import orm_search  # noqa: F401  (journal search index hooks, drafts)
from . import orm_plans  # noqa: F401  (warning signs: relapse-prevention and safety plans)
from . import orm_summary  # noqa: F401  (visit summary choices)
from .orm import Base

__all__ = ["Base"]
