"""Quality gate per language on ../shared/data/multi-dev (the 43 annotated documents), scored
strict with the belligerents scope like the shared scorer. Raise a pin when a pack improves.

The pins are what the lexical stage reaches today, a little under, far below the issue's goal
(0.55; 0.45 for Arabic): they stop regressions, they do not say the goal is met."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corroborate.evaluate import load_belligerents, load_jsonl, score
from corroborate.extract import Extractor
from tests.conftest import SHARED

MULTI_DEV = SHARED / "data" / "multi-dev"
# pinned a little under what each language reaches (multi-dev strict: ar 0.561, fr 0.691,
# it 0.683, ru 0.545, tr 0.710)
STRICT_F1 = {"ar": 0.55, "fr": 0.68, "it": 0.67, "ru": 0.54, "tr": 0.70}
LOOSE_F1 = {"ar": 0.62, "fr": 0.67, "it": 0.72, "ru": 0.54, "tr": 0.70}
MULTI_HOLDOUT = Path(__file__).resolve().parents[1] / "data" / "multi-dev-holdout"
MULTI_HOLDOUT_F1 = 0.42  # the blind half, all languages together (0.378 -> 0.433 this round)


def _predict(gold_path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    gold = load_jsonl(gold_path)
    wanted = {str(g["doc"]) for g in gold}
    ex = Extractor()
    out: list[dict[str, Any]] = []
    langs: dict[str, str] = {}
    for line in (MULTI_DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["id"] in wanted:
            langs[item["id"]] = item["lang"]
            result = ex.extract(item["text"], doc=item["id"], language=item["lang"])
            out.extend(c.to_contract() for c in result.claims)
    return gold, out, langs


@pytest.fixture(scope="module")
def predicted() -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    return _predict(MULTI_DEV / "gold.jsonl")


@pytest.mark.skipif(not MULTI_DEV.exists(), reason="the multi-dev set lives in ../shared")
@pytest.mark.parametrize("lang", sorted(STRICT_F1))
def test_multi_dev_f1_per_language(
    predicted: tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]], lang: str
) -> None:
    gold, out, langs = predicted
    scope = load_belligerents(MULTI_DEV / "belligerents.jsonl")
    g = [x for x in gold if langs.get(str(x["doc"])) == lang]
    p = [x for x in out if langs.get(str(x["doc"])) == lang]
    strict = score(g, p, belligerents=scope)
    loose = score(g, p, belligerents=scope, loose=True)
    assert strict.f1 >= STRICT_F1[lang], strict.summary()
    assert loose.f1 >= LOOSE_F1[lang], loose.summary()


@pytest.mark.skipif(not MULTI_DEV.exists(), reason="the multi-dev set lives in ../shared")
def test_multi_holdout_f1() -> None:
    gold, out, _ = _predict(MULTI_HOLDOUT / "gold.jsonl")
    strict = score(gold, out, belligerents=load_belligerents(MULTI_HOLDOUT / "belligerents.jsonl"))
    assert strict.f1 >= MULTI_HOLDOUT_F1, strict.summary()
