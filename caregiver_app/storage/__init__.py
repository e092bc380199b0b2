"""The encrypted database: engine factory, ORM models, repositories, migrations and backups."""
