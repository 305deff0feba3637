"""Contrasts that split one act in two: what was done and what was not.

"Iran has never sent combat troops to Syria, only advisers" denies the troops and asserts the
advisers; "China has given Damascus diplomatic cover rather than weapons" asserts the cover and
denies the weapons. The contrasted thing takes the act's verb with the opposite polarity.
"""

from __future__ import annotations

from dataclasses import replace

from corroborate.extract.core import Core, resolve_relation
from corroborate.extract.kb import Grammar, KnowledgeBase
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token


def contrast_object(
    tokens: list[Token], after: list[Mention], start: int, g: Grammar
) -> tuple[Mention, str] | None:
    """The thing contrasted after position `start` (the end of the act's own object or verb)
    and how: "only" (it is asserted) or "not" (it is denied)."""
    for m in after:
        if m.kind != "thing" or m.start < start:
            continue
        words = [t.lower for t in tokens[start : m.start] if t.lower not in g.determiners]
        words = [w for w in words if w != ","]
        if not words or len(words) > 3:
            return None  # the first thing after the act decides; farther ones are new clauses
        phrase = " ".join(words)
        if phrase in g.contrast_only:
            return m, "only"
        if phrase in g.contrast_not:
            return m, "not"
        return None
    return None


def contrast_cores(
    kb: KnowledgeBase,
    tokens: list[Token],
    after: list[Mention],
    objects: list[Mention],
    recipient: Mention | None,
    cores: list[Core],
    g: Grammar,
) -> list[Core]:
    """The contrasted thing's core: the act's verb with the opposite polarity; set against
    backing ("diplomatic cover rather than weapons"), a thing is what was (not) supplied."""
    if not cores:
        return []
    base = cores[0]
    act_end = objects[-1].end if objects else base.trigger.end
    if recipient is not None and recipient.start >= act_end:
        act_end = recipient.end  # "never sent combat troops to Syria, only advisers"
    contrast = contrast_object(tokens, after, act_end, g)
    if contrast is None or (contrast[1] == "not") == base.negated:
        return []  # "sent troops, only advisers" or "never sent troops, not advisers": no flip
    other = contrast[0]
    relation = resolve_relation(kb, base.trigger, other, tokens)
    if relation in (None, "political_support"):
        relation = kb.frames["transfer"].get(other.thing_class or "")
    if relation is None:
        return []
    return [
        replace(
            base,
            relation=relation,
            object=other.thing,
            object_mention=other,
            negated=not base.negated,
        )
    ]
