"""Helping a force fight: "Wagner contractors helped Syrian troops retake Palmyra".

The helped force is the subject of the verb it is helped to do, and so acts alongside the
helper; the help itself is that fighting, not a second act of its own.
"""

from __future__ import annotations

from corroborate.extract.kb import Grammar
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token

# relations the helping verb would claim that the helped verb already carries; advice
# ("advisers helped Syrian troops retake ...") stays a training claim of its own
HELP_CARRIED = frozenset({"combat", "foreign_fighters", "troop_deployment"})


def _force(m: Mention) -> bool:
    return bool(m.actors) and (
        m.kind == "actor" or (m.kind == "thing" and m.thing_class == "own_forces")
    )


def helped_force(
    tokens: list[Token],
    mentions: list[Mention],
    t0: int,
    trigger_tokens: set[int],
    g: Grammar,
) -> Mention | None:
    """The force between a help verb and the trigger at t0 ("helped Syrian troops retake")."""
    m = next((m for m in mentions if m.end == t0 and m.prep is None and not m.consumed), None)
    if m is None or not _force(m):
        return None
    j = m.start - 1
    while j >= 0 and tokens[j].lower in g.determiners:
        j -= 1
    return m if j >= 0 and j in trigger_tokens and tokens[j].lower in g.help_verbs else None


def helps_to_act(
    tokens: list[Token], mentions: list[Mention], t1: int, trigger_tokens: set[int], g: Grammar
) -> bool:
    """A help verb ending at t1 whose object force is followed by the verb of what it does."""
    if tokens[t1 - 1].lower not in g.help_verbs:
        return False
    return any(
        m.start >= t1 and m.start - t1 <= 2 and m.end in trigger_tokens and _force(m)
        for m in mentions
    )
