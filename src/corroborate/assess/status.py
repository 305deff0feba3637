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


def readable_group(group: str) -> str:
    """A camp or affiliation group as words: "armenian_side" -> "armenian side"."""
    return group.replace("_", " ")


def voice_name(v: Voice) -> str:
    """Who a voice is, in words: the named parties (with their camp when it is a camp), or the
    outlets speaking for themselves (with their group when it is not just the outlet)."""
    shown = [o.replace(" (stance)", "'s document stance") for o in v.outlets]
    outlets = ", ".join(shown) if shown else "an unknown outlet"
    named = [s for s in v.speakers if s != AUTHOR]
    if not named:
        group = readable_group(v.group)
        same = group.lower() in {o.lower() for o in v.outlets}
        return outlets if same else f"{outlets} [{group}]"
    who = ", ".join(named)
    camp = "" if v.group in named else f" [{readable_group(v.group)}]"
    return f"{who}{camp} (in {outlets})"


def _listing(vs: Sequence[Voice]) -> str:
    names = [voice_name(v) for v in vs]
    return names[0] if len(names) == 1 else "; ".join(names[:-1]) + "; and " + names[-1]


def _verb(vs: Sequence[Voice], one: str, many: str) -> str:
    return one if len(vs) == 1 else many


def _n_voices(n: int) -> str:
    return "one voice" if n == 1 else f"{n} voices"


def explain(
    status: str,
    affirming: Sequence[Voice],
    denying: Sequence[Voice],
    copies: int,
    *,
    subject: str | None = None,
    settings: AssessSettings | None = None,
) -> str:
    """Why the proposition has its status, in sentences a reader can check against the voices."""
    settings = settings or AssessSettings()
    actor = subject or "the actor"
    firm = [v for v in affirming if v.firm]
    soft = [v for v in affirming if not v.firm]
    decisive = [v for v in denying if v.weight >= settings.hedged_weight]
    own_denials = [v for v in decisive if v.stance == "own"]
    other_denials = [v for v in decisive if v.stance != "own"]
    weak_denials = [v for v in denying if v.weight < settings.hedged_weight]
    if status == "corroborated":
        lead = (
            f"Corroborated: {_n_voices(len(firm))} independent of each other affirm it firmly: "
            f"{_listing(firm)}. {settings.min_independent_groups} are needed, at least one "
            f"not opposed to {actor}, and no third party denies it."
        )
    elif status == "contested":
        lead = (
            f"Contested: {_listing(affirming)} {_verb(affirming, 'affirms', 'affirm')} it, and "
            f"{_listing(decisive)} {_verb(decisive, 'denies', 'deny')} it."
        )
    elif status == "one-sided":
        lead = (
            f"One-sided: only {_listing(firm)} {_verb(firm, 'affirms', 'affirm')} it firmly, "
            f"from a camp opposed to {actor}; "
            "one side's accusation is not corroboration."
        )
    elif status == "single-source":
        lead = (
            f"Single-source: one independent voice affirms it firmly: {_listing(firm)}. "
            f"{settings.min_independent_groups} are needed to corroborate it."
        )
    elif status == "denied-only":
        deniers = decisive or denying
        lead = (
            f"Denied, with no one affirming it: {_listing(deniers)} "
            f"{_verb(deniers, 'denies', 'deny')} it."
        )
    elif affirming:
        lead = (
            f"Unverified: {_listing(affirming)} {_verb(affirming, 'reports', 'report')} it only "
            "with hedges "
            '("reportedly", "could not be verified") or as weaker evidence; no voice affirms '
            "it firmly."
        )
    else:
        lead = "Unverified: no voice affirms it."
    parts = [lead]
    if own_denials and status == "corroborated":
        parts.append(
            f"{actor}'s own denial is noted ({_listing(own_denials)}); the accused's denial "
            "does not decide the status."
        )
    elif own_denials and other_denials and status == "contested":
        parts.append(f"Among the denials, {_listing(own_denials)} is {actor}'s own.")
    if soft and status in ("corroborated", "single-source", "one-sided", "contested"):
        parts.append(f"Not counted as firm: {_listing(soft)} (hedged or indirect, weight below 1).")
    if weak_denials:
        parts.append(
            f"Too weak to contest it alone: the denial of {_listing(weak_denials)} "
            f"(weight below {settings.hedged_weight:g})."
        )
    if copies:
        parts.append(
            f"{copies} mention{'s' if copies != 1 else ''} in reprinted copies of a story "
            "counted once."
        )
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
