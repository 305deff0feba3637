"""scripts/check_gold_offsets.py: offset-only gold files checked against the article texts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "check_gold_offsets.py"
HOLDOUT = REPO / "tests" / "data" / "world-dev-holdout"
WORLD_DEV = SHARED / "data" / "world-dev" / "articles.jsonl"

TEXT = "Officials in Ruritania said the Borduria air force delivered six radar sets to the rebels."


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, check=False
    )


def claim(**changes: object) -> dict[str, object]:
    start = TEXT.index("the Borduria")
    base: dict[str, object] = {
        "doc": "d1", "subject": "Borduria", "relation": "arms_supply", "object": "radar sets",
        "recipient": "rebels", "quantity": {"low": 6, "high": 6, "unit": "radar sets"},
        "speaker": "Ruritania", "polarity": "affirm", "hedged": False,
        "evidence": {"start": start, "end": TEXT.index(" to the rebels")}, "optional": False,
    }  # fmt: skip
    return base | changes


def write(tmp_path: Path, claims: list[dict[str, object]]) -> Path:
    (tmp_path / "articles.jsonl").write_text(json.dumps({"id": "d1", "text": TEXT}) + "\n")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(c) + "\n" for c in claims))
    return gold


def test_good_file_passes(tmp_path: Path) -> None:
    gold = write(tmp_path, [claim()])
    result = run(gold, "--articles", tmp_path / "articles.jsonl", "--counts")
    assert result.returncode == 0, result.stderr
    assert "1 claims on 1 documents checked, 0 problems" in result.stdout
    assert "| arms_supply | 1 | 0 | 0 | 0 | 1 |" in result.stdout


def test_each_problem_names_its_row(tmp_path: Path) -> None:
    gold = write(
        tmp_path,
        [
            claim(),
            claim(evidence={"start": 10, "end": 500}),
            claim(evidence={"start": 0, "end": 9, "text": "Officials"}),
            claim(evidence={"start": 0, "end": len(TEXT)}),
            claim(relation="sold"),
            claim(doc="missing"),
            claim(quantity={"low": 9, "high": 6, "unit": "sets"}),
        ],
    )
    result = run(gold, "--articles", tmp_path / "articles.jsonl")
    assert result.returncode == 1
    errors = result.stderr.splitlines()
    assert errors == [
        f"{gold}: row 2: evidence 10:500 is outside the text (length {len(TEXT)})",
        f'{gold}: row 3: evidence must be {{"start", "end"}} and nothing else (no article text)',
        f"{gold}: row 4: evidence 0:{len(TEXT)} has 15 tokens (at most 12)",
        f"{gold}: row 5: unknown relation 'sold'",
        f"{gold}: row 6: doc 'missing' is not in the articles",
        f"{gold}: row 7: quantity low is above high",
    ]
    assert "1 claims on 1 documents checked, 6 problems" in result.stdout


def test_belligerents_must_cover_every_gold_doc(tmp_path: Path) -> None:
    gold = write(tmp_path, [claim()])
    (tmp_path / "belligerents.jsonl").write_text('{"doc": "other", "belligerents": []}\n')
    result = run(gold, "--articles", tmp_path / "articles.jsonl")
    assert result.returncode == 1
    assert f"{tmp_path / 'belligerents.jsonl'}: no row for gold doc 'd1'" in result.stderr


@pytest.mark.skipif(not WORLD_DEV.exists(), reason="needs ../shared/data/world-dev")
def test_world_dev_holdout_offsets_hold() -> None:
    result = run(HOLDOUT / "gold.jsonl", "--articles", WORLD_DEV)
    assert result.returncode == 0, result.stderr
    assert " 0 problems" in result.stdout


MULTI_HOLDOUT = REPO / "tests" / "data" / "multi-dev-holdout"
MULTI_DEV = SHARED / "data" / "multi-dev" / "articles.jsonl"


@pytest.mark.skipif(not MULTI_DEV.exists(), reason="needs ../shared/data/multi-dev")
def test_multi_dev_holdout_offsets_hold_and_readme_counts_match() -> None:
    result = run(MULTI_HOLDOUT / "gold.jsonl", "--articles", MULTI_DEV, "--counts")
    assert result.returncode == 0, result.stderr
    assert "104 claims on 25 documents checked, 0 problems" in result.stdout
    readme = (MULTI_HOLDOUT / "README.md").read_text(encoding="utf-8").splitlines()
    tables = [line for line in result.stdout.splitlines() if line.startswith("|")]
    assert len(tables) > 10
    assert [line for line in tables if line not in readme] == []
