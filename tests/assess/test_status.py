"""Status rules on hand-built claims: independence, copies, according-to chains, denials."""

from __future__ import annotations

from datetime import date
from itertools import count

from corroborate.assess import AssessSettings, ClaimRecord, Proposition, Review, assess, attention
from corroborate.assess.camps import Camps
from corroborate.assess.copies import clusters_of_texts

CAMPS = Camps(
    actor_camp={"Azerbaijan": "az", "Turkey": "az", "Armenia": "am", "Russia": "am"},
    actor_role={"Azerbaijan": "party", "Turkey": "ally", "Armenia": "party", "Russia": "ally"},
    affiliation_camp={"azerbaijani_government": "az", "armenian_government": "am"},
    opposed=frozenset({frozenset({"az", "am"})}),
)
OUTLETS = {
    "Yerevan Daily": "armenian_government",
    "Baku Daily": "azerbaijani_government",
    "Wire One": "wire",
    "Monitor": "monitor",
    "Paper": "international_independent",
}
_ids = count(1)


def claim(speaker: str, outlet: str, *, doc: int | None = None, polarity: str = "affirm",
          hedged: bool = False, subject: str | None = "Turkey", relation: str = "foreign_fighters",
          obj: str | None = "mercenaries", recipient: str | None = "Azerbaijan",
          qty: tuple[float, float] | None = None, day: int = 1) -> ClaimRecord:  # fmt: skip
    i = next(_ids)
    return ClaimRecord(
        id=i, document_id=doc if doc is not None else 1000 + i, subject=subject,
        relation=relation, object=obj, recipient=recipient, speaker=speaker, polarity=polarity,
        hedged=hedged, evidence="...", outlet=outlet, affiliation=OUTLETS.get(outlet),
        published=date(2020, 10, day), quantity_low=qty[0] if qty else None,
        quantity_high=qty[1] if qty else None, quantity_unit="fighters" if qty else None,
    )  # fmt: skip


def one(claims: list[ClaimRecord], **kwargs: object) -> Proposition:
    props = assess(claims, camps=CAMPS, outlet_affiliation=OUTLETS, **kwargs)  # type: ignore[arg-type]
    assert len(props) == 1, [p.statement for p in props]
    return props[0]


def test_one_side_repeating_itself_is_one_sided() -> None:
    p = one([claim("Armenia", "Yerevan Daily"), claim("Russia", "Wire One"),
             claim("author", "Yerevan Daily")])  # fmt: skip
    assert p.status == "one-sided"
    assert [v.group for v in p.affirming] == ["am"]  # Armenia, its ally and its press: one voice
    assert p.affirming[0].stance == "hostile"


def test_independent_third_party_corroborates() -> None:
    p = one([claim("Armenia", "Yerevan Daily"), claim("author", "Monitor")])
    assert p.status == "corroborated"
    assert {(v.group, v.stance) for v in p.affirming} == {("am", "hostile"), ("monitor", "third")}
    assert p.explanation.startswith("Corroborated: 2 voices independent of each other")
    assert "Monitor" in p.explanation and "Armenia [am] (in Yerevan Daily)" in p.explanation
    assert "[" not in p.explanation.split("Monitor")[1][:3]  # the outlet is its own group


def test_explanations_are_sentences_naming_each_voice_once() -> None:
    contested = one([claim("author", "Monitor"), claim("Turkey", "Baku Daily", polarity="deny"),
                     claim("France", "Paper", polarity="deny")])  # fmt: skip
    assert contested.status == "contested"
    assert contested.explanation.startswith("Contested: Monitor affirms it, and ")
    assert "Among the denials, Turkey [az] (in Baku Daily) is Turkey's own." in (
        contested.explanation
    )
    own = one([claim("author", "Monitor"), claim("author", "Wire One"),
               claim("Turkey", "Baku Daily", polarity="deny")])  # fmt: skip
    assert own.status == "corroborated"
    assert "Turkey's own denial is noted" in own.explanation
    hedged = one([claim("author", "Monitor", hedged=True)])
    assert hedged.explanation.startswith("Unverified: Monitor reports it only with hedges")
    copies = clusters_of_texts([(1, "the same story told " * 30), (2, "the same story told " * 30)])
    copied = one([claim("author", "Wire One", doc=1), claim("author", "Wire One", doc=2)],
                 clusters=copies)  # fmt: skip
    assert "1 mention in reprinted copies of a story counted once." in copied.explanation
    for p in (contested, own, hedged, copied):
        assert "_" not in p.explanation and p.explanation.endswith(".")


