"""Tests find_frames (frames.py) makes near a speech cue: an unnamed or owned speaker at a
clause's tail, a denial that points back, a say word used as a noun, "no evidence".

Split from frames.py to keep modules small; these read tokens and mentions only, never frames.
"""

from __future__ import annotations

from corroborate.extract.kb import Entry, Grammar, Match
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token


def unnamed_tail_speaker(
    tokens: list[Token], c0: int, mentions: list[Mention], g: Grammar
) -> int | None:
    """The comma before "..., Western intelligence services estimate." when the words between
    it and the say verb name nobody: the index of that comma, else None."""
    for k in range(c0 - 1, max(-1, c0 - 5), -1):
        if tokens[k].text == ",":
            if k == c0 - 1 or any(k < m.start < c0 and m.actors for m in mentions):
                return None
            words = tokens[k + 1 : c0]
            if words[-1].lower in g.record_nouns:
                return None  # "..., export records show.": evidence the author cites
            if all(t.text.isalpha() and t.lower not in g.prepositions for t in words):
                return k
            return None
        capitalised = tokens[k].text[:1].isupper() and k > 0 and tokens[k - 1].text != ","
        if tokens[k].lower in g.pronouns or capitalised:
            return None  # "..., he said", a name the lexicon does not know: not this rule
    return None


def owner_tail(
    tokens: list[Token], c0: int, mentions: list[Mention], g: Grammar
) -> tuple[int, Mention] | None:
    """ "..., its top general said.": an unlisted official of the clause's subject. The
    comma before "its" and that subject (the first agent before it), else None."""
    for k in range(c0 - 2, max(-1, c0 - 6), -1):
        if tokens[k].text != ",":
            continue
        words = tokens[k + 1 : c0]
        if words[0].lower not in g.possessive_pronouns or any(
            not t.text.isalpha() or t.lower in g.prepositions for t in words[1:]
        ):
            return None
        if any(k < m.start < c0 for m in mentions):
            return None  # "..., its defence ministry said": the mention decides
        owner = next(
            (m for m in mentions if m.end <= k and m.prep is None and m.is_agent and m.actors),
            None,
        )
        return (k, owner) if owner is not None else None
    return None


def points_back(tokens: list[Token], c1: int, hi: int, deny_words: set[int], g: Grammar) -> bool:
    """ "denied it", "dismissed the claim as groundless and ...", "refuted these allegations
    with ...": the denial's object is an earlier claim, not a new proposition. It ends at the
    sentence end, a comma, "and"/"but" or a preposition other than "of" (whose phrase would
    carry the content: "denied reports of mercenaries")."""
    seen = False
    for i in range(c1, hi):
        tok = tokens[i]
        low = tok.lower
        if low == "as" and seen:
            return True  # "dismissed the claims as lacking any evidence": the verdict, no content
        if low in g.back_objects or i in deny_words or low in g.quotes or low == "as":
            seen = seen or low in g.back_objects
            continue
        if tok.text in ".!?":
            return True
        if seen and (low in g.determiners or low in g.verdict_modifiers):
            continue  # 'called these accusations "an absolute lie"': the verdict's own words
        return seen and (
            low == "," or low in g.verb_links or (low in g.prepositions and low != "of")
        )
    return True


def as_noun(tokens: list[Token], c0: int, say_words: set[int], g: Grammar) -> bool:
    """ "the reports", "Armenia's claims", "denied reports that": a say word used as a noun."""
    if c0 == 0:
        return False
    prev = tokens[c0 - 1].lower
    return prev in g.noun_openers or ((c0 - 1) in say_words and tokens[c0].lower in g.claim_words)


def closing_quote_before(tokens: list[Token], limit: int, g: Grammar) -> int | None:
    """The last closing quote (one right after , . ! or ?) before token `limit`."""
    for j in range(limit - 1, 0, -1):
        if tokens[j].text in g.quotes and tokens[j - 1].text in (",", ".", "!", "?"):
            return j
    return None


def no_evidence(tokens: list[Token], cues: list[Match], g: Grammar) -> list[Match]:
    """ "no public evidence", "no credible sign": "no", up to two words, an evidence noun."""
    out: list[Match] = []
    covered: set[int] | None = None  # only a sentence with "no" needs it
    for k, tok in enumerate(tokens):
        if tok.lower != "no":
            continue
        if covered is None:
            covered = {
                i for c in cues if "author_denials" in c.kinds() for i in range(c.start, c.end)
            }
        if k in covered:
            continue
        for j in range(k + 2, min(k + 4, len(tokens))):
            if tokens[j].lower in g.evidence_nouns:
                if all(t.text.isalpha() for t in tokens[k + 1 : j]):
                    out.append(Match(k, j + 1, (Entry("author_denials", "no evidence"),)))
                break
    return out


def first_agent(mentions: list[Mention], before: int) -> Mention | None:
    """The first unprepositioned agent before `before`: a clause's own subject, who speaks a
    chained "... and denied" or "..., claiming"."""
    return next((m for m in mentions if m.end <= before and m.is_agent and m.prep is None), None)


def unnamed_source(tokens: list[Token], src: Mention, g: Grammar) -> bool:
    """ "an Azerbaijani intelligence source", "unnamed officials": hedged (guidelines 6.6)."""
    lo, hi = max(0, src.start - 2), min(len(tokens), src.end + 2)
    return any(tokens[i].lower in g.source_nouns for i in range(lo, hi))
