"""Hosting: "Belarus hosted Wagner fighters", "the base in Gyumri houses 3,000 servicemen".

The grammatical subject of a hosting verb is the place, not the actor: the forces it holds
(the direct object) are the ones deployed, and their owner is the subject of the claim. With
unowned forces the owner of the hosting base deploys them ("Russia's base houses 3,000
servicemen"), and a hosting purpose ("expanded the airbase to host more aircraft") belongs to
the clause's subject. A state that hosts is the recipient.
"""

from __future__ import annotations

from corroborate.extract.core import Core, TriggerSite
from corroborate.extract.mentions import FIGHTER_CLASSES, Mention
from corroborate.extract.paired import agent_from
from corroborate.extract.positions import (
    first_subject,
    is_irrealis,
    is_negated,
    mentions_after,
    nearest_subject,
)

# how far the guest may stand from the verb: "hosts roughly 3,000 Russian servicemen"
_GUEST_WINDOW = 5


def host_cores(site: TriggerSite) -> list[Core]:
    """The deployment a hosting verb states, or nothing when no forces are hosted."""
    presence = site.kb.frames["presence"]
    after = [
        m for m in mentions_after(site.mentions, site.t1, site.hi, _GUEST_WINDOW) if m.prep is None
    ]
    guest = next((m for m in after if m.kind == "thing"), None)
    if guest is None or guest.thing_class not in presence:
        return []  # "hosted talks", "houses oil pipelines": no forces held there
    owners = guest.actors or next(
        (m.actors for m in after if m.kind == "actor" and m.end == guest.start), ()
    )  # "hosted Wagner fighters": read as two phrases after a verb, one owns the other
    if site.t0 > 0 and site.tokens[site.t0 - 1].lower == "to":
        # "Russia has expanded the airbase to host more aircraft": the clause's actor
        host = first_subject(site.mentions, site.lo, site.t0)
    else:
        host = nearest_subject(
            site.mentions, site.tokens, site.lo, site.t0, site.trigger_tokens, site.g
        )
    if host is None or not host.actors:
        return []
    recipient: Mention | None = None
    subject: Mention | None
    if owners:
        # "Belarus hosted Wagner fighters": Wagner's fighters, in Belarus
        subject = Mention(guest.start, guest.end, "thing", owners, guest.thing, guest.thing_class)
        if host.kind in ("actor", "modifier") and host.actors != owners:
            recipient = host
    elif host.kind == "thing" or (site.t0 > 0 and site.tokens[site.t0 - 1].lower == "to"):
        subject = host  # "Russia's base houses 3,000 servicemen": the base's owner's men
        recipient = next(
            (
                m
                for m in site.mentions
                if host.end <= m.start < site.t0 and m.prep in site.g.location_preps and m.actors
            ),
            None,
        )  # "Russia's base in Armenia houses ..."
    else:
        return []  # "Armenia hosts 3,000 troops": whose troops the text does not say
    relation = presence[guest.thing_class or ""]
    subjects = agent_from(subject)
    if (
        relation == "foreign_fighters"
        and guest.thing_class in FIGHTER_CLASSES
        and set(subjects) <= set(owners)
    ):
        relation = "troop_deployment"  # a group's own members (guidelines 5.4)
    rec = recipient.actors[0] if recipient is not None and recipient.actors else None
    return [
        Core(
            site.trigger,
            relation,
            subjects,
            subject,
            guest.thing,
            guest,
            rec,
            recipient,
            is_negated(site.tokens, site.lo, site.t0, host, site.cue_kinds_at),
            is_irrealis(site.tokens, site.lo, site.t0, site.cue_kinds_at, site.g),
        )
    ]
