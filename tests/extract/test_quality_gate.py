"""Quality gates: extraction F1 pinned on the seed and on the team's challenge set.

Raise the pins when the extractor improves; a regression below them fails CI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.evaluate import Score, load_belligerents, load_jsonl, score
from corroborate.extract import Extractor
from tests.conftest import SHARED

CHALLENGE = Path(__file__).resolve().parents[1] / "data" / "challenge"
SEED = SHARED / "seed" / "000_65db869a0df593c0.txt"
SEED_GOLD = SHARED / "eval" / "seed-gold.jsonl"
SEED_F1 = 0.97
# the parser stage and the world knowledge base cost the team's own sentences a little (0.946
# -> 0.925) for what they read in real text nobody here wrote (world-dev below)
CHALLENGE_F1 = 0.91
CHALLENGE_PRECISION = 0.92


@pytest.mark.skipif(not SEED.exists(), reason="the seed lives in ../shared")
def test_seed_f1() -> None:
    claims = Extractor().extract(SEED.read_text(encoding="utf-8"), doc=SEED.name).claims
    result = score(load_jsonl(SEED_GOLD), [c.to_contract() for c in claims])
    assert result.f1 >= SEED_F1, result.summary()


def test_challenge_set_f1() -> None:
    ex = Extractor()
    predicted: list[dict[str, object]] = []
    for line in (CHALLENGE / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        predicted.extend(c.to_contract() for c in ex.extract(item["text"], doc=item["id"]).claims)
    result = score(load_jsonl(CHALLENGE / "gold.jsonl"), predicted)
    assert result.f1 >= CHALLENGE_F1, result.summary()
    assert result.precision >= CHALLENGE_PRECISION, result.summary()


NEWS_DEV = SHARED / "data" / "news-dev" / "articles.jsonl"
NEWS_DEV_GOLD = Path(__file__).resolve().parents[1] / "data" / "news-dev" / "gold.jsonl"
NEWS_DEV_F1 = 0.68  # real articles nobody here wrote; offsets-only gold, texts in ../shared


@pytest.mark.skipif(not NEWS_DEV.exists(), reason="the news-dev texts live in ../shared")
def test_news_dev_f1() -> None:
    gold = load_jsonl(NEWS_DEV_GOLD)
    wanted = {str(g["doc"]) for g in gold}
    ex = Extractor()
    predicted: list[dict[str, object]] = []
    for line in NEWS_DEV.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["id"] in wanted:
            claims = ex.extract(item["text"], doc=item["id"]).claims
            predicted.extend(c.to_contract() for c in claims)
    result = score(gold, predicted)
    assert result.f1 >= NEWS_DEV_F1, result.summary()


WORLD_DEV = SHARED / "data" / "world-dev"
WORLD_DEV_F1 = 0.50  # strict, with the set's belligerents scope (rules alone: 0.156)
WORLD_DEV_LOOSE_F1 = 0.58  # right proposition, voice and polarity (rules alone: 0.240)
WORLD_HOLDOUT = Path(__file__).resolve().parents[1] / "data" / "world-dev-holdout"
WORLD_HOLDOUT_F1 = 0.38  # never tuned on, read only as a number: 0.219 -> 0.319 -> 0.389


def _world(gold_path: Path, scope_path: Path, *, docs: Path | None = None) -> tuple[Score, Score]:
    gold = load_jsonl(gold_path)
    wanted = {str(g["doc"]) for g in gold}
    if docs is not None:  # documents without a gold claim count against precision too
        wanted |= set(docs.read_text(encoding="utf-8").split())
    ex = Extractor()
    predicted: list[dict[str, object]] = []
    with (WORLD_DEV / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item["id"] in wanted:
                claims = ex.extract(item["text"], doc=item["id"]).claims
                predicted.extend(c.to_contract() for c in claims)
    scope = load_belligerents(scope_path)
    return (
        score(gold, predicted, belligerents=scope),
        score(gold, predicted, belligerents=scope, loose=True),
    )


@pytest.mark.skipif(not WORLD_DEV.exists(), reason="the world-dev texts live in ../shared")
def test_world_dev_f1() -> None:
    strict, loose = _world(WORLD_DEV / "gold.jsonl", WORLD_DEV / "belligerents.jsonl")
    assert strict.f1 >= WORLD_DEV_F1, strict.summary()
    assert loose.f1 >= WORLD_DEV_LOOSE_F1, loose.summary()


@pytest.mark.skipif(not WORLD_DEV.exists(), reason="the world-dev texts live in ../shared")
def test_world_holdout_f1() -> None:
    strict, _ = _world(WORLD_HOLDOUT / "gold.jsonl", WORLD_HOLDOUT / "belligerents.jsonl")
    assert strict.f1 >= WORLD_HOLDOUT_F1, strict.summary()


WORLD_EXTRA = Path(__file__).resolve().parents[1] / "data" / "world-extra"
WORLD_EXTRA_F1 = 0.32  # a dev set the team annotated (51 articles, 45 required claims)


@pytest.mark.skipif(not WORLD_DEV.exists(), reason="the world-dev texts live in ../shared")
def test_world_extra_f1() -> None:
    strict, _ = _world(
        WORLD_EXTRA / "gold.jsonl",
        WORLD_EXTRA / "belligerents.jsonl",
        docs=WORLD_EXTRA / "docs.txt",
    )
    assert strict.f1 >= WORLD_EXTRA_F1, strict.summary()
