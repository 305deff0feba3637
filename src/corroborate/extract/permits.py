"""Transit through a territory: "Belarus let Russian troops use its territory", "Tbilisi barred
cargo flights bound for Armenia from crossing Georgian airspace", "Russian cargo was crossing
Iranian airspace to reach Armenia".

The trigger is the crossing verb with a territory word after it (`voice: let`). The state that
lets (or bars) the crossing is the carrier's enabler and the subject of logistics; with no such
verb the owner of what crosses is. What crosses is the object; its destination ("to Armenia",
"bound for Armenia", "to reach Armenia") or, for troops, their own side is the recipient.
"""

from __future__ import annotations

from corroborate.extract.core import Core, TriggerSite
from corroborate.extract.kb import Grammar
from corroborate.extract.mentions import PEOPLE_CLASSES, Mention
from corroborate.extract.paired import agent_from
from corroborate.extract.positions import AGENT_KINDS, is_irrealis, is_negated
from corroborate.extract.tokens import Token


def _permit_at(tokens: list[Token], lo: int, start: int, g: Grammar) -> int | None:
    """The index of "let"/"allowed"/"barred" right before the mover ("let the Russian troops")."""
    j = start - 1
    while j >= lo and tokens[j].lower in g.determiners:  # articles are determiners too
        j -= 1
    if j >= lo and (tokens[j].lower in g.permit_verbs or tokens[j].lower in g.bar_verbs):
        return j
    return None


def _destinations(
    tokens: list[Token], mentions: list[Mention], mover: Mention, t1: int, hi: int
) -> list[Mention]:
    """ "bound for A or B" after the mover, "to/into A" or "to reach A" after the verb."""
    out = [m for m in mentions if mover.end <= m.start < t1 and m.prep == "for" and m.actors]
    if out:
        return out
    for m in mentions:
        if m.start < t1 or m.start >= hi or not m.actors or m.kind == "thing":
            continue
        reach = m.start >= 2 and tokens[m.start - 1].lower == "reach"
        if m.prep in ("to", "for", "into") or (reach and tokens[m.start - 2].lower == "to"):
            return [m]
    return []


def export_cores(site: TriggerSite) -> list[Core]:
    """ "No weapons had left French territory for the region": arms leaving a state's
    territory are that state's exports. Only equipment: troops leaving are a withdrawal."""
    mover = next(
        (
            m
            for m in reversed(site.mentions)
            if site.lo <= m.start and m.end <= site.t0 and m.prep is None and m.kind == "thing"
        ),
        None,
    )
    if mover is None or mover.thing_class in site.kb.self_propelled | PEOPLE_CLASSES:
        return []
    relation = site.kb.frames["transfer"].get(mover.thing_class or "")
    # the territory's owner stands right after the verb: "left French territory"
    owner = next(
        (
            m
            for m in site.mentions
            if m.start == site.t1 and m.kind in ("modifier", "actor") and m.actors
        ),
        None,
    )
    if relation != "arms_supply" or owner is None:
        return []
    dest = next(
        (
            m
            for m in site.mentions
            if site.t1 <= m.start < site.hi and m.prep in ("to", "for") and m.actors
        ),
        None,
    )
    return [
        Core(
            site.trigger,
            relation,
            owner.actors,
            owner,
            mover.thing,
            mover,
            dest.actors[0] if dest is not None else None,
            dest,
            is_negated(site.tokens, site.lo, site.t0, mover, site.cue_kinds_at),
            is_irrealis(site.tokens, site.lo, site.t0, site.cue_kinds_at, site.g),
        )
    ]


def permission_cores(site: TriggerSite) -> list[Core]:
    before = [
        m for m in site.mentions if site.lo <= m.start and m.end <= site.t0 and m.prep is None
    ]
    # what crosses: a thing ("flights bound for A or B": not the coordinated B), else an actor
    mover = next((m for m in reversed(before) if m.kind == "thing"), None)
    if mover is None:
        mover = next((m for m in reversed(before) if m.kind in AGENT_KINDS and m.actors), None)
    if mover is None or mover.thing_class in site.kb.self_propelled:
        return []  # "Turkish F-16s crossed its airspace": a flight, not a transport for a side
    permit = _permit_at(site.tokens, site.lo, mover.start, site.g)
    negated = False
    if permit is not None:
        # the one who lets: the nearest agent before "let"; none in the clause leaves it to a
        # controlling frame ("Georgia denied letting ...")
        subject = next(
            (
                m
                for m in reversed(site.mentions)
                if site.lo <= m.start
                and m.end <= permit
                and m.prep is None
                and (m.kind in AGENT_KINDS or (m.kind == "thing" and m.actors))
            ),
            None,
        )
        negated = site.tokens[permit].lower in site.g.bar_verbs
        if is_negated(site.tokens, site.lo, permit, subject, site.cue_kinds_at):
            negated = not negated
        irrealis = is_irrealis(site.tokens, site.lo, permit, site.cue_kinds_at, site.g)
    elif mover.kind == "thing" and mover.actors and mover.thing_class != "own_forces":
        # ("Russian troops crossed Belarusian territory" is the troops' own move, not transport)
        subject = mover  # "Russian military cargo was transiting its airspace": Russia carries
        irrealis = is_irrealis(site.tokens, site.lo, site.t0, site.cue_kinds_at, site.g)
        negated = is_negated(site.tokens, site.lo, site.t0, subject, site.cue_kinds_at)
    else:
        return []
    dests = _destinations(site.tokens, site.mentions, mover, site.t0, site.hi)
    if not dests and permit is not None and mover.thing_class in (None, "own_forces"):
        dests = [mover]  # "let Russian troops use its territory": for Russia
    pairs: list[tuple[Mention | None, str | None]] = [(d, a) for d in dests for a in d.actors]
    pairs = pairs or [(None, None)]
    subjects = agent_from(subject) if subject is not None else ()
    obj = mover if mover.kind == "thing" else None
    return [
        Core(
            site.trigger,
            "logistics",
            subjects,
            subject,
            obj.thing if obj is not None else None,
            obj,
            name,
            dest,
            negated,
            irrealis,
            agentless=subject is None and permit is None,
        )
        for dest, name in pairs
        if name is None or name not in subjects
    ]
