"""Stance model speed on one core, on the FNC-1 dev split (body-disjoint 20 %).

usage: python benchmarks/stance_bench.py [--data DIR] [--pairs N] [--batch B]
       (default ../shared/data/fnc-1, every dev pair, batches of 256)

The process is pinned to one CPU and LightGBM to one thread. Reports pairs/s for:
- cold: empty caches, pairs in file order; each body is featurized on its first pair (the
  FNC-1 situation: several headlines per body);
- cold per pair: caches emptied before every batch of one pair, so every pair pays for its body
  (the worst case: one claim against many documents never seen before);
- warm: every body and headline already cached.
The bar is 300 pairs/s.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from corroborate.stance import StanceModel
from corroborate.stance.data import load_split

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "fnc-1"
BAR = 300.0


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pairs", type=int, default=0, help="first N dev pairs (0: all)")
    parser.add_argument("--batch", type=int, default=256)
    args = parser.parse_args(argv)
    if not (args.data / "train_stances.csv").is_file():
        print(f"FNC-1 data not found in {args.data}", file=sys.stderr)
        return 2
    print(pin_one_core())
    data = load_split(args.data)
    dev = data.dev[: args.pairs] if args.pairs else data.dev
    pairs = [(p.headline, data.bodies[p.body_id]) for p in dev]
    n_bodies = len({p.body_id for p in dev})
    load_s = timed(StanceModel.load)
    model = StanceModel.load()
    print(f"model load {load_s:.2f}s; {len(pairs)} dev pairs over {n_bodies} bodies")

    def batched() -> None:
        for i in range(0, len(pairs), args.batch):
            model.predict(pairs[i : i + args.batch])

    def per_pair_cold() -> None:
        for pair in pairs[:2000]:
            model.featurizer.clear()
            model.predict([pair])

    model.featurizer.clear()
    cold = len(pairs) / timed(batched)
    warm = len(pairs) / timed(batched)
    worst = min(len(pairs), 2000) / timed(per_pair_cold)
    for name, rate in (("cold", cold), ("cold per pair", worst), ("warm", warm)):
        verdict = "ok" if rate >= BAR else f"BELOW the {BAR:.0f} pairs/s bar"
        print(f"{name:<14} {rate:>8.0f} pairs/s  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
