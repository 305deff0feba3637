"""Footage of one's own strikes: "the ministry published a video of a TB2 strike on an
Armenian S-300 launcher".

A side that publishes footage of a strike on its adversary's forces, naming no one else as the
striker, shows its own strike (publishing footage asserts the act, guidelines 6.2). A strike on
the publisher's own side ("video of a strike on a hospital in Stepanakert", published by
Yerevan) is the enemy's, and is left to the rules that name actors.
"""

from __future__ import annotations

from corroborate.extract.core import Core
from corroborate.extract.frames import Frame, innermost
from corroborate.extract.kb import KnowledgeBase, Match
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token

# how far the target may follow the strike noun: "a strike on an Armenian S-300 launcher"
_TARGET_REACH = 4


def footage_cores(
    tokens: list[Token],
    trigs: list[Match],
    mentions: list[Mention],
    frames: list[Frame],
    produced: set[int],
    kb: KnowledgeBase,
) -> list[Core]:
    """A combat core for each attack noun shown in footage a single speaker published, when no
    rule found its actor (`produced`: start tokens of triggers that gave a core)."""
    g = kb.grammar
    out: list[Core] = []
    for trig in trigs:
        entry = trig.first("trigger")
        if entry is None or entry.value != "attack" or trig.start in produced:
            continue
        frame = innermost(frames, trig.start)
        if frame is None or frame.kind != "say" or len(frame.speakers) != 1:
            continue
        if tokens[frame.cue].lower not in g.footage_verbs or not any(
            tokens[i].lower in g.record_nouns and tokens[i + 1].lower == "of"
            for i in range(frame.cue + 1, trig.start)
        ):
            continue  # "published a video of ...", "showed footage of ..."
        speaker = frame.speakers[0]
        target = next(
            (
                m
                for m in mentions
                if trig.end <= m.start <= trig.end + _TARGET_REACH
                and m.prep in g.target_preps
                and m.actors
            ),
            None,
        )
        if target is None or kb.adversaries.get(speaker) not in target.actors:
            continue
        weapon = next((m for m in mentions if m.end == trig.start and m.kind == "thing"), None)
        if weapon is not None and weapon.actors:
            continue  # "footage of Turkish drone strikes": the owner acts, not the publisher
        out.append(
            Core(
                trig,
                "combat",
                (speaker,),
                None,
                weapon.thing if weapon is not None else None,
                weapon,
                kb.adversaries[speaker],
                target,
                False,
                False,
            )
        )
    return out
