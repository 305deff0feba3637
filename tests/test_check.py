"""`check` measured on own-words claim/document pairs (tests/data/check/), through a real ledger."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from corroborate.check import CheckResult, check_claim
from corroborate.extract import Extractor, default_kb
from corroborate.stance import StanceModel
from corroborate.store import Ledger

DATA = Path(__file__).parent / "data" / "check"
PAIRS = [json.loads(line) for line in (DATA / "pairs.jsonl").read_text().splitlines() if line]
DOCS = [json.loads(line) for line in (DATA / "documents.jsonl").read_text().splitlines() if line]


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel.load()


@pytest.fixture
def checked(run: Callable[..., Result], tmp_path: Path) -> Iterator[tuple[Ledger, dict[str, int]]]:
    assert run("init", "ws").exit_code == 0
    done = run("-w", "ws", "ingest", str(DATA / "documents.jsonl"))
    assert done.exit_code == 0, done.output
    with Ledger(f"sqlite:///{tmp_path / 'ws' / 'corroborate.db'}") as ledger:
        by_title = {d.title: d.id for d in ledger.list_documents()}
        yield ledger, {d["id"]: by_title[d["title"]] for d in DOCS}


def _labels(ledger: Ledger, ids: dict[str, int], model: StanceModel, **kw: object) -> list[str]:
    got = []
    stop = default_kb().grammar.function_words
    for pair in PAIRS:
        found = check_claim(ledger, pair["claim"], stance=model.predict, stopwords=stop, **kw)  # type: ignore[arg-type]
        by_doc: dict[int, CheckResult] = {r.document_id: r for r in found}
        hit = by_doc.get(ids[pair["doc"]])
        got.append(hit.label if hit else "unrelated")  # not retrieved: unrelated
    return got


def test_check_labels_own_words_pairs(
    checked: tuple[Ledger, dict[str, int]], model: StanceModel
) -> None:
    ledger, ids = checked
    gold = [p["label"] for p in PAIRS]
    got = _labels(ledger, ids, model, extractor=Extractor())
    right = sum(g == p for g, p in zip(gold, got, strict=True))
    misses = [(p["claim"], p["doc"], p["label"], g) for p, g in zip(PAIRS, got, strict=True)
              if p["label"] != g]  # fmt: skip
    # measured: 16 of 16 with the extracted claims; the stance model alone gets 10 of 16
    assert right >= 15, misses
    for pair, label in zip(PAIRS, got, strict=True):
        if pair["label"] in ("agree", "unrelated"):  # the two promises, every time
            assert label == pair["label"], (pair, label)
    model_only = _labels(ledger, ids, model)
    assert sum(g == p for g, p in zip(gold, model_only, strict=True)) < right


def test_check_passages_are_sentences_and_cut_passages_say_so(
    run: Callable[..., Result], checked: tuple[Ledger, dict[str, int]]
) -> None:
    result = run("-w", "ws", "check", "Iran supplied drones to Russia", "--all", "--json")
    rows = json.loads(result.stdout)
    agree = [r for r in rows if r["label"] == "agree"]
    assert agree and agree[0]["decided_by"] == "extracted claims"
    assert agree[0]["passage"].startswith("Iran supplied Shahed drones to Russia")
    assert agree[0]["passage"].endswith("citing recovered debris.")
    disagree = [r for r in rows if r["label"] == "disagree"]
    assert disagree and "denied" in disagree[0]["passage"]
    table = run("-w", "ws", "check", "Iran supplied drones to Russia")
    assert "unrelated" not in table.stdout and "agree" in table.stdout
    from corroborate.cli.findings import _cut

    assert _cut("word " * 60, 40).endswith("…") and len(_cut("word " * 60, 40)) <= 40
    assert _cut("short passage", 40) == "short passage"
