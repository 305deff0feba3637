"""Keep a ledger current: poll the feeds of a feeds.yaml and ingest each new entry once.

Exactly once across restarts comes from the ledger, not from memory: an entry is new when no
stored document was read from its link (and its page has not failed `watch_retries` times).
Conditional GET validators (ETag, Last-Modified) live in a small JSON state file, replaced
atomically and only after the feed's documents are committed, so a kill at any moment costs at
most a re-poll, never a duplicate. A stop request (SIGTERM) is honoured between requests.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from corroborate.ingest import SourceRegistry, build_document
from corroborate.ingest.errors import InputError
from corroborate.ingest.feeds import (
    FeedSpec,
    HostPacer,
    conditional_headers,
    feed_of,
    read_entries,
)
from corroborate.ingest.fetch import CONTENT_TYPES, FEED_TYPES, download, http_failure, new_client
from corroborate.model import Document, IngestFailure
from corroborate.settings import Settings
from corroborate.store import Ledger

STATE_NAME = "watch-state.json"


@dataclass(slots=True)
class FeedState:
    etag: str | None = None
    last_modified: str | None = None
    checked_at: str | None = None


@dataclass(slots=True)
class WatchState:
    """Per feed: the validators of its last good response. A damaged file is started over."""

    path: Path
    feeds: dict[str, FeedState] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> WatchState:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            feeds = {url: FeedState(**values) for url, values in data["feeds"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            feeds = {}  # no validators means full GETs: slower, never wrong
        return cls(path, feeds)

    def save(self) -> None:
        tmp = self.path.with_name(f".{self.path.name}.tmp")
        payload = {"feeds": {url: asdict(s) for url, s in sorted(self.feeds.items())}}
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(json.dumps(payload, indent=1))
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(self.path)  # atomic: the old state or the new, never half of one


@dataclass(slots=True)
class PollReport:
    feeds: int = 0
    not_modified: int = 0
    added: int = 0
    existing: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    interrupted: bool = False


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class Poller:
    """One ledger, its feeds and a polite HTTP client; `poll` visits every feed once."""

    ledger: Ledger
    feeds: Sequence[FeedSpec]
    settings: Settings
    state: WatchState
    registry: SourceRegistry = field(default_factory=SourceRegistry)
    stop: threading.Event = field(default_factory=threading.Event)
    client: httpx.Client | None = None
    pacer: HostPacer | None = None

    def __post_init__(self) -> None:
        if self.client is None:
            self.client = new_client(
                timeout=self.settings.fetch_timeout, user_agent=self.settings.agent
            )
        if self.pacer is None:
            self.pacer = HostPacer(self.settings.host_delay, stop=self.stop)
        self.ledger.upsert_sources(self.registry.sources)

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    def poll(self) -> PollReport:
        report = PollReport()
        for spec in self.feeds:
            assert self.pacer is not None
            if self.stop.is_set() or not self.pacer.wait(spec.url):
                report.interrupted = True
                break
            report.feeds += 1
            self._poll_feed(spec, report)
            if self.stop.is_set():
                report.interrupted = True
                break
        return report

    def _poll_feed(self, spec: FeedSpec, report: PollReport) -> None:
        assert self.client is not None
        settings = self.settings
        known = self.state.feeds.get(spec.url, FeedState())
        try:
            got = download(
                spec.url,
                client=self.client,
                max_bytes=settings.max_document_bytes,
                accept=FEED_TYPES | CONTENT_TYPES,
                headers=conditional_headers(known.etag, known.last_modified),
            )
            polled = feed_of(got, url=spec.url)
        except (InputError, httpx.HTTPError) as exc:
            failure = http_failure(spec.url, exc, timeout=settings.fetch_timeout)
            self.ledger.write_batch([], [failure])
            report.failures.append(failure)
            return
        if polled.not_modified or polled.feed is None:
            report.not_modified += 1
            self.ledger.write_batch([], [], succeeded=[spec.url])
            self._remember(spec.url, known.etag, known.last_modified)
            return
        feed = polled.feed

        def seen(origins: list[str]) -> set[str]:
            return self.ledger.stored_origins(origins) | self.ledger.failed_origins(
                origins, attempts=settings.watch_retries
            )

        docs: list[Document] = []
        failures: list[IngestFailure] = []
        for item in read_entries(
            feed, url=spec.url, client=self.client, max_bytes=settings.max_document_bytes,
            timeout=settings.fetch_timeout, source=spec.source, seen=seen, pacer=self.pacer,
            max_pdf_stream_bytes=settings.max_pdf_stream_bytes,
        ):  # fmt: skip
            built = (
                item
                if isinstance(item, IngestFailure)
                else build_document(item, registry=self.registry)
            )
            if isinstance(built, IngestFailure):
                failures.append(built)
            else:
                docs.append(built)
            if self.stop.is_set():
                break  # what was fetched is kept; the rest waits for the next start
        finished = not self.stop.is_set()
        # the feed's own error row goes when it reads cleanly; an entry's when its page is stored
        done = [spec.url] if finished and feed.problem is None else []
        result = self.ledger.write_batch(docs, failures, succeeded=done)
        report.added += result.added
        report.existing += result.existing
        report.failures.extend(failures)
        # validators only once every entry of this response is in the ledger (or given up on):
        # a failed page is retried by the next poll's full GET, which a 304 would not give
        if finished and not failures:
            self._remember(spec.url, polled.etag, polled.last_modified)

    def _remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.state.feeds[url] = FeedState(etag, last_modified, _now())
        self.state.save()


def watch(
    poller: Poller,
    *,
    interval: float,
    once: bool = False,
    on_poll: Callable[[PollReport], None] | None = None,
) -> int:
    """Poll until stopped (or once); returns how many polls ran."""
    polls = 0
    while not poller.stop.is_set():
        report = poller.poll()
        polls += 1
        if on_poll is not None:
            on_poll(report)
        if once or poller.stop.wait(interval):
            break
    return polls
