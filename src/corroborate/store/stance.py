"""Stance evidence in the ledger: one row per document, proposition and model, replaceable."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy import Engine

from corroborate.store.schema import documents, sources, stance_evidence


@dataclass(frozen=True, slots=True)
class StanceRow:
    document_id: int
    proposition_id: str
    label: str
    confidence: float
    passage: str | None


@dataclass(frozen=True, slots=True)
class StanceEvidenceRow:
    document_id: int
    proposition_id: str
    label: str
    confidence: float
    passage: str | None
    model: str
    outlet: str | None
    affiliation: str | None
    published: date | None


class StanceMixin:
    engine: Engine

    def store_stance(self, rows: Sequence[StanceRow], *, model: str) -> int:
        """Replace the stance rows of these propositions for this model, in one transaction."""
        props = sorted({r.proposition_id for r in rows})
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            if props:
                conn.execute(
                    stance_evidence.delete().where(
                        stance_evidence.c.proposition_id.in_(props),
                        stance_evidence.c.model == model,
                    )
                )
            if rows:
                conn.execute(
                    stance_evidence.insert(),
                    [
                        {"document_id": r.document_id, "proposition_id": r.proposition_id,
                         "label": r.label, "confidence": r.confidence, "passage": r.passage,
                         "model": model, "created_at": now}
                        for r in rows
                    ],
                )  # fmt: skip
        return len(rows)

    def list_stance(self, *, proposition_id: str | None = None) -> list[StanceEvidenceRow]:
        q = (
            sa.select(
                stance_evidence.c.document_id,
                stance_evidence.c.proposition_id,
                stance_evidence.c.label,
                stance_evidence.c.confidence,
                stance_evidence.c.passage,
                stance_evidence.c.model,
                sources.c.name,
                sources.c.affiliation,
                documents.c.published,
            )
            .select_from(stance_evidence.join(documents).outerjoin(sources))
            .order_by(stance_evidence.c.proposition_id, stance_evidence.c.document_id)
        )
        if proposition_id is not None:
            q = q.where(stance_evidence.c.proposition_id == proposition_id)
        with self.engine.connect() as conn:
            return [StanceEvidenceRow(*r) for r in conn.execute(q)]
