"""Assessment over the ledger: read claims, outlets and texts, run the pure assessment."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corroborate.assess import (
    AssessSettings,
    Attention,
    Camps,
    ClaimRecord,
    Proposition,
    Review,
    assess,
    attention,
    copy_clusters,
    default_camps,
    resolve_camps,
    signature,
)
from corroborate.assess.copies import from_bytes
from corroborate.assess.propositions import ObjectClassifier
from corroborate.extract import KnowledgeBase, default_kb
from corroborate.reviews import apply, claim_key, decisions
from corroborate.settings import Settings
from corroborate.stance_run import stance_records
from corroborate.store import ClaimRow, Ledger


@dataclass(frozen=True, slots=True)
class Assessment:
    propositions: list[Proposition]
    claims: dict[int, ClaimRecord]
    rows: dict[int, ClaimRow]
    clusters: dict[int, int]
    attention: list[Attention]
    framing: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)
    camps: Camps = field(default_factory=Camps)  # what independence was judged by

    def for_actor(self, actor: str) -> list[Proposition]:
        return [p for p in self.propositions if p.subject == actor]


def object_classifier(kb: KnowledgeBase) -> ObjectClassifier:
    """Object text to its equipment class via the knowledge base ("Bayraktar" -> armed_drone)."""
    from corroborate.extract.tokens import tokenize

    cache: dict[str, str | None] = {}

    def classify(obj: str | None) -> str | None:
        if not obj:
            return None
        if obj not in cache:
            toks = tokenize(obj)
            found = kb.entities.match([t.text for t in toks], [t.lower for t in toks])
            classes = [e.cls for m in found for e in m.entries if e.kind == "thing" and e.cls]
            cache[obj] = classes[-1] if classes else obj.lower()
        return cache[obj]

    return classify


def record(row: ClaimRow) -> ClaimRecord:
    return ClaimRecord(
        id=row.id, document_id=row.document_id, subject=row.subject, relation=row.relation,
        object=row.object, recipient=row.recipient, speaker=row.speaker, polarity=row.polarity,
        hedged=row.hedged, evidence=row.evidence_text, outlet=row.source,
        affiliation=row.affiliation, published=row.published, quantity_low=row.quantity_low,
        quantity_high=row.quantity_high, quantity_unit=row.quantity_unit, url=row.url,
    )  # fmt: skip


def reviews_of(reviews: Sequence[Mapping[str, Any]]) -> list[Review]:
    """The proposition merges and splits among the ledger's reviews."""
    out = []
    for r in reviews:
        data = r["payload"]
        if r["kind"] not in ("merge", "split"):
            continue
        out.append(
            Review(
                kind=r["kind"], source=tuple(data["source"]),
                target=tuple(data["target"]) if data.get("target") else None,
                field=data.get("field"), value=data.get("value"), label=data.get("label"),
                note=r["note"],
            )
        )  # fmt: skip
    return out


def document_clusters(ledger: Ledger, settings: AssessSettings) -> dict[int, int]:
    """Copy clusters from stored signatures; texts without one (or with other parameters) are
    signed now."""
    stored = ledger.signatures(num_perm=settings.num_perm, shingle_words=settings.shingle_words)
    sigs = {i: from_bytes(h, num_perm=settings.num_perm) for i, h in stored.items()}
    for doc_id, text in ledger.document_texts(exclude=frozenset(sigs)):
        sigs[doc_id] = signature(
            text, shingle_words=settings.shingle_words, num_perm=settings.num_perm
        )
    return copy_clusters(sigs, threshold=settings.copy_threshold, num_perm=settings.num_perm)


def assess_ledger(
    ledger: Ledger,
    *,
    settings: AssessSettings | None = None,
    camps: Camps | None = None,
    kb: KnowledgeBase | None = None,
) -> Assessment:
    settings = settings or AssessSettings()
    kb = kb or default_kb()
    reviews = ledger.list_reviews()
    decided = decisions(reviews)
    rows = {r.id: r for r in ledger.iter_claims()}  # every claim, rejected ones too; streamed
    records = {}
    for claim_id, row in rows.items():
        kept = apply(record(row), decided.get(claim_key(row)))  # analysts' corrections
        if kept is not None:
            records[claim_id] = kept
    clusters = document_clusters(ledger, settings)
    outlets = {s.name: s.affiliation for s in ledger.list_sources()}
    cameo = {rel: code for rel in kb.relations if (code := kb.cameo(rel))}
    stance = stance_records(ledger.list_stance(), weight=settings.stance_weight)
    camps = camps or default_camps()
    props = assess(
        list(records.values()), clusters=clusters, camps=camps,
        outlet_affiliation=outlets, settings=settings, reviews=reviews_of(reviews),
        classify=object_classifier(kb), cameo=cameo, stance=stance,
    )  # fmt: skip
    return Assessment(
        props, records, rows, clusters, attention(props, list(records.values())), camps=camps
    )


def assessment_settings(
    settings: Settings, *, base: Path | None = None
) -> tuple[AssessSettings, Camps]:
    """The workspace's settings as the pure assessment takes them (`base`: the workspace, where
    a relative camps path is looked up first)."""
    assess_settings = AssessSettings(
        min_independent_groups=settings.min_independent_groups,
        hedged_weight=settings.hedged_weight,
        copy_threshold=settings.copy_threshold,
        stance_weight=settings.stance_weight,
    )
    return assess_settings, resolve_camps(settings.camps, base=base)
