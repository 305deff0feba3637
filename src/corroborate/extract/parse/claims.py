"""Stage 5, claims: a trigger's roles and voice become contract claims."""

from __future__ import annotations

from typing import Any

from corroborate.extract.claim import Claim, Quantity, Span
from corroborate.extract.kb import Entry, KnowledgeBase
from corroborate.extract.parse.attribution import Voice
from corroborate.extract.parse.entities import Tagged
from corroborate.extract.parse.lexicon import ParseLexicon
from corroborate.extract.parse.phrases import Named
from corroborate.extract.parse.roles import Roles
from corroborate.extract.quantities import (
    at_a_border,
    bounded,
    casualty_count,
    quantity_before,
    sized_force,
    unit_for,
)

RELATIONS = frozenset(
    {"arms_supply", "troop_deployment", "foreign_fighters", "training", "logistics", "combat",
     "political_support", "force_size"}
)  # fmt: skip
_EVIDENCE_TOKENS = 14
_NEEDS_RECIPIENT = frozenset({"political_support", "combat"})


def relation_of(
    kb: KnowledgeBase, lex: ParseLexicon, entry: Entry, thing: Entry | None, obj: Any | None
) -> str | None:
    if entry.value in RELATIONS:
        return entry.value
    frame = kb.frames.get(entry.value, {})
    if thing is not None and thing.cls is not None:
        return frame.get(thing.cls) or frame.get("*")
    if "*" in frame:
        return frame["*"]
    default = lex.frame_defaults.get(entry.value)
    if default is None or obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    # the object's own phrase, not the other items of its list ("60 boats, ... and £500
    # million in funding": the boats are no funding)
    words = {t.lower_ for t in _own_phrase(obj)} | {obj.lemma_.lower()}
    return None if words & lex.civil_objects else default


def _own_phrase(head: Any) -> list[Any]:
    """A noun's phrase without the other items of a list it heads: "60 boats, 400 vehicles
    and £500 million in funding" is, for "boats", "60 boats"."""
    items = [c for c in head.children if c.dep_ in ("conj", "appos", "cc")]
    others = {t.i for c in items for t in c.subtree}
    return [t for t in head.subtree if t.i not in others]


_CURRENCIES = {"$": "USD", "£": "GBP", "€": "EUR"}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "m": 1e6}


def _money(obj: Any) -> Quantity | None:
    """An amount of money for what is supplied: "$1.5 billion in weapons" (gold: its currency)."""
    amount = obj
    if obj.head.dep_ == "prep" and obj.head.lower_ in ("in", "of", "worth"):
        amount = obj.head.head
    words = list(_own_phrase(amount)) if amount.i != obj.i else [*obj.lefts, obj]
    unit = next((_CURRENCIES[t.text] for t in words if t.text in _CURRENCIES), None)
    if unit is None:
        return None
    value, scale = None, 1.0
    for t in words:
        if t.like_num and value is None:
            try:
                value = float(t.text.replace(",", ""))
            except ValueError:
                value = None
        elif t.lower_ in _SCALES:
            scale = _SCALES[t.lower_]
    if value is None:
        return None
    # "at least $12 million": the words before the amount may leave a bound open
    sign = next(t for t in words if t.text in _CURRENCIES)
    before = tuple(t.lower_ for t in sign.doc[max(0, sign.i - 3) : sign.i])
    return bounded(Quantity(value * scale, value * scale, unit), before)


def quantity_of(tagged: Tagged, obj: Any | None, thing: Entry | None) -> Quantity | None:
    if obj is None:
        return None
    money = _money(obj)
    if money is not None:
        return money
    start = obj.idx
    words = tagged.words
    index = next((k for k, w in enumerate(words) if w.start >= start), None)
    if index is None:
        return None
    unit = unit_for(thing.value if thing else obj.text.lower(), thing.cls if thing else None)
    return quantity_before(words, index, unit=unit)


