"""Explanations people can read: a proposition's voices as a table, a legend that explains each
weight once, and each mention's whole sentence with the claim's words marked.

Pure functions of the assessment and of document text; the role report and the workbench's
proposition page both use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.assess import Proposition
from corroborate.assess.model import Voice
from corroborate.assess.status import voice_name

STANDING = {
    "third": "third party",
    "own": "the actor's own camp",
    "hostile": "a camp opposed to the actor",
}

# Each term of the voices table, explained once per page.
LEGEND: tuple[tuple[str, str], ...] = (
    ("voice", "who speaks: a named party, shown with its camp in [brackets] when camps are "
     "set, or outlets speaking for themselves, with their affiliation group. Parties in one "
     "camp, and outlets in one group, are one voice; a story reprinted by several outlets "
     "counts once."),
    ("third party", "in no camp of the actor (or camps are unset): an independent voice."),
    ("the actor's own camp", "the actor itself or its allies. Its affirmation counts; its "
     "denial is noted but does not decide the status."),
    ("a camp opposed to the actor", "an accusation from the other side: it counts, but it "
     "cannot corroborate on its own."),
    ("weight 1", "one firm claim. A voice counts as firm once its weights add up to 1."),
    ("weight 0.5", "a hedged claim (\"reportedly\", \"could not be verified\"; the "
     "hedged_weight setting). Two hedged reports from one voice make it firm."),
    ("weight 0.3", "a document's stance found by the stance model rather than an extracted "
     "claim (the stance_weight setting): supporting evidence, never firm on its own."),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class VoiceRow:
    """One row of a proposition's voices table."""

    says: str  # affirms | denies
    voice: str
    standing: str
    weight: float
    counts: str  # how the voice counts toward the status, in words


def _counts(v: Voice, *, hedged_weight: float) -> str:
    if v.polarity == "deny":
        if v.weight < hedged_weight:
            return "too weak to contest on its own"
        if v.stance == "own":
            return "noted: the accused's own denial does not decide the status"
        if v.stance == "third":
            return "a third party's denial: the proposition cannot be corroborated"
        return "a denial from the actor's opponents"
    if not v.firm:
        return "not firm: hedged or indirect, below weight 1"
    if v.stance == "hostile":
        return "counts, but an opposed camp cannot corroborate alone"
    return "counts as an independent voice"


def voice_rows(p: Proposition, *, hedged_weight: float = 0.5) -> list[VoiceRow]:
    return [
        VoiceRow(
            says="denies" if v.polarity == "deny" else "affirms",
            voice=voice_name(v),
            standing=STANDING.get(v.stance, v.stance),
            weight=v.weight,
            counts=_counts(v, hedged_weight=hedged_weight),
        )
        for v in (*p.affirming, *p.denying)
    ]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A mention's sentence: the claim's words (`quote`) with the rest of the sentence around
    them; `clipped_*` say that a very long sentence was cut (shown as an ellipsis)."""

    before: str
    quote: str
    after: str
    clipped_start: bool = False
    clipped_end: bool = False

    @property
    def text(self) -> str:
        start = "… " if self.clipped_start else ""
        end = " …" if self.clipped_end else ""
        return f"{start}{self.before}{self.quote}{self.after}{end}"


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s)|\n\s*\n|\n(?=[-*#>])")
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial|ials)|reject\w*|dismiss\w*|refut\w*|rebuff\w*|"
    r"baseless|untrue|unfounded|false|fabricat\w*|lies?)\b",
    re.IGNORECASE,
)
MAX_SENTENCE = 600  # characters either side of the claim's words, at most


_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "cpl", "pvt", "st",
    "jr", "sr", "no", "vs", "etc", "approx", "est", "fig",
})  # fmt: skip


def _is_break(text: str, m: re.Match[str]) -> bool:
    """Not every full stop ends a sentence: "U.S. troops", "Gen. Smith", "No. 3"."""
    if text[m.start()] != ".":
        return True
    word = re.search(r"([\w.]+)$", text[max(0, m.start() - 12) : m.start()])
    if word is None:
        return True
    w = word.group(1)
    return not ("." in w or (len(w) == 1 and w.isupper()) or w.lower() in _ABBREVIATIONS)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    a = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        if _is_break(text, m):
            a = m.end()
    b = len(text)
    for m in _SENTENCE_END.finditer(text, max(end - 1, a)):
        if _is_break(text, m):
            b = m.end()
            break
    return a, b


def sentence_of(text: str, start: int, end: int, *, denial: bool = False) -> Sentence:
    """The whole sentence holding text[start:end]. For a denial whose sentence does not say
    the denial ("Belarus sent shells. Minsk denied it."), the sentence that does, next to it,
    is included, so the quote shows the denial's own words."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    a, b = _sentence_bounds(text, start, end)
    if denial and not _DENIAL.search(text, a, b):
        nxt = _sentence_bounds(text, min(b + 1, len(text)), min(b + 1, len(text)))
        if _DENIAL.search(text, b, nxt[1]):
            b = nxt[1]
        elif a > 0:
            prev = _sentence_bounds(text, max(a - 2, 0), max(a - 2, 0))
            if _DENIAL.search(text, prev[0], a):
                a = prev[0]
    while a < start and text[a].isspace():
        a += 1
    clipped_start = start - a > MAX_SENTENCE
    clipped_end = b - end > MAX_SENTENCE
    if clipped_start:
        a = text.find(" ", start - MAX_SENTENCE, start) + 1 or start - MAX_SENTENCE
    if clipped_end:
        cut = text.rfind(" ", end, end + MAX_SENTENCE)
        b = cut if cut != -1 else end + MAX_SENTENCE
    return Sentence(
        text[a:start], text[start:end], text[end:b].rstrip(), clipped_start, clipped_end
    )
