"""Check a gold file whose evidence is offsets only against the article texts it points into.

usage (from the repository root):

    python scripts/check_gold_offsets.py tests/data/world-dev-holdout/gold.jsonl
    python scripts/check_gold_offsets.py GOLD --articles ../shared/data/world-dev/articles.jsonl
    python scripts/check_gold_offsets.py GOLD --counts      # the tables the README quotes
    python scripts/check_gold_offsets.py GOLD --show        # each claim with its span, to review

The gold files in tests/data hold no article text (the texts carry no licence): `evidence` is
`{"start", "end"}`, Python str indices into the article's `text` in articles.jsonl. This script
checks every row: the contract's fields and values, evidence with offsets and nothing else, the
document present in the articles, the span inside the text, not padded with whitespace and at
most --max-tokens whitespace tokens. It checks the belligerents file (by default the gold's
neighbour) too: one row per document, every gold document covered. Each problem is one line
naming the file and the row; the exit status is 1 when there is any. `--show` prints spans to
the terminal only: never redirect it into the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RELATIONS = (
    "arms_supply",
    "troop_deployment",
    "foreign_fighters",
    "training",
    "logistics",
    "combat",
    "political_support",
    "force_size",
)
REQUIRED = (
    "doc",
    "subject",
    "relation",
    "object",
    "recipient",
    "quantity",
    "speaker",
    "polarity",
    "hedged",
    "evidence",
    "optional",
)
ALTS = ("speaker_alt", "recipient_alt", "relation_alt")
DEFAULT_ARTICLES = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "world-dev" / "articles.jsonl"
)


@dataclass(frozen=True, kw_only=True)
class Article:
    text: str
    conflict: str


@dataclass(kw_only=True)
class Report:
    problems: list[str] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)

    def add(self, path: Path, row: int, message: str) -> None:
        self.problems.append(f"{path}: row {row}: {message}")


def read_jsonl(path: Path, report: Report) -> list[tuple[int, dict[str, Any]]]:
    """The file's objects with their 1-based row numbers; bad rows are reported and skipped."""
    rows: list[tuple[int, dict[str, Any]]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                report.add(path, number, f"invalid JSON ({error.msg})")
                continue
            if not isinstance(value, dict):
                report.add(path, number, "not a JSON object")
                continue
            rows.append((number, value))
    return rows


def load_articles(path: Path) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                articles[record["id"]] = Article(
                    text=record["text"], conflict=record.get("conflict") or "?"
                )
    return articles


def _is_name(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == value and value != "")


def check_fields(claim: dict[str, Any]) -> list[str]:
    """What is wrong with one claim's fields, apart from where its evidence points."""
    errors = [f"missing field {name!r}" for name in REQUIRED if name not in claim]
    if errors:
        return errors
    if claim["relation"] not in RELATIONS:
        errors.append(f"unknown relation {claim['relation']!r}")
    if claim["polarity"] not in ("affirm", "deny"):
        errors.append(f"polarity must be affirm or deny, not {claim['polarity']!r}")
    for name in ("hedged", "optional"):
        if not isinstance(claim[name], bool):
            errors.append(f"{name} must be true or false")
    for name in ("subject", "recipient"):
        if not _is_name(claim[name]):
            errors.append(f"{name} must be a trimmed non-empty string or null")
    if not isinstance(claim["speaker"], str) or not claim["speaker"].strip():
        errors.append("speaker must be a non-empty string")
    obj = claim["object"]
    if not (_is_name(obj) or (isinstance(obj, list) and obj and all(map(_is_name, obj)))):
        errors.append("object must be a string, a list of strings or null")
    errors.extend(_check_quantity(claim["quantity"]))
    for name in ALTS:
        alt = claim.get(name)
        if alt is not None and not (isinstance(alt, list) and all(isinstance(a, str) for a in alt)):
            errors.append(f"{name} must be a list of strings")
    for name in claim.get("relation_alt") or []:
        if name not in RELATIONS:
            errors.append(f"unknown relation {name!r} in relation_alt")
    return errors


def _check_quantity(quantity: object) -> list[str]:
    if quantity is None:
        return []
    if not isinstance(quantity, dict) or set(quantity) != {"low", "high", "unit"}:
        return ["quantity must be null or {low, high, unit}"]
    low, high = quantity["low"], quantity["high"]
    numbers = [n for n in (low, high) if n is not None]
    if not numbers or not all(isinstance(n, int | float) for n in numbers):
        return ["quantity needs a number in low or high"]
    if low is not None and high is not None and low > high:
        return ["quantity low is above high"]
    if not isinstance(quantity["unit"], str) or not quantity["unit"]:
        return ["quantity unit must be a non-empty string"]
    return []


def check_evidence(evidence: object, text: str, *, max_tokens: int) -> list[str]:
    """What is wrong with one evidence object against its article's text."""
    if not isinstance(evidence, dict) or set(evidence) != {"start", "end"}:
        return ['evidence must be {"start", "end"} and nothing else (no article text)']
    start, end = evidence["start"], evidence["end"]
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
        return ["evidence offsets must be integers"]
    if not 0 <= start < end <= len(text):
        return [f"evidence {start}:{end} is outside the text (length {len(text)})"]
    span = text[start:end]
    errors = []
    if span != span.strip():
        errors.append(f"evidence {start}:{end} starts or ends with whitespace")
    tokens = len(span.split())
    if tokens > max_tokens:
        errors.append(f"evidence {start}:{end} has {tokens} tokens (at most {max_tokens})")
    return errors


def check_gold(
    gold: Path, articles: dict[str, Article], *, max_tokens: int, report: Report
) -> None:
    for number, claim in read_jsonl(gold, report):
        errors = check_fields(claim)
        doc = claim.get("doc")
        if not errors:
            if doc not in articles:
                errors.append(f"doc {doc!r} is not in the articles")
            else:
                text = articles[doc].text
                errors.extend(check_evidence(claim["evidence"], text, max_tokens=max_tokens))
        for error in errors:
            report.add(gold, number, error)
        if not errors:
            report.claims.append(claim)


def check_belligerents(path: Path, docs: set[str], report: Report) -> None:
    seen: set[str] = set()
    for number, row in read_jsonl(path, report):
        doc, names = row.get("doc"), row.get("belligerents")
        if not isinstance(doc, str):
            report.add(path, number, "missing doc")
            continue
        if doc in seen:
            report.add(path, number, f"doc {doc!r} listed twice")
        seen.add(doc)
        if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
            report.add(path, number, "belligerents must be a list of strings")
    for doc in sorted(docs - seen):
        report.problems.append(f"{path}: no row for gold doc {doc!r}")


def count_tables(claims: list[dict[str, Any]], articles: dict[str, Article]) -> str:
    """Markdown tables: claims per relation and per conflict (the README's counts)."""
    lines = [
        "| relation | affirm | deny | of which optional | hedged | with quantity |",
        "|---|---|---|---|---|---|",
    ]
    totals: Counter[str] = Counter()
    for relation in RELATIONS:
        rows = [c for c in claims if c["relation"] == relation]
        row = Counter(
            affirm=sum(c["polarity"] == "affirm" for c in rows),
            deny=sum(c["polarity"] == "deny" for c in rows),
            optional=sum(c["optional"] for c in rows),
            hedged=sum(c["hedged"] for c in rows),
            quantity=sum(c["quantity"] is not None for c in rows),
        )
        totals.update(row)
        lines.append(
            f"| {relation} | {row['affirm']} | {row['deny']} | {row['optional']} "
            f"| {row['hedged']} | {row['quantity']} |"
        )
    lines.append(
        f"| **total** | **{totals['affirm']}** | **{totals['deny']}** | **{totals['optional']}** "
        f"| **{totals['hedged']}** | **{totals['quantity']}** |"
    )
    lines += [
        "",
        "| conflict | claims | required | optional | denials (required) |",
        "|---|---|---|---|---|",
    ]
    by_conflict: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        by_conflict.setdefault(articles[claim["doc"]].conflict, []).append(claim)
    for conflict, rows in sorted(by_conflict.items()):
        required = [c for c in rows if not c["optional"]]
        denials = sum(c["polarity"] == "deny" for c in rows)
        required_denials = sum(c["polarity"] == "deny" for c in required)
        lines.append(
            f"| {conflict} | {len(rows)} | {len(required)} | {len(rows) - len(required)} "
            f"| {denials} ({required_denials}) |"
        )
    return "\n".join(lines)


def show(claims: list[dict[str, Any]], articles: dict[str, Article]) -> str:
    out = []
    for claim in claims:
        evidence = claim["evidence"]
        span = articles[claim["doc"]].text[evidence["start"] : evidence["end"]]
        flags = ("H" if claim["hedged"] else "-") + ("o" if claim["optional"] else "-")
        out.append(
            f"{claim['doc']} {flags} {claim['subject']} {claim['relation']} {claim['object']} "
            f"-> {claim['recipient']} [{claim['speaker']} {claim['polarity']}] | {span}"
        )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("gold", type=Path, help="gold JSONL with offset-only evidence")
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument(
        "--belligerents", type=Path, help="default: belligerents.jsonl next to the gold file"
    )
    parser.add_argument("--max-tokens", type=int, default=12)
    parser.add_argument("--counts", action="store_true", help="print the count tables")
    parser.add_argument("--show", action="store_true", help="print every claim with its span")
    args = parser.parse_args(argv)
    for path in (args.gold, args.articles):
        if not path.is_file():
            print(f"{path}: no such file", file=sys.stderr)
            return 2
    articles = load_articles(args.articles)
    report = Report()
    check_gold(args.gold, articles, max_tokens=args.max_tokens, report=report)
    belligerents = args.belligerents or args.gold.with_name("belligerents.jsonl")
    if belligerents.is_file():
        docs = {str(claim["doc"]) for claim in report.claims}
        check_belligerents(belligerents, docs, report)
    elif args.belligerents:
        report.problems.append(f"{belligerents}: no such file")
    for problem in report.problems:
        print(problem, file=sys.stderr)
    docs_with_claims = len({claim["doc"] for claim in report.claims})
    print(
        f"{args.gold}: {len(report.claims)} claims on {docs_with_claims} documents checked, "
        f"{len(report.problems)} problems"
    )
    if args.counts:
        print(count_tables(report.claims, articles))
    if args.show:
        print(show(report.claims, articles))
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
