"""The scorer follows the contract's matching rules, and agrees with shared/eval/score_claims.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corroborate.evaluate import Claim, load_belligerents, load_jsonl, matches, score
from tests.conftest import SHARED

GOLD: Claim = {
    "doc": "a.txt", "subject": "Turkey", "relation": "combat", "relation_alt": ["troop_deployment"],
    "object": ["fighter jets", "jets"], "recipient": "Armenia", "speaker": "Armenia",
    "speaker_alt": ["Russia"], "polarity": "affirm", "hedged": True,
    "quantity": {"low": 2, "high": 2, "unit": "jets"},
}  # fmt: skip


def pred(**changes: object) -> Claim:
    base: Claim = {
        "doc": "/some/path/a.txt", "subject": "turkey", "relation": "combat",
        "object": "Turkish fighter jets", "recipient": "Armenia", "speaker": "Armenia",
        "polarity": "affirm", "hedged": True, "quantity": {"low": 2, "high": 2, "unit": "jets"},
    }  # fmt: skip
    return base | changes


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, True),
        ({"relation": "troop_deployment"}, True),
        ({"relation": "arms_supply"}, False),
        ({"speaker": "Russia"}, True),
        ({"speaker": "author"}, False),
        ({"polarity": "deny"}, False),
        ({"recipient": None}, True),  # compared only where both give one
        ({"recipient": "Azerbaijan"}, False),
        ({"object": "jets"}, True),
        ({"object": "drones"}, False),
        ({"object": None}, True),
        ({"subject": None}, False),
    ],
)
def test_matching_rules(changes: dict[str, object], expected: bool) -> None:
    assert matches(GOLD, pred(**changes)) is expected


def test_loose_ignores_details_but_not_voice() -> None:
    assert matches(GOLD, pred(object="drones", speaker="Iran"), loose=True)
    assert not matches(GOLD, pred(speaker="author"), loose=True)


def test_optional_gold_neither_earns_nor_costs() -> None:
    gold = [GOLD, GOLD | {"relation": "training", "relation_alt": [], "optional": True}]
    result = score(gold, [pred(), pred(relation="training")])
    assert (result.precision, result.recall, result.tp) == (1.0, 1.0, 1)
    result = score(gold, [pred(), pred(relation="logistics")])
    assert result.precision == 0.5 and len(result.spurious) == 1
    result = score(gold, [pred(polarity="deny")])
    assert result.recall == 0.0 and result.missed == [GOLD]
    assert score(gold, [pred(quantity=None)]).quantity_accuracy == 0.0


def test_bad_gold_file_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"relation": "combat"}\n{oops\n')
    with pytest.raises(ValueError, match=r"gold.jsonl: row 2: invalid JSON"):
        load_jsonl(path)


@pytest.mark.skipif(not (SHARED / "eval" / "score_claims.py").exists(), reason="needs ../shared")
def test_same_numbers_as_the_shared_scorer(tmp_path: Path) -> None:
    gold_path = Path(__file__).parent / "data" / "challenge" / "gold.jsonl"
    gold = load_jsonl(gold_path)
    # a prediction file with hits, near misses and optional hits
    predicted = []
    for i, g in enumerate(gold[:120]):
        p = {k: v for k, v in g.items() if k not in ("optional", "relation_alt", "speaker_alt")}
        p["object"] = g["object"][0] if isinstance(g.get("object"), list) else g.get("object")
        if i % 3 == 0:
            p["polarity"] = "deny" if g["polarity"] == "affirm" else "affirm"
        if i % 7 == 0:
            p["speaker"] = "author"
        predicted.append(p)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("\n".join(json.dumps(p) for p in predicted) + "\n")
    # a scope file: each document's first predicted subject is one of its belligerents
    scope_path = tmp_path / "scope.jsonl"
    first: dict[str, str] = {}
    for p in predicted:
        first.setdefault(str(p["doc"]), str(p.get("subject")))
    scope_path.write_text(
        "\n".join(json.dumps({"doc": d, "belligerents": [s]}) for d, s in first.items()) + "\n"
    )
    scope = load_belligerents(scope_path)
    for flag in ([], ["--loose"], ["--belligerents", str(scope_path)]):
        proc = subprocess.run(
            [sys.executable, str(SHARED / "eval" / "score_claims.py"), str(gold_path),
             str(pred_path), "--json", *flag],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        theirs = json.loads(proc.stdout)
        ours = score(
            gold, predicted, loose="--loose" in flag, belligerents=scope if len(flag) > 1 else None
        ).summary()
        assert ours == theirs


def test_an_open_bound_compares_as_open() -> None:
    # the contract's "more than 1,600" has no upper bound: gold and prediction may both say so
    open_high = {"low": 1600, "high": None, "unit": "missiles"}
    gold = [GOLD | {"quantity": open_high}]
    assert score(gold, [pred(quantity=open_high)]).quantity_accuracy == 1.0
    closed = {"low": 1600, "high": 1600, "unit": "missiles"}
    assert score(gold, [pred(quantity=closed)]).quantity_accuracy == 0.0
