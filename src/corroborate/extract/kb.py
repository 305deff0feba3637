"""The knowledge base: lexicons loaded from YAML once, compiled into phrase indexes.

A language is a folder of YAML files (data/lexicons/<lang>/); users add their own files with the
same keys, which extend the bundled ones. Nothing here is specific to one document or conflict.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from operator import itemgetter
from pathlib import Path
from typing import Any

import yaml

from corroborate.extract.tokens import tokenize

LEXICON_FILES = ("actors", "equipment", "relations", "cues", "framing")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase means. `kind` says which layer it belongs to; `value` is canonical."""

    kind: str
    value: str
    cls: str | None = None
    voice: str | None = None
    needs: str | None = None
    near: frozenset[str] = frozenset()  # the trigger acts only with one of these words after it
    unless: frozenset[str] = frozenset()  # ... and not with one of these right after it


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index
    end: int  # exclusive
    entries: tuple[Entry, ...]
    # the entries' kinds, computed once per indexed phrase rather than on every rule's question
    kind_set: frozenset[str] | None = field(default=None, compare=False, repr=False)

    def kinds(self) -> frozenset[str]:
        if self.kind_set is not None:
            return self.kind_set
        return frozenset(e.kind for e in self.entries)

    def first(self, *kinds: str) -> Entry | None:
        for e in self.entries:
            if e.kind in kinds:
                return e
        return None


def _key(phrase: str) -> tuple[tuple[str, ...], bool]:
    """Token key of a phrase; all-capital acronyms (US, IS, UN) match case-sensitively."""
    toks = tokenize(phrase)
    sensitive = phrase.isupper() and len(phrase.replace(".", "")) <= 5
    return tuple(t.text if sensitive else t.lower for t in toks), sensitive


# Phrases found under one first token: (lengths, longest first; {token tuple: (entries, kinds)}).
# The kinds are computed once here so that the rules' "is this a say verb?" costs no set build.
_Phrases = dict[tuple[str, ...], tuple[tuple[Entry, ...], frozenset[str]]]
_Spec = tuple[tuple[int, ...], _Phrases]


def _longest(spec: _Spec, words: tuple[str, ...], i: int, n: int) -> Match | None:
    lengths, bucket = spec
    for length in lengths:
        if length <= n - i:
            hit = bucket.get(words[i : i + length])
            if hit is not None:
                return Match(i, i + length, hit[0], hit[1])
    return None


class PhraseIndex:
    """Longest-match phrase lookup over token sequences, keyed on the first token.

    For each first token it keeps only the phrase lengths that exist, longest first, so a token
    that starts no phrase costs one dict lookup and one that does costs a lookup per length.
    """

    def __init__(self) -> None:
        self._lower: dict[str, _Spec] = {}
        self._exact: dict[str, _Spec] = {}

    def add(self, phrase: str, entry: Entry) -> None:
        key, sensitive = _key(phrase)
        if not key:
            return
        index = self._exact if sensitive else self._lower
        lengths, bucket = index.get(key[0], ((), {}))
        entries = bucket.get(key, ((), frozenset()))[0]
        if entry not in entries:
            entries = (*entries, entry)
            bucket[key] = (entries, frozenset(e.kind for e in entries))
        if len(key) not in lengths:
            lengths = tuple(sorted({*lengths, len(key)}, reverse=True))
        index[key[0]] = (lengths, bucket)

    def salient_tokens(
        self, function_words: frozenset[str], *, kinds: set[str] | None = None
    ) -> set[str]:
        """One content word per phrase ("Kremlin" for "the Kremlin", "force" for "a force of"):
        a sentence without any of them cannot contain the phrase. `kinds` limits the entries."""
        out: set[str] = set()
        for index in (self._lower, self._exact):
            for _first, (_lengths, bucket) in index.items():
                for key, (_entries, entry_kinds) in bucket.items():
                    if kinds is not None and entry_kinds.isdisjoint(kinds):
                        continue
                    content = [w for w in key if w.lower() not in function_words]
                    if content:  # a phrase of function words alone ("were in") cannot key it
                        out.add(content[0])
        return out

    def near_words(self, function_words: frozenset[str]) -> set[str]:
        """Words that triggers of function words alone require nearby ("has ... base"): each
        keys its trigger. A trigger with a content word ("turned on ... positions") is keyed
        by that word already, so its common near words ("troops") need not wake a sentence."""
        return {
            w
            for index in (self._lower, self._exact)
            for _lengths, bucket in index.values()
            for key, (entries, _kinds) in bucket.items()
            if all(k.lower() in function_words for k in key)
            for e in entries
            for w in e.near
        }

    def words_of(self, kind: str) -> frozenset[str]:
        """The one-word phrases of one kind, lower-cased: for lookups by a parser's tokens."""
        return frozenset(
            key[0].lower()
            for index in (self._lower, self._exact)
            for _lengths, bucket in index.values()
            for key, (_entries, kinds) in bucket.items()
            if len(key) == 1 and kind in kinds
        )

    def match(self, texts: Sequence[str], lowers: Sequence[str]) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        texts, lowers = tuple(texts), tuple(lowers)
        out: list[Match] = []
        i, n = 0, len(lowers)
        lower_get, exact_get = self._lower.get, self._exact.get
        while i < n:
            found = None
            if (spec := lower_get(lowers[i])) is not None:
                found = _longest(spec, lowers, i, n)
            if found is None and (spec := exact_get(texts[i])) is not None:
                found = _longest(spec, texts, i, n)
            if found is not None:
                out.append(found)
                i = found.end
            else:
                i += 1
        return out


