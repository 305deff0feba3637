"""Alembic environment: migrations run on the connection the Ledger hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from corroborate.store.schema import metadata

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs bare `alembic`
    raise RuntimeError("run migrations through corroborate.store.Ledger, which opens the database")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
