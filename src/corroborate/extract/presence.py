"""Where a force that is itself the subject stands: "advisers arrived in Baku", "the Russian
contingent in Armenia stayed on its base", "border guards man Armenia's frontier", "fighters
left Syria for Karabakh", "Il-76s made seven round trips to Baku".
"""

from __future__ import annotations

from corroborate.extract.kb import Entry, Grammar, Match
from corroborate.extract.mentions import BOUNDARY, CARRIER_CLASSES, FIGHTER_CLASSES, Mention
from corroborate.extract.tokens import Token

# where a departure goes: "left Syria for the Karabakh front"
DESTINATION_PREPS = frozenset({"for", "to"})


def noun_with(m: Mention, t1: int) -> bool:
    """ "were posted along the highway under the deal with Ankara": a "with" far from the verb
    belongs to a noun (a deal, talks) and names no side; "embedded with Azerbaijani units",
    "sided with Baku" stand next to it."""
    return m.prep == "with" and m.start - t1 > 3


def _border_owner(tokens: list[Token], m: Mention) -> bool:
    """ "manned Armenia's frontier": whose border a force guards is where it stands."""
    return m.prep == BOUNDARY and m.end < len(tokens) and tokens[m.end].lower == "'s"


def departs_nowhere(after: list[Mention], passive: bool) -> bool:
    """ "Turkish troops left Syria" is a withdrawal (guidelines 9.4), "are left with" no move:
    a departure is a claim only with where it goes."""
    return passive or not any(m.prep in DESTINATION_PREPS for m in after)


def acting_thing_roles(
    entry: Entry,
    tokens: list[Token],
    mentions: list[Mention],
    subject: Mention,
    after: list[Mention],
    t0: int,
    t1: int,
    g: Grammar,
) -> tuple[list[Mention], Mention | None]:
    """The object and recipient when a thing acts ("Turkish jets attacking Armenian planes",
    "advisers arrived"): the thing itself, or the trips a carrier made; the target after it."""
    objects = [subject]
    if subject.thing_class in CARRIER_CLASSES:
        # "Il-76s made seven round trips to Baku": the trips are what is counted
        trips = next(
            (
                m
                for m in after
                if m.kind == "thing" and m.prep is None and m.thing_class == "logistics"
            ),
            None,
        )
        objects = [trips] if trips is not None and trips.start - t1 <= 4 else objects
    preps = g.recipient_preps | g.target_preps | g.location_preps
    target = next(
        (
            m
            for m in after
            if (
                m.prep is None
                or m.prep in preps
                or (entry.voice == "guard" and _border_owner(tokens, m))
                # "struck targets near Tripoli": the place's holder is hit
                or (m.prep in g.vicinity_preps and entry.value == "attack")
            )
            and m.actors
            # "stayed on its base": a force's own base is where it is, not a side
            and (entry.value != "presence" or m.actors != subject.actors)
        ),
        None,
    )
    if entry.voice == "depart":
        # "fighters left Syria for the Karabakh front": the destination, never the origin
        return objects, next((m for m in after if m.prep in DESTINATION_PREPS and m.actors), None)
    if entry.value == "presence" and entry.voice is None:
        # "the Russian contingent in Armenia stayed on its base": where it is stationed
        target = next(
            (
                m
                for m in mentions
                if subject.end <= m.start < t0 and m.prep in g.location_preps and m.kind == "actor"
            ),
            target,
        )
    return objects, target


def joining_fighters(
    entry: Entry, agent: Mention | None, mentions: list[Mention], lo: int, t0: int
) -> tuple[list[Mention], Mention | None] | None:
    """ "The Karabakh army's ranks were swelled by volunteers", "Azerbaijani units were
    reinforced by Syrian mercenaries": fighters no one is named to send, who join the side
    named before the verb. The object and recipient, or None for other passives."""
    if (
        entry.voice != "join"
        or agent is None
        or agent.kind != "thing"
        or agent.actors
        or agent.thing_class not in FIGHTER_CLASSES
    ):
        return None
    side = next(
        (m for m in mentions if lo <= m.start and m.end <= t0 and m.prep is None and m.actors),
        None,
    )
    return [agent], side


def participle_head(tokens: list[Token], mentions: list[Mention], t0: int) -> Mention | None:
    """ "concern about militants arriving", "reports of Turkish troops operating": the thing a
    participle right after it modifies, whatever preposition governs the phrase. A list of
    origins after it ("militants from Syria and Libya arriving") still belongs to the thing.
    Only "and", "or" or "from" may stand between."""
    before = [m for m in mentions if m.end <= t0]
    if not before or before[-1].end != t0:
        return None
    head = before[-1]
    if (
        head.kind == "actor"
        and len(before) >= 2
        and tokens[head.start - 1].lower in ("and", "or", "from")
        and before[-2].kind == "thing"
        and before[-2].end == head.start - 1
    ):
        head = before[-2]
    return head if head.kind == "thing" else None


def force_only(
    entry: Entry,
    tokens: list[Token],
    subject: Mention | None,
    after: list[Mention],
    t0: int,
    t1: int,
    g: Grammar,
) -> bool:
    """Whether a verb that only a force does lacks one: "border guards man the frontier" and
    "peacekeepers reached Stepanakert", not "militants flog man", "they man checkpoints as
    soldiers", "(forces) using manned aircraft" or "the jury reached a decision"."""
    if subject is None or subject.kind != "thing":
        return True
    if entry.voice == "parked":
        return subject.thing_class == "own_forces"  # "the U.S. Army ... vehicle is parked"
    if entry.voice == "reach":
        return not any(m.prep is None and m.kind == "actor" and m.start - t1 <= 2 for m in after)
    prev = tokens[t0 - 1].lower if t0 > 0 else ""
    nxt = tokens[t1].lower if t1 < len(tokens) else ""
    verb_slot = prev == "to" or prev in g.auxiliaries or prev in g.adverbs or subject.end == t0
    return not verb_slot or nxt in g.prepositions or nxt in g.conjunctions or not nxt.isalpha()


def noun_form(tokens: list[Token], trig: Match, g: Grammar) -> bool:
    """ "a British man who went", "militants flog man for": the noun, not the verb "to man a
    post", which takes its post right after it. Checked before the word counts as a trigger."""
    entry = trig.first("trigger")
    if entry is None or entry.voice != "guard":
        return False
    prev = tokens[trig.start - 1].lower if trig.start > 0 else ""
    nxt = tokens[trig.end].lower if trig.end < len(tokens) else ""
    return (
        prev in g.determiners
        or not nxt.isalpha()
        or nxt in g.prepositions
        or nxt in g.conjunctions
        or nxt in g.relative_pronouns
        or nxt in g.be_verbs
        or nxt in g.auxiliaries
    )
