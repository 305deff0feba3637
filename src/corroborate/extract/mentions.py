"""Mentions: actors and things grouped into noun phrases with owners, lists and prepositions.

No parser model is available, so a phrase is built from adjacent lexicon matches: "Several
Turkish F-16 fighter jets" is one thing (F-16) owned by Turkey; "Turkey and Pakistan" is one
mention of two actors; "advisers from Turkey" is a thing whose owner is Turkey.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from corroborate.extract.kb import Entry, Grammar, KnowledgeBase, Match
from corroborate.extract.tokens import Token

FIGHTER_CLASSES = frozenset({"fighters"})
# people who are fighters only once someone recruits, hires or pays them ("recruited Syrian
# men", "hired convicts"); as a victim or bystander they are no one's force
RECRUIT_CLASSES = frozenset({"recruits"})
# people are named as the text names them ("Syrian mercenaries", "border guards")
PEOPLE_CLASSES = frozenset({"fighters", "own_forces", "advisers", "recruits"})
_START = attrgetter("start")
# the preposition of a country named only as a landmark ("its border with Azerbaijan")
BOUNDARY = "border"
# people who crew or service kit: after a weapon's name they are the phrase's head
_CREW_CLASSES = frozenset({"own_forces", "advisers"})
# what carries people or goods: "on Turkish military transports"
CARRIER_CLASSES = frozenset({"logistics", "transport_aircraft"})


@dataclass(slots=True)
class Mention:
    """A noun phrase that names actors or a thing, with token bounds [start, end)."""

    start: int
    end: int
    kind: str  # actor | thing | modifier | pronoun | group_ref | vague | institution | outlet
    actors: tuple[str, ...] = ()  # the actors, or the owner(s) of a thing
    thing: str | None = None
    thing_class: str | None = None
    label: str | None = None  # speaker label for compound collectives
    prep: str | None = None
    consumed: bool = False  # folded into another mention ("from Turkey" after "advisers")
    origin: tuple[str, ...] = ()  # "Israeli-made": where a thing was made, not who holds it
    person: bool = False  # named by an official's name ("Aliyev"): "he"/"she" can point to it

    @property
    def is_agent(self) -> bool:
        """Can speak or act for an actor; an army does ("Armenian forces claimed"), a jet not."""
        if self.kind == "thing":
            return self.thing_class == "own_forces" and bool(self.actors)
        return self.kind in ("actor", "pronoun", "group_ref", "institution", "outlet")


def _split_compound(tok: Token, kb: KnowledgeBase) -> tuple[Entry, ...]:
    """'Russian-Armenian' or 'Turkish-Azerbaijani': a hyphenated run of demonyms."""
    if "-" not in tok.text:
        return ()
    entries: list[Entry] = []
    for part in tok.text.split("-"):
        found = kb.entities.match([part], [part.lower()])
        entry = found[0].first("demonym", "actor") if found else None
        if entry is None:
            return ()
        entries.append(Entry("demonym", entry.value))
    return tuple(entries) if len(entries) >= 2 else ()


def _outlet_spans(
    tokens: list[Token], kb: KnowledgeBase, lowers: Sequence[str] | None = None
) -> list[Match]:
    """Outlets named as written: a capitalised name ending in a masthead word ("Caspian Ledger",
    "the Moscow Times"). The name wins over the place inside it ("Baku Tribune" is not Baku).
    `lowers`: the tokens' lower-case forms, if the caller has them already."""
    out: list[Match] = []
    if kb.outlet_heads.isdisjoint([t.lower for t in tokens] if lowers is None else lowers):
        return out  # the usual sentence: no masthead word at all
    for i, tok in enumerate(tokens):
        if i == 0 or tok.lower not in kb.outlet_heads or not tok.text[:1].isupper():
            continue
        j = i
        while j > 0 and tokens[j - 1].text[:1].isupper() and tokens[j - 1].text[:1].isalpha():
            if tokens[j - 1].lower in kb.grammar.determiners:
                break
            j -= 1
        if j < i:
            name = " ".join(t.text for t in tokens[j : i + 1])
            out.append(Match(j, i + 1, (Entry("outlet", name),)))
    return out


