"""Filling a trigger's roles: who acts, on what, for whom; and resolving the relation.

Positional rules over mentions stand in for a parser: the subject is the nearest agent to the
left outside a prepositional phrase; a passive takes its subject from "by X"; a gerund chained
to a clause ("..., supplying X") inherits the clause's subject; "to/for X" marks the recipient.
"""

from __future__ import annotations

from dataclasses import dataclass

from corroborate.extract.kb import Grammar, KnowledgeBase, Match
from corroborate.extract.mentions import FIGHTER_CLASSES, Mention
from corroborate.extract.tokens import Token

# relations whose agentless statements are claims ("weapons were flown in"); an agentless
# attack or backing is not (guidelines 9.5)
AGENTLESS_RELATIONS = frozenset(
    {"arms_supply", "logistics", "foreign_fighters", "troop_deployment", "training"}
)


# trigger frames of things that move with their owner ("Russian troops were sent")
MOVING_TRIGGERS = frozenset({"transfer", "presence", "logistics"})
# triggers that, as the purpose of another act ("recruited men to fight"), assert nothing
PURPOSE_ONLY = frozenset({"attack", "assist", "use"})
# what carries people or goods: "on Turkish military transports"
CARRIER_CLASSES = frozenset({"logistics", "transport_aircraft"})


@dataclass(slots=True)
class Core:
    """A claim before its speaker is known."""

    trigger: Match
    relation: str
    subjects: tuple[str, ...]
    subject_mention: Mention | None
    object: str | None
    object_mention: Mention | None
    recipient: str | None
    recipient_mention: Mention | None
    negated: bool
    irrealis: bool
    subject_from_context: bool = False
    agentless: bool = False  # "drones were delivered to Baku": the text names no actor


def _is_participle(word: str, g: Grammar) -> bool:
    return word.endswith(("ed", "en", "wn")) or word in g.irregular_participles


def _is_passive(tokens: list[Token], t0: int, t1: int, g: Grammar) -> bool:
    followed_by_agent = t1 < len(tokens) and tokens[t1].lower == "by"
    if t1 - t0 > 1:
        # "was involved in the fighting" is a state, "was shot down by X" a passive
        return followed_by_agent and _is_participle(tokens[t0].lower, g)
    word = tokens[t0].lower
    if not _is_participle(word, g):
        return False
    i = t0 - 1
    while i >= 0 and tokens[i].lower in g.adverbs:
        i -= 1
    if i >= 0 and tokens[i].lower in g.be_verbs:
        return True
    # reduced relative: "support provided by Russia", "drones supplied by Turkey"
    return followed_by_agent


def _agent_from(m: Mention) -> tuple[str, ...]:
    return m.actors if m.kind != "pronoun" else ()


def _coordinated(
    first: Mention, after: list[Mention], tokens: list[Token], g: Grammar
) -> list[Mention]:
    """A thing and the things listed with it: "volunteers and weapons", "drones, shells"."""
    out = [first]
    for m in after:
        if m.start <= out[-1].start or m.kind != "thing":
            continue
        between = [t.lower for t in tokens[out[-1].end : m.start]]
        if between and all(
            w in ("and", ",", "or", "as", "well", "also", "related") for w in between
        ):
            out.append(m)
        else:
            break
    return out


def _first_subject(mentions: list[Mention], lo: int, t0: int) -> Mention | None:
    for m in mentions:
        in_clause = lo <= m.start and m.end <= t0 and not m.consumed and m.prep is None
        agent = m.kind in ("actor", "pronoun", "group_ref", "institution")
        if in_clause and (agent or (m.kind == "thing" and m.actors)):
            return m
    return None


def _nearest_subject(
    mentions: list[Mention],
    tokens: list[Token],
    lo: int,
    t0: int,
    trigger_tokens: set[int],
    g: Grammar,
) -> Mention | None:
    for m in reversed(mentions):
        if m.end > t0 or m.start < lo or m.consumed or m.prep is not None:
            continue
        # an object right after a verb is not a subject: "Turkey sold drones and trained ..."
        j = m.start - 1
        while j >= lo and tokens[j].lower in g.determiners:
            j -= 1
        if j >= lo and j in trigger_tokens:
            continue
        if m.kind in ("actor", "pronoun", "group_ref", "institution", "thing", "modifier"):
            return m
    return None


