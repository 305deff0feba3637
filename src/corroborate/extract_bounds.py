"""The extractor within limits: long documents in pieces, a time and a claim budget per document.

The extractor's cost grows with the square of a sentence's length (a 20 MB text with no full
stop, a list of 100,000 names), and a stop request is only seen between calls. So a document
with an overlong sentence is extracted in small pieces cut at whitespace, and a long document
in pieces cut at paragraph or sentence ends; between pieces the time budget, the claim budget
and a stop request are checked. An ordinary document (no piece boundary needed) is one call,
exactly as before. Pure: no database, no I/O.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from corroborate.extract import Claim, Extraction, Extractor, FramingMarker, Span
from corroborate.extract.parse.extractor import unknown_note

PIECE = 100_000  # characters per piece of a long document
SMALL_PIECE = 2_000  # ... of a document holding an overlong sentence
LONG_SENTENCE = 5_000  # characters between sentence ends that make a sentence overlong
_ENDS = re.compile(r"[.!?\n]")


@dataclass(frozen=True, slots=True)
class Bounded:
    extraction: Extraction
    note: str | None = None  # why the extraction stopped early, when it did
    interrupted: bool = False


def longest_sentence(text: str) -> int:
    """Characters of the longest run without a sentence end (linear)."""
    longest, last = 0, 0
    for m in _ENDS.finditer(text):
        longest = max(longest, m.start() - last)
        last = m.end()
    return max(longest, len(text) - last)


def pieces(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """(offset, piece) covering `text`, each at most `limit` characters, cut at a paragraph
    break, else a sentence end, else whitespace, in the second half of the window."""
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start + limit // 2 : end]
            for pattern in ("\n\n", ". ", "\n", " "):
                at = window.rfind(pattern)
                if at != -1:
                    end = start + limit // 2 + at + len(pattern)
                    break
        yield start, text[start:end]
        start = end


def _shift(span: Span, by: int) -> Span:
    return Span(span.start + by, span.end + by, span.text)


def _fold(claims: list[Claim]) -> list[Claim]:
    """The same claim found in two pieces is one claim with both mentions."""
    kept: dict[tuple[str | None, ...], Claim] = {}
    seen: dict[tuple[str | None, ...], set[Span]] = {}
    for claim in claims:
        key = claim.key()
        first = kept.get(key)
        if first is None:
            kept[key] = claim
            seen[key] = set(claim.mentions)
            continue
        for span in claim.mentions or [claim.evidence]:
            if span not in seen[key]:
                seen[key].add(span)
                first.mentions.append(span)
        first.hedged = first.hedged and claim.hedged
        first.quantity = first.quantity or claim.quantity
        first.confidence = max(first.confidence, claim.confidence)
    return sorted(kept.values(), key=lambda c: c.evidence.start)


def extract_bounded(
    extractor: Extractor,
    text: str,
    *,
    doc: str,
    max_seconds: float = 30.0,
    max_claims: int = 5_000,
    should_stop: Callable[[], bool] | None = None,
    language: str | None = None,
) -> Bounded:
    """Claims of one document within the budgets; the note says where it stopped, if it did."""
    overlong = longest_sentence(text) > LONG_SENTENCE
    if not overlong and len(text) <= PIECE:
        whole = extractor.extract(text, doc=doc, language=language)
        if len(whole.claims) <= max_claims:
            return Bounded(whole)
        over = (f"{len(whole.claims):,} claims, over {max_claims:,} "
                "(setting max_claims_per_document); the first are kept")  # fmt: skip
        return Bounded(replace(whole, claims=whole.claims[:max_claims]), note=over)
    began = time.monotonic()
    claims: list[Claim] = []
    framing: list[FramingMarker] = []
    unknown: set[str] = set()  # the pieces' names the knowledge base lacks, for the whole
    note: str | None = None
    interrupted = False
    for offset, piece in pieces(text, SMALL_PIECE if overlong else PIECE):
        if should_stop is not None and should_stop():
            interrupted = True
            note = f"interrupted at character {offset:,} of {len(text):,}"
            break
        took = time.monotonic() - began
        if took > max_seconds:
            note = (f"stopped at character {offset:,} of {len(text):,} after {took:.0f} s "
                    f"(setting max_extract_seconds); the claims before it are kept")  # fmt: skip
            break
        if len(claims) >= max_claims:
            note = (f"stopped at character {offset:,} of {len(text):,}: over {max_claims:,} "
                    "claims (setting max_claims_per_document); the first are kept")  # fmt: skip
            break
        part = extractor.extract(piece, doc=doc, language=language)
        for claim in part.claims:
            claim.evidence = _shift(claim.evidence, offset)
            claim.mentions = [_shift(m, offset) for m in claim.mentions]
            claims.append(claim)
        framing.extend(replace(f, start=f.start + offset, end=f.end + offset) for f in part.framing)
        unknown.update(part.unknown)
    merged = _fold(claims)[:max_claims]
    names = tuple(sorted(unknown))
    whole = Extraction(merged, framing, (unknown_note(names),) if names else (), unknown=names)
    return Bounded(whole, note=note, interrupted=interrupted)
