"""Alliance nouns: "Turkey, a close ally of Azerbaijan", "Armenia's ally Russia", "X is allied
with Y". The ally is the subject and the partner the recipient of political support; only the
clear noun-phrase shapes give a claim, since an alliance read the wrong way round is worse than
none.
"""

from __future__ import annotations

from corroborate.extract.core import TriggerSite
from corroborate.extract.kb import Grammar, Match
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token

# a patron backs its client, whatever the sentence's order ("the YPG, a US ally")
CLIENT_TYPES = frozenset({"armed_group", "de_facto"})
NON_ALLY_TYPES = frozenset({"monitor"})


def _agent(m: Mention | None) -> bool:
    kinds = ("actor", "institution", "group_ref", "modifier")
    return m is not None and m.kind in kinds and bool(m.actors)


def _phrase_start(tokens: list[Token], t0: int, mentions: list[Mention], g: Grammar) -> int:
    """Back over "a close", "its traditional", "an Azerbaijani" to the noun phrase's start."""
    i = t0
    while i > 0:
        prev = tokens[i - 1]
        owner = next((m for m in mentions if m.end == i and m.kind in ("modifier", "actor")), None)
        if owner is not None and owner.end - owner.start <= 2:
            i = owner.start
        elif prev.lower in g.determiners or prev.lower in g.possessive_pronouns:
            return i - 1  # "a", "its": the phrase opens here
        elif prev.lower == "'s":
            i -= 1
        elif (
            prev.text.isalpha()
            and prev.text.islower()
            and not {prev.lower} & (g.prepositions | g.be_verbs | g.auxiliaries | g.adverbs)
            and prev.lower not in g.conjunctions
        ):
            i -= 1  # an adjective: "close", "traditional", "key"
        else:
            break
        if t0 - i > 5:
            break
    return i


def alliance_roles(site: TriggerSite) -> tuple[Mention, Mention] | None:
    """(ally, partner) for an alliance noun or participle, or None when the shape is unclear."""
    live = [m for m in site.mentions if not m.consumed]
    partner = next(
        (
            m
            for m in live
            if site.t1 <= m.start <= site.t1 + 2 and m.prep in ("of", "to", "with") and _agent(m)
        ),
        None,
    )
    ally: Mention | None = None
    # "Armenia's ally Russia", "its close ally, Turkey": the name right after the noun
    named = next(
        (
            m
            for m in live
            if m.prep is None
            and (
                m.start == site.t1
                or (
                    m.start == site.t1 + 1 and site.tokens[site.t1].lower in site.g.appositive_marks
                )
            )
        ),
        None,
    )
    start = _phrase_start(site.tokens, site.t0, site.mentions, site.g)
    inner = [
        m for m in live if start <= m.start and m.end <= site.t0 and m.kind in ("actor", "modifier")
    ]
    possessed = any(
        site.tokens[i].lower in site.g.possessive_pronouns or site.tokens[i].lower == "'s"
        for i in range(start, site.t0)
    )
    if partner is None and inner:
        if possessed and site.tokens[inner[0].end].lower != "'s":
            ally = inner[-1] if named is None else ally  # "its Russian ally": the ally itself
        else:
            partner = inner[0]  # "an Azerbaijani ally", "Armenia's ally"
    if any(i in site.trigger_tokens for i in range(max(site.lo, start - 2), start)):
        return None  # "backed its ally Azerbaijan": a background phrase of another act
    if named is not None and _agent(named):
        ally = named
    if (
        partner is None
        and start < site.t0
        and site.tokens[start].lower in site.g.possessive_pronouns
    ):
        # "the backing of its close ally Turkey": "its" is the nearest actor before
        partner = next((m for m in reversed(live) if m.end <= start and _agent(m)), None)
    if ally is None and start > site.lo:
        before = site.tokens[start - 1].lower
        j = start - 1
        while j > site.lo and (
            site.tokens[j].lower in site.g.be_verbs or site.tokens[j].lower in site.g.adverbs
        ):
            j -= 1
        head = next((m for m in live if m.end == start and _agent(m)), None)
        if head is not None:
            ally = head  # "Russia a Syrian ally": an apposition without its comma
        elif before in site.g.appositive_marks:
            # "Turkey, a close ally of Azerbaijan", "President Putin - Armenia's ally -"
            ally = next((m for m in reversed(live) if m.end <= j and m.start >= site.lo), None)
        elif before in site.g.be_verbs:
            # "Turkey is an ally of Azerbaijan"
            if site.tokens[j].lower in site.g.conjunctions | site.g.contrast_openers:
                # "Turkey borders Armenia but is an ally of ...": the clause's subject
                ally = next((m for m in live if site.lo <= m.start and m.end <= j), None)
            else:
                ally = next(
                    (m for m in reversed(live) if m.end <= j + 1 and m.start >= site.lo), None
                )
            ally = ally if ally is not None and ally.prep is None else None
    if ally is None or partner is None or not _agent(ally):
        return None
    if set(ally.actors) & set(partner.actors):
        return None
    if {site.kb.actor_types.get(a) for a in ally.actors + partner.actors} & NON_ALLY_TYPES:
        return None  # "... and its allies(,) the Syrian Observatory said": a monitor allies none
    a_type = site.kb.actor_types.get(ally.actors[0], "state")
    p_type = site.kb.actor_types.get(partner.actors[0], "state")
    if a_type in CLIENT_TYPES and p_type not in CLIENT_TYPES:
        ally, partner = partner, ally
    return ally, partner


def mutual_roles(
    tokens: list[Token], trigger: Match, mentions: list[Mention], g: Grammar
) -> list[tuple[Mention, Mention]]:
    """ "fighting raged between Armenia and Azerbaijan", "clashes between Armenian and Azerbaijani
    forces": each side fights the other, so (A, B) and (B, A). Not "fears of a war between"."""
    if any(t.lower in g.hypothetical for t in tokens[max(0, trigger.start - 5) : trigger.start]):
        return []
    at = next(
        (
            i
            for i in range(trigger.end, min(len(tokens), trigger.end + 4))
            if tokens[i].lower == "between"
        ),
        None,
    )
    if at is None:
        return []
    live = [m for m in mentions if not m.consumed and m.start > at and m.actors]
    if not live or live[0].start - at > 3:
        return []
    first = live[0]
    sides = [first]
    if len(first.actors) == 1 and len(live) > 1:
        second = live[1]
        between = [t.lower for t in tokens[first.end : second.start]]
        if between and between[0] == "and" and len(between) <= 3:
            sides.append(second)  # "between Azerbaijan and ethnic Armenian forces"
    if len(sides) == 1 and len(first.actors) == 2:
        a = Mention(first.start, first.end, first.kind, first.actors[:1])
        b = Mention(first.start, first.end, first.kind, first.actors[1:])
        sides = [a, b]
    if len(sides) != 2 or set(sides[0].actors) & set(sides[1].actors):
        return []
    return [(sides[0], sides[1]), (sides[1], sides[0])]
