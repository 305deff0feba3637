"""Table definitions. Alembic migrations create them; tests check the two never drift."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("domains", JSON, nullable=False),
    Column("country", String(8)),
    Column("kind", String(32)),
    Column("affiliation", String(100)),
    Column("notes", Text),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    # sha256 of source name + whitespace-folded text: the same story from another outlet is a
    # separate document (copy detection needs both), the same file ingested twice is not.
    Column("dedupe_key", String(64), nullable=False, unique=True),
    # sha256 of the whitespace-folded text alone: exact copies across outlets share it.
    Column("content_hash", String(64), nullable=False, index=True),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("origin", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("published", Date, index=True),
    Column("language", String(16)),
    Column("external_id", Text),
    Column("text", Text, nullable=False),
    Column("chars", Integer, nullable=False),
    Column("words", Integer, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True),
    # one row per failing input; a later success of the same input removes it
    Column("location", Text, nullable=False, unique=True),
    Column("reason", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
)
