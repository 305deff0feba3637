"""Stages 3-4, events and roles: each trigger's agent, object and recipient from the parse.

Verbs: the active subject or the passive by-agent acts; the direct object (or "with" object)
is what moves; "to"/"for" phrases and datives name the recipient; coordination distributes.
Nouns ("Russia's deliveries of drones to Armenia"): possessor, "by" phrase or demonym acts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corroborate.extract.kb import Entry
from corroborate.extract.parse.attribution import Memory, resolve_pronoun, subject_of
from corroborate.extract.parse.entities import Tagged
from corroborate.extract.parse.lexicon import ParseLexicon
from corroborate.extract.parse.phrases import PRONOUNS, Named, conjuncts, named, thing_of

_NOT_ACTORS = frozenset({"generic", "outlet", "person", "name", "place"})


@dataclass(slots=True)
class Roles:
    agents: list[Named] = field(default_factory=list)
    objects: list[tuple[Any, Entry | None]] = field(default_factory=list)  # (head token, thing)
    recipient: Named | None = None
    epithet: bool = False  # "factions backed by Turkey": a participle naming, not asserting


def _pobjs(prep: Any) -> list[Any]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def actor_of(tagged: Tagged, tok: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    if tok.lower_ in PRONOUNS:
        return resolve_pronoun(tagged, tok, lex, memory)
    got = named(tagged, tok, lex.generic_heads)
    # every state is in the knowledge base: an unknown place is a place, never an actor; people,
    # outlets and voices nobody names do not act in the contract's sense
    if got is None or got.kind in _NOT_ACTORS or got.value in lex.not_agents:
        return None
    head_words = got.value.split(" of ")[0].lower().split()
    if got.kind == "open" and not lex.non_actor_heads.isdisjoint(head_words):
        return None  # "the Fletcher School", "the State Department" alone: no party
    return got


def _origin_only(tagged: Tagged, tok: Any, got: Named, lex: ParseLexicon) -> bool:
    """ "Russian volunteers", "mercenaries from Syria": a nationality or an origin of fighters
    sends nobody (the contract: nationality is not a sender); a state's troops from X are X's,
    and a group's name on its fighters ("Wagner fighters") is the group."""
    _, thing = _thing_within(tagged, tok)
    if thing is None or thing.cls not in lex.unsent_classes or got.token < 0:
        return False
    if tok.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in tok.head.children):
        return False  # "Chinese contractors supplied drones": a company acting is its state
    named_tok = tok.doc[got.token]
    origin = named_tok.dep_ == "pobj" and named_tok.head.lower_ == "from"
    return got.kind == "demonym" or origin


def _agents(tagged: Tagged, heads: list[Any], lex: ParseLexicon, memory: Memory) -> list[Named]:
    out: list[Named] = []
    for head in heads:
        for tok in conjuncts(head):
            got = actor_of(tagged, tok, lex, memory)
            if got is not None and _origin_only(tagged, tok, got, lex):
                continue
            if got is not None and got.value not in {a.value for a in out}:
                out.append(got)
            # "Azerbaijani and Armenian forces": coordinated owners each act
            for mod in tok.children:
                if mod.dep_ not in ("amod", "compound", "nmod"):
                    continue
                if tagged.name(mod.i, "demonym", "actor") is not None:
                    for other in conjuncts(mod)[1:]:
                        entry = tagged.name(other.i, "demonym", "actor")
                        if entry is not None and entry.value not in {a.value for a in out}:
                            out.append(Named(entry.value, entry.kind, other.i))
    return out


def _thing_within(tagged: Tagged, obj: Any) -> tuple[Any, Entry | None]:
    """What an object is, looking through an amount: "$1.5 billion in new weapons", "a package
    of drones", "hundreds of troops" (the token that names it, and its entry)."""
    thing = thing_of(tagged, obj)
    if thing is not None:
        return obj, thing
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "worth"):
            for pobj in _pobjs(prep):
                inner = thing_of(tagged, pobj)
                if inner is not None:
                    return pobj, inner
    return obj, None


