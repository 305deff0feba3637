"""The parse's check on every claim of a parsed sentence, the rule engine's included.

The rule engine reads word positions; where the sentence was parsed, its structure can tell
that a reading is no claim at all:
- an act the sentence only mentions as background ("after last week's attack", "condemned
  the killing", "shocked by the drone attack"): the event is presupposed, nobody claims it;
- an actor the sentence names only as the place of the act ("a strike in Beirut, Lebanon",
  "targets in Yemen") or inside the name of a thing ("the cruiser USS Philippine Sea"): a
  place where something happens does not do it;
- a trigger word in another sense than the military one, told by its arguments: "a football
  training", "the president's adviser on Ukraine", "fighters brought shovels", "volunteers keep
  reinforcing", fighters supplied with drones (they receive, nobody sends them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from corroborate.extract.claim import Claim
from corroborate.extract.parse.attribution import Memory, voice
from corroborate.extract.parse.entities import Tagged
from corroborate.extract.parse.lexicon import ParseLexicon
from corroborate.extract.parse.phrases import named, thing_of
from corroborate.extract.parse.roles import credited, furnished_with, named_before, verb_roles


def _background(tok: Any, lex: ParseLexicon, *, stopped: bool = False) -> bool:
    """A nominal act in a background position: the object of "after", "following", "since",
    "under"; what a verb of reaction (condemn, mourn, shocked by) takes as its object."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "the attack and the invasion"
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("pobj", "dobj") and head.lower_ in lex.background_preps:
        return True  # the parser reads "following" as a preposition or as a verb
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return _background(head.head, lex, stopped=stopped)  # "mourned the victims of the attack"
    if tok.dep_ == "pobj":
        # "shocked by the attack", "outraged at the strike"
        return head.dep_ in ("agent", "prep") and head.head.lemma_.lower() in lex.reaction_lemmas
    if tok.dep_ == "nsubj" and head.dep_ in ("ccomp", "xcomp") and head.head.i != head.i:
        # "watched the attacks unfold", "saw the strikes begin": a scene watched
        return head.head.lemma_.lower() in lex.reaction_lemmas
    lemma = head.lemma_.lower()
    # "condemned the killing"; "efforts to end the attacks", "to stop the shelling" (but
    # "to end its backing of X" says it backs X)
    ends = stopped and lemma in lex.ending_lemmas
    return tok.dep_ in ("dobj", "nsubjpass") and (lemma in lex.reaction_lemmas or ends)


_MODALS = frozenset({"will", "would", "could", "should", "might", "may", "shall", "can", "'ll"})


def _unfinished(tok: Any) -> bool:
    """A clause whose verb is bare or under a modal: "that Berlin send", "that it will send"."""
    return tok.tag_ == "VB" or any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children)


def _unrealised(tok: Any, lex: ParseLexicon) -> bool:
    """An act only as a capacity, a wish or a condition: "the ability to strike", "capable of
    long-range strikes", "should it choose to attack", "if it supports X"."""
    if _requested(tok, lex):
        return True
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("acl", "xcomp", "advcl") and head.lemma_.lower() in lex.potential_lemmas:
        return True
    if tok.dep_ in ("conj", "pobj", "dobj") and _wished(tok, lex):
        return True
    clause = tok  # "if it supports X", "unless it withdraws": a condition, not a claim
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in clause.children):
        return True
    plans = lex.plan_lemmas
    # "plans to send troops", "does not exclude sending troops", "expects that X will send"; a
    # finished act in the clause ("expects that X sent") is no plan
    planned = tok.dep_ == "xcomp" or (tok.dep_ == "ccomp" and _unfinished(tok))
    if planned and (head.lemma_.lower() in plans or head.lower_ in plans):
        return True
    if _consequence(clause, lex):
        return True
    if tok.dep_ == "pobj" and head.lower_ == "against":
        return head.head.lemma_.lower() in lex.warning_lemmas  # "warned against new strikes"
    if tok.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in lex.potential_lemmas:
        return True  # "they need our support", "threatened strikes on Kyiv"
    return (
        tok.dep_ == "pobj"
        and head.lower_ in ("of", "at", "for")
        and head.head.lemma_.lower() in lex.potential_lemmas
    )


def _requested(tok: Any, lex: ParseLexicon) -> bool:
    """An act only asked of someone or kept from happening: the infinitive of a request, however
    many infinitives down ("urged the ministers to take steps to provide air defence", "pleaded
    for allies to send jets", "a request for Warsaw to hand over tanks"), a "that" clause of
    one ("demanded that Berlin send tanks"), what is pleaded for ("called for more shells"),
    the "from" clause of a verb of prevention ("to stop Ankara from sending fighters")."""
    node = tok
    for _ in range(6):
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        head = node.head
        if head.i == node.i:
            return False
        dep = node.dep_
        if dep == "pcomp" and head.lower_ == "from":
            return head.head.lemma_.lower() in lex.prevention_lemmas
        if dep == "ccomp":  # a subjunctive only: "calling it aggression that killed" names
            modal = any(c.dep_ == "aux" and c.lower_ in ("should", "must") for c in node.children)
            return (node.tag_ == "VB" or modal) and head.lemma_.lower() in lex.request_lemmas
        if dep == "pobj" and head.lower_ == "for":
            return head.head.lemma_.lower() in lex.request_lemmas
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        nominal = dep == "dobj" and node.pos_ in ("NOUN", "PROPN")  # "to speed up the delivery"
        if not (dep == "xcomp" or (to and dep in ("advcl", "acl", "relcl")) or nominal):
            return False
        if not nominal and head.lemma_.lower() in lex.request_lemmas:
            # "bowed to pressure to supply tanks", "gave in to calls to send jets": granted
            return not (head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "to")
        if not nominal and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in lex.request_lemmas
            for c in head.children
        ):
            return True  # "issued an order for Iran to strike", "made a request to send"
        node = head
    return False


