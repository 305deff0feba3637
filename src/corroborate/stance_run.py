"""Document stance toward propositions: retrieval, the stance model, stored as its own evidence.

Documents that address a proposition without a claim the extractor found (a report that agrees
in other words, a rebuttal) are labelled by the stance model and stored in stance_evidence; the
assessment weighs them below extracted claims (setting `stance_weight`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corroborate.assess import ClaimRecord, Proposition
from corroborate.check import StanceLike
from corroborate.store import Ledger, StanceEvidenceRow, StanceRow

if TYPE_CHECKING:  # assess_run imports this module: annotations only, no import cycle
    from corroborate.assess_run import Assessment

POSITIONS = {"agree": "affirm", "disagree": "deny"}


@dataclass(frozen=True, slots=True)
class LinkReport:
    propositions: int
    pairs: int
    stored: int


def link_stance(
    ledger: Ledger,
    propositions: Sequence[Proposition],
    document_ids_of: Callable[[Proposition], set[int]],
    *,
    predict: Callable[[Sequence[tuple[str, str]]], Sequence[StanceLike]],
    model: str,
    per_proposition: int = 15,
    min_confidence: float = 0.7,
    stopwords: frozenset[str] = frozenset(),
) -> LinkReport:
    """Label the documents retrieved for each proposition's statement that hold none of its
    claims; keep confident agree/disagree labels."""
    rows: list[StanceRow] = []
    pairs = 0
    for p in propositions:
        if not p.subject:
            continue
        known = document_ids_of(p)
        hits = ledger.search_documents(p.statement, limit=per_proposition, stopwords=stopwords)
        docs = [d for d in ledger.get_documents([h.document_id for h in hits]) if d.id not in known]
        if not docs:
            continue
        predictions = predict([(p.statement, d.text) for d in docs])
        pairs += len(docs)
        for d, pred in zip(docs, predictions, strict=True):
            if pred.label in POSITIONS and pred.confidence >= min_confidence:
                passage = pred.passage.text if pred.passage is not None else None
                rows.append(StanceRow(d.id, p.id, pred.label, float(pred.confidence), passage))
    ledger.store_stance(rows, model=model)
    return LinkReport(len(propositions), pairs, len(rows))


def link_assessment(
    ledger: Ledger,
    assessment: Assessment,
    *,
    predict: Callable[[Sequence[tuple[str, str]]], Sequence[StanceLike]],
    model: str,
    stopwords: frozenset[str] = frozenset(),
    per_proposition: int = 15,
    min_confidence: float = 0.7,
) -> LinkReport:
    """link_stance over an assessment's propositions, skipping the documents already in each."""
    docs_of = {
        p.id: {assessment.claims[i].document_id for i in p.claim_ids if i in assessment.claims}
        for p in assessment.propositions
    }
    return link_stance(
        ledger, assessment.propositions, lambda p: docs_of[p.id], predict=predict, model=model,
        per_proposition=per_proposition, min_confidence=min_confidence, stopwords=stopwords,
    )  # fmt: skip


def stance_records(
    rows: Sequence[StanceEvidenceRow], *, weight: float
) -> dict[str, list[ClaimRecord]]:
    """Stored stance as weak mentions of each proposition, voiced by the document's outlet.
    Only their voice matters to the assessment; they are never listed as claims."""
    out: dict[str, list[ClaimRecord]] = {}
    for n, r in enumerate(rows, start=1):
        if r.label not in POSITIONS:
            continue
        out.setdefault(r.proposition_id, []).append(
            ClaimRecord(
                id=-n,
                document_id=r.document_id,
                subject=None,
                relation="",
                object=None,
                recipient=None,
                speaker="author",
                polarity=POSITIONS[r.label],
                hedged=False,
                evidence=r.passage or "",
                outlet=f"{r.outlet} (stance)" if r.outlet else "(stance)",
                affiliation=r.affiliation,
                published=r.published,
                weight=weight,
            )
        )
    return out
