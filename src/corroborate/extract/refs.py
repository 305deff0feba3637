"""Who "it", "both countries", "the ministry" and "its troops" are, and the evidence span.

Split from extractor.py to keep modules small: these read the sentence's mentions and the
context earlier sentences left, and never the extractor's own state.
"""

from __future__ import annotations

from corroborate.extract.claim import Span
from corroborate.extract.context import SentenceContext
from corroborate.extract.core import Core
from corroborate.extract.frames import Frame
from corroborate.extract.kb import Grammar, Match
from corroborate.extract.mentions import Mention, prep_before
from corroborate.extract.tokens import Token

# actors that report but neither govern nor fight: no "the ministry" or "its ally" points to them
SPEAKER_ONLY_TYPES = frozenset({"monitor"})


def resolve_refs(
    mentions: list[Mention],
    tokens: list[Token],
    ctx: SentenceContext,
    ctx_possessives: frozenset[str],
    actor_types: dict[str, str],
    g: Grammar,
) -> None:
    """ "the ministry", "its foreign policy chief": the nearest actor before, in this sentence
    or an earlier one. A monitor has no ministry or regime: it is never the referent."""
    # an unowned "Defence Ministry" opening a sentence speaks for whoever spoke last ("Baku
    # accused Armenia of ... . Defence Ministry spokesman X said"), not the accused
    last = ctx.last_speaker or ctx.last_actor
    holder = last  # "The Russian contingent ... stayed on its base": a force owns things too
    for m in mentions:
        if (
            m.kind == "actor"
            and m.actors
            and m.prep is None
            and actor_types.get(m.actors[-1]) not in SPEAKER_ONLY_TYPES
        ):
            last = holder = m.actors[-1:]
        elif m.kind == "thing" and m.prep is None and m.is_agent:
            holder = m.actors[-1:]
        if m.kind == "institution" and not m.actors and m.start >= 2:
            # "the US Africa Command", "Russian Aerospace Forces": a named owner, then a
            # capitalised word the lexicon lacks, then the institution
            named = next((o for o in mentions if o.end == m.start - 1 and o.kind == "actor"), None)
            if named is not None and tokens[m.start - 1].text[:1].isupper():
                m.actors, m.kind, m.start = named.actors, "actor", named.start
                named.consumed = True  # one phrase now: the speaker opens at its start
                continue
        if m.kind == "institution" and not m.actors and _foreign_owner(tokens, m.start, g):
            m.kind = "vague"  # "Western intelligence services": an owner the lexicon lacks
        elif m.kind == "institution" and not m.actors and _indefinite(tokens, m.start, m.end, g):
            m.kind = "vague"  # "reports from journalists and intelligence agencies": no one's
        elif m.kind == "institution" and not m.actors:
            owner = next(
                (
                    o
                    for o in mentions
                    if o.start == m.end + 1 and o.kind == "actor" and o.prep in ("of", "to", "in")
                ),
                None,
            )
            if owner is None and not last:
                # "Azerbaijani special forces infiltrated ..., the president recounted": with
                # no actor named yet, the owner of the forces named before
                owner = next(
                    (
                        o
                        for o in reversed(mentions)
                        if o.end <= m.start and o.thing_class == "own_forces" and o.actors
                    ),
                    None,
                )
            if owner is None and ctx.last_voice and _definite_voice(tokens, m.start, g):
                m.actors = ctx.last_voice  # "the officials said": the voice named before
            else:
                m.actors = owner.actors if owner is not None else last  # "an adviser to Aliyev"
            m.kind = "actor" if m.actors else "institution"
        elif (
            m.kind == "thing"
            and not m.actors
            and m.start > 0
            and tokens[m.start - 1].lower in ctx_possessives
        ):
            m.actors = holder  # "its instructors", "their troops": the owner named before


# Words before an unowned institution that point back to one named before ("the ministry",
# "its officials"); without one, a lowercase plural in mid-sentence is nobody's in particular.
_DEFINITE = frozenset({"the", "its", "their", "this", "that", "these", "those", "his", "her"})
_QUANTIFIERS = frozenset({"multiple", "several", "some", "many", "various", "numerous", "other"})