def _consequence(verb: Any, lex: ParseLexicon) -> bool:
    """A modal clause whose own "if" clause is its condition: "Poland could send its tanks if
    Berlin agrees", "Kenya would deploy troops unless the vote fails"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    modal = any(c.dep_ == "aux" and c.lower_ in lex.consequence_modals for c in verb.children)
    return modal and any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in lex.conditional_marks for m in c.children)
        for c in verb.children
    )


def _wished(tok: Any, lex: ParseLexicon) -> bool:
    """An act the parser hangs on a noun inside a clause of capacity or wish: "should Moscow
    choose to walk away from diplomacy and attack Ukraine" ("attack" on "diplomacy"). Only
    through nouns and prepositions, up to the first verb (a clause hung on a verb has its
    own frame, checked as it is)."""
    node = tok.head
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            head = node.head
            framed = node.dep_ in ("acl", "xcomp", "advcl") and head.i != node.i
            return framed and head.lemma_.lower() in lex.potential_lemmas
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _backs_a_thing(tok: Any, lex: ParseLexicon) -> bool:
    """Backing that takes a thing, not a side: "stands by his vow", "backed the assessment",
    "supports efforts to end the attacks" (parse.yaml stance_objects)."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    objs += [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("by", "with", "behind", "for")
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return bool(objs) and all(
        o.pos_ == "NOUN" and o.lemma_.lower() in lex.stance_objects for o in objs
    )


def _shields(tagged: Tagged, tok: Any) -> bool:
    """ "blocked efforts to censure Russia": blocking a measure backs its target, whatever the
    measure is called."""
    entry = tagged.triggers.get(tok.i)
    return entry is not None and entry.voice == "shield"


def _acts(tagged: Tagged, claim: Claim, start: int, end: int) -> list[Any]:
    """The trigger tokens of a claim's evidence span (offsets of the chunk): those that can
    make its relation, else all ("has the capacity to deploy": the deploying, not the having)."""
    found = [t for t in tagged.sent if t.i in tagged.cues and start <= t.idx < end]
    # "under direct attack": an adjective the tagger reads as one (the verb "direct") is none
    found = [t for t in found if not (t.pos_ == "ADJ" and t.dep_ == "amod")] or found
    fit = [t for t in found if claim.relation in tagged.cues[t.i]]
    return fit or found


def _credits(tok: Any, lex: ParseLexicon) -> bool:
    """ "Netanyahu praised Biden for his support": praise for an act is no backing of the one
    praised (the act praised is read from its noun)."""
    if tok.lemma_.lower() not in lex.credit_lemmas:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and any(p.dep_ == "pobj" for p in c.children)
        for c in tok.children
    )


def _retreat(tok: Any, lex: ParseLexicon) -> bool:
    """ "backing away from its warning", "backed off from the plan", "backed out of the deal": a
    verb of backing with a particle of retreat is another verb, and backs nobody (a particle
    read as a preposition counts only when nobody is backed: "backed Kyiv out of conviction")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    backed = any(c.dep_ == "dobj" for c in tok.children)
    return any(
        c.lower_ in lex.retreat_particles
        and (c.dep_ in ("prt", "advmod") or (c.dep_ == "prep" and not backed))
        for c in tok.children
    )


def _pact_member(tok: Any, lex: ParseLexicon) -> bool:
    """ "Canada and its intelligence allies - Britain, Australia", "a mutual treaty ally": an ally
    by a kind of pact is a member of a standing alliance, no backer of a side in a war."""
    if tok.lemma_.lower() not in lex.mutual_nouns and tok.lower_ not in lex.mutual_nouns:
        return False
    return any(c.dep_ in ("amod", "compound") and c.lower_ in lex.pact_kinds for c in tok.children)


def _sought(tok: Any, lex: ParseLexicon) -> bool:
    """ "toured Asia to rally support for Belgrade", "is courting support": backing that a verb of
    seeking takes as its object is asked for, and nobody is said to give it."""
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ == "dobj"
        and tok.head.pos_ == "VERB"
        and tok.head.lemma_.lower() in lex.seek_lemmas
    )


def _own_forces(tagged: Tagged, tok: Any, claim: Claim, lex: ParseLexicon) -> bool:
    """ "supply routes support Turkish forces", "Iran supports its own militias": backing whose
    every object is the backer's own forces backs no side in a war."""
    objs = [c for c in tok.children if c.dep_ == "dobj"] + [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("for", "with", "behind")
        for p in c.children
        if p.dep_ == "pobj"
    ]

    def own(o: Any) -> bool:
        if o.lemma_.lower() not in lex.own_force_nouns and o.lower_ not in lex.own_force_nouns:
            return False
        mods = [c for c in o.children if c.dep_ in ("amod", "compound", "poss")]
        if any(m.lower_ == "own" for m in mods):
            return True
        names = {
            e.value
            for m in mods
            for t in m.subtree
            if (e := tagged.name(t.i, "actor", "demonym")) is not None
        }
        return bool(names) and names == {claim.subject}

    return bool(objs) and all(own(o) for o in objs)


