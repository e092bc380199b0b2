"""Every ORM module, imported so ``Base.metadata`` describes the whole schema (Alembic's env and
the schema test read it from here). Each area keeps its tables in its own ``orm_<area>.py``."""

from . import orm  # noqa: F401  (journal tables)
from .orm import Base

__all__ = ["Base"]
