"""Filling a trigger's roles: who acts, on what, for whom; and resolving the relation.

Positional rules over mentions stand in for a parser: the subject is the nearest agent to the
left outside a prepositional phrase; a passive takes its subject from "by X"; a gerund chained
to a clause ("..., supplying X") inherits the clause's subject; "to/for X" marks the recipient.
"""

from __future__ import annotations

from dataclasses import replace

from corroborate.extract.contrast import contrast_cores
from corroborate.extract.core import Core, TriggerSite, resolve_relation
from corroborate.extract.helped import HELP_CARRIED, helped_force, helps_to_act
from corroborate.extract.host import host_cores
from corroborate.extract.kb import Grammar
from corroborate.extract.links import OWN_CORES, own_cores
from corroborate.extract.mentions import (
    FIGHTER_CLASSES,
    PEOPLE_CLASSES,
    RECRUIT_CLASSES,
    Mention,
)
from corroborate.extract.paired import agent_from, paired_cores
from corroborate.extract.permits import export_cores, permission_cores
from corroborate.extract.phases import Roles, noun_roles, passive_roles
from corroborate.extract.positions import (
    NO_KINDS,
    article_before,
    cleft,
    coordinated,
    first_subject,
    is_irrealis,
    is_negated,
    is_passive,
    light_verb,
    mentions_after,
    nearest_subject,
    relative_head,
    scheme_owner,
    shared_from,
)
from corroborate.extract.presence import (
    acting_thing_roles,
    departs_nowhere,
    force_only,
    participle_head,
)
from corroborate.extract.reciprocal import co_subject
from corroborate.extract.slots import (
    moves_own_forces,
    verb_object,
    weapon_noun,
)
from corroborate.extract.support import veto_beneficiary
from corroborate.extract.tokens import Token

# relations whose agentless statements are claims ("weapons were flown in"); an agentless
# attack or backing is not (guidelines 9.5)
AGENTLESS_RELATIONS = frozenset(
    {"arms_supply", "logistics", "foreign_fighters", "troop_deployment", "training"}
)

# triggers whose subject sends something else: a thing as their subject acts for nobody named
SENDING_TRIGGERS = frozenset({"transfer", "deploy"})
# triggers that, as the purpose of another act ("recruited men to fight"), assert nothing
PURPOSE_ONLY = frozenset({"attack", "assist", "use", "political_support"})
# forces that receive arms ("Houthi forces received drones"); civilians receiving aid do not
ARMED_CLASSES = frozenset({"own_forces"}) | FIGHTER_CLASSES


def _attacker_or_victim(
    tokens: list[Token],
    mentions: list[Mention],
    t0: int,
    t1: int,
    trigger_tokens: set[int],
    g: Grammar,
) -> bool:
    """A casualty verb names an act when a victim follows ("killed 2,300 Armenian troops") or
    the attacker stands right before it ("Russian airstrikes have killed")."""
    for m in mentions:
        if m.start >= t1 and m.actors and m.start - t1 <= 5 and m.prep is None:
            return True  # the victim
        if m.start >= t1 and m.actors and m.start - t1 <= 8 and m.prep == "by":
            return True  # "killed during overnight shelling by Azeri forces": the attacker
    j = t0 - 1
    while j >= 0 and (
        tokens[j].lower in g.auxiliaries
        or tokens[j].lower in g.adverbs
        or tokens[j].lower in g.be_verbs
    ):
        j -= 1
    return j >= 0 and (j in trigger_tokens or any(m.end == j + 1 and m.actors for m in mentions))


