"""Claims in the ledger: stored per document and extractor version, replaced on re-extraction."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine

from corroborate.store.schema import (
    claims,
    document_signatures,
    documents,
    extractions,
    framing_markers,
    reviews,
    sources,
    unknown_actors,
)

if TYPE_CHECKING:  # types only: a ledger command need not load the extractor (startup time)
    from corroborate.extract.claim import Claim, FramingMarker

NAME_CHARS = 200  # the unknown_actors.name column's width


@dataclass(frozen=True, slots=True)
class PendingDocument:
    id: int
    origin: str
    external_id: str | None
    text: str
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Signature:
    """A document's MinHash signature as stored: its parameters and its hash values."""

    num_perm: int
    shingle_words: int
    hashvalues: bytes


@dataclass(frozen=True, slots=True)
class DocumentExtraction:
    document_id: int
    claims: Sequence[Claim]
    framing: Sequence[FramingMarker]
    signature: Signature | None = None
    unknown: Sequence[str] = ()  # names the knowledge base lacks (Extraction.unknown)


@dataclass(frozen=True, slots=True)
class ExtractionRows:
    """One document's extraction as plain rows (no document id yet): what a worker sends back.

    Plain dicts and bytes pickle the same whether or not the extractor is compiled."""

    claims: tuple[dict[str, Any], ...]
    framing: tuple[dict[str, Any], ...]
    signature: Signature | None = None
    unknown: tuple[str, ...] = ()  # names the knowledge base lacks, each once


@dataclass(frozen=True, slots=True)
class UnknownActor:
    """A name the extractor read as an actor or voice that its knowledge base lacks."""

    name: str
    documents: int  # how many documents it was found in


def extraction_rows(item: DocumentExtraction, *, version: str) -> ExtractionRows:
    """The rows `write_extraction_rows` stores for one document's claims and markers."""
    return ExtractionRows(
        claims=tuple(_claim_row(0, c, version) for c in item.claims),
        framing=tuple(
            {"term": f.term, "side": f.side, "start": f.start, "end": f.end} for f in item.framing
        ),
        signature=item.signature,
        # as the column holds them: a name cut to its width is still one row per document
        unknown=tuple(dict.fromkeys(n[:NAME_CHARS] for n in item.unknown if n.strip())),
    )


def write_extraction_rows(
    conn: Connection, items: Sequence[tuple[int, ExtractionRows]], *, version: str
) -> int:
    """Replace these documents' claims, markers, signatures and unknown names inside the
    caller's transaction."""
    if not items:
        return 0
    now = datetime.now(UTC)
    ids = [doc_id for doc_id, _ in items]
    claim_rows = [r | {"document_id": d} for d, rows in items for r in rows.claims]
    framing_rows = [r | {"document_id": d} for d, rows in items for r in rows.framing]
    signature_rows = [
        {"document_id": d, "num_perm": rows.signature.num_perm,
         "shingle_words": rows.signature.shingle_words, "hashvalues": rows.signature.hashvalues}
        for d, rows in items
        if rows.signature is not None
    ]  # fmt: skip
    if signature_rows:
        signed = [r["document_id"] for r in signature_rows]
        conn.execute(
            document_signatures.delete().where(document_signatures.c.document_id.in_(signed))
        )
        conn.execute(document_signatures.insert(), signature_rows)
    conn.execute(claims.delete().where(claims.c.document_id.in_(ids)))
    conn.execute(framing_markers.delete().where(framing_markers.c.document_id.in_(ids)))
    conn.execute(extractions.delete().where(extractions.c.document_id.in_(ids)))
    conn.execute(unknown_actors.delete().where(unknown_actors.c.document_id.in_(ids)))
    unknown_rows = [{"document_id": d, "name": n} for d, rows in items for n in rows.unknown]
    if unknown_rows:
        conn.execute(unknown_actors.insert(), unknown_rows)
    if claim_rows:
        conn.execute(claims.insert(), claim_rows)
    if framing_rows:
        conn.execute(framing_markers.insert(), framing_rows)
    conn.execute(
        extractions.insert(),
        [
            {"document_id": d, "extractor": version, "claims": len(rows.claims),
             "extracted_at": now}
            for d, rows in items
        ],
    )  # fmt: skip
    return len(claim_rows)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    id: int
    document_id: int
    source: str | None
    affiliation: str | None
    url: str | None
    published: date | None
    subject: str | None
    relation: str
    object: str | None
    recipient: str | None
    quantity_low: float | None
    quantity_high: float | None
    quantity_unit: str | None
    speaker: str
    polarity: str
    hedged: bool
    evidence_start: int
    evidence_end: int
    evidence_text: str
    cameo: str | None
    confidence: float
    extractor: str


@dataclass(frozen=True, slots=True)
class ClaimStats:
    claims: int
    documents_extracted: int
    framing_markers: int
    by_relation: dict[str, dict[str, int]]


