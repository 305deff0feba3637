"""Parties that act together or through a part: joint actors and acts that run both ways.

"Turkish troops and their Syrian National Army allies launched an offensive": both own the
attack, though the mention builder keeps "Turkish troops" (a thing) and the allies (an actor)
apart. "Turkish forces and the YPG exchanged artillery fire", "Armenian and Azerbaijani forces
clashed": each side fights the other, as with "fighting between A and B" (alliance.py).
"Recruited by a faction of the Syrian National Army": the group acts through its part.
"""

from __future__ import annotations

from corroborate.extract.kb import Grammar, Match
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token

# between two coordinated parties: "and", optionally an owner word ("and their allies")
_LINKS = frozenset({"and", "their", "its", "the"})


def _agentive(m: Mention) -> bool:
    """A party that can act: an actor, or a force or weapon its owner fields."""
    return not m.consumed and bool(m.actors) and m.kind in ("actor", "thing", "modifier")


def co_subject(
    tokens: list[Token], mentions: list[Mention], subject: Mention, trigger_tokens: set[int]
) -> Mention | None:
    """The party coordinated before `subject` with "and": "Turkish troops and their allies"."""
    if subject.prep is not None:
        return None
    before = [m for m in mentions if m.end <= subject.start]
    if not before:
        return None
    left = before[-1]
    between = [t.lower for t in tokens[left.end : subject.start]]
    if (
        not between
        or between[0] != "and"
        or len(between) > 2
        or not all(w in _LINKS for w in between)
        or left.prep is not None
        or not _agentive(left)
        or set(left.actors) & set(subject.actors)
    ):
        return None
    j = left.start - 1
    while j >= 0 and tokens[j].lower in ("the", "a", "an", "its", "their"):
        j -= 1
    if j >= 0 and (tokens[j].lower == "between" or j in trigger_tokens):
        # "between Turkish troops and the YPG": the sides; "sold drones and Russia ...": an
        # object of the verb before, not a joint actor
        return None
    return left


def _pair_before(
    tokens: list[Token], t0: int, mentions: list[Mention], g: Grammar, trigger_tokens: set[int]
) -> list[Mention]:
    """The two sides named right before the verb: one mention of two actors ("Armenian and
    Azerbaijani forces") or two joined by "and" ("Turkish forces and the YPG")."""
    j = t0
    while j > 0 and (
        tokens[j - 1].lower in g.adverbs
        or tokens[j - 1].lower in g.auxiliaries
        or tokens[j - 1].lower in g.be_verbs
    ):
        j -= 1
    last = next((m for m in reversed(mentions) if m.end == j), None)
    if last is None or not _agentive(last) or last.prep is not None:
        return []
    if len(last.actors) == 2:
        return [
            Mention(last.start, last.end, last.kind, last.actors[:1]),
            Mention(last.start, last.end, last.kind, last.actors[1:]),
        ]
    left = co_subject(tokens, mentions, last, trigger_tokens)
    return [left, last] if left is not None and len(left.actors) == 1 else []


def exchange_roles(
    tokens: list[Token],
    trigger: Match,
    mentions: list[Mention],
    g: Grammar,
    trigger_tokens: set[int],
) -> list[tuple[Mention, Mention, Mention | None]]:
    """ "A and B exchanged fire", "A clashed with B": (A, B) and (B, A), each with the weapon
    named right after the verb ("exchanged artillery fire"), if any."""
    sides = _pair_before(tokens, trigger.start, mentions, g, trigger_tokens)
    if not sides:
        # "Turkish forces clashed with the YPG": the subject and the party after "with"
        other = next(
            (
                m
                for m in mentions
                if trigger.end <= m.start <= trigger.end + 2 and m.prep == "with" and m.actors
            ),
            None,
        )
        j = trigger.start
        while j > 0 and (tokens[j - 1].lower in g.adverbs or tokens[j - 1].lower in g.auxiliaries):
            j -= 1
        first = next((m for m in reversed(mentions) if m.end == j), None)
        if other is None or first is None or not _agentive(first) or first.prep is not None:
            return []
        sides = [first, other]
    a, b = sides
    if a.kind == "modifier" or b.kind == "modifier":
        return []  # "Armenians had clashed with the Turks": peoples, not forces in a battle
    if len(a.actors) != 1 or len(b.actors) != 1 or a.actors == b.actors:
        return []
    used = next(
        (
            m
            for m in mentions
            if trigger.end <= m.start <= trigger.end + 2 and m.kind == "thing" and m.prep is None
        ),
        None,
    )
    return [(a, b, used), (b, a, used)]


def part_agent(tokens: list[Token], after: list[Mention], g: Grammar) -> Mention | None:
    """ "recruited by a faction of the Syrian National Army": a part of a group acts for it,
    so the passive's agent is the group named after "by <part> of"."""
    for m in after:
        if m.prep != "of" or not m.actors or m.kind != "actor":
            continue
        j = m.start - 1
        while j >= 0 and tokens[j].lower in g.articles:
            j -= 1  # "of the Syrian National Army"
        j -= 1  # "of"
        while j >= 0 and tokens[j].lower in g.articles:
            j -= 1
        if j >= 1 and tokens[j].lower in g.part_nouns:
            k = j - 1
            while k >= 0 and tokens[k].lower in g.articles:
                k -= 1
            if k >= 0 and tokens[k].lower == "by":
                return m
        return None  # only the first "of" phrase after the verb
    return None