def _place_or_actor(tagged: Tagged, tok: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    """A recipient may be a place when the text names only the place ("troops to Kursk")."""
    if tok.lower_ in PRONOUNS:
        return resolve_pronoun(tagged, tok, lex, memory)
    got = named(tagged, tok, lex.generic_heads)
    return None if got is None or got.kind in ("generic", "outlet", "person") else got


def _recipient_from_preps(
    tagged: Tagged, verb: Any, preps: frozenset[str], lex: ParseLexicon, memory: Memory
) -> Named | None:
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for pobj in _pobjs(child):
                got = _place_or_actor(tagged, pobj, lex, memory)
                if got is not None:
                    return got
        if child.dep_ == "dative" and child.pos_ != "ADP":
            got = actor_of(tagged, child, lex, memory)
            if got is not None:
                return got
    return None


def _target_of_acts(tagged: Tagged, head: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    """The target of an act named under the head's prepositions: "involved in the attack on
    X", "took part in strikes against X", "responsibility for the attack on X"."""
    for act in tagged.acts_under(head):
        got = _recipient_from_preps(tagged, act, lex.target_preps, lex, memory)
        if got is not None:
            return got
    return None


def _purpose_beneficiary(
    tagged: Tagged, verb: Any, lex: ParseLexicon, memory: Memory
) -> Named | None:
    """The object of a purpose clause on the act: "sent troops to help the separatists"."""
    for child in verb.children:
        if (
            child.dep_ in ("advcl", "xcomp")
            and child.lemma_.lower() in lex.purpose_lemmas
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            for obj in child.children:
                if obj.dep_ == "dobj":
                    return _place_or_actor(tagged, obj, lex, memory)
    return None


def verb_roles(
    tagged: Tagged, verb: Any, entry: Entry, lex: ParseLexicon, memory: Memory, accused: Any
) -> Roles:
    roles = Roles()
    subj = subject_of(verb)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if entry.voice == "stative" and subj is None:
        # "troops were involved": a state of its passive subject, who acts; "servicemen
        # captured in Ukraine": of the noun its participle is on
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i != verb.i:
            subj = verb.head
        passive = False
    # "weapons supplied to the Houthis by Iran", "troops sent from North Korea": a participle
    # on the thing moved; its by-agent (or, for a sending, its origin) acts
    participle = verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and verb.head.i != verb.i
    by_agent = next((p for c in verb.children if c.dep_ == "agent" for p in _pobjs(c)), None)
    if (
        participle
        and by_agent is None
        and entry.value in ("send", "transfer")
        and entry.voice != "acquire"  # "weapons acquired from Egypt": the source supplies
    ):
        by_agent = next(
            (p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
             for p in _pobjs(c) if actor_of(tagged, p, lex, memory) is not None),
            None,
        )  # fmt: skip
    if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subj = verb.head  # "Iran, which supplies drones": the noun the clause is about
    if accused is not None:
        subj = accused
    elif by_agent is not None:
        subj = by_agent
    elif (
        subj is None and verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i and not participle
    ):
        subj = verb.head  # "Iran, which supplies drones", "China supplying parts"
    thing_subject = None
    if subj is not None:
        _, thing = _thing_within(tagged, subj)  # "a platoon of paratroopers perished"
        if thing is not None and tagged.name(subj.i, "actor", "demonym") is None:
            thing_subject = subj  # "Russian troops crossed": the troops' owner acts
        roles.agents = _agents(tagged, [subj], lex, memory)
    objects: list[Any] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd") or (child.dep_ == "nsubjpass" and passive):
            objects.extend(conjuncts(child))
        if child.dep_ == "prep" and child.lower_ == "with":
            objects.extend(t for p in _pobjs(child) for t in conjuncts(p))
    if participle:
        objects.append(verb.head)
        roles.epithet = True
    elif verb.dep_ in ("amod", "compound") and verb.pos_ != "VERB" and not objects:
        objects.append(verb.head)  # "accused Y of withholding weapons": a gerund the tagger
        # hangs on its object as an adjective
    if thing_subject is not None:
        objects.insert(0, thing_subject)
    recipient = None
    for obj in list(objects):
        if _thing_within(tagged, obj)[1] is not None:
            continue  # "dozens of Russian soldiers": a thing, whoever's it is
        # "supplied Ukraine with boats", "struck Odesa": a named object receives or is the target
        place = _place_or_actor(tagged, obj, lex, memory) if obj.lower_ not in PRONOUNS else None
        if place is not None:
            objects.remove(obj)
            recipient = recipient or place
    roles.objects = [_thing_within(tagged, o) for o in objects]
    preps = lex.target_preps if entry.value in ("attack", "combat") else lex.recipient_preps
    if entry.voice == "withhold":
        preps = preps | {"from"}  # "withholding weapons from its ally"
    roles.recipient = _recipient_from_preps(tagged, verb, preps, lex, memory) or recipient
    if roles.recipient is None and entry.value in ("attack", "combat"):
        roles.recipient = _target_of_acts(tagged, verb, lex, memory)
    if roles.recipient is None and entry.voice == "withhold":
        for obj in objects:  # "withholding tanks from Ukraine": the parser hangs it on the thing
            roles.recipient = roles.recipient or _recipient_from_preps(
                tagged, obj, frozenset({"from", "to"}), lex, memory
            )
    if roles.recipient is None and entry.value not in ("attack", "combat"):
        roles.recipient = _purpose_beneficiary(tagged, verb, lex, memory)
    if entry.voice == "acquire":  # "Armenia bought drones from Russia": roles swap
        suppliers: list[Named] = []
        # "received rifles from Eritrea": the parser hangs "from" on the verb or on the object;
        # "from Egypt, Turkey and other countries including Qatar": every one of them
        for child in [*verb.children, *(c for o in objects for c in o.children)]:
            if child.dep_ == "prep" and child.lower_ == "from" and not suppliers:
                heads = [t for p in _pobjs(child) for t in conjuncts(p)]
                heads += [
                    q
                    for h in heads
                    for c in h.children
                    if c.dep_ == "prep" and c.lower_ in ("including", "like")
                    for q in _pobjs(c)
                ]
                suppliers = _agents(tagged, heads, lex, memory)
        roles.recipient = roles.agents[0] if roles.agents else None
        if participle and roles.recipient is None and verb.head.dep_ == "dobj":
            holder = subject_of(verb.head.head)  # "Chad's army used rifles bought from Sudan"
            if holder is not None:
                roles.recipient = actor_of(tagged, holder, lex, memory)
        roles.agents = suppliers
    return roles


def _clause_subject(noun: Any, pronoun: Any) -> Any | None:
    """The subject before a possessive pronoun of the clause its noun is in."""
    node = noun
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = subject_of(node)
            if subj is None:
                continue  # "under increasing criticism": a participle with no subject
            return subj if subj.i < pronoun.i and noun not in subj.subtree else None
    return None


def noun_roles(tagged: Tagged, noun: Any, lex: ParseLexicon, memory: Memory) -> Roles:
    roles = Roles()
    own_act = noun.lemma_.lower() in lex.of_agent_nouns
    if own_act:  # "Russian involvement": the nationality acts ("Russia's" is read below)
        for child in noun.children:
            owner = tagged.name(child.i, "demonym") if child.dep_ == "amod" else None
            if owner is not None:
                roles.agents = [Named(owner.value, "demonym", child.i)]
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            if child.lower_ in PRONOUNS:
                # "stepped up their arms supplies", "came under criticism over its support":
                # the governing clause's subject; else the pronoun's own referent ("Our
                # support ...," the spokesman said)
                subj = _clause_subject(noun, child)
                agents = _agents(tagged, [subj], lex, memory) if subj is not None else []
                roles.agents = agents or [
                    a for a in [actor_of(tagged, child, lex, memory)] if a is not None
                ]
                continue
            got = actor_of(tagged, child, lex, memory)
            if got is not None:
                roles.agents = _agents(tagged, [child], lex, memory)
        if child.dep_ == "prep":
            low = child.lower_
            for pobj in _pobjs(child):
                if low == "by":
                    roles.agents = _agents(tagged, [pobj], lex, memory)
                elif low == "of":
                    thing = thing_of(tagged, pobj)
                    if thing is not None:
                        roles.objects.append((pobj, thing))
                    elif not roles.agents and noun.lemma_.lower() in lex.of_agent_nouns:
                        # "the involvement of Russia" (but "the recruitment of Syrians": theme)
                        roles.agents = _agents(tagged, [pobj], lex, memory)
                elif low in lex.recipient_preps and roles.recipient is None:
                    roles.recipient = _place_or_actor(tagged, pobj, lex, memory)
    if roles.recipient is None and own_act:
        roles.recipient = _target_of_acts(tagged, noun, lex, memory)
    thing = thing_of(tagged, noun)
    if thing is not None and not roles.objects:
        roles.objects.append((noun, thing))
    if not roles.agents and noun.head.i != noun.i and noun.dep_ in ("dobj", "pobj"):
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        lemma = verb.lemma_.lower()
        # not "Kyiv condemned the delivery"; but "Moscow denied any involvement" is its own
        light = lemma not in lex.speech_lemmas or (own_act and lemma in lex.own_act_lemmas)
        if verb.pos_ in ("VERB", "AUX") and noun.dep_ == "dobj" and light:
            subj = subject_of(verb)
            if subj is not None:
                roles.agents = _agents(tagged, [subj], lex, memory)
    return roles
