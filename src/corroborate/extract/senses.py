"""Words with two senses that a cue list cannot tell apart: "May" the month and "may" the
hedge; "posted" as a verb of saying ("posted a video") and of presence ("were posted along").
"""

from __future__ import annotations

from corroborate.extract.kb import Grammar
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token


def month_not_modal(tokens: list[Token], i: int, g: Grammar) -> bool:
    """ "said in May 2020", "in May.": the month, not the modal "may" that hedges."""
    tok = tokens[i]
    if tok.lower not in g.months or i == 0 or not tok.text[:1].isupper():
        return False
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return nxt[:1].isdigit() or tokens[i - 1].lower in g.prepositions


def passive_not_speech(tokens: list[Token], i: int, mentions: list[Mention], g: Grammar) -> bool:
    """ "Russian military police were posted": a thing right before a passive, never a verb of
    saying ("a video of militants was posted", "order has to be maintained" say nothing)."""
    j = i - 1
    while j >= 0 and tokens[j].lower in g.adverbs:
        j -= 1
    if j < 0 or tokens[j].lower not in g.be_verbs:
        return False
    return any(m.end == j and m.kind == "thing" for m in mentions)
