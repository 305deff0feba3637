"""Text processing for stance: sentences with character offsets, word tokens, light stems."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# A sentence ends at . ! ? (with closing quotes/brackets) before whitespace, or at a line break.
_CLOSE = "[\"'\u201d\u2019)\\]]"  # closing quotes and brackets stay with their sentence
_SENTENCE_END = re.compile(
    rf"(?:(?<=[.!?])|(?<=[.!?]{_CLOSE})|(?<=[.!?]{_CLOSE}{{2}})|(?<=[.!?]{_CLOSE}{{3}}))\s+"
    r"|\s*\n+\s*"
)
_NUMBER = re.compile(r"^\d[\d,.]*$")

# Function words that carry no topic. Cue words (not, no, never, ...) are kept out of this list
# so that overlap features ignore them while cue features still see them.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves s t said says say
    also one two new says year years after like get got us mr mrs ms""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def normalise(text: str) -> str:
    """Lower case with straight apostrophes; same length as the input (offsets survive)."""
    return text.translate(_APOSTROPHES).lower()


def sentences(text: str, max_sentences: int = 200) -> list[Sentence]:
    """Split text into sentences, each with its character offsets in `text`."""
    out: list[Sentence] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        _add_sentence(out, text, pos, match.start())
        pos = match.end()
        if len(out) >= max_sentences:
            return out
    _add_sentence(out, text, pos, len(text))
    return out


def _add_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2:
        out.append(Sentence(start, end, text[start:end]))


def words(text: str) -> list[str]:
    """Lower-cased word tokens ("isn't" stays one token)."""
    return _WORD.findall(normalise(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match "denies"/"denied", "reports"/"reported"."""
    if len(word) <= 3 or word[0].isdigit():
        return word
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, keep in (
        ("ational", "ate"),
        ("ization", "ize"),
        ("iveness", "ive"),
        ("fulness", "ful"),
        ("ousness", "ous"),
        ("ically", "ic"),
        ("ments", ""),
        ("ment", ""),
        ("ingly", ""),
        ("edly", ""),
        ("ings", ""),
        ("ing", ""),
        ("ies", "y"),
        ("ied", "y"),
        ("ers", ""),
        ("er", ""),
        ("ed", ""),
        ("ly", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            base = word[: len(word) - len(suffix)] + keep
            if suffix in ("ing", "ed", "er", "ings", "ers") and (
                len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz"
            ):
                base = base[:-1]
            return base
    return word


def content_stems(tokens: list[str]) -> list[str]:
    """Stems of the tokens that are not function words."""
    return [stem(t) for t in tokens if t not in STOPWORDS and len(t) > 1]


def is_number(token: str) -> bool:
    return bool(_NUMBER.match(token))
