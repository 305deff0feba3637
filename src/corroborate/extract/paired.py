"""Voices with two parties named side by side: "clashes between A and B", "A and B exchanged
fire", "A is an ally of B". Split from roles.py: these build their cores from the pair alone."""

from __future__ import annotations

from corroborate.extract.alliance import alliance_roles, mutual_roles
from corroborate.extract.core import Core
from corroborate.extract.kb import KnowledgeBase, Match
from corroborate.extract.mentions import Mention
from corroborate.extract.positions import NO_KINDS, is_irrealis, is_negated
from corroborate.extract.reciprocal import exchange_roles
from corroborate.extract.tokens import Token


def agent_from(m: Mention) -> tuple[str, ...]:
    """The actors a subject names; a pronoun's are resolved later from its speaker frame."""
    return m.actors if m.kind != "pronoun" else ()


def paired_cores(
    kb: KnowledgeBase,
    tokens: list[Token],
    trigger: Match,
    mentions: list[Mention],
    *,
    clause: tuple[int, int],
    trigger_tokens: set[int],
    cue_kinds_at: dict[int, set[str]],
) -> list[Core] | None:
    """The cores of a "between", "exchange" or "ally" trigger; None for any other voice, whose
    roles fill_roles finds by position."""
    t0 = trigger.start
    lo = clause[0]
    g = kb.grammar
    entry = trigger.first("trigger")
    assert entry is not None
    if entry.voice == "between":
        return [
            Core(
                trigger,
                "combat",
                a.actors[:1],
                a,
                None,
                None,
                b.actors[0],
                b,
                any(
                    "negations" in cue_kinds_at.get(i, NO_KINDS) for i in range(max(lo, t0 - 2), t0)
                ),
                is_irrealis(tokens, lo, t0, cue_kinds_at, g),
            )
            for a, b in mutual_roles(tokens, trigger, mentions, g)
        ]
    if entry.voice == "exchange":
        negated = any(
            "negations" in cue_kinds_at.get(i, NO_KINDS) for i in range(max(lo, t0 - 2), t0)
        )
        return [
            Core(
                trigger,
                "combat",
                a.actors[:1],
                a,
                used.thing if used is not None else None,
                used,
                b.actors[0],
                b,
                negated,
                is_irrealis(tokens, lo, t0, cue_kinds_at, g),
            )
            for a, b, used in exchange_roles(tokens, trigger, mentions, g, trigger_tokens)
        ]
    if entry.voice == "ally":
        pair = alliance_roles(kb, tokens, trigger, mentions, clause, trigger_tokens)
        if pair is None:
            return []
        ally, partner = pair
        return [
            Core(
                trigger,
                "political_support",
                agent_from(ally),
                ally,
                None,
                None,
                partner.actors[0],
                partner,
                is_negated(tokens, lo, t0, ally, cue_kinds_at),
                is_irrealis(tokens, lo, t0, cue_kinds_at, g),
            )
        ]
    return None
