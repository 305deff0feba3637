"""Small slot rules for noun-phrase triggers, kept apart from roles.py (which is near its size
limit): who owns an act named by a noun, and when a weapon's name makes the trigger a noun."""

from __future__ import annotations

from corroborate.extract.mentions import Mention
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
