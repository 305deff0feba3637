"""Tokens with character offsets and sentence spans, for any script."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# a word (letters, digits, inner hyphens), or one apostrophe suffix ("Libya'da" -> Libya, 'da);
# Arabic vowel marks and the stretching tatweel are inside a word ("يُعتقد", "مؤكداً")
_W = r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]"
_TOKEN = re.compile(rf"['\u2019\u2018](?={_W}){_W}+|{_W}+(?:[-\u2010]{_W}+)*|[^\w\s]", re.UNICODE)
# marks a writer may add or leave out: a word is the same word without them
_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_SENTENCE_END = re.compile(r"(?<=[.!?؟…])[\"»”']?\s+(?=[\"«“'(\[]?\w)|\n+")


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    lower: str
    start: int
    end: int
    lemma: str
    cases: frozenset[str]  # every grammatical case the morphology allows ("nomn", "datv"...)
    suffix: str | None  # an apostrophe suffix joined to this word ("da" in "Libya'da")
    mood: str | None = None
    given_name: bool = False  # the morphology knows the word as a first name ("Виктор")
    passive: bool = False  # a passive participle ("поставленные", "обещан"): its agent follows


def words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Words with their offsets; a word's text leaves out its optional vowel marks (a mark
    standing alone is no word)."""
    out = []
    for m in _TOKEN.finditer(text, start, end):
        w = _MARKS.sub("", m.group())
        if w:
            out.append((w, m.start(), m.end()))
    return out


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans: after . ! ? or an ellipsis (or the Arabic "?") before a word, or a break."""
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        # a line break always ends a sentence: a dateline ("AA", "RT") is a line of its own
        line_break = "\n" in m.group()
        if m.start() > pos and (line_break or not _abbreviation(text, m.start())):
            yield from _trimmed(text, pos, m.start())
            pos = m.end()
    yield from _trimmed(text, pos, len(text))


def _abbreviation(text: str, end: int) -> bool:
    """ "U.S.", "Gen.": a one- or two-letter word before the stop does not end a sentence."""
    j = end - 1
    while j >= 0 and text[j] in ".\"»”'":
        j -= 1
    k = j
    while k >= 0 and text[k].isalpha():
        k -= 1
    return 0 < j - k <= 2 and text[j].isalpha() and (k < 0 or not text[k].isalnum())


def _trimmed(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        yield a, b


_OPENERS = "«“„"
_CLOSERS = "»”"
_STRAIGHT = '"'


def in_quote(text: str, pos: int) -> bool:
    """Whether pos lies inside a quotation opened earlier in its paragraph (« », “ ”, " ")."""
    start = text.rfind("\n", 0, pos) + 1
    depth, straight = 0, False
    for ch in text[start:pos]:
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif ch == _STRAIGHT:
            straight = not straight
    return depth > 0 or straight


def opens_quote(text: str, pos: int) -> bool:
    """Whether the sentence at pos starts with an opening quotation mark."""
    return pos < len(text) and (text[pos] in _OPENERS or text[pos] == _STRAIGHT)
