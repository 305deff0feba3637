"""RSS and Atom feeds (feedparser): each entry's page fetched through the URL path.

An entry keeps its own title and date over the page's; the entry's link is its origin, which is
how a later poll knows it was read. A malformed feed is one failure naming the feed, with the
entries that could be recovered still read; a feed that is not a feed is one failure.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import yaml

from corroborate.ingest.errors import InputError
from corroborate.ingest.fetch import (
    CONTENT_TYPES,
    FEED_TYPES,
    Download,
    download,
    http_failure,
    raw_of,
)
from corroborate.ingest.formats import DEFAULT_PDF_STREAM_BYTES
from corroborate.model import IngestFailure, Metadata, RawInput

FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf")
SNIFF = 2048


class FeedListError(ValueError):
    """A feeds.yaml that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """One feed of a feeds.yaml: its URL and, optionally, the outlet its entries come from."""

    url: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str | None
    entry_id: str | None
    title: str | None
    published: date | None
    content: str | None  # the entry's own text, used when it links to no page

    @property
    def key(self) -> str | None:
        """What identifies the entry across polls: its link, else its id."""
        return self.link or self.entry_id


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[FeedEntry, ...]
    problem: str | None = None  # malformed, but these entries were recovered


def looks_like_feed(body: bytes) -> bool:
    head = body[:SNIFF].lower()
    return any(root in head for root in FEED_ROOTS)


def _date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = dict.get(entry, key)  # not feedparser's own get, which warns about a fallback
        if parsed:
            try:
                return date(parsed[0], parsed[1], parsed[2])
            except (TypeError, ValueError, IndexError):
                continue
    return None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def parse_feed(body: bytes, *, url: str, content_type: str = "application/xml") -> Feed:
    """Entries of an RSS or Atom document; InputError when nothing feed-like is in it."""
    import feedparser  # only feed readers pay for it

    headers = {"content-location": url, "content-type": content_type}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    problem = None
    exc = parsed.get("bozo_exception")
    # a server's wrong charset or content type is its mistake, not a broken feed
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if parsed.get("bozo") and not isinstance(exc, benign):
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        problem = f"malformed feed ({first})"
    if not parsed.get("version") and not parsed.entries:
        raise InputError(problem or "not an RSS or Atom feed")
    entries: list[FeedEntry] = []
    for e in parsed.entries:
        link = _text(e.get("link"))
        if link:
            link = urljoin(url, link)
            if urlsplit(link).scheme not in ("http", "https"):
                link = None  # only http(s) links are ever followed
        content = None
        if e.get("content"):
            content = _text(e["content"][0].get("value"))
        content = content or _text(e.get("summary"))
        entry = FeedEntry(link, _text(e.get("id")), _text(e.get("title")), _date(e), content)
        if entry.key:
            entries.append(entry)
    if problem and not entries:
        raise InputError(problem)
    return Feed(_text(parsed.feed.get("title")), tuple(entries), problem)


def load_feeds(path: Path) -> list[FeedSpec]:
    """The feeds of a feeds.yaml: `feeds:` a list of URLs or of {url, source} mappings."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FeedListError(f"{path}: cannot read ({exc.strerror})") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise FeedListError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    items = data.get("feeds") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise FeedListError(f"{path}: expected a top-level `feeds:` list")
    specs: list[FeedSpec] = []
    for i, item in enumerate(items):
        where = f"{path}: feeds[{i}]"
        if isinstance(item, str):
            item = {"url": item}
        if not isinstance(item, dict) or set(item) - {"url", "source"}:
            raise FeedListError(f"{where}: expected a URL or a mapping with `url` (and `source`)")
        url, source = item.get("url"), item.get("source")
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise FeedListError(f"{where}.url: expected an http(s) URL, got {url!r}")
        if source is not None and not isinstance(source, str):
            raise FeedListError(f"{where}.source: expected the outlet's name")
        specs.append(FeedSpec(url.strip(), source.strip() if source else None))
    return list({s.url: s for s in specs}.values())


def is_feed_list(path: Path) -> bool:
    """A YAML file whose top level is a `feeds:` list (read as feed URLs, not a document)."""
    if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
        return False
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:SNIFF]
    except OSError:
        return False
    return any(line.startswith("feeds:") for line in head.splitlines())


class HostPacer:
    """At most one request per `delay` seconds to any one host; waits are interruptible."""

    def __init__(self, delay: float, *, stop: threading.Event | None = None) -> None:
        self.delay = delay
        self.stop = stop or threading.Event()
        self._next: dict[str, float] = {}

    def wait(self, url: str) -> bool:
        """Sleep until the URL's host may be asked again; False when told to stop."""
        host = (urlsplit(url).hostname or "").lower()
        now = time.monotonic()
        ready = self._next.get(host, now)
        if ready > now and self.stop.wait(ready - now):
            return False
        self._next[host] = max(ready, now) + self.delay
        return not self.stop.is_set()


