"""Negated observations (guidelines 7.5): "Reporters who toured the front saw no Turkish
soldiers" denies the soldiers' presence, hedged: what went unseen may still be there. The thing
not seen is the one present; its owner is the subject.
"""

from __future__ import annotations

from corroborate.extract.core import Core, TriggerSite
from corroborate.extract.mentions import FIGHTER_CLASSES


def unseen_cores(site: TriggerSite) -> list[Core]:
    """The core of "saw no X": X's presence, denied."""
    seen = next(
        (
            m
            for m in site.mentions
            if site.t1 <= m.start < min(site.hi, site.t1 + 3)
            and m.kind == "thing"
            and m.prep in (None, "of")  # "saw no sign of Syrian mercenaries"
        ),
        None,
    )
    if seen is None:
        return []
    relation = site.kb.frames["presence"].get(seen.thing_class or "")
    if relation is None:
        return []
    agentless = not seen.actors  # "saw no Syrian fighters": fighters with no recruiter named
    if agentless and seen.thing_class not in FIGHTER_CLASSES:
        return []
    preps = site.g.location_preps
    place = next(
        (m for m in site.mentions if m.start >= seen.end and m.start < site.hi and m.prep in preps),
        None,
    )
    return [
        Core(
            site.trigger,
            relation,
            seen.actors,
            seen,
            seen.thing,
            seen,
            place.actors[0] if place is not None and place.actors else None,
            place,
            negated=True,
            irrealis=False,
            agentless=agentless,
        )
    ]
