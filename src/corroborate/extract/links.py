"""Ties to fighters: "Russia's links to the Wagner contractors", "The Kremlin has denied any
link to the Wagner contractors". A state tied to fighters or an armed group is said to sponsor
them (foreign_fighters); who is tied is the owner before the noun, or else the speaker of a
denial around it ("denied any link to" is the denier's own).
"""

from __future__ import annotations

from corroborate.extract.core import Core
from corroborate.extract.kb import KnowledgeBase, Match
from corroborate.extract.mentions import FIGHTER_CLASSES, Mention
from corroborate.extract.tokens import Token

_GROUP_TYPES = frozenset({"armed_group"})


def link_cores(
    kb: KnowledgeBase, tokens: list[Token], trigger: Match, mentions: list[Mention], hi: int
) -> list[Core]:
    t0, t1 = trigger.start, trigger.end
    tied = next((m for m in mentions if t1 <= m.start < min(hi, t1 + 3)), None)
    if tied is None:
        return []
    if tied.kind == "thing" and tied.thing_class in FIGHTER_CLASSES:
        thing: str | None = tied.thing
    elif tied.kind == "actor" and any(kb.actor_types.get(a) in _GROUP_TYPES for a in tied.actors):
        thing = " ".join(t.text for t in tokens[tied.start : tied.end])  # "ties to Hezbollah"
    else:
        return []
    owner = next(
        (m for m in mentions if m.end in (t0, t0 - 1) and m.kind in ("actor", "modifier")), None
    )
    subjects = owner.actors if owner is not None else ()
    if set(subjects) & set(tied.actors):
        return []  # "Wagner's links to its own contractors"
    return [
        Core(trigger, "foreign_fighters", subjects, owner, thing, tied, None, None, False, False)
    ]
