"""Queries on the vault's tables, one module per concept. Functions take a ``Session`` that the
caller (a service's unit of work) commits or rolls back, and convert between rows and the plain
domain dataclasses."""
