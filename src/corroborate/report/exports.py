"""Exports: claims as CSV/JSONL with their proposition and status; ClaimReview JSON-LD; and a
CAMEO-style event table that GDELT/ICEWS users can join."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from corroborate.assess_run import Assessment
from corroborate.report.role import web_url

CLAIM_FIELDS = [
    "claim_id", "document_id", "proposition_id", "status", "published", "outlet", "affiliation",
    "speaker", "polarity", "hedged", "subject", "relation", "object", "recipient",
    "quantity_low", "quantity_high", "quantity_unit", "cameo", "evidence", "url",
]  # fmt: skip
EVENT_FIELDS = [
    "date", "source_actor", "target_actor", "cameo_code", "event_type", "speaker", "polarity",
    "hedged", "status", "proposition_id", "outlet", "document_id", "url",
]  # fmt: skip
STATUS_RATING = {  # ClaimReview reviewRating: 1 (least supported) to 5 (best supported)
    "denied-only": 1, "one-sided": 2, "unverified": 2, "single-source": 3, "contested": 3,
    "corroborated": 5,
}  # fmt: skip


def claim_rows(a: Assessment) -> Iterator[dict[str, Any]]:
    prop_of = {cid: p for p in a.propositions for cid in p.claim_ids}
    for cid, c in sorted(a.claims.items()):
        p = prop_of.get(cid)
        row = a.rows[cid]
        yield {
            "claim_id": cid, "document_id": c.document_id, "proposition_id": p.id if p else None,
            "status": p.status if p else None,
            "published": c.published.isoformat() if c.published else None, "outlet": c.outlet,
            "affiliation": c.affiliation, "speaker": c.speaker, "polarity": c.polarity,
            "hedged": c.hedged, "subject": c.subject, "relation": c.relation, "object": c.object,
            "recipient": c.recipient, "quantity_low": c.quantity_low,
            "quantity_high": c.quantity_high, "quantity_unit": c.quantity_unit,
            "cameo": row.cameo, "evidence": c.evidence, "url": c.url,
        }  # fmt: skip


def to_csv(rows: Iterator[dict[str, Any]], fields: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def to_jsonl(rows: Iterator[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def event_rows(a: Assessment, statement_cameo: dict[str, str]) -> Iterator[dict[str, Any]]:
    """One event per claim mention: the act's CAMEO code, or a denial (016) when denied."""
    prop_of = {cid: p for p in a.propositions for cid in p.claim_ids}
    for cid, c in sorted(a.claims.items()):
        p = prop_of.get(cid)
        deny = c.polarity == "deny"
        code = statement_cameo.get("deny", "016") if deny else a.rows[cid].cameo
        yield {
            "date": c.published.isoformat() if c.published else None,
            "source_actor": c.subject, "target_actor": c.recipient, "cameo_code": code,
            "event_type": f"deny {c.relation}" if deny else c.relation, "speaker": c.speaker,
            "polarity": c.polarity, "hedged": c.hedged, "status": p.status if p else None,
            "proposition_id": p.id if p else None, "outlet": c.outlet,
            "document_id": c.document_id, "url": c.url,
        }  # fmt: skip


def claimreview(a: Assessment, *, publisher: str = "corroborate") -> list[dict[str, Any]]:
    """schema.org ClaimReview per proposition; each mention is an appearance of the claim."""
    out = []
    for p in a.propositions:
        appearances = []
        for cid in p.claim_ids:
            c = a.claims[cid]
            appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": c.evidence}
            if web_url(c.url):
                appearance["url"] = web_url(c.url)
            if c.outlet:
                appearance["publisher"] = {"@type": "Organization", "name": c.outlet}
            if c.published:
                appearance["datePublished"] = c.published.isoformat()
            appearances.append(appearance)
        first = a.claims[p.claim_ids[0]]
        out.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "identifier": p.id,
                "claimReviewed": p.statement,
                "author": {"@type": "Organization", "name": publisher},
                "reviewRating": {
                    "@type": "Rating", "ratingValue": STATUS_RATING[p.status], "bestRating": 5,
                    "worstRating": 1, "alternateName": p.status, "ratingExplanation": p.explanation,
                },
                "itemReviewed": {
                    "@type": "Claim", "appearance": appearances,
                    "author": {"@type": "Organization", "name": first.speaker},
                    "firstAppearance": appearances[0] if appearances else None,
                },
            }
        )  # fmt: skip
    return out