def test_subjects_own_denial_does_not_defeat_corroboration_but_a_third_partys_does() -> None:
    base = [claim("Armenia", "Yerevan Daily"), claim("author", "Monitor")]
    own = one([*base, claim("Turkey", "Baku Daily", polarity="deny")])
    assert own.status == "corroborated" and own.denying[0].stance == "own"
    third = one([*base, claim("author", "Paper", polarity="deny")])
    assert third.status == "contested"


def test_accusation_and_denial_by_the_parties_is_contested() -> None:
    p = one([claim("Armenia", "Wire One"), claim("Turkey", "Wire One", polarity="deny")])
    assert p.status == "contested"


def test_copies_count_once() -> None:
    story = "Monitors said hundreds of fighters crossed the border on Tuesday night " * 5
    clusters = clusters_of_texts(
        [(1, story), (2, story + " Updated."), (3, "An unrelated text " * 9)]
    )
    assert clusters[1] == clusters[2] != clusters[3]
    copies = [claim("author", "Wire One", doc=1), claim("author", "Paper", doc=2)]
    p = one(copies, clusters=clusters)
    # two outlets printing one wire story are one mention, however their groups differ
    assert p.copies_collapsed == 1 and p.status == "single-source"
    apart = one(
        [claim("author", "Wire One", doc=1), claim("author", "Paper", doc=3)], clusters=clusters
    )
    assert apart.status == "corroborated"


def test_according_to_credits_the_cited_outlet() -> None:
    # Paper repeats "according to Monitor": the voice is Monitor's, not Paper's
    p = one([claim("Monitor", "Paper"), claim("author", "Monitor")])
    assert [v.group for v in p.affirming] == ["monitor"]
    assert p.status == "single-source"


def test_hedged_mentions_weigh_less() -> None:
    p = one([claim("author", "Monitor", hedged=True)])
    assert p.status == "unverified"
    settings = AssessSettings(hedged_weight=1.0)
    assert (
        one([claim("author", "Monitor", hedged=True)], settings=settings).status == "single-source"
    )
    two = one([claim("author", "Monitor", hedged=True), claim("author", "Monitor", hedged=True)])
    assert two.status == "single-source"  # two distinct hedged reports make one firm voice


def test_denied_only_and_min_groups_setting() -> None:
    assert (
        one([claim("Pakistan", "Wire One", polarity="deny", subject="Pakistan")]).status
        == "denied-only"
    )
    p = one([claim("author", "Monitor"), claim("author", "Paper")],
            settings=AssessSettings(min_independent_groups=3))  # fmt: skip
    assert p.status == "single-source"


def test_quantity_spread_and_dates() -> None:
    p = one([claim("Armenia", "Yerevan Daily", qty=(4000, 4000), day=3),
             claim("author", "Monitor", qty=(1200, 1200), day=9),
             claim("France", "Paper", qty=(300, 300), day=1)])  # fmt: skip
    assert [(q.low, q.speaker) for q in p.quantities] == [
        (300, "France"), (1200, "author"), (4000, "Armenia"),
    ]  # fmt: skip
    assert (p.first_seen, p.last_seen) == (date(2020, 10, 1), date(2020, 10, 9))


def test_a_party_that_denies_is_never_listed_as_giving_a_figure() -> None:
    p = one([claim("Armenia", "Yerevan Daily", qty=(12, 12)),
             claim("Turkey", "Baku Daily", polarity="deny", qty=(12, 12)),
             claim("author", "Monitor", polarity="deny", qty=(40, 40))])  # fmt: skip
    assert [(q.low, q.speaker) for q in p.quantities] == [(12, "Armenia")]


def test_grouping_is_stable_and_folds_unsaid_details() -> None:
    a = [claim("author", "Monitor"), claim("author", "Paper", recipient=None, obj=None)]
    first, second = assess(a, camps=CAMPS), assess(list(reversed(a)), camps=CAMPS)
    assert [p.id for p in first] == [p.id for p in second]
    assert len(first) == 1 and len(first[0].claim_ids) == 2
    assert first[0].statement == "Turkey sent or recruited mercenaries for Azerbaijan"


