"""Tokens with character offsets, and sentences, from one regular expression pass."""

from __future__ import annotations

import re
from collections.abc import Sequence
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


def raw_words(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words and marks of text[start:end] before possessives are split off ("Turkey's")."""
    return _TOKEN.findall(text, start, len(text) if end is None else end)


# Token(...) goes through a Python-level __new__; the tuple constructor itself does not, and a
# news article has thousands of tokens.
_new_token = tuple.__new__


def tokens_of(text: str, words: list[str], start: int = 0) -> list[Token]:
    """Tokens with offsets from the raw words of text from offset `start` on (raw_words), so a
    text the prefilter has read is not matched against the pattern again. Only whitespace
    separates the words, so each starts where it first occurs after the previous one."""
    tokens: list[Token] = []
    append = tokens.append
    find = text.find
    end = start
    for word in words:
        begin = find(word, end)
        end = begin + len(word)
        if ("'" in word and len(word) > 2) or "\u2019" in word:
            split = _POSSESSIVE.match(word)
            if split and split.group(1):
                head, tail = split.group(1), split.group(2)
                tail_start = begin + len(head)
                append(_new_token(Token, (head, head.lower(), begin, tail_start)))
                tail_lower = tail.lower().replace("\u2019", "'")
                append(_new_token(Token, (tail, tail_lower, tail_start, end)))
                continue
        append(_new_token(Token, (word, word.lower(), begin, end)))
    return tokens


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end], with offsets into the whole text."""
    return tokens_of(text, raw_words(text, start, end), start)


# A sentence ends at a newline, or at . ! ? (and closing quotes) before a capital, a digit or an
# opening quote, with or without a space ("direction.On" in badly joined text).
_END = re.compile(
    r"\n|[.!?]+[\"'\u201d\u2019\u00bb)\]]*"
    # "began.On", 'allied.\u201cCATASTROPHIC' (a typographic opening quote), never "2.5"
    r"(?=\s+[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9]|[A-Z][a-z]|[\u201c\u00ab][A-Z])"
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


def word_forms(word: str) -> set[str]:
    """A raw word as the tokenizer would see it, in original and lower case, plus the parts of
    a hyphenated word and the head of a possessive: enough for the sentence prefilter."""
    forms = {word}
    if "-" in word:
        forms.update(word.split("-"))
    if "'" in word or "\u2019" in word:
        forms.add(re.split("['\u2019]", word, maxsplit=1)[0])
    return forms | {w.lower() for w in forms}


def word_set(text: str, start: int, end: int) -> set[str]:
    """The forms (`word_forms`) of every word of text[start:end]."""
    words: set[str] = set()
    for w in set(_TOKEN.findall(text, start, end)):
        words |= word_forms(w)
    return words


class WordFlags:
    """Which of several word sets a stretch of text meets, as bits (1 for the first set, 2 for
    the second...): what word_set then isdisjoint would answer, from one cached lookup per
    word, since news vocabulary repeats. The cache is cleared when full: memory stays flat."""

    def __init__(self, sets: Sequence[frozenset[str]], limit: int = 50_000) -> None:
        self._sets = tuple(sets)
        self._limit = limit
        self._cache: dict[str, int] = {}

    def _flags(self, word: str) -> int:
        forms = word_forms(word)
        return sum(1 << k for k, words in enumerate(self._sets) if not forms.isdisjoint(words))

    def __call__(self, text: str, start: int, end: int) -> int:
        return self.of_words(raw_words(text, start, end))

    def of_words(self, words: list[str]) -> int:
        cache = self._cache
        flags = 0
        for word in words:
            bits = cache.get(word)
            if bits is None:
                if len(cache) >= self._limit:
                    cache.clear()
                bits = cache[word] = self._flags(word)
            flags |= bits
        return flags
