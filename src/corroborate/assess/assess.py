"""assess(): claims in, propositions with statuses out; attention(): coverage against support."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from corroborate.assess.camps import Camps, default_camps
from corroborate.assess.model import AssessSettings, ClaimRecord, Proposition
from corroborate.assess.propositions import (
    Grouping,
    ObjectClassifier,
    Review,
    default_grouping,
    group_claims,
    proposition_id,
    statement,
)
from corroborate.assess.status import decide, explain, figures, voices


def _lower(obj: str | None) -> str | None:
    return obj.lower() if obj else None


def assess(
    claims: Sequence[ClaimRecord],
    *,
    clusters: Mapping[int, int] | None = None,
    camps: Camps | None = None,
    outlet_affiliation: Mapping[str, str | None] | None = None,
    settings: AssessSettings | None = None,
    reviews: Sequence[Review] = (),
    classify: ObjectClassifier = _lower,
    grouping: Grouping | None = None,
    cameo: Mapping[str, str] | None = None,
    stance: Mapping[str, Sequence[ClaimRecord]] | None = None,
) -> list[Proposition]:
    """Group claim mentions into propositions and give each a status with its explanation.

    `clusters` maps document ids to copy-cluster ids (assess.copies); `outlet_affiliation` maps
    outlet names to affiliation groups, so "according to <outlet>" credits that outlet.
    `stance` maps proposition ids to document-stance evidence (records with `weight` below 1):
    it adds to the voices, never to the proposition's claims.
    """
    camps = camps or default_camps()
    settings = settings or AssessSettings()
    grouping = grouping or default_grouping()
    clusters = clusters or {}
    outlet_affiliation = outlet_affiliation or {}
    groups, why = group_claims(claims, classify=classify, grouping=grouping, reviews=reviews)
    out: list[Proposition] = []
    for key, members in groups.items():
        subject = key[0] or None
        pid = proposition_id(key)
        evidence = list((stance or {}).get(pid, ()))
        vs = voices(
            [*members, *evidence], subject=subject, camps=camps, clusters=clusters,
            outlet_affiliation=outlet_affiliation, settings=settings,
        )  # fmt: skip
        affirming = tuple(v for v in vs if v.polarity == "affirm")
        denying = tuple(v for v in vs if v.polarity == "deny")
        counted = sum(1 for v in vs for i in v.claim_ids if i >= 0)
        copies = len(members) - counted
        status = decide(affirming, denying, settings)
        # "unspecified": the gold sets' subject for fighters nobody is said to send
        if subject in (None, "unspecified") and status == "corroborated":
            # reports about an unnamed actor may be about different actors: nothing corroborates
            status = "single-source"
        dates = [c.published for c in members if c.published]
        out.append(
            Proposition(
                id=pid,
                subject=subject,
                relation=key[1],
                recipient=key[2] or None,
                object_class=key[3],
                statement=statement(
                    key,
                    (c.object for c in members),
                    grouping.statements,
                    unnamed=grouping.unnamed,
                ),
                claim_ids=tuple(c.id for c in members),
                why_grouped=why.get(key, ""),
                status=status,
                explanation=explain(
                    status, affirming, denying, copies, subject=subject, settings=settings
                ),
                affirming=affirming,
                denying=denying,
                first_seen=min(dates) if dates else None,
                last_seen=max(dates) if dates else None,
                outlets=tuple(sorted({c.outlet for c in members if c.outlet})),
                documents=len({c.document_id for c in members}),
                copies_collapsed=copies,
                quantities=figures(members),
                cameo=(cameo or {}).get(key[1]),
            )
        )
    return sorted(out, key=lambda p: (p.subject or "~", p.relation, p.id))


@dataclass(frozen=True, slots=True)
class Attention:
    """How much an actor's role is talked about, against how well it is supported."""

    actor: str
    relation: str
    mentions: int
    outlets: int
    propositions: int
    corroborated: int
    independent_support: int  # firm, non-hostile affirming groups, summed over propositions

    @property
    def ratio(self) -> float:
        """Mentions per unit of independent support: high means much repeated, little shown."""
        return self.mentions / max(1, self.independent_support)


@dataclass(slots=True)
class _Coverage:
    mentions: int = 0
    outlets: set[str] = field(default_factory=set)
    propositions: int = 0
    corroborated: int = 0
    support: int = 0


def attention(
    propositions: Sequence[Proposition], claims: Sequence[ClaimRecord]
) -> list[Attention]:
    by_id = {c.id: c for c in claims}
    rows: dict[tuple[str, str], _Coverage] = defaultdict(_Coverage)
    for p in propositions:
        if not p.subject:
            continue
        row = rows[(p.subject, p.relation)]
        row.mentions += len(p.claim_ids)
        row.outlets.update(o for i in p.claim_ids if (o := by_id[i].outlet) is not None)
        row.propositions += 1
        row.corroborated += p.status == "corroborated"
        row.support += sum(1 for v in p.affirming if v.firm and v.stance != "hostile")
    return sorted(
        (
            Attention(
                actor,
                relation,
                r.mentions,
                len(r.outlets),
                r.propositions,
                r.corroborated,
                r.support,
            )
            for (actor, relation), r in rows.items()
        ),
        key=lambda a: (-a.mentions, a.actor, a.relation),
    )
