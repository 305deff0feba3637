"""Stage 1, entities: what each token of a parsed sentence names.

The knowledge base's phrases (actors, equipment, triggers, cue words) are matched with the
project's own tokenizer and laid onto the parser's tokens by character offsets; named entities
the knowledge base does not know become open-world actors under their own name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corroborate.extract.kb import Entry, KnowledgeBase
from corroborate.extract.tokens import Token, tokenize


@dataclass(slots=True)
class Tagged:
    """One sentence: the parser's span and what the knowledge base and NER found in it."""

    sent: Any  # spacy.tokens.Span
    words: list[Token]  # the project's tokens of the sentence, document offsets
    names: dict[int, Entry] = field(default_factory=dict)  # token i -> actor/outlet/thing entry
    triggers: dict[int, Entry] = field(default_factory=dict)  # head token i -> trigger entry
    # head tokens of every trigger phrase, the rule engine's special readings included: where
    # the sentence's acts are, to check any reader's claim against the parse
    # and the relations each can make (a frame's through its objects' classes)
    cues: dict[int, frozenset[str]] = field(default_factory=dict)
    # people the document has tied to a state or body ("Foreign Minister X of Lebanon"), by full
    # name and surname: shared by the document's sentences, so a later "X said" speaks for it
    people: dict[str, tuple[str, str]] = field(default_factory=dict)
    # words on an unnamed voice that tell when or how many, not who ("recent reports")
    passing: frozenset[str] = frozenset()

    def acts_under(self, tok: Any) -> list[Any]:
        """The acts named as objects of the token's prepositions: "involved in the strike",
        "responsibility for the attack"."""
        return [
            p
            for c in tok.children
            if c.dep_ == "prep"
            for p in c.children
            if p.dep_ == "pobj" and p.i in self.cues
        ]

    def name(self, i: int, *kinds: str) -> Entry | None:
        entry = self.names.get(i)
        if entry is None or (kinds and entry.kind not in kinds):
            return None
        return entry


# Trigger voices the parse reads the same way as a plain trigger; the rule engine's special
# readings (hosting, exchanges of fire, ranks, departures ...) stay with the rule engine.
_PLAIN_VOICES = frozenset({"acquire", "arm", "move"})


def _usable(entry: Entry, lowers: list[str], end: int) -> bool:
    if entry.voice is not None and entry.voice not in _PLAIN_VOICES:
        return False
    if entry.near and not any(w in entry.near for w in lowers[end : end + 4]):
        return False
    if entry.unless and any(w in entry.unless for w in lowers[end : end + 2]):
        return False
    return entry.needs != "location"


_ARTICLES = frozenset({"the", "a", "an"})


def canonical_name(text: str, strip: frozenset[str]) -> str:
    """An unknown name as the text gives it, without articles, titles or a possessive."""
    words = text.replace("\u2019", "'").split()
    while words and words[0].lower().strip(".") in strip:
        words = words[1:]
    while words and words[-1].islower():
        words = words[:-1]  # "the Fletcher School of Law at": a span run on past the name
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return " ".join(words).strip(" ,.'\"")


def _relations(kb: KnowledgeBase, entries: Any) -> frozenset[str]:
    out: set[str] = set()
    for entry in entries:
        if entry.kind == "trigger":
            out.add(entry.value)
            out.update(kb.frames.get(entry.value, {}).values())
    return frozenset(out)


# How many parser tokens before a hyphen may make a name: "North Korean-made", "US-led".
_HYPHEN_NAME = 3


def _hyphen_parts(sent: Any, kb: KnowledgeBase, out: Tagged) -> None:
    """Makers the project's tokenizer keeps inside a hyphenated word ("Iranian-made",
    "US-supplied", "North Korean-built"), where the parser splits them off: the longest run of
    the words before the hyphen that the knowledge base names."""
    doc = sent.doc
    forms = frozenset(str(w).lower() for w in kb.parse.get("provenance_forms") or ())
    for tok in sent:
        if tok.text != "-" or tok.i == sent.start or tok.whitespace_ or tok.i + 1 >= sent.end:
            continue
        if doc[tok.i + 1].lower_ not in forms:
            continue  # "Yemen-based", "US-led": a place or a leader, no maker
        before = doc[tok.i - 1]
        if before.whitespace_ or before.i in out.names:
            continue
        for width in range(min(_HYPHEN_NAME, before.i - sent.start + 1), 0, -1):
            words = doc[before.i - width + 1 : before.i + 1]
            texts = [t.text for t in words]
            found = [m for m in kb.entities.match(texts, [w.lower() for w in texts])]
            whole = next((m for m in found if m.start == 0 and m.end == width), None)
            if whole is not None:
                for t in words:
                    out.names[t.i] = whole.entries[0]
                break


def _passive(tok: Any) -> bool:
    """A passive verb with no agent: "were captured", or a participle on its noun ("soldiers
    captured in"); "captured by Ukrainian forces" is the agent's act."""
    if any(c.dep_ == "agent" for c in tok.children):
        return False
    if any(c.dep_ == "auxpass" for c in tok.children):
        return True
    return tok.dep_ in ("acl", "relcl") and tok.tag_ == "VBN" and tok.head.i != tok.i


# The lemma triggers by the words that can select them (a spec's lemma and its forms), kept per
# list of specs: a token is checked only against the specs its lemma or form names, in order.
_LemmaIndex = dict[str, tuple[int, ...]]
_LEMMA_INDEXES: dict[int, tuple[list[Any], _LemmaIndex]] = {}