def _courtesy(tagged: Tagged, tok: Any, lex: ParseLexicon) -> bool:
    """ "congratulated the president on his re-election", "applauded Canberra at the summit":
    praise of a person or state that names no deed of the war, as what is praised or why, is
    courtesy, not backing (but "cheered the army's advance", "congratulated him on the capture
    of the town" back a side)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.praise_lemmas:
        return False
    praised = [c for c in tok.children if c.dep_ == "dobj"]
    if not praised:
        return False  # "Ankara applauded" alone: nothing to tell the sense by
    reasons = [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("on", "for", "over")
        for p in c.children
        if p.dep_ in ("pobj", "pcomp")
    ]
    return not any(
        t.lemma_.lower() in lex.war_deeds or t.lower_ in lex.war_deeds or tagged.cues.get(t.i)
        for o in praised + reasons
        for t in o.subtree
        if t.i != tok.i
    )


def _owned_by_another(tagged: Tagged, tok: Any, claim: Claim, lex: ParseLexicon) -> bool:
    """ "concerns about China's support for Russia": a nominal act whose owner names another
    actor is that actor's, not the claim's subject's."""
    if tok.pos_ not in ("NOUN", "PROPN") or claim.subject is None:
        return False
    if claim.relation not in ("political_support", "combat"):
        return False  # "Azerbaijan's purchases of Israeli weapons": the buyer owns a purchase
    entry = tagged.triggers.get(tok.i)
    if entry is not None and entry.voice == "patron":
        return False  # "Russia's closest ally": the owner is the side backed, not the backer
    credit = credited(tok, lex)
    # "praised Biden for his support": the one praised owns the act
    owner = [c for c in credit.children if c.dep_ == "dobj"] if credit is not None else []
    owner = owner or [c for c in tok.children if c.dep_ == "poss"]
    if [o.lower_ for o in owner] == ["its"]:
        owner = [t for t in [named_before(tagged, owner[0])] if t is not None]
    owners = {
        e.value
        for o in owner
        for t in o.subtree
        if (e := tagged.name(t.i, "actor", "demonym")) is not None
    }
    return bool(owners) and claim.subject not in owners


def _by_a_measure(tok: Any, lex: ParseLexicon) -> bool:
    """A verb of striking whose agent is a measure, not a force: "sanctions targeting Russian
    banks", "Canada's sanctions hit oligarchs", "a disinformation campaign targeting Western
    aid", "the leaders its outreach efforts have targeted" (parse.yaml measure_nouns)."""
    if tok.pos_ != "VERB":
        return False
    agent = tok.head if tok.dep_ == "acl" else None  # "sanctions targeting ..."
    if agent is None:
        agent = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if agent is not None and agent.tag_ == "WDT" and tok.dep_ == "relcl":
            agent = tok.head  # "sanctions, which target ..."
    if agent is None or agent.i == tok.i:
        return False
    words = [agent] + [c for c in agent.children if c.dep_ == "compound"]
    measures = lex.measure_nouns
    return any(w.lower_ in measures or w.lemma_.lower() in measures for w in words)


def _hits_a_business(tagged: Tagged, tok: Any, lex: ParseLexicon) -> bool:
    """A verb of striking whose every object is a person or firm of commerce: "targeting
    individuals and entities that make engines", "hit two shipping firms" is a sanction, not
    fighting (parse.yaml measure_targets); unless a weapon or force strikes, or strikes with
    one: "missiles hit an energy company", "shelled the firm with artillery" is fighting."""
    if tok.pos_ != "VERB":
        return False
    armed = [c for c in tok.children if c.dep_ == "nsubj"] + [
        p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
    ]
    if any(tagged.name(w.i, "thing") is not None for w in armed):
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
    return bool(objs) and all(o.lemma_.lower() in lex.measure_targets for o in objs)


def _bare_sale(tok: Any, lex: ParseLexicon) -> bool:
    """A noun of selling with no thing sold and no buyer: "futures pointed to more selling",
    "a harder sell for the envoy" trade or persuade; they supply nothing (parse.yaml
    trade_nouns). "arms sales", "the sale of rifles", "sales to Chad", "Russian sales" keep
    their reading."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.trade_nouns:
        return False
    # "surged sales to Russia of machine tools": the parse may hang the buyer on the verb
    near = [*tok.children, *(tok.head.children if tok.dep_ == "dobj" else ())]
    return not any(
        c.dep_ in ("compound", "nmod", "poss")
        or (c.dep_ in ("prep", "dative") and c.lower_ in ("of", "to"))
        or (c.dep_ == "amod" and c.tag_ not in ("JJR", "JJS"))
        for c in near
    )


def _described(tok: Any, lex: ParseLexicon) -> bool:
    """A participle of supply used as a plain adjective, with no maker or agent: "heavily armed
    men", "an armed catastrophe" say how someone is kitted out, not that anyone supplied it."""
    if tok.lower_ not in lex.state_adjectives:
        return False
    before = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if before is not None and before.dep_ == "cc" and before.head.pos_ in ("VERB", "AUX"):
        return False  # "financed and armed the brigades": a verb the tagger took for a modifier
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "masked and armed men"
        tok = tok.head
    if tok.dep_ not in ("amod", "acomp"):
        return False
    return not any(c.dep_ in ("agent", "npadvmod", "compound", "nmod") for c in tok.children)


