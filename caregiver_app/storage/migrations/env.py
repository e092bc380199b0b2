"""Alembic environment: migrations always run on a connection the app already opened and keyed."""

from alembic import context

from caregiver_app.storage.rows.search import include_name
from caregiver_app.storage.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection, target_metadata=Base.metadata, render_as_batch=True, include_name=include_name
)
with context.begin_transaction():
    context.run_migrations()