# One layer's phrases under one first token, split by length so that a sentence word costs as
# few lookups as possible: (layer, the one-word phrase's (entries, kinds) or None, second word
# -> lengths >= 2 of phrases going on so (longest first), {token tuple: (entries, kinds)}).
_LayerSpec = tuple[
    int,
    tuple[tuple[Entry, ...], frozenset[str]] | None,
    dict[str, tuple[int, ...]],
    _Phrases,
]
# Match is frozen: its generated __init__ sets each field through object.__setattr__, which
# costs twice what the slots' own setters do, and a sentence has dozens of matches.
_new_object = object.__new__
_set_start, _set_end, _set_entries, _set_kinds = (
    Match.__dict__[name].__set__ for name in ("start", "end", "entries", "kind_set")
)


def _match(start: int, end: int, hit: tuple[tuple[Entry, ...], frozenset[str]]) -> Match:
    """Match(start, end, *hit), built without the frozen dataclass's __init__."""
    m: Match = _new_object(Match)
    _set_start(m, start)
    _set_end(m, end)
    _set_entries(m, hit[0])
    _set_kinds(m, hit[1])
    return m


class LayeredIndex:
    """Several phrase indexes (entities, triggers, cues) matched in one pass over a sentence.

    Each layer keeps its own non-overlapping longest matches, exactly as if matched alone, but a
    token that starts no phrase in any layer costs two dict lookups instead of two per layer,
    and a token that does is tried only in the layers that have such a phrase, and there only
    for the lengths of phrases whose second word is the next token ("the" starts dozens of
    phrases, but few go on with the word that follows it).
    Built from the indexes as they are: add phrases to them first.
    """

    def __init__(self, layers: Sequence[PhraseIndex]) -> None:
        self.size = len(layers)
        self._lower = self._merge([layer._lower for layer in layers])
        self._exact = self._merge([layer._exact for layer in layers])

    @staticmethod
    def _merge(indexes: list[dict[str, _Spec]]) -> dict[str, tuple[_LayerSpec, ...]]:
        """first token -> a _LayerSpec for each layer with a phrase starting so."""
        merged: dict[str, list[_LayerSpec]] = {}
        for k, index in enumerate(indexes):
            for first, (_lengths, bucket) in index.items():
                single = bucket.get((first,))
                by_second: dict[str, set[int]] = {}
                for key in bucket:
                    if len(key) >= 2:
                        by_second.setdefault(key[1], set()).add(len(key))
                longest_first = {w: tuple(sorted(ls, reverse=True)) for w, ls in by_second.items()}
                merged.setdefault(first, []).append((k, single, longest_first, bucket))
        return {first: tuple(specs) for first, specs in merged.items()}

    def match(self, texts: Sequence[str], lowers: Sequence[str]) -> list[list[Match]]:
        """Per layer, its non-overlapping longest matches, left to right; a layer tries the
        lower-case phrases at a token before the case-sensitive ones."""
        texts, lowers = tuple(texts), tuple(lowers)
        n = len(lowers)
        out: list[list[Match]] = [[] for _ in range(self.size)]
        free = [0] * self.size  # per layer, the first token its last match leaves free
        lower_get, exact_get = self._lower.get, self._exact.get
        # most tokens start no phrase: find the ones that do at C speed first
        starts = [
            (i, specs, words)
            for words, get in ((lowers, lower_get), (texts, exact_get))
            for i, specs in enumerate(map(get, words))
            if specs is not None
        ]
        # lower case first at each token: a layer that matched there has moved past it for
        # the exact pass (the sort is stable, and lower-case starts come first in the list)
        starts.sort(key=_first)
        for i, specs, words in starts:
            following = words[i + 1] if i + 1 < n else None
            for k, single, by_second, bucket in specs:
                if free[k] > i:
                    continue
                found = 0
                if following is not None and (lengths := by_second.get(following)):
                    for length in lengths:
                        if length <= n - i and (hit := bucket.get(words[i : i + length])):
                            out[k].append(_match(i, i + length, hit))
                            found = free[k] = i + length
                            break
                if not found and single is not None:
                    out[k].append(_match(i, i + 1, single))
                    free[k] = i + 1
        return out


