"""A noun for an act named in the sentence before, in someone's statement: "Turkey delivered
TB2s to Baku. Ankara insists the sale was routine." Whoever characterises the act asserts it
(or, in a denial, denies it): the earlier claims, re-voiced.
"""

from __future__ import annotations

from dataclasses import replace

from corroborate.extract.claim import Claim, Span
from corroborate.extract.core import Core
from corroborate.extract.frames import Frame
from corroborate.extract.tokens import Token


def revoiced(
    core: Core, frame: Frame | None, previous: list[Claim], text: str, tokens: list[Token]
) -> list[Claim]:
    """ "Turkey delivered TB2s to Baku. Ankara insists the sale was routine.": a speaker who
    characterises an act named before asserts it (or, in a denial, denies it)."""
    if frame is None or not frame.speakers or frame.kind not in ("say", "deny"):
        return []
    polarity = frame.polarity if not core.negated else "deny"
    lo, hi = sorted((frame.cue, core.trigger.end - 1))
    start, end = tokens[lo].start, tokens[hi].end
    evidence, hedged = Span(start, end, text[start:end]), frame.hedged
    return [
        replace(c, speaker=s, polarity=polarity, hedged=hedged, evidence=evidence, mentions=[])
        for c in previous
        if c.relation == core.relation and c.subject is not None
        for s in frame.speakers
        if s != c.speaker
    ]