def _tool_use(tagged: Tagged, tok: Any, lex: ParseLexicon) -> bool:
    """ "drones used by the US military", "nitrocellulose used in the manufacture of
    ammunition": a thing described by its use, against no one and nowhere named, is no
    fighting ("drones used against the rebels" is, and so is a use asserted: "the army has
    used chemical weapons")."""
    if tok.lemma_.lower() not in lex.tool_lemmas or tok.dep_ != "acl":
        return False
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    for prep in (*tok.children, *(c for o in objects for c in o.children)):
        if prep.dep_ == "prep" and prep.lower_ in lex.target_preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and named(tagged, pobj, lex.generic_heads) is not None:
                    return False
    return True


def _suffered(tagged: Tagged, tok: Any, claim: Claim, lex: ParseLexicon) -> bool:
    """ "Russian soldiers captured in Ukraine", "Polish posts were attacked": the claim's
    actor named only as what a passive act is done to (and not as its by-agent). A weapon
    is no victim: "a Houthi drone aimed at Riyadh" is the Houthis' attack."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBN":
        return False
    if tok.dep_ == "acl" and tok.head.i != tok.i:
        patient = tok.head
    else:
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if patient is None:
        return False
    thing = thing_of(tagged, patient)
    if thing is not None and thing.cls in lex.weapons:
        return False
    by = [p for c in tok.children if c.dep_ == "agent" for p in c.subtree]
    if any(_names(tagged, t, claim.subject) for t in by):
        return False
    return any(_names(tagged, t, claim.subject) for t in patient.subtree if t not in by)


def _names(tagged: Tagged, tok: Any, subject: str | None) -> bool:
    entry = tagged.name(tok.i, "actor", "demonym")
    return entry is not None and entry.value == subject


def _particle(tok: Any) -> bool:
    """ "held back from recognising it", "pulled back": a verb's particle or adverb is no act
    (of backing or anything else)."""
    return tok.dep_ in ("prt", "advmod") and tok.pos_ in ("ADV", "ADP", "PART")


def _quarrel(tok: Any, lex: ParseLexicon) -> bool:
    """ "Paris and Ankara have clashed this year over Libya": a dispute over a topic, with no
    one fought ("clashed with rebels over the village" keeps its opponent, and is fighting)."""
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    return (
        tok.lemma_.lower() in lex.quarrel_lemmas
        and bool(preps & lex.topic_preps)
        and not preps & {"with", "against"}
    )


def _furnished_only(tagged: Tagged, claim: Claim, lex: ParseLexicon) -> bool:
    """ "accused Iran of supplying the fighters with drones": the fighters receive the drones,
    nobody sent them. The claim's object is who a verb of furnishing furnishes, and no other
    act of the sentence could make its relation (not so with "... and paid them")."""
    if claim.relation == "arms_supply" or not claim.object:
        return False
    furnishing = [t for t in tagged.sent if t.i in tagged.cues and furnished_with(t, lex)]
    said = claim.object.lower().split()[-1]
    furnished = [
        r
        for t in furnishing
        for r in t.children
        if r.dep_ in ("dobj", "nsubjpass") and r.lower_ == said
    ]
    others = [
        t
        for t in tagged.sent
        if t.i in tagged.triggers
        and claim.relation in tagged.cues.get(t.i, frozenset())
        and t not in furnishing
    ]
    return bool(furnished) and not others


_OPEN = frozenset({"open", "open_place", "open_person"})
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
_PEOPLE_RELATIONS = frozenset({"troop_deployment", "foreign_fighters", "training"})


def _people(tagged: Tagged, tok: Any, lex: ParseLexicon) -> bool:
    """The token names people a side sends, recruits or trains ("troops", "fighters")."""
    entry = tagged.name(tok.i, "thing")
    return entry is not None and entry.cls in lex.people_classes


def _civil_kind(tok: Any, lex: ParseLexicon) -> bool:
    """ "a football training (class)": a kind of training no army gives, named on the trigger
    or, when the trigger is itself a modifier, on the noun it modifies."""
    nouns = [tok, tok.head] if tok.dep_ == "compound" and tok.head.i != tok.i else [tok]
    return any(
        c.dep_ in ("compound", "amod") and c.lower_ in lex.civil_kinds
        for n in nouns
        for c in n.children
    )


def _title(tok: Any, lex: ParseLexicon) -> bool:
    """ "Mr X, the president's chief adviser on Ukraine": a person's title (a topic, or a
    person whose adviser it is), not advisers sent to anyone's forces."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    topic = any(c.dep_ == "prep" and c.lower_ in lex.title_preps for c in tok.children)
    personal = any(c.dep_ == "poss" and c.ent_type_ == "PERSON" for c in tok.children)
    return topic or personal


def _aspect(tok: Any, lex: ParseLexicon) -> bool:
    """ "volunteers keep reinforcing the rebels", "remained committed", "is seen as the
    president's adviser": a verb of presence with a verbal or adjectival complement, or an
    "as" phrase, marks aspect or regard and places nobody."""
    entry_like = tok.lemma_.lower() in lex.aspect_lemmas
    complement = any(c.dep_ in ("xcomp", "acomp") for c in tok.children)
    regard = tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
    return (entry_like and complement) or regard


