""" "The enemy" in a side's own words: the side it is at war with.

A belligerent's statements rarely name the other side: "the enemy shelled civilian communities",
the Nagorno-Karabakh army said; Baku reported "striking enemy positions". Inside a frame with one
speaker whose adversary the lexicon lists (actors.yaml `adversary`), the word names that side.
In the author's voice, or a monitor's, "the enemy" names nobody and stays unresolved.
"""

from __future__ import annotations

from corroborate.extract.frames import Frame, innermost
from corroborate.extract.kb import KnowledgeBase
from corroborate.extract.mentions import Mention, prep_before
from corroborate.extract.tokens import Token


def enemy_mentions(
    tokens: list[Token],
    mentions: list[Mention],
    frames: list[Frame],
    kb: KnowledgeBase,
    trigger_tokens: set[int],
) -> list[Mention]:
    """New mentions for "the enemy" and "enemy X"; an "enemy forces" thing gains its owner in
    place. Returns only the new mentions (the caller merges them in order)."""
    g = kb.grammar
    out: list[Mention] = []
    for i, tok in enumerate(tokens):
        if tok.lower not in g.enemy_words or i in trigger_tokens:
            continue
        frame = innermost(frames, i)
        if frame is None or len(frame.speakers) != 1:
            continue
        adversary = kb.adversaries.get(frame.speakers[0])
        if adversary is None:
            continue
        if any(m.start <= i < m.end for m in mentions):
            continue  # already part of a named phrase
        head = next((m for m in mentions if m.start == i + 1), None)
        if head is not None and head.kind == "thing" and not head.actors:
            head.start, head.actors = i, (adversary,)  # "enemy forces": the adversary's forces
            continue
        # "the enemy" is a party; "enemy positions" (no lexicon head) only qualifies the target
        prev = tokens[i - 1].lower if i > 0 else ""
        kind = "actor" if prev in g.determiners or prev in g.possessive_pronouns else "modifier"
        m = Mention(i, i + 1, kind, (adversary,))
        m.prep = prep_before(tokens, i, g, trigger_tokens)
        out.append(m)
    return out