def entity_matches(
    tokens: list[Token],
    kb: KnowledgeBase,
    found: list[Match] | None = None,
    lowers: Sequence[str] | None = None,
) -> list[Match]:
    """Lexicon entities (`found`, if already matched), outlets and hyphenated demonym runs.
    `lowers`: the tokens' lower-case forms, if the caller has them already."""
    if found is None:
        found = kb.entities.match([t.text for t in tokens], [t.lower for t in tokens])
    outlets = _outlet_spans(tokens, kb, lowers)
    if outlets and found:  # a known name that holds the masthead run is the longer reading
        # ("the New York Times": "New" also reads as "new", which cut the run at "York")
        outlets = [
            o
            for o in outlets
            if not any(
                m.start <= o.start and o.end <= m.end and m.end - m.start > o.end - o.start
                for m in found
            )
        ]
    if outlets:
        # a listed outlet wins over the masthead guess inside it: "the New York Times" is not
        # cut at "New" (a word that may open a noun phrase) into "York Times"
        listed = [(m.start, m.end) for m in found if any(e.kind == "outlet" for e in m.entries)]
        outlets = [o for o in outlets if not any(a <= o.start and o.end <= b for a, b in listed)]
    if outlets:
        taken = {i for m in outlets for i in range(m.start, m.end)}
        found = [m for m in found if not any(i in taken for i in range(m.start, m.end))] + outlets
    added = bool(outlets)
    covered: set[int] | None = None  # only a hyphenated word needs it
    for i, tok in enumerate(tokens):
        if "-" not in tok.text:
            continue
        if covered is None:
            covered = {i for m in found for i in range(m.start, m.end)}
        if i not in covered:
            parts = _split_compound(tok, kb)
            if parts:
                found.append(Match(i, i + 1, parts))
                added = True
    # the phrase index finds matches left to right: only added ones need sorting in
    return sorted(found, key=_START) if added else found


def _is_filler(tok: Token, g: Grammar) -> bool:
    # "Armenian air-defence commander": a hyphenated word is as much a filler as a plain one
    text = tok.text if "-" not in tok.text else tok.text.replace("-", "")
    return tok.lower in g.determiners or (
        text.isalpha() and tok.lower not in g.prepositions and tok.lower not in g.conjunctions
    )


def prep_before(
    tokens: list[Token], start: int, g: Grammar, trigger_tokens: set[int]
) -> str | None:
    i = start - 1
    skipped = 0
    while i >= 0 and skipped <= 3:
        low = tokens[i].lower
        if (
            low == "of"
            and i > 0
            and (tokens[i - 1].lower in g.measure_nouns or tokens[i - 1].text[:1].isdigit())
        ):
            return None  # "a group of officers", "hundreds of fighters": the noun is the head
        if low in g.approximators and i + 1 < start and tokens[i + 1].text[:1].isdigit():
            return None  # "about 4,000 fighters": "about" qualifies the figure
        if low in g.prepositions:
            return low
        if (
            low in g.determiners
            or low in g.place_modifiers
            or tokens[i].text[:1].isdigit()
            or _name_modifier(tokens, i, start, trigger_tokens)
        ):
            i -= 1
            skipped += 1
            continue
        return _title_after_by(tokens, i, g, trigger_tokens)
    return None


def _name_modifier(tokens: list[Token], i: int, start: int, trigger_tokens: set[int]) -> bool:
    """ "from the T4 airbase", "at the Erebuni base": a proper name right before the head noun
    (after a determiner) is part of the phrase, so the preposition still governs it."""
    return (
        i == start - 1
        and i >= 2
        and i not in trigger_tokens
        and tokens[i].text[:1].isupper()
        and tokens[i - 1].lower in ("the", "a", "an")
    )


def _title_after_by(
    tokens: list[Token], i: int, g: Grammar, trigger_tokens: set[int]
) -> str | None:
    """ "backed by regional power Turkey": up to two title words between "by" and its agent."""
    j = i
    while (
        j >= 0
        and i - j < 2
        and j not in trigger_tokens
        and tokens[j].text.isalpha()
        and tokens[j].text.islower()
        and tokens[j].lower not in g.prepositions
        and tokens[j].lower not in g.be_verbs
    ):
        j -= 1
    return "by" if 0 <= j < i and tokens[j].lower == "by" else None


def _specific(entries: list[Entry]) -> Entry:
    """Prefer a named thing (F-16, Bayraktar TB2) over a generic noun (jets, drones)."""
    named = [e for e in entries if e.value[:1].isupper()]
    return named[0] if named else entries[-1]