def _carrying(tagged: Tagged, tok: Any, lex: ParseLexicon) -> bool:
    entry = tagged.triggers.get(tok.i)
    return entry is not None and entry.value in lex.carry_frames


def _carries(tagged: Tagged, tok: Any, claim: Claim, lex: ParseLexicon) -> bool:
    """ "the fighters brought shovels to the field", "X, the president's adviser, gave an
    interview to Reuters": a verb of carrying whose objects are things that are neither people,
    equipment nor a side, and not the claim's object; what is carried is something else."""
    entry = tagged.triggers.get(tok.i)
    if entry is None or entry.value not in lex.carry_frames or tok.pos_ != "VERB":
        return False
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and _people(tagged, subj, lex) and objs:
        # "contractors supplied drones", "fighters brought shovels": the people act, and what
        # they move is not themselves (unless it is people too: "brought more fighters")
        return not any(_people(tagged, o, lex) for o in objs)
    if not objs or any(
        o.pos_ != "NOUN" or o.like_num or o.ent_type_ in ("CARDINAL", "QUANTITY") for o in objs
    ):
        return False
    # the noun and its modifiers, through "of" ("the services of its specialists"), not its
    # other prepositions ("an interview to Reuters")
    nouns = objs + [p for o in objs for c in o.children if c.lower_ == "of" for p in c.children]
    carried = [
        t for o in nouns for t in (o, *o.children) if t.i == o.i or t.dep_ in _NOUN_MODIFIERS
    ]
    if any(tagged.name(t.i) is not None for t in carried):
        return False
    return claim.object is not None and not set(claim.object.lower().split()) & {
        t.lower_ for t in carried
    }


def _idiom(tok: Any, lex: ParseLexicon) -> bool:
    """ "wanted the fighters brought to justice", "brought the war to an end": a verb of
    carrying whose goal is a state of affairs, not a place or a side, moves nobody."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("to", "into")
        and any(p.dep_ == "pobj" and p.lemma_.lower() in lex.idiom_goals for p in c.children)
        for c in tok.children
    )


def _idiom_object(tok: Any, lex: ParseLexicon) -> bool:
    """ "paid tribute to the reporters", "the high price paid in lives": a verb whose object
    (or the noun it describes) makes an idiom hires or sends nobody (parse.yaml
    idiom_objects)."""
    if tok.pos_ != "VERB":
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "acl" and tok.head.i != tok.i:
        objs.append(tok.head)
    return bool(objs) and all(o.lemma_.lower() in lex.idiom_objects for o in objs)


def _wrong_sense(tagged: Tagged, claim: Claim, start: int, end: int, lex: ParseLexicon) -> bool:
    """Every act of a claim about people is the trigger word in another sense, told by its
    arguments: a civil kind of training, a title, aspect or regard, a verb carrying something
    else."""
    if claim.relation not in _PEOPLE_RELATIONS:
        return False
    # an auxiliary ("had finished") is no act, whatever cue its word is elsewhere
    acts = [t for t in _acts(tagged, claim, start, end) if t.dep_ not in ("aux", "auxpass")]
    training = claim.relation == "training"
    return bool(acts) and all(
        (training and (_civil_kind(t, lex) or _title(t, lex)))
        or _aspect(t, lex)
        or _idiom_object(t, lex)
        or _carries(tagged, t, claim, lex)
        or (_carrying(tagged, t, lex) and _idiom(t, lex))
        for t in acts
    )


def _relative_thing(tagged: Tagged, claim: Claim, start: int, end: int) -> bool:
    """ "the price of gas it sells to Belarus": a verb of supply in a relative clause with no
    object of its own supplies the noun the clause is on; when that noun is no equipment
    (gas, grain, electricity), nothing military is supplied."""
    if claim.relation != "arms_supply" or claim.object is not None:
        return False
    acts = [t for t in _acts(tagged, claim, start, end) if t.pos_ == "VERB"]
    return bool(acts) and all(
        t.dep_ == "relcl"
        and t.head.pos_ == "NOUN"
        and not any(c.dep_ == "dobj" for c in t.children)
        and tagged.name(t.head.i, "thing") is None
        for t in acts
    )


def _origin_only(tagged: Tagged, claim: Claim) -> bool:
    """Every mention of the fighters' side is inside a "from" phrase: where they come from."""
    if claim.relation != "foreign_fighters" or not claim.recipient:
        return False
    mentions = [
        t
        for t in tagged.sent
        if (e := tagged.name(t.i, "actor", "demonym")) is not None and e.value == claim.recipient
    ]
    return bool(mentions) and all(_under_from(t) for t in mentions)


def _under_from(tok: Any) -> bool:
    """The token is (inside) the object of "from", below any verb: "from groups in Syria"."""
    node = tok
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        if node.dep_ == "pobj" and node.head.lower_ == "from":
            return True
        node = node.head
    return False


def _supplied_people(tagged: Tagged, claim: Claim, start: int, end: int, lex: ParseLexicon) -> bool:
    """ "accused X of supplying the fighters with drones", "provided the militants with
    intelligence": the people are who receives, the "with" object is what is sent, so no
    one sends the people."""
    if claim.relation not in _PEOPLE_RELATIONS:
        return False
    people = [t for t in tagged.sent if start <= t.idx < end and _people(tagged, t, lex)]
    if not people:
        return False
    for tok in people:
        if tok.dep_ in ("compound", "amod") and _people(tagged, tok.head, lex):
            continue  # "rebel fighters": one phrase, judged by its head
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        verb = tok.head
        # only a verb of furnishing: "deployed troops with heavy armour" still sends them
        given = tok.dep_ == "dobj" and furnished_with(verb, lex)
        if not given:
            return False
    return True


