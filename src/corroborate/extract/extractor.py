"""Text to claims: a pure function of the text and the knowledge base (no I/O).

Per sentence: tag lexicon matches, group mentions, find speaker frames, fill each trigger's
roles, then give every claim its speaker, polarity and hedging. A little state crosses
sentences for coreference ("both countries", "it", "the ministry") and for denials that point
back ("Ankara denied it.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Any

from corroborate.extract.answers import answer_claims
from corroborate.extract.blame import blame_claims
from corroborate.extract.claim import EXTRACTOR_VERSION, Claim, FramingMarker
from corroborate.extract.context import SentenceContext
from corroborate.extract.core import Core, TriggerSite, frame_buyer
from corroborate.extract.enemy import enemy_mentions
from corroborate.extract.footage import footage_cores
from corroborate.extract.frames import Frame, find_frames, innermost
from corroborate.extract.kb import Grammar, KnowledgeBase, Match, default_kb
from corroborate.extract.mentions import Mention, build_mentions, entity_matches
from corroborate.extract.merge import (
    drop_agentless_duplicates,
    drop_nameless,
    merge_claims,
    name_unsent,
)
from corroborate.extract.nationals import nationals_as_recruits, private_nationals
from corroborate.extract.origins import origin_cores
from corroborate.extract.owners import coalition_leader, institution_owned
from corroborate.extract.presence import noun_form
from corroborate.extract.quantities import (
    at_a_border,
    casualty_count,
    quantity_before,
    sized_force,
    unit_for,
)
from corroborate.extract.quotes import Ahead, QuoteSpeakers, sentence_frame
from corroborate.extract.refs import (
    SPEAKER_ONLY_TYPES,
    evidence_span,
    person_voice,
    ref_mentions,
    resolve_refs,
)
from corroborate.extract.revoice import revoiced
from corroborate.extract.roles import fill_roles
from corroborate.extract.senses import passive_not_speech
from corroborate.extract.slots import months_out, planned_act
from corroborate.extract.tokens import (
    Token,
    WordFlags,
    raw_words,
    sentence_spans,
    tokenize,
    tokens_of,
)

# the prefilter's bits (WordFlags): an actor or reference, a loaded term, a trigger or say verb
_RELEVANT, _FRAMED, _ACTIVE, _TRIGGER, _NAMED = 1, 2, 4, 8, 16


@dataclass(slots=True)
class _Analysis:
    """One sentence before any claim is made of it (see Extractor._analyse)."""

    lowers: tuple[str, ...]
    cues: list[Match]
    trigs: list[Match]
    trigger_tokens: set[int]
    cue_kinds_at: dict[int, set[str]]
    mentions: list[Mention]
    frames: list[Frame]


@dataclass(frozen=True, slots=True)
class Extraction:
    claims: list[Claim]
    framing: list[FramingMarker]
    notes: tuple[str, ...] = ()  # what was not read, and why (a sentence over the length cap)
    language: str = "en"  # the language that read it (extract/lexical/route.py)
    note: str | None = None  # why nothing was read (a language without a pack)
    # names read as actors or voices that the knowledge base lacks (no type, no state, no camp)
    unknown: tuple[str, ...] = ()


def _clause_bounds(tokens: list[Token], i: int, frames: list[Frame], g: Grammar) -> tuple[int, int]:
    lo, hi = 0, len(tokens)
    frame = innermost(frames, i)
    if frame is not None:
        lo, hi = frame.lo, frame.hi
    for j in range(i - 1, lo - 1, -1):
        low = tokens[j].lower
        if low in g.clause_breaks or (
            low == "," and j + 1 < hi and tokens[j + 1].lower in g.contrast_openers
        ):
            lo = j + 1
            break
    for j in range(i + 1, hi):
        low = tokens[j].lower
        if low == ";" or (low == "," and j + 1 < hi and tokens[j + 1].lower in g.clause_openers):
            hi = j
            break
    return lo, hi


def _one_sense_each(matches: list[Match]) -> list[Match]:
    """A form listed under two triggers ("has" as force size and as presence) is two triggers."""
    out: list[Match] = []
    for m in matches:
        senses = [e for e in m.entries if e.kind == "trigger"]
        if len(senses) <= 1:
            out.append(m)
        else:
            out.extend(Match(m.start, m.end, (e,)) for e in senses)
    return out


def _unmet(tokens: list[Token], trig: Match) -> bool:
    """A trigger that acts only near certain words ("violated the ceasefire") without them."""
    entry = trig.first("trigger")
    if entry is None:
        return False
    # "Paris and Ankara clashed over Libya": a dispute over a topic is no fighting
    if entry.unless and any(t.lower in entry.unless for t in tokens[trig.end : trig.end + 2]):
        return True
    if not entry.near:
        return False
    return not any(t.lower in entry.near for t in tokens[trig.end : trig.end + 4])


def _auxiliary(tokens: list[Token], trig: Match, g: Grammar) -> bool:
    """ "had been moved", "have both carried out": 'have' as an auxiliary, not possession."""
    entry = trig.first("trigger")
    if entry is None or entry.needs not in ("quantity", "location") or trig.end - trig.start > 1:
        return False
    if entry.voice == "move":
        return False  # "travelled to Baku": the destination, not "has to"
    nxt = [t.lower for t in tokens[trig.end : trig.end + 3]]
    return any(
        w in g.be_verbs
        or w in g.irregular_participles
        or w.endswith("ed")
        or w == "to"
        or (w in g.adverbs and entry.needs == "location")  # "has never sent"
        for w in nxt[:2]
    )


class Extractor:
    """Extract claims from document texts with one knowledge base."""

    def __init__(self, kb: KnowledgeBase | None = None, *, parse: bool = True) -> None:
        self.kb = kb or default_kb()
        self._word_flags = WordFlags(
            (
                self.kb.relevant,
                self.kb.framing_words,
                self.kb.active,
                self.kb.trigger_words,
                self.kb.actor_words,
            )
        )
        # the parser stage (spaCy) runs where the knowledge base names its pipeline
        self.parser: Any = None
        if parse and self.kb.parse.get("pipeline"):
            from corroborate.extract.parse import ParseExtractor

            self.parser = ParseExtractor(self.kb)

    @property
    def version(self) -> str:
        """Rules version plus the lexicons' fingerprint: either changing re-extracts."""
        from corroborate.extract.lexical.pack import packs_fingerprint

        return f"{EXTRACTOR_VERSION}+{self.kb.fingerprint}+{packs_fingerprint()}"

    def framing(self, text: str, tokens: list[Token] | None = None) -> list[FramingMarker]:
        tokens = tokens if tokens is not None else tokenize(text)
        found = self.kb.framing.match([t.text for t in tokens], [t.lower for t in tokens])
        return [
            FramingMarker(
                text[tokens[m.start].start : tokens[m.end - 1].end],
                m.entries[0].cls or "",
                tokens[m.start].start,
                tokens[m.end - 1].end,
            )
            for m in found
        ]

    def extract(self, text: str, *, doc: str, language: str | None = None) -> Extraction:
        """Claims of one text. `language` (ISO 639-1, as stored) picks the reader; None detects."""
        from corroborate.extract.lexical.hook import read_other_language

        other = read_other_language(text, doc=doc, language=language)
        if other is not None:
            return other
        kb = self.kb
        ctx = SentenceContext()
        claims: list[Claim] = []
        framing: list[FramingMarker] = []
        spans = list(sentence_spans(text, abbreviations=kb.grammar.abbreviations))
        teasers = _teasers(text, kb.grammar.link_markers)
        if teasers:  # "Read also: ...": another article's headline, none of this text's claims
            spans = [s for s in spans if not any(lo <= s[0] < hi for lo, hi in teasers)]
        quotes = QuoteSpeakers(text, spans)
        to_parse: list[tuple[int, int]] = []
        to_check: list[tuple[int, int]] = []
        gap_subjects: dict[int, tuple[str, ...]] = {}
        parsed_subject: tuple[str, ...] = ()  # the rule stage's, after the last parsed sentence
        for k, (s0, s1) in enumerate(spans):
            words = raw_words(text, s0, s1)
            flags = self._word_flags.of_words(words) | (_RELEVANT if k in quotes.quoted_any else 0)
            if not flags & (_RELEVANT | _FRAMED):
                ctx.asked = []  # a question is answered by the very next sentence or not at all
                continue  # no actor, reference or loaded term: not even tokenized
            sent = tokens_of(text, words, s0)
            if flags & _FRAMED:
                framing.extend(self.framing(text, sent))
            if not flags & _RELEVANT:
                ctx.asked = []
                continue
            if not flags & _ACTIVE:
                ctx.asked = []
                self._context_only(sent, ctx)  # actors but no act: only remember who was named
                continue
            # the parser's cost is paid only where it can find a claim: an act and a named actor
            if flags & _TRIGGER and flags & _NAMED:
                to_parse.append((s0, s1))
                if ctx.last_subject != parsed_subject:  # a subject named where it did not read
                    gap_subjects[s0] = ctx.last_subject
            ctx.quote = quotes.frame(k, lambda j: self._look_ahead(text, spans[j], doc, ctx))
            found = self._sentence(text, sent, doc, ctx)
            if to_parse and to_parse[-1][0] == s0:
                parsed_subject = ctx.last_subject
            claims.extend(found)
            if found and not (flags & _TRIGGER and flags & _NAMED):
                to_check.append((s0, s1))  # the parse still vets a claim read from context
            # "Turkey denies this." answers the sentence before, not an older one
            ctx.previous_claims = found
            if found:
                attributed = [c for c in found if c.speaker != "author" and c.polarity == "affirm"]
                if attributed:
                    ctx.previous_attributed = attributed
        notes: tuple[str, ...] = ()
        unknown: tuple[str, ...] = ()
        if self.parser is not None and (to_parse or to_check):
            from corroborate.extract.parse.combine import combine

            parsed = self.parser.extract(text, to_parse, doc=doc, gap_subjects=gap_subjects)
            self.parser.check(text, to_check)
            notes = tuple(self.parser.notes)
            unknown = self.parser.unknown
            # the parse checks every claim of the sentences it read, the rule engine's too
            # a rule reading the parse knows is of the wrong role ("supplied the fighters with
            # drones" as fighters sent) goes first: it must not crowd out the parse's own
            vetter = self.parser.vetter
            claims = [c for c in claims if not vetter.misread_furnishing(c)]
            claims = vetter.vet(combine(claims, parsed))
        claims = _drop_history(claims, text, spans, kb.grammar)
        claims = _drop_unnamed_twins(claims, spans)
        claims = name_unsent(
            drop_nameless(
                claims, actor_relations=kb.actor_relations, side_relations=kb.side_relations
            )
        )
        return Extraction(merge_claims(claims), framing, notes, unknown=unknown)

    def _look_ahead(
        self, text: str, span: tuple[int, int], doc: str, ctx: SentenceContext
    ) -> Ahead:
        """A later sentence's tokens and speaker frames, the context left as it is."""
        tokens = tokens_of(text, raw_words(text, *span), span[0])
        return tokens, self._analyse(tokens, replace(ctx, quote=None)).frames

    def _context_only(self, tokens: list[Token], ctx: SentenceContext) -> None:
        mentions = build_mentions(tokens, entity_matches(tokens, self.kb), set(), self.kb.grammar)
        self._update_context(mentions, [], ctx, tokens)

    def _analyse(self, tokens: list[Token], ctx: SentenceContext) -> _Analysis:
        """The sentence's cues, acts, mentions and speaker frames: what claims are made from,
        and all a look-ahead needs."""
        kb = self.kb
        columns = tuple(zip(*tokens, strict=True))  # texts, lowers, starts, ends in one pass
        texts, lowers = columns[0], columns[1]
        found_ents, found_trigs, cues = kb.sentence_layers.match(texts, lowers)
        if "may" in lowers:
            cues = months_out(cues, texts, kb.grammar)
        ents = entity_matches(tokens, kb, found_ents, lowers)
        trigs = [
            t
            for t in _one_sense_each(found_trigs)
            if not _auxiliary(tokens, t, kb.grammar)
            and not _unmet(tokens, t)
            and not noun_form(tokens, t, kb.grammar)
        ]
        trigger_tokens = {i for m in trigs for i in range(m.start, m.end)}
        cue_kinds_at: dict[int, set[str]] = {}
        for c in cues:
            for i in range(c.start, c.end):
                cue_kinds_at.setdefault(i, set()).update(c.kinds())
        mentions = build_mentions(tokens, ents, trigger_tokens, kb.grammar)
        nationals_as_recruits(tokens, mentions, trigs, kb.grammar)
        private_nationals(tokens, mentions, kb.grammar)
        context = (ctx.last_actor, ctx.last_coalition)
        mentions = institution_owned(
            mentions, tokens, context, kb.actor_types, kb.grammar, trigger_tokens
        )
        resolve_refs(
            mentions, tokens, ctx, kb.grammar.possessive_pronouns, kb.actor_types, kb.grammar
        )
        refs = ref_mentions(tokens, cues, mentions, ctx, kb.grammar, trigger_tokens)
        if refs:  # build_mentions returns them in order already
            mentions = sorted(mentions + refs, key=attrgetter("start"))
        frames = find_frames(tokens, cues, mentions, trigger_tokens, kb.grammar)
        if ctx.quote is not None:
            frames.insert(0, sentence_frame(ctx.quote, len(tokens)))
        return _Analysis(lowers, cues, trigs, trigger_tokens, cue_kinds_at, mentions, frames)

    def _sentence(
        self, text: str, tokens: list[Token], doc: str, ctx: SentenceContext
    ) -> list[Claim]:
        kb = self.kb
        a = self._analyse(tokens, ctx)
        lowers, cues, trigs, mentions, frames = a.lowers, a.cues, a.trigs, a.mentions, a.frames
        trigger_tokens, cue_kinds_at = a.trigger_tokens, a.cue_kinds_at
        named = mentions  # "the enemy" is no antecedent for later sentences' "it"
        if frames and not kb.grammar.enemy_words.isdisjoint(lowers):
            enemies = enemy_mentions(tokens, mentions, frames, kb, trigger_tokens)
            if enemies:
                mentions = sorted(mentions + enemies, key=attrgetter("start"))
        question = tokens[-1].text == "?"
        sentence_hedged = any(
            "hedges" in c.kinds() and not _of_a_figure(c, tokens, kb.grammar.approximators)
            for c in cues
        )
        out: list[Claim] = []
        # "the Aleppo Dispatch reported": a word of an outlet's name is no act
        in_outlet = {i for m in mentions if m.kind == "outlet" for i in range(m.start, m.end)}
        claimed: set[int] = set()  # mentions some trigger uses, by start token
        produced: set[int] = set()  # triggers that gave a core, by start token
        asked: list[Claim] = []  # a question's claims wait for their answer (answers.py)
        for trig in trigs:
            if (
                trig.start in cue_kinds_at
                and "say_verbs" in cue_kinds_at[trig.start]
                and not passive_not_speech(tokens, trig.start, mentions, kb.grammar)
            ):
                continue  # "posted a video" says; "troops were posted along" is presence
            if trig.start in in_outlet or planned_act(tokens, trig, trigs, kb.grammar):
                continue
            clause = _clause_bounds(tokens, trig.start, frames, kb.grammar)
            site = TriggerSite(kb, tokens, trig, mentions, clause, trigger_tokens, cue_kinds_at)
            for core in fill_roles(site):
                claimed.update(
                    m.start for m in (core.subject_mention, core.object_mention) if m is not None
                )
                if core.irrealis:
                    continue
                found = self._claims_for(core, text, tokens, doc, frames, ctx, sentence_hedged)
                if found:  # a core that yields no claim leaves the act to the rules below
                    produced.add(trig.start)
                (asked if question else out).extend(found)
        if not question:  # "drones from Israel had proved their worth": a supply no verb names
            unnamed = origin_cores(tokens, mentions, frames, claimed, kb)
            unnamed += footage_cores(tokens, trigs, mentions, frames, produced, kb)
            for core in unnamed:
                out.extend(self._claims_for(core, text, tokens, doc, frames, ctx, sentence_hedged))
        if ctx.asked and not question:
            out.extend(answer_claims(ctx.asked, tokens, frames, text, kb.grammar))
        ctx.asked = asked
        out = drop_agentless_duplicates(out)
        out.extend(self._back_denials(frames, out, ctx, tokens, text))
        if frames:
            out.extend(
                blame_claims(frames, mentions, out, ctx.previous_claims, tokens, text, kb.grammar)
            )
        self._update_context(named, out, ctx, tokens)
        voice = person_voice(tokens, frames, kb.grammar)
        if voice and voice[0] in kb.actor_types:  # not a voice the text leaves unnamed
            ctx.last_person = voice
        # a voice the text does not name ("Western officials") is no referent for "he" or "it"
        speakers = [
            c.speaker for c in out if c.speaker in kb.actor_types and c.polarity == "affirm"
        ]
        ctx.last_speaker = (speakers[0],) if speakers else ()
        ctx.last_voice = ctx.last_speaker or ctx.last_voice
        return out

    def _claims_for(
        self,
        core: Core,
        text: str,
        tokens: list[Token],
        doc: str,
        frames: list[Frame],
        ctx: SentenceContext,
        sentence_hedged: bool,
    ) -> list[Claim]:
        frame = innermost(frames, core.trigger.start)
        if core.presupposed and frame is not None and frame.kind == "deny":
            frame = None  # "denied links to the fighters battling for X": the author's given
        if core.anaphoric:
            return revoiced(core, frame, ctx.previous_claims, text, tokens)
        subjects: tuple[str | None, ...] = core.subjects
        from_context = False
        # "Yerevan denied that Syrian mercenaries were fighting for Baku": fighters with no
        # recruiter stay agentless; the denier is not their sender
        borrow = not (core.agentless and core.subject_mention is not None)
        buyer = frame_buyer(core, frame)
        if buyer is not None:
            subjects, core = buyer[0], replace(core, recipient=buyer[1])
        elif core.buyer_in_frame:
            return []  # "Get ... US Missile": an acquiring verb with no buyer anywhere
        elif not subjects and frame is not None and borrow:
            if frame.target is not None:
                subjects = frame.target.actors  # "accused Turkey of sending ..."
            elif frame.reciprocal:
                subjects = frame.speakers  # paired with the other speakers below
            elif frame.kind in ("deny", "back_deny_prev") and frame.speakers:
                subjects = frame.speakers  # "Turkey denied sending troops"
            elif frame.control and frame.speakers:
                subjects = frame.speakers  # "Armenia claimed to have downed four drones"
            from_context = True
        if core.subject_mention is not None and core.subject_mention.kind == "pronoun":
            if frame is not None and frame.speakers and not frame.owned:
                subjects = frame.speakers  # "Russia said it had not sent ..."
            else:
                subjects = core.subject_mention.actors
            from_context = True
        if not subjects and core.agentless and core.object_mention is not None:
            subjects = (None,)
        if not subjects:
            return []
        speakers = frame.speakers if frame is not None and frame.speakers else ("author",)
        polarity = frame.polarity if frame is not None else "affirm"
        if core.negated:
            polarity = "affirm" if polarity == "deny" else "deny"
        hedged = sentence_hedged or (frame is not None and frame.hedged)
        qty = None
        if core.object_mention is not None:
            m = core.object_mention
            qty = quantity_before(
                tokens,
                m.start,
                unit=unit_for(m.thing, m.thing_class),
                floor=max(0, m.start - 6),
                months=self.kb.grammar.months,
            )
        entry = core.trigger.first("trigger")
        act_words = [t.text for t in tokens[core.trigger.start : core.trigger.end]]
        if casualty_count(act_words, self.kb.grammar.casualty_verbs):
            qty = None
        if qty is None and entry is not None and entry.needs == "quantity":
            return []  # "Turkey has an army": a figure makes it a claim of force size
        evidence = evidence_span(text, tokens, core)
        relation = sized_force(
            core.relation,
            None if entry is None else entry.value,
            qty,
            core.recipient,
            kind=None if core.object_mention is None else core.object_mention.thing_class,
            at_border=core.object_mention is not None
            and at_a_border(
                [t.text for t in tokens[core.object_mention.end :]],
                self.kb.grammar.boundary_nouns,
            ),
        )
        claims: list[Claim] = []
        pairs = [(subject, speaker) for subject in subjects for speaker in speakers]
        if frame is not None and frame.reciprocal and from_context:
            # "Armenia and Azerbaijan accused each other of shelling": each accuses the other
            pairs = [(other, s) for s in frame.speakers for other in frame.speakers if other != s]
        for subject, speaker in pairs:
            recipient = core.recipient if core.recipient != subject else None
            if recipient is not None and _recruits_for_itself(self.kb, core, subject):
                recipient = None  # "IS drew recruits to Syria and Iraq": they join IS (3.7)
            if recipient is not None and self.kb.actor_types.get(recipient) in SPEAKER_ONLY_TYPES:
                recipient = None  # "... the assault the Observatory reported": a monitor's
                # name run into the clause before it, never a target or a beneficiary
            if frame is not None and frame.reciprocal and from_context:
                # "accused each other of violating the truce (over Karabakh)": each accuser
                # names itself the target, whatever place the clause mentions
                recipient = speaker
            claims.append(
                Claim(
                    doc=doc,
                    subject=subject,
                    relation=relation,
                    object=core.object,
                    recipient=recipient,
                    quantity=qty,
                    speaker=speaker,
                    polarity=polarity,
                    hedged=hedged,
                    evidence=evidence,
                    cameo=self.kb.cameo(relation),
                    confidence=0.6 if from_context else 0.8,
                )
            )
        return claims

    def _back_denials(
        self,
        frames: list[Frame],
        found: list[Claim],
        ctx: SentenceContext,
        tokens: list[Token],
        text: str,
    ) -> list[Claim]:
        out: list[Claim] = []
        for frame in frames:
            if frame.kind == "back_deny":
                lo, hi = (
                    tokens[frame.lo].start if frame.lo < len(tokens) else 0,
                    tokens[max(frame.hi - 1, 0)].end,
                )
                denied = [c for c in found if lo <= c.evidence.start < hi]
            elif frame.kind == "back_deny_prev":
                # "A said X; B denied it": "it" is the claim made earlier in this sentence,
                # else the previous sentence's claims ("Ankara denied it.")
                cue_at = tokens[frame.cue].start
                denied = [c for c in found if c.evidence.end <= cue_at]
                if not found:
                    denied = [c for c in ctx.previous_claims if c.speaker not in frame.speakers]
                    names_claim = any(
                        tokens[i].lower in self.kb.grammar.claim_words
                        for i in range(frame.cue, min(frame.hi, len(tokens)))
                    )
                    if names_claim and (not denied or all(c.polarity == "deny" for c in denied)):
                        denied = ctx.previous_attributed  # "denied the accusation"
            else:
                continue
            if any(
                tokens[i].lower in self.kb.grammar.accusation_nouns
                for i in range(frame.cue, min(frame.hi, len(tokens)))
            ):  # "Tehran rejected the accusation": the one made against Tehran
                denied = [c for c in denied if c.subject in frame.speakers] or denied
            for claim in denied:
                for speaker in frame.speakers:
                    if speaker == claim.speaker or claim.polarity == "deny":
                        continue
                    # the denier's own words decide hedging, not the accuser's "alleged"
                    out.append(
                        replace(
                            claim,
                            speaker=speaker,
                            polarity="deny",
                            hedged=frame.hedged,
                            mentions=[],
                        )
                    )
        return out

    def _update_context(
        self,
        mentions: list[Mention],
        claims: list[Claim],
        ctx: SentenceContext,
        tokens: list[Token],
    ) -> None:
        ctx.last_coalition = coalition_leader(mentions, tokens) or ctx.last_coalition
        listed = False
        for m in mentions:
            if m.person:
                ctx.last_person = m.actors[-1:]
            if m.kind in ("actor", "group_ref") and m.actors:
                if self.kb.actor_types.get(m.actors[-1]) not in SPEAKER_ONLY_TYPES:
                    ctx.last_actor = m.actors[-1:]
                if len(m.actors) >= 2:
                    ctx.last_list = m.actors
                    listed = True
        # "Serbia aired footage ..., while Kosovo claimed ...": a sentence whose unprepositioned
        # names are two states speaks of two sides, whom a later "both sides" means
        states = {
            m.actors[0]: None
            for m in mentions
            if m.kind == "actor"
            and m.prep is None
            and len(m.actors) == 1
            and self.kb.actor_types.get(m.actors[0]) == "state"
        }
        if not listed and len(states) == 2:
            ctx.last_list = tuple(states)
        subjects = [c.subject for c in claims if c.subject]
        if subjects:
            ctx.last_subject = (subjects[-1],)
        else:
            agents = [m for m in mentions if m.kind == "actor" and m.prep is None and m.actors]
            if agents:
                ctx.last_subject = agents[0].actors[:1]


