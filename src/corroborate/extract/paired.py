"""Voices with two parties named side by side: "clashes between A and B", "A and B exchanged
fire", "A is an ally of B". Split from roles.py: these build their cores from the pair alone."""

from __future__ import annotations

from corroborate.extract.alliance import alliance_roles, mutual_roles
from corroborate.extract.core import Core, TriggerSite
from corroborate.extract.mentions import Mention
from corroborate.extract.positions import NO_KINDS, is_irrealis, is_negated
from corroborate.extract.reciprocal import exchange_roles


def agent_from(m: Mention) -> tuple[str, ...]:
    """The actors a subject names; a pronoun's are resolved later from its speaker frame."""
    return m.actors if m.kind != "pronoun" else ()


def paired_cores(site: TriggerSite) -> list[Core] | None:
    """The cores of a "between", "exchange" or "ally" trigger; None for any other voice, whose
    roles fill_roles finds by position."""
    entry = site.trigger.first("trigger")
    assert entry is not None
    if entry.voice in ("between", "exchange"):
        # "did not clash with", "no fire was exchanged": a negation just before the trigger
        negated = any(
            "negations" in site.cue_kinds_at.get(i, NO_KINDS)
            for i in range(max(site.lo, site.t0 - 2), site.t0)
        )
        irrealis = is_irrealis(site.tokens, site.lo, site.t0, site.cue_kinds_at, site.g)
        if entry.voice == "between":
            return [
                Core(
                    site.trigger,
                    "combat",
                    a.actors[:1],
                    a,
                    None,
                    None,
                    b.actors[0],
                    b,
                    negated,
                    irrealis,
                )
                for a, b in mutual_roles(site.tokens, site.trigger, site.mentions, site.g)
            ]
        return [
            Core(
                site.trigger,
                "combat",
                a.actors[:1],
                a,
                used.thing if used is not None else None,
                used,
                b.actors[0],
                b,
                negated,
                irrealis,
            )
            for a, b, used in exchange_roles(
                site.tokens, site.trigger, site.mentions, site.g, site.trigger_tokens
            )
        ]
    if entry.voice == "ally":
        pair = alliance_roles(site)
        if pair is None:
            return []
        ally, partner = pair
        return [
            Core(
                site.trigger,
                "political_support",
                agent_from(ally),
                ally,
                None,
                None,
                partner.actors[0],
                partner,
                is_negated(site.tokens, site.lo, site.t0, ally, site.cue_kinds_at),
                is_irrealis(site.tokens, site.lo, site.t0, site.cue_kinds_at, site.g),
            )
        ]
    return None
