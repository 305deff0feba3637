"""A language pack: the folder data/lexicons/<lang>/ read into word sets and phrase indexes.

A language is supported when its folder has a `pack.yaml` (morphology, word order and case
roles); `world.yaml` (generated state names), `actors.yaml` (officials, outlets, armed groups,
demonyms in native spellings), `cues.yaml` (speech, denial, hedges, "according to"),
`relations.yaml` (trigger lemmas and object words) and `framing.yaml` are its data. No code
names a language: a new folder is a new language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from corroborate.extract.lexical.morph import Analyzer, analyzer
from corroborate.extract.lexical.text import Tok, words


def lexicon_root() -> Path:
    return Path(str(files("corroborate") / "data" / "lexicons"))


@lru_cache(maxsize=1)
def available_languages() -> frozenset[str]:
    """The languages with a lexical pack (a pack.yaml in their lexicon folder)."""
    return frozenset(p.parent.name for p in lexicon_root().glob("*/pack.yaml"))


@lru_cache(maxsize=1)
def packs_fingerprint() -> str:
    """A digest of every pack's files: a changed word re-extracts the ledger."""
    import hashlib

    h = hashlib.sha256()
    for lang in sorted(available_languages()):
        for path in sorted((lexicon_root() / lang).glob("*.yaml")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:10]


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # canonical English name
    type: str  # state, outlet, group, collective, demonym, source


@dataclass(slots=True)
class Phrases:
    """Phrases as token keys; a token matches a key by its lowercase form or its lemma."""

    prefixes: tuple[str, ...] = ()  # clitics a first word may carry (the Arabic "and", "to")
    cased: bool = False  # a capitalised phrase matches only a capitalised word (names)
    lemmas: bool = True  # a word may match by its lemma ("Suriyeli" -> suriye: not for names)
    # a clitic that swallowed the article gives it back ("للجيش" -> "الجيش": lil- = li- + al-)
    restore: tuple[tuple[str, str], ...] = ()
    _by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=dict)

    def add(self, keys: tuple[str, ...], payload: Any, *, proper: bool = False) -> None:
        if keys:
            self._by_first.setdefault(keys[0], []).append((keys, (payload, proper)))

    def _candidates(self, tok: Tok) -> list[tuple[tuple[str, ...], Any, str | None]]:
        by_first = self._by_first
        out: list[tuple[tuple[str, ...], Any, str | None]] = []
        seen: set[str] = set()
        for key, pre in _first_keys(tok.lower, tok.lemma, self.lemmas, self.prefixes, self.restore):
            if key in seen or key not in by_first:
                continue
            seen.add(key)
            out.extend((k, p, pre) for k, p in by_first[key])
        return out

    def _fits(self, tok: Tok, key: str) -> bool:
        return key == tok.lower or (self.lemmas and key == tok.lemma)

    def find(self, toks: list[Tok]) -> list[tuple[int, int, Any, str | None]]:
        """Longest non-overlapping matches: (start, end, payload, clitic prefix or None)."""
        out: list[tuple[int, int, Any, str | None]] = []
        i = 0
        while i < len(toks):
            best: tuple[int, Any, str | None] | None = None
            for keys, (payload, proper), pre in self._candidates(toks[i]):
                n = len(keys)
                if proper and self.cased and toks[i].text[:1].islower():
                    continue  # "того" (of that) is not Togo
                if i + n > len(toks) or (best is not None and n <= best[0]):
                    continue
                if all(self._fits(toks[i + j], k) for j, k in enumerate(keys[1:], 1)):
                    best = (n, payload, pre)
            if best is None:
                i += 1
                continue
            out.append((i, i + best[0], best[1], best[2]))
            i += best[0]
        return out


