"""Claims of a document in a language with a lexical pack (see stages.py)."""

from __future__ import annotations

from functools import partial

from corroborate.extract.claim import Claim, FramingMarker, Span
from corroborate.extract.lexical.pack import Pack, load_pack
from corroborate.extract.lexical.stages import (
    NATIONALITY_NOT_SENDER,
    VOICE_ONLY,
    Event,
    Mention,
    attribution,
    conjoined,
    entities,
    events,
    roles,
)
from corroborate.extract.lexical.text import Tok, in_quote, opens_quote, sentences

LEXICAL_CONFIDENCE = 0.6
# how many sentences naming actors a voice carries over to a speech verb that names none
VOICE_CARRIES = 3
SPEAKING_FIGHTER = 2  # "un mercenario (americano) disse": the fighter is its verb's subject
# relations that a more concrete one in the same sentence, by the same actor, makes redundant
GENERIC = frozenset({"political_support"})


def _span(text: str, toks: list[Tok], a: int, b: int) -> Span:
    start, end = toks[a].start, toks[b - 1].end
    return Span(start, end, text[start:end])


def extract_lexical(
    text: str, *, doc: str, language: str
) -> tuple[list[Claim], list[FramingMarker]]:
    pack = load_pack(language)
    claims: list[Claim] = []
    framing: list[FramingMarker] = []
    last_speaker: str | None = None
    since_speaker = 0  # sentences naming actors since the last voice was named
    known: dict[str, str] = {}  # surname -> the person's full name, as the document gave it
    # "X's statement, in brief:": what follows the colon is X's, until another voice is named
    announced: str | None = None
    # a quotation after "X said" is X's, sentence after sentence, until it closes
    before: str | None = None  # the voice named in the sentence before
    quoted: str | None = None
    # "X happened. Lo ha annunciato Y" (it was announced by Y): Y said the sentence before
    unvoiced: list[Claim] = []
    for s0, s1 in sentences(text):
        inside = in_quote(text, s0)
        if not pack.quotes_keep_voice:
            pass
        elif opens_quote(text, s0) and not inside:
            quoted = before
        elif not inside:
            quoted = None
        toks = pack.morph.sentence(text, s0, s1, suffixes=pack.apostrophe_suffixes)
        framing.extend(
            FramingMarker(
                text[toks[a].start : toks[b - 1].end], str(side), toks[a].start, toks[b - 1].end
            )
            for a, b, side, _pre in pack.framing.find(toks)
        )
        mentions = entities(pack, toks)
        if not mentions:
            continue  # a sentence that names no actor keeps the voice before it for a quote
        before = None
        found = events(pack, toks, mentions)
        att = attribution(pack, toks, mentions, known)
        retro = _retro_voice(pack, toks, mentions, att.speaker)
        if retro is not None:
            for c in unvoiced:
                c.speaker = retro
        unvoiced = []
        since_speaker += 1
        if since_speaker > VOICE_CARRIES:
            last_speaker = None  # a voice named paragraphs ago is not this verb's subject
        speaker = att.speaker or (last_speaker if att.speech else quoted or announced)
        before = att.speaker
        if att.speaker is not None:
            last_speaker = att.speaker
            since_speaker = 0
            announced = att.speaker if toks[-1].text == ":" else None
        sentence: list[Claim] = []
        done: set[str] = set()  # one event per relation: the first trigger with an actor
        for event in found:
            if event.relation in done:
                continue
            r = roles(pack, toks, mentions, event, att.speaker_mentions, att.conceded)
            # "Ukraine received howitzers": the receiver is named, nobody giving; still a claim
            received = event.receive and r.recipient is not None
            if r.subject is None and not _unsent(pack, toks, event) and not received:
                continue
            if (
                pack.support_needs_side
                and event.relation in GENERIC
                and r.recipient is None
                and not (att.deny or r.deny)
            ):
                continue  # backing nobody named ("needs our support") says nothing of a side
            done.add(event.relation)
            others = [  # "According to Bloomberg, Germany sends": the voice joins no actor
                m
                for k, m in enumerate(mentions)
                if m is r.subject
                or (
                    m is not r.recipient
                    and k not in att.speaker_mentions
                    and m.actor.type not in VOICE_ONLY
                )
            ]
            subjects = [] if r.subject is None else conjoined(pack, toks, others, r.subject)
            for subject in [r.subject, *subjects]:
                voiced = partial(
                    _claim, text, toks, doc, pack, event, subject, r.recipient, r.object
                )
                sentence.append(voiced(speaker or "author", att.deny or r.deny, att.hedged))
                if att.conceded is not None:  # the denier's own claim: it did not happen
                    sentence.append(voiced(att.conceded, True, False))
                if att.reported is not None and subject is not None:  # the reports': it did
                    sentence.append(voiced(att.reported, False, True))
        kept = _specific(sentence)
        unvoiced = [c for c in kept if speaker is None]
        claims.extend(kept)
    return _merged(claims), framing


