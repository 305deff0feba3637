"""Words with two senses that a cue list cannot tell apart: "posted" as a verb of saying
("posted a video") and of presence ("were posted along"). ("May" the month is slots.months_out.)
"""

from __future__ import annotations

from corroborate.extract.kb import Grammar
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token


def passive_not_speech(tokens: list[Token], i: int, mentions: list[Mention], g: Grammar) -> bool:
    """ "Russian military police were posted": a thing right before a passive, never a verb of
    saying ("a video of militants was posted", "order has to be maintained" say nothing)."""
    j = i - 1
    while j >= 0 and tokens[j].lower in g.adverbs:
        j -= 1
    if j < 0 or tokens[j].lower not in g.be_verbs:
        return False
    return any(m.end == j and m.kind == "thing" for m in mentions)