def _classify(group: list[Match], tokens: list[Token], g: Grammar) -> Mention:
    start, end = group[0].start, group[-1].end
    if len(group) == 1 and len(group[0].entries) == 1 and group[0].entries[0].kind == "actor":
        # the commonest phrase, a lone actor's name: what the general path below gives it
        only = group[0].entries[0]
        return Mention(start, end, "actor", (only.value,), person=only.cls == "person")
    things: list[Entry] = []
    actors: list[Entry] = []
    demonyms: list[Entry] = []
    institutions: list[Entry] = []
    collectives: list[Entry] = []
    outlet: Entry | None = None
    for m in group:  # one pass, sorting the entries by kind in their order
        for e in m.entries:
            kind = e.kind
            if kind == "thing":
                things.append(e)
            elif kind == "actor":
                actors.append(e)
            elif kind == "demonym":
                demonyms.append(e)
            elif kind == "institution":
                institutions.append(e)
            elif kind == "collective":
                collectives.append(e)
            elif kind == "outlet":
                outlet = e
    if outlet is not None:
        return Mention(start, end, "outlet", (outlet.value,))
    made_in: tuple[str, ...] = ()
    sponsor = False
    if demonyms:  # most phrases have none, and the common ones one name: no dedup needed
        made_in = tuple(dict.fromkeys(e.value for e in demonyms if e.cls == "origin"))
        demonyms = [e for e in demonyms if e.cls != "origin"] if things else demonyms
        sponsor = any(e.cls == "sponsor" for e in demonyms)
    named = actors + demonyms
    names = (named[0].value,) if len(named) == 1 else tuple(dict.fromkeys(e.value for e in named))
    if things:
        # "Su-25 pilots", "TB2 operators": people named last are the head, the kit a modifier
        # ("Su-30SM fighters" are aircraft: fighters are not among these people)
        last = things[-1]
        head = last if last.cls in _CREW_CLASSES and len(things) > 1 else _specific(things)
        # "Lebanese Hezbollah fighters", "Russia's Wagner mercenaries": the named group owns them
        owners = tuple(dict.fromkeys(e.value for e in actors)) or names
        thing_name = head.value
        if thing_name[:1].islower() or head.cls in PEOPLE_CLASSES:
            head_match = next(m for m in group if head in m.entries)
            thing_name = " ".join(t.text for t in tokens[head_match.start : head_match.end])
            first = thing_name.split()[0]
            if first[:1].isupper() and first[1:].islower() and head.value[:1].islower():
                # "Drones" opening a sentence is "drones"; "PKK militants", "Syrian fighters" stay
                thing_name = thing_name[:1].lower() + thing_name[1:]
        if (
            (head.cls in FIGHTER_CLASSES or head.cls in RECRUIT_CLASSES)
            and not sponsor
            and not actors
            and demonyms
        ):
            # "Syrian fighters": the demonym is where fighters come from, not who sends them
            origin = tokens[group[0].start].text if group[0].first("demonym") else None
            if origin and not thing_name.lower().startswith(origin.lower()):
                thing_name = f"{origin} {thing_name}" if thing_name[:1].islower() else thing_name
            owners = ()
        mention = Mention(start, end, "thing", owners, thing_name, head.cls)
        mention.origin = made_in
        return mention
    if actors or (demonyms and (institutions or collectives)):
        label = None
        if len(names) > 1 and collectives:
            label = " ".join(t.text for t in tokens[start:end] if t.lower not in g.determiners)
        person = bool(actors) and all(e.cls == "person" for e in actors)
        return Mention(start, end, "actor", names, label=label, person=person)
    if demonyms:
        return Mention(start, end, "modifier", names)
    if institutions:
        return Mention(start, end, "institution")
    return Mention(start, end, "vague")


def _after_verb(tokens: list[Token], start: int, trigger_tokens: set[int], g: Grammar) -> bool:
    """The phrase at `start` follows a verb: "sold Azerbaijan drones" (two objects)."""
    i = start - 1
    if i >= 0 and tokens[i].lower in ("a", "an"):
        return False  # "shot down a Houthi drone": one phrase, never "sold a Baku drones"
    while i >= 0 and tokens[i].lower in g.determiners:
        i -= 1
    return i >= 0 and i in trigger_tokens