# an act dated this many years before the latest year the text gives is its history, not news
_HISTORY_YEARS = 20
# the word after the number is looked at, not consumed: "in 1990 in 2023" holds two years
_YEAR = re.compile(
    r"\b([A-Za-z]+)\s+(?:the\s+)?(?:(?:early|late|mid)-?\s*)?((?:1[6-9]|20)\d\d)s?\b"
    r"(?=(?:\s+([a-z]+))?)"
)


def _drop_history(
    claims: list[Claim], text: str, spans: list[tuple[int, int]], g: Grammar
) -> list[Claim]:
    """Claims of sentences that date their act to a year long before the text's own time ("the
    last time German tanks moved east was in 1941", "by 1994 Armenian forces held the region"):
    background, not what the text reports. The text's time is the latest year it names other
    than as a deadline ("by 2030")."""
    dated = [
        (m.group(1).lower(), int(m.group(2)), m.start())
        for m in _YEAR.finditer(text)
        if m.group(3) is None or m.group(3) in g.year_followers  # else a count: "1800 troops"
    ]
    now = max((y for p, y, _ in dated if p not in g.deadline_preps), default=None)
    if now is None:
        return claims
    old = [at for p, y, at in dated if p in g.history_preps and y <= now - _HISTORY_YEARS]
    if not old:
        return claims
    past = [
        s
        for s in spans
        for at in old
        if s[0] <= at < s[1]
        and g.history_breaks.isdisjoint(re.findall(r"[a-z]+", text[s[0] : at].lower()))
    ]
    return [c for c in claims if not any(lo <= c.evidence.start < hi for lo, hi in past)]