def _indefinite(tokens: list[Token], start: int, end: int, g: Grammar) -> bool:
    """ "intelligence agencies", "several ministries": an unowned plural no determiner points
    back with. A listed plural alone ("..., according to officials") stays the one named."""
    if start == 0 or tokens[start - 1].lower in _DEFINITE:
        return False
    prev = tokens[start - 1]
    if prev.text[:1].isupper() or prev.text in ".!?":
        return False
    after = tokens[end] if end < len(tokens) else None
    if after is not None and after.text.isalpha() and after.text.islower():
        # a voice the list lacks follows the word ("intelligence agencies"), not an act
        # ("coalition strikes")
        return after.lower.endswith("s") and after.lower in g.voice_heads
    return tokens[end - 1].lower.endswith("s") and prev.lower in _QUANTIFIERS


def _definite_voice(tokens: list[Token], start: int, g: Grammar) -> bool:
    """ "the officials": people who spoke before, with no owner of their own."""
    return start >= 1 and tokens[start - 1].lower == "the" and tokens[start].lower in g.voice_heads


def _foreign_owner(tokens: list[Token], start: int, g: Grammar) -> bool:
    """ "Western intelligence services", "the SITE Intelligence group": an owner the lexicon
    does not list (a listed one would have joined the mention), not the last actor named."""
    if start == 0:
        return False
    prev = tokens[start - 1]
    low = prev.lower
    if low in g.unlisted_owners:
        return True
    return (
        start >= 2  # a sentence's first word is capitalised anyway
        and prev.text[:1].isupper()
        and prev.text.isalpha()
        and low not in g.determiners
        and low not in g.title_words
        and low not in g.speaker_modifiers
        and tokens[start - 2].text not in ".!?"
        and tokens[start - 2].lower not in g.quotes
    )


def ref_mentions(
    tokens: list[Token],
    cues: list[Match],
    mentions: list[Mention],
    ctx: SentenceContext,
    g: Grammar,
    trigger_tokens: set[int],
) -> list[Mention]:
    out: list[Mention] = []
    for cue in cues:
        kinds = cue.kinds()
        if "plural_refs" in kinds and ctx.last_list:
            pair = any(tokens[i].lower in g.pair_words for i in range(cue.start, cue.end))
            if pair and len(ctx.last_list) != 2:
                continue  # "both countries" after a list of three: not that list
            group = Mention(cue.start, cue.end, "group_ref", ctx.last_list)
            group.prep = prep_before(tokens, cue.start, g, trigger_tokens)  # "between the two"
            out.append(group)
        elif "pronouns" in kinds and cue.end - cue.start == 1:
            low = tokens[cue.start].lower
            if low not in ("it", "they", "he", "she"):
                continue
            if low in ("he", "she"):
                # a person: the last official named, else someone unnamed (the author's voice)
                near = [m for m in mentions if m.end <= cue.start and m.person]
                person = near[-1].actors if near else ctx.last_person
                kind = "pronoun" if person else "vague"
                out.append(Mention(cue.start, cue.end, kind, person))
                continue
            # "The Artsakh Defence Army said it had struck ...": the nearest actor before
            near = [
                m
                for m in mentions
                if m.end <= cue.start and m.actors and (m.kind == "actor" or m.is_agent)
            ]  # "Armenian forces claimed they had ...": an army is an antecedent too
            ref = near[-1].actors if near else ctx.last_subject
            if ref:
                out.append(Mention(cue.start, cue.end, "pronoun", ref))
    return out


def person_voice(tokens: list[Token], frames: list[Frame], g: Grammar) -> tuple[str, ...]:
    """ "Defence Ministry spokesman Vagif X said ...": a person the lexicon lacks spoke for
    the frame's one speaker, so a following "he added" is that speaker, not an older name."""
    for frame in frames:
        if len(frame.speakers) != 1 or frame.kind == "according":
            continue
        window = tokens[max(0, frame.cue - 6) : frame.cue + 6]
        if any(t.lower in g.person_nouns for t in window):
            return frame.speakers
    return ()


def evidence_span(text: str, tokens: list[Token], core: Core) -> Span:
    parts = [core.trigger.start, core.trigger.end - 1]
    for m in (core.subject_mention, core.object_mention, core.recipient_mention):
        if m is not None and abs(m.start - core.trigger.start) <= 15:
            parts.extend([m.start, m.end - 1])
    start, end = tokens[min(parts)].start, tokens[max(parts)].end
    return Span(start, end, text[start:end])
