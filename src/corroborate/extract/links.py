"""Ties to fighters: "Russia's links to the Wagner contractors", "The Kremlin has denied any
link to the Wagner contractors". A state tied to fighters or an armed group is said to sponsor
them (foreign_fighters); who is tied is the owner before the noun, or else the speaker of a
denial around it ("denied any link to" is the denier's own).
"""

from __future__ import annotations

from corroborate.extract.core import Core, TriggerSite
from corroborate.extract.mentions import FIGHTER_CLASSES
from corroborate.extract.observe import unseen_cores

_GROUP_TYPES = frozenset({"armed_group"})
# trigger voices whose roles this module (or observe.py) fills
OWN_CORES = frozenset({"link", "ranks", "behalf", "unseen"})


def own_cores(site: TriggerSite) -> list[Core]:
    entry = site.trigger.first("trigger")
    voice = entry.voice if entry is not None else None
    if voice == "link":
        return link_cores(site)  # "denied any link to Wagner"
    if voice == "ranks":
        return ranks_cores(site)  # "mercenaries in its ranks"
    if voice == "behalf":
        return behalf_cores(site)  # "on its behalf"
    return unseen_cores(site)  # "saw no Turkish soldiers"


def link_cores(site: TriggerSite) -> list[Core]:
    tied = next((m for m in site.mentions if site.t1 <= m.start < min(site.hi, site.t1 + 3)), None)
    if tied is None:
        return []
    if tied.kind == "thing" and tied.thing_class in FIGHTER_CLASSES:
        thing: str | None = tied.thing
    elif tied.kind == "actor" and any(
        site.kb.actor_types.get(a) in _GROUP_TYPES for a in tied.actors
    ):
        thing = " ".join(t.text for t in site.tokens[tied.start : tied.end])  # "ties to Hezbollah"
    else:
        return []
    owner = next(
        (
            m
            for m in site.mentions
            if m.end in (site.t0, site.t0 - 1) and m.kind in ("actor", "modifier")
        ),
        None,
    )
    subjects = owner.actors if owner is not None else ()
    if set(subjects) & set(tied.actors):
        return []  # "Wagner's links to its own contractors"
    return [
        Core(
            site.trigger, "foreign_fighters", subjects, owner, thing, tied, None, None, False, False
        )
    ]


def behalf_cores(site: TriggerSite) -> list[Core]:
    """ "Wagner operates on its behalf in Libya", "militias fighting on behalf of Iran": a group
    acting for a state is that state's proxy (foreign_fighters, the state the subject). The
    state is named after "of", before "'s", or (for "its") is the speaker of the frame around."""
    sponsor = next(
        (
            m
            for m in site.mentions
            if m.kind == "actor"
            and (
                (
                    m.start == site.t1 and site.tokens[site.t1 - 1].lower == "of"
                )  # "on behalf of Iran"
                or (
                    m.end == site.t0 - 1 and site.tokens[site.t0 - 1].lower == "'s"
                )  # "on Iran's behalf"
            )
        ),
        None,
    )
    before = sponsor.start if sponsor is not None and sponsor.end < site.t0 else site.t0
    group = next(
        (
            m
            for m in reversed(site.mentions)
            if site.lo <= m.start
            and m.end <= before
            and before - m.end <= 3
            and (
                (m.kind == "thing" and m.thing_class in FIGHTER_CLASSES)
                or (
                    m.kind == "actor"
                    and any(site.kb.actor_types.get(a) in _GROUP_TYPES for a in m.actors)
                )
            )
        ),
        None,
    )
    if group is None:
        return []
    thing = (
        group.thing
        if group.kind == "thing"
        else " ".join(t.text for t in site.tokens[group.start : group.end])
    )
    place = next(
        (
            m
            for m in site.mentions
            if site.t1 <= m.start < site.hi and m is not sponsor and m.prep in site.g.location_preps
        ),
        None,
    )
    subjects = sponsor.actors if sponsor is not None else ()
    if set(subjects) & set(group.actors):
        return []
    recipient = place.actors[0] if place is not None and place.actors else None
    return [
        Core(site.trigger, "foreign_fighters", subjects, sponsor, thing, group, recipient, place,
             False, False)
    ]  # fmt: skip


def ranks_cores(site: TriggerSite) -> list[Core]:
    """ "Syrian mercenaries in its ranks": people within a side's forces; the side is the
    actor "its" points back to (the last named before the people)."""
    people = next(
        (
            m
            for m in reversed(site.mentions)
            if site.lo <= m.start and m.end <= site.t0 and site.t0 - m.end <= 1
        ),
        None,
    )
    if people is None or people.kind != "thing":
        return []
    relation = site.kb.frames["presence"].get(people.thing_class or "")
    if relation is None:
        return []
    side = next(
        (m for m in reversed(site.mentions) if m.end <= people.start and m.kind == "actor"), None
    )
    agentless = not people.actors
    if agentless and people.thing_class not in FIGHTER_CLASSES:
        return []
    recipient = side.actors[0] if side is not None and side.actors else None
    return [
        Core(site.trigger, relation, people.actors, people, people.thing, people, recipient, side,
             False, False, agentless=agentless)
    ]  # fmt: skip
