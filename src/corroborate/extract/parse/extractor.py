"""The parser stage over a document: prefilter, parse in batches, run the stages per sentence."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from corroborate.extract.claim import Claim, Span
from corroborate.extract.kb import KnowledgeBase
from corroborate.extract.parse.attribution import Memory, echo_denials, speaker_of, voice
from corroborate.extract.parse.claims import make_claims
from corroborate.extract.parse.entities import Tagged, tag
from corroborate.extract.parse.lexicon import ParseLexicon
from corroborate.extract.parse.nlp import pipeline
from corroborate.extract.parse.phrases import Named, conjuncts, named
from corroborate.extract.parse.provenance import provenance_claims
from corroborate.extract.parse.referents import Referents
from corroborate.extract.parse.roles import (
    SUPPLY_ACTS,
    governing_verb,
    noun_roles,
    strength_roles,
    verb_roles,
)
from corroborate.extract.parse.vet import Vetter
from corroborate.extract.tokens import raw_words, tokens_of

# A sentence longer than this is not parsed (a table or a run-on list, not prose): the parser's
# cost grows with it and no claim we could read survives such a span.
MAX_SENTENCE_CHARS = 1_500
# Typographic apostrophes read as plain ones: the small English pipeline parses
# "Hamas\u2019 attack" as a stray mark but "Hamas' attack" as a possessor. One character for one,
# so every offset into the text stays true.
# (a no-break space inside a name, "Mykola\u00a0Petrenko", is a plain space: one name, not two)
_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " "})
# Parses kept per process, by sentence text: a sentence repeated within a document or across
# copies of a wire story (boilerplate, a syndicated paragraph) is parsed once. A parse of a
# sentence takes a few kilobytes.
PARSE_CACHE = 2_048
_NER = ("ner",)


def unknown_note(names: tuple[str, ...]) -> str:
    """The note that lists a document's names the knowledge base lacks (never silent)."""
    return (
        "names not in the knowledge base, read as the text gives them: "
        + ", ".join(names)
        + " (a lexicon file can give them aliases, a type and a state)"
    )


