"""The vault's tables as SQLAlchemy rows, one module per concept (journal, medications, scores,
check-ins, imports, network, appointments, plans, drafts, search, summary, people, settings); ``base`` holds
the declarative base. :mod:`caregiver_app.storage.schema` imports them all for ``Base.metadata``."""