class ClaimsMixin:
    """The claim half of the Ledger; shares its engine and single write path."""

    engine: Engine

    def pending_extraction(
        self, version: str, *, batch: int = 200
    ) -> Iterator[list[PendingDocument]]:
        """Documents never extracted, or extracted by another version, in id order and batches."""
        last = 0
        while True:
            q = (
                sa.select(
                    documents.c.id,
                    documents.c.origin,
                    documents.c.external_id,
                    documents.c.text,
                    documents.c.language,
                )
                .select_from(documents.outerjoin(extractions))
                .where(documents.c.id > last)
                .where(
                    sa.or_(extractions.c.document_id.is_(None), extractions.c.extractor != version)
                )
                .order_by(documents.c.id)
                .limit(batch)
            )
            with self.engine.connect() as conn:
                rows = [PendingDocument(*r) for r in conn.execute(q)]
            if not rows:
                return
            yield rows
            last = rows[-1].id

    def pending_count(self, version: str) -> int:
        """How many documents `pending_extraction(version)` would yield."""
        q = (
            sa.select(sa.func.count(documents.c.id))
            .select_from(documents.outerjoin(extractions))
            .where(sa.or_(extractions.c.document_id.is_(None), extractions.c.extractor != version))
        )
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())

    def store_extractions(self, items: Sequence[DocumentExtraction], *, version: str) -> int:
        """Replace the claims and framing markers of these documents, in one transaction."""
        if not items:
            return 0
        rows = [(i.document_id, extraction_rows(i, version=version)) for i in items]
        with self.engine.begin() as conn:
            return write_extraction_rows(conn, rows, version=version)

    def store_extraction_rows(
        self, items: Sequence[tuple[int, ExtractionRows]], *, version: str
    ) -> int:
        """As `store_extractions`, for rows a worker process made (see `extraction_rows`)."""
        if not items:
            return 0
        with self.engine.begin() as conn:
            return write_extraction_rows(conn, items, version=version)

    def list_unknown_actors(self, *, limit: int | None = None) -> tuple[int, list[UnknownActor]]:
        """How many distinct names the knowledge base lacks, and the first `limit` of them,
        most documents first (then by name)."""
        documents_of = sa.func.count(unknown_actors.c.document_id)
        q = (
            sa.select(unknown_actors.c.name, documents_of.label("n"))
            .group_by(unknown_actors.c.name)
            .order_by(documents_of.desc(), unknown_actors.c.name)
        )
        total = sa.select(sa.func.count(sa.distinct(unknown_actors.c.name)))
        with self.engine.connect() as conn:
            count = int(conn.execute(total).scalar_one())
            rows = conn.execute(q if limit is None else q.limit(limit)).all()
        return count, [UnknownActor(str(name), int(n)) for name, n in rows]

    def reset_extractions(self) -> int:
        """Mark every document as not extracted, so the next run re-extracts all of them."""
        with self.engine.begin() as conn:
            return int(conn.execute(extractions.delete()).rowcount or 0)

    def list_claims(
        self,
        *,
        subject: str | None = None,
        relation: str | None = None,
        speaker: str | None = None,
        document_id: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ClaimRow]:
        q = self._claims_query().offset(offset)
        filters = {
            claims.c.subject: subject,
            claims.c.relation: relation,
            claims.c.speaker: speaker,
            claims.c.document_id: document_id,
        }
        for column, value in filters.items():
            if value is not None:
                q = q.where(column == value)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [ClaimRow(**r._asdict()) for r in conn.execute(q)]

    def _claims_query(self) -> sa.Select[Any]:
        return (
            sa.select(
                claims.c.id,
                claims.c.document_id,
                sources.c.name.label("source"),
                sources.c.affiliation,
                documents.c.url,
                documents.c.published,
                claims.c.subject,
                claims.c.relation,
                claims.c.object,
                claims.c.recipient,
                claims.c.quantity_low,
                claims.c.quantity_high,
                claims.c.quantity_unit,
                claims.c.speaker,
                claims.c.polarity,
                claims.c.hedged,
                claims.c.evidence_start,
                claims.c.evidence_end,
                claims.c.evidence_text,
                claims.c.cameo,
                claims.c.confidence,
                claims.c.extractor,
            )
            .select_from(claims.join(documents).outerjoin(sources))
            .order_by(claims.c.document_id, claims.c.evidence_start, claims.c.id)
        )

    def iter_claims(self, *, batch: int = 5000) -> Iterator[ClaimRow]:
        """Every claim, streamed: a server-side cursor on PostgreSQL, so the driver never
        holds the whole table at once (as `list_claims` does before building its rows)."""
        q = self._claims_query()
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(q)
            for r in result:
                yield ClaimRow(**r._asdict())

    def signatures(self, *, num_perm: int, shingle_words: int) -> dict[int, bytes]:
        """Stored signatures made with these parameters (others must be recomputed)."""
        q = sa.select(document_signatures.c.document_id, document_signatures.c.hashvalues).where(
            document_signatures.c.num_perm == num_perm,
            document_signatures.c.shingle_words == shingle_words,
        )
        with self.engine.connect() as conn:
            return {int(i): bytes(h) for i, h in conn.execute(q)}

    def document_texts(
        self, *, batch: int = 500, exclude: frozenset[int] = frozenset()
    ) -> Iterator[tuple[int, str]]:
        """(id, text) of every document, streamed in id order."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    sa.select(documents.c.id, documents.c.text)
                    .where(documents.c.id > last)
                    .order_by(documents.c.id)
                    .limit(batch)
                ).all()
            if not rows:
                return
            yield from ((int(i), str(t)) for i, t in rows if int(i) not in exclude)
            last = int(rows[-1][0])

    def add_review(
        self,
        *,
        kind: str,
        payload: dict[str, Any],
        note: str = "",
        author: str = "",
        idempotency_key: str | None = None,
    ) -> int:
        """Record an analyst's decision (merge, split, ...); reviews are never rewritten.

        With an `idempotency_key` (at most 64 characters), a second call with the same key
        stores nothing and returns the first review's id: a retried request is stored once."""
        if idempotency_key is not None:
            found = self._review_with_key(idempotency_key)
            if found is not None:
                return found
        try:
            with self.engine.begin() as conn:
                result = conn.execute(
                    reviews.insert().values(
                        kind=kind, payload=payload, note=note, author=author,
                        created_at=datetime.now(UTC), idempotency_key=idempotency_key,
                    )
                )  # fmt: skip
                key = result.inserted_primary_key
                assert key is not None
                return int(key[0])
        except sa.exc.IntegrityError:
            # the same key stored by a concurrent retry between the look-up and the insert
            found = self._review_with_key(idempotency_key) if idempotency_key else None
            if found is None:
                raise
            return found

    def _review_with_key(self, idempotency_key: str) -> int | None:
        with self.engine.connect() as conn:
            found = conn.execute(
                sa.select(reviews.c.id).where(reviews.c.idempotency_key == idempotency_key)
            ).scalar_one_or_none()
        return None if found is None else int(found)

    def list_reviews(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(reviews).order_by(reviews.c.id)).all()
        return [dict(r._mapping) for r in rows]

    def framing_by_source(self) -> dict[str, list[tuple[str, str, int]]]:
        """outlet -> [(term, side, count)], most used first."""
        term = sa.func.lower(framing_markers.c.term)
        q = (
            sa.select(sources.c.name, term, framing_markers.c.side, sa.func.count())
            .select_from(framing_markers.join(documents).outerjoin(sources))
            .group_by(sources.c.name, term, framing_markers.c.side)
        )
        out: dict[str, list[tuple[str, str, int]]] = {}
        with self.engine.connect() as conn:
            for name, t, side, n in conn.execute(q):
                out.setdefault(name or "(unknown outlet)", []).append((str(t), str(side), int(n)))
        return {k: sorted(v, key=lambda r: -r[2]) for k, v in sorted(out.items())}

    def claim_stats(self) -> ClaimStats:
        with self.engine.connect() as conn:
            n = conn.execute(sa.select(sa.func.count(claims.c.id))).scalar_one()
            docs = conn.execute(sa.select(sa.func.count(extractions.c.document_id))).scalar_one()
            marks = conn.execute(sa.select(sa.func.count(framing_markers.c.id))).scalar_one()
            rows = conn.execute(
                sa.select(claims.c.relation, claims.c.polarity, sa.func.count(claims.c.id))
                .group_by(claims.c.relation, claims.c.polarity)
                .order_by(claims.c.relation)
            ).all()
        by: dict[str, dict[str, int]] = {}
        for relation, polarity, count in rows:
            by.setdefault(str(relation), {})[str(polarity)] = int(count)
        return ClaimStats(int(n), int(docs), int(marks), by)


def _clipped(row: dict[str, Any]) -> dict[str, Any]:
    """Names longer than their column (a hostile text's 300-character "actor") are cut to fit:
    PostgreSQL refuses them, and one such claim must not fail its whole batch."""
    for column in claims.columns:
        size = getattr(column.type, "length", None)
        value = row.get(column.name)
        if size and isinstance(value, str) and len(value) > size:
            row[column.name] = value[:size]
    return row


def _claim_row(document_id: int, c: Claim, version: str) -> dict[str, Any]:
    q = c.quantity
    return _clipped(
        {
            "document_id": document_id,
            "extractor": version,
            "subject": c.subject,
            "relation": c.relation,
            "object": c.object,
            "recipient": c.recipient,
            "quantity_low": q.low if q else None,
            "quantity_high": q.high if q else None,
            "quantity_unit": q.unit if q else None,
            "speaker": c.speaker,
            "polarity": c.polarity,
            "hedged": c.hedged,
            "time": c.time,
            "evidence_start": c.evidence.start,
            "evidence_end": c.evidence.end,
            "evidence_text": c.evidence.text,
            "mentions": [m.to_dict() for m in c.mentions],
            "cameo": c.cameo,
            "confidence": c.confidence,
        }
    )
