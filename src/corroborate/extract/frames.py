"""Speaker frames: who voices which stretch of a sentence, affirming or denying it.

"Armenia said Turkish jets attacked": a say frame, speaker Armenia, over "Turkish jets attacked".
"..., which Ankara denied": a backward deny frame over the clause before it. Claims take the
innermost frame around their trigger; outside every frame the author speaks.
"""

from __future__ import annotations

from dataclasses import dataclass

from corroborate.extract.kb import Grammar, Match
from corroborate.extract.mentions import Mention
from corroborate.extract.tokens import Token


@dataclass(slots=True)
class Frame:
    speakers: tuple[str, ...]  # empty: the author
    polarity: str
    hedged: bool
    lo: int
    hi: int
    cue: int
    kind: str  # say | deny | accuse | according | author_deny | back_deny
    target: Mention | None = None  # the accused party ("accused Turkey of ...")

    def contains(self, i: int) -> bool:
        return self.lo <= i < self.hi


def speaker_names(m: Mention) -> tuple[str, ...]:
    if m.label:
        return (m.label,)
    return m.actors


def _clause_end(tokens: list[Token], lo: int, hi: int, g: Grammar) -> int:
    """The end of a reported clause: a ';' or a comma opening a relative or contrast."""
    for i in range(lo, hi):
        low = tokens[i].lower
        if low in g.clause_breaks:
            return i
        if low != "," or i + 1 >= hi:
            continue
        nxt = tokens[i + 1].lower
        if nxt in g.clause_openers:
            return i
        if nxt in ("a", "an") and i + 2 < hi and tokens[i + 2].lower in g.back_objects:
            return i  # "..., a claim Ankara denied"
    return hi


def _mention_before(mentions: list[Mention], i: int, window: int) -> Mention | None:
    best = None
    for m in mentions:
        if m.end <= i and i - m.end <= window and not m.consumed:
            best = m
    return best


def _mention_after(mentions: list[Mention], i: int, window: int) -> Mention | None:
    for m in mentions:
        if m.start >= i and m.start - i <= window and not m.consumed:
            return m
    return None


def _skip_that(tokens: list[Token], i: int, hi: int, g: Grammar) -> int:
    """Past "on Tuesday that" to where the reported content starts."""
    j = i
    while j < hi and j - i < 6 and tokens[j].lower != "that" and tokens[j].lower in g.time_words:
        j += 1
    if j < hi and tokens[j].lower == "that":
        return j + 1
    return i


def _phrase_open(tokens: list[Token], start: int, trigger_tokens: set[int], g: Grammar) -> int:
    """The token before a speaker's noun phrase: "..., the Armenian defence ministry said"."""
    i = start - 1
    while (
        i >= 0
        and start - i <= 3
        and i not in trigger_tokens
        and (tokens[i].lower in g.determiners or tokens[i].lower in g.speaker_modifiers)
    ):
        i -= 1
    return i


def _tail_empty(tokens: list[Token], c1: int, g: Grammar) -> bool:
    """Nothing reported after the say verb: "... , X said on Tuesday." or "X said, citing Y"."""
    for j in range(c1, len(tokens)):
        tok = tokens[j]
        if tok.text == "," and j + 1 < len(tokens):
            nxt = tokens[j + 1].lower
            if nxt.endswith("ing") or nxt in g.tail_openers:
                return True  # a participial or 'according to' tail: "..., citing a source"
        if not (
            tok.text in ".!?"
            or tok.lower in g.quotes
            or tok.lower in g.time_words
            or tok.lower in g.adverbs
            or tok.text[:1].isdigit()
        ):
            return False
    return True


