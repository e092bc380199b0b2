"""The encrypted database: engine factory, table rows (``rows/``, one module per concept), queries
(``repos/``, one module per concept), migrations and backups."""
