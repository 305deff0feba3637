"""Tokens with character offsets, and sentences, from one regular expression pass."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words keep inner hyphens and apostrophes (F-16, Tor-M1, al-Assad); digits keep inner commas and
# points (130,000 / 2.5); a dot or comma between letters ends a word ("direction.On").
_TOKEN = re.compile(r"\w+(?:(?:[-\u2010\u2011'\u2019/]|(?<=\d)[.,](?=\d))\w+)*|[^\w\s]")
_POSSESSIVE = re.compile(r"(.+?)(['\u2019]s|n['\u2019]t)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lower: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        word, start = m.group(), m.start()
        split = (
            _POSSESSIVE.match(word) if (len(word) > 2 and "'" in word) or "\u2019" in word else None
        )
        if split and split.group(1):
            head, tail = split.group(1), split.group(2)
            tokens.append(Token(head, head.lower(), start, start + len(head)))
            tail_start = start + len(head)
            tokens.append(Token(tail, tail.lower().replace("\u2019", "'"), tail_start, m.end()))
        else:
            tokens.append(Token(word, word.lower(), start, m.end()))
    return tokens


def split_sentences(
    text: str,
    tokens: list[Token],
    *,
    abbreviations: frozenset[str] = frozenset(),
    quotes: frozenset[str] = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"),
) -> list[tuple[int, int]]:
    """Sentence boundaries as (first token, end token) index pairs."""
    spans: list[tuple[int, int]] = []
    begin = 0
    n = len(tokens)
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < n else None
        boundary = False
        if nxt is not None and "\n" in text[tok.end : nxt.start]:
            boundary = True
        elif tok.text in ".!?" and nxt is not None:
            prev = tokens[i - 1] if i > 0 else None
            is_abbrev = prev is not None and (
                prev.lower in abbreviations or (len(prev.text) == 1 and prev.text.isupper())
            )
            starts_sentence = nxt.text[:1].isupper() or nxt.text[:1].isdigit() or nxt.text in quotes
            boundary = starts_sentence and not is_abbrev
            if boundary and nxt.text in quotes and nxt.start == tok.end:
                boundary = False  # a closing quote belongs to this sentence
        elif tok.text in quotes and i > 0 and tokens[i - 1].text in ".!?" and nxt is not None:
            boundary = nxt.text[:1].isupper()
        if boundary:
            spans.append((begin, i + 1))
            begin = i + 1
    if begin < n:
        spans.append((begin, n))
    return spans
