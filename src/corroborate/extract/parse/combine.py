"""The parser's claims beside the rule engine's: each proposition and voice once."""

from __future__ import annotations

from corroborate.extract.claim import Claim

# Evidence spans closer than this many characters are read as one sentence's.
_NEAR = 200


def _voice_key(c: Claim) -> tuple[str, str, str, str]:
    return ((c.subject or "").lower(), c.relation, c.polarity, c.speaker.lower())


def combine(rules: list[Claim], parsed: list[Claim]) -> list[Claim]:
    """The rule engine's claims, plus the parser's where the rules read nothing.

    Where the rules found a claim in a sentence their reading (tuned on many more sentences)
    stands; the parser speaks for the sentences the rules cannot read: unknown actors, nested
    and coordinated clauses, named outlets as voices."""
    seen = {_voice_key(c) for c in rules}
    starts = sorted(c.evidence.start for c in rules)
    out = list(rules)
    for c in parsed:
        key = _voice_key(c)
        if key in seen or any(abs(c.evidence.start - s) < _NEAR for s in starts):
            continue
        seen.add(key)
        out.append(c)
    return out