def _anothers_forces(tagged: Tagged, claim: Claim, start: int, end: int, lex: ParseLexicon) -> bool:
    """ "its soldiers helped Russian forces liberate the region": forces a state deploys are
    its own, so the claim's forces that the parse gives another owner ("Russian forces" for
    North Korea) are not what it deployed."""
    if claim.relation != "troop_deployment" or claim.subject is None or not claim.object:
        return False
    words = set(claim.object.lower().split())
    heads = [
        t
        for t in tagged.sent
        if start <= t.idx < end
        and t.lower_ in words
        and t.dep_ not in _NOUN_MODIFIERS
        and _people(tagged, t, lex)
    ]
    owners = _owners(tagged, heads)
    return bool(owners) and claim.subject not in owners


def _owners(tagged: Tagged, nouns: list[Any]) -> list[str]:
    """The parties named as the nouns' modifiers ("Kenya's army", "the Chadian troops"); a name
    the knowledge base lacks may be a product's, and owns nothing."""
    return [
        e.value
        for t in nouns
        for c in t.children
        if c.dep_ in _NOUN_MODIFIERS
        and (e := tagged.name(c.i, "actor", "demonym")) is not None
        and e.cls not in _OPEN
    ]


def _trainees(tok: Any) -> list[Any]:
    """Who a training act trains: the verb's object, or the "of" object of the noun."""
    found = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    found += [
        p
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ == "NOUN"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return found + [c for t in found for c in t.children if c.dep_ == "conj"]


def _own_drill(tagged: Tagged, claim: Claim, start: int, end: int, lex: ParseLexicon) -> bool:
    """ "its generals are training Kenya's army", "the training of the Chadian army": training
    is of another side's forces (the contract); forces owned by the trainer itself are its
    own drill, no claim."""
    if claim.relation != "training" or claim.subject is None:
        return False
    acts = [t for t in _acts(tagged, claim, start, end) if t.dep_ not in ("aux", "auxpass")]
    if not acts or any(t.lemma_.lower() not in lex.drill_lemmas for t in acts):
        return False
    for act in acts:
        owners = _owners(tagged, _trainees(act))
        if not owners or any(o != claim.subject for o in owners):
            return False
    return True


def _home_only(tagged: Tagged, claim: Claim, start: int, end: int, lex: ParseLexicon) -> bool:
    """Fighters nobody sends, whose only "side" is where they are based, what they aim at or
    their nationality: "militias based in Iraq", "gunmen threatened to open fire at the
    monitors", "Iranian hackers could be enlisted" fight for no one the sentence names (the
    contract: the side must be named)."""
    if claim.relation != "foreign_fighters" or claim.subject is not None or not claim.recipient:
        return False
    mentions = [
        t
        for t in tagged.sent
        if start <= t.idx < end
        and (e := tagged.name(t.i, "actor", "demonym")) is not None
        and e.value == claim.recipient
    ]
    return bool(mentions) and all(
        _home_or_target(t, lex) or _nationality_of_subject(tagged, t) for t in mentions
    )


def _nationality_of_subject(tagged: Tagged, tok: Any) -> bool:
    """ "Iranian hackers could be enlisted", "Estonians are enlisted": a demonym on (or as) the
    people who are recruited or who act is their nationality, not the side they fight for."""
    entry = tagged.name(tok.i, "demonym")
    if entry is None:
        return False
    # "about 2,000 Estonians are enlisted each year": the people named by their nationality
    # are a state's own call-up, not fighters for a side
    if tok.dep_ in ("nsubjpass", "dobj") and tok.pos_ in ("NOUN", "PROPN"):
        return True
    return tok.dep_ == "amod" and tok.head.dep_ in ("nsubj", "nsubjpass", "dobj")


def _home_or_target(tok: Any, lex: ParseLexicon) -> bool:
    """The name is (or modifies) the object of "based in" or of "at"/"against"."""
    while tok.dep_ in ("compound", "amod", "appos", "conj") and tok.head.i != tok.i:
        tok = tok.head  # "an OSCE team", "in Baghdad, Iraq"
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.dep_ == "prep"
        and (prep.head.lemma_.lower() in lex.home_lemmas or prep.lower_ in lex.against_preps)
    )


def _state_less_tie(tagged: Tagged, claim: Claim, start: int, end: int, lex: ParseLexicon) -> bool:
    """ "They are accused of having links with Hezbollah": ties to an armed group are a state's
    sponsorship of it; ties of people or groups that are no state sponsor nobody."""
    if claim.relation != "foreign_fighters" or claim.subject in lex.states:
        return False
    acts = _acts(tagged, claim, start, end)
    return bool(acts) and all(t.lemma_.lower() in lex.tie_nouns for t in acts)


