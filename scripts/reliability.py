"""Regenerate RELIABILITY.md from the figures the reliability tests measure.

    python scripts/reliability.py [--rows 20000] [--out RELIABILITY.md]

Runs the hostile-corpus, kill -9 soak and reviews-during-ingest tests (on PostgreSQL too when
CORROBORATE_TEST_PG_URL is set) with CORROBORATE_FIGURES pointing at a scratch file, then writes
the promises and the measured figures. `--rows` sets the ingest the reviews run against.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = [
    "tests/ingest/test_hostile_corpus.py",
    "tests/test_soak.py",
    "tests/web/test_reviews_under_load.py",
]

PROMISES = """\
# Reliability

What corroborate promises about bad input, interruptions and concurrent use, and the figures
the tests measured on the machine named at the end. This file is written by
`python scripts/reliability.py`; do not edit it by hand.

## Promises

- **No loss.** A document is committed in batches (`commit_every`); a kill at any moment loses
  at most the open batch, and running the same command again finishes the job.
- **No duplicate.** A document's identity is its folded text and its stated outlet: ingesting
  again, after a kill or not, adds nothing. A review sent with an idempotency key (the
  `Idempotency-Key` header, or the hidden key every review form carries) is stored once,
  however often a client or proxy retries it.
- **Per-input isolation.** Whatever goes wrong with one file, row or URL (a reader's exception,
  a limit, a library's surprise) becomes that input's one error row with a one-line reason; the
  batch goes on and exits 1 at the end. Text is cleaned once, where it becomes a document: lone
  surrogates become U+FFFD, NUL characters are removed, on every backend alike.
- **Limits** (settings, see `corroborate settings`): `max_document_bytes` per input;
  `max_pdf_stream_bytes` per decompressed PDF stream; `max_json_depth` and
  `max_json_number_digits` per JSONL row; YAML front matter is parsed without aliases, at most
  20 levels deep and 64,000 characters; `max_extract_seconds` and `max_claims_per_document`
  per document's extraction (a note row says where it stopped). A document with a sentence
  over 5,000 characters is extracted in pieces, so its cost stays linear, and a stop request is
  seen between pieces.
- **Reviews never wait for a reassessment.** A review's write and its answer never wait for the
  assessment to be rebuilt: it is rebuilt in the background, and the answer says `updating`
  while reads still show the previous one.
"""


def _table(rows: list[dict[str, object]], keys: list[str]) -> str:
    head = "| " + " | ".join(keys) + " |\n|" + "---|" * len(keys) + "\n"
    return head + "".join("| " + " | ".join(str(r.get(k, "")) for k in keys) + " |\n" for r in rows)


def render(figures: list[dict[str, object]], *, command: str, outcome: str) -> str:
    by: dict[str, list[dict[str, object]]] = {}
    for f in figures:
        by.setdefault(str(f["test"]), []).append(f)
    parts = [PROMISES, "\n## Measured\n\n"]
    parts.append(
        "### Hostile corpus in one `ingest` batch\n\n"
        "`scripts/hostile_corpus.py` writes every input that once crashed a batch, hung it or was "
        "refused wrongly (encrypted and flate-bomb PDFs, JSONL with a 5,000-digit number or "
        "100,000 levels of nesting, lone surrogates and NUL in text, title and front matter, "
        "broken and credential-bearing URLs, `!!timestamp` and billion-laughs front matter, "
        "UTF-16/32 files, HTML nested 100,000 deep, a claim repeated 5,000 times, a file name "
        "that is not UTF-8, a FIFO, a link to /dev/zero) plus 1,000 fuzzed files, and the "
        "real CLI ingests them in one batch. Required: exit 1, no traceback, peak memory under "
        "1 GiB (`peak_memory_mib`: the whole run, the ingest process, its fork server and its "
        "workers, summed by proportional set size; `peak_rss_mib`: the largest process), no "
        "input over 10 s, one error row per bad input.\n\n"
    )
    parts.append(
        _table(
            by.get("hostile-corpus", []),
            [
                "backend",
                "named_cases",
                "fuzzed_files",
                "documents",
                "error_rows",
                "exit_code",
                "tracebacks",
                "peak_memory_mib",
                "peak_rss_mib",
                "slowest_input_s",
                "slowest_extraction_s",
                "wall_s",
            ],
        )
    )
    parts.append(
        "\n### kill -9 soak\n\n`ingest` of a JSONL file (good rows and bad ones) killed with "
        "SIGKILL after random delays, then run to the end; compared with one clean run.\n\n"
    )
    parts.append(
        _table(
            by.get("kill-9-soak", []),
            [
                "backend",
                "rows",
                "bad_rows",
                "killed_after_s",
                "documents",
                "error_rows",
                "claims",
                "clean_run",
            ],
        )
    )
    parts.append(
        "\n### Reviews during an ingest\n\nReviewers post notes through the API while `ingest` "
        "writes and extracts rows into the same ledger; every review is sent twice with one "
        "idempotency key (a retry). Required: max latency under 2 s, p95 under 1 s, every "
        "review stored exactly once.\n\n"
    )
    parts.append(
        _table(
            by.get("reviews-during-ingest", []),
            [
                "ingest_rows",
                "reviewers",
                "posts",
                "unique_reviews",
                "stored",
                "p50_s",
                "p95_s",
                "max_s",
            ],
        )
    )
    parts.append(
        f"\nTests: {outcome}. Produced by `{command}` on {datetime.now(UTC):%Y-%m-%d} "
        f"({platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}). The machine is shared, so times vary between runs.\n"
        "\nThe extractor's own cost on pathological documents is measured by "
        "`python benchmarks/pathological_bench.py` (see the README).\n"
    )
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000, help="rows ingested under reviews")
    parser.add_argument("--out", type=Path, default=REPO / "RELIABILITY.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures_file = Path(tmp) / "figures.jsonl"
        env = dict(
            os.environ,
            CORROBORATE_FIGURES=str(figures_file),
            CORROBORATE_RELIABILITY_ROWS=str(args.rows),
        )
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS],
            cwd=REPO,
            env=env,
            check=False,
        )
        lines = figures_file.read_text().splitlines() if figures_file.exists() else []
    figures = [json.loads(line) for line in lines]
    outcome = "all passed" if done.returncode == 0 else f"FAILED (pytest exit {done.returncode})"
    command = f"python scripts/reliability.py --rows {args.rows}"
    args.out.write_text(render(figures, command=command, outcome=outcome), encoding="utf-8")
    print(f"wrote {args.out} ({len(figures)} measurements; tests {outcome})")
    sys.exit(done.returncode)


if __name__ == "__main__":
    main()
