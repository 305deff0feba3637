"""Things owned by an actor the text names only by its institution: "regime planes",
"government forces", "coalition war planes".

Such a phrase names no actor, so without this rule its act has no subject. A regime's or a
government's forces are a state's: the last state named before them as a subject in this
sentence, else the last actor of earlier sentences if that is a state; an armed group or a
monitor named in between is not the owner ("Kurdish forces were targeted by regime planes").
A coalition's are its leader's, known only once the text has said who leads it ("the US-led
coalition ... coalition war planes").
"""

from __future__ import annotations

from corroborate.extract.kb import Grammar
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token

COALITION = "coalition"


def coalition_leader(mentions: list[Mention], tokens: list[Token]) -> tuple[str, ...]:
    """The last "US-led coalition", "Saudi-led coalition" named: its leader, else ()."""
    for m in reversed(mentions):
        if m.kind == "actor" and m.actors and tokens[m.end - 1].lower == COALITION:
            return m.actors[:1]
    return ()


def institution_owned(
    mentions: list[Mention],
    tokens: list[Token],
    context: tuple[tuple[str, ...], tuple[str, ...]],
    actor_types: dict[str, str],
    g: Grammar,
    trigger_tokens: set[int],
) -> list[Mention]:
    """`mentions` with such things owned; an institution word standing apart before its
    thing ("Coalition war planes") is folded into the thing. `context`: the last actor and the
    last coalition leader of earlier sentences."""
    if g.owner_institutions.isdisjoint(t.lower for t in tokens):
        return mentions
    last_actor, leader = context
    state = last_actor if last_actor and actor_types.get(last_actor[0]) == "state" else ()
    folded: set[int] = set()
    for k, m in enumerate(mentions):
        if m.kind == "actor" and m.prep is None and m.actors:
            if tokens[m.end - 1].lower == COALITION:
                leader = m.actors[:1]
            elif actor_types.get(m.actors[-1]) == "state":
                state = m.actors[-1:]
            continue
        if m.kind != "thing" or m.actors:
            continue
        words = [tokens[i].lower for i in range(m.start, m.end)]
        before = mentions[k - 1] if k > 0 else None
        if (
            before is not None
            and before.kind == "institution"
            and (
                m.start == before.end
                or (m.start - before.end == 1 and (m.start - 1) not in trigger_tokens)
            )  # "Coalition war planes", not "the coalition fighting militants"
            and tokens[before.end - 1].lower in g.owner_institutions
        ):
            words.append(tokens[before.end - 1].lower)
        else:
            before = None
        owner = leader if COALITION in words else state
        if not owner or g.owner_institutions.isdisjoint(words):
            continue
        m.actors = owner
        if before is not None:
            m.start = before.start
            folded.add(k - 1)
    return [m for k, m in enumerate(mentions) if k not in folded] if folded else mentions
