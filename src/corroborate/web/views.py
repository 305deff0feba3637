"""Pure helpers that turn ledger text and spans into pieces a template escapes and marks."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

CONTEXT_CHARS = 240


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # claim or framing
    label: str
    ref: str = ""  # anchor of what it marks, e.g. "c12"


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    marks: tuple[Span, ...] = ()

    @property
    def classes(self) -> str:
        return " ".join(sorted({m.kind for m in self.marks}))

    @property
    def title(self) -> str:
        return "; ".join(m.label for m in self.marks)

    @property
    def ref(self) -> str:
        return next((m.ref for m in self.marks if m.ref), "")


def segments(text: str, spans: Sequence[Span]) -> list[Segment]:
    """Cut `text` at every span boundary; each piece lists the spans covering it, in the order
    given. One sweep over the boundaries: a snippet where every word is a hit stays linear."""
    n = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end <= n]
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for i, s in enumerate(valid):
        opening.setdefault(s.start, []).append(i)
        closing.setdefault(s.end, []).append(i)
    cuts = sorted({0, n, *opening, *closing})
    active: set[int] = set()
    out: list[Segment] = []
    for a, b in itertools.pairwise(cuts):
        active.difference_update(closing.get(a, ()))
        active.update(opening.get(a, ()))
        covering = tuple(valid[i] for i in sorted(active)) if active else ()
        out.append(Segment(text[a:b], covering))
    return out


@dataclass(frozen=True, slots=True)
class InContext:
    before: str
    quote: str
    after: str
    clipped_start: bool
    clipped_end: bool


def in_context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> InContext:
    """The quote with up to `width` characters either side, cut at word boundaries."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    a = max(0, start - width)
    b = min(len(text), end + width)
    if a > 0:
        space = text.find(" ", a, start)
        a = space + 1 if space != -1 else a
    if b < len(text):
        space = text.rfind(" ", end, b)
        b = space if space != -1 else b
    return InContext(text[a:start], text[start:end], text[end:b], a > 0, b < len(text))


def snippet(text: str, terms: Sequence[str], width: int = 160) -> list[Segment]:
    """A piece of `text` around the first query term, with every term occurrence marked."""
    if not terms:
        return [Segment(text[: 2 * width])]
    pattern = re.compile("|".join(r"\b" + re.escape(t) for t in terms), re.IGNORECASE)
    first = pattern.search(text)
    centre = first.start() if first else 0
    a = max(0, centre - width)
    b = min(len(text), centre + width)
    piece = text[a:b]
    spans = [Span(m.start(), m.end(), "hit", "match") for m in pattern.finditer(piece)]
    out = segments(piece, spans)
    if a > 0:
        out.insert(0, Segment("… "))
    if b < len(text):
        out.append(Segment(" …"))
    return out


def page_links(total: int | None, limit: int, offset: int, shown: int) -> dict[str, int | None]:
    prev = max(0, offset - limit) if offset > 0 else None
    more = offset + shown < total if total is not None else shown >= limit
    return {"prev": prev, "next": offset + limit if more else None}
