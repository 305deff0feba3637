"""Contrasts that split one act in two: what was done and what was not.

"Iran has never sent combat troops to Syria, only advisers" denies the troops and asserts the
advisers; "China has given Damascus diplomatic cover rather than weapons" asserts the cover and
denies the weapons. The contrasted thing takes the act's verb with the opposite polarity.
"""

from __future__ import annotations

from corroborate.extract.kb import Grammar
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
