"""merge_claims folds repeats with a set, not a list scan: same output as the list version."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.extract.claim import Claim, Quantity, Span
from corroborate.extract.merge import _other_object, _subsumes, merge_claims


def _reference(claims: list[Claim]) -> list[Claim]:
    """The list-membership fold merge_claims had before (quadratic in a claim's repeats)."""

    def fold(into: Claim, claim: Claim) -> None:
        for span in claim.mentions or [claim.evidence]:
            if span not in into.mentions:
                into.mentions.append(span)
        into.hedged = into.hedged and claim.hedged
        into.quantity = into.quantity or claim.quantity
        into.recipient = into.recipient or claim.recipient
        into.confidence = max(into.confidence, claim.confidence)

    kept: list[Claim] = []
    voices: dict[tuple[str, str | None, str, str], list[int]] = {}
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
            continue
        target = kept[at]
        if _subsumes(target, claim) and not _subsumes(claim, target):
            claim.evidence = target.evidence
            claim.mentions = list(target.mentions)
            fold(claim, target)
            kept[at] = claim
        else:
            fold(target, claim)
    return sorted(kept, key=lambda c: c.evidence.start)


def _claim(start: int, subject: str | None, obj: str | None, recipient: str | None) -> Claim:
    return Claim(
        doc="d",
        subject=subject,
        relation="arms_supply",
        object=obj,
        recipient=recipient,
        quantity=Quantity(2, 2, "jets") if start % 7 == 0 else None,
        speaker="author" if start % 3 else "Armenia",
        polarity="affirm" if start % 5 else "deny",
        hedged=start % 2 == 0,
        evidence=Span(start, start + 5, "words"),
        confidence=(start % 10) / 10,
    )


claims_strategy = st.lists(
    st.tuples(
        st.integers(0, 40),  # a small range: the same span comes back often
        st.sampled_from([None, "Turkey", "Russia"]),
        st.sampled_from([None, "drones", "combat drones", "jets", "Drones"]),
        st.sampled_from([None, "Azerbaijan", "Armenia"]),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(claims_strategy)
def test_merge_matches_the_list_fold(
    specs: list[tuple[int, str | None, str | None, str | None]],
) -> None:
    # built twice rather than deep-copied: the compiled (mypyc) classes cannot be copied
    expected = _reference([_claim(*spec) for spec in specs])
    got = merge_claims([_claim(*spec) for spec in specs])
    assert [c.to_contract() for c in got] == [c.to_contract() for c in expected]
    assert [(c.confidence, c.hedged) for c in got] == [(c.confidence, c.hedged) for c in expected]


def test_one_claim_repeated_keeps_each_distinct_span_once() -> None:
    repeats = [_claim(10 * (i % 500), "Turkey", "drones", "Azerbaijan") for i in range(5000)]
    for c in repeats:  # one voice, so every repeat folds into the first
        c.speaker, c.polarity = "author", "affirm"
    (merged,) = merge_claims(repeats)
    assert [m.start for m in merged.mentions] == [10 * i for i in range(500)]


def _supply(start: int, obj: str | None) -> Claim:
    return Claim(
        doc="d",
        subject="Iran",
        relation="arms_supply",
        object=obj,
        recipient="Yemen",
        quantity=None,
        speaker="United States",
        polarity="affirm",
        hedged=False,
        evidence=Span(start, start + 5, "words"),
        confidence=0.8,
    )


def test_an_objectless_supply_does_not_swallow_items_named_elsewhere() -> None:
    # "Iran has stepped up sales to Yemen" ... "Iran has sent Yemen engines" ... "and optics"
    merged = merge_claims([_supply(0, None), _supply(100, "engines"), _supply(200, "optics")])
    assert {c.object for c in merged} == {None, "engines", "optics"}


def test_an_objectless_supply_over_the_same_words_still_folds() -> None:
    assert len(merge_claims([_supply(0, None), _supply(2, "engines")])) == 1
