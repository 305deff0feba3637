"""Web workbench latency under load: p50/p95 of four pages with 20 concurrent clients.

usage: python benchmarks/web_bench.py [--claims N] [--clients C] [--requests R] [--db PATH]

Builds (once; reused when --db already holds it) a SQLite ledger with N synthetic claims
(default 1,000,000) over N/10 documents from 40 outlets, written through the Ledger's own write
path, starts `corroborate serve --workers W` (default 2) on a free loopback port and waits until
its workers have assessed the ledger, then lets C clients (default 20) issue R requests each
(default 50), closed loop, against the proposition list (many offsets and filters), proposition
pages (all of them), actor pages and search (single words and pairs of the corpus vocabulary),
picked at random, and prints p50/p95 per kind of page. With --fresh, the server keeps no rendered
pages (--page-cache 0), so every page is built for its request. Bounded: it stops by
itself, and the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

import httpx

from corroborate.extract.claim import Claim, Span
from corroborate.model import Document, Metadata, Source
from corroborate.store import DocumentExtraction, Ledger

ACTORS = ["Turkey", "Russia", "Iran", "Israel", "Azerbaijan", "Armenia", "Pakistan", "France"]
RELATIONS = ["arms_supply", "troop_deployment", "foreign_fighters", "training", "combat"]
OBJECTS = ["drones", "F-16", "weapons", "troops", "mercenaries", None]
WORDS = [
    "army",
    "border",
    "drones",
    "convoy",
    "ministry",
    "statement",
    "shelling",
    "ceasefire",
    "monitor",
    "report",
]
COOKIE = "b" * 43  # a browser's CSRF cookie, sent back like a browser does
PER_DOC = 10
EXTRACTOR = "bench-0"
GROUPS = ["armenian_government", "azerbaijani_government", "turkish_state", "russian_state",
          "wire", "international_independent", "regional_independent", "monitor"]  # fmt: skip


def build(path: Path, claims: int, seed: int = 7) -> None:
    """A ledger of `claims` synthetic claims, written through the Ledger in batches."""
    rng = random.Random(seed)
    ledger = Ledger(f"sqlite:///{path}")
    outlets = [Source(f"Outlet {i}", affiliation=GROUPS[i % len(GROUPS)]) for i in range(40)]
    ledger.upsert_sources(outlets)
    docs = max(1, claims // PER_DOC)
    start = date(2020, 7, 1)
    batch = 2000
    for first in range(0, docs, batch):
        made: list[Document] = []
        for d in range(first, min(docs, first + batch)):
            actor, other = rng.sample(ACTORS, 2)
            words = " ".join(rng.choice(WORDS) for _ in range(60))
            text = f"{actor} sent weapons to {other}, officials said. {words} (doc {d})"
            digest = hashlib.sha256(text.encode()).hexdigest()
            meta = Metadata(
                source=outlets[d % len(outlets)].name, title=f"{actor} and {other} #{d}",
                published=start + timedelta(days=d % 120), language="en",
            )  # fmt: skip
            made.append(Document(f"bench:{d}", text, "txt", digest, digest, meta))
        ledger.write_batch(made)
        print(f"documents {first + len(made):,}/{docs:,}", end="\r", flush=True)
    print()
    for pending in ledger.pending_extraction(EXTRACTOR, batch=batch):
        items = []
        for doc in pending:
            found = []
            for _ in range(PER_DOC):
                subject, recipient = rng.sample(ACTORS, 2)
                found.append(
                    Claim(
                        doc=str(doc.id), subject=subject, relation=rng.choice(RELATIONS),
                        object=rng.choice(OBJECTS), recipient=recipient, quantity=None,
                        speaker=rng.choice([*ACTORS, "author"]),
                        polarity="deny" if rng.random() < 0.15 else "affirm",
                        hedged=rng.random() < 0.2, evidence=Span(0, 20, doc.text[:20]),
                        confidence=round(rng.uniform(0.3, 0.95), 2),
                    )
                )  # fmt: skip
            items.append(DocumentExtraction(doc.id, found, []))
        ledger.store_extractions(items, version=EXTRACTOR)
        print(f"extracted up to document {pending[-1].id:,}", end="\r", flush=True)
    print()
    ledger.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Connection:
    """One keep-alive HTTP/1.1 connection: a load generator this thin leaves the CPU to the
    server under test (a full client library costs about as much per request as the page)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        self.writer.write(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
            f"Cookie: corroborate_csrf={COOKIE}\r\n\r\n".encode()
        )
        await self.writer.drain()
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
        length = re.search(r"\r\ncontent-length: *(\d+)", head)
        if length is None:
            raise SystemExit(f"{path}: response without content-length")
        await self.reader.readexactly(int(length.group(1)))
        return int(head.split(" ", 2)[1])

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def targets(url: str) -> dict[str, list[str]]:
    """Many different pages per kind, so that no per-page cache answers most requests."""
    props: list[dict[str, str]] = []
    while True:
        got = httpx.get(
            url + "/api/propositions", params={"limit": 500, "offset": len(props)}, timeout=3600
        ).json()
        props += got["items"]
        if len(got["items"]) < 500:
            break
    actors = sorted({p["subject"] for p in props if p["subject"]})
    statuses = sorted({p["status"] for p in props})
    lists = [f"/propositions?offset={o}" for o in range(0, min(len(props), 2000), 50)]
    lists += [f"/propositions?actor={quote(a)}" for a in actors]
    lists += [f"/propositions?status={s}&actor={quote(a)}" for s in statuses for a in actors]
    vocabulary = sorted({*WORDS, *ACTORS, "weapons", "officials", "sent"})
    pairs = [f"{a}+{b}" for i, a in enumerate(vocabulary) for b in vocabulary[i + 1 :]]
    return {
        "proposition list": lists,
        "proposition page": [f"/propositions/{p['id']}" for p in props],
        "actor page": [f"/actors/{quote(a)}" for a in actors],
        "search": [f"/search?q={q}" for q in [*vocabulary, *pairs]],
    }