def fill_roles(site: TriggerSite) -> list[Core]:
    """Cores for one trigger: one per coordinated object ("volunteers and weapons")."""
    tokens, mentions, trigger_tokens, g = site.tokens, site.mentions, site.trigger_tokens, site.g
    t0, t1, lo, hi = site.t0, site.t1, site.lo, site.hi
    entry = site.trigger.first("trigger")
    assert entry is not None
    if entry.voice == "let":  # "barred flights from crossing its airspace": a gerund is fine
        return permission_cores(site)
    if entry.voice == "export":  # "no weapons had left French territory"
        return export_cores(site)
    word, last_word = tokens[t0].lower, tokens[t1 - 1].lower
    inside = next(
        (m for m in mentions if m.start <= t0 and t1 <= m.end and m.kind == "thing"), None
    )
    if (
        inside is not None
        and site.kb.frames["transfer"].get(inside.thing_class or "") != entry.value
    ):
        return []  # "armed forces", "transport aircraft": a word of a noun phrase, not an act
    if inside is not None and verb_object(tokens, inside, trigger_tokens, g):
        return []  # "ferried Syrian recruits": the cargo of another act, not an act itself
    prev = tokens[t0 - 1].lower if t0 > 0 else ""
    if word in g.light_verbs and any(
        j in trigger_tokens and light_verb(tokens, lo, j, g) == t0
        for j in range(t1, min(t1 + 4, hi))
    ):
        return []  # "launched an assault": the noun after it carries the act
    if word.endswith("ing") and prev in g.prepositions and prev not in g.gerund_links:
        return []  # "trained them in operating the drones": a complement, not an act
    if (
        prev == "to"
        and entry.value in PURPOSE_ONLY
        and any(i in trigger_tokens for i in range(lo, t0))
        # "are there to monitor the truce, not to fight": a purpose the text denies
        and not (t0 >= 3 and tokens[t0 - 2].lower == "not" and tokens[t0 - 3].text == ",")
    ):
        return []  # "sent volunteers to fight": a purpose, not an asserted act
    if (
        prev == "by"
        and t0 >= 2
        and (t0 - 2) in trigger_tokens
        and is_passive(tokens, t0 - 2, t0 - 1, g)
        # but "backed by air strikes launched by Turkey" names the strikes' actor
        and not (t1 < len(tokens) and tokens[t1].lower in g.light_verbs)
    ):
        return []  # "were killed by shelling": the agent noun of a passive, its actor unnamed
    if word in g.casualty_verbs and not _attacker_or_victim(
        tokens, mentions, t0, t1, trigger_tokens, g
    ):
        return []  # "the bodies of those killed", "an operation that killed a civilian"
    if entry.needs == "object" and not any(
        m.start - t1 <= 2 and m.start >= t1 and m.prep is None and m.actors for m in mentions
    ):
        return []  # "go back", "drive them back": the adverb, not the verb "to back X"
    if entry.voice in OWN_CORES:  # "denied any link to Wagner", "saw no Turkish soldiers"
        return own_cores(site)
    paired = paired_cores(site)
    if paired is not None:  # "between", "exchange", "ally": the pair alone gives the cores
        return paired
    if entry.voice == "host":
        return host_cores(site)
    aimed: Mention | None = None
    if entry.voice == "aimed":
        # "a Houthi drone aimed at Riyadh": the weapon before the participle acts; "talks
        # aimed at a truce" have none
        aimed = next((m for m in mentions if m.end == t0 and m.kind == "thing"), None)
        if aimed is None or aimed.thing_class not in site.kb.frames["use"]:
            return []
    after = [m for m in mentions_after(mentions, t1, hi) if m is not inside]
    if entry.voice == "passive" and not is_passive(tokens, t0, t1, g):
        return []  # "they were joined by Turkish officers"; not "Britain joined the US in ..."
    if entry.voice == "depart" and departs_nowhere(after, is_passive(tokens, t0, t1, g)):
        return []
    light = light_verb(tokens, lo, t0, g)
    if (
        light is None
        and inside is None
        and (
            prev in g.articles
            or (prev in g.prepositions and prev != "to" and not word.endswith("ing"))
        )
        and t1 - t0 == 1
        and last_word not in g.noun_triggers
    ):
        return []  # "gripping the arm", "in bomb attacks": a verb form used as a noun
    is_noun = light is None and (
        inside is not None
        or (
            last_word in g.noun_triggers
            and (
                prev in g.noun_openers
                or (
                    t0 >= 2 and tokens[t0 - 2].lower in g.articles and not word.endswith("ing")
                )  # "a gas attack", not "a resolution backing"
                or t1 - t0 > 1
                or any(m.end == t0 and m.kind in ("modifier", "actor") for m in mentions)
                or weapon_noun(tokens, mentions, t0)
                or article_before(tokens, mentions, t0, trigger_tokens, g)
                or (t1 < len(tokens) and tokens[t1].lower in ("from", "of", "for", "to", "by"))
            )
        )
    )
    subject: Mention | None = None
    objects: list[Mention] = []
    recipient: Mention | None = None
    acquire = entry.voice == "acquire"
    not_them: Mention | None = None
    agentless = own_move = presupposed = buyer_in_frame = False
    if is_noun:
        found = noun_roles(site, after=after, inside=inside)
        if not isinstance(found, Roles):
            return found
        subject, objects, recipient = found.subject, found.objects, found.recipient
        agentless = found.agentless
    elif is_passive(tokens, t0, t1, g):
        passive = passive_roles(site, after=after)
        if passive is None:
            return []
        subject, objects, recipient = passive.subject, passive.objects, passive.recipient
        agentless, own_move = passive.agentless, passive.own_move
    else:
        if (word.endswith("ing") and prev in g.gerund_links) or prev == "to":
            subject = first_subject(mentions, lo, t0)  # "by providing", "arrived to train"
        split = (
            cleft(tokens, mentions, lo, t0, g)
            if subject is None and t0 >= 4 and prev in ("that", "who")
            else None
        )
        if split is not None:
            subject, not_them = split  # "It was Azerbaijan, not Turkey, that operated ..."
        relative = False
        if subject is None and aimed is not None:
            subject = aimed
        if subject is None and word.endswith("ing"):
            # "denied any link to the contractors fighting for Haftar": a reduced relative
            subject = next(
                (
                    m
                    for m in mentions
                    if m.end == t0
                    and m.kind == "thing"
                    and m.prep not in (None, "of")  # "reports of men fighting": the content
                    and m.thing_class in PEOPLE_CLASSES
                ),
                None,
            )
            presupposed = subject is not None
        if subject is None:
            relative, subject = relative_head(tokens, mentions, lo, t0, g)
        verb_at = t0 if light is None else light  # "carried out drone strikes"
        if light is not None:
            # "reiterated Turkey's continued support": the owner of the noun acts
            subject = next(
                (
                    m
                    for m in mentions
                    if light < m.start
                    and m.end in (t0, t0 - 1, t0 - 2)
                    and m.kind in ("actor", "modifier")
                    and any(tokens[i].lower == "'s" for i in range(m.end, t0))
                ),
                None,
            )
        if subject is None and verb_at > lo and tokens[verb_at - 1].lower in g.verb_links:
            # "leaders condemned Turkey's role and voiced support": the clause's subject
            subject = first_subject(mentions, lo, verb_at)
        if subject is None and not relative and entry.value == "presence" and word.endswith("ing"):
            subject = participle_head(tokens, mentions, t0)  # "concern about militants arriving"
        if subject is None and not relative:
            subject = nearest_subject(mentions, tokens, lo, verb_at, trigger_tokens, g)
        if entry.voice in ("guard", "reach", "parked") and force_only(
            entry, tokens, subject, after, t0, t1, g
        ):
            return []  # only a force mans a post or reaches a place
        direct = (
            after[0]
            if after
            # "stands by Serbia", "sided with Kyiv": a preposition the trigger ends on is part
            # of the verb, and the name after it is its object
            and (after[0].prep is None or _prep_in_trigger(tokens, after[0], t1, trigger_tokens, g))
            and after[0].start - shared_from(tokens, t1, hi, trigger_tokens, g) <= 3
            and all(t.text != "," for t in tokens[t1 : after[0].start])
            else None
        )  # "intervened, highlighting that Turkey ...": not across a comma
        if (
            subject is not None
            and subject.kind == "thing"
            and acquire
            and subject.thing_class in ARMED_CLASSES
        ):
            recipient, subject = subject, None  # "Houthi forces received drones"
            objects = [m for m in after if m.kind == "thing" and m.prep in (None, "with", "of")][:1]
        elif (
            subject is not None
            and subject.kind == "thing"
            and subject.actors
            and (
                (
                    entry.value in site.kb.frames
                    and subject.thing_class not in site.kb.frames[entry.value]
                    and "*" not in site.kb.frames[entry.value]
                )
                # "Azerbaijan's army has 67,000 personnel": the army's owner fields the force
                or (
                    entry.value == "force_size"
                    and subject.thing_class == "own_forces"
                    and any(m.kind == "thing" and m.prep is None for m in after)
                )
            )
        ):
            # "Armenian forces fired cluster munitions": the forces' owner acts on a thing
            objects = [m for m in after if m.kind == "thing" and m.prep in (None, "with", "of")][:1]
            preps = g.target_preps | g.recipient_preps
            recipient = next((m for m in after if m.prep in preps and m.actors), None)
        elif subject is not None and subject.kind == "thing":
            # the thing acts: "Turkish jets attacking Armenian planes", "advisers arrived"
            if entry.value in SENDING_TRIGGERS and not subject.actors:
                return []  # "militants are delivering chemicals": no actor that sends
            objects, recipient = acting_thing_roles(
                entry, tokens, mentions, subject, after, t0, t1, g
            )
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
                elif entry.value in ("training", "attack", "political_support"):
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
            if entry.voice == "veto":
                recipient = veto_beneficiary(after, site.kb.actor_types)
            elif entry.voice == "lobby":  # "lobbied Washington (for Baku)"
                recipient = next((m for m in after if m.prep == "for" and m.actors), None)
        if acquire:
            # "Armenia denied receiving weapons": no buyer in the clause; the frame's speaker
            # is the recipient (see core.frame_buyer)
            buyer_in_frame = subject is None and recipient is None
            seller = next((m for m in after if m.prep == "from" and m.kind == "actor"), None)
            seller = seller or scheme_owner(tokens, after, g)
            if seller is None and objects and (objects[0].actors or objects[0].origin):
                # "bought Russian tanks", "purchases of Israeli weapons": the origin sells
                seller = Mention(objects[0].start, objects[0].end, "actor", objects[0].origin)
                seller.actors = objects[0].actors or objects[0].origin
            recipient, subject = recipient or subject, seller
            # "Azerbaijan ordered TB2s": the buyer is the recipient
            agentless = seller is None and not buyer_in_frame
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
        base = shared_from(tokens, t1, hi, trigger_tokens, g)  # "armed and trained X"
        first = after[0] if after and after[0].prep is None else None
        direct = first if first is not None and first.start - base <= 3 else None
        if recipient is None and direct is not None and direct.actors:
            recipient = direct
        objects = [m for m in after if m.prep == "with" and m.kind == "thing"][:1]
    if objects and objects[0] is not subject:
        objects = coordinated(objects[0], after, tokens, g)
    if entry.needs == "location" and (recipient is None or recipient.prep not in g.location_preps):
        return []  # "Russia has a base in Armenia" is presence; "Russia has a base" is not
    subjects = agent_from(subject) if subject is not None else ()
    joint: Mention | None = None
    if subject is not None and subjects:
        joint = co_subject(tokens, mentions, subject, trigger_tokens)
        if joint is not None and joint.start < lo:
            joint = None  # "..., and Russia's troops": outside the clause
        if joint is None and entry.value == "attack":
            # "Wagner contractors helped Syrian troops retake Palmyra": both fight
            joint = helped_force(tokens, mentions, t0, trigger_tokens, g)
    # "sold weapons to both Armenia and Azerbaijan": one claim per recipient
    rec_names: list[str | None] = (
        list(recipient.actors) if recipient is not None and recipient.actors else [None]
    )
    negated = is_negated(tokens, lo, t0, subject, site.cue_kinds_at)
    if not_them is not None:  # the cleft's own "not" belongs to the contrasted actor
        negated = any(
            "negations" in site.cue_kinds_at.get(i, NO_KINDS) for i in range(not_them.end, t0)
        )
    if (
        objects
        and objects[0] is not subject
        and "negations" in site.cue_kinds_at.get(objects[0].start - 1, NO_KINDS)
    ):
        negated = True  # "had sent no soldiers", "supplied no weapons or troops"
    irrealis = is_irrealis(tokens, lo, t0, site.cue_kinds_at, g)
    cores: list[Core] = []
    candidates: list[Mention | None] = list(objects) or [None]
    pairs = [(obj, rec) for obj in candidates for rec in rec_names]
    for obj, rec_name in pairs:
        relation = resolve_relation(site.kb, site.trigger, obj, tokens)
        if (
            agentless
            and relation == "combat"
            and obj is not None
            and obj.thing_class in FIGHTER_CLASSES
        ):
            relation = site.kb.frames["presence"].get(obj.thing_class or "")
        if own_move and obj is not None:
            relation = site.kb.frames.get("own_move", {}).get(obj.thing_class or "", relation)
        if (
            relation == "arms_supply"
            and word in g.relocation_verbs
            and (rec_name is None or rec_name in subjects)
            and moves_own_forces(candidates)
        ):
            relation = "troop_deployment"  # "moved troops and armour to its border": one move
        if (
            obj is not None
            and obj.thing_class in RECRUIT_CLASSES
            and relation is not None
            and relation != "foreign_fighters"
        ):
            obj = None  # "killed ten men": the victims, not what the attacker used
        if relation is None or any(
            c.relation == relation and c.recipient == rec_name for c in cores
        ):
            continue  # "drones and related weaponry": one claim, its first object
        if (
            relation == "foreign_fighters"
            and obj is not None
            and obj.actors
            and subjects
            and set(subjects) <= set(obj.actors)
        ):
            relation = "troop_deployment"  # "Hezbollah kept its fighters in Syria" (5.4)
        if relation == "political_support":
            obj = None  # backing has no object ("backs Azerbaijan, denies sending fighters")
        cores.append(
            Core(
                site.trigger,
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
                presupposed=presupposed,
                buyer_in_frame=acquire and buyer_in_frame,
            )
        )
    if entry.value == "assist" and helps_to_act(tokens, mentions, t1, trigger_tokens, g):
        # the help is the fighting the next verb names, claimed there for helper and helped
        cores = [c for c in cores if c.relation not in HELP_CARRIED]
    # "never sent troops, only advisers", "gave cover rather than weapons"
    cores.extend(contrast_cores(site.kb, tokens, after, objects, recipient, cores, g))
    if entry.voice == "reverse":  # "had abandoned its ally": the act's opposite
        cores = [replace(c, negated=not c.negated) for c in cores]
    if not_them is not None:
        # the contrasted actor is denied the act (guidelines 7.6)
        cores.extend(
            replace(c, subjects=agent_from(not_them), subject_mention=not_them, negated=True)
            for c in list(cores)
        )
    if joint is not None:
        # "Turkish troops and their Syrian National Army allies launched": both act, each
        # with its own forces when the forces themselves are the subject
        cores.extend(
            replace(
                c,
                subjects=agent_from(joint),
                subject_mention=joint,
                object=joint.thing if c.object_mention is subject else c.object,
                object_mention=joint if c.object_mention is subject else c.object_mention,
            )
            for c in list(cores)
            if c.relation != "political_support" or c.recipient not in joint.actors
        )
    return cores


def _prep_in_trigger(
    tokens: list[Token], m: Mention, t1: int, trigger_tokens: set[int], g: Grammar
) -> bool:
    """ "stands by Serbia", "stood behind its Serbian allies": the mention's preposition is
    the trigger's last word, with at most an article or a possessive between."""
    if t1 - 1 not in trigger_tokens or tokens[t1 - 1].lower != m.prep:
        return False
    between = tokens[t1 : m.start]
    return len(between) <= 1 and all(
        t.lower in g.determiners or t.lower in g.possessive_pronouns for t in between
    )
