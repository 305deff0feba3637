"""Score the extractor on the dev sets: strict and loose, per relation, denials apart.

    python scripts/dev_eval.py world-dev news-dev --misses misses.txt

The texts are read from ../shared (never copied here); gold files come from ../shared or, for
sets the team annotated, from tests/data. The scoring is corroborate.evaluate, which follows the
contract's matching (and `--belligerents` scope) exactly.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corroborate.evaluate import Score, describe, load_belligerents, load_jsonl, score
from corroborate.extract import Extractor

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
TESTS = REPO / "tests" / "data"


@dataclass(frozen=True)
class DevSet:
    articles: Path
    gold: Path
    scope: Path | None
    docs: Path | None = None  # every document of the set, also those without a gold claim


SETS = {
    "world-dev": DevSet(
        SHARED / "world-dev" / "articles.jsonl",
        SHARED / "world-dev" / "gold.jsonl",
        SHARED / "world-dev" / "belligerents.jsonl",
    ),
    "world-holdout": DevSet(
        SHARED / "world-dev" / "articles.jsonl",
        TESTS / "world-dev-holdout" / "gold.jsonl",
        TESTS / "world-dev-holdout" / "belligerents.jsonl",
    ),
    "news-dev": DevSet(
        SHARED / "news-dev" / "articles.jsonl", TESTS / "news-dev" / "gold.jsonl", None
    ),
    "world-extra": DevSet(
        SHARED / "world-dev" / "articles.jsonl",
        TESTS / "world-extra" / "gold.jsonl",
        TESTS / "world-extra" / "belligerents.jsonl",
        TESTS / "world-extra" / "docs.txt",
    ),
    "multi-dev": DevSet(
        SHARED / "multi-dev" / "articles.jsonl",
        SHARED / "multi-dev" / "gold.jsonl",
        SHARED / "multi-dev" / "belligerents.jsonl",
    ),
    "multi-holdout": DevSet(
        SHARED / "multi-dev" / "articles.jsonl",
        TESTS / "multi-dev-holdout" / "gold.jsonl",
        TESTS / "multi-dev-holdout" / "belligerents.jsonl",
    ),
}


def predict(
    dev: DevSet, extractor: Extractor, docs: set[str], langs: dict[str, str] | None = None
) -> tuple[list[dict[str, Any]], int, float]:
    """Claims of the docs; `langs` is filled with each doc's language (the article's `lang`)."""
    out: list[dict[str, Any]] = []
    n = 0
    t0 = time.perf_counter()
    with dev.articles.open(encoding="utf-8") as fh:
        for line in fh:
            item = json.loads(line)
            if item["id"] not in docs:
                continue
            n += 1
            lang = item.get("lang") or item.get("language")
            if langs is not None:
                langs[item["id"]] = str(lang or "en")
            found = extractor.extract(item["text"], doc=item["id"], language=lang)
            out.extend(c.to_contract() for c in found.claims)
    return out, n, time.perf_counter() - t0


def line(name: str, s: Score) -> str:
    return (
        f"{name:<22} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"
        f"  (tp {s.tp}, predicted {s.predicted}, gold {s.gold_required})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sets", nargs="+", choices=sorted(SETS))
    parser.add_argument(
        "--misses", type=Path, help="write missed and spurious claims here (not of holdouts)"
    )
    parser.add_argument("--relations", action="store_true", help="per relation and denials")
    parser.add_argument("--rules-only", action="store_true", help="without the parser stage")
    parser.add_argument("--languages", action="store_true", help="per language of the articles")
    args = parser.parse_args()
    extractor = Extractor(parse=not args.rules_only)
    report: list[str] = []
    for name in args.sets:
        dev = SETS[name]
        if not dev.gold.exists() or not dev.articles.exists():
            print(f"{name}: skipped ({dev.gold} or {dev.articles} not found)")
            continue
        gold = load_jsonl(dev.gold)
        scope = load_belligerents(dev.scope) if dev.scope and dev.scope.exists() else None
        langs: dict[str, str] = {}
        docs = {str(g["doc"]) for g in gold}
        if dev.docs is not None and dev.docs.exists():
            docs |= set(dev.docs.read_text(encoding="utf-8").split())
        predicted, n, secs = predict(dev, extractor, docs, langs)
        strict = score(gold, predicted, belligerents=scope)
        loose = score(gold, predicted, belligerents=scope, loose=True)
        print(f"{name}: {n} docs in {secs:.1f} s")
        print(line("  strict", strict))
        print(line("  loose", loose))
        if args.languages:
            for lang in sorted(set(langs.values())):
                sub_g = [g for g in gold if langs.get(str(g["doc"])) == lang]
                sub_p = [p for p in predicted if langs.get(str(p["doc"])) == lang]
                print(line(f"    {lang} strict", score(sub_g, sub_p, belligerents=scope)))
                print(
                    line(f"    {lang} loose", score(sub_g, sub_p, belligerents=scope, loose=True))
                )
        if args.relations:
            groups = sorted({str(g["relation"]) for g in gold})
            for rel in groups:
                sub_g = [g for g in gold if g["relation"] == rel]
                sub_p = [p for p in predicted if p["relation"] == rel]
                print(line(f"    {rel}", score(sub_g, sub_p, belligerents=scope)))
            deny_g = [g for g in gold if g.get("polarity") == "deny"]
            deny_p = [p for p in predicted if p.get("polarity") == "deny"]
            print(line("    denials", score(deny_g, deny_p, belligerents=scope)))
        if name.endswith("holdout"):
            continue  # blind halves: their numbers only, never their claims or texts
        report.extend(f"{name} missed   {describe(g)}" for g in strict.missed)
        report.extend(f"{name} spurious {describe(p)}" for p in strict.spurious)
    if args.misses:
        args.misses.write_text("\n".join(report) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
