"""A thing named by its maker: "Israeli-made drones", "US-supplied F-16s", "Chinese-built jets".

The maker supplies whoever has the thing: the subject of a verb of use, firing or receipt
("Azerbaijan uses Israeli-made drones"), the by-agent of a participle on it ("drones operated
by the RSF"), the owner of the act it was used in ("munitions used in the Israeli strike"), or
its possessor. Nobody holding it, no claim: the maker's name alone says where a thing came
from, not to whom (both sides of a war field the same factories' weapons).
"""

from __future__ import annotations

from typing import Any

from corroborate.extract.claim import Claim
from corroborate.extract.kb import KnowledgeBase
from corroborate.extract.parse.attribution import Memory, subject_of, voice
from corroborate.extract.parse.claims import evidence_span, quantity_of
from corroborate.extract.parse.entities import Tagged
from corroborate.extract.parse.lexicon import ParseLexicon
from corroborate.extract.parse.phrases import Named, named, thing_of
from corroborate.extract.parse.roles import actor_of

_MAKER_DEPS = frozenset({"npadvmod", "compound", "nmod", "amod", "nsubj"})


def _maker(tagged: Tagged, participle: Any, lex: ParseLexicon) -> Named | None:
    for child in participle.children:
        if child.dep_ in _MAKER_DEPS and child.i < participle.i:
            got = named(tagged, child, lex.generic_heads)
            if got is not None and got.kind in ("actor", "demonym"):
                return got
    return None


def _holder(
    tagged: Tagged, noun: Any, lex: ParseLexicon, memory: Memory
) -> tuple[Named | None, Any]:
    """Who has the thing, and the verb that says so (the noun itself when none does)."""
    top = noun
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    head = top.head
    verb = head if head.pos_ in ("VERB", "AUX") else None
    if top.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB":
        verb = head.head  # "struck Kyiv with Iranian-made drones"
    if verb is not None and verb.lemma_.lower() in lex.user_lemmas:
        if top.dep_ in ("dobj", "pobj"):
            subj = subject_of(verb)
            if subj is not None:
                return actor_of(tagged, subj, lex, memory), verb
        if top.dep_ == "nsubjpass":
            by = next((p for c in verb.children if c.dep_ == "agent" for p in c.children), None)
            if by is not None:
                return actor_of(tagged, by, lex, memory), verb
    for child in noun.children:
        if child.dep_ == "poss":
            return actor_of(tagged, child, lex, memory), noun
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in lex.user_lemmas:
            for prep in child.children:  # "operated by the RSF", "used in the Israeli strike"
                if prep.dep_ in ("agent", "prep") and prep.lower_ in ("by", "in", "during"):
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            got = actor_of(tagged, pobj, lex, memory)
                            if got is None and prep.lower_ != "by":
                                got = _act_owner(tagged, pobj, lex, memory)
                            if got is not None:
                                return got, child
    return None, noun


def _act_owner(tagged: Tagged, act: Any, lex: ParseLexicon, memory: Memory) -> Named | None:
    """The owner of an act the thing was used in: "the Israeli strike", "Russia's attack"."""
    if act.i not in tagged.cues:
        return None
    for child in act.children:
        if child.dep_ in ("amod", "poss", "compound"):
            got = actor_of(tagged, child, lex, memory)
            if got is not None:
                return got
    return None


def provenance_claims(
    *, kb: KnowledgeBase, lex: ParseLexicon, tagged: Tagged, doc_id: str, memory: Memory
) -> list[Claim]:
    out: list[Claim] = []
    supply = kb.frames.get("transfer", {})
    for tok in tagged.sent:
        if tok.dep_ not in ("amod", "acl") or tok.lemma_.lower() not in lex.provenance_lemmas:
            continue
        noun = tok.head
        thing = thing_of(tagged, noun)
        if thing is None or thing.cls is None or supply.get(thing.cls) != "arms_supply":
            continue
        maker = _maker(tagged, tok, lex)
        if maker is None:
            continue
        holder, verb = _holder(tagged, noun, lex, memory)
        if holder is None or holder.value == maker.value:
            continue
        # the clause that says who has it is voiced where the thing's own phrase is ("experts
        # identified US-made munitions used in the strike"); a governing verb carries its own
        v = voice(tagged, noun if verb.head.i == noun.i else verb, lex, memory)
        if v is None:
            continue
        tokens = [t for t in (tagged.sent.doc[maker.token], noun, verb) if t is not None]
        if 0 <= holder.token < len(tagged.sent.doc):
            tokens.append(tagged.sent.doc[holder.token])
        out.append(
            Claim(
                doc=doc_id,
                subject=maker.value,
                relation="arms_supply",
                object=thing.value if thing.value[:1].isupper() else noun.text,
                recipient=holder.value,
                quantity=quantity_of(tagged, noun, thing),
                speaker="author" if v.speaker is None else v.speaker.value,
                polarity=v.polarity,
                hedged=v.hedged,
                evidence=evidence_span(noun.doc.text, tokens, noun),
                cameo=kb.cameo("arms_supply"),
                confidence=0.5,
            )
        )
    return out