async def load(port: int, paths: dict[str, list[str]], clients: int, requests: int, seed: int
               ) -> dict[str, list[float]]:  # fmt: skip
    timings: dict[str, list[float]] = {name: [] for name in paths}
    names = list(paths)

    async def client(n: int) -> None:
        rng = random.Random(seed + n)
        conn = Connection(port)
        try:
            for i in range(requests):
                name = names[(n + i) % len(names)]
                path = rng.choice(paths[name])
                t = time.perf_counter()
                status = await conn.get(path)
                timings[name].append(time.perf_counter() - t)
                if status != 200:
                    raise SystemExit(f"{path}: HTTP {status}")
        finally:
            conn.close()

    await asyncio.gather(*(client(n) for n in range(clients)))
    return timings


def run(db: Path, clients: int, requests: int, workers: int, threads: int, *, seed: int = 11,
        fresh: bool = False) -> None:  # fmt: skip
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "corroborate.web", "--db", f"sqlite:///{db}", "serve",
         "--port", str(port), "--workers", str(workers), "--threads", str(threads),
         "--page-cache", "0" if fresh else "200"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        began = time.monotonic()
        deadline = began + 3600  # each worker assesses the whole ledger before it serves
        while True:
            try:
                httpx.get(url + "/api/sources", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.5)
        print(f"server ready (assessed by {workers} worker(s)): {time.monotonic() - began:.1f} s")
        paths = targets(url)
        began = time.monotonic()
        asyncio.run(load(port, paths, clients, 5, seed + 1000))  # connections, SQLite page cache
        print(f"warm-up: {time.monotonic() - began:.1f} s")
        print("distinct pages: " + ", ".join(f"{k} {len(v):,}" for k, v in paths.items()))
        began = time.monotonic()
        timings = asyncio.run(load(port, paths, clients, requests, seed))
        total = sum(len(v) for v in timings.values())
        elapsed = time.monotonic() - began
        print(f"{total} requests by {clients} clients in {elapsed:.1f} s "
              f"({total / elapsed:.0f} requests/s)")  # fmt: skip
        for name, values in timings.items():
            print(
                f"{name:18} n={len(values):4}  p50={statistics.median(values) * 1000:7.1f} ms"
                f"  p95={percentile(values, 0.95) * 1000:7.1f} ms"
                f"  p99={percentile(values, 0.99) * 1000:7.1f} ms  max={max(values) * 1000:7.1f} ms"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="per client")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per server process")
    parser.add_argument(
        "--fresh", action="store_true", help="serve with --page-cache 0: every page built afresh"
    )
    parser.add_argument("--db", type=Path, help="ledger file (built when missing)")
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"corroborate-web-bench-{args.claims}.db"
    if not db.exists():
        began = time.monotonic()
        build(db, args.claims)
        print(f"built {db} in {time.monotonic() - began:.0f} s")
    run(db, args.clients, args.requests, args.workers, args.threads, fresh=args.fresh)


if __name__ == "__main__":
    main()
