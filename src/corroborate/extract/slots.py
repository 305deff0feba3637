"""Small slot rules for noun-phrase triggers, kept apart from roles.py (which is near its size
limit): who owns an act named by a noun, and when a weapon's name makes the trigger a noun."""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.extract.kb import Grammar, Match
from corroborate.extract.mentions import CARRIER_CLASSES, Mention
from corroborate.extract.tokens import Token


def weapon_noun(tokens: list[Token], mentions: list[Mention], t0: int) -> bool:
    """ "came under drone attack": a weapon's name after "under" makes a noun phrase whose
    target is the clause's subject ("with missile strikes" is the means of a named actor)."""
    return t0 >= 2 and any(
        m.end == t0 and m.kind == "thing" and m.prep == "under" == tokens[m.start - 1].lower
        for m in mentions
    )


def owned_goods(mentions: list[Mention], t0: int) -> Mention | None:
    """ "in protest at Israeli arms sales to Baku": the trigger's first word closes a thing
    phrase whose owner sells; the clause's subject (who protests) does not."""
    return next(
        (m for m in mentions if m.kind == "thing" and m.actors and m.start < t0 < m.end), None
    )


def payer(tokens: list[Token], after: list[Mention], g: Grammar) -> Mention | None:
    """ "volunteers were sent to Syria, reportedly on Tehran's payroll": who pays them is the
    agent the passive leaves out."""
    n = len(tokens)
    return next(
        (
            m
            for m in after
            if m.prep == "on"
            and m.actors
            and m.kind == "actor"
            and m.end + 1 < n
            and tokens[m.end].lower == "'s"
            and tokens[m.end + 1].lower in g.payroll_nouns
        ),
        None,
    )


def verb_object(tokens: list[Token], m: Mention, trigger_tokens: set[int], g: Grammar) -> bool:
    """ "ferried Syrian recruits", "trained the recruits": the phrase is another trigger's
    direct object, so a trigger word inside it names what that act moves or trains."""
    i = m.start - 1
    # past "the" and an origin the lexicon lacks ("ferried Afghan recruits")
    while (
        i >= 0
        and i not in trigger_tokens
        and (tokens[i].lower in g.determiners or (i > 0 and tokens[i].text[:1].isupper()))
    ):
        i -= 1
    return i >= 0 and i in trigger_tokens


def carrier_of(after: list[Mention], g: Grammar) -> Mention | None:
    """ "flown to Tripoli on Turkish military transports": the means that carried the theme."""
    return next(
        (
            m
            for m in after
            if m.kind == "thing" and m.prep in g.means_preps and m.thing_class in CARRIER_CLASSES
        ),
        None,
    )


def months_out(cues: list[Match], texts: Sequence[str], g: Grammar) -> list[Match]:
    """ "the US Africa Command said in May 2020": a capitalised month inside a sentence is a
    date, not the hedge "may"."""
    return [
        c
        for c in cues
        if not (
            c.start > 0
            and c.end - c.start == 1
            and texts[c.start][:1].isupper()
            and texts[c.start].lower() in g.months
        )
    ]


def moves_own_forces(objects: list[Mention | None]) -> bool:
    """ "Iran moved troops and armour to its border": with no one receiving them, equipment
    listed with the actor's own forces goes with that deployment, not to a buyer."""
    return any(m is not None and m.thing_class == "own_forces" for m in objects)


def planned_act(tokens: list[Token], trig: Match, trigs: list[Match], g: Grammar) -> bool:
    """ "helped plan the 2016 Aleppo offensive": an attack that is the object of a training act
    (planning, advising) is what the trainees did; the planners' claim is the training."""
    entry = trig.first("trigger")
    if entry is None or entry.value != "attack":
        return False
    i = trig.start - 1
    while i >= 0 and (
        tokens[i].lower in g.determiners
        or tokens[i].text[:1].isdigit()
        or (i > 0 and tokens[i].text[:1].isupper())
    ):
        i -= 1
    if i < 0 or i == trig.start - 1:
        return False  # "planned attacks" with nothing between is a verb and its noun, kept
    return any(
        t.end == i + 1 and any(e.kind == "trigger" and e.value == "training" for e in t.entries)
        for t in trigs
    )