def evidence_span(text: str, tokens: list[Any], trigger: Any) -> Span:
    lo = min(t.i for t in tokens)
    hi = max(t.i for t in tokens)
    if hi - lo >= _EVIDENCE_TOKENS:  # keep the words nearest the trigger
        lo = max(lo, trigger.i - _EVIDENCE_TOKENS // 2)
        hi = min(hi, lo + _EVIDENCE_TOKENS - 1)
    doc = trigger.doc
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    return Span(start, end, text[start:end])


def _object_text(obj: Any | None, thing: Entry | None) -> str | None:
    """A named system by its canonical name ("Bayraktar TB2"), anything else as the text words
    it ("military hardware", "arms supplies"): the words a reader would quote."""
    if thing is not None and thing.value[:1].isupper():
        return thing.value
    if obj is None:
        return None if thing is None else thing.value
    words = [t for t in obj.children if t.i < obj.i and t.dep_ in ("compound", "amod")]
    return " ".join([*(t.text for t in words), obj.text])


def _token(trigger: Any, got: Named | None) -> Any | None:
    """The token that named an actor, when it is in the trigger's sentence."""
    if got is None or got.token < 0 or got.token >= len(trigger.doc):
        return None
    tok = trigger.doc[got.token]
    return tok if tok.sent == trigger.sent else None


def _military(kb: KnowledgeBase, trigger: Any) -> bool:
    """Support the text calls military: "military and financial support", "backed militarily"
    (relations.yaml military_markers): hardware, not political backing."""
    mods = [c for c in trigger.children if c.dep_ in ("amod", "compound", "advmod", "npadvmod")]
    words = {t.lower_ for m in mods for t in (m, *(c for c in m.children if c.dep_ == "conj"))}
    return not words.isdisjoint(kb.military_markers)


def _coordinated(a: Any, b: Any) -> bool:
    """Two tokens in one coordination: "the Houthis and Hamas"."""

    def first(tok: Any) -> Any:
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        return tok

    return bool(a.i != b.i and first(a).i == first(b).i)


def _speaker(trigger: Any, agent: Named | None, voice: Voice, *, stated: bool) -> str:
    """The claim's voice; where the voice is one of the act's coordinated agents, each agent
    voices its own act ("the Houthis and Hamas condemned the raid and declared solidarity
    with Lebanon": Hamas declares its own solidarity). A `stated` act (a condemnation) is a
    statement of its agent's."""
    if voice.speaker is None:
        return agent.value if stated and agent is not None else "author"
    said, did = _token(trigger, voice.speaker), _token(trigger, agent)
    if agent is not None and said is not None and did is not None and _coordinated(said, did):
        return agent.value
    return voice.speaker.value


def make_claims(
    *,
    kb: KnowledgeBase,
    lex: ParseLexicon,
    tagged: Tagged,
    doc_id: str,
    trigger: Any,
    entry: Entry,
    roles: Roles,
    voice: Voice,
) -> list[Claim]:
    text = trigger.doc.text
    objects = roles.objects or [(None, None)]
    out: list[Claim] = []
    for obj, thing in objects:
        relation = relation_of(kb, lex, entry, thing, obj)
        if relation is None:
            continue
        if relation == "political_support" and _military(kb, trigger):
            relation = "arms_supply"
        if relation == "political_support" and roles.epithet:
            continue  # "Iran-backed militias", "factions backed by Turkey": epithets, no claim
        if relation == "logistics" and thing is not None and thing.cls in lex.self_propelled:
            continue  # "Russian jets flew": aircraft flying themselves carry nothing for a side
        quantity = quantity_of(tagged, obj, thing)
        if casualty_count([trigger.text], kb.grammar.casualty_verbs):
            quantity = None
        if entry.needs == "quantity" and quantity is None:
            continue
        kind = None if thing is None else thing.cls
        after = [] if obj is None else [t.text for t in obj.doc[obj.i + 1 : obj.sent.end]]
        border = at_a_border(after, kb.grammar.boundary_nouns)
        relation = sized_force(
            relation, entry.value, quantity, roles.recipient, kind=kind, at_border=border
        )
        if entry.needs == "place" and roles.recipient is None:
            continue  # "soldiers were killed": a casualty, placed nowhere, deploys no one
        # support of nobody named, a fight against no one, an unknown thing sent nowhere: too
        # little of a proposition to stand as a claim (a force's size needs only its figure)
        thin = roles.recipient is None and (relation in _NEEDS_RECIPIENT or thing is None)
        if thin and not (relation == "force_size" and quantity is not None):
            continue
        # fighters nobody is said to send still fight for someone: then the side must be named
        unsent = (
            relation == "foreign_fighters"
            and roles.recipient is not None
            and roles.recipient.kind in ("actor", "demonym", "open")
        )
        agents: list[Named | None] = list(roles.agents) or ([None] if unsent else [])
        for agent in agents:
            subject = None if agent is None else agent.value
            recipient = None if roles.recipient is None else roles.recipient.value
            if subject is not None and subject == recipient:
                continue
            speaker = _speaker(trigger, agent, voice, stated=entry.voice == "victim")
            tokens = [trigger] + [
                t
                for t in (
                    _token(trigger, agent),
                    obj,
                    _token(trigger, roles.recipient),
                )
                if t is not None
            ]
            obj_text = _object_text(obj, thing)
            out.append(
                Claim(
                    doc=doc_id,
                    subject=subject,
                    relation=relation,
                    object=obj_text,
                    recipient=recipient,
                    quantity=quantity,
                    speaker=speaker,
                    polarity=voice.polarity,
                    hedged=voice.hedged,
                    evidence=evidence_span(text, tokens, trigger),
                    cameo=kb.cameo(relation),
                    confidence=0.55,  # below the rules' readings: the review queue's order
                )
            )
    return out
