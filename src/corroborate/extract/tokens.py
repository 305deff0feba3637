"""Tokens with character offsets, and sentences, from one regular expression pass."""

from __future__ import annotations

import re
from typing import NamedTuple

# Words keep inner hyphens and apostrophes (F-16, Tor-M1, al-Assad); digits keep inner commas and
# points (130,000 / 2.5); a dot or comma between letters ends a word ("direction.On").
_TOKEN = re.compile(r"\w+(?:(?:[-\u2010\u2011'\u2019/]|(?<=\d)[.,](?=\d))\w+)*|[^\w\s]")
_POSSESSIVE = re.compile(r"(.+?)(['\u2019]s|n['\u2019]t)$", re.IGNORECASE)


class Token(NamedTuple):
    """A word or punctuation mark with its character offsets (a tuple: cheap to create)."""

    text: str
    lower: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end], with offsets into the whole text."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
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


# A sentence ends at a newline, or at . ! ? (and closing quotes) before a capital, a digit or an
# opening quote, with or without a space ("direction.On" in badly joined text).
_END = re.compile(
    r"\n|[.!?]+[\"'\u201d\u2019\u00bb)\]]*"
    r"(?=\s+[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9]|[A-Z][a-z])"  # "began.On", never "2.5"
)


def sentence_spans(
    text: str, *, abbreviations: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Sentence boundaries as character offsets, found on the raw text without tokenizing it."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _END.finditer(text):
        if m.group() == "\n":
            end = m.start()
        else:
            k = m.start()
            while k > 0 and text[k - 1].isalnum():
                k -= 1
            word = text[k : m.start()]
            if word.lower() in abbreviations or (len(word) == 1 and word.isupper()):
                continue  # "Gen. Smith", "the U.S. embassy"
            end = m.end()
        if text[begin:end].strip():
            spans.append((begin, end))
        begin = m.end()
    if text[begin:].strip():
        spans.append((begin, len(text)))
    return spans


def word_set(text: str, start: int, end: int) -> set[str]:
    """The words of text[start:end] as the tokenizer would see them, in original and lower case,
    plus the parts of hyphenated and possessive words: enough for the sentence prefilter."""
    words = set(_TOKEN.findall(text, start, end))
    extra = set()
    for w in words:
        if "-" in w:
            extra.update(w.split("-"))
        if "'" in w or "\u2019" in w:
            extra.add(re.split("['\u2019]", w, maxsplit=1)[0])
    words |= extra
    return words | {w.lower() for w in words}