def _light_verb(tokens: list[Token], lo: int, t0: int, g: Grammar) -> int | None:
    """A verb that makes a noun trigger the act: "carried out drone strikes", "voiced
    strong diplomatic backing". Returns the light verb's token index."""
    i = t0 - 1
    while i >= lo and t0 - i <= 4:
        low = tokens[i].lower
        if low in g.light_verbs:
            return i
        if low in ("out", "up") and i > lo and tokens[i - 1].lower in g.light_verbs:
            return i - 1
        if not tokens[i].text.isalpha() or low in g.prepositions or low in g.conjunctions:
            return None
        i -= 1
    return None


def _mentions_after(mentions: list[Mention], t1: int, hi: int, window: int = 14) -> list[Mention]:
    return [m for m in mentions if m.start >= t1 and m.start < hi and m.start - t1 <= window]


def resolve_relation(
    kb: KnowledgeBase, trigger: Match, obj: Mention | None, tokens: list[Token]
) -> str | None:
    entry = trigger.first("trigger")
    assert entry is not None
    rel = entry.value
    if rel in kb.frames and rel != "attack":
        if obj is None or obj.thing_class is None:
            return None
        return kb.frames[rel].get(obj.thing_class)
    if rel == "attack":
        return "combat"
    if rel == "political_support":
        window = {t.lower for t in tokens[max(0, trigger.start - 2) : trigger.end + 2]}
        if window & kb.military_markers:
            return "arms_supply"
        if obj is not None and obj.thing_class not in (None, "own_forces") and obj.prep == "with":
            return "arms_supply"
    if rel == "foreign_fighters" and (obj is None or obj.thing_class not in FIGHTER_CLASSES):
        return None
    if rel == "force_size" and (
        obj is None
        or (obj.thing_class != "own_forces" and obj.thing_class not in kb.frames.get("use", {}))
        or obj.thing_class in FIGHTER_CLASSES
    ):
        return None
    return rel


