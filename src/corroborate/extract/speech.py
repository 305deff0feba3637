"""Small tests on the words around a say or deny verb (frames.py uses them): a passive claim
of an act, a speaker who no longer speaks for a state, a parenthetical speaker, a denial of an
act on something named before.
"""

from __future__ import annotations

from corroborate.extract.kb import Grammar
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token


def claimed_by(
    tokens: list[Token], j: int, c0: int, c1: int, right: Mention | None, g: Grammar
) -> bool:
    """ "was claimed by the Houthis": a passive claim of an act, its claimer named after "by"."""
    return (
        tokens[c0].lower in g.act_claims
        and tokens[j].lower in g.be_verbs
        and c1 < len(tokens)
        and tokens[c1].lower == "by"
        and right is not None
        and right.is_agent
    )


def private(tokens: list[Token], m: Mention, g: Grammar) -> bool:
    """ "a former Armenian officer", "an Armenian air force veteran": a person who once served
    a state and no longer speaks for it (guidelines 6.5)."""
    words = g.private_persons
    s, e = m.start, m.end
    return (
        (e < len(tokens) and tokens[e].lower in words)
        or (s >= 1 and tokens[s - 1].lower in words)
        or (s >= 2 and tokens[s - 2].lower in words)
    )


def voice_label(tokens: list[Token], start: int, end: int, g: Grammar) -> tuple[str, ...]:
    """An unnamed voice as the text names it ("one European diplomat" -> "European diplomat"),
    when its last word is a voice (the contract: unnamed and generic sources are speakers);
    else no name (the author's, hedged)."""
    words = [
        t
        for t in tokens[start:end]
        if t.lower not in g.determiners and t.lower not in g.passing_words and t.text.isalpha()
    ]
    if not words or words[-1].lower not in g.voice_heads:
        return ()
    return (" ".join(t.text for t in words),)


_ANAPHORS = frozenset({"it", "them", "this", "that", "these", "those"})
_ANAPHOR_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such"})


def gerund_anaphor(
    tokens: list[Token], c1: int, hi: int, trigger_tokens: set[int], mentions: list[Mention]
) -> bool:
    """ "denied using the system", "denied supplying them": the act on something named before,
    whose object is no new thing (a named one would be: "denied using cluster munitions")."""
    if c1 + 1 >= hi or c1 not in trigger_tokens or not tokens[c1].lower.endswith("ing"):
        return False
    j = c1 + 1
    if tokens[j].lower in _ANAPHORS:
        k = j + 1
    elif tokens[j].lower in _ANAPHOR_DETERMINERS and j + 1 < hi and tokens[j + 1].text.isalpha():
        if any(m.start <= j + 1 < m.end for m in mentions):
            return False
        k = j + 2
    else:
        return False
    return k >= hi or tokens[k].text in (".", ",", ";", "!")


def parenthetical(tokens: list[Token], c1: int) -> bool:
    """ "X, Aliyev said, was ...": a comma after the say verb, and the clause goes on."""
    return c1 + 1 < len(tokens) and tokens[c1].text == "," and tokens[c1 + 1].text[:1].isalpha()