def _mentioned_only(tagged: Tagged, claim: Claim, start: int, end: int, lex: ParseLexicon) -> bool:
    """Whether one reading that makes an act no claim holds for every act of the claim."""
    acts = _acts(tagged, claim, start, end)
    if not acts:
        return False
    # an act stopped is not claimed ("efforts to end the attacks"); backing ended is ("to end
    # its backing of X")
    stopped = claim.relation != "political_support"
    readings: list[Callable[[Any], bool]] = [
        _particle,
        lambda t: _credits(t, lex) or _owned_by_another(tagged, t, claim, lex),
        lambda t: _background(t, lex, stopped=stopped) or _unrealised(t, lex),
    ]
    if claim.relation == "combat":
        readings += [
            lambda t: _quarrel(t, lex),
            lambda t: _tool_use(tagged, t, lex),
            lambda t: _by_a_measure(t, lex) or _hits_a_business(tagged, t, lex),
            lambda t: _suffered(tagged, t, claim, lex),
        ]
    if claim.relation in ("arms_supply", "training"):
        readings.append(lambda t: _described(t, lex))
    if claim.relation == "arms_supply" and claim.object is None:
        readings.append(lambda t: _bare_sale(t, lex))
    if claim.relation == "political_support":
        readings += [
            lambda t: _retreat(t, lex) or (_backs_a_thing(t, lex) and not _shields(tagged, t)),
            lambda t: _courtesy(tagged, t, lex),
            lambda t: _pact_member(t, lex),
            lambda t: _sought(t, lex),
            lambda t: _own_forces(tagged, t, claim, lex),
        ]
    return any(all(reading(t) for t in acts) for reading in readings)


def _placed(tagged: Tagged, tok: Any, lex: ParseLexicon) -> bool:
    """A name that only places the act: "a strike in Beirut, Lebanon", "targets in Yemen",
    or a word inside the name of a thing ("the cruiser USS Philippine Sea")."""
    if tok.ent_type_ in lex.thing_labels:
        ent = next((e for e in tagged.sent.ents if e.start <= tok.i < e.end), None)
        if ent is not None and ent.root.i != tok.i:
            return True
    if any(c.dep_ == "appos" and c.i in tagged.cues for c in tok.children):
        return False  # "in Turkey, a close ally of Azerbaijan": the name is described acting
    while tok.dep_ in ("appos", "conj", "compound") and tok.head.i != tok.i:
        tok = tok.head  # "in Beirut, Lebanon", "in Gaza and Lebanon"
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in lex.place_preps:
        return False
    # the place of an act, or of what the act is done to: "struck targets in Yemen"
    at = prep.head
    return at.i in tagged.cues or (at.head.i in tagged.cues and at.head.i != at.i)


def _nationality(tok: Any, lex: ParseLexicon) -> bool:
    """A state's name or demonym that only tells the nationality of people who are not its
    forces: "Yemeni rebels", "Syrian opposition fighters", "Russian hackers" (a group's name
    on its own members, "ISIS militants", is the group acting)."""
    while tok.dep_ in ("compound", "amod") and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_.lower() in lex.nonstate_heads or tok.lower_ in lex.nonstate_heads:
            return True
    return False


def _epithet(tok: Any, lex: ParseLexicon) -> bool:
    """A name inside an epithet: "Iran-backed forces", "Iranian backed groups", "Russian-
    aligned militias" name the forces, not an act of the backer (the contract: no claim)."""
    doc = tok.doc
    for j in (tok.i + 1, tok.i + 2):  # the participle right after the name, past a hyphen
        if j >= len(doc) or (j == tok.i + 2 and doc[tok.i + 1].text != "-"):
            break
        part = doc[j]
        if part.lemma_.lower() in lex.epithet_lemmas and part.dep_ == "amod":
            return part.head.pos_ in ("NOUN", "PROPN")  # the participle names a noun
    return False


def _only_placed(tagged: Tagged, subject: str | None, lex: ParseLexicon) -> bool:
    if subject is None:
        return False
    mentions = [
        t
        for t in tagged.sent
        if (e := tagged.name(t.i, "actor", "demonym")) is not None and e.value == subject
    ]
    # a name tagged over several tokens ("US-backed" as one sponsor name) is judged by its first
    starts = {t.i for t in mentions}
    mentions = [t for t in mentions if t.i - 1 not in starts]
    return bool(mentions) and all(
        _placed(tagged, t, lex)
        or _epithet(t, lex)
        or (subject in lex.states and _nationality(t, lex))
        for t in mentions
    )


# Relations whose verbs' agents the parse checks: "Russia massed troops to attack Ukraine" is
# no attack by Ukraine; "Armenians were no match for Azeri forces equipped with Israeli drones"
# is no supply by Armenia.
_AGENT_CHECKED = frozenset({"combat", "arms_supply"})


def _other_agents(tagged: Tagged, claim: Claim, start: int, end: int, lex: ParseLexicon) -> bool:
    """Every verb of attack (or supply) in the claim's words has, by the parse, an agent that is
    not the claim's subject: "Russia massed troops to attack Ukraine" is no attack by Ukraine.
    (Verbs only: the small model's roles of nominal and light-verb acts are too loose.)"""
    if claim.subject is None or claim.relation not in _AGENT_CHECKED:
        return False
    acts = [
        t
        for t in tagged.sent
        if t.i in tagged.triggers
        and start <= t.idx < end
        and claim.relation in tagged.cues.get(t.i, frozenset())
        and t.pos_ == "VERB"
    ]
    if not acts:
        return False
    for act in acts:
        memory = Memory()
        v = voice(tagged, act, lex, memory)
        accused = None if v is None else v.accused
        roles = verb_roles(tagged, act, tagged.triggers[act.i], lex, memory, accused)
        agents = {a.value for a in roles.agents} or _owner_before(tagged, act)
        if not agents or claim.subject in agents:
            return False
    return True


