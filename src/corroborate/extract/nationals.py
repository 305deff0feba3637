"""Nationals as people: "recruited Syrians", "the recruitment of Afghans", "Syrians were paid".

A plural demonym standing alone usually names a state's side ("the Armenians shelled ..."
is Armenia's forces, guidelines 2.3). As what a recruiting, hiring or paying verb acts on, it
names people of that nationality instead, just as "Syrian men" does: recruits, whom no state
sends by being their nationality.
"""

from __future__ import annotations

from corroborate.extract.kb import Grammar, Match
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token

RECRUITING = "foreign_fighters"  # the trigger value of recruit / hire / pay
RECRUITS = "recruits"  # the thing class of "men", "convicts": fighters once recruited


def _plural_demonym(tokens: list[Token], m: Mention, g: Grammar) -> bool:
    """ "Syrians", "Afghans": one capitalised plural word naming a nationality, not a noun's
    modifier ("Syrian fighters" is one phrase already)."""
    if m.kind != "modifier" or not m.actors:
        return False
    for tok in tokens[m.start : m.end]:  # "Syrians and Libyans" too
        if tok.lower not in g.conjunctions and not (
            tok.text[:1].isupper() and tok.lower[-1] == "s"
        ):
            return False
    if m.end >= len(tokens):
        return True
    nxt = tokens[m.end].lower
    return (
        not tokens[m.end].text.isalpha()
        or nxt in g.prepositions
        or nxt in g.be_verbs
        or (nxt in g.conjunctions or nxt in g.auxiliaries or nxt in g.relative_pronouns)
    )


def _next_to(tokens: list[Token], m: Mention, trig: Match, g: Grammar) -> bool:
    if trig.end <= m.start:  # "recruited Syrians", "the recruitment of Syrians"
        between = [t.lower for t in tokens[trig.end : m.start]]
        return len(between) <= 2 and all(w == "of" or w in g.determiners for w in between)
    if m.end <= trig.start:  # "Syrians were being paid by Turkey"
        between = [t.lower for t in tokens[m.end : trig.start]]
        return (
            0 < len(between) <= 3
            and any(w in g.be_verbs for w in between)
            and all(w in g.be_verbs or w in g.adverbs or w in g.auxiliaries for w in between)
        )
    return False


def nationals_as_recruits(
    tokens: list[Token], mentions: list[Mention], trigs: list[Match], g: Grammar
) -> None:
    """Turns such demonyms, in place, into things of the recruits class ("Syrians")."""
    recruiting = [t for t in trigs if any(e.value == RECRUITING for e in t.entries)]
    if not recruiting:
        return
    for m in mentions:
        if _plural_demonym(tokens, m, g) and any(_next_to(tokens, m, t, g) for t in recruiting):
            words = " ".join(t.text for t in tokens[m.start : m.end])
            m.kind, m.thing, m.thing_class = "thing", words, RECRUITS
            m.actors = ()


def private_nationals(tokens: list[Token], mentions: list[Mention], g: Grammar) -> None:
    """ "Armenian groups raised money", "Russian businessmen": a demonym on private people or
    bodies names no state (guidelines 2.4); the phrase becomes a vague mention, in place."""
    n = len(tokens)
    for m in mentions:
        if m.kind == "modifier" and m.end < n and tokens[m.end].lower in g.private_nouns:
            m.kind, m.actors = "vague", ()
