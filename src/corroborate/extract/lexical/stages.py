"""The stages over one sentence: entities -> attribution -> events -> roles (claims: claims.py).

Rules of thumb that hold across languages, every word from the pack: the subject is the actor
in a subject case (case languages) or before the trigger (others); the recipient is the actor in
a recipient case, with a recipient suffix or prefix, or after a "to/for" word; the speaker is the
actor nearest a speech verb or after an "according to"; a denial cue or a negation next to the
trigger denies; hedge words and a reportive conditional hedge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corroborate.extract.lexical.pack import Actor, Pack
from corroborate.extract.lexical.people import Person, people
from corroborate.extract.lexical.text import Tok

# how far (in tokens) a negation may stand before its trigger, and a speaker from its verb
NEGATION_REACH = 3
SPEAKER_REACH = 8
ACCORDING_REACH = 4
ALL_CASES = 6  # a name the morphology gives every case to does not decline
VOICE_TITLE = 3  # the same actor this close to its voice is the voice's title, not a player
CONCESSIVE_REACH = 3  # "although Russia (still) denies": the denier close to its verb
ADJACENT = 2  # a demonym this close to a trigger noun says whose it is
DEMONYM_REACH = 8  # farther, a demonym ("for the Russian air force") is in another phrase
INVERTED_REACH = 3
# a mark that closes the reported words before a speech verb ("..., сообщил Песков")
CLOSES_REPORT = frozenset({",", "\u2014", "\u2013", "-", ":", "\u060c"})
HEAD_MIN = 4  # letters a head noun keeps without its prefix ("لميليشيات"; not "لم", "لكن")
SOURCE_REACH = 6  # "by/from X" this close to the trigger is its agent
TRANSFER_REACH = 8  # words between a verb of sending and the thing it sends
# "American mercenaries": nationality is not a sender (the contract's conventions)
NATIONALITY_NOT_SENDER = frozenset({"foreign_fighters"})
ORDINAL_STOPS = frozenset({":", ","})
QUOTES = frozenset({'"', "«", "“", "„"})
DIRECT_OBJECT_RECIPIENT = frozenset({"political_support"})
# actors that speak but are never said to act or receive (outlets, agencies)
VOICE_ONLY = frozenset({"outlet"})
# the actors a person's title may name as the one the person speaks for
TITLE_HOLDERS = frozenset({"state", "collective", "group"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor: Actor
    cases: frozenset[str]
    suffix: str | None
    prefix: str | None


@dataclass(frozen=True, slots=True)
class Event:
    start: int
    end: int
    relation: str
    use: bool = False  # "uses Iranian drones": the arms' maker supplies, the user receives
    receive: bool = False  # "received tanks from Y": Y (or the tanks' demonym) supplies


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None  # None: the author
    speaker_mentions: frozenset[int]  # indexes into the mentions that are the voice, not roles
    deny: bool
    hedged: bool
    speech: bool  # a speech verb with no named speaker (the voice of the sentence before)
    conceded: str | None = None  # who denies in a concessive clause: a second, denying voice
    reported: str | None = None  # whose reports the sentence denies: a second, affirming voice


@dataclass(frozen=True, slots=True)
class Roles:
    subject: Mention | None
    recipient: Mention | None
    object: str | None
    deny: bool


def entities(pack: Pack, toks: list[Tok]) -> list[Mention]:
    out = []
    found = pack.actors.find(toks)
    taken = {k for a, b, _actor, _pre in found for k in range(a, b)}
    found += [f for f in pack.demonyms.find(toks) if not taken & set(range(f[0], f[1]))]
    taken |= {k for a, b, _actor, _pre in found for k in range(a, b)}
    found += _open_outlets(pack, toks, taken)
    for a, b, actor, pre in sorted(found, key=lambda f: f[0]):
        head = toks[a]
        out.append(Mention(a, b, actor, head.cases, toks[b - 1].suffix, pre))
    return _institutions(pack, toks, out)


def _open_outlets(pack: Pack, toks: list[Tok], taken: set[int]) -> list[Match]:
    """An outlet no pack lists, named in Latin letters after a word saying what it is
    ("журнала Foreign Affairs", "издание Politico") or after a speech verb of another script
    ("пишет The Times": a paper keeps its Latin name, people are transliterated): it speaks
    under its own name."""
    out: list[Match] = []
    cues = pack.outlet_words.find(toks) + [
        c
        for c in pack.speech.find(toks) + pack.according.find(toks)
        if not _LATIN.search(" ".join(t.lower for t in toks[c[0] : c[1]]))
    ]
    for _a, b, _w, _pre in cues:
        j = b
        while j < len(toks) and j not in taken and toks[j].text[:1].isupper():
            if not (toks[j].text.isascii() and toks[j].text.isalpha()):
                break
            j += 1
        if j > b:
            name = " ".join(t.text for t in toks[b:j])
            out.append((b, j, Actor(name, "outlet"), None))
    return out


def _institutions(pack: Pack, toks: list[Tok], mentions: list[Mention]) -> list[Mention]:
    """ "the Syrian Foreign Ministry", "российский МИД", "governo italiano": a demonym on a
    ministry, government or army is the state itself (the contract maps them to their state),
    so it may speak and act like a name."""
    found = pack.institutions.find(toks)
    if not found:
        return mentions
    out = []
    for m in mentions:
        if m.actor.type != "demonym" and pack.title_cases and m.cases & pack.title_cases:
            # "Министерство обороны России" (the ministry of defence of Russia): an
            # institution with its state in the genitive after it is the state, in the
            # institution's own case
            a = next((a for a, b, _i, _pre in found if b == m.start), None)
            if a is not None:
                m = Mention(a, m.end, m.actor, toks[a].cases, m.suffix, m.prefix)
        if m.actor.type == "demonym":
            for a, b, _i, _pre in found:
                if (pack.demonym_after_institution and b == m.start) or (
                    not pack.demonym_after_institution and a == m.end
                ):
                    lo, hi = min(a, m.start), max(b, m.end)
                    head = toks[lo]
                    state = Actor(m.actor.name, "state")
                    m = Mention(lo, hi, state, head.cases, toks[hi - 1].suffix, m.prefix)
                    break
        out.append(m)
    return out


def attribution(
    pack: Pack, toks: list[Tok], mentions: list[Mention], known: dict[str, str] | None = None
) -> Attribution:
    """Who speaks, whether they deny, whether it is hedged; `known` holds the people the
    document has named so far (a surname alone is the person named in full before)."""
    voices: set[int] = set()
    speaker: str | None = None
    according = [c for c in pack.according.find(toks) if not _ordinal(pack, toks, c[0], c[1])]
    reported: int | None = None
    for a, b, _p, _pre in according:
        source = _according_source(pack, toks, mentions, a)
        if source is not None:  # "Reuters'a göre": a postposition follows its source
            voices.add(source)
            speaker = mentions[source].actor.name
            continue
        if any(t.lower in pack.relatives for t in toks[b : b + 2]):
            # "reports according to which Moscow...": the source stands before
            reported = _reporter(pack, toks, mentions, a) if reported is None else reported
            continue
        for k, m in enumerate(mentions):
            if b <= m.start <= b + ACCORDING_REACH and not any(
                t.text == "," or t.lower in pack.complementizers for t in toks[b : m.start]
            ):  # "according to Jean Dupuis, Belgium...": past the comma is what was said, and
                # past "that" ("أفادت تقارير بأن إيران": reports said that Iran...)
                voices.add(k)
                speaker = m.actor.name
                break
    denials = [d for d in pack.deny.find(toks) if not _withheld(pack, toks, d[1])]
    conceded = _concession(pack, toks, mentions, denials)
    if conceded is None:
        by = _denied_by(pack, toks, mentions, denials)
        if by is not None and len(denials) + len(pack.speech.find(toks)) > 1:
            conceded = by  # "X rejected the reports, denied also by Beijing": two voices
        elif by is not None:
            voices.add(by[0])  # "the reports were denied by Beijing": Beijing's voice
            speaker = mentions[by[0]].actor.name
    if conceded is not None:  # "although Russia denies it, Erdoğan said...": two voices
        k, cue = conceded
        voices.add(k)
        denials = [d for d in denials if d is not cue]
    if reported is not None and speaker is None and not denials:
        voices.add(reported)
        speaker = mentions[reported].actor.name
    epithet = {a for a, _b, _e, _pre in pack.epithets.find(toks)}
    # "sostenuti dall'Iran" (Iran-backed) describes: "sostenere" there is not "to claim"
    # "Zelensky, che afferma di...": a speech verb in a relative clause describes a name by
    # what it says next; it is not the voice of the sentence
    # "iddia ediliyor" (it is claimed): a speech verb the pack lists as a hedge too is
    # impersonal, it names no voice
    impersonal = {k for a, b, _h, _pre in pack.hedges.find(toks) for k in range(a, b)}
    cues = [
        c
        for c in pack.speech.find(toks)
        if c[0] not in epithet
        and not (c[0] > 0 and toks[c[0] - 1].lower in _relative(pack))
        and not impersonal & set(range(c[0], c[1]))
    ] + denials
    speech = bool(cues) or bool(according)  # "according to her": the voice named before
    if speaker is None and cues and pack.speech_participles:
        # "who announced, Borrell": a Turkish speech participle describes the name after it
        for _a, b, _p, _pre in cues:
            if not toks[b - 1].lower.endswith(pack.speech_participles):
                continue
            after = next(
                (
                    k
                    for k, m in enumerate(mentions)
                    if b <= m.start <= b + 1 and m.actor.type != "demonym"
                ),
                None,
            )
            if after is not None:
                voices.add(after)
                speaker = mentions[after].actor.name
                break
    if speaker is None and cues and pack.speaker_first:
        first = next(
            (
                k
                for k, m in enumerate(mentions)
                if m.actor.type != "demonym" and k not in voices and not _is_with(pack, toks, m)
            ),
            None,
        )
        if first is not None and mentions[first].start < cues[0][0]:
            voices.add(first)
            speaker = mentions[first].actor.name
    if speaker is None:
        for a, _b, _p, _pre in cues:
            voice = _voice_of(pack, toks, mentions, a)
            if voice is not None:
                voices.add(voice)
                speaker = mentions[voice].actor.name
                break
    if speaker is None and (cues or according) and pack.person_names is not None:
        taken = {k for m in mentions for k in range(m.start, m.end)}
        found = people(pack, toks, taken, {} if known is None else known)
        person = _person_voice(pack, toks, found, cues, according)
        if person is not None:
            speaker = person.name
            # "Министр обороны Великобритании Бен Уоллес": the state in the title speaks
            title = next(
                (
                    k
                    for k, m in enumerate(mentions)
                    if m.end == person.start and m.actor.type in TITLE_HOLDERS
                ),
                None,
            )
            if title is not None:
                voices.add(title)
                speaker = mentions[title].actor.name
    for k in list(voices):  # "президента РФ Дмитрий Песков": the title's state speaks too
        voices |= {
            j
            for j, m in enumerate(mentions)
            if m.actor.name == mentions[k].actor.name
            and m.actor.type != "demonym"
            and abs(m.start - mentions[k].start) <= VOICE_TITLE
            and not any(  # "قالت الخارجية الروسية إن موسكو": after "that", Moscow acts
                t.lower in pack.complementizers
                for t in toks[min(m.end, mentions[k].end) : max(m.start, mentions[k].start)]
            )
        }
    hedged = bool(pack.hedges.find(toks)) or any(
        (t.mood is not None and t.mood.lower() in pack.hedge_moods)
        or (pack.hedge_endings and t.lower.endswith(pack.hedge_endings))
        for t in toks
    )
    return Attribution(
        speaker,
        frozenset(voices),
        bool(denials),
        hedged,
        speech and not speaker,
        None if conceded is None else mentions[conceded[0]].actor.name,
        # "X rejected the reports of Y according to which...": Y's reports affirm it (but
        # "X called the reports according to which it ... a lie": X's own denial, one voice)
        None
        if reported is None or not denials or mentions[reported].actor.name == speaker
        else mentions[reported].actor.name,
    )


Match = tuple[int, int, object, str | None]


WITHHELD_REACH = 3  # "رفضت المصادر الإفصاح": a refusal, its subject, then what it withholds


def _withheld(pack: Pack, toks: list[Tok], end: int) -> bool:
    """Whether a word of refusing is followed by what is withheld ("refused to comment",
    "رفض التعليق", "رفضت الإفصاح"): declining to say is no denial (the contract)."""
    return any(t.lower in pack.withheld for t in toks[end : end + WITHHELD_REACH])


def _according_source(pack: Pack, toks: list[Tok], mentions: list[Mention], cue: int) -> int | None:
    """The source right before an "according to" that follows it ("Reuters'a göre")."""
    if not pack.according_after or toks[cue].lower not in pack.according_after:
        return None
    return next(
        (k for k, m in enumerate(mentions) if m.end == cue and m.actor.type != "demonym"), None
    )


REPORTER_REACH = 8  # "i resoconti dei media occidentali, (smentiti da Pechino,) secondo cui"


def _reporter(pack: Pack, toks: list[Tok], mentions: list[Mention], cue: int) -> int | None:
    """Whose reports "according to which" cites: the nearest name before it that is no agent
    of a passive ("smentiti da Pechino") and no place."""
    before = [
        k
        for k, m in enumerate(mentions)
        if m.end <= cue
        and cue - m.end <= REPORTER_REACH
        and m.actor.type != "demonym"
        and not _is_source(pack, toks, m)
        and not _is_place(pack, toks, m)
    ]
    return before[-1] if before else None


def _people(pack: Pack, toks: list[Tok], m: Mention) -> bool:
    """A demonym as a noun, its people ("I russi affermano", "les Russes disent"): an article
    before it that opens the clause (nothing but punctuation or "and" before the article)."""
    if m.start == 0 or toks[m.start - 1].lower not in pack.determiners:
        return False
    j = m.start - 2
    return j < 0 or not toks[j].text.isalnum() or toks[j].lower in pack.conjunctions


def _relative(pack: Pack) -> frozenset[str]:
    return pack.relatives | pack.complementizers


def _ordinal(pack: Pack, toks: list[Tok], a: int, b: int) -> bool:
    """An "according to" word read as a number ("secondo": also "second"): after an article
    ("un secondo Israele"), or opening a sentence before a stop ("Secondo: ...")."""
    j = a - 1
    while j >= 0 and toks[j].text in QUOTES:
        j -= 1
    if j >= 0 and toks[j].lower in pack.determiners:
        return True
    return a == 0 and b < len(toks) and toks[b].text in ORDINAL_STOPS


def _concession(
    pack: Pack, toks: list[Tok], mentions: list[Mention], denials: list[Match]
) -> tuple[int, Match] | None:
    """A denial in a concessive clause ("Rusya inkar etse de", "хотя Россия отрицает",
    "anche se Mosca nega"): the mention that denies, and its denial cue."""
    if not denials:
        return None
    for a, b, _c, _pre in pack.concessive.find(toks):
        for cue in denials:
            if not (cue[0] <= a <= cue[1] + 1 or 0 <= cue[0] - b <= CONCESSIVE_REACH):
                continue
            before = [
                k
                for k, m in enumerate(mentions)
                if m.end <= cue[0]
                and cue[0] - m.end <= CONCESSIVE_REACH
                and m.actor.type != "demonym"
            ]
            if before:
                return before[-1], cue
    return None


AGENT_REACH = 3  # "denied (also) by Beijing": the agent this close after a denial


def _denied_by(
    pack: Pack, toks: list[Tok], mentions: list[Mention], denials: list[Match]
) -> tuple[int, Match] | None:
    """A denial with its agent after it ("smentiti anche da Pechino", "démenti par Moscou"):
    the mention that denies, and its denial cue."""
    for cue in denials:
        for k, m in enumerate(mentions):
            if (
                0 <= m.start - cue[1] <= AGENT_REACH
                and m.actor.type != "demonym"
                and _is_source(pack, toks, m)
            ):
                return k, cue
    return None


def _person_voice(
    pack: Pack,
    toks: list[Tok],
    found: list[Person],
    cues: list[tuple[int, int, object, str | None]],
    according: list[tuple[int, int, object, str | None]],
) -> Person | None:
    """The person that speaks: right after "according to", else the nearest before its verb
    (in the subject case where there are cases), else right after it ("said Conte")."""
    for _a, b, _p, _pre in according:
        for p in found:
            if b <= p.start <= b + ACCORDING_REACH:
                return p
    best: tuple[int, Person] | None = None
    for cue, _b, _p, _pre in cues:
        for p in found:
            if p.end <= cue:
                dist = cue - p.end
            elif cue < p.start <= cue + pack.inverted_reach + _titles(pack, toks, cue, p.start):
                dist = p.start - cue + SPEAKER_REACH // 2
                if any(t.lower in pack.complementizers for t in toks[cue : p.start]):
                    continue
            else:
                continue
            cases = toks[p.start].cases
            if pack.order == "case" and cases and not cases & pack.subject_cases:
                continue
            if dist <= SPEAKER_REACH and (best is None or dist < best[0]):
                best = (dist, p)
    return None if best is None else best[1]


def _titles(pack: Pack, toks: list[Tok], a: int, b: int) -> int:
    """How many words between a and b are a title or a first name ("said its Prime Minister
    Jan Novak"): a voice named after its verb may stand that much farther."""
    if b <= a:
        return 0
    titles = sum(e - s for s, e, _i, _pre in pack.institutions.find(toks[a:b]))
    j = b - 1  # and a first name before the one the pack knows ("Olaf Scholz")
    while j > a and toks[j].text[:1].isupper() and toks[j].text.isalpha():
        titles += 1
        j -= 1
    return titles


def _aside(toks: list[Tok], a: int, cue: int) -> int:
    """The length of an aside between commas right after the name that opens a clause
    ("The US, alarmed by the attack, announced"): the name is that much nearer its verb."""
    if toks[a].text != ",":
        return 0
    last = max((j for j in range(a + 1, cue) if toks[j].text == ","), default=None)
    if last is None or cue - last > INVERTED_REACH:
        return 0
    return last + 1 - a


def _voice_of(pack: Pack, toks: list[Tok], mentions: list[Mention], cue: int) -> int | None:
    """The actor that speaks: in the subject case, else the nearest before the verb, else after.
    A verb after a comma or dash that closes the reported words ("..., сообщил Песков")
    has its voice after it when a name follows: the names before are what was said."""
    if cue > 0 and toks[cue - 1].text in CLOSES_REPORT:
        after = _voice_near(pack, toks, mentions, cue, inverted=True)
        if after is not None:
            return after
    return _voice_near(pack, toks, mentions, cue, inverted=False)


def _voice_near(
    pack: Pack, toks: list[Tok], mentions: list[Mention], cue: int, *, inverted: bool
) -> int | None:
    found: list[tuple[int, int]] = []
    # verb first ("قال X، المسؤول في Y، إن"): everything up to "that" is who speaks
    that = (
        next(
            (
                j
                for j in range(cue + 1, min(len(toks), cue + 2 * SPEAKER_REACH))
                if toks[j].lower in pack.complementizers
            ),
            None,
        )
        if pack.voice_until_that
        else None
    )
    for k, m in enumerate(mentions):
        people = m.actor.type == "demonym" and m.end <= cue and _people(pack, toks, m)
        if (m.actor.type == "demonym" and not people) or (inverted and m.start < cue):
            continue  # "Russian" says whose; "I russi affermano": the Russians speak
        if _is_with(pack, toks, m):
            continue  # "with Iraq" is a partner, never the voice
        spoken = that is not None and cue < m.start < that
        seat = _word_before(pack, toks, m) in pack.voice_places  # "заявили в Кремле"
        if _is_place(pack, toks, m) and not spoken and not seat:
            continue  # "in Iraq": a place, never the voice (but "the ministry in Bahrain said")
        outlet = m.actor.type in VOICE_ONLY  # "said the columnist of Izvestia": Izvestia
        if m.end <= cue and not outlet and _word_before(pack, toks, m) in pack.recipient_words:
            continue  # "sent arms to Ukraine, said X": whom it went to is not who says so
        reach = SPEAKER_REACH if outlet else pack.inverted_reach + _titles(pack, toks, cue, m.start)
        if m.start > cue + reach and not spoken:
            continue  # only right after its verb ("said Peskov") is a later name the voice
        dist = cue - m.end if m.end <= cue else m.start - cue + SPEAKER_REACH // 2
        if m.end < cue and _word_before(pack, toks, m) in ("", ","):
            dist -= _aside(toks, m.end, cue)  # a clause's subject, then an aside
        if (dist > SPEAKER_REACH and not spoken) or dist < 0:
            continue
        if m.start > cue and any(t.lower in pack.complementizers for t in toks[cue : m.start]):
            continue  # "said that Germany sent": Germany is what is said, not who says it
        # after its verb, the voice may be the owner of a title ("сказал пресс-секретарь Кремля")
        cases = pack.subject_cases | (pack.title_cases if inverted else frozenset())
        if pack.order == "case" and m.cases and not m.cases & cases and not outlet and not seat:
            continue
        found.append((dist, k))
    if any(t.text == "," for t in toks[max(0, cue - 2) : cue]):
        # "..., said X": after a comma, a name right after the verb is its voice
        after = [f for f in found if mentions[f[1]].start > cue]
        found = after or found
    return min(found)[1] if found else None


def events(pack: Pack, toks: list[Tok], mentions: list[Mention] | None = None) -> list[Event]:
    """Every trigger, and every verb of sending or giving whose relation is the class of the
    nearest thing sent (weapons, troops, mercenaries, instructors), in text order; the caller
    keeps, per relation, the first that has an actor. A word inside a name (the
    "armed" of an army's name) is not a thing sent."""
    named = {k for m in mentions or () for k in range(m.start, m.end)}
    found: list[Event] = []
    epithet = {k for a, b, _e, _pre in pack.epithets.find(toks) for k in range(a, b)}
    objects = [o for o in pack.objects.find(toks) if o[0] not in named]
    outlets = {m.start for m in mentions or () if m.actor.type in VOICE_ONLY}
    for a, b, _t, _pre in pack.transfers.find(toks):
        if b in outlets or b + 1 in outlets:
            continue  # "passes on, TASS": a verb of passing on before an outlet reports
        # what is sent stands near its verb ("will keep delivering wheat" is no arms deal
        # because a clause earlier spoke of military support)
        sent = [o for o in objects if min(abs(o[0] - b), abs(a - o[1])) <= TRANSFER_REACH]
        if not sent:
            continue
        near = min(sent, key=lambda o: (o[0] < a, abs(o[0] - a)))
        found.append(Event(a, b, pack.object_relations.get(str(near[2]), "arms_supply")))
    for a, b, _u, _pre in pack.uses.find(toks):
        if any(min(abs(o[0] - b), abs(a - o[1])) <= TRANSFER_REACH for o in objects):
            found.append(Event(a, b, "arms_supply", use=True))
    for a, b, _r, _pre in pack.receives.find(toks):
        if any(
            min(abs(o[0] - b), abs(a - o[1])) <= TRANSFER_REACH
            and pack.object_relations.get(str(o[2]), "arms_supply") == "arms_supply"
            for o in objects
        ):
            found.append(Event(a, b, "arms_supply", receive=True))
    personnel = [
        o for o in objects if pack.object_relations.get(str(o[2]), "arms_supply") in PERSONNEL
    ]
    for a, b, (relation, needs), _pre in pack.qualified.find(toks):
        # "formation", "подготовка": any forming or preparing, unless soldiers stand near;
        # "transport", "transit": of anything, unless arms or troops stand near
        around = personnel if needs == "people" else objects
        if a not in named and any(
            min(abs(o[0] - b), abs(a - o[1])) <= QUALIFIED_REACH for o in around
        ):
            found.append(Event(a, b, str(relation)))
    conditions = [a for a, _b, _c, _pre in pack.conditionals.find(toks)]
    figures = [(a, b) for a, b, _f, _pre in pack.figurative.find(toks)]
    for a, b, relation, _pre in pack.triggers.find(toks):
        if a in epithet or a in named:
            continue  # "Iran-backed militias": a description, not a claim (the contract)
        if _purpose(pack, toks, a):
            continue  # "to prepare to attack": an aim, not an act
        if _supposed(toks, conditions, a):
            continue  # "if we decide to strike": a supposition, not an act
        if relation in FIGURATIVE_RELATIONS and any(
            a - f1 <= FIGURE_REACH and f0 - b <= FIGURE_REACH for f0, f1 in figures
        ):
            continue  # "sanctions hit the economy": a blow, no strike
        found.append(Event(a, b, str(relation)))
    return sorted(found, key=lambda e: e.start)


# the things sent that are people: a word of forming or preparing near them trains them
PERSONNEL = frozenset({"troop_deployment", "foreign_fighters", "training"})
QUALIFIED_REACH = 3  # "подготовка (украинских) военных", "former (des) soldats"
PURPOSE_REACH = 4  # "pour (se préparer à) attaquer": an infinitive this close after "to"
CONDITION_REACH = 8  # "si nous décidons (demain) de frapper": the if-clause's reach
CLAUSE_STOPS = frozenset({",", ";", ":", "\u060c", "\u2014", "\u2013"})
# "sanctions hit the middle class", "удар по экономике": a strike word on an economic noun
# this close is a figure of speech
FIGURATIVE_RELATIONS = frozenset({"combat"})
FIGURE_REACH = 3


def _supposed(toks: list[Tok], conditions: list[int], a: int) -> bool:
    """Whether the trigger at a stands in an if-clause: after an "if" word ("si", "se",
    "если", "إذا", "eğer") with no stop between."""
    return any(
        0 < a - c <= CONDITION_REACH and not any(t.text in CLAUSE_STOPS for t in toks[c:a])
        for c in conditions
    )


def _purpose(pack: Pack, toks: list[Tok], a: int) -> bool:
    """Whether the trigger at a is an infinitive of purpose ("per prepararsi ad attaccare")."""
    if not pack.purpose_words or not toks[a].lower.endswith(tuple(pack.participles)):
        return False
    return any(t.lower in pack.purpose_words for t in toks[max(0, a - PURPOSE_REACH) : a])


def _is_recipient(
    pack: Pack, toks: list[Tok], m: Mention, event: Event, direct: Mention | None = None
) -> bool:
    if m.actor.type == "demonym" or _is_source(pack, toks, m):
        return False  # "Russian" says whose, not to whom; "from X" is the supplier
    # an indeclinable name (the Russian abbreviations for the US, NATO, the CSTO) carries every
    # case: its case says nothing, only a preposition makes it a recipient ("на Украину")
    undeclined = bool(pack.subject_cases) and len(m.cases) >= ALL_CASES
    if (
        m.cases & pack.recipient_cases
        and not undeclined
        and not (m.cases & pack.subject_cases and m.end <= event.start)
    ):
        return True
    if m.suffix is not None and m.suffix in pack.recipient_suffixes:
        return True
    if m.prefix is not None and m.prefix in pack.recipient_prefixes:
        return True
    if m is direct and pack.object_recipient.find(toks[event.start : event.end]):
        return True  # "تزود أرمينيا بالأسلحة": the one supplied is the verb's object
    if pack.head_recipient_endings and m.suffix is None and m.end < len(toks):
        head = toks[m.end]  # a case-final language marks the phrase on its last noun
        if (
            head.text.isalpha()
            and head.text.islower()
            and head.lower.endswith(pack.head_recipient_endings)
        ):
            return True
    if pack.head_recipient_prefixes and m.prefix is None and m.start > 0:
        head = toks[m.start - 1]
        if head.text.isalpha() and any(
            head.lower.startswith(p) and len(head.lower) - len(p) >= HEAD_MIN
            for p in pack.head_recipient_prefixes
        ):
            return True
    if m.end < len(toks) and toks[m.end].lower in pack.recipient_after:
        return True  # "Suriye için": a postposition after the name it governs
    return _word_before(pack, toks, m) in pack.recipient_words


def _word_before(pack: Pack, toks: list[Tok], m: Mention) -> str:
    """The word before a name, over its article ("à l'Éthiopie" -> à)."""
    j = m.start - 1
    while j >= 0 and toks[j].lower in pack.determiners:
        j -= 1
    return toks[j].lower if j >= 0 else ""


def roles(
    pack: Pack,
    toks: list[Tok],
    mentions: list[Mention],
    event: Event,
    voices: frozenset[int],
    conceded: str | None = None,
) -> Roles:
    """Subject, recipient, object and negation of one event; `conceded` names a second,
    denying voice, which does not act for the main one."""
    players = [
        m for k, m in enumerate(mentions) if k not in voices and m.actor.type not in VOICE_ONLY
    ]
    named = {k for m in mentions for k in range(m.start, m.end)}
    if event.use:
        maker, user = _maker_user(pack, toks, event, players)
        deny = any(
            toks[j].lower in pack.negation or toks[j].lemma in pack.negation
            for j in range(max(0, event.start - NEGATION_REACH), event.start)
        )
        obj = _object(toks, event, named) if maker is not None else None
        return Roles(maker, user if maker is not None else None, obj, deny)
    if event.receive:
        giver, taker = _giver_taker(pack, toks, event, players)
        deny = any(
            toks[j].lower in pack.negation or toks[j].lemma in pack.negation
            for j in range(max(0, event.start - NEGATION_REACH), event.start)
        )
        return Roles(giver, taker, _object(toks, event, named), deny)
    direct = _direct_object(pack, toks, event, players) if pack.order == "svo" else None
    recipient = next(
        (
            m
            for m in sorted(players, key=lambda m: abs(m.start - event.start))
            if _is_recipient(pack, toks, m, event, direct)
            and min(abs(m.start - event.end), abs(event.start - m.end)) <= RECIPIENT_REACH
        ),
        None,
    )
    if recipient is None and event.relation in DIRECT_OBJECT_RECIPIENT:
        # "soutient l'Ukraine", "sostiene Kiev": whom one backs is the verb's direct object
        recipient = direct
    if recipient is None and event.relation in PLACE_RECIPIENT:
        # "sent soldiers to/in Iraq" with only a place after the act: the place is the
        # recipient (the contract: "or the place if only a place is given")
        recipient = _place_after(pack, toks, event, players)
    others = [m for m in players if m is not recipient]
    subject = _subject(pack, toks, event, others, after=False)
    main = [k for k in voices if mentions[k].actor.name != conceded]
    if (
        subject is None
        and len({mentions[k].actor.name for k in main}) == 1
        and not _passive(pack, toks, event)
    ):
        # "Iran denied sending arms", "Russia said it does not supply": the voice acts
        k = min(main)
        if (
            mentions[k].actor.type not in VOICE_ONLY
            and mentions[k].actor.type != "demonym"  # "the Russians say": a people, no actor
            and mentions[k] is not recipient
            and (not pack.inverted_voice_quoted or mentions[k].start < event.start or _quoted(toks))
            and _voice_reaches(pack, toks, mentions[k], event)
            # verb first, the name after the verb acts; the source cited before it does not
            and not (pack.agent_after and _cited(pack, toks, mentions[k]))
            # "Kyiv called the blast an attack": who names or condemns an act is no actor of it
            and not _reacts(pack, toks, mentions[k], event)
        ):
            subject = mentions[k]
    if subject is None and pack.agent_after:  # the name after a verbal noun, last
        subject = _subject(pack, toks, event, others, after=True)
    if subject is not None and _requests(pack, toks, subject, event):
        # "Moscow asked China for military aid": who asks receives, whom it asks supplies
        subject, recipient = (recipient, subject) if recipient is not None else (None, None)
    if subject is not None and recipient is not None and subject.actor.name == recipient.actor.name:
        recipient = None
    deny = any(
        toks[j].lower in pack.negation or toks[j].lemma in pack.negation
        for j in range(max(0, event.start - NEGATION_REACH), event.start)
    ) or _negative_verb(pack, toks, event)
    return Roles(subject, recipient, _object(toks, event, named), deny)


def _negative_verb(pack: Pack, toks: list[Tok], event: Event) -> bool:
    """A verb that carries its own negation ("göndermiyor": does not send): the pack's
    negative infixes, after the stem, on the trigger's last word."""
    if not pack.negative_infixes:
        return False
    word = toks[event.end - 1]
    stem = len(word.lemma)
    return word.lower.startswith(word.lemma) and any(
        word.lower.startswith(infix, stem) for infix in pack.negative_infixes
    )


def _direct_object(
    pack: Pack, toks: list[Tok], event: Event, players: list[Mention]
) -> Mention | None:
    """The name right after the verb (articles between) is its object; where the verb may come
    first ("تدعم الصين روسيا": backs China Russia) and no name stands before it, that first
    name is the subject and the object is the name right after it."""
    after = [
        m
        for m in sorted(players, key=lambda m: m.start)
        if m.actor.type != "demonym" and m.start >= event.end
    ]
    if not after or not _only_articles(pack, toks[event.end : after[0].start]):
        return None
    first = after[0]
    if not pack.agent_after or any(
        m.end <= event.start
        and m.actor.type != "demonym"
        and not _is_place(pack, toks, m)
        and (not pack.subject_reach or event.start - m.end <= pack.subject_reach)
        for m in players
    ):
        return first
    second = next((m for m in after[1:] if m.start >= first.end), None)
    if second is None or not _only_articles(pack, toks[first.end : second.start]):
        return None
    return second


def _only_articles(pack: Pack, between: list[Tok]) -> bool:
    return all(t.lower in pack.determiners for t in between)


def _place_after(
    pack: Pack, toks: list[Tok], event: Event, players: list[Mention]
) -> Mention | None:
    """The first place named after the act and near it ("l'envoi de soldats en Irak",
    "truppe schierate in Siria"): where what is sent goes."""
    near = [
        m
        for m in players
        if m.actor.type != "demonym"
        and _is_place(pack, toks, m)
        and 0 <= m.start - event.end <= TRANSFER_REACH
    ]
    return min(near, key=lambda m: m.start) if near else None


# what is sent or stationed goes where it is sent; a strike or backing "in X" says where it
# happened, not whom it hit or backed
PLACE_RECIPIENT = frozenset(
    {"arms_supply", "troop_deployment", "foreign_fighters", "training", "logistics"}
)


MAKER_REACH = 3  # "drones iraniens", "droni di fabbricazione iraniana": whose make


def _maker_user(
    pack: Pack, toks: list[Tok], event: Event, players: list[Mention]
) -> tuple[Mention | None, Mention | None]:
    """For a verb of using arms: the state whose demonym the arms carry (their maker, so the
    supplier) and the user (by "by X", else the name before the verb), the recipient."""
    arms = [
        (a, b)
        for a, b, name, _pre in pack.objects.find(toks)
        if pack.object_relations.get(str(name), "arms_supply") == "arms_supply"
        and min(abs(a - event.end), abs(event.start - b)) <= TRANSFER_REACH
    ]
    maker = next(
        (
            m
            for m in players
            if m.actor.type == "demonym"
            and any(0 <= m.start - b < MAKER_REACH or 0 <= a - m.end < ADJACENT for a, b in arms)
        ),
        None,
    )
    others = [m for m in players if m is not maker and m.actor.type != "demonym"]
    user = next(
        (m for m in others if _is_source(pack, toks, m) and 0 <= m.start - event.end <= 2),
        None,
    )
    if user is None:
        before = [m for m in others if m.end <= event.start and not _is_place(pack, toks, m)]
        user = before[-1] if before else None
    if maker is not None and user is not None and maker.actor.name == user.actor.name:
        return None, None  # "Russia uses Russian missiles": its own arms
    return maker, user


def _giver_taker(
    pack: Pack, toks: list[Tok], event: Event, players: list[Mention]
) -> tuple[Mention | None, Mention | None]:
    """Who gives and who receives in "X received (American) tanks (from Y)", "Украина получила
    гаубицы от Франции", "le armi ricevute dall'Occidente": the giver is the source ("from Y")
    near the verb or its arms, else the arms' demonym; the receiver is the verb's subject (the
    nominative in a case language, the name before the verb otherwise, the people named by a
    demonym too). No giver named: the text names nobody, and the claim has no subject."""
    arms = [
        (a, b)
        for a, b, name, _pre in pack.objects.find(toks)
        if pack.object_relations.get(str(name), "arms_supply") == "arms_supply"
        and min(abs(a - event.end), abs(event.start - b)) <= TRANSFER_REACH
    ]
    spans = [(event.start, event.end), *arms]
    giver = next(
        (
            m
            for m in sorted(players, key=lambda m: abs(m.start - event.start))
            if _is_source(pack, toks, m)
            and any(min(abs(m.start - b), abs(a - m.end)) <= SOURCE_REACH for a, b in spans)
        ),
        None,
    )
    if giver is None:
        giver = next(
            (
                m
                for m in players
                if m.actor.type == "demonym"
                and any(
                    0 <= m.start - b < MAKER_REACH or 0 <= a - m.end < ADJACENT for a, b in arms
                )
            ),
            None,
        )
    others = [m for m in players if m is not giver and not _is_source(pack, toks, m)]
    if pack.order == "case":
        takers = [
            m
            for m in others
            if m.cases & pack.subject_cases
            and (m.end <= event.start or m.start - event.end <= SOURCE_REACH)
        ]
        taker = min(takers, key=lambda m: abs(m.start - event.start)) if takers else None
    else:
        before = [
            m
            for m in others
            if m.end <= event.start
            and not _is_place(pack, toks, m)
            and (not pack.subject_reach or event.start - m.end <= pack.subject_reach)
        ]
        taker = before[-1] if before else None
    if taker is None or (giver is not None and giver.actor.name == taker.actor.name):
        return None, None  # nobody said to receive; "Russia received Russian shells": its own
    return giver, taker


def conjoined(pack: Pack, toks: list[Tok], mentions: list[Mention], m: Mention) -> list[Mention]:
    """The names joined to m by "and" ("the US and Britain send"): they share its role. A
    demonym joins only demonyms, a name only names."""
    ordered = sorted(mentions, key=lambda n: n.start)
    k = ordered.index(m)
    out: list[Mention] = []
    for step in (1, -1):
        cur = m
        j = k + step
        while 0 <= j < len(ordered):
            nxt = ordered[j]
            left, right = (cur, nxt) if step == 1 else (nxt, cur)
            if not _joined(pack, toks, left, right) or (nxt.actor.type == "demonym") != (
                m.actor.type == "demonym"
            ):
                break
            if nxt.actor.name != m.actor.name:
                out.append(nxt)
            cur, j = nxt, j + step
    return out


def _joined(pack: Pack, toks: list[Tok], left: Mention, right: Mention) -> bool:
    between = toks[left.end : right.start]
    if between and between[0].lower in pack.conjunctions:
        # "the US and (the) European countries": an article after "and" still joins them
        between = [t for t in between if t.lower not in pack.determiners]
    if not between:
        return right.prefix is not None and right.prefix in pack.conjunction_prefixes
    return len(between) == 1 and (between[0].lower in pack.conjunctions or between[0].text == ",")


def _requests(pack: Pack, toks: list[Tok], m: Mention, event: Event) -> bool:
    """Whether a verb of asking ("asked for", "richiesto") stands between m and the act."""
    return m.end <= event.start and any(
        m.end <= a and b <= event.start for a, b, _p, _pre in pack.requests.find(toks)
    )


def _quoted(toks: list[Tok]) -> bool:
    """Whether the sentence opens a quotation: its voice, named after it, speaks of its own."""
    return bool(toks) and toks[0].text in QUOTES


def _cited(pack: Pack, toks: list[Tok], m: Mention) -> bool:
    """Whether m is the source an "according to" cites ("بحسب البنتاغون، أرسلت إيران"): a
    source reports the act, it is not said to do it."""
    for a, b, _c, _pre in pack.according.find(toks):
        if b <= m.start <= b + ACCORDING_REACH or (
            m.end == a and toks[a].lower in pack.according_after
        ):
            return True
    return False


def _voice_reaches(pack: Pack, toks: list[Tok], voice: Mention, event: Event) -> bool:
    """Whether the voice can be the actor of a trigger it did not name: "Iran denied sending"
    yes; "Moscow said that supplies prolong the war" no, unless a pronoun in the clause after
    "that" points back at it ("said that it does not supply"), where the pack lists them."""
    if not pack.subject_pronouns or event.start <= voice.end:
        return True
    clause = toks[voice.end : event.start]
    that = next((j for j, t in enumerate(clause) if t.lower in pack.complementizers), None)
    if that is None:
        return True
    # the complementizer itself may carry the pronoun ("أنها": that-she)
    return any(t.lower in pack.subject_pronouns for t in clause[that:])


def _is_source(pack: Pack, toks: list[Tok], m: Mention) -> bool:
    """ "by/from X" (par, dall', из, Rusya'dan): the supplier or agent of a passive."""
    if m.suffix is not None and m.suffix in pack.source_suffixes:
        return True
    if _word_before(pack, toks, m) in pack.source_words:
        return True
    # "da parte del Canada": a phrase of agency ending before the name
    return any(
        b <= m.start
        and all(t.lower in pack.determiners for t in toks[b : m.start])
        and b > m.start - 2
        for _a, b, _s, _pre in pack.source_phrases.find(toks[: m.start])
    )


def _is_with(pack: Pack, toks: list[Tok], m: Mention) -> bool:
    """ "with X" ("Rusya ile", "con la Russia"): a partner of the act, not who acts or speaks."""
    if m.end < len(toks) and toks[m.end].lower in pack.comitative_after:
        return True
    if not pack.comitative_words:
        return False
    if _word_before(pack, toks, m) in pack.comitative_words:
        return True
    # "con Barack Obama Presidente Usa": a partner named with its person and title first
    j = m.start - 1
    while j >= 0 and toks[j].text[:1].isupper() and toks[j].text.isalpha():
        j -= 1
    return m.start - j > 2 and j >= 0 and toks[j].lower in pack.comitative_words


def _is_place(pack: Pack, toks: list[Tok], m: Mention) -> bool:
    """ "in X" (en, in, Suriye'de): where it happens, never who acts."""
    if m.suffix is not None and m.suffix in pack.place_suffixes:
        return True
    if _word_before(pack, toks, m) in pack.place_words:
        return True
    if not pack.place_nouns:
        return False
    if m.suffix is not None and m.suffix in pack.subject_suffixes and m.end < len(toks):
        # "Suriye'nin kuzeyi": a genitive on a part of the land is a place
        head = toks[m.end]
        return head.lower in pack.place_nouns or head.lemma in pack.place_nouns
    # "dans le nord de la Syrie", "nella regione di Kiev": a part of X is a place too
    j = m.start - 1
    while j >= 0 and toks[j].lower in pack.determiners:
        j -= 1
    if j < 1 or toks[j].lower not in pack.genitive_words:
        return False
    j -= 1
    while j >= 0 and toks[j].lower in pack.determiners:
        j -= 1
    return j >= 0 and (toks[j].lower in pack.place_nouns or toks[j].lemma in pack.place_nouns)


def _is_object(pack: Pack, toks: list[Tok], m: Mention) -> bool:
    """An accusative name (Russia-ACC) or head noun (the regime's soldiers-ACC, "rejim
    askerini") is acted on, never the actor."""
    if m.suffix is not None and m.suffix in pack.object_suffixes:
        return True
    if pack.head_object_endings and m.suffix is None and m.end < len(toks):
        head = toks[m.end]
        return (
            head.text.isalpha()
            and head.text.islower()
            and head.lower.endswith(pack.head_object_endings)
        )
    return False


RECIPIENT_REACH = 10  # a name "to X" farther from the act is another clause's ("heading to X")
PASSIVE_REACH = 2  # "a été attaquée", "sono stati (poi) addestrati": the auxiliary's reach
PASSIVE_STEM = 2  # letters of stem before a passive marker inside the verb ("vur-ul-du")


# a passive by its ending names what is struck before it; for a verb of sending the thing
# sent stands there ("Türk askerleri gönderildi": Turkish soldiers were sent), still Turkey's
PATIENT_RELATIONS = frozenset({"combat"})


def _passive(pack: Pack, toks: list[Tok], event: Event) -> bool:
    """Whether the trigger is a participle after a passive auxiliary (where the pack lists them),
    or, for a strike, a verb whose ending is passive ("vuruldu", "etkisiz hale getirildi")."""
    if pack.passive_markers and event.relation in PATIENT_RELATIONS:
        word = toks[event.end - 1].lower
        if any(word.find(m, PASSIVE_STEM) >= 0 for m in pack.passive_markers):
            return True
    return any(
        event.start - (pack.passive_reach or PASSIVE_REACH) <= b <= event.start
        and not toks[a].text[:1].isupper()
        for a, b, _p, _pre in pack.passive.find(toks[: event.start])
    )  # not capitalised: the "Stati" of "Stati Uniti" is a name, no auxiliary (a script
    # without capitals, Arabic, has no such names)


def _reacts(pack: Pack, toks: list[Tok], m: Mention, event: Event) -> bool:
    """Whether a verb of reacting ("condemned", "denounced") stands between m and the act."""
    return m.end <= event.start and any(
        m.end <= a and b <= event.start for a, b, _p, _pre in pack.reactions.find(toks)
    )


def _against(pack: Pack, toks: list[Tok], m: Mention, event: Event) -> bool:
    """Whether an "against" word stands between the act and m, after it, or right before m
    ("sanctions against Moscow and to supply arms": Moscow is the target, wherever it stands)."""
    before = _word_before(pack, toks, m)
    if before in pack.against_words or before in pack.target_words:
        return True  # "contre X", and "frappes sur X", "غارات على X" (on X)
    return m.start >= event.end and any(
        t.lower in pack.against_words for t in toks[event.end : m.start]
    )


VICTIM_REACH = 6  # "مقتل 40 (على الأقل) من تنظيم X": the dead, a count, then whose they were


def _victim(pack: Pack, toks: list[Tok], m: Mention) -> bool:
    """Whether m names the dead ("the killing of 40 fighters of X", "مقتل قائد في X"): a word
    of death shortly before it, with no stop between; the dead are struck, they do not strike."""
    lo = max(0, m.start - VICTIM_REACH)
    for j in range(m.start - 1, lo - 1, -1):
        if toks[j].text in CLAUSE_STOPS:
            return False
        if toks[j].lower in pack.victim_words or toks[j].lemma in pack.victim_words:
            return True
    return False


# personnel a group or alliance owns: "mercenaires du groupe Wagner", "soldati della NATO"
OWNED = frozenset({"troop_deployment", "foreign_fighters", "training"})
OWNER_TYPES = frozenset({"group", "collective"})  # a state after "of" is mostly "from"
OWNER_REACH = 3


def _owner(pack: Pack, toks: list[Tok], event: Event, players: list[Mention]) -> Mention | None:
    """The group or alliance whose personnel the trigger names, after "of" (where the pack
    lists its genitive words)."""
    if event.relation not in OWNED or event.end >= len(toks):
        return None
    if toks[event.end].lower not in pack.genitive_words:
        return None
    return next(
        (
            m
            for m in sorted(players, key=lambda m: m.start)
            if m.actor.type in OWNER_TYPES and 0 < m.start - event.end <= OWNER_REACH
        ),
        None,
    )


def _patron(pack: Pack, toks: list[Tok], m: Mention) -> bool:
    """Whether m is the agent of an epithet ("rebels backed by Iran", "sostenuti dall'Iran"):
    a patron named in a description does not act."""
    j = m.start - 1
    while j >= 0 and toks[j].lower in pack.determiners:
        j -= 1
    if j < 1 or toks[j].lower not in pack.source_words:
        return False
    return any(b == j for _a, b, _e, _pre in pack.epithets.find(toks[:j]))


def _subject(
    pack: Pack, toks: list[Tok], event: Event, players: list[Mention], *, after: bool = False
) -> Mention | None:
    players = [
        m
        for m in players
        if not _is_place(pack, toks, m)
        and not _is_object(pack, toks, m)
        and not _is_with(pack, toks, m)
        and not _patron(pack, toks, m)
        and not _victim(pack, toks, m)
    ]
    if event.relation in NATIONALITY_NOT_SENDER:
        players = [m for m in players if m.actor.type != "demonym"]
    if pack.bound_triggers.find(toks[event.start : event.end]):
        # "قوات تركية", "قوات التحالف": a bare noun like "forces" claims only whose it is,
        # said on it; a name elsewhere in the clause is not the one whose forces they are
        players = [m for m in players if 0 <= m.start - event.end < ADJACENT]
    marked = [m for m in players if m.suffix is not None and m.suffix in pack.subject_suffixes]
    if marked:  # "Russia-GEN ... shipment": the genitive owns a nominalised act
        return min(marked, key=lambda m: abs(m.start - event.start))
    sources = [
        m
        for m in players
        if _is_source(pack, toks, m)
        and event.relation not in NATIONALITY_NOT_SENDER  # "mercenaries from Poland": origin
        and min(abs(m.start - event.end), abs(event.start - m.end)) <= SOURCE_REACH
    ]
    if sources:
        return min(sources, key=lambda m: abs(m.start - event.start))
    # "X condemned the attack": X reacts to the act; "the embassy was attacked", "Ukrainian
    # soldiers will be trained": what stands before a passive is acted on; "the attack on
    # the American embassy": past "against" is the target
    players = [
        m
        for m in players
        if not _reacts(pack, toks, m, event)
        and not (m.end <= event.start and _passive(pack, toks, event))
        and not _against(pack, toks, m, event)
    ]
    # "Turkish forces", "قوات تركية", "soldats américains": the demonym on the trigger's noun,
    # else on the thing the event moves ("armi occidentali", "الأسلحة الإيرانية": whose arms)
    heads = [(event.start, event.end)] + [
        (a, b)
        for a, b, name, _pre in pack.objects.find(toks)
        if pack.object_relations.get(str(name), "arms_supply") == event.relation
        and min(abs(a - event.end), abs(event.start - b)) <= DEMONYM_REACH
    ]  # a thing far off in a list ("... and two Norwegian NASAMS") is not what the act moves
    agent = _participle_agent(pack, toks, event, heads, players)
    if agent is not None:
        return agent
    # "подготовка сербских солдат", "former des soldats serbes": after an act of training the
    # demonym is the trainees', not the trainer's (but "instructeurs serbes" are Serbia's)
    # a verb of training is an act too ("addestrerà soldati ucraini", "обучать украинских
    # военных"); a trainer's noun ("istruttori britannici") is not
    trigger = toks[event.start : event.end]
    trainees = bool(pack.qualified.find(trigger)) or (
        event.relation == "training" and not pack.objects.find(trigger)
    )
    for a, b in heads:
        beside = [
            m
            for m in players
            if m.actor.type == "demonym"
            and (0 <= a - m.end < ADJACENT or (0 <= m.start - b < ADJACENT and not trainees))
        ]
        if beside:
            return min(beside, key=lambda m: min(abs(a - m.end), abs(m.start - b)))
    owner = _owner(pack, toks, event, players)
    if owner is not None:
        return owner
    named = [m for m in players if m.actor.type != "demonym"]
    if pack.order == "case":
        subj = [
            m
            for m in named
            if (m.cases & pack.subject_cases or not m.cases)
            and (m.start < event.start or m.start - event.end <= SOURCE_REACH)
        ]  # after its verb, a subject stands close ("поставила Украине Германия")
        if subj:
            return min(subj, key=lambda m: (m.start > event.start, abs(m.start - event.start)))
    else:
        before = [
            m
            for m in named
            if m.end <= event.start
            and (not pack.subject_reach or event.start - m.end <= pack.subject_reach)
        ]
        if before:
            return before[-1]
        governed = [
            m
            for m in named
            if 0 <= m.start - event.end < ADJACENT
            and m.prefix is None
            and all(t.text.isalpha() for t in toks[event.end : m.start])
        ]
        if after and governed:  # "تدريب واشنطن": the name a verbal noun governs is its agent,
            # or the name completing the noun after a verb ("استهدفت طائرات التحالف")
            return governed[0]
        if governed and pack.agent_after:
            return None  # "أسقطت الولايات المتحدة طائرة إيرانية": the verb's own subject
            # follows it, nearer than a demonym on the thing it hit (the caller asks again)
    demonyms = [
        m
        for m in players
        if m.actor.type == "demonym"
        and min(abs(m.start - event.end), abs(event.start - m.end)) <= DEMONYM_REACH
    ]
    if demonyms:
        return min(demonyms, key=lambda m: abs(m.start - event.start))
    return None


PARTICIPLE_AGENT = 2  # "поставленные (ещё) Германией": the agent this close after its participle


def _participle_agent(
    pack: Pack,
    toks: list[Tok],
    event: Event,
    heads: list[tuple[int, int]],
    players: list[Mention],
) -> Mention | None:
    """The agent of a passive participle, in the pack's agent case ("ракеты, переданные
    Германией", "обещанные американцами истребители"): the participle is the trigger itself or
    stands on the thing the event moves. An indeclinable name carries every case and is left to
    the other rules."""
    if not pack.agent_cases:
        return None
    for m in sorted(players, key=lambda m: abs(m.start - event.start)):
        if not m.cases & pack.agent_cases or len(m.cases) >= ALL_CASES:
            continue
        p = next(
            (
                j
                for j in range(m.start - 1, max(-1, m.start - 1 - PARTICIPLE_AGENT), -1)
                if toks[j].passive
            ),
            None,
        )
        if p is None or any(not t.text.isalpha() for t in toks[p + 1 : m.start]):
            continue
        if event.start <= p < event.end or any(
            min(abs(p - b), abs(a - p)) <= ADJACENT + PARTICIPLE_AGENT for a, b in heads[1:]
        ):
            return m
    return None


_LATIN = re.compile(r"[a-z]")
_DESIGNATION = re.compile(r"(?=.*\d)[A-Z][A-Za-z]*-?\d+[A-Za-z0-9-]*\Z")


# a model designation names equipment: what is supplied, moved, deployed or fired, never
# who is trained or recruited ("sent advisers and TB2 drones": the advisers' training has none)
EQUIPMENT_RELATIONS = frozenset({"arms_supply", "combat", "troop_deployment", "logistics"})


def _object(toks: list[Tok], event: Event, named: set[int]) -> str | None:
    """A model designation written in Latin letters (HIMARS, M777, F-16, S-300) as the text
    gives it, nearest after the trigger; the generic words the pack knows ("weapons") are left
    out, since a translation of them rarely says what the text says."""
    if event.relation not in EQUIPMENT_RELATIONS:
        return None
    found = [
        k
        for k, t in enumerate(toks)
        if k not in named and t.text.isascii() and _DESIGNATION.match(t.text)
    ]
    if not found:
        return None
    k = min(found, key=lambda k: (k < event.start, abs(k - event.start)))
    return toks[k].text