def fill_roles(
    kb: KnowledgeBase,
    tokens: list[Token],
    trigger: Match,
    mentions: list[Mention],
    clause: tuple[int, int],
    trigger_tokens: set[int],
    cue_kinds_at: dict[int, set[str]],
) -> list[Core]:
    """Cores for one trigger: one per coordinated object ("volunteers and weapons")."""
    t0, t1 = trigger.start, trigger.end
    lo, hi = clause
    g = kb.grammar
    entry = trigger.first("trigger")
    assert entry is not None
    word, last_word = tokens[t0].lower, tokens[t1 - 1].lower
    inside = next(
        (m for m in mentions if m.start <= t0 and t1 <= m.end and m.kind == "thing"), None
    )
    if inside is not None and kb.frames["transfer"].get(inside.thing_class or "") != entry.value:
        return []  # "armed forces", "transport aircraft": a word of a noun phrase, not an act
    prev = tokens[t0 - 1].lower if t0 > 0 else ""
    if word.endswith("ing") and prev in g.prepositions and prev not in g.gerund_links:
        return []  # "trained them in operating the drones": a complement, not an act
    if (
        prev == "to"
        and entry.value in PURPOSE_ONLY
        and any(i in trigger_tokens for i in range(lo, t0))
    ):
        return []  # "sent volunteers to fight": a purpose, not an asserted act
    after = [m for m in _mentions_after(mentions, t1, hi) if m is not inside]
    light = _light_verb(tokens, lo, t0, g)
    is_noun = light is None and (
        inside is not None
        or (
            last_word in g.noun_triggers
            and (
                prev in g.noun_openers
                or t1 - t0 > 1
                or any(m.end == t0 and m.kind in ("modifier", "actor") for m in mentions)
                or (t1 < len(tokens) and tokens[t1].lower in ("from", "of", "for", "to", "by"))
            )
        )
    )
    subject: Mention | None = None
    objects: list[Mention] = []
    recipient: Mention | None = None
    acquire = entry.voice == "acquire"
    agentless = own_move = False
    if is_noun:
        near = [m for m in after if m.start - t1 <= 2]
        owner = next(
            (m for m in mentions if m.end in (t0, t0 - 1) and m.kind in ("actor", "modifier")), None
        )
        agent = next((m for m in near if m.prep in ("from", "by") and m.kind == "actor"), None)
        subject = agent or owner
        of_thing = next((m for m in near if m.kind == "thing" and m.prep in ("of", None)), None)
        objects = [inside] if inside is not None else ([of_thing] if of_thing else [])
        recipient = next(
            (m for m in after if m.prep in ("to", "for") and m.kind in ("actor", "modifier")), None
        )
        if agent is None and recipient is None and not objects:
            return []  # "Turkey's support was extensive": a reference, not a claim of an act
        main = _first_subject(mentions, lo, t0)
        if subject is None:
            subject = main  # "..., establishing an air bridge"
        elif (
            recipient is None and main is not None and main.kind == "actor" and main is not subject
        ):
            recipient = main  # "Azerbaijan balanced it with support from Turkey"
    elif _is_passive(tokens, t0, t1, g):
        subject = next((m for m in after if m.prep == "by" and m.kind in ("actor", "thing")), None)
        if subject is not None and subject.kind == "thing" and not subject.actors:
            subject = None
        before = [m for m in mentions if lo <= m.start and m.end <= t0 and m.kind == "thing"]
        things_after = [m for m in after if m.kind == "thing"]
        head = next((m for m in before if m.prep is None), before[0] if before else None)
        objects = [head] if head is not None else things_after[:1]
        preps = g.recipient_preps | g.location_preps
        recipient = next(
            (m for m in after if m.prep in preps and m.kind in ("actor", "modifier")), None
        )
        if recipient is None:
            # "ammunition for Armenian units was flown in"
            recipient = next((m for m in before if m.prep == "for" and m.actors), None)
        moved = objects[0] if objects else None
        if entry.value == "training" and moved is not None and moved.actors:
            recipient = moved  # "Azerbaijani special forces were schooled by Turkish instructors"
        elif subject is None and moved is not None and moved.actors:
            if entry.value in MOVING_TRIGGERS:
                subject, own_move = moved, True  # "Russian helicopters were sent": Russia
            elif recipient is None:
                recipient = moved  # "Armenian pilots were trained in Russia": for Armenia
        if subject is None:
            # "flown to Tripoli on Turkish military transports": the carrier
            subject = next(
                (
                    m
                    for m in after
                    if m.kind == "thing"
                    and m.actors
                    and m.prep in g.means_preps
                    and m.thing_class in CARRIER_CLASSES
                ),
                None,
            )
        agentless = subject is None
    else:
        if (word.endswith("ing") and prev in g.gerund_links) or prev == "to":
            subject = _first_subject(mentions, lo, t0)  # "by providing", "arrived to train"
        if subject is None:
            verb_at = t0 if light is None else light  # "carried out drone strikes"
            subject = _nearest_subject(mentions, tokens, lo, verb_at, trigger_tokens, g)
        direct = after[0] if after and after[0].prep is None and after[0].start - t1 <= 3 else None
        if subject is not None and subject.kind == "thing" and acquire:
            recipient, subject = subject, None  # "Houthi forces received drones"
        elif (
            subject is not None
            and subject.kind == "thing"
            and entry.value in kb.frames
            and subject.thing_class not in kb.frames[entry.value]
            and "*" not in kb.frames[entry.value]
            and subject.actors
        ):
            # "Armenian forces fired cluster munitions": the forces' owner acts on a thing
            objects = [m for m in after if m.kind == "thing" and m.prep in (None, "with", "of")][:1]
            recipient = next(
                (m for m in after if m.prep in g.target_preps | g.recipient_preps and m.actors),
                None,
            )
        elif subject is not None and subject.kind == "thing":
            # the thing acts: "Turkish jets attacking Armenian planes", "advisers arrived"
            objects = [subject]
            target = next(
                (
                    m
                    for m in after
                    if (
                        m.prep is None
                        or m.prep in g.recipient_preps | g.target_preps | g.location_preps
                    )
                    and m.actors
                ),
                None,
            )
            recipient = target
        else:
            if direct is not None and direct.kind in ("actor", "modifier"):
                recipient = direct  # "sold Azerbaijan drones", "backed Armenia"
            elif direct is not None and direct.kind == "thing" and direct.actors:
                with_thing = next(
                    (m for m in after if m.prep == "with" and m.kind == "thing"), None
                )
                if with_thing is not None:
                    recipient = direct  # "supplying the Armenian army with arms"
                    objects = [with_thing]
                elif entry.value in ("training", "attack"):
                    recipient = direct  # "train Azerbaijani personnel", "shelled Armenian troops"
            if not objects:
                first = next(
                    (
                        m
                        for m in after
                        if m.kind == "thing"
                        and m.prep in (None, "with", "of")
                        and m is not recipient
                    ),
                    None,
                )
                objects = [first] if first else []
            if recipient is None:
                preps = g.recipient_preps | g.location_preps | g.target_preps
                recipient = next(
                    (m for m in after if m.prep in preps and m.kind in ("actor", "modifier")), None
                )
        if acquire and (subject is not None or recipient is not None):
            seller = next((m for m in after if m.prep == "from" and m.kind == "actor"), None)
            if seller is None and objects and (objects[0].actors or objects[0].origin):
                # "bought Russian tanks", "purchases of Israeli weapons": the origin sells
                seller = Mention(objects[0].start, objects[0].end, "actor", objects[0].origin)
                seller.actors = objects[0].actors or objects[0].origin
            recipient, subject = recipient or subject, seller
            agentless = seller is None  # "Azerbaijan ordered TB2s": the buyer is the recipient
        elif (
            subject is not None
            and subject.kind == "thing"
            and subject.thing_class in FIGHTER_CLASSES
            and not subject.actors
        ):
            # "Syrian mercenaries were fighting for Azerbaijan": fighters with no recruiter
            agentless = True
            side = next((m for m in after if m.prep in g.side_preps and m.actors), None)
            recipient = side if entry.value == "attack" else recipient
            if entry.value == "attack" and side is None:
                return []
    if entry.voice == "arm" and subject is not None and subject.kind != "thing":
        # "armed Free Syrian Army brigades (with X)": who is armed is the recipient
        direct = after[0] if after and after[0].prep is None and after[0].start - t1 <= 3 else None
        if recipient is None and direct is not None and direct.actors:
            recipient = direct
        objects = [m for m in after if m.prep == "with" and m.kind == "thing"][:1]
    if objects and objects[0] is not subject:
        objects = _coordinated(objects[0], after, tokens, g)
    subjects = _agent_from(subject) if subject is not None else ()
    rec_name = recipient.actors[0] if recipient is not None and recipient.actors else None
    negated = _negated(tokens, lo, t0, subject, cue_kinds_at)
    irrealis = _irrealis(tokens, lo, t0, cue_kinds_at, g)
    cores: list[Core] = []
    candidates: list[Mention | None] = list(objects) or [None]
    for obj in candidates:
        relation = resolve_relation(kb, trigger, obj, tokens)
        if (
            agentless
            and relation == "combat"
            and obj is not None
            and obj.thing_class in FIGHTER_CLASSES
        ):
            relation = kb.frames["presence"].get(obj.thing_class or "")
        if own_move and obj is not None:
            relation = kb.frames.get("own_move", {}).get(obj.thing_class or "", relation)
        if relation is None or any(c.relation == relation for c in cores):
            continue  # "drones and related weaponry": one claim, its first object
        cores.append(
            Core(
                trigger,
                relation,
                subjects,
                subject,
                obj.thing if obj is not None else None,
                obj,
                rec_name,
                recipient,
                negated,
                irrealis,
                agentless=agentless and relation in AGENTLESS_RELATIONS,
            )
        )
    return cores


def _negated(
    tokens: list[Token],
    lo: int,
    t0: int,
    subject: Mention | None,
    cue_kinds_at: dict[int, set[str]],
) -> bool:
    for i in range(max(lo, t0 - 4), t0):
        if "negations" in cue_kinds_at.get(i, set()):
            return True
    if subject is not None and subject.start > 0:
        before = tokens[subject.start - 1].lower
        if before in ("no", "neither", "nor"):
            return True
    return False


def _irrealis(
    tokens: list[Token], lo: int, t0: int, cue_kinds_at: dict[int, set[str]], g: Grammar
) -> bool:
    for i in range(max(lo, t0 - 4), t0):
        kinds = cue_kinds_at.get(i, set())
        if "irrealis" in kinds:
            nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
            if nxt in ("have", "'ve"):  # "may have sent": a hedge about the past
                continue
            return True
    return any(tokens[i].lower in g.conditionals for i in range(lo, t0))
