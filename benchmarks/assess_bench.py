"""Assessment time and memory on synthetic claim mentions, at three sizes, one core.

usage: python benchmarks/assess_bench.py [SIZES...]   (default 100000 300000 1000000)

Each size runs in a fresh process (so peak memory is its own): N claim mentions over N/10
documents from 40 outlets in 8 affiliation groups, about actors of the bundled camps, with a
fifth of documents reprinting another's story (copy clusters given, as computed at ingest).
Reports seconds for assess() and peak resident memory; near-linear cost means the seconds per
million stay flat across sizes.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

from corroborate.assess import ClaimRecord, assess, bundled_camps

ACTORS = ["Turkey", "Russia", "Iran", "Israel", "Azerbaijan", "Armenia", "Pakistan", "France",
          "Syria", "United States", "Nagorno-Karabakh", "Wagner Group"]  # fmt: skip
RELATIONS = ["arms_supply", "troop_deployment", "foreign_fighters", "training", "logistics",
             "combat", "political_support", "force_size"]  # fmt: skip
OBJECTS = ["drones", "F-16", "weapons", "troops", "mercenaries", "advisers", "flights", None]
GROUPS = ["armenian_government", "azerbaijani_government", "turkish_state", "russian_state",
          "wire", "international_independent", "regional_independent", "monitor"]  # fmt: skip


def synthetic(
    n: int, seed: int = 3
) -> tuple[list[ClaimRecord], dict[int, int], dict[str, str | None]]:
    rng = random.Random(seed)
    outlets = {f"Outlet {i}": GROUPS[i % len(GROUPS)] for i in range(40)}
    names = list(outlets)
    docs = max(1, n // 10)
    clusters = {d: (rng.randrange(docs) if rng.random() < 0.2 else d) for d in range(docs)}
    start = date(2020, 9, 27)
    claims = []
    for i in range(n):
        doc = rng.randrange(docs)
        outlet = names[doc % len(names)]
        subject, recipient = rng.sample(ACTORS, 2)
        speaker = "author" if rng.random() < 0.5 else rng.choice(ACTORS)
        claims.append(
            ClaimRecord(
                id=i,
                document_id=doc,
                subject=subject,
                relation=rng.choice(RELATIONS),
                object=rng.choice(OBJECTS),
                recipient=recipient if rng.random() < 0.8 else None,
                speaker=speaker,
                polarity="deny" if rng.random() < 0.15 else "affirm",
                hedged=rng.random() < 0.2,
                evidence="...",
                outlet=outlet,
                affiliation=outlets[outlet],
                published=start + timedelta(days=doc % 45),
                quantity_low=float(rng.choice([300, 1200, 4000])) if rng.random() < 0.05 else None,
                quantity_high=None,
                quantity_unit="fighters",
            )
        )
    return claims, clusters, dict(outlets)


def child(n: int) -> None:
    claims, clusters, outlets = synthetic(n)
    camps = bundled_camps("karabakh-2020")
    start = time.perf_counter()
    props = assess(claims, clusters=clusters, camps=camps, outlet_affiliation=outlets)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps({"claims": n, "seconds": seconds, "peak_mib": peak, "propositions": len(props)})
    )


def main(sizes: list[int]) -> None:
    for n in sizes:
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(n)],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(proc.stdout)
        print(f"{r['claims']:>9,} claims over {r['claims'] // 10:,} documents: assess "
              f"{r['seconds']:6.2f} s ({r['seconds'] / r['claims'] * 1e6:.2f} s per million), "
              f"{r['propositions']:,} propositions, peak memory {r['peak_mib']:,.0f} MiB "
              f"(including the synthetic input)")  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(int(sys.argv[2]))
    else:
        main([int(a) for a in sys.argv[1:]] or [100_000, 300_000, 1_000_000])
