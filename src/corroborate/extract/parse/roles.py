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
# Prepositions after an amount that name what it measures: "$2 billion in aid", "a package of
# drones", "weapons worth $1 billion".
_AMOUNT_PREPS = frozenset({"in", "of", "worth"})
# Acts of moving things to a side, whose thing's nationality may name the supplier.
SUPPLY_ACTS = frozenset({"transfer", "send", "arms_supply", "arms_moved"})
# What names a side (not a place): an object of attack that names one is its target.
_SIDES = frozenset({"actor", "demonym"})
_ATTACKS = frozenset({"attack", "combat"})
# Prepositions whose object is the means of the verb they hang on: "with the export of Y".
_MEANS_PREPS = frozenset({"with", "through", "via"})


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
    if got is None or got.kind in ("generic", "outlet", "person"):
        return None
    if got.value in lex.states and got.token != tok.i and tok.lemma_.lower() in lex.nonstate_heads:
        return None  # "to the separatists in eastern Ukraine", "Yemeni rebels": not the state
    return got


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


def _owned_target(
    tagged: Tagged, verb: Any, agents: list[Named], lex: ParseLexicon, memory: Memory
) -> Named | None:
    """ "shelled Serbia's border posts", "(Belgrade accused Kosovars of) firing on its
    positions": an attack on what a side owns targets that side (not the attacker itself)."""
    targets = [c for c in verb.children if c.dep_ == "dobj"] + [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in lex.target_preps
        for p in _pobjs(c)
    ]
    acting = {a.value for a in agents}
    for target in targets:
        for owner in (c for c in target.children if c.dep_ == "poss"):
            got = actor_of(tagged, owner, lex, memory)
            if got is not None and got.value not in acting:
                return got
    return None