def test_analyst_merge_and_split_survive_regrouping() -> None:
    drones = claim("author", "Monitor", relation="arms_supply", obj="drones")
    jets = claim("author", "Paper", relation="arms_supply", obj="jets")
    props = assess([drones, jets], camps=CAMPS)
    assert len(props) == 2
    keys = [(p.subject or "", p.relation, p.recipient or "", p.object_class) for p in props]
    review = Review("merge", keys[0], keys[1], note="same deliveries")
    merged = assess([drones, jets], camps=CAMPS, reviews=[review])
    assert len(merged) == 1 and "merged by an analyst" in merged[0].why_grouped
    split = assess([drones, jets], camps=CAMPS, reviews=[
        Review("merge", keys[0], keys[1]),
        Review("split", keys[1], field="outlet", value="paper", label="Paper's report"),
    ])  # fmt: skip
    assert sorted(len(p.claim_ids) for p in split) == [1, 1]
    assert any("split by an analyst" in p.why_grouped for p in split)


def test_attention_against_support() -> None:
    claims = [claim("Armenia", o) for o in ("Yerevan Daily", "Yerevan Daily", "Wire One")]
    claims += [claim("author", "Monitor", relation="arms_supply", obj="drones")]
    props = assess(claims, camps=CAMPS, outlet_affiliation=OUTLETS)
    rows = {(a.actor, a.relation): a for a in attention(props, claims)}
    fighters, arms = rows[("Turkey", "foreign_fighters")], rows[("Turkey", "arms_supply")]
    assert (fighters.mentions, fighters.independent_support) == (3, 0)
    assert fighters.ratio > arms.ratio  # much repeated, little shown


def test_the_strongest_mention_counts_whatever_its_place() -> None:
    hedged_first = [
        claim("author", "Monitor", doc=7, hedged=True),
        claim("author", "Monitor", doc=7),
    ]
    firm_first = list(reversed(hedged_first))
    assert one(hedged_first).status == one(firm_first).status == "single-source"
    assert one(hedged_first).affirming[0].weight == 1.0


def test_each_cited_outlet_in_one_document_is_its_own_voice() -> None:
    # one Paper article citing two outlets: two voices, as if they were two articles
    p = one([claim("Monitor", "Paper", doc=9), claim("Wire One", "Paper", doc=9)])
    assert {v.group for v in p.affirming} == {"monitor", "wire"}
    assert p.status == "corroborated"
    own_and_cited = one([claim("Monitor", "Paper", doc=9), claim("author", "Paper", doc=9)])
    assert {v.group for v in own_and_cited.affirming} == {"monitor", "international_independent"}


def test_unnamed_actors_are_never_corroborated_nor_folded() -> None:
    unnamed = [claim("author", "Monitor", subject=None), claim("author", "Wire One", subject=None)]
    p = one(unnamed)
    assert p.subject is None and p.status == "single-source"  # two independent voices, but
    named = claim("author", "Paper")  # about whom? and an unnamed claim is not Turkey's
    props = assess([*unnamed, named], camps=CAMPS, outlet_affiliation=OUTLETS)
    assert sorted(len(p.claim_ids) for p in props) == [1, 2]
    # fighters nobody is said to send carry the gold sets' subject "unspecified": the same
    unsent = [claim("author", o, subject="unspecified") for o in ("Monitor", "Wire One")]
    assert one(unsent).status == "single-source"


def test_document_stance_weighs_less_than_a_claim() -> None:
    from corroborate.stance_run import stance_records
    from corroborate.store import StanceEvidenceRow

    base = [claim("author", "Monitor")]
    pid = one(base).id

    def row(doc: int, label: str, outlet: str, aff: str) -> StanceEvidenceRow:
        return StanceEvidenceRow(doc, pid, label, 0.9, "passage", "m", outlet, aff, None)

    agree = stance_records([row(50, "agree", "Wire One", "wire")], weight=0.3)
    p = one(base, stance=agree)
    wire = next(v for v in p.affirming if v.group == "wire")
    assert wire.weight == 0.3 and p.status == "single-source"  # stance alone is not firm
    assert p.claim_ids == tuple(c.id for c in base)  # never listed as a claim
    assert "Not counted as firm: Wire One's document stance [wire]" in p.explanation
    one_doc = stance_records(
        [row(51, "disagree", "Paper", "international_independent")], weight=0.3
    )
    assert one(base, stance=one_doc).status == "single-source"  # one stance does not contest
    two = [row(d, "disagree", "Paper", "international_independent") for d in (51, 52)]
    # two documents' stance together weigh a hedged claim: now it is contested
    assert one(base, stance=stance_records(two, weight=0.3)).status == "contested"


def test_a_statement_names_the_kind_of_thing_no_claim_names() -> None:
    # no claim names what Russia supplied: the sentence still has an object
    p = one([claim("Armenia", "Yerevan Daily", subject="Russia", relation="arms_supply",
                   obj=None, recipient="Armenia")])  # fmt: skip
    assert p.statement == "Russia supplied arms or equipment to Armenia"