_first = itemgetter(0)


GRAMMAR_SETS = (
    "prepositions", "determiners", "conjunctions", "measure_nouns", "be_verbs", "adverbs",
    "irregular_participles", "gerund_links", "noun_triggers", "noun_openers", "recipient_preps",
    "target_preps", "location_preps", "clause_breaks", "clause_openers", "contrast_openers",
    "relative_back", "hedged_say", "back_objects", "time_words", "conditionals", "quotes",
    "abbreviations", "speaker_modifiers", "tail_openers",
    "side_preps", "means_preps", "light_verbs", "call_verbs", "source_nouns", "claim_words",
    "possessive_pronouns", "auxiliaries", "pronouns", "months", "approximators", "subordinators",
    "particles", "title_preps",
    "evidence_nouns", "reciprocals",
    "articles", "appositive_marks", "relative_pronouns",
    "place_modifiers", "pair_words", "casualty_verbs",
    "hypothetical", "verb_links", "unlisted_owners", "title_words", "boundary_nouns",
    "part_nouns", "person_nouns", "contrast_only", "contrast_not", "enemy_words",
    "light_adjectives", "light_preps", "owner_institutions", "record_nouns", "private_nouns",
    "payroll_nouns", "relocation_verbs", "cargo_nouns", "causative_verbs",
    "thank_verbs", "operator_participles", "help_verbs", "footage_verbs", "vicinity_preps",
    "gerund_control", "permit_verbs", "bar_verbs", "scheme_nouns",
    "addressees", "act_claims", "private_persons", "accusation_nouns", "hedged_nouns",
    "voice_heads", "passing_words", "link_markers", "history_preps",
    "deadline_preps", "history_breaks", "verdict_modifiers", "year_followers",
)  # fmt: skip


class Grammar:
    """Closed-class word sets of a language (grammar.yaml), used by the positional rules.

    Each set in GRAMMAR_SETS is a plain attribute (looked up in hot loops), empty if unset.
    """

    def __init__(self, sets: dict[str, frozenset[str]] | None = None) -> None:
        self.sets: dict[str, frozenset[str]] = dict(sets or {})
        for name in GRAMMAR_SETS:
            setattr(self, name, self.sets.get(name, frozenset()))

    def __getattr__(self, name: str) -> frozenset[str]:  # only reached for unknown names
        raise AttributeError(f"grammar has no word set {name!r}")

    @property
    def function_words(self) -> frozenset[str]:
        """Words no search or prefilter should key on: determiners, prepositions, be, "and"..."""
        return (
            self.determiners
            | self.prepositions
            | self.be_verbs
            | self.conjunctions
            | self.auxiliaries
        )

    def merged(self, data: dict[str, Any]) -> Grammar:
        sets = dict(self.sets)
        for key, words in data.items():
            if key not in GRAMMAR_SETS:
                known = ", ".join(GRAMMAR_SETS)
                raise ValueError(f"grammar: unknown word set {key!r} (known: {known})")
            sets[key] = sets.get(key, frozenset()) | {str(w).lower() for w in words}
        return Grammar(sets)