def build_mentions(
    tokens: list[Token], ents: list[Match], trigger_tokens: set[int], g: Grammar
) -> list[Mention]:
    """Group adjacent entity matches into mentions, then fold lists and 'from X' owners."""
    groups: list[list[Match]] = []
    for m in ents:
        if groups:
            last = groups[-1][-1]
            gap = m.start - last.end
            # "Azerbaijan Bayraktar drones" is two phrases ("sold Azerbaijan drones");
            # "Azerbaijan defence ministry" and "Turkey's drones" are one. The tests go cheapest
            # first and stop at the first that decides.
            if gap == 1 and tokens[last.end].lower == "'s":
                joined = True  # a possessive
            elif gap <= 0:
                names_thing = (
                    "actor" in last.kinds()
                    and "thing" in m.kinds()
                    and _after_verb(tokens, groups[-1][0].start, trigger_tokens, g)
                )
                joined = not names_thing
            else:
                joined = (
                    gap <= 2
                    and all(e.kind == "demonym" for e in last.entries)  # after a modifier
                    and all(
                        _is_filler(tokens[i], g) and i not in trigger_tokens
                        for i in range(last.end, m.start)
                    )
                )
            if joined:
                groups[-1].append(m)
                continue
        groups.append([m])
    mentions = [_classify(group, tokens, g) for group in groups]
    for mention in mentions:
        mention.prep = prep_before(tokens, mention.start, g, trigger_tokens)
        if _borders(tokens, mention, g):
            mention.prep = BOUNDARY  # a landmark: no role's preposition names it
    return _fold(mentions, tokens, g)


def _borders(tokens: list[Token], m: Mention, g: Grammar) -> bool:
    """ "its border with Azerbaijan", "on Syria's border": a country that only locates a place
    is neither the target nor the beneficiary of what happens there."""
    if m.kind != "actor":
        return False
    s = m.start
    if s >= 2 and tokens[s - 1].lower in ("with", "of") and tokens[s - 2].lower in g.boundary_nouns:
        return True
    e = m.end
    return (
        e + 1 < len(tokens) and tokens[e].lower == "'s" and tokens[e + 1].lower in g.boundary_nouns
    )


def _joined(tokens: list[Token], a: Mention, b: Mention, g: Grammar) -> bool:
    between = [t.lower for t in tokens[a.end : b.start]]
    return bool(between) and all(w in g.conjunctions for w in between)


def _closes_list(mentions: list[Mention], k: int, tokens: list[Token], g: Grammar) -> bool:
    """A comma joins a list only if a conjunction closes it: "France, Greece and Cyprus"."""
    for j in range(k, len(mentions) - 1):
        a, b = mentions[j], mentions[j + 1]
        if b.kind != a.kind or not _joined(tokens, a, b, g):
            return False
        if any(t.lower in g.conjunctions and t.text != "," for t in tokens[a.end : b.start]):
            return True
    return False


def _fold(mentions: list[Mention], tokens: list[Token], g: Grammar) -> list[Mention]:
    out: list[Mention] = []
    for k, m in enumerate(mentions):
        prev = out[-1] if out else None
        if prev is not None:
            between = [t.lower for t in tokens[prev.end : m.start]]
            listy = bool(between) and all(w in g.conjunctions for w in between)
            if between == [","] and not _closes_list(mentions, k, tokens, g):
                listy = False  # "in Libya, the Syrian Observatory said": an apposition or clause
            if len(between) == 2 and between[0] == "," and len(prev.actors) < 2:
                listy = False  # "... of Azerbaijan, and Ankara's support": a new clause
            if listy and prev.kind in ("actor", "modifier") and m.kind == prev.kind:
                prev.actors = tuple(dict.fromkeys(prev.actors + m.actors))
                prev.end = m.end
                continue
            if (
                listy
                and prev.kind == "modifier"
                and ((m.kind == "actor" and m.label is None) or (m.kind == "thing" and m.actors))
            ):
                # "Greek and Cypriot leaders", "Azerbaijani and Armenian forces": the demonyms
                # share the head noun
                m.actors = tuple(dict.fromkeys(prev.actors + m.actors))
                m.start = prev.start
                m.prep = prev.prep
                out[-1] = m
                continue
            link = [w for w in between if w not in g.articles]
            if (
                len(link) == 2
                and link[0] in g.operator_participles
                and link[1] == "by"
                and prev.kind == "thing"
                and m.kind == "actor"
                and not prev.actors
            ):
                # "drones flown by the Emirates struck ...": whoever operates the kit owns it;
                # the agent stays a mention, for the participle's own passive
                prev.actors = m.actors
            if (
                link in (["from"], ["of"])
                and prev.kind == "thing"
                and m.kind == "actor"
                and not prev.actors
                # "fighters from Syria" is where they come from; "fighters of the Islamic
                # State" whose they are
                and (prev.thing_class not in FIGHTER_CLASSES or link == ["of"])
            ):
                prev.actors = m.actors  # "advisers from Turkey", "officers of the Turkish army"
                m.consumed = True
        out.append(m)
    return out
