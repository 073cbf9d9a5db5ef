"""Alembic environment: migrations run on the connection handed over by data_access.migrate."""

from __future__ import annotations

from alembic import context

from data_access.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when alembic is run by hand
    raise RuntimeError("Run migrations through `python -m data_access init`.")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
