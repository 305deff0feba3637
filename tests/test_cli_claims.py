"""extract, eval, claims and reextract through the real command group."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import SHARED, WriteFile

Run = Callable[..., Result]
TEXT = "Armenia said Turkish F-16s shot down an Armenian Su-25, which Ankara denied."


def test_extract_prints_contract_jsonl(run: Run, write: WriteFile) -> None:
    path = write("story.txt", TEXT)
    result = run("extract", str(path))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["speaker"], r["polarity"]) for r in rows} == {
        ("Armenia", "affirm"),
        ("Turkey", "deny"),
    }
    required = {"doc", "subject", "relation", "object", "recipient", "quantity", "speaker",
                "polarity", "hedged", "evidence"}  # fmt: skip
    for r in rows:
        assert required <= set(r)
        assert r["doc"] == "story.txt"
        assert TEXT[r["evidence"]["start"] : r["evidence"]["end"]] == r["evidence"]["text"]


def test_extract_rows_use_their_ids_and_table_format(run: Run, write: WriteFile) -> None:
    path = write("rows.jsonl", json.dumps({"id": "x1", "text": TEXT}) + "\n{bad\n")
    result = run("extract", str(path), "--framing")
    assert result.exit_code == 1  # the bad row is reported, the good one extracted
    assert "row 2" in result.stderr
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {"x1"}
    table = run("extract", str(write("s.txt", TEXT)), "--format", "table")
    assert table.exit_code == 0 and "Armenia" in table.stdout and "combat" in table.stdout


def test_eval_reports_scores_and_misses(run: Run, write: WriteFile, tmp_path: Path) -> None:
    path = write("story.txt", TEXT)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"doc": "story.txt", "subject": "Turkey", "relation": "combat",
                    "object": ["F-16"], "recipient": "Armenia", "speaker": "Armenia",
                    "polarity": "affirm", "hedged": False, "evidence": "shot down"}) + "\n"
        + json.dumps({"doc": "story.txt", "subject": "Turkey", "relation": "arms_supply",
                      "object": None, "recipient": None, "speaker": "author",
                      "polarity": "affirm", "hedged": False, "evidence": "none"}) + "\n"
    )  # fmt: skip
    result = run("eval", str(gold), str(path))
    assert result.exit_code == 0, result.output
    assert "missed    story.txt  Turkey arms_supply" in result.stdout
    assert "spurious  story.txt  Turkey combat" in result.stdout  # the denial is not in this gold
    scores = json.loads(run("eval", str(gold), str(path), "--json").stdout)
    assert scores["tp"] == 1 and scores["recall"] == 0.5 and scores["precision"] == 0.5


def test_seed_through_the_cli(run: Run) -> None:
    seed = SHARED / "seed"
    if not seed.is_dir():
        pytest.skip("the seed lives in ../shared")
    result = run("eval", str(SHARED / "eval" / "seed-gold.jsonl"), str(seed), "--json")
    assert json.loads(result.stdout)["f1"] >= 0.9


def test_ingest_extracts_and_claims_lists(run: Run, write: WriteFile, tmp_path: Path) -> None:
    write("a.txt", TEXT)
    result = run("ingest", str(tmp_path / "in"))
    assert result.exit_code == 0, result.output
    assert "extract: 1 documents, 2 claims" in result.stdout
    rows = json.loads(run("claims", "--json").stdout)
    assert {r["speaker"] for r in rows} == {"Armenia", "Turkey"}
    only = json.loads(run("claims", "--speaker", "Turkey", "--json").stdout)
    assert [r["polarity"] for r in only] == ["deny"]
    assert "0 documents" in run("reextract").stdout
    assert "1 documents, 2 claims" in run("reextract", "--all").stdout
    skipped = run("ingest", "--no-extract", str(write("b.txt", "Russia sold tanks to Serbia.")))
    assert "extract:" not in skipped.stdout
    assert "1 documents" in run("reextract").stdout


def test_check_labels_documents_with_the_shipped_stance_model(
    run: Run, write: WriteFile, tmp_path: Path
) -> None:
    write("a.txt", "Turkey sent Syrian fighters to Azerbaijan, the monitor said, citing commanders "
          "who had recruited them in Afrin and flown them to Baku.")  # fmt: skip
    write("b.txt", "Ankara denied sending Syrian fighters to Azerbaijan and called the reports a "
          "fabrication with no evidence behind them.")  # fmt: skip
    write("c.txt", "Snow closed the mountain passes and the harvest festival was postponed.")
    assert run("ingest", str(tmp_path / "in")).exit_code == 0
    result = run("check", "Turkey sent Syrian fighters to Azerbaijan", "--json", "--all")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    labels = {Path(str(r["title"] or "")).name or r["document_id"]: r["label"] for r in rows}
    assert len(rows) == 2  # the unrelated text shares no word with the claim: not retrieved
    assert all(r["label"] in ("agree", "disagree", "discuss", "unrelated") for r in rows)
    assert all(r["passage"] for r in rows) and labels
    table = run("check", "Turkey sent Syrian fighters to Azerbaijan")
    assert table.exit_code == 0 and "documents" in table.stdout


def test_link_stance_stores_separate_evidence(run: Run, write: WriteFile, tmp_path: Path) -> None:
    write("a.txt", "Armenia said Turkey sent Syrian fighters to Azerbaijan.")
    write("b.txt", "Reports from the front confirm that Syrian fighters sent by Turkey reached "
          "Azerbaijan last week, according to commanders.")  # fmt: skip
    assert run("ingest", str(tmp_path / "in")).exit_code == 0
    result = run("link-stance")
    assert result.exit_code == 0, result.output
    assert "document-proposition pairs labelled" in result.stdout
