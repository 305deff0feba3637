"""A claim's core before its speaker is known, and how a trigger and its object name the
relation ("sent troops" is troop_deployment, "sent drones" arms_supply)."""

from __future__ import annotations

from dataclasses import dataclass

from corroborate.extract.frames import Frame
from corroborate.extract.kb import Grammar, KnowledgeBase, Match
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
    agentless: bool = False  # "drones were delivered to Baku": the text names no actor
    # a participle describing a noun phrase ("the contractors fighting for Haftar"): the text
    # takes it as given, so a denial of the phrase's link to someone does not deny it
    presupposed: bool = False
    # "Armenia denied receiving weapons (from Russia)": an acquiring verb whose buyer is the
    # speaker of the frame around it, not named in its own clause
    buyer_in_frame: bool = False
    # "Ankara insists the sale was routine": a definite noun for an act named before
    anaphoric: bool = False


@dataclass(frozen=True, slots=True)
class TriggerSite:
    """One trigger in its sentence: what every rule filling the trigger's roles reads."""

    kb: KnowledgeBase
    tokens: list[Token]
    trigger: Match
    mentions: list[Mention]
    clause: tuple[int, int]  # the trigger's clause, [lo, hi)
    trigger_tokens: set[int]
    cue_kinds_at: dict[int, set[str]]

    @property
    def t0(self) -> int:
        return self.trigger.start

    @property
    def t1(self) -> int:
        return self.trigger.end

    @property
    def lo(self) -> int:
        return self.clause[0]

    @property
    def hi(self) -> int:
        return self.clause[1]

    @property
    def g(self) -> Grammar:
        return self.kb.grammar


def frame_buyer(core: Core, frame: Frame | None) -> tuple[tuple[str | None, ...], str] | None:
    """The subjects and the recipient of an acquiring verb controlled by its frame's speaker
    ("the ministry admitted receiving Russian weapons"): the speaker receives, the seller (or
    nobody named) supplies. None when the frame does not control the verb."""
    if not core.buyer_in_frame or frame is None or not frame.speakers:
        return None
    if not (frame.control or frame.kind in ("deny", "back_deny_prev")):
        return None
    return (core.subjects or (None,)), frame.speakers[0]


def resolve_relation(
    kb: KnowledgeBase, trigger: Match, obj: Mention | None, tokens: list[Token]
) -> str | None:
    entry = trigger.first("trigger")
    assert entry is not None
    rel = entry.value
    if rel in kb.frames and rel != "attack":
        if obj is None or obj.thing_class is None:
            return None
        if rel in ("send", "transfer") and _carries_cargo(kb, obj, tokens):
            return "logistics"  # "dispatched aircraft with humanitarian aid": they carry it
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


def _carries_cargo(kb: KnowledgeBase, obj: Mention, tokens: list[Token]) -> bool:
    """Aircraft sent "with humanitarian aid" or "carrying relief supplies" are transport."""
    e = obj.end
    if obj.thing_class not in kb.self_propelled or e >= len(tokens):
        return False
    if tokens[e].lower not in ("with", "carrying"):
        return False
    return any(t.lower in kb.grammar.cargo_nouns for t in tokens[e + 1 : e + 4])
