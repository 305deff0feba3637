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


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index
    end: int  # exclusive
    entries: tuple[Entry, ...]

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

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


class PhraseIndex:
    """Longest-match phrase lookup over token sequences, keyed on the first token."""

    def __init__(self) -> None:
        self._by_first: dict[str, dict[tuple[str, ...], list[Entry]]] = {}
        self._sensitive: set[tuple[str, ...]] = set()
        self.max_len = 1

    def add(self, phrase: str, entry: Entry) -> None:
        key, sensitive = _key(phrase)
        if not key:
            return
        bucket = self._by_first.setdefault(key[0], {})
        entries = bucket.setdefault(key, [])
        if entry not in entries:
            entries.append(entry)
        if sensitive:
            self._sensitive.add(key)
        self.max_len = max(self.max_len, len(key))

    def first_tokens(self) -> set[str]:
        return set(self._by_first)

    def match(self, texts: Sequence[str], lowers: Sequence[str]) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        out: list[Match] = []
        i, n = 0, len(lowers)
        while i < n:
            found = None
            for first in (lowers[i], texts[i]):
                bucket = self._by_first.get(first)
                if not bucket:
                    continue
                for length in range(min(self.max_len, n - i), 0, -1):
                    key_l = tuple(lowers[i : i + length])
                    key_t = tuple(texts[i : i + length])
                    if key_l in bucket and key_l not in self._sensitive:
                        found = Match(i, i + length, tuple(bucket[key_l]))
                    elif key_t in bucket and key_t in self._sensitive:
                        found = Match(i, i + length, tuple(bucket[key_t]))
                    if found:
                        break
                if found:
                    break
            if found:
                out.append(found)
                i = found.end
            else:
                i += 1
        return out


GRAMMAR_SETS = (
    "prepositions", "determiners", "conjunctions", "measure_nouns", "be_verbs", "adverbs",
    "irregular_participles", "gerund_links", "noun_triggers", "noun_openers", "recipient_preps",
    "target_preps", "location_preps", "clause_breaks", "clause_openers", "contrast_openers",
    "relative_back", "hedged_say", "back_objects", "time_words", "conditionals", "quotes",
    "abbreviations", "speaker_modifiers", "tail_openers",
    "side_preps", "means_preps", "light_verbs", "call_verbs", "source_nouns", "claim_words",
    "possessive_pronouns",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Grammar:
    """Closed-class word sets of a language (grammar.yaml), used by the positional rules."""

    sets: dict[str, frozenset[str]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> frozenset[str]:
        if name in GRAMMAR_SETS:
            return self.sets.get(name, frozenset())
        raise AttributeError(name)

    def merged(self, data: dict[str, Any]) -> Grammar:
        sets = dict(self.sets)
        for key, words in data.items():
            if key not in GRAMMAR_SETS:
                raise ValueError(
                    f"grammar: unknown word set {key!r} (known: {', '.join(GRAMMAR_SETS)})"
                )
            sets[key] = sets.get(key, frozenset()) | {str(w).lower() for w in words}
        return Grammar(sets)


@dataclass(slots=True)
class KnowledgeBase:
    """Phrase indexes per layer plus the tables the extractor consults."""

    entities: PhraseIndex = field(default_factory=PhraseIndex)
    triggers: PhraseIndex = field(default_factory=PhraseIndex)
    cues: PhraseIndex = field(default_factory=PhraseIndex)
    framing: PhraseIndex = field(default_factory=PhraseIndex)
    framing_sides: dict[str, str] = field(default_factory=dict)
    frames: dict[str, dict[str, str]] = field(default_factory=dict)
    relations: dict[str, dict[str, Any]] = field(default_factory=dict)
    statement_cameo: dict[str, str] = field(default_factory=dict)
    actor_types: dict[str, str] = field(default_factory=dict)
    political_markers: frozenset[str] = frozenset()
    military_markers: frozenset[str] = frozenset()
    outlet_heads: frozenset[str] = frozenset()  # "Ledger", "Times": last word of an outlet name
    relevant: frozenset[str] = frozenset()  # first tokens of actors and refs: the prefilter
    grammar: Grammar = field(default_factory=Grammar)
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
            "trigger", str(trig["relation"]), voice=trig.get("voice"), needs=trig.get("needs")
        )
        for form in _as_list(trig.get("forms")):
            kb.triggers.add(form, entry)
    kb.political_markers = kb.political_markers | set(_as_list(data.get("political_markers")))
    kb.military_markers = kb.military_markers | set(_as_list(data.get("military_markers")))


CUE_KINDS = (
    "say_verbs",
    "claim_nouns",
    "according_to",
    "accuse_verbs",
    "deny_verbs",
    "deny_predicates",
    "negations",
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
            if "grammar" in data:
                kb.grammar = kb.grammar.merged(data["grammar"] or {})
    refs = {"pronouns", "plural_refs", "definite_refs"}
    cue_firsts = {
        first
        for first, bucket in kb.cues._by_first.items()
        if any(e.kind in refs for entries in bucket.values() for e in entries)
    }
    kb.relevant = frozenset(kb.entities.first_tokens() | cue_firsts | kb.outlet_heads)
    kb.fingerprint = digest.hexdigest()[:10]
    return kb


def bundled_lexicons(language: str = "en") -> Path:
    return Path(str(files("corroborate") / "data" / "lexicons" / language))


@lru_cache(maxsize=8)
def default_kb(language: str = "en", extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The bundled lexicons for a language plus user folders; loaded once per process."""
    return load_kb([bundled_lexicons(language), *(Path(p) for p in extra)])
