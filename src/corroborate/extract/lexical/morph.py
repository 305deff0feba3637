"""Morphology from maintained libraries: lemmas (and case, mood) for each token.

`pymorphy3` (Russian, Ukrainian: lemma and case), `simplemma` (lemma only) or a spaCy pipeline
(lemma and mood), as the pack's `morphology` names. Everything is loaded on first use.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Protocol

from corroborate.extract.lexical.text import Tok, words

_NO_CASE: frozenset[str] = frozenset()
_APOSTROPHES = "'\u2019\u2018"
_PARTICIPLES = frozenset({"PRTF", "PRTS"})  # full and short participles (pymorphy3 tags)
_YO, _YE = "\u0451", "\u0435"  # Russian yo is written as ie as often as not


class Analyzer(Protocol):
    def sentence(self, text: str, start: int, end: int, *, suffixes: bool = False) -> list[Tok]: ...

    def lemma(self, word: str) -> str: ...


def _split_suffix(
    raw: list[tuple[str, int, int]], suffixes: bool
) -> list[tuple[str, int, int, str | None]]:
    """Join an apostrophe suffix to the word before it ("Libya'da": Libya with suffix 'da'), or,
    where apostrophes elide ("l'ANSA"), keep the word after it on its own."""
    out: list[tuple[str, int, int, str | None]] = []
    for w, a, b in raw:
        if w[0] in _APOSTROPHES and len(w) > 1 and not suffixes:
            out.append((w[1:], a + 1, b, None))
            continue
        if w[0] in _APOSTROPHES and len(w) > 1 and out and out[-1][2] == a:
            prev = out[-1]
            out[-1] = (prev[0], prev[1], prev[2], w[1:].lower())
            continue
        out.append((w, a, b, None))
    return out


class Pymorphy:
    def __init__(self, lang: str) -> None:
        import pymorphy3

        self._m = pymorphy3.MorphAnalyzer(lang=lang)
        self.lemma_case = lru_cache(maxsize=200_000)(self._lemma_case)

    def _lemma_case(self, low: str) -> tuple[str, frozenset[str], bool, bool]:
        if not low[0].isalpha():
            return low, _NO_CASE, False, False
        parses = self._m.parse(low)
        cases = frozenset(str(p.tag.case) for p in parses if p.tag.case)
        given = any("Name" in p.tag for p in parses)
        best = parses[0].tag  # the likeliest reading: a passive participle ("переданные")
        passive = best.POS in _PARTICIPLES and best.voice == "pssv"
        return str(parses[0].normal_form).replace(_YO, _YE), cases, given, passive

    def lemma(self, word: str) -> str:
        return self.lemma_case(word.lower())[0]

    def sentence(self, text: str, start: int, end: int, *, suffixes: bool = False) -> list[Tok]:
        out = []
        for w, a, b, suf in _split_suffix(words(text, start, end), suffixes):
            low = w.lower().replace(_YO, _YE)
            lemma, cases, given, passive = self.lemma_case(low)
            out.append(
                Tok(
                    w,
                    low,
                    a,
                    b,
                    lemma,
                    cases,
                    suf,
                    given_name=given and w[0].isupper(),
                    passive=passive,
                )
            )
        return out


class Simplemma:
    def __init__(self, lang: str) -> None:
        import simplemma

        self._lang = lang
        self._lemmatize = simplemma.lemmatize
        self.lemma = lru_cache(maxsize=200_000)(self._lemma)  # type: ignore[method-assign]

    def _lemma(self, word: str) -> str:
        return str(self._lemmatize(word, lang=self._lang)).lower()

    def lemma(self, word: str) -> str:
        return self._lemma(word)

    def sentence(self, text: str, start: int, end: int, *, suffixes: bool = False) -> list[Tok]:
        out = []
        for w, a, b, suf in _split_suffix(words(text, start, end), suffixes):
            out.append(Tok(w, w.lower(), a, b, self.lemma(w), _NO_CASE, suf))
        return out


class Spacy:
    def __init__(self, pipeline: str) -> None:
        import spacy

        self._nlp: Any = spacy.load(pipeline, exclude=["parser", "ner", "senter"])

    def lemma(self, word: str) -> str:
        return word.lower()  # the pack's words are written as lemmas already

    def sentence(self, text: str, start: int, end: int, *, suffixes: bool = False) -> list[Tok]:
        del suffixes  # the pipeline's tokenizer knows its language's apostrophes
        out = []
        for t in self._nlp(text[start:end]):
            if t.is_space:
                continue
            a = start + t.idx
            mood = t.morph.get("Mood")
            out.append(
                Tok(
                    t.text,
                    t.text.lower(),
                    a,
                    a + len(t.text),
                    str(t.lemma_).lower(),
                    _NO_CASE,
                    None,
                    mood[0] if mood else None,
                )
            )
        return out


@lru_cache(maxsize=16)
def analyzer(spec: str) -> Analyzer:
    """`pymorphy3:ru`, `simplemma:tr` or `spacy:fr_core_news_sm`: one instance per process."""
    library, _, arg = spec.partition(":")
    if library == "pymorphy3":
        return Pymorphy(arg)
    if library == "simplemma":
        return Simplemma(arg)
    if library == "spacy":
        return Spacy(arg)
    raise ValueError(
        f"unknown morphology {spec!r} (pymorphy3:LANG, simplemma:LANG, spacy:PIPELINE)"
    )
