"""Check a claim against the corpus: full-text retrieval, then document stance on the hits.

Retrieval uses the ledger's full-text index (no scan of every text), so a check stays fast on
large ledgers; only the top hits go through the stance model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from corroborate.store import Ledger


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


def check_claim(
    ledger: Ledger,
    claim: str,
    *,
    stance: StanceFn,
    limit: int = 30,
    stopwords: frozenset[str] = frozenset(),
) -> list[CheckResult]:
    """Documents addressing `claim`, each labelled agree/disagree/discuss/unrelated, with the
    passage that shows why; those taking a position first, then by relevance."""
    hits = ledger.search_documents(claim, limit=limit, stopwords=stopwords)
    docs = ledger.get_documents([h.document_id for h in hits])
    relevance = {h.document_id: h.score for h in hits}
    predictions = stance([(claim, d.text) for d in docs]) if docs else []
    results = [
        CheckResult(
            document_id=d.id,
            title=d.title,
            source=d.source,
            published=d.published,
            url=d.url,
            relevance=round(relevance[d.id], 4),
            label=p.label,
            confidence=round(p.confidence, 3),
            passage=p.passage.text if p.passage is not None else None,
        )
        for d, p in zip(docs, predictions, strict=True)
    ]
    return sorted(results, key=lambda r: (LABEL_ORDER.get(r.label, 3), -r.relevance))
