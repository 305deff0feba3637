"""Certainty of a claim moves with its evidence, so the review queue has an order."""

from __future__ import annotations

from datetime import date

from corroborate.assess import assess
from corroborate.review_priority import certainty
from corroborate.store import ClaimRow
from tests.assess.test_status import CAMPS, OUTLETS, claim


def row(claim_id: int, **changes: object) -> ClaimRow:
    base: dict[str, object] = dict(
        id=claim_id, document_id=1, source="Monitor", affiliation="monitor", url=None,
        published=date(2020, 10, 1), subject="Turkey", relation="foreign_fighters",
        object="mercenaries", recipient="Azerbaijan", quantity_low=None, quantity_high=None,
        quantity_unit=None, speaker="author", polarity="affirm", hedged=False,
        evidence_start=0, evidence_end=40, evidence_text="...", cameo=None, confidence=0.8,
        extractor="x",
    )  # fmt: skip
    base.update(changes)
    return ClaimRow(**base)  # type: ignore[arg-type]


def test_certainty_varies_with_the_evidence_and_says_why() -> None:
    three = [claim("author", "Monitor"), claim("author", "Wire One"), claim("author", "Paper")]
    [corroborated] = assess(three, camps=CAMPS, outlet_affiliation=OUTLETS)
    disputed_claims = [claim("author", "Monitor"), claim("France", "Paper", polarity="deny")]
    [contested] = assess(disputed_claims, camps=CAMPS, outlet_affiliation=OUTLETS)
    firm = certainty(row(1), corroborated)
    hedged = certainty(row(2, hedged=True), corroborated)
    disputed = certainty(row(3), contested)
    vague = certainty(row(4, subject=None, confidence=0.6), None)
    long = certainty(row(5, evidence_end=400), corroborated)
    assert firm.value > long.value > hedged.value
    assert firm.value > disputed.value > vague.value
    assert "3 independent voices" in firm.reasons and "hedged" in hedged.reasons
    assert "contested" in disputed.reasons and "no actor named" in vague.reasons
    assert len({c.value for c in (firm, hedged, disputed, vague, long)}) == 5
    assert all(0.0 <= c.value <= 1.0 for c in (firm, hedged, disputed, vague, long))