@dataclass(slots=True)
class KnowledgeBase:
    """Phrase indexes per layer plus the tables the extractor consults."""

    entities: PhraseIndex = field(default_factory=PhraseIndex)
    triggers: PhraseIndex = field(default_factory=PhraseIndex)
    cues: PhraseIndex = field(default_factory=PhraseIndex)
    framing: PhraseIndex = field(default_factory=PhraseIndex)
    # entities, triggers and cues in one pass (built by load_kb once the phrases are in)
    sentence_layers: LayeredIndex = field(default_factory=lambda: LayeredIndex(()))
    framing_sides: dict[str, str] = field(default_factory=dict)
    frames: dict[str, dict[str, str]] = field(default_factory=dict)
    relations: dict[str, dict[str, Any]] = field(default_factory=dict)
    statement_cameo: dict[str, str] = field(default_factory=dict)
    actor_types: dict[str, str] = field(default_factory=dict)
    adversaries: dict[str, str] = field(default_factory=dict)  # "the enemy" in the actor's voice
    political_markers: frozenset[str] = frozenset()
    military_markers: frozenset[str] = frozenset()
    self_propelled: frozenset[str] = frozenset()
    actor_relations: frozenset[str] = frozenset()  # an actor's own acts: no claim without it
    side_relations: frozenset[str] = frozenset()  # without an actor, affirmed only with a side
    outlet_heads: frozenset[str] = frozenset()  # "Ledger", "Times": last word of an outlet name
    family_first: frozenset[str] = frozenset()  # actors whose people's family name comes first
    relevant: frozenset[str] = frozenset()  # first tokens of actors and refs: the prefilter
    active: frozenset[str] = frozenset()  # first tokens of triggers and frame cues
    framing_words: frozenset[str] = frozenset()  # a content word of each framing term
    grammar: Grammar = field(default_factory=Grammar)
    trigger_words: frozenset[str] = frozenset()  # a content word of each trigger: the parser's
    actor_words: frozenset[str] = frozenset()  # ... and of each actor's names: its prefilter
    parse: dict[str, Any] = field(default_factory=dict)  # parse.yaml: the parser stage's data
    fingerprint: str = ""  # hash of every lexicon file read: part of the extractor version

    def cameo(self, relation: str) -> str | None:
        code = self.relations.get(relation, {}).get("cameo")
        return None if code is None else str(code)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _add_actors(kb: KnowledgeBase, data: dict[str, Any]) -> None:
    for actor in data.get("actors", []) or []:
        name = str(actor["name"])
        kb.actor_types[name] = str(actor.get("type", "state"))
        if actor.get("adversary"):
            kb.adversaries[name] = str(actor["adversary"])
        kb.entities.add(name, Entry("actor", name))
        for alias in _as_list(actor.get("aliases")):
            kb.entities.add(alias, Entry("actor", name))
        for metonym in _as_list(actor.get("metonyms")):
            kb.entities.add(metonym, Entry("actor", name, cls="metonym"))
        for person in _as_list(actor.get("people")):
            kb.entities.add(person, Entry("actor", name, cls="person"))
        for demonym in _as_list(actor.get("demonyms")):
            low = demonym.lower()
            cls = "sponsor" if low.endswith(("-backed", "-led")) else None
            cls = "origin" if low.endswith(("-made", "-designed", "-built")) else cls
            kb.entities.add(demonym, Entry("demonym", name, cls=cls))
    # officials.yaml: actor -> the people whose statements speak for it
    for name, people in (data.get("officials") or {}).items():
        for person in _as_list(people):
            kb.entities.add(person, Entry("actor", str(name), cls="person"))
    kb.family_first = kb.family_first | set(_as_list(data.get("family_name_first")))
    for noun in _as_list(data.get("institutions")):
        kb.entities.add(noun, Entry("institution", noun))
    for noun in _as_list(data.get("collectives")):
        kb.entities.add(noun, Entry("collective", noun))
    for outlet in _as_list(data.get("outlets")):
        kb.entities.add(outlet, Entry("outlet", outlet))
    kb.outlet_heads = kb.outlet_heads | {h.lower() for h in _as_list(data.get("outlet_heads"))}


def _add_things(kb: KnowledgeBase, data: dict[str, Any]) -> None:
    for section in ("equipment", "forces", "logistics"):
        for item in data.get(section, []) or []:
            entry = Entry("thing", str(item["name"]), cls=str(item["class"]))
            kb.entities.add(str(item["name"]), entry)
            for alias in _as_list(item.get("aliases")):
                kb.entities.add(alias, entry)


def _add_relations(kb: KnowledgeBase, data: dict[str, Any]) -> None:
    kb.relations.update(data.get("relations", {}) or {})
    kb.statement_cameo.update({k: str(v) for k, v in (data.get("statement_cameo") or {}).items()})
    for frame, table in (data.get("frames") or {}).items():
        kb.frames.setdefault(frame, {}).update({str(k): str(v) for k, v in table.items()})
    for trig in data.get("triggers", []) or []:
        entry = Entry(
            "trigger",
            str(trig["relation"]),
            voice=trig.get("voice"),
            needs=trig.get("needs"),
            near=frozenset(w.lower() for w in _as_list(trig.get("near"))),
            unless=frozenset(w.lower() for w in _as_list(trig.get("unless"))),
        )
        for form in _as_list(trig.get("forms")):
            kb.triggers.add(form, entry)
    kb.political_markers = kb.political_markers | set(_as_list(data.get("political_markers")))
    kb.military_markers = kb.military_markers | set(_as_list(data.get("military_markers")))
    kb.self_propelled = kb.self_propelled | set(_as_list(data.get("self_propelled")))
    kb.actor_relations = kb.actor_relations | set(_as_list(data.get("actor_relations")))
    kb.side_relations = kb.side_relations | set(_as_list(data.get("side_relations")))


