"""Check a claim against the corpus: full-text retrieval, then document stance on the hits.

Retrieval uses the ledger's full-text index (no scan of every text), so a check stays fast on
large ledgers; only the top hits go through the stance model.

When an extractor is given, the claim is also read as claims (subject, relation, recipient) and
each hit's stored claims decide where they can: a document whose claims state the act is
`agree` (a firm affirmation) or `disagree` (a denial) or `discuss` (hedged, or affirmed by some
and denied by others), and a document whose claims are all about other acts is `unrelated`.
The stance model labels the rest (documents without extracted claims, or claims the extractor
cannot read). `decided_by` says which.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from corroborate.store import ClaimRow, Ledger

if TYPE_CHECKING:
    from corroborate.extract import Claim, Extractor

CLAIMS_CONFIDENCE = 0.9  # a label read from the document's own extracted claims
QUOTED_CONFIDENCE = 0.8  # ... when the document only quotes others saying it


class Passage(Protocol):
    @property
    def text(self) -> str: ...


class StanceLike(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def passage(self) -> Passage | None: ...


StanceFn = Callable[[Sequence[tuple[str, str]]], Sequence[StanceLike]]
LABEL_ORDER = {"agree": 0, "disagree": 0, "discuss": 1, "unrelated": 2}


@dataclass(frozen=True, slots=True)
class CheckResult:
    document_id: int
    title: str | None
    source: str | None
    published: date | None
    url: str | None
    relevance: float
    label: str
    confidence: float
    passage: str | None
    decided_by: str = "stance model"  # or "extracted claims"


def _same_act(row: ClaimRow, asked: Claim) -> bool:
    return (
        row.subject == asked.subject
        and row.relation == asked.relation
        and (not asked.recipient or not row.recipient or row.recipient == asked.recipient)
    )


def _passage(text: str, row: ClaimRow) -> str:
    from corroborate.report.explain import sentence_of

    deny = row.polarity == "deny"
    return sentence_of(text, row.evidence_start, row.evidence_end, denial=deny).text


def label_by_claims(
    asked: Sequence[Claim], rows: Sequence[ClaimRow], text: str
) -> tuple[str, float, str | None] | None:
    """(label, confidence, passage) from a document's extracted claims, or None when they
    cannot tell (no claims in the document, or no claim read from the question)."""
    if not asked or not rows:
        return None
    matching = [r for r in rows if any(_same_act(r, q) for q in asked)]
    if not matching:
        return "unrelated", QUOTED_CONFIDENCE, None
    firm = [r for r in matching if r.polarity == "affirm" and not r.hedged]
    denials = [r for r in matching if r.polarity == "deny"]
    own = [r for r in firm + denials if r.speaker == "author"]
    if own:  # the document says it in its own voice
        label = "agree" if own[0].polarity == "affirm" else "disagree"
        return label, CLAIMS_CONFIDENCE, _passage(text, own[0])
    if firm and not denials:
        return "agree", QUOTED_CONFIDENCE, _passage(text, firm[0])
    if denials and not firm and not any(r.polarity == "affirm" for r in matching):
        return "disagree", QUOTED_CONFIDENCE, _passage(text, denials[0])
    shown = (firm or denials or matching)[0]
    return "discuss", QUOTED_CONFIDENCE, _passage(text, shown)


def check_claim(
    ledger: Ledger,
    claim: str,
    *,
    stance: StanceFn,
    limit: int = 30,
    stopwords: frozenset[str] = frozenset(),
    extractor: Extractor | None = None,
) -> list[CheckResult]:
    """Documents addressing `claim`, each labelled agree/disagree/discuss/unrelated, with the
    passage that shows why; those taking a position first, then by relevance."""
    hits = ledger.search_documents(claim, limit=limit, stopwords=stopwords)
    docs = ledger.get_documents([h.document_id for h in hits])
    relevance = {h.document_id: h.score for h in hits}
    predictions = stance([(claim, d.text) for d in docs]) if docs else []
    asked: list[Claim] = []
    if extractor is not None:
        asked = [c for c in extractor.extract(claim, doc="check").claims if c.subject]
    results = []
    for d, p in zip(docs, predictions, strict=True):
        rows = ledger.list_claims(document_id=d.id) if asked else []
        by_claims = label_by_claims(asked, rows, d.text)
        if by_claims is not None:
            label, confidence, passage = by_claims
            decided_by = "extracted claims"
        else:
            label, confidence = p.label, p.confidence
            passage = p.passage.text if p.passage is not None else None
            decided_by = "stance model"
        results.append(
            CheckResult(
                document_id=d.id,
                title=d.title,
                source=d.source,
                published=d.published,
                url=d.url,
                relevance=round(relevance[d.id], 4),
                label=label,
                confidence=round(confidence, 3),
                passage=passage,
                decided_by=decided_by,
            )
        )
    return sorted(results, key=lambda r: (LABEL_ORDER.get(r.label, 3), -r.relevance))
