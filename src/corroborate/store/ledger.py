"""The ledger: the one place that reads and writes the database.

Every write goes through a `Ledger` method that runs in one transaction, so an interrupted
run leaves either all or none of a batch. Reads return small frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from corroborate.model import Document, IngestFailure, Source
from corroborate.store.claims import ClaimsMixin, ExtractionRows, write_extraction_rows
from corroborate.store.origins import OriginsMixin
from corroborate.store.reads import ReadsMixin
from corroborate.store.schema import documents, extractions, ingest_errors, sources
from corroborate.store.search import DocumentLookupMixin, SearchMixin
from corroborate.store.stance import StanceMixin

MIGRATIONS = Path(__file__).with_name("migrations")


def _head_revision() -> str:
    """The newest migration's revision: migrations are named "<revision>_<what>.py"."""
    names = sorted(p.name for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))
    return names[-1].split("_", 1)[0] if names else ""


def _at_head(conn: Connection) -> bool:
    """Whether the database is already at the newest schema (read without Alembic)."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return False
    versions = [r[0] for r in conn.execute(sa.text("SELECT version_num FROM alembic_version"))]
    return versions == [_head_revision()]


class LedgerError(RuntimeError):
    """The database cannot be opened or used; the message says what to do."""


@dataclass(frozen=True, slots=True)
class WriteResult:
    added: int = 0
    existing: int = 0
    failed: int = 0


@dataclass(frozen=True, slots=True)
class ExtractedWrite:
    added: int = 0
    existing: int = 0
    failed: int = 0
    extracted: int = 0  # documents whose claims this write stored
    claims: int = 0
    unknown: frozenset[str] = frozenset()  # names the knowledge base lacks, in those documents


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    source: str | None
    title: str | None
    url: str | None
    published: date | None
    language: str | None
    format: str
    origin: str
    chars: int
    content_hash: str


@dataclass(frozen=True, slots=True)
class SourceRow:
    id: int
    name: str
    domains: tuple[str, ...]
    country: str | None
    kind: str | None
    affiliation: str | None
    notes: str | None
    documents: int


@dataclass(frozen=True, slots=True)
class ErrorRow:
    location: str
    reason: str
    attempts: int
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class LedgerStats:
    documents: int
    sources: int
    errors: int
    first_published: date | None
    last_published: date | None
    words: int
    by_affiliation: dict[str, int]
    by_language: dict[str, int]


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def create_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise LedgerError(
            f"not a database URL: {url!r} (try sqlite:///path/to/file.db or "
            "postgresql+psycopg://user@host/dbname)"
        ) from None
    if parsed.get_backend_name() == "sqlite":
        in_memory = parsed.database in (None, "", ":memory:")  # one connection, no pool
        if not in_memory:
            Path(str(parsed.database)).parent.mkdir(parents=True, exist_ok=True)
        # enough pooled connections for a busy web server's threads: a connection opened past
        # the pool is closed after one use, and opening one (pragmas, schema, cold page cache)
        # costs more than the page it serves
        engine = sa.create_engine(
            parsed, **({} if in_memory else {"pool_size": 32, "max_overflow": 32})
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        return sa.create_engine(parsed, pool_pre_ping=True)
    except NoSuchModuleError:
        raise LedgerError(
            f"no driver for {parsed.drivername}: install it (for PostgreSQL: "
            "pip install 'corroborate[postgres]' and use postgresql+psycopg://...)"
        ) from None


class Ledger(ClaimsMixin, SearchMixin, DocumentLookupMixin, StanceMixin, ReadsMixin, OriginsMixin):
    """A ledger database, migrated to the newest schema when opened."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url)
        try:
            with self.engine.begin() as conn:
                self._upgrade(conn)
        except OperationalError as exc:
            self.engine.dispose()
            raise LedgerError(f"cannot open the ledger at {self.safe_url}: {exc.orig}") from None
        self._source_ids: dict[str, int] = {}
        self._common_terms: dict[tuple[str, int], bool] = {}  # search: word in most documents?

    @property
    def safe_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @staticmethod
    def _upgrade(conn: Connection) -> None:
        if _at_head(conn):
            return  # the common case: no Alembic import (a third of a command's start-up)
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- the write path -------------------------------------------------------------------

    def _insert(self, table: sa.Table) -> Any:
        if self.engine.dialect.name == "postgresql":
            return postgresql.insert(table)
        if self.engine.dialect.name == "sqlite":
            return sqlite.insert(table)
        raise LedgerError(
            f"unsupported database {self.engine.dialect.name}: use SQLite or PostgreSQL"
        )

    def upsert_sources(self, items: Iterable[Source]) -> int:
        """Insert or update outlets by name; returns how many were given."""
        rows = [
            {
                "name": s.name,
                "domains": list(s.domains),
                "country": s.country,
                "kind": s.kind,
                "affiliation": s.affiliation,
                "notes": s.notes,
            }
            for s in items
        ]
        if not rows:
            return 0
        stmt = self._insert(sources)
        stmt = stmt.on_conflict_do_update(
            index_elements=[sources.c.name],
            set_={
                k: stmt.excluded[k] for k in ("domains", "country", "kind", "affiliation", "notes")
            },
        )
        with self.engine.begin() as conn:
            for row in rows:
                conn.execute(stmt, row)
        return len(rows)

    def _source_id(self, conn: Connection, name: str) -> int:
        if name in self._source_ids:
            return self._source_ids[name]
        conn.execute(
            self._insert(sources).on_conflict_do_nothing(index_elements=[sources.c.name]),
            {"name": name, "domains": []},
        )
        found = conn.execute(sa.select(sources.c.id).where(sources.c.name == name)).scalar_one()
        self._source_ids[name] = found
        return int(found)

    def write_batch(
        self,
        docs: Sequence[Document],
        failures: Sequence[IngestFailure] = (),
        *,
        succeeded: Iterable[str] = (),
    ) -> WriteResult:
        """Store documents and failures in one transaction.

        Documents already in the ledger (same dedupe key) are skipped; `succeeded` names inputs
        that now read cleanly, whose earlier error rows are removed.
        """
        try:
            with self.engine.begin() as conn:
                return self._write_documents(conn, docs, failures, succeeded)
        except Exception:
            self._source_ids.clear()  # ids created in the rolled-back transaction are gone
            raise

    def _write_documents(
        self,
        conn: Connection,
        docs: Sequence[Document],
        failures: Sequence[IngestFailure],
        succeeded: Iterable[str],
    ) -> WriteResult:
        now = datetime.now(UTC)
        unique: dict[str, Document] = {}
        for d in docs:  # the first of a batch's twins wins, as across batches
            unique.setdefault(d.dedupe_key, d)
        existing: set[str] = set()
        keys = list(unique)
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            existing.update(
                conn.execute(
                    sa.select(documents.c.dedupe_key).where(documents.c.dedupe_key.in_(chunk))
                ).scalars()
            )
        new = [d for k, d in unique.items() if k not in existing]
        rows = [self._document_row(conn, d, now) for d in new]
        if rows:
            conn.execute(
                self._insert(documents).on_conflict_do_nothing(
                    index_elements=[documents.c.dedupe_key]
                ),
                rows,
            )
        done = set(succeeded) | {d.origin for d in docs}
        if done:
            conn.execute(ingest_errors.delete().where(ingest_errors.c.location.in_(done)))
        for f in failures:
            self._record_failure(conn, f, now)
        return WriteResult(added=len(new), existing=len(docs) - len(new), failed=len(failures))

    def write_extracted_batch(
        self,
        items: Sequence[tuple[Document, ExtractionRows | None]],
        failures: Sequence[IngestFailure] = (),
        *,
        succeeded: Iterable[str] = (),
        version: str,
    ) -> ExtractedWrite:
        """Documents with their extractions, and failures, in one transaction.

        Like `write_batch` for the documents. A document's claims are stored only when the
        ledger has no extraction of it by `version` yet, so a re-run (or the same text twice in
        one batch) never replaces or duplicates work already done."""
        docs = [d for d, _ in items]
        try:
            with self.engine.begin() as conn:
                result = self._write_documents(conn, docs, failures, succeeded)
                extracted = {d.dedupe_key: rows for d, rows in items if rows is not None}
                todo: list[tuple[int, ExtractionRows]] = []
                keys = list(extracted)
                for i in range(0, len(keys), 500):
                    found = conn.execute(
                        sa.select(documents.c.id, documents.c.dedupe_key, extractions.c.extractor)
                        .select_from(documents.outerjoin(extractions))
                        .where(documents.c.dedupe_key.in_(keys[i : i + 500]))
                    )
                    todo.extend(
                        (int(doc_id), extracted[key])
                        for doc_id, key, done in found
                        if done != version
                    )
                n_claims = write_extraction_rows(conn, todo, version=version)
        except Exception:
            self._source_ids.clear()  # ids created in the rolled-back transaction are gone
            raise
        unknown = frozenset(n for _, rows in todo for n in rows.unknown)
        return ExtractedWrite(
            result.added, result.existing, result.failed, len(todo), n_claims, unknown
        )

    def finished_keys(self, keys: Sequence[str], *, version: str | None) -> set[str]:
        """Which of these dedupe keys are stored (and, given `version`, extracted by it)."""
        q = sa.select(documents.c.dedupe_key).where(documents.c.dedupe_key.in_(keys))
        if version is not None:
            q = q.join(extractions).where(extractions.c.extractor == version)
        if not keys:
            return set()
        with self.engine.connect() as conn:
            return set(conn.execute(q).scalars())

    def _document_row(self, conn: Connection, d: Document, now: datetime) -> dict[str, Any]:
        m = d.meta
        return {
            "dedupe_key": d.dedupe_key,
            "content_hash": d.content_hash,
            "source_id": self._source_id(conn, m.source) if m.source else None,
            "origin": d.origin,
            "format": d.format,
            "url": m.url,
            "title": m.title,
            "author": m.author,
            "published": m.published,
            "language": m.language,
            "external_id": m.external_id,
            "text": d.text,
            "chars": len(d.text),
            "words": len(d.text.split()),
            "ingested_at": now,
        }

    def _record_failure(self, conn: Connection, f: IngestFailure, now: datetime) -> None:
        stmt = self._insert(ingest_errors).values(
            location=f.origin, reason=f.reason, attempts=1, occurred_at=now
        )
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[ingest_errors.c.location],
                set_={
                    "reason": stmt.excluded.reason,
                    "occurred_at": stmt.excluded.occurred_at,
                    "attempts": ingest_errors.c.attempts + 1,
                },
            )
        )

    # -- reads ----------------------------------------------------------------------------

    def list_documents(
        self, *, source: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[DocumentRow]:
        q = (
            sa.select(
                documents.c.id,
                sources.c.name.label("source"),
                documents.c.title,
                documents.c.url,
                documents.c.published,
                documents.c.language,
                documents.c.format,
                documents.c.origin,
                documents.c.chars,
                documents.c.content_hash,
            )
            .select_from(documents.outerjoin(sources))
            .order_by(documents.c.published.is_(None), documents.c.published, documents.c.id)
            .offset(offset)
        )
        if source is not None:
            q = q.where(sources.c.name == source)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [DocumentRow(**row._asdict()) for row in conn.execute(q)]

    def document_text(self, doc_id: int) -> str | None:
        with self.engine.connect() as conn:
            found = conn.execute(
                sa.select(documents.c.text).where(documents.c.id == doc_id)
            ).scalar_one_or_none()
        return None if found is None else str(found)

    def list_sources(self) -> list[SourceRow]:
        count = sa.func.count(documents.c.id)
        q = (
            sa.select(
                sources.c.id,
                sources.c.name,
                sources.c.domains,
                sources.c.country,
                sources.c.kind,
                sources.c.affiliation,
                sources.c.notes,
                count,
            )
            .select_from(sources.outerjoin(documents))
            .group_by(sources.c.id)
            .order_by(sources.c.name)
        )
        with self.engine.connect() as conn:
            return [
                SourceRow(r[0], r[1], tuple(r[2] or ()), r[3], r[4], r[5], r[6], int(r[7]))
                for r in conn.execute(q)
            ]

    def list_errors(self) -> list[ErrorRow]:
        q = sa.select(
            ingest_errors.c.location,
            ingest_errors.c.reason,
            ingest_errors.c.attempts,
            ingest_errors.c.occurred_at,
        ).order_by(ingest_errors.c.location)
        with self.engine.connect() as conn:
            return [ErrorRow(*row) for row in conn.execute(q)]

    def stats(self) -> LedgerStats:
        with self.engine.connect() as conn:
            n_docs, first, last, words = conn.execute(
                sa.select(
                    sa.func.count(documents.c.id),
                    sa.func.min(documents.c.published),
                    sa.func.max(documents.c.published),
                    sa.func.coalesce(sa.func.sum(documents.c.words), 0),
                )
            ).one()
            n_sources = conn.execute(sa.select(sa.func.count(sources.c.id))).scalar_one()
            n_errors = conn.execute(sa.select(sa.func.count(ingest_errors.c.id))).scalar_one()
            group = sa.func.coalesce(sources.c.affiliation, "(unknown)")
            by_aff = conn.execute(
                sa.select(group, sa.func.count(documents.c.id))
                .select_from(documents.outerjoin(sources))
                .group_by(group)
            ).all()
            lang = sa.func.coalesce(documents.c.language, "(unknown)")
            by_lang = conn.execute(
                sa.select(lang, sa.func.count(documents.c.id)).group_by(lang)
            ).all()
        return LedgerStats(
            documents=int(n_docs),
            sources=int(n_sources),
            errors=int(n_errors),
            first_published=first,
            last_published=last,
            words=int(words),
            by_affiliation={str(k): int(v) for k, v in sorted(by_aff, key=lambda r: -r[1])},
            by_language={str(k): int(v) for k, v in sorted(by_lang, key=lambda r: -r[1])},
        )
