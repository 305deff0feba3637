"""The parser's claims beside the rule engine's: each proposition and voice once."""

from __future__ import annotations

from dataclasses import replace

from corroborate.extract.claim import Claim, Quantity, Span

# Evidence spans closer than this many characters are read as one sentence's.
_NEAR = 200


def _overlap(a: Span, b: Span) -> bool:
    """The two evidence spans share words: one act's reading."""
    return a.start < b.end and b.start < a.end


# Relations whose object tells one proposition from another: "Germany halved its military
# aid" and "Berlin donated three Patriot units" are two supplies by one actor in one voice.
_OBJECT_RELATIONS = frozenset({"arms_supply"})


def _voice_key(c: Claim) -> tuple[str, str, str, str]:
    return ((c.subject or "").lower(), c.relation, c.polarity, c.speaker.lower())


def _other_thing(a: Claim, b: Claim) -> bool:
    """Two claims of a relation told apart by its object, each naming an object the other's
    does not contain."""
    if a.relation not in _OBJECT_RELATIONS or not a.object or not b.object:
        return False
    x, y = a.object.lower(), b.object.lower()
    return x not in y and y not in x


def combine(rules: list[Claim], parsed: list[Claim]) -> list[Claim]:
    """The rule engine's claims, plus the parser's where the rules read nothing of that act.

    Where the rules read an actor's act, their reading (tuned on many more sentences) stands:
    a parser claim about the same actor is dropped when its words overlap a rule claim's, or
    when it is the same relation nearby. The parser adds what the rules cannot see: unknown
    names, nested and coordinated clauses, named outlets as voices, and an actor's other acts
    in the same sentence. Measured against the alternatives (every parser claim; none about
    an actor the rules read anywhere near): the blind world-dev half gains most this way."""
    rules = [_completed(_voiced(r, parsed), parsed) for r in rules]
    out = list(rules)
    for c in parsed:
        key = _voice_key(c)
        subject = (c.subject or "").lower()
        if any(_voice_key(r) == key and not _other_thing(c, r) for r in out):
            continue
        if not _answer(c, rules) and any(
            subject == (r.subject or "").lower()
            and (
                (_overlap(c.evidence, r.evidence) and not _further_act(c, r))
                or (
                    abs(c.evidence.start - r.evidence.start) < _NEAR
                    and c.relation == r.relation
                    and not _other_thing(c, r)
                )
            )
            for r in rules
        ):
            continue
        out.append(c)
    return out


# Marks that end a clause within a sentence: ", offering ...", " \u2014 sending ...".
_CLAUSE_BREAKS = (",", ";", "\u2014", "\u2013")


def _further_act(c: Claim, r: Claim) -> bool:
    """ "Japan pledged to stand with Kyiv, offering it military vehicles": the parse's act of
    another relation whose words run on past the rule claim's is the actor's next act in the
    sentence (they share only its subject), not a second reading of the rule's ("the airlift
    brought in ammunition" as a supply besides the flights): a clause break lies between."""
    if c.relation == r.relation or c.evidence.end <= r.evidence.end:
        return False
    beyond = c.evidence.text[max(0, r.evidence.end - c.evidence.start) :]
    return any(mark in beyond for mark in _CLAUSE_BREAKS)


def _answer(c: Claim, rules: list[Claim]) -> bool:
    """A named party's denial of an act the rules read only as someone else's claim ("Uganda
    rejected Kenya's claim that ..."): a second voice on the same words, not a second reading."""
    if c.speaker == "author" or c.polarity != "deny":
        return False
    same = [
        r
        for r in rules
        if r.subject == c.subject and r.relation == c.relation and _overlap(c.evidence, r.evidence)
    ]
    return bool(same) and all(r.polarity == "affirm" and r.speaker != c.speaker for r in same)


def _voiced(rule: Claim, parsed: list[Claim]) -> Claim:
    """A rule claim left to the author takes the voice the parse found for the same act (the
    same actor, relation and polarity over the same words): the parse follows a clause up to
    its speaker, through pronouns and past the rules' word windows."""
    if rule.speaker != "author":
        return rule
    for c in parsed:
        if (
            c.speaker != "author"
            and c.subject == rule.subject
            and c.relation == rule.relation
            and c.polarity == rule.polarity
            and _overlap(c.evidence, rule.evidence)
        ):
            return replace(rule, speaker=c.speaker, hedged=c.hedged or rule.hedged)
    return rule


def _completed(rule: Claim, parsed: list[Claim]) -> Claim:
    """A rule claim of a supply takes what the parse read of the same act (the same actor,
    relation and polarity over the same words) and the rules' word window missed: the
    recipient of a passive ("the Houthis were supplied with rockets by Iran") and the whole
    compound of what moves ("UAV engines", where the window stops at the known "UAV")."""
    if rule.quantity is None:
        rule = replace(rule, quantity=_parsed_quantity(rule, parsed))
    if rule.relation not in _OBJECT_RELATIONS:
        return rule
    for c in parsed:
        if (
            c.subject != rule.subject
            or c.relation != rule.relation
            or c.polarity != rule.polarity
            or not _overlap(c.evidence, rule.evidence)
        ):
            continue
        recipient = rule.recipient or c.recipient
        obj = rule.object
        words = (c.object or "").lower().split()
        if obj and obj.lower() in words[:-1]:
            obj = c.object  # the rules' word only modifies the parse's head: "UAV engines"
            # (but "more tanks" are tanks)
        return replace(rule, recipient=recipient, object=obj)
    return rule


def _parsed_quantity(rule: Claim, parsed: list[Claim]) -> Quantity | None:
    """The figure the parse read for the same act (the same actor, relation and polarity over
    the same words) where the rules' word window read none: "to deliver more armour and
    another EUR 300 million in aid" (the money is the parse's second object of the act)."""
    return next(
        (
            c.quantity
            for c in parsed
            if c.quantity is not None
            and c.subject == rule.subject
            and c.relation == rule.relation
            and c.polarity == rule.polarity
            and _overlap(c.evidence, rule.evidence)
        ),
        None,
    )
