"""Voices and statuses: who independently affirms or denies a proposition, and what follows.

The rules, applied in this order (weights and thresholds are AssessSettings):

1. A mention's voice group is the speaker's camp (camps.yaml) or, for a named third party, the
   speaker itself; when the author speaks, the outlet's camp or affiliation group. "According to"
   an outlet credits that outlet, not the one repeating it. Mentions in documents that copy each
   other (same copy cluster) count once per speaker and polarity.
2. A group's weight is the sum of its distinct mentions' weights (hedged: hedged_weight); it is
   firm at weight >= 1. Its stance toward the subject is own (the subject's camp), hostile (a camp
   opposed to it) or third.
3. denied-only: no group affirms; at least one denies.
4. corroborated: at least min_independent_groups firm affirming groups, one of them not hostile to
   the subject, and no third party denies (the subject's own denial is noted, not decisive).
5. contested: affirmed and denied (a denial counts from the weight of one hedged claim, so a
   single document's stance does not contest on its own).
6. unverified: affirmed only with hedges (no firm group).
7. one-sided: every firm affirming group is hostile to the subject (one side's accusation).
8. single-source: one firm affirming group that is not hostile.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from corroborate.assess.camps import AUTHOR, Camps
from corroborate.assess.model import AssessSettings, ClaimRecord, QuantityFigure, Voice

STATUSES = (
    "corroborated", "contested", "single-source", "one-sided", "unverified", "denied-only",
)  # fmt: skip


@dataclass(slots=True)
class _Tally:
    weight: float = 0.0
    speakers: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)

    def add(self, *, weight: float, speaker: str, outlet: str | None, claim_id: int) -> None:
        self.weight += weight
        if speaker not in self.speakers:
            self.speakers.append(speaker)
        if outlet is not None and outlet not in self.outlets:
            self.outlets.append(outlet)
        self.ids.append(claim_id)


def voices(
    claims: Sequence[ClaimRecord],
    *,
    subject: str | None,
    camps: Camps,
    clusters: Mapping[int, int],
    outlet_affiliation: Mapping[str, str | None],
    settings: AssessSettings,
) -> list[Voice]:
    # One mention per (copy cluster, voice, polarity): a story reprinted by other outlets counts
    # once, each cited or named source in it counts, and the strongest mention of each counts
    # (a firm statement is not lost behind a hedged one).
    best: dict[tuple[int, str, str], tuple[float, ClaimRecord, str, str | None, str]] = {}
    for c in claims:
        speaker, outlet, affiliation = c.speaker, c.outlet, c.affiliation
        voice = speaker  # "author": the printing outlet's own voice, the same in every reprint
        if speaker in outlet_affiliation:  # "according to <outlet>": that outlet is the voice
            speaker, outlet, affiliation = AUTHOR, c.speaker, outlet_affiliation[c.speaker]
            voice = f"outlet:{outlet}"
        group = camps.group_of(speaker=speaker, outlet=outlet, affiliation=affiliation)
        key = (clusters.get(c.document_id, c.document_id), voice, c.polarity)
        weight = (settings.hedged_weight if c.hedged else 1.0) * c.weight
        if key not in best or weight > best[key][0]:
            best[key] = (weight, c, speaker, outlet, group)
    tallies: dict[tuple[str, str], _Tally] = {}
    for (_cluster, _voice, polarity), (weight, c, speaker, outlet, group) in best.items():
        tallies.setdefault((group, polarity), _Tally()).add(
            weight=weight, speaker=speaker, outlet=outlet, claim_id=c.id
        )
    return [
        Voice(
            group=group,
            stance=camps.stance(group, subject),
            polarity=polarity,
            weight=round(t.weight, 3),
            speakers=tuple(t.speakers),
            outlets=tuple(t.outlets),
            claim_ids=tuple(t.ids),
        )
        for (group, polarity), t in sorted(tallies.items())
    ]


def decide(affirming: Sequence[Voice], denying: Sequence[Voice], settings: AssessSettings) -> str:
    firm = [v for v in affirming if v.firm]
    # a denial counts from the weight of one hedged claim: one document's stance alone does not
    denying = [v for v in denying if v.weight >= settings.hedged_weight]
    if not affirming:
        return "denied-only" if denying else "unverified"
    third_party_denies = any(v.stance == "third" for v in denying)
    if (
        len(firm) >= settings.min_independent_groups
        and any(v.stance != "hostile" for v in firm)
        and not third_party_denies
    ):
        return "corroborated"
    if denying:
        return "contested"
    if not firm:
        return "unverified"
    if all(v.stance == "hostile" for v in firm):
        return "one-sided"
    return "single-source"


def _describe(v: Voice) -> str:
    who = ", ".join(v.speakers) if v.speakers and v.speakers != (AUTHOR,) else "the outlets"
    outlets = ", ".join(v.outlets) if v.outlets else "unknown outlets"
    hedge = "" if v.firm else f", hedged (weight {v.weight:g})"
    return f"{v.group} [{v.stance}]: {who} via {outlets}{hedge}"


def explain(status: str, affirming: Sequence[Voice], denying: Sequence[Voice], copies: int) -> str:
    parts = [f"{status}:"]
    if affirming:
        parts.append(
            f"affirmed by {len(affirming)} group(s): " + "; ".join(map(_describe, affirming)) + "."
        )
    if denying:
        parts.append(
            f"Denied by {len(denying)} group(s): " + "; ".join(map(_describe, denying)) + "."
        )
    if copies:
        parts.append(f"{copies} mention(s) in copied stories counted once.")
    return " ".join(parts)


def figures(claims: Sequence[ClaimRecord]) -> tuple[QuantityFigure, ...]:
    """The figures given, each with who gives it: only parties that affirm the act give a figure
    ("Russia denied sending 12 howitzers" is a figure of the accusation, not Russia's)."""
    found: dict[tuple[float, float, str, str], QuantityFigure] = {}
    for c in claims:
        if c.quantity_low is None or c.quantity_high is None or c.polarity != "affirm":
            continue
        key = (c.quantity_low, c.quantity_high, c.quantity_unit or "", c.speaker)
        found.setdefault(
            key,
            QuantityFigure(c.quantity_low, c.quantity_high, c.quantity_unit or "", c.speaker,
                           c.outlet, c.published),
        )  # fmt: skip
    return tuple(sorted(found.values(), key=lambda q: (q.low, q.high)))