def _target_of_acts(tagged: Tagged, head: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    """The target of an act named under the head's prepositions or as its object: "involved
    in the attack on X", "took part in strikes against X", "responsibility for the attack on
    X", "carried out strikes on X" (a light verb's target is its nominal act's)."""
    # the object of an act of attack is part of it ("carried out strikes" is one trigger)
    attack = head.i in tagged.triggers and tagged.triggers[head.i].value in _ATTACKS
    objects = [c for c in head.children if c.dep_ == "dobj" and (attack or c.i in tagged.cues)]
    for act in [*tagged.acts_under(head), *objects]:
        got = _recipient_from_preps(tagged, act, lex.target_preps, lex, memory)
        if got is not None:
            return got
    return None


def _target_of(tagged: Tagged, act: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    """The side a nominal attack is on ("the strike on Lebanon"), not a place it hit."""
    got = _recipient_from_preps(tagged, act, lex.target_preps, lex, memory)
    return got if got is not None and got.kind in _SIDES else None


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


def furnished_with(verb: Any, lex: ParseLexicon) -> bool:
    """A verb of furnishing with a "with" phrase: "supplied the fighters with drones", "were
    equipped with rockets". The "with" phrase is what moves; the direct object (or passive
    subject) is who receives it, whatever it is: "the fighters" are the recipient, not a thing
    supplied."""
    if verb.lemma_.lower() not in lex.furnish_lemmas and verb.lower_ not in lex.furnish_lemmas:
        return False
    return bool(_with_things(verb))


def _with_things(verb: Any) -> list[Any]:
    """The objects of the "with" phrase of a verb, or of its direct object, where the parser
    often hangs it ("supplying rebels with arms")."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [
        t
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in _pobjs(c)
        for t in _listed(p)
    ]


def _listed(head: Any) -> list[Any]:
    """The items of a list the parser chains as coordination or apposition: "60 boats, 400
    vehicles, 1,600 missiles and four million rounds"."""
    out: list[Any] = []
    for tok in conjuncts(head):
        out.append(tok)
        out.extend(a for a in tok.children if a.dep_ == "appos" and a.pos_ == "NOUN")
    return sorted(out, key=lambda t: t.i)


def _origin_roles(tagged: Tagged, verb: Any, lex: ParseLexicon, memory: Memory) -> Roles:
    """ "the RSF was deploying drones that appear to have come from the UAE", "Chad's rifles
    came from Sudan": the thing is the subject, the "from" phrase supplies, and its holder (the
    possessor, or who uses it) receives."""
    roles = Roles()
    subj = subject_of(verb)
    if subj is not None and subj.tag_ in ("WDT", "WP"):  # "drones that came from"
        clause = subj.head
        subj = clause.head if clause.dep_ == "relcl" else None
    if subj is None and verb.dep_ == "acl" and verb.head.i != verb.i:
        subj = verb.head  # "heavy weaponry coming across the Russian border"
    if subj is None:
        return roles
    thing_tok, thing = _thing_within(tagged, subj)
    if thing is None:
        return roles
    roles.objects = [(thing_tok, thing)]
    sources = [
        t
        for c in verb.children
        # "from Iran", "across the Russian border" (the border's owner)
        if c.dep_ == "prep" and c.lower_ in ("from", "across")
        for p in _pobjs(c)
        for t in conjuncts(p)
    ]
    roles.agents = _agents(tagged, sources, lex, memory)
    holder = next((c for c in subj.children if c.dep_ == "poss"), None)
    user = subj.head if subj.dep_ == "dobj" else None
    if holder is None and user is not None and user.lemma_.lower() in lex.user_lemmas:
        holder = subject_of(user)
    if holder is not None:
        roles.recipient = actor_of(tagged, holder, lex, memory)
    return roles


def _censured(tagged: Tagged, obj: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    """Whom a blocked measure is against: "efforts to censure Russia", "sanctions against
    Israel", "a resolution condemning Moscow", "the expulsion of Belarus"."""
    for tok in obj.subtree:
        if tok.lemma_.lower() not in lex.censure_lemmas and tok.lower_ not in lex.censure_lemmas:
            continue
        heads = [c for c in tok.children if c.dep_ == "dobj"]
        heads += [
            p
            for c in (*tok.children, *(obj.children if tok.i == obj.i else ()))
            if c.dep_ == "prep" and c.lower_ in ("against", "on", "of")
            for p in _pobjs(c)
        ]
        for head in heads:
            got = actor_of(tagged, head, lex, memory)
            if got is not None:
                return got
    return None


def _shielded(tagged: Tagged, verb: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    """The side a blocking shields: the target of the measure blocked, or nobody ("blocked
    the road", "vetoed the budget" shield no side)."""
    for obj in verb.children:
        if obj.dep_ in ("dobj", "nsubjpass"):
            got = _censured(tagged, obj, lex, memory)
            if got is not None:
                return got
    return None


def _shared_object(verb: Any) -> list[Any]:
    """ "Iran supports, trains and finances the Houthis": verbs coordinated before the last
    share its object."""
    # (the small model tags a verb in such a list as a noun now and then: "supports, trains")
    later = [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i]
    while later:
        last = later[-1]
        found = [t for c in last.children if c.dep_ == "dobj" for t in conjuncts(c)]
        if found:
            return found
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in last.children):
            return []  # a clause of its own: "Iran supports X and Russia arms Y"
        later = [c for c in last.children if c.dep_ == "conj"]
    return []


# Words of an amount that stand for what it buys: "offering billions of dollars in vehicles".
_AMOUNT_WORDS = frozenset({"billions", "millions", "thousands", "hundreds", "billion", "million"})


def _amount(tok: Any) -> bool:
    return bool(
        tok.like_num
        or tok.lower_ in _AMOUNT_WORDS
        or tok.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY")
        or any(c.dep_ == "nummod" for c in tok.children)
    )


def _through_amounts(tagged: Tagged, verb: Any, objects: list[Any]) -> list[Any]:
    """ "offered billions of dollars in aid and military vehicles": an amount that names no
    thing, with the things it is in hung on the verb, stands for those things (every one)."""
    amounts = [o for o in objects if _amount(o) and _thing_within(tagged, o)[1] is None]
    if not amounts:
        return objects
    # the things hang on the verb, or deeper in the amount ("millions of zlotys in rifles")
    holders = [verb, *(t for o in amounts for t in o.subtree if t.i != o.i)]
    things = [
        t
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in ("in", "worth")
        for p in _pobjs(c)
        for t in conjuncts(p)
        if thing_of(tagged, t) is not None
    ]
    if not things:
        return objects
    return [o for o in objects if not (_amount(o) and _thing_within(tagged, o)[1] is None)] + things


def _set_off(verb: Any) -> bool:
    """ "Qatar courted the militias, known as the Brotherhood — an alliance of clans — supplying
    them with rifles": an -ing participle set off by a comma or a dash after a noun phrase
    adds to the main clause (the parser hangs it on the last noun)."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return (
        verb.dep_ in ("acl", "advcl", "dep")
        and verb.tag_ == "VBG"
        and before is not None
        and before.text in (",", "\u2014", "\u2013", "--", "-")
    )


def _main_subject(verb: Any) -> Any | None:
    """The subject of the clause a set-off participle adds to: the first verb above it."""
    node = verb.head
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node.i != verb.i:
            subj = subject_of(node)
            if subj is not None:
                return subj
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _bound(verb: Any, recipient: Named, agents: list[Named]) -> bool:
    """An object pronoun is never its own clause's subject (that would be "itself"): "Iran
    courted the militias, supplying them with rifles" does not supply Iran."""
    pronoun = next(
        (c for c in verb.children if c.dep_ in ("dobj", "dative") and c.lower_ in ("them", "it")),
        None,
    )
    return pronoun is not None and any(a.value == recipient.value for a in agents)


def verb_roles(
    tagged: Tagged, verb: Any, entry: Entry, lex: ParseLexicon, memory: Memory, accused: Any
) -> Roles:
    if entry.voice == "origin":
        return _origin_roles(tagged, verb, lex, memory)
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
    participle = (
        verb.dep_ in ("acl", "relcl")
        and verb.tag_ == "VBN"
        and verb.head.i != verb.i
        # "its assertion that the SAF is supported by Iran": a finite content clause of the
        # noun, with its own subject, is a statement, not a participle naming the noun
        and not any(c.dep_ in ("nsubjpass", "nsubj", "mark") for c in verb.children)
    )
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
        while subj.dep_ == "conj" and subj.head.i != subj.i:
            subj = subj.head  # "Egypt, Saudi Arabia and others who were behind X": all of them
    if accused is not None:
        subj = accused
    elif by_agent is not None:
        subj = by_agent
    elif (
        subj is None and verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i and not participle
    ):
        subj = verb.head  # "Iran, which supplies drones", "China supplying parts"
        if _set_off(verb) and actor_of(tagged, subj, lex, memory) is None:
            subj = _main_subject(verb) or subj
    elif subj is None and _set_off(verb):
        subj = _main_subject(verb)  # "..., officially described as states, supplying them"
    thing_subject = None
    if subj is not None:
        # "Russian troops crossed", "a platoon of paratroopers perished": the troops' owner
        # acts (but a "drone maker" is no drone)
        inner, thing = _thing_within(tagged, subj)
        own = tagged.name(subj.i, "thing") is not None or (thing is not None and inner.i != subj.i)
        if own and tagged.name(subj.i, "actor", "demonym") is None:
            thing_subject = subj
        roles.agents = _agents(tagged, [subj], lex, memory)
    objects: list[Any] = []
    furnished = furnished_with(verb, lex)
    furnished_to: list[Any] = []  # "supplied the fighters with drones": who is furnished
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd") or (child.dep_ == "nsubjpass" and passive):
            (furnished_to if furnished else objects).extend(conjuncts(child))
        if child.dep_ == "prep" and child.lower_ == "with" and not furnished:
            objects.extend(t for p in _pobjs(child) for t in conjuncts(p))
    if not objects and entry.value in (*_ATTACKS, "political_support"):
        objects = _shared_object(verb)
    if furnished:
        objects.extend(_with_things(verb))
    if participle:
        # "forces equipped with Israeli drones": the forces are furnished, the drones move
        (furnished_to if furnished else objects).append(verb.head)
        roles.epithet = True
    elif verb.dep_ in ("amod", "compound") and verb.pos_ != "VERB" and not objects:
        objects.append(verb.head)  # "accused Y of withholding weapons": a gerund the tagger
        # hangs on its object as an adjective
    objects = _through_amounts(tagged, verb, objects)
    if thing_subject is not None:
        objects.insert(0, thing_subject)
    recipient = None
    for obj in [] if furnished else list(objects):  # furnished: the with-phrase only moves
        if _thing_within(tagged, obj)[1] is not None:
            continue  # "a fleet of Israeli drones", "dozens of Russian soldiers": a thing
        # "supplied Ukraine with boats", "struck Odesa": a named object receives or is the target
        place = _place_or_actor(tagged, obj, lex, memory) if obj.lower_ not in PRONOUNS else None
        if place is not None:
            objects.remove(obj)
            recipient = recipient or place
    for tok in furnished_to:  # named or owned ("Russian forces"): the side that receives
        recipient = recipient or _place_or_actor(tagged, tok, lex, memory)
    if recipient is not None and _bound(verb, recipient, roles.agents):
        recipient = None  # "Iran courted militias, supplying them with rifles": not Iran
    roles.objects = [_thing_within(tagged, o) for o in objects]
    if furnished and not roles.agents:
        # "Hezbollah was armed with Iranian rockets", "forces equipped with Turkish drones": no
        # supplier named but the nationality of what they were furnished with
        roles.agents = [
            a
            for a in _makers_of(tagged, roles.objects)
            if recipient is None or a.value != recipient.value
        ]
    preps = lex.target_preps if entry.value in ("attack", "combat") else lex.recipient_preps
    if entry.voice == "withhold":
        preps = preps | {"from"}  # "withholding weapons from its ally"
    if furnished:
        preps = preps - {"with"}  # "armed the Houthis with Russian rifles": what, not whom
    from_preps = _recipient_from_preps(tagged, verb, preps, lex, memory)
    if entry.value in _ATTACKS and recipient is not None and recipient.kind in _SIDES:
        # "hit Houthi targets in Yemen": the side the object names is the target, the
        # preposition only places the act
        from_preps = None
    if furnished and recipient is not None:
        from_preps = None  # "supply Ukraine with boats ..., in a package from the UK"
    roles.recipient = from_preps or recipient
    if roles.recipient is None and entry.value in ("attack", "combat"):
        roles.recipient = _target_of_acts(tagged, verb, lex, memory)
    if roles.recipient is None and entry.value in ("attack", "combat"):
        roles.recipient = _owned_target(tagged, verb, roles.agents, lex, memory)
    if roles.recipient is None and entry.voice == "withhold":
        for obj in objects:  # "withholding tanks from Ukraine": the parser hangs it on the thing
            roles.recipient = roles.recipient or _recipient_from_preps(
                tagged, obj, frozenset({"from", "to"}), lex, memory
            )
    if roles.recipient is None and entry.value in SUPPLY_ACTS and entry.voice is None:
        for obj in objects:  # "provided military support for Russia": the parser hangs the
            # recipient on the thing moved
            roles.recipient = roles.recipient or _recipient_from_preps(
                tagged, obj, lex.moved_to_preps, lex, memory
            )
    if roles.recipient is None and entry.value not in ("attack", "combat"):
        roles.recipient = _purpose_beneficiary(tagged, verb, lex, memory)
    if entry.voice == "shield":
        roles.recipient = _shielded(tagged, verb, lex, memory)
        roles.objects = []
    if entry.voice == "victim":  # "condemned the strike on Lebanon": only an attack's target
        attacks = [o for o in verb.children if o.dep_ == "dobj" and o.i in tagged.triggers
                   and tagged.triggers[o.i].value in _ATTACKS]  # fmt: skip
        roles.recipient = next(
            (t for a in attacks if (t := _target_of(tagged, a, lex, memory)) is not None), None
        )
        roles.objects = []
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
    if entry.value == "force_size" and passive and not roles.agents:
        # "60,000 Serbian troops were massed near the border": the troops' owner masses them
        massed = [c for c in verb.children if c.dep_ == "nsubjpass"]
        roles.agents = _agents(tagged, massed, lex, memory)
    return roles


def _person(tagged: Tagged, tok: Any) -> bool:
    entry = tagged.name(tok.i)
    return tok.ent_type_ == "PERSON" or (entry is not None and entry.cls in _PEOPLE)


_PEOPLE = frozenset({"person", "open_person"})


def named_before(tagged: Tagged, pronoun: Any) -> Any | None:
    """The nearest state or group named before "its" (a person is no "it")."""
    for tok in reversed(tagged.sent[: pronoun.i - tagged.sent.start]):
        entry = tagged.name(tok.i, "actor", "demonym")
        if entry is not None and entry.cls not in _PEOPLE:
            return tok
    return None


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


def _means_verb(noun: Any) -> Any | None:
    """The verb an attack is the means of: "responded with strikes" (but "balanced it with
    support from Turkey" is someone else's support, so only for attacks)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with" or prep.dep_ != "prep":
        return None
    verb = prep.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _light_subject(verb: Any) -> Any | None:
    """The subject of a light verb, through a gerund of means: "responded by carrying out
    strikes" is the responder's (not "accused X of carrying out", whose act is X's)."""
    subj = subject_of(verb)
    if subj is None and verb.dep_ == "pcomp" and verb.head.lower_ == "by":
        prep = verb.head
        if prep.head.i != prep.i and prep.head.pos_ in ("VERB", "AUX"):
            return subject_of(prep.head)
    return subj


def _patron_roles(tagged: Tagged, noun: Any, lex: ParseLexicon, memory: Memory) -> Roles:
    """A noun of patronage: "X became Y's closest ally", "X, a key backer of Y", "X is an
    accomplice to Y's war". Its owner or its "of"/"to" phrase is the side backed (or the
    owner of what it names); the subject of the copula, or the name it is in apposition to,
    backs it. Anything else ("Russia's allies sent ...") names a patron, claims nothing."""
    roles = Roles()
    side: Any | None = next((c for c in noun.children if c.dep_ == "poss"), None)
    if side is None:
        side = next(
            (p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")
             for p in _pobjs(c)),
            None,
        )  # fmt: skip
    if side is not None:
        roles.recipient = actor_of(tagged, side, lex, memory)
    if noun.dep_ in ("attr", "oprd") and noun.head.pos_ in ("VERB", "AUX"):
        backer = subject_of(noun.head)
        if backer is not None and backer.tag_ in ("WDT", "WP") and backer.head.dep_ == "relcl":
            backer = backer.head.head  # "Beijing, which has become a lifeline for Moscow"
    elif noun.dep_ == "appos" and noun.head.i != noun.i:
        backer = noun.head
    else:
        backer = None
    if backer is not None:
        roles.agents = _agents(tagged, [backer], lex, memory)
    mutual = noun.lemma_.lower() in lex.mutual_nouns or noun.lower_ in lex.mutual_nouns
    if mutual and roles.recipient is not None and len(roles.agents) == 1:
        # allies back each other; of a state and an armed group, the state is the patron:
        # "the militia, a close ally of the United States" is the United States' backing
        (agent,) = roles.agents
        if agent.value not in lex.states and roles.recipient.value in lex.states:
            roles.agents, roles.recipient = [roles.recipient], agent
    return roles


def credited(noun: Any, lex: ParseLexicon) -> Any | None:
    """The verb of credit a nominal act is the reason of: "praised Biden for his support"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.i == prep.i:
        return None
    verb = prep.head
    return verb if verb.lemma_.lower() in lex.credit_lemmas else None


def _credit_roles(tagged: Tagged, noun: Any, verb: Any, lex: ParseLexicon, memory: Memory) -> Roles:
    """ "X praised Y for its support (for Z)": Y acts, for Z or else for X."""
    roles = Roles()
    roles.agents = _agents(tagged, [c for c in verb.children if c.dep_ == "dobj"], lex, memory)
    roles.recipient = _recipient_from_preps(tagged, noun, lex.recipient_preps, lex, memory)
    if roles.recipient is None:
        subj = subject_of(verb)
        roles.recipient = None if subj is None else actor_of(tagged, subj, lex, memory)
    return roles


def noun_roles(
    tagged: Tagged,
    noun: Any,
    lex: ParseLexicon,
    memory: Memory,
    *,
    entry: Entry | None = None,
    accused: Any | None = None,
) -> Roles:
    if entry is not None and entry.voice == "patron":
        return _patron_roles(tagged, noun, lex, memory)
    credit = credited(noun, lex)
    if credit is not None:
        return _credit_roles(tagged, noun, credit, lex, memory)
    roles = Roles()
    relation = None if entry is None else entry.value
    # a nominal attack's "on", "against" phrase is its target: "strikes on X"
    preps = lex.recipient_preps | lex.target_preps if relation in _ATTACKS else lex.recipient_preps
    own_act = noun.lemma_.lower() in lex.of_agent_nouns
    if own_act:  # "Russian involvement": the nationality acts ("Russia's" is read below)
        for child in noun.children:
            owner = tagged.name(child.i, "demonym") if child.dep_ == "amod" else None
            if owner is not None:
                roles.agents = [Named(owner.value, "demonym", child.i)]
    # a side named before a place: "a coalition in Yemen against the Houthis"
    ranked = sorted(noun.children, key=lambda c: c.dep_ == "prep" and c.lower_ in lex.place_preps)
    for child in ranked:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            if child.lower_ in PRONOUNS:
                # "stepped up their arms supplies", "came under criticism over its support":
                # the governing clause's subject; else the pronoun's own referent ("Our
                # support ...," the spokesman said)
                subj = _clause_subject(noun, child)
                if subj is not None and child.lower_ == "its" and _person(tagged, subj):
                    subj = named_before(tagged, child)  # "Trump ... the UAE to end its X"
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
                    elif roles.agents and relation == "political_support":
                        # "its backing of the RSF": with its owner named, "of" is the side
                        roles.recipient = roles.recipient or _place_or_actor(
                            tagged, pobj, lex, memory
                        )
                    elif not roles.agents and noun.lemma_.lower() in lex.of_agent_nouns:
                        # "the involvement of Russia" (but "the recruitment of Syrians": theme)
                        roles.agents = _agents(tagged, [pobj], lex, memory)
                elif low in preps and roles.recipient is None:
                    roles.recipient = _place_or_actor(tagged, pobj, lex, memory)
    if roles.recipient is None and own_act:
        roles.recipient = _target_of_acts(tagged, noun, lex, memory)
    thing = thing_of(tagged, noun)
    if thing is not None and not roles.objects:
        roles.objects.append((noun, thing))
    # the verb whose object the act is: "launched strikes", "declared solidarity"
    governing = governing_verb(noun)
    verb = governing or (_means_verb(noun) if relation in _ATTACKS else None)
    if verb is not None:
        lemma = verb.lemma_.lower()
        # not "Kyiv condemned the delivery"; but "Moscow denied any involvement" is its own,
        # "declared solidarity", "voiced support" are a stance declared, and "Ottawa announced
        # a military aid package" is Ottawa's giving
        light = (
            lemma not in lex.speech_lemmas
            or (own_act and lemma in lex.own_act_lemmas)
            or (relation == "political_support" and lemma in lex.avowal_lemmas)
            or lemma in lex.giving_speech_lemmas
        )
        if not light or lemma in lex.reaction_lemmas or lemma in lex.ending_lemmas:
            verb = None  # "watched the raids", "to end the attacks": someone else's acts
    if verb is not None:
        if not roles.agents:
            subj = _light_subject(verb)
            if subj is not None:
                roles.agents = _agents(tagged, [subj], lex, memory)
        if roles.recipient is None and relation in (*_ATTACKS, "political_support"):
            # "launched strikes on X", "declared solidarity with X": the phrase hangs on the verb
            roles.recipient = _recipient_from_preps(tagged, verb, preps, lex, memory)
    if relation == "force_size" and not roles.agents:
        # "the build-up of 40,000 Serbian troops": the troops' owner masses them
        roles.agents = _agents(tagged, [o for o, _ in roles.objects if o.i != noun.i], lex, memory)
    act = tagged.triggers.get(noun.i)
    if act is not None and act.voice == "acquire":
        return _acquired(tagged, noun, roles, lex, memory)
    if act is None or act.value not in SUPPLY_ACTS or act.voice is not None:
        return roles
    if roles.recipient is None and governing is not None and governing.i not in tagged.triggers:
        # "stepped up their arms supplies to the army", "halve its military aid to Y": the
        # parser hangs the noun's "to" phrase on the verb that governs it
        roles.recipient = _recipient_from_preps(tagged, governing, lex.moved_to_preps, lex, memory)
    means = _means_of(noun)
    if means is not None:
        # "accused China of bolstering Russia's war industry with the export of chips",
        # "propping up the junta through shipments of rifles": the act is how the verb's
        # agent does it, for whoever (or whatever's owner) the verb acts on
        if not roles.agents:
            subj = accused if accused is not None else subject_of(means)
            roles.agents = _agents(tagged, [subj], lex, memory) if subj is not None else []
        if roles.recipient is None:
            roles.recipient = _acted_on(tagged, means, lex, memory)
    if not roles.agents:
        roles.agents = _makers_of(tagged, roles.objects)
    return roles


def _means_of(noun: Any) -> Any | None:
    """The verb a nominal act is the means of: "bolstered X with the export of Y", "helped
    X through shipments of Y", "armed X by the delivery of Y"."""
    head = noun
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in _MEANS_PREPS or prep.head.i == prep.i:
        return None
    verb = prep.head
    return verb if verb.pos_ == "VERB" else None


def _acted_on(tagged: Tagged, verb: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    """Whom a verb acts on: its object, or the owner of its object ("Russia's war effort")."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        got = actor_of(tagged, obj, lex, memory)
        if got is not None:
            return got
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is not None:
            return actor_of(tagged, owner, lex, memory)
    return None


def _acquired(tagged: Tagged, noun: Any, roles: Roles, lex: ParseLexicon, memory: Memory) -> Roles:
    """ "Armenia's purchases of Russian tanks", "the import of drones by Moscow", "Chad's
    imports of rifles from Sudan": the buyer (possessor, "by" phrase) receives; the "from"
    phrase, else the nationality of the thing, supplies."""
    buyer = roles.agents[0] if roles.agents else None
    # "from" on the noun, or (as the parser often hangs it) on the thing bought
    holders = [noun, *(o for o, _ in roles.objects if o.i != noun.i)]
    sources = [
        t
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for t in _pobjs(c)
    ]
    suppliers = _agents(tagged, [t for s in sources for t in conjuncts(s)], lex, memory)
    roles.agents = [
        a
        for a in suppliers or _makers_of(tagged, roles.objects)
        if buyer is None or a.value != buyer.value
    ]
    roles.recipient = buyer or roles.recipient
    return roles


def governing_verb(noun: Any) -> Any | None:
    """The verb whose direct object the noun is, looking through an amount: "halved its aid",
    "committed $2 billion in military aid" (the aid is what the amount measures)."""
    node = noun
    prep = node.head
    if node.dep_ == "pobj" and prep.lower_ in _AMOUNT_PREPS and prep.head.i != prep.i:
        node = prep.head
    if node.dep_ != "dobj" or node.head.i == node.i:
        return None
    verb = node.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _makers_of(tagged: Tagged, objects: list[tuple[Any, Entry | None]]) -> list[Named]:
    """A supply with no supplier named but the nationality of what moves: "new transfers of
    Russian tanks to the rebels" (Russia's), "equipped with Israeli and Turkish drones" (each
    one's), like "Israeli-made drones"."""
    out: list[Named] = []
    for obj, _ in objects:
        for mod in obj.children:
            if mod.dep_ != "amod":
                continue
            for tok in conjuncts(mod):  # "Israeli and Turkish drones"
                owner = tagged.name(tok.i, "demonym")
                if owner is not None and owner.value not in {a.value for a in out}:
                    out.append(Named(owner.value, "demonym", tok.i))
    return out


def strength_roles(tagged: Tagged, adj: Any, lex: ParseLexicon, memory: Memory) -> Roles:
    """ "Serbia's 20,000-strong army", "the 5,000-strong Serbian contingent", "fielded a
    3,000-strong brigade": an adjective of strength with its figure names a force of that size;
    its owner (possessor, nationality) fields it, else the subject of the clause whose object
    it is ("Chile fielded a 3,000-strong brigade")."""
    roles = Roles()
    force = adj.head
    if adj.dep_ != "amod" or force.i == adj.i or not any(c.like_num for c in adj.children):
        return roles  # "strong support": no figure, no force
    roles.objects = [_thing_within(tagged, force)]
    owners = [
        c for c in force.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i != adj.i
    ]
    roles.agents = _agents(tagged, owners, lex, memory)
    verb = governing_verb(force)
    if not roles.agents and verb is not None:
        subj = subject_of(verb)
        roles.agents = [] if subj is None else _agents(tagged, [subj], lex, memory)
    return roles