def _lemma_index(specs: list[Any]) -> tuple[list[Any], _LemmaIndex]:
    kept = _LEMMA_INDEXES.get(id(specs))
    if kept is not None and kept[0] is specs:
        return kept
    index: dict[str, list[int]] = {}
    for k, spec in enumerate(specs):
        for word in {spec["lemma"], *(spec.get("forms") or ())}:
            index.setdefault(word, []).append(k)
    kept = (specs, {word: tuple(ks) for word, ks in index.items()})
    _LEMMA_INDEXES[id(specs)] = kept  # the list is kept too: its id is never reused meanwhile
    return kept


def _specs_of(by_word: tuple[list[Any], _LemmaIndex], lemma: str, lower: str) -> list[Any]:
    """The lemma triggers a token's lemma or form selects, in the lexicon's order."""
    specs, index = by_word
    ks = index.get(lemma, ())
    more = index.get(lower, ()) if lower != lemma else ()
    if more:
        ks = tuple(sorted({*ks, *more}))
    return [specs[k] for k in ks]


def tag(sent: Any, kb: KnowledgeBase, people: dict[str, tuple[str, str]]) -> Tagged:
    doc = sent.doc
    words = tokenize(doc.text, sent.start_char, sent.end_char)
    out = Tagged(sent, words, people=people, passing=kb.grammar.passing_words)
    texts, lowers = [w.text for w in words], [w.lower for w in words]

    def span_of(start: int, end: int) -> Any:
        return doc.char_span(words[start].start, words[end - 1].end, alignment_mode="expand")

    for m in kb.entities.match(texts, lowers):
        span = span_of(m.start, m.end)
        if span is None:
            continue
        entry = m.entries[0]
        for tok in span:
            out.names[tok.i] = entry
    _hyphen_parts(sent, kb, out)
    for m in kb.triggers.match(texts, lowers):
        span = span_of(m.start, m.end)
        if span is None:
            continue
        root = span.root
        out.cues[root.i] = out.cues.get(root.i, frozenset()) | _relations(kb, m.entries)
        if root.dep_ in ("aux", "auxpass") or root.i in out.names:
            continue  # "had been sent": the auxiliary is no act; "Rapid Support Forces": a name
        for entry in m.entries:
            if entry.kind == "trigger" and _usable(entry, lowers, m.end):
                out.triggers[root.i] = entry
                break
    by_word = _lemma_index(kb.parse.get("lemma_triggers") or [])
    for tok in sent:
        lemma = tok.lemma_.lower()
        specs = _specs_of(by_word, lemma, tok.lower_)
        # a thing's name may be an act too ("military presence"); an actor's never is
        if not specs or out.name(tok.i, "actor", "demonym", "outlet") is not None:
            continue
        taken = tok.i in out.triggers
        for spec in specs:
            # a passive reading with no agent outranks the word's own trigger: "soldiers were
            # captured in X" places them there; "captured by Y" stays Y's act
            if taken and not (spec.get("passive") and _passive(tok)):
                continue
            # the small model leaves some forms unlemmatised ("withholding"): its forms count
            if lemma != spec["lemma"] and tok.lower_ not in (spec.get("forms") or ()):
                continue
            if tok.pos_ not in spec.get("pos", ("VERB", "NOUN")):
                continue
            preps = spec.get("with")
            if preps and not any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children):
                continue
            if spec.get("passive") and not _passive(tok):
                continue  # "soldiers were captured" (not "soldiers captured the town")
            relation = str(spec["relation"])
            # "involved in the strike": an act as the preposition's object names the relation
            act = spec.get("act_relation")
            if act and any(act in out.cues[p.i] for p in out.acts_under(tok)):
                relation = str(act)
            out.triggers[tok.i] = Entry(
                "trigger", relation, voice=spec.get("voice"), needs=spec.get("needs")
            )
            out.cues[tok.i] = _relations(kb, [out.triggers[tok.i]])
            break
    labels = frozenset(kb.parse.get("actor_labels", ()))
    strip = frozenset(str(w).lower() for w in kb.parse.get("name_strip", ()))
    heads = frozenset(str(w).lower() for w in kb.parse.get("non_actor_heads", ()))
    # a sentence parsed without the recogniser has no entities: its tokens are not walked for them
    for ent in sent.ents if doc.has_annotation("ENT_IOB") else ():
        if ent.label_ not in labels or out.name(ent.root.i) is not None:
            continue
        if any(out.name(t.i, "actor", "demonym", "outlet") is not None for t in ent):
            continue  # a name the knowledge base knows inside it (but "Nordic Arms Monitor")
        if ent.label_ == "NORP":
            continue  # a nationality the knowledge base lacks names no state we could name
        name = canonical_name(ent.text, strip)
        if ent.label_ != "PERSON" and " " not in name and name.lower() in heads:
            # titles come off a person's name ("Defense Minister X"), not off an office's
            # own ("Defense Department" is not "Department"): only its article goes
            name = canonical_name(ent.text, _ARTICLES)
        if not name or not name[:1].isupper():
            continue
        cls = {"PERSON": "open_person", "GPE": "open_place"}.get(ent.label_, "open")
        if name in people:
            cls = "open_person"  # "Vero said", read as a place or a body: a person named before
        entry = Entry("actor", name, cls=cls)
        for tok in ent:
            out.names[tok.i] = entry
    return out
