"""A question and its answer (guidelines 9.2): "Did Azerbaijan use cluster munitions on
Stepanakert? Human Rights Watch says it did." A question asserts nothing; an answer that only
echoes its auxiliary ("it did", "they did not") asserts the question's claims, voiced by whoever
gives the answer, affirmed or denied.
"""

from __future__ import annotations

from dataclasses import replace

from corroborate.extract.claim import Claim, Span
from corroborate.extract.frames import Frame, innermost
from corroborate.extract.kb import Grammar
from corroborate.extract.tokens import Token

# the subject pronouns an echo answer starts with
_SUBJECTS = frozenset({"it", "they", "he", "she"})
_NEGATIONS = frozenset({"not", "n't", "never"})
_CLAUSE_ENDS = frozenset({".", "!", ",", ";"})


def _echoes(tokens: list[Token], g: Grammar) -> list[tuple[int, bool]]:
    """Where "it did (not)" ends a clause ("Kyiv insists it did, but Tehran says it did not"),
    and whether it is negated."""
    out: list[tuple[int, bool]] = []
    n = len(tokens)
    for k in range(n - 1):
        if tokens[k].lower not in _SUBJECTS or (k and tokens[k - 1].lower in g.conditionals):
            continue  # "If it did, ...": no answer
        aux = tokens[k + 1].lower
        if aux not in g.auxiliaries and aux not in g.be_verbs:
            continue
        j = k + 2
        while j < n and tokens[j].lower in _NEGATIONS:
            j += 1
        if j == n or tokens[j].text in _CLAUSE_ENDS:
            out.append((k, j > k + 2))
    return out


def answer_claims(
    asked: list[Claim], tokens: list[Token], frames: list[Frame], text: str, g: Grammar
) -> list[Claim]:
    """The question's claims as the answer gives them; none if the sentence is no echo."""
    out: list[Claim] = []
    start, end = tokens[0].start, tokens[-1].end
    evidence = Span(start, end, text[start:end])
    for k, negated in _echoes(tokens, g):
        frame = innermost(frames, k)
        speakers = frame.speakers if frame is not None and frame.speakers else ("author",)
        polarity = frame.polarity if frame is not None else "affirm"
        if negated:
            polarity = "affirm" if polarity == "deny" else "deny"
        hedged = frame is not None and frame.hedged
        out.extend(
            replace(c, speaker=s, polarity=polarity, hedged=hedged, evidence=evidence, mentions=[])
            for c in asked
            for s in speakers
        )
    return out
