"""Wall time of each `corroborate` command, as a user waits for it: a fresh process each run.

usage: python benchmarks/cli_bench.py [RUNS]   (default 5)

Builds a small ledger from the bundled sample corpus in a temporary workspace (`demo`), then
runs each command RUNS times in a subprocess of the installed console script and prints the
median and the slowest run, against the budget the command should meet (issue 14: help and
version under 0.3 s, documents and claims on a small ledger under 0.8 s). The budget column
says "over" when the median misses it.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET = {"--help": 0.3, "--version": 0.3, "documents": 0.8, "claims": 0.8}


def commands(sample_file: Path) -> list[list[str]]:
    return [
        ["--help"],
        ["--version"],
        ["ingest", "--help"],
        ["settings"],
        ["documents"],
        ["claims"],
        ["sources"],
        ["errors"],
        ["extract", str(sample_file)],
        ["propositions"],
        ["report", "--actor", "Turkey", "--format", "md"],
        ["report", "--actor", "Turkey", "--format", "html"],
        ["check", "Turkey sent Syrian fighters to Azerbaijan"],
    ]


def main(runs: int) -> None:
    exe = shutil.which("corroborate") or str(Path(sys.executable).parent / "corroborate")
    from corroborate.workspace import sample_corpus

    articles, _registry = sample_corpus()
    sample_file = sorted(articles.glob("*.md"))[0]
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "ws"
        subprocess.run([exe, "demo", "--dir", str(ws)], check=True, capture_output=True)
        print(f"{'command':<48} {'median s':>9} {'max s':>7}  budget")
        for args in commands(sample_file):
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                subprocess.run([exe, *args], cwd=ws, check=True, capture_output=True)
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            budget = BUDGET.get(args[0]) if len(args) == 1 or args[0] != "--help" else None
            verdict = (
                "" if budget is None else f"{budget:g} s " + ("ok" if median < budget else "over")
            )
            name = " ".join(a if len(a) < 30 else a[:27] + "..." for a in args)
            print(f"{name:<48} {median:>9.3f} {max(times):>7.3f}  {verdict}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
