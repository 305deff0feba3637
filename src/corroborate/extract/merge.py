"""Claims of one document folded together: repeats of a proposition by the same voice become
mention spans of one claim, and a less specific claim joins the more specific one."""

from __future__ import annotations

from dataclasses import replace

from corroborate.extract.claim import Claim, Span


def drop_agentless_duplicates(claims: list[Claim]) -> list[Claim]:
    """ "Fighters were sent to Libya, recruited by Wagner": the named actor's claim is the one."""
    named = {(c.relation, c.speaker, c.polarity) for c in claims if c.subject is not None}
    return [
        c
        for c in claims
        if c.subject is not None or (c.relation, c.speaker, c.polarity) not in named
    ]


def drop_nameless(
    claims: list[Claim], *, actor_relations: frozenset[str], side_relations: frozenset[str]
) -> list[Claim]:
    """Claims that name who acts, or the side helped where the contract allows no actor.

    An actor's own acts (its troops, strikes, training, backing: `actor_relations`) need the
    actor: "troops were deployed" says nothing of anyone's involvement. Fighters nobody is
    said to send (`side_relations`) are affirmed only with the side they fight for ("Syrian
    mercenaries fight for X"); "militants were brought in" is no claim, while "no foreign
    fighters are there" still denies. Arms and transport keep the contract's null subject."""
    return [
        c
        for c in claims
        if c.subject is not None
        or not (
            c.relation in actor_relations
            or (c.relation in side_relations and c.recipient is None and c.polarity == "affirm")
        )
    ]


# Foreign fighters nobody is said to send, pay or recruit: the gold sets' subject for them
# (world-dev and multi-dev SOURCE.md: "subject: unspecified"; a nationality is no sender).
UNSPECIFIED = "unspecified"
UNSENT_RELATIONS = frozenset({"foreign_fighters"})


def name_unsent(claims: list[Claim]) -> list[Claim]:
    """Fighters with no sender get the subject `unspecified`, as the gold sets write it."""
    return [
        replace(c, subject=UNSPECIFIED)
        if c.subject is None and c.relation in UNSENT_RELATIONS
        else c
        for c in claims
    ]


def _subsumes(general: Claim, specific: Claim) -> bool:
    """`general` says no more than `specific`: same voice and act, fewer or wider details."""
    if (general.speaker, general.subject, general.relation, general.polarity) != (
        specific.speaker,
        specific.subject,
        specific.relation,
        specific.polarity,
    ):
        return False
    if general.recipient is not None and general.recipient != specific.recipient:
        return False
    g, s = (general.object or "").lower(), (specific.object or "").lower()
    return not g or g in s or s in g


def _fold(into: Claim, claim: Claim) -> None:
    _fold_known(into, claim, set(into.mentions))


def _fold_known(into: Claim, claim: Claim, known: set[Span]) -> None:
    """`_fold` with the set of `into`'s mention spans kept by the caller: a claim repeated
    50,000 times in one document is folded in linear time, not with a list scan per repeat."""
    for span in claim.mentions or [claim.evidence]:
        if span not in known:
            known.add(span)
            into.mentions.append(span)
    into.hedged = into.hedged and claim.hedged
    into.quantity = into.quantity or claim.quantity
    into.recipient = into.recipient or claim.recipient
    into.confidence = max(into.confidence, claim.confidence)


# Relations whose object is part of the proposition: a supply of engines and a supply of
# optics are two claims; a fight with tanks and with artillery is one fight.
_OBJECT_PROPOSITIONS = frozenset({"arms_supply"})


def _other_object(general: Claim, claim: Claim) -> bool:
    """An objectless supply said in one sentence does not swallow a named item supplied in
    another ("X has surged sales to Y" ... "X has been providing Y with engines")."""
    if general.object or not claim.object or claim.relation not in _OBJECT_PROPOSITIONS:
        return False
    a, b = general.evidence, claim.evidence
    return not (a.start < b.end and b.start < a.end)


def merge_claims(claims: list[Claim]) -> list[Claim]:
    """One claim per proposition and voice within a document; repeats become mention spans.

    A claim that names fewer details than another of the same speaker, subject, relation and
    polarity ("support from Turkey" beside "Turkey supported Azerbaijan") is the same claim.
    """
    kept: list[Claim] = []
    # positions in `kept` per (speaker, subject, relation, polarity): only those can subsume, so
    # a long document's claims are not each compared with all the others
    voices: dict[tuple[str, str | None, str, str], list[int]] = {}
    known: list[set[Span]] = []  # the mention spans of each kept claim, as a set
    for claim in claims:
        claim.mentions = claim.mentions or [claim.evidence]
        same = voices.setdefault((claim.speaker, claim.subject, claim.relation, claim.polarity), [])
        at = next(
            (
                k
                for k in same
                if (_subsumes(claim, kept[k]) or _subsumes(kept[k], claim))
                and not _other_object(kept[k], claim)
            ),
            None,
        )
        if at is None:
            same.append(len(kept))
            kept.append(claim)
            known.append(set(claim.mentions))
            continue
        target = kept[at]
        if _subsumes(target, claim) and not _subsumes(claim, target):
            # the new claim is more specific: it carries the details, the first mention stays
            claim.evidence = target.evidence
            claim.mentions = list(target.mentions)
            _fold_known(claim, target, known[at])
            kept[at] = claim
        else:
            _fold_known(target, claim, known[at])
    return sorted(kept, key=lambda c: c.evidence.start)
