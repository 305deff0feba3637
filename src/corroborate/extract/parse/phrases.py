"""Who a noun phrase names: the actor of its head or of its modifiers, open names included."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corroborate.extract.kb import Entry
from corroborate.extract.parse.entities import Tagged

# Modifiers that tell whose a noun is: "Russian troops", "Turkey's drones", "the Iranian army".
_OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
# Modifiers that name the noun itself: "the UAE (United Arab Emirates)", "Pentagon spokesman X".
_SAME_DEPS = frozenset({"appos", "compound", "flat"})
PRONOUNS = frozenset({"it", "its", "they", "their", "them", "he", "his", "she", "her", "we", "our"})


# the recogniser's labels of times and amounts: capitalised ("September"), never an actor
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})


@dataclass(frozen=True, slots=True)
class Named:
    """An actor as a noun phrase names it."""

    value: str
    kind: str  # actor | demonym | outlet | person | open (an NER name) | name | generic
    token: int  # the token that named it
    thing: Entry | None = None  # the equipment or force the phrase is about, if any


def thing_of(tagged: Tagged, head: Any) -> Entry | None:
    """The equipment or force a phrase is about: a named system among its modifiers ("Su-30SM
    fighters"), else its head's entry, else a modifier's."""
    own = tagged.name(head.i, "thing")
    found: Entry | None = None
    for tok in head.children:
        entry = tagged.name(tok.i, "thing")
        if entry is not None and tok.dep_ in ("compound", "amod", "nmod"):
            if entry.value[:1].isupper() and entry is not own:
                return entry
            found = found or entry
    return own or found


def _entry_named(entry: Entry, i: int) -> Named:
    if entry.kind == "actor" and entry.cls == "person" and entry.value[:1].isupper():
        # a known official maps to the state; an unknown person stays a person
        return Named(entry.value, "actor", i)
    if entry.kind == "actor" and entry.cls == "open":
        return Named(entry.value, "open", i)
    if entry.kind == "actor" and entry.cls == "open_place":
        return Named(entry.value, "place", i)
    if entry.kind == "actor" and entry.cls == "open_person":
        return Named(entry.value, "person", i)
    return Named(entry.value, entry.kind, i)


def _remember(tagged: Tagged, person: str, got: Named) -> None:
    tagged.people[person] = (got.value, got.kind)
    tagged.people[person.split()[-1]] = (got.value, got.kind)


def named(tagged: Tagged, head: Any, generic_heads: frozenset[str]) -> Named | None:
    """The actor a noun phrase with this head names, nearest the head first."""
    entry = tagged.name(head.i, "actor", "demonym", "outlet")
    person = entry is not None and entry.cls == "open_person"
    if entry is not None and not person and not (entry.kind == "demonym" and head.dep_ == "amod"):
        return _entry_named(entry, head.i)
    thing = thing_of(tagged, head)
    # modifiers, nearest first: "the Iranian foreign ministry spokesman", "Turkey's army"
    for tok in sorted(head.children, key=lambda t: abs(t.i - head.i)):
        if tok.dep_ not in _OWNER_DEPS and tok.dep_ not in _SAME_DEPS:
            continue
        if tok.dep_ == "amod" and tok.tag_ == "VBN" and tagged.name(tok.i) is None:
            continue  # "Chinese-made drones", "Iran-backed militias": a maker or patron, no owner
        for sub in (tok, *tok.subtree):
            found = tagged.name(sub.i, "actor", "demonym", "outlet")
            if found is not None and found.cls in ("open", "open_place") and thing is not None:
                continue  # "Wing Loong drones": a product's name, not its owner
            if found is not None and found.cls != "open_person":
                got = _entry_named(found, sub.i)
                if person and entry is not None and got.kind in ("actor", "demonym", "open"):
                    _remember(tagged, entry.value, got)
                return Named(got.value, got.kind, got.token, thing)
    # "the ambassador of Ukraine", "officials in Kyiv", "Foreign Minister X of Brazil"
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    inner = named(tagged, pobj, generic_heads)
                    if inner is not None and inner.kind in ("actor", "demonym", "open"):
                        if person and entry is not None:
                            _remember(tagged, entry.value, inner)
                        return Named(inner.value, inner.kind, inner.token, thing)
    if person and entry is not None:  # a person named alone: as the document tied them before
        known = tagged.people.get(entry.value) or tagged.people.get(entry.value.split()[-1])
        if known is not None:
            return Named(known[0], known[1], head.i)
        return _entry_named(entry, head.i)
    if head.pos_ == "PROPN" and head.text[:1].isupper() and head.ent_type_ not in _NOT_NAMES:
        # a name neither the knowledge base nor the NER knows is still a name (open world);
        # but "in September" is a date, never a side or a place
        words = [t for t in head.subtree if t.dep_ in ("compound", "flat") or t.i == head.i]
        if all(t.pos_ == "PROPN" for t in words):
            name = " ".join(t.text for t in words)
            tied = tagged.people.get(name)
            if tied is not None:  # a person the document tied to a body, unknown to the NER
                return Named(tied[0], tied[1], head.i, thing)
            return Named(name, "name", head.i, thing)
    if head.lower_ in generic_heads or head.lemma_.lower() in generic_heads:
        words = [
            t
            for t in head.children
            if t.i < head.i
            and t.dep_ in ("amod", "compound")
            # "recent reports" are "reports"; "local sources" stay (grammar.yaml passing_words)
            and t.lower_ not in tagged.passing
        ]
        if any(c.dep_ == "conj" for t in words for c in t.children):
            words = []  # "legal and military experts": no one modifier names them; "experts"
        label = " ".join([*(t.text for t in words), head.text]).strip()
        return Named(label, "generic", head.i, thing)
    return None


def conjuncts(head: Any) -> list[Any]:
    """The head and every token coordinated with it: "France, Italy and Spain"."""
    out = [head]
    stack = list(head.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ == "conj" and tok.head in out:
            out.append(tok)
            stack.extend(tok.children)
    return sorted(out, key=lambda t: t.i)