def _unsent(pack: Pack, toks: list[Tok], event: Event) -> bool:
    """Fighters the pack names as such ("mercenaries", "foreign fighters") that nobody is said
    to send: a claim still, whose subject merge.name_unsent names as the gold sets do."""
    if event.relation not in NATIONALITY_NOT_SENDER:
        return False
    if not pack.unsent_fighters.find(toks[event.start : event.end]):
        return False
    # "a mercenary told a reporter": the fighter who speaks is a voice, not a claim
    return not any(
        0 <= a - event.end <= SPEAKING_FIGHTER
        and all(t.text.isalpha() for t in toks[event.end : a])
        for a, _b, _s, _pre in pack.speech.find(toks)
    )


def _retro_voice(
    pack: Pack, toks: list[Tok], mentions: list[Mention], speaker: str | None
) -> str | None:
    """The voice of a sentence that opens by pointing back ("Lo ha annunciato il ministro...",
    "about this, said..."): its speaker, else the first name after the pointer."""
    opener = next((m for m in pack.retro.find(toks) if m[0] <= 1), None)
    if opener is None:
        return None
    if speaker is not None or pack.order == "case":
        return speaker  # a case language marks its voice by case: the speech verb's own search
    # without cases, the whole sentence is attribution, titles and all ("Lo ha annunciato il
    # ministro della difesa di Kiev Oleksii Reznikov"): its first name is the voice
    after = [m for m in mentions if m.start >= opener[1] and m.actor.type != "demonym"]
    return after[0].actor.name if after else None


def _specific(claims: list[Claim]) -> list[Claim]:
    """Generic support is what an actor gives when the sentence names nothing it gives: "sent
    weapons to support them" is the arms, not a second, political claim (the contract)."""
    concrete = {c.subject for c in claims if c.relation not in GENERIC}
    return [c for c in claims if c.relation not in GENERIC or c.subject not in concrete]


def _claim(
    text: str,
    toks: list[Tok],
    doc: str,
    pack: Pack,
    event: Event,
    subject: Mention | None,
    recipient: Mention | None,
    obj: str | None,
    speaker: str,
    deny: bool,
    hedged: bool,
) -> Claim:
    ends = [m for m in (subject, recipient) if m is not None]
    lo = min([event.start] + [m.start for m in ends])
    hi = max([event.end] + [m.end for m in ends])
    return Claim(
        doc=doc,
        subject=None if subject is None else subject.actor.name,
        relation=event.relation,
        object=obj,
        recipient=recipient.actor.name if recipient else None,
        quantity=None,
        speaker=speaker,
        polarity="deny" if deny else "affirm",
        hedged=hedged,
        evidence=_span(text, toks, lo, hi),
        confidence=LEXICAL_CONFIDENCE,
    )


def _merged(claims: list[Claim]) -> list[Claim]:
    """One claim per key; its first mention is the evidence, every mention is kept."""
    out: dict[tuple[str | None, ...], Claim] = {}
    for c in claims:
        kept = out.get(c.key())
        if kept is None:
            c.mentions = [c.evidence]
            out[c.key()] = c
        else:
            kept.mentions.append(c.evidence)
            kept.hedged = kept.hedged and c.hedged
    # a mention of the same named system that leaves out the recipient ("the 14 M113AS4 that
    # Australia will provide") is the claim that names it, where only one does
    named: dict[tuple[str | None, ...], list[Claim]] = {}
    for c in out.values():
        if c.recipient is not None and c.object is not None:
            named.setdefault(_without_recipient(c), []).append(c)
    merged: list[Claim] = []
    for c in out.values():
        bare = c.recipient is None and c.object is not None
        fuller = named.get(_without_recipient(c), []) if bare else []
        if len(fuller) == 1:
            fuller[0].mentions.extend(c.mentions)
            fuller[0].hedged = fuller[0].hedged and c.hedged
        else:
            merged.append(c)
    return merged


def _without_recipient(c: Claim) -> tuple[str | None, ...]:
    key = c.key()
    return key[:4] + key[5:]
