"""The ledger on a real SQLite file and, when configured, a real PostgreSQL database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from corroborate.ingest import build_document
from corroborate.model import Document, IngestFailure, Metadata, RawInput, Source
from corroborate.store import Ledger, LedgerError
from corroborate.store.schema import metadata


def doc(text: str, *, source: str | None = None, published: date | None = None) -> Document:
    built = build_document(
        RawInput(
            origin=f"{text[:10]}.txt",
            text=text,
            format="txt",
            meta=Metadata(source=source, published=published, language="en"),
        )
    )
    assert isinstance(built, Document)
    return built


def test_migrations_create_exactly_the_declared_schema(ledger: Ledger) -> None:
    def declared(obj: object, name: str | None, kind: str, reflected: bool, other: object) -> bool:
        # the full-text search objects are dialect-specific SQL, not part of the declared tables
        return not (name or "").startswith(("documents_fts", "ix_documents_search"))

    with ledger.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": declared})
        diff = compare_metadata(context, metadata)
        version = conn.execute(sa.text("select version_num from alembic_version")).scalar_one()
    assert diff == []
    assert version == "0008"


def test_an_older_ledger_is_upgraded_when_opened(ledger_url: str) -> None:
    """Opening skips Alembic when the schema is current, so an older one must still upgrade."""
    from alembic import command
    from alembic.config import Config

    from corroborate.store.ledger import MIGRATIONS, _head_revision

    assert _head_revision() == "0008"
    with Ledger(ledger_url) as first:
        first.write_batch([doc("One text about drones.")])
        with first.engine.begin() as conn:
            cfg = Config()
            cfg.set_main_option("script_location", str(MIGRATIONS))
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")  # drops the stance evidence table
        assert not sa.inspect(first.engine).has_table("stance_evidence")
    with Ledger(ledger_url) as again:
        assert sa.inspect(again.engine).has_table("stance_evidence")
        with again.engine.connect() as conn:
            version = conn.execute(sa.text("select version_num from alembic_version")).scalar_one()
        assert version == "0008" and len(again.list_documents()) == 1


def test_reopening_is_a_no_op(ledger_url: str) -> None:
    with Ledger(ledger_url) as first:
        first.write_batch([doc("One text about drones.")])
    with Ledger(ledger_url) as again:
        assert len(again.list_documents()) == 1


def test_write_batch_is_idempotent(ledger: Ledger) -> None:
    docs = [doc("Turkey sold drones.", source="Wire A"), doc("Russia sent arms.", source="Wire B")]
    first = ledger.write_batch(docs)
    assert (first.added, first.existing) == (2, 0)
    second = ledger.write_batch([*docs, docs[0]])
    assert (second.added, second.existing) == (0, 3)
    assert len(ledger.list_documents()) == 2


def test_same_text_from_two_outlets_is_two_documents(ledger: Ledger) -> None:
    a, b = (
        doc("A shared wire story.", source="Wire A"),
        doc("A shared wire story.", source="Paper B"),
    )
    assert ledger.write_batch([a, b]).added == 2
    rows = ledger.list_documents()
    assert rows[0].content_hash == rows[1].content_hash


def test_failures_upsert_and_clear_on_success(ledger: Ledger) -> None:
    bad = IngestFailure("in/x.txt", "binary data")
    ledger.write_batch([], [bad])
    ledger.write_batch([], [IngestFailure("in/x.txt", "empty file (no text)")])
    (row,) = ledger.list_errors()
    assert (row.location, row.reason, row.attempts) == ("in/x.txt", "empty file (no text)", 2)
    ledger.write_batch([], [], succeeded=["in/x.txt"])
    assert ledger.list_errors() == []


def test_a_failed_batch_leaves_nothing_behind(ledger: Ledger) -> None:
    good = doc("Stored before the failure.", source="Wire A")
    broken = IngestFailure("in/y.txt", None)  # type: ignore[arg-type]  # violates NOT NULL
    with pytest.raises(sa.exc.IntegrityError):
        ledger.write_batch([good], [broken])
    assert ledger.list_documents() == []
    assert ledger.list_sources() == []
    assert ledger.write_batch([good]).added == 1  # the source cache was reset with the rollback


def test_sources_upsert_and_document_counts(ledger: Ledger) -> None:
    ledger.upsert_sources([Source(name="Wire A", domains=("a.example",), kind="wire")])
    ledger.upsert_sources(
        [Source(name="Wire A", domains=("a.example", "b.example"), kind="wire", affiliation="wire")]
    )
    ledger.write_batch(
        [doc("Text one.", source="Wire A"), doc("Text two.", source="Unknown Paper")]
    )
    rows = {r.name: r for r in ledger.list_sources()}
    assert rows["Wire A"].domains == ("a.example", "b.example")
    assert rows["Wire A"].affiliation == "wire"
    assert rows["Wire A"].documents == 1
    assert rows["Unknown Paper"].kind is None and rows["Unknown Paper"].documents == 1


def test_listing_filters_and_stats(ledger: Ledger) -> None:
    ledger.upsert_sources([Source(name="Wire A", affiliation="wire")])
    ledger.write_batch(
        [
            doc("Later story with five words.", source="Wire A", published=date(2020, 10, 9)),
            doc("Earlier story here.", source="Wire A", published=date(2020, 9, 28)),
            doc("Undated story.", source="Paper B"),
        ]
    )
    rows = ledger.list_documents()
    assert [r.published for r in rows] == [date(2020, 9, 28), date(2020, 10, 9), None]
    assert [r.title for r in ledger.list_documents(source="Paper B")] == [None]
    assert len(ledger.list_documents(limit=1, offset=1)) == 1
    stats = ledger.stats()
    assert stats.documents == 3 and stats.sources == 2
    assert (stats.first_published, stats.last_published) == (date(2020, 9, 28), date(2020, 10, 9))
    assert stats.words == 5 + 3 + 2
    assert stats.by_affiliation == {"wire": 2, "(unknown)": 1}
    assert ledger.document_text(rows[0].id) == "Earlier story here."
    assert ledger.document_text(99999) is None


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    with Ledger(sqlite_url) as ledger, ledger.engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
        with pytest.raises(sa.exc.IntegrityError):
            conn.execute(
                sa.text(
                    "insert into documents (dedupe_key, content_hash, source_id, origin, format,"
                    " text, chars, words, ingested_at) values ('k','h',999,'o','txt','t',1,1,"
                    "'2020-01-01')"
                )
            )


def test_bad_urls_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="not a database URL"):
        Ledger("no-scheme-here")
    with pytest.raises(LedgerError, match="no driver"):
        Ledger("postgresql+nosuchdriver://x@127.0.0.1/db")
    with pytest.raises(LedgerError, match="cannot open the ledger"):
        Ledger("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(LedgerError, match="cannot open the ledger"):
        Ledger(f"sqlite:///{tmp_path / 'dir.db'}")


def test_change_token_follows_edited_sources(ledger: Ledger) -> None:
    ledger.upsert_sources([Source("Anka Daily", affiliation="turkish_state")])
    before = ledger.change_token()
    assert ledger.change_token() == before
    ledger.upsert_sources([Source("Anka Daily", affiliation="independent")])  # a new registry
    assert ledger.change_token() != before