@lru_cache(maxsize=300_000)
def _first_keys(
    lower: str,
    lemma: str,
    lemmas: bool,
    prefixes: tuple[str, ...],
    restore: tuple[tuple[str, str], ...] = (),
) -> tuple[tuple[str, str | None], ...]:
    """The keys a word may open a phrase with: its form, its lemma, its form less a clitic."""
    keys: list[tuple[str, str | None]] = [(lower, None)]
    if lemmas and lemma != lower:
        keys.append((lemma, None))
    for pre in prefixes:
        if lower.startswith(pre) and len(lower) > len(pre) + 2:
            keys.append((lower[len(pre) :], pre))
    for pre, article in restore:
        if lower.startswith(pre) and len(lower) > len(pre) + 2:
            keys.append((article + lower[len(pre) :], pre))
    return tuple(keys)


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def _set(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


@dataclass
class Pack:
    language: str
    morph: Analyzer
    order: str  # "case" (subject by nominative) or "svo" (subject before the trigger)
    subject_cases: frozenset[str]
    recipient_cases: frozenset[str]
    recipient_suffixes: frozenset[str]
    # case endings on the head noun after a name ("rejim güçlerine": to the regime's forces)
    head_recipient_endings: tuple[str, ...]
    # the same before a name ("لميليشيات الحوثي": to the Houthi militias, an Arabic construct)
    head_recipient_prefixes: tuple[str, ...]
    # the accusative, on the name or its head noun ("rejim askerini"): what is acted on
    object_suffixes: frozenset[str]
    head_object_endings: tuple[str, ...]
    recipient_prefixes: tuple[str, ...]
    recipient_words: frozenset[str]
    source_words: frozenset[str]
    place_words: frozenset[str]
    place_suffixes: frozenset[str]
    speaker_first: bool
    subject_reach: int  # how far before its trigger a bare name may be the actor (0: any)
    # how far after its speech verb a voice may stand, titles between ("قال المتحدث باسم X")
    inverted_reach: int
    title_cases: frozenset[str]  # the case of a title's owner after a speech verb
    # the case of the agent after a passive participle ("поставленные Германией": instrumental)
    agent_cases: frozenset[str]
    voice_until_that: bool  # verb first: the voice is any name between the verb and "that"
    agent_after: bool  # a name right after a trigger with no actor before is its agent
    speech_participles: tuple[str, ...]  # endings of a speech participle naming who follows
    person_names: str | None  # "capitalized" or "morphology": open-world people as voices
    transliteration: dict[str, str]  # letters (and pairs) to Latin, for people's names
    quotes_keep_voice: bool  # a quotation after "X said" stays X's until it closes
    # "the attack..., X says": a voice named after the act acts only in its own quotation
    inverted_voice_quoted: bool
    support_needs_side: bool  # backing affirmed of nobody named is no claim
    apostrophe_suffixes: bool
    determiners: frozenset[str]
    complementizers: frozenset[str]
    voice_places: frozenset[str]  # "in X" as who speaks: "в Кремле заявили" (Kremlin said)
    comitative_words: frozenset[str]  # "with" before a name ("con la Russia", "مع روسيا")
    comitative_after: frozenset[str]  # "with" after it ("Rusya ile")
    recipient_after: frozenset[str]  # "for" after the name it governs ("Suriye için")
    according_after: frozenset[str]  # "according to" after its source ("Reuters'a göre")
    subject_pronouns: frozenset[str]  # "that it supplies": the voice acts in its own clause
    conjunctions: frozenset[str]  # "and" between two names: both act
    conjunction_prefixes: frozenset[str]  # the same as a clitic (the Arabic wa-)
    lemmatize_data: bool
    source_suffixes: frozenset[str]
    subject_suffixes: frozenset[str]
    negation: frozenset[str]
    negative_infixes: tuple[str, ...]  # a verb's own negation after its stem ("gönder-mi-yor")
    hedge_moods: frozenset[str]
    hedge_endings: tuple[str, ...]
    actors: Phrases
    institutions: Phrases  # "ministry", "army": with a demonym, the state itself
    outlet_words: Phrases  # "journal", "newspaper": an outlet's Latin name follows
    object_recipient: Phrases  # verbs whose object is who gets it ("supply X with arms")
    bound_triggers: Phrases  # nouns ("forces") that claim only with their owner right after
    # nouns of fighters ("mercenaries", "volunteers") that claim with no sender named: the
    # fighters are there though nobody is said to send them (not a verb of recruiting)
    unsent_fighters: Phrases
    demonym_after_institution: bool  # "وزارة الخارجية السورية", "governo italiano"
    demonyms: Phrases  # matched by lemma too where the pack says so ("occidentali" -> occidentale)
    speech: Phrases
    according: Phrases
    deny: Phrases
    retro: Phrases  # a sentence opening "it was said by": its voice said the sentence before
    concessive: Phrases  # "although", "etse de": a denial there is one voice among two
    hedges: Phrases
    epithets: Phrases  # "Iran-backed", "destekli": a trigger as an epithet states no claim
    passive: Phrases  # "a été attaquée", "sono stati addestrati": the name before is acted on
    # how far before its act a passive auxiliary may stand (0: the engine's default); verb
    # first, the one who undergoes stands between ("تعرض لبنان أمس لغارة")
    passive_reach: int
    # a passive inside the verb ("vur-ul-du", "getir-il-miş"): the markers, tense included
    passive_markers: tuple[str, ...]
    reactions: Phrases  # "X condemned the strike": X reacts to the act, it does not act
    requests: Phrases  # "X asked Y for arms": X receives, Y supplies
    uses: Phrases  # "X uses Iranian drones": Iran supplies, X receives
    source_phrases: Phrases  # "da parte di X", "by X": a phrase of agency right before X
    receives: Phrases  # "X received tanks from Y": Y supplies, X receives (Y unnamed: nobody)
    conditionals: Phrases  # "if": an act in the if-clause is supposed, not said to happen
    figurative: Phrases  # "sanctions", "economy": a strike word on them is a figure
    purpose_words: frozenset[str]  # "to" before an infinitive of purpose: an aim, not an act
    place_nouns: frozenset[str]  # "the north of X", "la regione di X": a part of X, a place
    genitive_words: frozenset[str]  # "of" after a noun: "soldats de l'OTAN", whose they are
    relatives: frozenset[str]  # "according to which": the source is what stands before
    against_words: frozenset[str]  # "contre l'ambassade américaine": whose is the target
    # "on" right before a name ("frappes sur Damas", "غارات على حلب"): the name is struck; too
    # common a word to mark a target anywhere else in the clause
    target_words: frozenset[str]
    withheld: frozenset[str]  # "comment", "disclose": a refusal of them is no denial
    victim_words: frozenset[str]  # "مقتل X" (the killing of X): X is struck, not the striker
    triggers: Phrases
    # triggers only with people near them ("подготовка военных", "former des soldats")
    qualified: Phrases
    transfers: Phrases
    objects: Phrases
    object_relations: dict[str, str]
    framing: Phrases
    defaults: dict[str, str]
    # infinitive ending -> participle endings ("er": é, ée, és, ées), for verbs the pack lists
    participles: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def keys(self, phrase: str, *, lemmas: bool = True) -> tuple[str, ...]:
        raw = words(phrase, 0, len(phrase))
        toks = [w.lower().replace("\u0451", "\u0435") for w, _a, _b in raw]
        # an elided article stands apart as in the text ("d'après": d, après), where the
        # sentence tokenizer reads it so (morph._split_suffix)
        toks = [t[1:] if len(t) > 1 and t[0] in "'\u2019" else t for t in toks]
        toks = [t for t in toks if t not in ("'", "\u2019")]
        return tuple(self.morph.lemma(t) if lemmas else t for t in toks)


def _add_all(pack: Pack, target: Phrases, items: Any, payload: Any) -> None:
    for phrase in items or ():
        text = str(phrase)
        proper = text[:1].isupper()
        target.add(pack.keys(text, lemmas=False), payload, proper=proper)
        if pack.lemmatize_data:  # only where the lemmas are reliable enough to widen a phrase
            target.add(pack.keys(text), payload, proper=proper)
        if not proper and " " not in text:
            for form in _participles(pack, text.lower()):
                target.add((form,), payload)


def _participles(pack: Pack, verb: str) -> list[str]:
    """The participles of a verb the pack lists by its infinitive ("livrer": livré, livrées),
    from the pack's endings: a lemmatiser leaves many of them as they are."""
    for infinitive, endings in pack.participles.items():
        if verb.endswith(infinitive) and len(verb) >= len(infinitive) + 2:
            stem = verb[: -len(infinitive)]
            return [stem + e for e in endings]
    return []


@lru_cache(maxsize=16)
def load_pack(language: str) -> Pack:
    folder = lexicon_root() / language
    meta = _read(folder / "pack.yaml")
    if not meta:
        raise ValueError(f"{folder}: no pack.yaml, so no lexical pack for {language!r}")
    cues = _read(folder / "cues.yaml")
    rels = _read(folder / "relations.yaml")
    prefixes = tuple(str(p) for p in meta.get("clitic_prefixes", ()) or ())
    pack = Pack(
        language=language,
        morph=analyzer(str(meta["morphology"])),
        order=str(meta.get("order", "svo")),
        subject_cases=_set(meta.get("subject_cases")),
        recipient_cases=_set(meta.get("recipient_cases")),
        recipient_suffixes=_set(meta.get("recipient_suffixes")),
        head_recipient_endings=tuple(str(e) for e in meta.get("head_recipient_endings", ()) or ()),
        object_suffixes=_set(meta.get("object_suffixes")),
        head_object_endings=tuple(str(e) for e in meta.get("head_object_endings", ()) or ()),
        head_recipient_prefixes=tuple(
            str(e) for e in meta.get("head_recipient_prefixes", ()) or ()
        ),
        recipient_prefixes=tuple(str(p) for p in meta.get("recipient_prefixes", ()) or ()),
        recipient_words=_set(cues.get("recipient_words")),
        source_words=_set(cues.get("source_words")),
        place_words=_set(cues.get("place_words")),
        place_suffixes=_set(meta.get("place_suffixes")),
        speaker_first=bool(meta.get("speaker_first", False)),
        subject_reach=int(meta.get("subject_reach", 0)),
        passive_reach=int(meta.get("passive_reach", 0)),
        passive_markers=tuple(str(e) for e in meta.get("passive_markers", ()) or ()),
        inverted_reach=int(meta.get("inverted_reach", 3)),
        agent_after=bool(meta.get("agent_after", False)),
        voice_until_that=bool(meta.get("voice_until_that", False)),
        title_cases=_set(meta.get("title_cases")),
        agent_cases=_set(meta.get("agent_cases")),
        speech_participles=tuple(str(e) for e in meta.get("speech_participles", ()) or ()),
        quotes_keep_voice=bool(meta.get("quotes_keep_voice", False)),
        inverted_voice_quoted=bool(meta.get("inverted_voice_quoted", False)),
        support_needs_side=bool(meta.get("support_needs_side", False)),
        person_names=str(meta["person_names"]) if meta.get("person_names") else None,
        transliteration={str(k): str(v) for k, v in (meta.get("transliteration") or {}).items()},
        apostrophe_suffixes=meta.get("apostrophe") == "suffix",
        determiners=_set(cues.get("determiners")),
        complementizers=_set(cues.get("complementizers")),
        subject_pronouns=_set(cues.get("subject_pronouns")),
        comitative_words=_set(cues.get("comitative_words")),
        voice_places=_set(cues.get("voice_places")),
        comitative_after=_set(cues.get("comitative_after")),
        recipient_after=_set(cues.get("recipient_after")),
        according_after=_set(cues.get("according_after")),
        conjunctions=_set(cues.get("conjunctions")),
        conjunction_prefixes=_set(meta.get("conjunction_prefixes")),
        lemmatize_data=bool(meta.get("lemmatize_data", False)),
        source_suffixes=_set(meta.get("source_suffixes")),
        subject_suffixes=_set(meta.get("subject_suffixes")),
        negation=_set(cues.get("negation")),
        negative_infixes=tuple(str(e) for e in cues.get("negative_infixes", ()) or ()),
        hedge_moods=_set(meta.get("hedge_moods")),
        hedge_endings=tuple(str(e) for e in cues.get("hedge_endings", ()) or ()),
        actors=Phrases(prefixes, cased=True, lemmas=bool(meta.get("lemmatize_data", False))),
        demonyms=Phrases(prefixes, lemmas=bool(meta.get("demonym_lemmas", False))),
        institutions=Phrases(prefixes),
        outlet_words=Phrases(prefixes),
        object_recipient=Phrases(prefixes),
        bound_triggers=Phrases(prefixes),
        unsent_fighters=Phrases(prefixes),
        demonym_after_institution=meta.get("institution_demonym") == "after",
        speech=Phrases(prefixes),
        according=Phrases(prefixes),
        deny=Phrases(prefixes),
        concessive=Phrases(prefixes),
        retro=Phrases(prefixes),
        hedges=Phrases(prefixes),
        epithets=Phrases(prefixes, lemmas=False),
        passive=Phrases(prefixes),
        reactions=Phrases(prefixes),
        requests=Phrases(prefixes),
        uses=Phrases(prefixes),
        receives=Phrases(prefixes),
        source_phrases=Phrases(prefixes),
        conditionals=Phrases(prefixes, lemmas=False),
        figurative=Phrases(prefixes),
        against_words=_set(cues.get("against_words")),
        target_words=_set(cues.get("target_words")),
        withheld=_set(cues.get("withheld")),
        victim_words=_set(cues.get("victim_words")),
        relatives=_set(cues.get("relatives")),
        genitive_words=_set(cues.get("genitive_words")),
        place_nouns=_set(cues.get("place_nouns")),
        purpose_words=_set(cues.get("purpose_words")),
        triggers=Phrases(prefixes),
        qualified=Phrases(prefixes),
        transfers=Phrases(prefixes),
        objects=Phrases(prefixes),
        object_relations={str(k): str(v) for k, v in (rels.get("object_relations") or {}).items()},
        framing=Phrases(prefixes),
        defaults={},
        participles={
            str(k): tuple(str(e) for e in v) for k, v in (meta.get("participles") or {}).items()
        },
    )
    restore = tuple((str(k), str(v)) for k, v in (meta.get("clitic_restore") or {}).items())
    for value in vars(pack).values():
        if isinstance(value, Phrases):
            value.restore = restore
    for entry in _read(folder / "world.yaml").get("actors", ()) or ():
        if entry.get("type") == "state":
            # the generated aliases leave out a name spelt as in English ("Canada", "Mali"):
            # where the pack says the language writes them so, they are names too
            names = [
                *([entry["name"]] if meta.get("english_state_names") else []),
                *(entry.get("aliases") or ()),
            ]
            _add_all(pack, pack.actors, names, Actor(str(entry["name"]), "state"))
    for entry in _read(folder / "actors.yaml").get("actors", ()) or ():
        actor = Actor(str(entry["name"]), str(entry.get("type", "state")))
        _add_all(pack, pack.actors, entry.get("forms"), actor)
        if entry.get("type") == "demonym" or entry.get("demonyms"):
            demonym = Actor(actor.name, "demonym")
            _add_all(pack, pack.actors, entry.get("demonyms"), demonym)
            if pack.demonyms.lemmas:  # a demonym inflects like an adjective: its lemma too
                for phrase in entry.get("demonyms") or ():
                    pack.demonyms.add(pack.keys(str(phrase)), demonym)
    _add_all(pack, pack.speech, cues.get("speech"), "speech")
    _add_all(pack, pack.institutions, cues.get("institutions"), "institution")
    _add_all(pack, pack.outlet_words, cues.get("outlet_words"), "outlet")
    _add_all(pack, pack.according, cues.get("according_to"), "according")
    _add_all(pack, pack.deny, cues.get("deny"), "deny")
    _add_all(pack, pack.concessive, cues.get("concessive"), "concessive")
    _add_all(pack, pack.retro, cues.get("retro_speech"), "retro")
    _add_all(pack, pack.hedges, cues.get("hedges"), "hedge")
    _add_all(pack, pack.passive, cues.get("passive_auxiliaries"), "passive")
    _add_all(pack, pack.reactions, cues.get("reactions"), "reaction")
    _add_all(pack, pack.requests, cues.get("requests"), "request")
    _add_all(pack, pack.uses, rels.get("use"), "use")
    _add_all(pack, pack.receives, rels.get("receive"), "receive")
    _add_all(pack, pack.source_phrases, cues.get("source_phrases"), "source")
    _add_all(pack, pack.conditionals, cues.get("conditionals"), "if")
    _add_all(pack, pack.figurative, cues.get("figurative"), "figure")
    for phrase in cues.get("epithets", ()) or ():  # as written: their lemma is the trigger's
        pack.epithets.add(pack.keys(str(phrase), lemmas=False), "epithet")
    for relation, spec in (rels.get("relations") or {}).items():
        _add_all(pack, pack.triggers, spec.get("triggers"), str(relation))
        _add_all(pack, pack.qualified, spec.get("with_people"), (str(relation), "people"))
        _add_all(pack, pack.qualified, spec.get("with_cargo"), (str(relation), "cargo"))
        if spec.get("object"):
            pack.defaults[str(relation)] = str(spec["object"])
    _add_all(pack, pack.transfers, rels.get("transfer"), "transfer")
    _add_all(pack, pack.object_recipient, rels.get("object_recipient"), "recipient")
    _add_all(pack, pack.bound_triggers, rels.get("bound_triggers"), "bound")
    _add_all(pack, pack.unsent_fighters, rels.get("unsent_fighters"), "unsent")
    for english, forms in (rels.get("objects") or {}).items():
        _add_all(pack, pack.objects, forms, str(english))
    for entry in _read(folder / "framing.yaml").get("framing", ()) or ():
        _add_all(pack, pack.framing, [entry["term"]], str(entry.get("side", "")))
    return pack
