"""A bare blame: "..., but Riyadh and Washington blamed Iran", "Russia denied that its jets
struck the hospital, blaming the Syrian air force". With no "for"/"of" phrase the act blamed
is the attack the sentence (or the sentence before) has just spoken of: the blamer says the
accused carried it out.
"""

from __future__ import annotations

from dataclasses import replace

from corroborate.extract.claim import Claim, Span
from corroborate.extract.frames import Frame
from corroborate.extract.kb import Grammar
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token


def _accused(frame: Frame, mentions: list[Mention], tokens: list[Token]) -> Mention | None:
    """Who is blamed: the accusation's target, or a party named by its demonym ("blaming the
    Syrian air force")."""
    if frame.target is not None:
        return frame.target if frame.target.actors else None
    c1 = frame.cue + 1
    return next(
        (
            m
            for m in mentions
            if c1 <= m.start <= c1 + 2 and m.kind == "modifier" and m.actors and m.end < len(tokens)
        ),
        None,
    )


def blame_claims(
    frames: list[Frame],
    mentions: list[Mention],
    found: list[Claim],
    previous: list[Claim],
    tokens: list[Token],
    text: str,
    g: Grammar,
) -> list[Claim]:
    out: list[Claim] = []
    for frame in frames:
        if frame.kind != "accuse" or not frame.speakers:
            continue
        target = _accused(frame, mentions, tokens)
        if target is None:
            continue
        if any(tokens[i].lower in ("of", "for") for i in range(target.end, frame.hi)):
            continue  # "blamed Azerbaijan for the shelling": the act is named
        cue_at = tokens[frame.cue].start
        # one blames someone for an attack, not for a sale named before
        acts = [c for c in found if c.evidence.start < cue_at] or previous
        acts = [c for c in acts if c.relation == "combat"]
        start, end = cue_at, tokens[target.end - 1].end
        evidence = Span(start, end, text[start:end])
        thing = target.thing if target.kind == "thing" else None
        seen: set[tuple[str | None, ...]] = set()
        for act in acts:
            for subject in target.actors:
                if act.subject == subject:
                    continue
                for speaker in frame.speakers:
                    claim = replace(
                        act,
                        subject=subject,
                        object=thing,
                        recipient=act.recipient if act.recipient != subject else None,
                        speaker=speaker,
                        polarity="affirm",
                        hedged=frame.hedged,
                        evidence=evidence,
                        quantity=None,
                        mentions=[],
                    )
                    if claim.key() not in seen:
                        seen.add(claim.key())
                        out.append(claim)
    return out
