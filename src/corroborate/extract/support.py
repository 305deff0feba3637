"""Who backs whom when the verb of backing says neither directly.

"Aliyev thanked Erdogan for Turkey's moral support": the thanker is the one backed, the owner of
the support (else the one thanked) the backer. "Russia vetoed Security Council resolutions
critical of Damascus": a veto shields the party the resolution targets, not the council.
"""

from __future__ import annotations

from corroborate.extract.kb import Grammar
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token

# the type of bodies where a veto is cast: never the party it shields
_VENUE_TYPES = frozenset({"organisation"})
# how far before the support noun a thank verb may stand: "thanked Erdogan for Turkey's support"
_REACH = 10


def thank_roles(
    tokens: list[Token], mentions: list[Mention], lo: int, t0: int, g: Grammar
) -> tuple[Mention, Mention | None] | None:
    """ "X thanked Y for (Z's) support": (X, Y) when a thank verb before the noun trigger at t0
    opens "... for ..." leading to it; else None."""
    # the thank verb is also a say verb, so the clause may start after it: look before `lo`
    floor = max(0, min(lo, t0 - _REACH))
    verb = next((i for i in range(t0 - 1, floor - 1, -1) if tokens[i].lower in g.thank_verbs), None)
    if verb is None or not any(tokens[i].lower == "for" for i in range(verb + 1, t0)):
        return None
    thanker = next(
        (
            m
            for m in reversed(mentions)
            if m.end <= verb and verb - m.end <= 2 and m.prep is None and m.actors
        ),
        None,
    )  # "Aliyev thanked", "Aliyev warmly thanked"
    if thanker is None:
        return None
    thanked = next(
        (m for m in mentions if m.start > verb and m.end <= t0 and m.prep is None and m.actors),
        None,
    )
    return thanker, thanked


def veto_beneficiary(after: list[Mention], actor_types: dict[str, str]) -> Mention | None:
    """The first party named after a veto that is not the body voting ("the Security Council",
    "the UN"): "vetoed a resolution condemning Israel" shields Israel."""
    return next(
        (
            m
            for m in after
            if m.actors and not any(actor_types.get(a) in _VENUE_TYPES for a in m.actors)
        ),
        None,
    )