class ParseExtractor:
    """Claims from the dependency parse of the sentences that can hold one."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.lex = ParseLexicon.of(kb)
        self.parsed = 0  # sentences parsed, for the benchmark's share
        self.skipped_long = 0
        self.notes: list[str] = []  # the last document's: what was not parsed and why
        self._unknown: set[str] = set()  # the last document's names the knowledge base lacks
        self.vetter = Vetter(self.lex)  # the last document's parsed sentences, to check claims
        self._parses: OrderedDict[str, Any] = OrderedDict()
        # months stay the recogniser's even where they are function words ("in May"): it reads
        # them as dates, which keeps them from being taken for a name (_unknown_capitals)
        self._dates = kb.grammar.months

    @property
    def nlp(self) -> Any:
        return pipeline(self.lex.pipeline)

    def extract(
        self,
        text: str,
        spans: list[tuple[int, int]],
        *,
        doc: str,
        gap_subjects: Mapping[int, tuple[str, ...]] | None = None,
    ) -> list[Claim]:
        """Claims of the sentences at `spans` (the prefilter's choice), in document order.
        `gap_subjects` holds, for a span after sentences the parser did not read, the actor
        the rule stage saw there last as a subject: "it" is theirs ("Russia chairs the group.
        It keeps a base ..."), not the last one the parser saw."""
        chunks: list[tuple[int, str]] = []
        gaps = gap_subjects or {}
        hints: dict[int, str] = {}  # by chunk start
        self.notes = []
        for s0, s1 in spans:
            if s1 - s0 > MAX_SENTENCE_CHARS:
                self.skipped_long += 1
                self.notes.append(
                    f"characters {s0}-{s1}: a sentence over {MAX_SENTENCE_CHARS} characters "
                    "(a table or a run-on list?) was not parsed; the rule stage read it"
                )
                continue
            chunks.append(_chunk(text, s0, s1))
            if gaps.get(s0):
                hints[chunks[-1][0]] = gaps[s0][0]
        memory = Memory(referents=Referents.of(text, self.kb, self.lex.army_words))
        self.vetter = Vetter(self.lex)
        # people the text ties to a body anywhere, the sentences the parser skips included
        people: dict[str, tuple[str, str]] = dict(memory.referents.people)
        self._unknown = set()
        claims: list[Claim] = []
        # each sentence is parsed alone (the prefilter chose it), offsets mapped back after
        for (s0, _), parsed in zip(chunks, self._parse(c for _, c in chunks), strict=True):
            memory.offset = s0
            if s0 in hints:
                memory.actor = Named(hints[s0], "actor", -1)
            for sent in parsed.sents:
                tagged = tag(sent, self.kb, people)
                self.vetter.add(s0, tagged)
                claims.extend(self._sentence(tagged, text, s0, doc, memory))
        if self._unknown:
            self.notes.append(unknown_note(self.unknown))
        return claims

    def check(self, text: str, spans: list[tuple[int, int]]) -> None:
        """Parse the sentences at `spans` only for the vet (call after `extract`): sentences
        the prefilter left unparsed where the rule engine still read a claim ("They were
        attending a football training": an actor only from context)."""
        people: dict[str, tuple[str, str]] = {}
        chunks = [_chunk(text, s0, s1) for s0, s1 in spans if s1 - s0 <= MAX_SENTENCE_CHARS]
        for (s0, _), parsed in zip(chunks, self._parse(c for _, c in chunks), strict=True):
            for sent in parsed.sents:
                self.vetter.add(s0, tag(sent, self.kb, people))

    def _unknown_capitals(self, text: str) -> bool:
        """Whether the sentence has a capitalised word the knowledge base does not name that
        could be a name: no function word ("The", "We", after a quote mark too; a month such as
        "May" still counts), no hyphenated word whose first part the knowledge base names
        ("Russian-brokered", "US-led"). Only then can the recogniser add a name the knowledge
        base lacks (or read a month or a day as a date)."""
        tokens = tokens_of(text, raw_words(text))
        if not tokens:
            return False
        match = self.kb.entities.match
        known = {
            i for m in match([t.text for t in tokens], [t.lower for t in tokens])
            for i in range(m.start, m.end)
        }  # fmt: skip
        stop = self.nlp.Defaults.stop_words
        for i, t in enumerate(tokens):
            if not t.text[:1].isupper() or i in known:
                continue
            if t.lower in stop and t.lower not in self._dates:
                continue
            head = t.text.split("-", 1)[0]
            if head != t.text and match([head], [head.lower()]):
                continue
            return True
        return False

    def _parse(self, texts: Iterator[str]) -> list[Any]:
        """The parse of each text, from the cache or (in one batch) from the pipeline."""
        wanted = list(texts)
        cache = self._parses
        new = [t for t in dict.fromkeys(wanted) if t not in cache]
        # the recogniser only finds capitalised names: where every one is the knowledge
        # base's, it has nothing to add (a third of the sentences; the costliest component)
        unknown = {t: self._unknown_capitals(t) for t in new}
        named = [t for t in new if unknown[t]]
        known = [t for t in new if not unknown[t]]
        for t, parsed in zip(named, self.nlp.pipe(named), strict=True):
            cache[t] = parsed
        for t, parsed in zip(known, self.nlp.pipe(known, disable=_NER), strict=True):
            cache[t] = parsed
        self.parsed += len(new)
        out = []
        for t in wanted:
            cache.move_to_end(t)
            out.append(cache[t])
        while len(cache) > max(PARSE_CACHE, len(wanted)):
            cache.popitem(last=False)
        return out

    @property
    def unknown(self) -> tuple[str, ...]:
        """The last document's names the knowledge base lacks, read as actors or voices."""
        return tuple(sorted(self._unknown))

    def _sentence(
        self, tagged: Tagged, text: str, offset: int, doc: str, memory: Memory
    ) -> list[Claim]:
        kb, lex = self.kb, self.lex
        out: list[Claim] = []
        for i, entry in tagged.triggers.items():
            trigger = tagged.sent.doc[i]
            if (
                _purpose_of_an_act(tagged, trigger, lex)
                or _moved_by_an_act(tagged, trigger)
                or _merely_possible(trigger, lex)
                or _in_a_name(tagged, trigger)
            ):
                continue
            v = voice(tagged, trigger, lex, memory)
            if v is None:
                continue
            if entry.voice == "withhold":  # a supply said to be held back: its denial
                v = replace(v, polarity="affirm" if v.polarity == "deny" else "deny")
            # a verb the tagger calls a noun ("is withholding tanks") still has its clause; a
            # gerund it hangs on its object ("of withholding weapons") still acts on it
            verbal = any(c.dep_ in ("nsubj", "dobj", "aux") for c in trigger.children) or (
                trigger.dep_ in ("amod", "compound") and trigger.lower_.endswith("ing")
            )
            if entry.value == "force_size" and trigger.pos_ == "ADJ":
                roles = strength_roles(tagged, trigger, lex, memory)  # "a 5,000-strong army"
            elif trigger.pos_ in ("NOUN", "PROPN") and not verbal:
                roles = noun_roles(tagged, trigger, lex, memory, entry=entry, accused=v.accused)
            else:
                roles = verb_roles(tagged, trigger, entry, lex, memory, v.accused)
            made = make_claims(
                kb=kb,
                lex=lex,
                tagged=tagged,
                doc_id=doc,
                trigger=trigger,
                entry=entry,
                roles=roles,
                voice=v,
            )
            if made:  # names the knowledge base lacks, read as actors or voices: say so
                for got in (*roles.agents, roles.recipient, v.speaker):
                    if got is not None and got.kind in ("open", "name", "person", "place"):
                        self._unknown.add(got.value)
            out.extend(made)
            out.extend(_co_speakers(tagged, made, v, lex, memory))
        out.extend(provenance_claims(kb=kb, lex=lex, tagged=tagged, doc_id=doc, memory=memory))
        out.extend(echo_denials(tagged, out, lex, memory))
        self._remember(tagged, memory)
        return [_shift(c, offset, text) for c in out]

    def _remember(self, tagged: Tagged, memory: Memory) -> None:
        """The sentence's first actor subject (for "it"), and its voice: the subject of a
        verb of speech, or a person who is the subject of anything (for "he", "she" and "the
        spokesperson"): "Lynch, head of the group, studied the flights. He concluded ..."."""
        actor_seen = False
        for tok in tagged.sent:
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            got: Named | None = named(tagged, tok, self.lex.generic_heads)
            if got is None:
                continue
            got = replace(got, token=-1)  # remembered: no token in a later sentence
            entry = tagged.names.get(tok.i)
            person = entry is not None and entry.cls in ("person", "open_person")
            # a person the text ties to no state or body does not displace one who is
            tied = got.kind != "person" or memory.speaker is None
            if (person and tied) or (
                got.kind in ("actor", "demonym", "open")
                and tok.head.lemma_.lower() in self.lex.speech_lemmas
            ):
                memory.speaker = got
                memory.speaker_at = memory.offset + tok.idx
            if got.kind in ("actor", "demonym", "open") and not actor_seen:
                memory.actor = got
                actor_seen = True


def _chunk(text: str, s0: int, s1: int) -> tuple[int, str]:
    """A sentence's start and its text as parsed and cached: stripped, so the same sentence is
    one cache entry wherever it stands, with typographic apostrophes made plain."""
    raw = text[s0:s1]
    return s0 + len(raw) - len(raw.lstrip()), raw.strip().translate(_PLAIN)


def _purpose_of_an_act(tagged: Tagged, trigger: Any, lex: ParseLexicon) -> bool:
    """ "sent fighters to support Azerbaijan": the support is what the sending is for (its
    beneficiary, read by the roles stage), not a second act; "recruited fighters to fight in
    Libya", "sent them to fight": the object does the act of the purpose clause, not the
    subject; so does a passive's subject ("fighters were sent by X to fight")."""
    head = trigger.head
    if trigger.dep_ not in ("advcl", "xcomp") or head.i not in tagged.triggers:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    controlled = any(c.dep_ in ("dobj", "nsubjpass") for c in head.children)
    return controlled or trigger.lemma_.lower() in lex.purpose_lemmas


def _moved_by_an_act(tagged: Tagged, trigger: Any) -> bool:
    """ "provided military aid to Y", "has not provided lethal support", "committed $2 billion
    in military aid": a nominal supply that is what a verb of supply moves is that verb's
    object, read (with its negation and recipient) by the verb, not a second act."""
    if trigger.pos_ not in ("NOUN", "PROPN") or tagged.triggers[trigger.i].value not in SUPPLY_ACTS:
        return False
    verb = governing_verb(trigger)
    act = None if verb is None else tagged.triggers.get(verb.i)
    return act is not None and act.value in SUPPLY_ACTS


def _merely_possible(trigger: Any, lex: ParseLexicon) -> bool:
    """ "the potential sale, supply or transfer of drones", "a possible delivery": a nominal
    act named only as a possibility is a forecast, not a claim (the contract's "not claims")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    node = trigger
    while node.dep_ == "conj" and node.head.i != node.i:  # "sale, supply or transfer"
        node = node.head
    return any(
        c.dep_ == "amod" and c.lower_ in lex.possibility_words
        for t in (trigger, node)
        for c in t.children
    )


def _in_a_name(tagged: Tagged, trigger: Any) -> bool:
    """ "Carrier Strike Group 2", "Operation Desert Strike", a headline in title case ("Moscow
    Warns Against New US Missile Strikes"): a capitalised word the tagger reads as part of a
    name, inside the sentence, is no act the parse can give roles to."""
    start: int = tagged.sent.start
    return bool(trigger.pos_ == "PROPN" and trigger.text[:1].isupper() and trigger.i != start)


def _co_speakers(
    tagged: Tagged, made: list[Claim], v: Any, lex: ParseLexicon, memory: Memory
) -> list[Claim]:
    """ "The US and the EU have accused China of ...": each coordinated voice says it."""
    if not made or v.speaker is None or v.speaker.token < 0:
        return []
    tok = tagged.sent.doc[v.speaker.token]
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # the first of the voices, whichever the parse named
    voices = [v.speaker.value] + [
        got.value
        for other in conjuncts(tok)
        if other.i != v.speaker.token
        and (got := speaker_of(tagged, other, lex, memory)) is not None
        and got.kind in ("actor", "demonym", "outlet")
    ]
    # "Hamas and the Houthis declared solidarity with X": each says it of itself only
    return [
        replace(c, speaker=value)
        for value in dict.fromkeys(voices)
        if value != v.speaker.value
        for c in made
        if c.subject not in voices
    ]


def _shift(claim: Claim, offset: int, text: str) -> Claim:
    ev = claim.evidence
    start, end = ev.start + offset, ev.end + offset
    claim.evidence = Span(start, end, text[start:end])
    return claim
