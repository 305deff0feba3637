"""Weapons named with where they came from: "drones from Israel had proved their worth".

"X from <state>" names a supply (guidelines 3.5) even when no verb of supplying does. Only the
phrase that opens its clause counts, and only when no trigger already claims it as its subject
or object ("Azerbaijan bought drones from Israel" is the purchase; "missiles from Syria struck"
the strike).
"""

from __future__ import annotations

from corroborate.extract.core import Core
from corroborate.extract.frames import Frame, innermost
from corroborate.extract.kb import Entry, KnowledgeBase, Match
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token

_SUPPLY = Entry("trigger", "transfer")


def origin_cores(
    tokens: list[Token],
    mentions: list[Mention],
    frames: list[Frame],
    claimed: set[int],
    kb: KnowledgeBase,
) -> list[Core]:
    """A core per clause-opening "weapons from <actor>" no trigger has claimed (`claimed`: the
    start tokens of mentions that some core already uses)."""
    out: list[Core] = []
    for k, m in enumerate(mentions):
        if (
            m.kind != "thing"
            or m.prep is not None
            or not m.actors
            or m.start in claimed
            or m.end >= len(tokens)
            or tokens[m.end].lower != "from"
            or kb.frames["transfer"].get(m.thing_class or "") != "arms_supply"
        ):
            continue
        source = mentions[k + 1] if k + 1 < len(mentions) else None
        if source is None or not source.consumed or source.actors != m.actors:
            continue  # the owner is not the "from" phrase: "Israeli drones from Baku's stock"
        frame = innermost(frames, m.start)
        lo = frame.lo if frame is not None else 0
        if any(tokens[i].lower not in kb.grammar.determiners for i in range(lo, m.start)):
            continue  # "boarding planes from Russia": an object, not the clause's topic
        trig = Match(m.start, source.end, (_SUPPLY,))
        out.append(
            Core(trig, "arms_supply", m.actors, source, m.thing, m, None, None, False, False)
        )
    return out