def find_frames(
    tokens: list[Token],
    cues: list[Match],
    mentions: list[Mention],
    trigger_tokens: set[int],
    g: Grammar,
) -> list[Frame]:
    n = len(tokens)
    frames: list[Frame] = []
    for cue in cues:
        kinds = cue.kinds()
        c0, c1 = cue.start, cue.end
        if "author_denials" in kinds:
            frames.append(
                Frame((), "deny", False, c1, _clause_end(tokens, c1, n, g), c0, "author_deny")
            )
            continue
        if "according_to" in kinds:
            src = _mention_after(mentions, c1, 3)
            if src is None:
                continue
            vague = src.kind == "vague"
            lo, hi = 0, n
            frames.append(
                Frame(() if vague else speaker_names(src), "affirm", vague, lo, hi, c0, "according")
            )
            continue
        is_deny = "deny_verbs" in kinds
        is_accuse = "accuse_verbs" in kinds
        if not (is_deny or is_accuse or "say_verbs" in kinds):
            continue
        if c0 in trigger_tokens:
            continue
        left = _mention_before(mentions, c0, 8)
        right = _mention_after(mentions, c1, 3)
        polarity = "deny" if is_deny else "affirm"
        hedged = any(e.value in g.hedged_say for e in cue.entries)
        prev = tokens[c0 - 1].lower if c0 > 0 else ""
        # inverted order: "..., the ministry said." or "..., said Hajiyev."
        before_speaker = _phrase_open(tokens, left.start, trigger_tokens, g) if left else c0 - 1
        tail_empty = _tail_empty(tokens, c1, g)
        speaker: Mention | None = None
        if left is not None and left.is_agent:
            speaker = left
        elif right is not None and right.is_agent and (prev == "," or c0 == 0 or prev in '"\u201d'):
            speaker = right
        elif left is not None and left.kind == "vague":
            speaker = left
        if speaker is None:
            continue
        names = () if speaker.kind == "vague" else speaker_names(speaker)
        if speaker.kind == "vague":
            hedged = True
        comma_before = before_speaker >= 0 and (
            tokens[before_speaker].text == "," or tokens[before_speaker].text in g.quotes
        )
        if speaker is right:
            comma_before = True
        if comma_before and (tail_empty or speaker is right):
            hi = before_speaker if speaker is not right else c0 - 1
            lo = 0
            for i in range(hi - 1, -1, -1):
                if tokens[i].lower in g.clause_breaks:
                    lo = i + 1
                    break
            frames.append(Frame(names, polarity, hedged, lo, max(lo, hi), c0, "say"))
            continue
        opener = tokens[left.start - 1].lower if left is not None and left.start > 0 else ""
        if is_deny and (prev == "which" or opener in g.relative_back):
            # "..., which Ankara denied": the denied content is the clause before
            anchor = left.start - 1 if left is not None and left.start > 0 else c0 - 1
            hi = anchor
            while hi > 0 and tokens[hi - 1].lower in (
                ",",
                "which",
                "a",
                "an",
                "claim",
                "accusation",
            ):
                hi -= 1
            frames.append(Frame(names, "deny", hedged, 0, hi, c0, "back_deny"))
            continue
        lo = c1
        target = None
        if is_accuse:
            target = right if right is not None and right.is_agent else None
            j = target.end if target is not None else c1
            while j < n and tokens[j].lower not in ("of", "for") and j - c1 < 8:
                j += 1
            lo = j + 1 if j < n else c1
        else:
            lo = _skip_that(tokens, c1, n, g)
        hi = _clause_end(tokens, lo, n, g)
        kind = "deny" if is_deny else ("accuse" if is_accuse else "say")
        if is_deny and all(t.lower in g.back_objects or t.text in ".!?" for t in tokens[c1:hi]):
            kind = "back_deny_prev"  # "Ankara denied it." refers to earlier sentences
        frames.append(Frame(names, polarity, hedged, lo, hi, c0, kind, target))
    return frames


def innermost(frames: list[Frame], i: int) -> Frame | None:
    around = [f for f in frames if f.contains(i) and f.kind != "back_deny"]
    if not around:
        return None
    return min(around, key=lambda f: (f.hi - f.lo, -f.cue))
