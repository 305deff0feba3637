"""A claim's core before its speaker is known, and how a trigger and its object name the
relation ("sent troops" is troop_deployment, "sent drones" arms_supply)."""

from __future__ import annotations

from dataclasses import dataclass

from corroborate.extract.kb import KnowledgeBase, Match
from corroborate.extract.mentions import FIGHTER_CLASSES, RECRUIT_CLASSES, Mention
from corroborate.extract.tokens import Token


@dataclass(slots=True)
class Core:
    """A claim before its speaker is known."""

    trigger: Match
    relation: str
    subjects: tuple[str, ...]
    subject_mention: Mention | None
    object: str | None
    object_mention: Mention | None
    recipient: str | None
    recipient_mention: Mention | None
    negated: bool
    irrealis: bool
    subject_from_context: bool = False
    agentless: bool = False  # "drones were delivered to Baku": the text names no actor
    # "Ankara insists the sale was routine": a definite noun for an act named before
    anaphoric: bool = False


def resolve_relation(
    kb: KnowledgeBase, trigger: Match, obj: Mention | None, tokens: list[Token]
) -> str | None:
    entry = trigger.first("trigger")
    assert entry is not None
    rel = entry.value
    if rel in kb.frames and rel != "attack":
        if obj is None or obj.thing_class is None:
            return None
        return kb.frames[rel].get(obj.thing_class)
    if rel == "attack":
        return "combat"
    if rel == "logistics" and obj is not None and obj.thing_class == "own_forces":
        return "troop_deployment"  # "Russia flew in a battalion": moving its own forces
    if rel == "logistics" and (obj is None or obj.thing_class in kb.self_propelled):
        return None  # "flies the jet", "an F-16 flying from Ganja": nothing is carried for a side
    if rel == "political_support":
        window = {t.lower for t in tokens[max(0, trigger.start - 2) : trigger.end + 2]}
        if window & kb.military_markers:
            return "arms_supply"
        if obj is not None and obj.thing_class not in (None, "own_forces") and obj.prep == "with":
            return "arms_supply"
    if rel == "foreign_fighters" and (
        obj is None
        or (obj.thing_class not in FIGHTER_CLASSES and obj.thing_class not in RECRUIT_CLASSES)
    ):
        return None
    if rel == "force_size" and (
        obj is None
        or (obj.thing_class != "own_forces" and obj.thing_class not in kb.frames.get("use", {}))
        or obj.thing_class in FIGHTER_CLASSES
    ):
        return None
    return rel