def _drop_unnamed_twins(claims: list[Claim], spans: list[tuple[int, int]]) -> list[Claim]:
    """A claim with no actor beside one of the same sentence that names the actor of the same
    relation, object and polarity ("Lithuania announced a delivery of Stingers to Ukraine" read
    once with Lithuania as the supplier, once with no supplier in Lithuania's voice): the named
    reading is the claim."""

    def sentence(c: Claim) -> int:
        return next((k for k, (lo, hi) in enumerate(spans) if lo <= c.evidence.start < hi), -1)

    named = {
        (sentence(c), c.relation, (c.object or "").lower(), c.polarity)
        for c in claims
        if c.subject is not None
    }
    return [
        c
        for c in claims
        if c.subject is not None
        or (sentence(c), c.relation, (c.object or "").lower(), c.polarity) not in named
    ]


def _teasers(text: str, markers: frozenset[str]) -> list[tuple[int, int]]:
    """The paragraphs (lines) that open with a link to another article ("Read also: ...",
    "Other Topics of Interest ..."), as character spans."""
    out: list[tuple[int, int]] = []
    if not markers:
        return out
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        opening = line.lstrip().lower()
        if opening and any(opening.startswith(m) for m in markers):
            out.append((start, end))
        start = end + 1
    return out


def _recruits_for_itself(kb: KnowledgeBase, core: Core, subject: str | None) -> bool:
    """An armed group that recruits, hires or pays fighters recruits them into its own ranks:
    the side they fight for is the group, whatever places the clause names."""
    entry = core.trigger.first("trigger")
    return (
        core.relation == "foreign_fighters"
        and entry is not None
        and entry.value == "foreign_fighters"
        and subject is not None
        and kb.actor_types.get(subject) == "armed_group"
    )


def extract_claims(text: str, *, doc: str, kb: KnowledgeBase | None = None) -> list[Claim]:
    """Claims in one text, in the contract's shape via `Claim.to_contract()`."""
    return Extractor(kb).extract(text, doc=doc).claims


def _of_a_figure(cue: Any, tokens: list[Token], approximators: frozenset[str]) -> bool:
    """ "an estimated 100,000 troops": a word of estimate right before a figure qualifies the
    count (like "about"), not whether the act happened; it hedges nothing."""
    last, after = tokens[cue.end - 1], cue.end
    return last.lower in approximators and after < len(tokens) and tokens[after].text[:1].isdigit()