def _owner_before(tagged: Tagged, act: Any) -> set[str]:
    """ "Biden stood behind Israel even as its campaign killed thousands": the owner "its"
    names is the nearest state or group named before it (a person is no "it")."""
    subj = next((c for c in act.children if c.dep_ == "nsubj"), None)
    pronoun = (
        None
        if subj is None
        else next(
            (c for c in subj.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None
        )
    )
    if pronoun is None:
        return set()
    for tok in reversed(tagged.sent[: pronoun.i - tagged.sent.start]):
        entry = tagged.name(tok.i, "actor", "demonym")
        if entry is not None and entry.cls not in ("person", "open_person"):
            return {entry.value}
    return set()


def _helped_side(tagged: Tagged, claim: Claim) -> bool:
    """ "its soldiers helped Russian forces liberate the region": the side a force helps is
    the side it fights for, not its target (the contract's combat recipient)."""
    if claim.relation != "combat" or claim.recipient is None:
        return False
    mentions = [
        t
        for t in tagged.sent
        if (e := tagged.name(t.i, "actor", "demonym")) is not None and e.value == claim.recipient
    ]
    if not mentions:
        return False
    for tok in mentions:
        while tok.dep_ in ("compound", "amod", "conj") and tok.head.i != tok.i:
            tok = tok.head
        verb = tok.head
        if tok.dep_ == "nsubj" and verb.dep_ in ("ccomp", "xcomp") and verb.head.i != verb.i:
            verb, role = verb.head, "dobj"  # "helped Russian forces liberate the region"
        else:
            role = tok.dep_
        entry = tagged.triggers.get(verb.i)
        if role != "dobj" or entry is None or entry.value != "assist":
            return False
    return True


def _backing_from(tagged: Tagged, claim: Claim, start: int, end: int) -> str | None:
    """ "sees the growing support for Israel from Washington": a noun of backing whose "from"
    phrase names an actor is that actor's backing, not the one who sees or names it."""
    if claim.relation != "political_support":
        return None
    acts = [t for t in _acts(tagged, claim, start, end) if t.pos_ == "NOUN"]
    if not acts:
        return None
    # the parser hangs "from" on the noun or on the side it names ("support for Kyiv from X")
    holders = list(acts) + [
        p
        for t in acts
        for c in t.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    givers = {
        e.value
        for t in holders
        for c in t.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for p in c.children
        if p.dep_ == "pobj" and (e := tagged.name(p.i, "actor")) is not None
    }
    if len(givers) != 1:
        return None
    giver = next(iter(givers))
    return giver if giver not in (claim.subject, claim.recipient) else None


class Vetter:
    """One document's parsed sentences, to check claims against (chunk offset, sentence)."""

    def __init__(self, lex: ParseLexicon) -> None:
        self.lex = lex
        self.sentences: list[tuple[int, Tagged]] = []

    def add(self, offset: int, tagged: Tagged) -> None:
        self.sentences.append((offset, tagged))

    def _sentence(self, claim: Claim) -> tuple[int, Tagged] | None:
        at = claim.evidence.start
        for offset, tagged in self.sentences:
            if offset + tagged.sent.start_char <= at < offset + tagged.sent.end_char:
                return offset, tagged
        return None

    def keep(self, claim: Claim) -> bool:
        found = self._sentence(claim)
        if found is None:
            return True  # a sentence the parser did not read: nothing to check against
        offset, tagged = found
        start, end = claim.evidence.start - offset, claim.evidence.end - offset
        if _mentioned_only(tagged, claim, start, end, self.lex):
            return False
        if _other_agents(tagged, claim, start, end, self.lex):
            return False
        if _helped_side(tagged, claim):
            return False
        if _wrong_sense(tagged, claim, start, end, self.lex):
            return False
        if _relative_thing(tagged, claim, start, end):
            return False
        if _supplied_people(tagged, claim, start, end, self.lex):
            return False
        if _home_only(tagged, claim, start, end, self.lex):
            return False
        if _anothers_forces(tagged, claim, start, end, self.lex):
            return False
        if _own_drill(tagged, claim, start, end, self.lex):
            return False
        if _state_less_tie(tagged, claim, start, end, self.lex):
            return False
        return not _only_placed(tagged, claim.subject, self.lex)

    def misread_furnishing(self, claim: Claim) -> bool:
        """A claim of a sentence whose only act of its relation is a verb of furnishing: "accused
        Iran of supplying the fighters with drones" sends no fighters."""
        found = self._sentence(claim)
        return found is not None and _furnished_only(found[1], claim, self.lex)

    def mend(self, claim: Claim) -> Claim:
        """A kept claim with what the parse shows misread: a side of fighters named only as
        where they come from ("recruited from groups in Syria") is their origin, no side."""
        found = self._sentence(claim)
        if found is not None and _origin_only(found[1], claim):
            return replace(claim, recipient=None)
        if found is not None:
            offset, tagged = found
            start, end = claim.evidence.start - offset, claim.evidence.end - offset
            giver = _backing_from(tagged, claim, start, end)
            if giver is not None:
                return replace(claim, subject=giver)
        return claim

    def vet(self, claims: list[Claim]) -> list[Claim]:
        return [self.mend(c) for c in claims if self.keep(c)]
