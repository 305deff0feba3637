"""How sure the ledger is of a claim, from the evidence around it: the review queue's order.

The extractor gives each claim one of two confidences (0.8, or 0.6 when a slot came from the
context), which cannot order a queue of thousands. Certainty here starts from that and moves
with what an analyst would look at: a hedge, a missing actor, a long passage, and the claim's
proposition (contested or said once: a reading error there changes a status; corroborated by
several independent voices: an error matters less). Each step is a reason shown beside the
claim, so the order can be checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corroborate.assess import Proposition
    from corroborate.store import ClaimRow

# (what lowers or raises certainty, by how much)
HEDGED = 0.15
NO_SUBJECT = 0.25
NO_RECIPIENT = 0.05
LONG_EVIDENCE = 0.1  # the claim's words span a long stretch: the parse had more to get wrong
LONG_EVIDENCE_CHARS = 120
SAID_ONCE = 0.1
STATUS_SHIFT = {
    "contested": -0.15,
    "one-sided": -0.1,
    "single-source": -0.1,
    "unverified": -0.05,
    "denied-only": -0.05,
    "corroborated": 0.05,
}
PER_INDEPENDENT_VOICE = 0.03  # each further firm voice behind the proposition, up to five


@dataclass(frozen=True, slots=True)
class Certainty:
    value: float  # 0 (review first) to 1
    reasons: tuple[str, ...]


def certainty(row: ClaimRow, proposition: Proposition | None) -> Certainty:
    value = row.confidence
    reasons: list[str] = [f"extractor {row.confidence:g}"]
    if row.hedged:
        value -= HEDGED
        reasons.append("hedged")
    if not row.subject:
        value -= NO_SUBJECT
        reasons.append("no actor named")
    elif not row.recipient and row.relation not in ("combat", "political_support", "force_size"):
        value -= NO_RECIPIENT
        reasons.append("no recipient")
    if row.evidence_end - row.evidence_start > LONG_EVIDENCE_CHARS:
        value -= LONG_EVIDENCE
        reasons.append("long passage")
    if proposition is None:
        reasons.append("in no proposition")
    else:
        shift = STATUS_SHIFT.get(proposition.status, 0.0)
        value += shift
        if shift:
            reasons.append(proposition.status)
        if len(proposition.claim_ids) == 1:
            value -= SAID_ONCE
            reasons.append("said once")
        firm = sum(1 for v in proposition.affirming if v.firm)
        if firm > 1:
            value += PER_INDEPENDENT_VOICE * min(firm - 1, 4)
            reasons.append(f"{firm} independent voices")
    return Certainty(round(min(1.0, max(0.0, value)), 3), tuple(reasons))
