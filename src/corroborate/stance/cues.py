"""Refuting and hedging cues, read from the extractor's lexicon (cues.yaml), never copied here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from corroborate.stance.text import words

# Cue kinds of cues.yaml the stance features count, in feature order.
LEXICON_KINDS: tuple[str, ...] = (
    "deny_verbs",
    "deny_predicates",
    "negations",
    "hedges",
    "author_denials",
    "according_to",
    "vague_sources",
    "say_verbs",
    "claim_nouns",
    "irrealis",
)
# Stance-specific cues that cues.yaml does not have (it describes claims about acts, not
# debunking of viral stories); only words absent from it belong here.
EXTRA_CUES: dict[str, tuple[str, ...]] = {
    "debunk": ("fraud", "fraudulent", "bogus", "prank", "pranks", "pranked", "satire",
               "satirical", "spoof", "parody", "photoshopped", "doctored", "misleading",
               "mistaken", "erroneous", "wrong", "retract", "retracted", "retraction", "nope",
               "scam", "urban legend", "too good to be true", "clarified", "correction"),
    "doubt": ("doubt", "doubts", "doubtful", "skeptical", "sceptical", "questionable",
              "dubious", "unclear", "unknown", "remains to be seen", "not clear", "yet to"),
    "contrast": ("however", "but", "although", "though", "despite", "actually", "in fact",
                 "instead", "contrary"),
}  # fmt: skip
CUE_KINDS: tuple[str, ...] = LEXICON_KINDS + tuple(EXTRA_CUES)
LEXICON = ("data", "lexicons", "en", "cues.yaml")


@dataclass
class CueIndex:
    """Phrases by their first token; a token sequence is scanned once for every kind."""

    kinds: tuple[str, ...]
    by_first: dict[str, list[tuple[tuple[str, ...], int]]] = field(default_factory=dict)
    negation: int = -1

    def add(self, phrase: str, kind: int) -> None:
        tokens = tuple(words(phrase))
        if tokens:
            self.by_first.setdefault(tokens[0], []).append((tokens, kind))

    def count(self, tokens: Sequence[str]) -> list[int]:
        """How many cues of each kind occur in the tokens (longest phrase wins per start)."""
        counts = [0] * len(self.kinds)
        n = len(tokens)
        for i, token in enumerate(tokens):
            if self.negation >= 0 and token.endswith("n't"):
                counts[self.negation] += 1
                continue
            entries = self.by_first.get(token)
            if not entries:
                continue
            seen: set[int] = set()
            for phrase, kind in entries:
                if kind in seen:
                    continue
                size = len(phrase)
                if size == 1 or (i + size <= n and tuple(tokens[i : i + size]) == phrase):
                    counts[kind] += 1
                    seen.add(kind)
        return counts


def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


@cache
def cue_index(kinds: tuple[str, ...] = CUE_KINDS) -> CueIndex:
    """The cue index over the bundled English cues.yaml (loaded once)."""
    resource = files("corroborate").joinpath(*LEXICON)
    data = yaml.safe_load(resource.read_text(encoding="utf-8")) or {}
    index = CueIndex(kinds)
    for k, kind in enumerate(kinds):
        for phrase in _as_list(data.get(kind)) + list(EXTRA_CUES.get(kind, ())):
            index.add(phrase, k)
    if "negations" in kinds:
        index.negation = kinds.index("negations")
    return index
