"""Quotations that run over several sentences and name their speaker only where they close.

'"The enemy shelled our positions. Fighting goes on," the ministry said.': the first sentence
has no speaker of its own, yet it is the ministry's as much as the second. A paragraph's double
quotes are paired in order; a quotation that opens at a sentence's start (or before it) and
closes a few sentences later lends its closing speaker to every whole sentence inside it, and
such a sentence is read even with no actor named: its "the enemy" is the speaker's enemy.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from corroborate.extract.frames import Frame
from corroborate.extract.tokens import Token

OPENS = frozenset("\u201c\u00ab")  # “ «
CLOSES = frozenset("\u201d\u00bb")  # ” »
TOGGLES = frozenset('"')
Ahead = tuple[list[Token], list[Frame]]  # a later sentence's tokens and speaker frames
MAX_SENTENCES = 4  # an unpaired mark must not make a whole article one quotation
_MARKS = re.compile("[" + "".join(sorted(OPENS | CLOSES | TOGGLES)) + "]")
SPEAKER_GAP = 8  # tokens from the closing mark to the say verb: '," the defence ministry said'


def spanning_quotes(
    text: str, spans: list[tuple[int, int]], openers: dict[int, tuple[int, int]] | None = None
) -> dict[int, tuple[int, int]]:
    """Sentence index -> (index of the sentence where its quotation closes, the closing mark's
    offset), for each sentence wholly inside a quotation that closes in a later sentence.
    `openers` gets, for each later sentence of a quotation opened mid-sentence ('Aliyev said:
    "A. B."'), the sentence where it opens and the opening mark's offset."""
    out: dict[int, tuple[int, int]] = {}
    mid: tuple[int, int] | None = None  # where a quotation opened mid-sentence
    marks = [m.start() for m in _MARKS.finditer(text)]  # one regex pass, not a loop per char
    if not marks:
        return out
    opened: int | None = None  # the sentence whose first whole sentence is quoted
    prev_end = 0
    at = 0
    for k, (s0, s1) in enumerate(spans):
        if "\n" in text[prev_end:s0]:
            opened = None  # a paragraph break ends any quotation left open
        prev_end = s1
        while at < len(marks) and marks[at] < s0:
            at += 1  # a mark between sentences belongs to neither
        while at < len(marks) and marks[at] < s1:
            p = marks[at]
            at += 1
            ch = text[p]
            closing = ch in CLOSES or (ch in TOGGLES and opened is not None)
            if not closing:
                # a quotation that opens mid-sentence has that sentence's own speaker frame
                opened = k if not text[s0:p].strip() else k + 1
                mid = (k, p) if opened > k else None
                continue
            if opened is not None and opened < k and k - opened < MAX_SENTENCES:
                out.update({i: (k, p) for i in range(opened, k)})
            if (
                openers is not None
                and mid is not None
                and opened is not None
                and opened <= k
                and k - opened < MAX_SENTENCES
                and not text[p + 1 : s1].strip(" .!?")
            ):
                # the quotation ends its sentence: no closing speaker, the opener's speaks
                openers.update({i: mid for i in range(opened, k + 1)})
            opened = mid = None
    return out


def closing_frame(frames: list[Frame], tokens: list[Token], close_at: int) -> Frame | None:
    """The say frame right after a quotation's closing mark: its speaker is the quotation's."""
    after = [i for i, t in enumerate(tokens) if t.start > close_at]
    if not after:
        return None
    first = after[0]
    for f in sorted(frames, key=lambda f: f.cue):
        if (
            f.speakers
            and f.kind == "say"
            and f.polarity == "affirm"
            and first <= f.cue <= first + SPEAKER_GAP
        ):
            return f
    return None


def opening_frame(frames: list[Frame], tokens: list[Token], open_at: int) -> Frame | None:
    """The say frame right before a quotation's opening mark ('Aliyev said: "')."""
    before = [i for i, t in enumerate(tokens) if t.start < open_at]
    if not before:
        return None
    mark = before[-1] + 1
    for f in sorted(frames, key=lambda f: -f.cue):
        if f.speakers and f.kind == "say" and f.polarity == "affirm" and f.cue < mark:
            return f if mark - f.cue <= SPEAKER_GAP else None
    return None


def sentence_frame(quote: Frame, n: int) -> Frame:
    """A quoted sentence is the closing speaker's throughout, as if "according to" it."""
    return Frame(quote.speakers, "affirm", quote.hedged, 0, n, 0, "according")


class QuoteSpeakers:
    """Per document: the closing speaker frame of each sentence inside a long quotation."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.openers: dict[int, tuple[int, int]] = {}
        self.quoted = spanning_quotes(text, spans, self.openers)
        self.quoted_any = set(self.quoted) | set(self.openers)
        self.closers: dict[int, Frame | None] = {}

    def frame(self, k: int, look_ahead: Callable[[int], Ahead]) -> Frame | None:
        """Sentence k's quotation speaker, if the sentence is inside a long quotation;
        `look_ahead(j)` gives sentence j's tokens and frames."""
        if k in self.openers and k not in self.quoted:
            j, open_at = self.openers[k]  # 'Aliyev said: "A. B."': B is Aliyev's
            if -j - 1 not in self.closers:
                tokens, frames = look_ahead(j)
                self.closers[-j - 1] = opening_frame(frames, tokens, open_at)
            return self.closers[-j - 1]
        if k not in self.quoted:
            return None
        j, close_at = self.quoted[k]
        if j not in self.closers:
            tokens, frames = look_ahead(j)
            self.closers[j] = closing_frame(frames, tokens, close_at)
        return self.closers[j]
