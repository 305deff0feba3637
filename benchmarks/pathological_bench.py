"""Extraction time of pathological documents at doubling sizes: linear or not.

usage: python benchmarks/pathological_bench.py [--scale 1.0] [--raw] [--json OUT]

Three documents, each at 1/4, 1/2 and all of its full size (scaled by --scale):
  repeated-claim  one claim repeated 50,000 times ("Turkey sent drones to Azerbaijan.")
  one-sentence    a single 20 MB sentence with no full stop
  actor-names     100,000 actor names in one list
For each size it prints seconds, characters per second and the ratio to the previous size: a
ratio near 2 per doubling is linear, near 4 quadratic. Peak memory (RSS) is printed at the end.

By default documents go through `extract_bounded` as `ingest` runs them (overlong sentences in
pieces; no time budget here, so every document is extracted whole); `--raw` calls
`Extractor.extract` directly, which shows the extractor's own cost per sentence.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Callable
from pathlib import Path

from corroborate.extract import Extraction, Extractor
from corroborate.extract_bounds import extract_bounded

ACTORS = ["Turkey", "Russia", "Iran", "Israel", "Azerbaijan", "Armenia", "Pakistan", "France"]


def repeated_claim(n: int) -> str:
    return " ".join(["Turkey sent drones to Azerbaijan."] * n)


def one_sentence(chars: int) -> str:
    words = ["the", "convoy", "of", "trucks", "moved", "slowly", "along", "a", "road", "and"]
    out, size, i = [], 0, 0
    while size < chars:
        word = words[i % len(words)]
        out.append(word)
        size += len(word) + 1
        i += 1
    return " ".join(out)


def actor_names(n: int) -> str:
    return "Officials named " + ", ".join(ACTORS[i % len(ACTORS)] for i in range(n)) + "."


CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "repeated-claim": (repeated_claim, 50_000),
    "one-sentence": (one_sentence, 20_000_000),
    "actor-names": (actor_names, 100_000),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full sizes")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--only", choices=sorted(CASES), help="run one case")
    parser.add_argument("--raw", action="store_true", help="the extractor without pieces")
    args = parser.parse_args()
    extractor = Extractor()
    extractor.extract("Turkey sent drones to Azerbaijan.", doc="warm-up")

    def run(text: str, name: str) -> Extraction:
        if args.raw:
            return extractor.extract(text, doc=name)
        return extract_bounded(
            extractor, text, doc=name, max_seconds=float("inf"), max_claims=10**9
        ).extraction

    results: dict[str, list[dict[str, float]]] = {}
    for name, (make, full) in CASES.items():
        if args.only and name != args.only:
            continue
        rows: list[dict[str, float]] = []
        for share in (0.25, 0.5, 1.0):
            size = max(1, int(full * args.scale * share))
            text = make(size)
            began = time.perf_counter()
            found = run(text, name)
            took = time.perf_counter() - began
            ratio = took / rows[-1]["seconds"] if rows and rows[-1]["seconds"] > 0 else 0.0
            rows.append(
                {"size": size, "chars": len(text), "seconds": took, "claims": len(found.claims)}
            )
            print(
                f"{name:15} size {size:>10,}  {len(text):>11,} chars  {took:8.2f} s  "
                f"{len(text) / max(took, 1e-9):>12,.0f} chars/s  claims {len(found.claims):>5}"
                + (f"  x{ratio:.2f} for x2 size" if ratio else ""),
                flush=True,
            )
        results[name] = rows
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:,.0f} MiB")
    if args.json:
        args.json.write_text(json.dumps({"results": results, "peak_mib": peak}, indent=1))


if __name__ == "__main__":
    main()
