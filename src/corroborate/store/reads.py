"""Small reads for edges that show the ledger: markers of one document, a change token."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Engine

from corroborate.store.schema import (
    claims,
    documents,
    extractions,
    framing_markers,
    reviews,
    sources,
)


@dataclass(frozen=True, slots=True)
class MarkerRow:
    term: str
    side: str
    start: int
    end: int


class ReadsMixin:
    engine: Engine

    def framing_of_document(self, document_id: int) -> list[MarkerRow]:
        q = (
            sa.select(
                framing_markers.c.term,
                framing_markers.c.side,
                framing_markers.c.start,
                framing_markers.c.end,
            )
            .where(framing_markers.c.document_id == document_id)
            .order_by(framing_markers.c.start)
        )
        with self.engine.connect() as conn:
            return [MarkerRow(str(t), str(s), int(a), int(b)) for t, s, a, b in conn.execute(q)]

    def change_token(self) -> tuple[object, ...]:
        """A cheap summary that changes whenever claims, documents or reviews change."""
        q = sa.select(
            sa.select(sa.func.max(claims.c.id)).scalar_subquery(),
            sa.select(sa.func.max(documents.c.id)).scalar_subquery(),
            sa.select(sa.func.count()).select_from(extractions).scalar_subquery(),
            sa.select(sa.func.max(extractions.c.extracted_at)).scalar_subquery(),
            sa.select(sa.func.max(reviews.c.id)).scalar_subquery(),
        )
        # sources are few, and edited in place by a re-ingest with a new registry: their rows
        # themselves are part of the token
        source_rows = sa.select(
            sources.c.id, sources.c.name, sources.c.domains, sources.c.country, sources.c.kind,
            sources.c.affiliation, sources.c.notes,
        ).order_by(sources.c.id)  # fmt: skip
        with self.engine.connect() as conn:
            counts = tuple(conn.execute(q).one())
            digest = hashlib.sha256(repr(conn.execute(source_rows).all()).encode()).hexdigest()
        return (*counts, digest)

    def count_documents(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count(documents.c.id))).scalar_one())