@dataclass(frozen=True, slots=True)
class FeedFetch:
    """A polled feed: 304 (unchanged), or its entries with the validators for the next poll."""

    not_modified: bool
    feed: Feed | None
    etag: str | None
    last_modified: str | None


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def feed_of(got: Download, *, url: str) -> FeedFetch:
    """A download as a feed; InputError when it is not one."""
    if got.status == 304:
        return FeedFetch(True, None, None, None)
    if got.format == "xml" and not looks_like_feed(got.body):
        raise InputError("XML that is not an RSS or Atom feed")
    if got.format not in ("feed", "xml"):
        raise InputError(f"not a feed (a {got.format} page)")
    ctype = got.headers.get("content-type") or "application/xml"
    feed = parse_feed(got.body, url=got.final_url, content_type=ctype)
    return FeedFetch(False, feed, got.headers.get("etag"), got.headers.get("last-modified"))


def entry_to_raw(
    entry: FeedEntry,
    *,
    feed_url: str,
    source: str | None,
    client: httpx.Client,
    max_bytes: int,
    timeout: float,
    max_pdf_stream_bytes: int = DEFAULT_PDF_STREAM_BYTES,
) -> RawInput | IngestFailure:
    """An entry's page (through the URL path), or its own content when it links nowhere.

    The entry's title and date win over the page's; `source` (from feeds.yaml) names the outlet.
    """
    own = Metadata(
        source=source, title=entry.title, published=entry.published, external_id=entry.entry_id
    )
    if entry.link:
        try:
            got = download(entry.link, client=client, max_bytes=max_bytes, accept=CONTENT_TYPES)
            raw = raw_of(got, origin=entry.link, max_pdf_stream_bytes=max_pdf_stream_bytes)
        except Exception as exc:  # a hostile page fails this entry only, not the feed
            return http_failure(entry.link, exc, timeout=timeout)
        return replace(raw, meta=raw.meta.overlay(own))
    origin = entry_origin(entry, feed_url=feed_url)
    if not entry.content:
        return IngestFailure(origin, "feed entry has neither a link nor any text")
    if len(entry.content.encode("utf-8")) > max_bytes:
        return IngestFailure(origin, f"feed entry is over the {max_bytes:,} byte cap")
    import trafilatura

    # a fragment ("<p>...</p>") must be a document for html2txt; escaped text reads as text
    text = trafilatura.html2txt(f"<html><body>{entry.content}</body></html>")
    if not text.strip():
        return IngestFailure(origin, "feed entry has no readable text")
    return RawInput(origin=origin, text=text, format="feed", meta=own)


def read_feed_url(
    url: str,
    *,
    client: httpx.Client,
    max_bytes: int,
    timeout: float,
    source: str | None = None,
    seen: Callable[[list[str]], set[str]] | None = None,
    pacer: HostPacer | None = None,
    max_pdf_stream_bytes: int = DEFAULT_PDF_STREAM_BYTES,
) -> Iterator[RawInput | IngestFailure]:
    """`ingest URL`: a page or PDF as before; a feed's new entries, each fetched in turn."""
    try:
        got = download(url, client=client, max_bytes=max_bytes, accept=CONTENT_TYPES | FEED_TYPES)
        if got.format in CONTENT_TYPES.values():
            yield raw_of(got, origin=url, max_pdf_stream_bytes=max_pdf_stream_bytes)
            return
        polled = feed_of(got, url=url)
    except Exception as exc:  # httpx.InvalidURL ("http://[::1"), a hostile page: this URL only
        yield http_failure(url, exc, timeout=timeout)
        return
    assert polled.feed is not None
    yield from read_entries(
        polled.feed, url=url, client=client, max_bytes=max_bytes, timeout=timeout,
        source=source, seen=seen, pacer=pacer, max_pdf_stream_bytes=max_pdf_stream_bytes,
    )  # fmt: skip


def entry_origin(entry: FeedEntry, *, feed_url: str) -> str:
    """The origin an entry's document or failure is stored under."""
    return entry.link or f"{feed_url}#{entry.entry_id}"


def read_entries(
    feed: Feed,
    *,
    url: str,
    client: httpx.Client,
    max_bytes: int,
    timeout: float,
    source: str | None = None,
    seen: Callable[[list[str]], set[str]] | None = None,
    pacer: HostPacer | None = None,
    max_pdf_stream_bytes: int = DEFAULT_PDF_STREAM_BYTES,
) -> Iterator[RawInput | IngestFailure]:
    """The entries `seen` does not know, each fetched in turn; then the feed's own problem."""
    known = seen([entry_origin(e, feed_url=url) for e in feed.entries]) if seen else set()
    for entry in feed.entries:
        if entry_origin(entry, feed_url=url) in known:
            continue
        if pacer is not None and entry.link and not pacer.wait(entry.link):
            return
        yield entry_to_raw(
            entry, feed_url=url, source=source, client=client, max_bytes=max_bytes,
            timeout=timeout, max_pdf_stream_bytes=max_pdf_stream_bytes,
        )  # fmt: skip
    if feed.problem:
        yield IngestFailure(url, f"{feed.problem}; {len(feed.entries)} entries read")
