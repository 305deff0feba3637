"""Two phases of fill_roles (roles.py): the roles of a trigger used as a noun ("Turkey's
deliveries of drones to Baku") and of a passive ("drones supplied by Turkey").

Split from roles.py to keep modules small. Each phase returns the roles it found as `Roles`, or
what fill_roles is to return at once when the trigger asserts no act.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corroborate.extract.core import Core, TriggerSite
from corroborate.extract.mentions import Mention
from corroborate.extract.positions import NO_KINDS, claimer, first_subject, predicate_marker
from corroborate.extract.presence import joining_fighters, noun_with
from corroborate.extract.reciprocal import part_agent
from corroborate.extract.slots import carrier_of, owned_goods, payer
from corroborate.extract.support import thank_roles

# trigger frames of things that move with their owner ("Russian troops were sent")
MOVING_TRIGGERS = frozenset({"transfer", "send", "deploy", "presence", "logistics"})
# determiners of a noun for an act already named: "the sale", "these deliveries"
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@dataclass(slots=True)
class Roles:
    """The roles a phase filled; fill_roles goes on from them as from its own."""

    subject: Mention | None = None
    objects: list[Mention] = field(default_factory=list)
    recipient: Mention | None = None
    agentless: bool = False  # an act whose actor the text leaves unnamed (guidelines 9.5)
    own_move: bool = False  # the subject is what moved: "Russian helicopters were sent"


def noun_roles(
    site: TriggerSite, *, after: list[Mention], inside: Mention | None
) -> Roles | list[Core]:
    """Roles of a trigger used as a noun; a list of cores (maybe empty) when the noun only
    refers back to an act, or to none."""
    entry = site.trigger.first("trigger")
    assert entry is not None
    prev = site.tokens[site.t0 - 1].lower if site.t0 > 0 else ""
    subject: Mention | None
    objects: list[Mention]
    recipient: Mention | None
    agentless = False
    near = [m for m in after if m.start - _agent_gap(site) <= 2]
    owner = next(
        (
            m
            for m in site.mentions
            if m.end in (site.t0, site.t0 - 1) and m.kind in ("actor", "modifier")
        ),
        None,
    )
    agent = next(
        (
            m
            for m in near
            if (
                m.kind == "actor"
                and (m.prep in ("from", "by") or (m.prep == "of" and prev != "in"))
            )
            # "the strike was carried out by Russian planes": a side's kit acts for it
            or (m.kind == "thing" and m.prep == "by" and m.actors and not m.origin)
        ),
        None,
    )
    passive_side = None
    if agent is not None and agent.prep == "of":
        # "the support of Serbia by Russia": with a "by" phrase right after it, the "of"
        # phrase is the side the act is for, and the "by" phrase acts
        by = next(
            (m for m in after if m.prep == "by" and m.kind == "actor" and m.start == agent.end + 1),
            None,
        )
        if by is not None:
            agent, passive_side = by, agent
    goods = owned_goods(site.mentions, site.t0) if owner is None and inside is None else None
    subject = agent or owner or goods
    of_thing = next((m for m in near if m.kind == "thing" and m.prep in ("of", None)), None)
    if of_thing is None and inside is None:
        # "ammunition deliveries to Kyiv": the compound's first noun is what moves
        of_thing = next((m for m in site.mentions if m.end == site.t0 and m.kind == "thing"), None)
        if of_thing is not None and of_thing.actors and subject is None:
            subject = of_thing  # "Russian ammunition deliveries": the equipment's state
    objects = [inside] if inside is not None else ([of_thing] if of_thing else [])
    if goods is not None and not objects:
        objects = [goods]
    recipient = passive_side or next(
        (m for m in after if m.prep in ("to", "for") and m.kind in ("actor", "modifier")), None
    )
    accused = any(
        "accuse_verbs" in site.cue_kinds_at.get(i, NO_KINDS)
        for i in range(max(0, site.t0 - 8), site.t0)
    )  # "blamed Azerbaijan for the attack": the accusation names who acted
    thanks = None
    if agent is None and recipient is None and not objects:
        thanks = thank_roles(site.tokens, site.mentions, site.lo, site.t0, site.g)
        if thanks is not None:
            # "Aliyev thanked Erdogan for Turkey's support": Turkey backs Azerbaijan
            recipient = thanks[0]
            if owner is None or owner.kind != "actor":
                subject = thanks[1]  # "thanked Ankara for its support"
    claimed = claimer(
        site.tokens, site.mentions, site.t0, site.t1, site.hi, site.trigger_tokens, site.g
    )
    if claimed is not None and agent is None and owner is None:
        agent = subject = claimed  # "the Houthis claimed a drone strike on Abqaiq"
    if (
        agent is None
        and recipient is None
        and not objects
        and not accused
        and not predicate_marker(site.tokens, site.t1, site.hi, site.kb.political_markers, site.g)
    ):
        if prev in _DEFINITE and entry.value in site.kb.relations:
            # "Ankara insists the sale was routine": the sale named before, re-voiced
            return [Core(site.trigger, entry.value, (), None, None, None, None, None, False, False,
                         anaphoric=True)]  # fmt: skip
        return []  # "Turkey's support was extensive": a reference, not a claim of an act
    main = first_subject(site.mentions, site.lo, site.t0)
    if thanks is not None:
        pass  # the thanker is the one backed, never the backer
    elif subject is None and entry.value != "attack":
        subject = main  # "..., establishing an air bridge"; not "X condemned the attack"
    elif recipient is None and main is not None and main.kind == "actor" and main is not subject:
        recipient = main  # "Azerbaijan balanced it with support from Turkey"
    if (
        subject is None
        and objects
        and inside is None
        and recipient is not None
        and recipient.start > site.t0
        and entry.value != "attack"
        and not accused
    ):
        # "(Turkish media reported) the recruitment of Syrians for Azerbaijan": an act
        # with its theme and side named but no actor, like a passive without "by"
        agentless = True
    return Roles(subject, objects, recipient, agentless=agentless)


def _backed_by_an_attack(site: TriggerSite) -> bool:
    """ "backed by air strikes", "supported by Turkish artillery fire": the by-phrase of a
    backing is an attack (a trigger of its own), so the backing is that combat, no diplomacy."""
    tokens, n = site.tokens, len(site.tokens)
    if site.t1 >= n or tokens[site.t1].lower != "by":
        return False
    words = [t.text for t in tokens[site.t1 + 1 : site.t1 + 4]]
    found = site.kb.triggers.match(words, [w.lower() for w in words])
    return any(e.value == "attack" for m in found for e in m.entries)


def _agent_gap(site: TriggerSite) -> int:
    """Where a nominal act's "by" phrase may start: right after it, or after a light verb's
    participle ("strikes launched by the US-led coalition", "a raid carried out by Turkey")."""
    tokens, g, k = site.tokens, site.g, site.t1
    light = False
    # "the strike was (believed to have been) carried out by Russian planes" too
    passing = g.be_verbs | g.adverbs | g.particles | g.auxiliaries | g.hedged_say | {"to"}
    while (
        k < len(tokens)
        and k - site.t1 < 7
        and (tokens[k].lower in g.light_verbs or tokens[k].lower in passing)
    ):
        light = light or tokens[k].lower in g.light_verbs
        k += 1
    return k if light and k < len(tokens) and tokens[k].lower == "by" else site.t1


def passive_roles(site: TriggerSite, *, after: list[Mention]) -> Roles | None:
    """Roles of a passive trigger; None when it asserts no act fill_roles should build."""
    entry = site.trigger.first("trigger")
    assert entry is not None
    subject: Mention | None
    objects: list[Mention]
    recipient: Mention | None
    own_move = False
    if entry.value == "political_support" and _backed_by_an_attack(site):
        return None  # "rebels backed by air strikes launched by X": the strikes are X's act
    subject = next((m for m in after if m.prep == "by" and m.kind in ("actor", "thing")), None)
    if subject is None:
        subject = part_agent(site.tokens, after, site.g)  # "by a faction of the SNA"
    joining = joining_fighters(entry, subject, site.mentions, site.lo, site.t0)
    if subject is not None and subject.kind == "thing" and not subject.actors:
        subject = None
    if entry.value == "attack" and subject is None:
        return None  # "fighters had been killed": a casualty, no actor (guidelines 9.5)
    before = [
        m for m in site.mentions if site.lo <= m.start and m.end <= site.t0 and m.kind == "thing"
    ]
    # the theme of a passive stands before it; after it only "supplied with drones"
    things_after = [
        m for m in after if m.kind == "thing" and m.prep == "with" and entry.value != "presence"
    ]  # "a journalist embedded with the troops": whom one is with, not what is present
    head = next((m for m in before if m.prep is None), before[0] if before else None)
    if (
        before
        and site.t0 > 0
        and site.tokens[site.t0 - 1].lower not in site.g.be_verbs | site.g.adverbs
    ):
        head = before[-1]  # reduced relative: "troops relied on drones supplied by Turkey"
    objects = [head] if head is not None else things_after[:1]
    if entry.value == "attack" and subject is not None:
        # "Georgian tanks were destroyed by Russian drones", "the depot was struck by Serbian
        # bombs": what an attack befalls is its target (its owner the side hit), not the means;
        # the means is the "by" phrase's kit
        hit = objects[0] if objects else None
        objects = [subject] if subject.kind == "thing" else []
        if hit is not None and hit.actors and hit.actors != subject.actors:
            recipient_hit: Mention | None = hit
        else:
            recipient_hit = None
    else:
        recipient_hit = None
    if entry.voice == "parked" and (not objects or objects[0].thing_class == "own_forces"):
        return None  # "the U.S. Army ... vehicle is parked": kit is parked, not an army
    if (
        not objects
        and subject is not None
        and subject.kind == "thing"
        and entry.value == "presence"
    ):
        objects = [subject]  # "they were joined by Turkish officers": who is there
    preps = site.g.recipient_preps | site.g.location_preps
    recipient = next(
        (
            m
            for m in after
            if m.prep in preps and m.kind in ("actor", "modifier") and not noun_with(m, site.t1)
        ),
        None,
    )
    if recipient is None:
        recipient = recipient_hit
    if recipient is None:
        # "ammunition for Armenian units was flown in"
        recipient = next((m for m in before if m.prep == "for" and m.actors), None)
    if joining is not None:
        objects, recipient = joining  # "ranks were swelled by volunteers": they join a side
    moved = objects[0] if objects else None
    carrier = carrier_of(after, site.g)
    if (
        entry.value == "logistics"
        and carrier is not None
        and moved is not None
        and (not moved.actors or (carrier.actors and carrier.actors != moved.actors))
    ):
        # "SNA fighters were flown to Tripoli on Turkish military transports", "volunteers
        # were flown in on chartered flights": the carrier carries (guidelines 5.2)
        objects, moved = [carrier], None
        if subject is None and carrier.actors:
            subject = carrier
    if entry.value == "training" and moved is not None and moved.actors:
        recipient = moved  # "Azerbaijani special forces were schooled by Turkish instructors"
        if subject is not None and subject.kind == "thing":
            objects = [subject]  # what trains is the instructors, not the trainees
    elif subject is None and moved is not None and moved.actors:
        if entry.value in MOVING_TRIGGERS:
            subject, own_move = moved, True  # "Russian helicopters were sent": Russia
        elif recipient is None:
            recipient = moved  # "Armenian pilots were trained in Russia": for Armenia
    if subject is None:
        # "flown to Tripoli on Turkish military transports": the carrier
        subject = (carrier if carrier is not None and carrier.actors else None) or payer(
            site.tokens, after, site.g
        )
    if carrier is not None and entry.value == "logistics" and not own_move:
        objects = [carrier]  # "volunteers were flown to Yerevan on chartered flights"
    agentless = subject is None
    if entry.value == "political_support" and recipient is None:
        # "Azerbaijan, backed by Turkey": who is backed stands before the participle
        backed = next(
            (
                m
                for m in reversed(site.mentions)
                if site.lo <= m.start and m.end <= site.t0 and m.prep is None
            ),
            None,
        )
        if (
            backed is None
            or not backed.actors
            or not (
                backed.end == site.t0
                or site.tokens[backed.end].text in site.g.appositive_marks
                or all(
                    site.tokens[i].lower in site.g.be_verbs
                    or site.tokens[i].lower in site.g.adverbs
                    for i in range(backed.end, site.t0)
                )  # "Azerbaijan is openly backed by", not "Armenia is resisting ... backed by"
            )  # "Azerbaijan faces separatists supported by Yerevan": not Azerbaijan
            or subject is None
            or set(backed.actors) <= set(subject.actors)
        ):
            return None  # "soldiers backed by Armenia": backing someone the text does not name
        recipient = backed
    return Roles(subject, objects, recipient, agentless=agentless, own_move=own_move)