CUE_KINDS = (
    "say_verbs",
    "claim_nouns",
    "according_to",
    "accuse_verbs",
    "deny_verbs",
    "deny_predicates",
    "negations",
    "doubts",
    "refusals",
    "author_denials",
    "hedges",
    "irrealis",
    "perfect_markers",
    "vague_sources",
    "pronouns",
    "plural_refs",
    "definite_refs",
    "demonstratives",
)


def _add_cues(kb: KnowledgeBase, data: dict[str, Any]) -> None:
    for kind in CUE_KINDS:
        for phrase in _as_list(data.get(kind)):
            kb.cues.add(phrase, Entry(kind, phrase.lower()))


def _add_framing(kb: KnowledgeBase, data: dict[str, Any]) -> None:
    for item in data.get("framing", []) or []:
        term, side = str(item["term"]), str(item["side"])
        kb.framing.add(term, Entry("framing", term, cls=side))


def load_kb(folders: Iterable[Path]) -> KnowledgeBase:
    """Merge every YAML file in the folders; later folders extend earlier ones."""
    kb = KnowledgeBase()
    digest = hashlib.sha256()
    for folder in folders:
        if not folder.is_dir():
            raise ValueError(f"{folder}: lexicon folder not found")
        for path in sorted(folder.glob("*.yaml")):
            raw = path.read_text(encoding="utf-8")
            digest.update(raw.encode("utf-8"))
            try:
                data = yaml.safe_load(raw) or {}
            except yaml.YAMLError as exc:
                first = str(exc).splitlines()[0]
                raise ValueError(f"{path}: not valid YAML ({first})") from None
            if not isinstance(data, dict):
                raise ValueError(f"{path}: expected a YAML mapping at the top level")
            _add_actors(kb, data)
            _add_things(kb, data)
            _add_relations(kb, data)
            _add_cues(kb, data)
            _add_framing(kb, data)
            for key, value in (data.get("parse") or {}).items():
                kb.parse[key] = value
            if "grammar" in data:
                kb.grammar = kb.grammar.merged(data["grammar"] or {})
    # The prefilter keys on content words: "the ministry" or "in the combat zone" must not make
    # every sentence with "the" or "in" look relevant.
    g = kb.grammar
    function_words = g.function_words
    refs = {"pronouns", "plural_refs"}
    starters = {"say_verbs", "deny_verbs", "accuse_verbs", "according_to", "author_denials",
                "deny_predicates"}  # fmt: skip
    kb.relevant = frozenset(
        kb.entities.salient_tokens(function_words)
        | kb.cues.salient_tokens(function_words - g.pronouns, kinds=refs)
    )
    kb.framing_words = frozenset(kb.framing.salient_tokens(function_words))
    kb.active = frozenset(
        kb.triggers.salient_tokens(function_words)
        | kb.cues.salient_tokens(function_words, kinds=starters)
        | kb.triggers.near_words(function_words)  # "has ... base": the near word keys it
    )
    kb.actor_words = frozenset(
        kb.entities.salient_tokens(function_words, kinds={"actor", "demonym", "outlet"})
    )
    # the acts only the parser stage knows (parse.yaml) send their sentences to it too
    parse_words = {
        str(w).lower()
        for spec in kb.parse.get("lemma_triggers") or ()
        for w in (spec["lemma"], *(spec.get("forms") or ()))
    } | {str(w).lower() for w in kb.parse.get("provenance_forms") or ()}
    kb.active = kb.active | parse_words
    kb.trigger_words = frozenset(
        kb.triggers.salient_tokens(function_words)
        | kb.triggers.near_words(function_words)
        | parse_words
    )
    kb.sentence_layers = LayeredIndex((kb.entities, kb.triggers, kb.cues))
    kb.fingerprint = digest.hexdigest()[:10]
    return kb


def bundled_lexicons(language: str = "en") -> Path:
    return Path(str(files("corroborate") / "data" / "lexicons" / language))


@lru_cache(maxsize=8)
def default_kb(language: str = "en", extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The bundled lexicons for a language plus user folders; loaded once per process."""
    return load_kb([bundled_lexicons(language), *(Path(p) for p in extra)])
