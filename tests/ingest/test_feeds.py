"""RSS and Atom feeds, parsed by feedparser and read from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result

from corroborate.ingest import SourceRegistry, load_registry
from corroborate.ingest.errors import InputError
from corroborate.ingest.feeds import FeedListError, load_feeds, parse_feed
from corroborate.model import Source
from corroborate.pipeline import ingest
from corroborate.settings import Settings
from corroborate.store import Ledger
from tests.conftest import LocalServer, Route, WriteFile

RSS = "application/rss+xml; charset=utf-8"


def page(title: str, body: str) -> bytes:
    return (
        f"<html><head><title>{title} | Lowland Wire</title>"
        '<meta property="article:published_time" content="2019-01-01"></head><body>'
        f"<nav>Home World Sport</nav><article><h1>{title}</h1><p>{body}</p></article>"
        "<footer>Contact us</footer></body></html>"
    ).encode()


STORIES = {
    "/news/1": ("Convoy seen", "Residents said a convoy of trucks crossed the bridge at night, "
                "and officials in the district would not say where it was going."),
    "/news/2": ("Drones delivered", "Turkey supplied drones to Azerbaijan last month, the "
                "agency reported, citing two officials familiar with the contracts."),
    "/news/3": ("Advisers denied", "The ministry denied that foreign advisers were training "
                "its crews and called the reports an attempt to mislead the public."),
}  # fmt: skip


def rss(base: str, paths: list[str], *, title: str = "Lowland Wire") -> bytes:
    items = "".join(
        f"<item><title>Feed title {p[-1]}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
        f"<pubDate>Mon, 0{p[-1]} Mar 2021 08:00:00 GMT</pubDate><description>x</description></item>"
        for p in paths
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}'
        f"</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


def serve_stories(server: LocalServer, paths: list[str] | None = None) -> str:
    for path, (title, body) in STORIES.items():
        server.routes[path] = Route(page(title, body))
    server.routes["/feed.xml"] = Route(rss(server.base, paths or list(STORIES)), RSS)
    return server.url("/feed.xml")


def test_rss_and_atom_entries_with_dates_titles_and_resolved_links() -> None:
    feed = parse_feed(rss("http://a.example", ["/n/1", "/n/2"]), url="http://a.example/f")
    assert [e.link for e in feed.entries] == ["http://a.example/n/1", "http://a.example/n/2"]
    assert [e.published for e in feed.entries] == [date(2021, 3, 1), date(2021, 3, 2)]
    assert feed.entries[0].title == "Feed title 1" and feed.problem is None
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Steppe Desk</title>
<entry><title>First</title><link href="/story/a"/><id>urn:a</id>
<updated>2021-04-05T10:00:00Z</updated></entry>
<entry><title>No link</title><id>urn:b</id><updated>2021-04-06T10:00:00Z</updated>
<content type="html">&lt;p&gt;Russia denied sending troops.&lt;/p&gt;</content></entry>
<entry><title>Bad link</title><link href="javascript:alert(1)"/><id>urn:c</id></entry>
</feed>"""
    parsed = parse_feed(atom, url="https://desk.example/atom")
    assert parsed.title == "Steppe Desk"
    first, second, third = parsed.entries
    assert first.link == "https://desk.example/story/a" and first.published == date(2021, 4, 5)
    assert second.link is None and "Russia denied" in (second.content or "")
    assert third.link is None  # only http(s) links are followed


@pytest.mark.parametrize(
    ("body", "reason"),
    [(b"just words, no feed at all", "syntax error"), (b"", "not an RSS or Atom feed")],
)
def test_what_is_not_a_feed_is_an_error(body: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_feed(body, url="http://x.example/f")
    assert reason in caught.value.reason


def test_feeds_yaml(write: WriteFile) -> None:
    good = write("feeds.yaml", "feeds:\n  - https://a.example/rss\n"
                 "  - {url: 'https://b.example/atom', source: B Desk}\n")  # fmt: skip
    assert [(s.url, s.source) for s in load_feeds(good)] == [
        ("https://a.example/rss", None),
        ("https://b.example/atom", "B Desk"),
    ]
    for content, reason in [
        ("feeds: [ftp://x]\n", "expected an http(s) URL"),
        ("nothing: here\n", "top-level `feeds:`"),
        ("feeds:\n  - {url: 'https://a.example', colour: red}\n", "feeds[0]"),
        ("feeds: [\n", "not valid YAML"),
    ]:
        with pytest.raises(FeedListError) as caught:
            load_feeds(write("bad.yaml", content))
        assert reason in str(caught.value) and "bad.yaml" in str(caught.value)


def test_ingest_feed_url_fetches_each_entry_once_with_its_own_title_and_date(
    http_server: LocalServer, sqlite_url: str
) -> None:
    feed = serve_stories(http_server)
    registry = SourceRegistry((Source("Lowland Wire", domains=("127.0.0.1",), kind="wire"),))
    settings = Settings(host_delay=0.0)
    with Ledger(sqlite_url) as ledger:
        first = ingest(ledger, [feed], settings=settings, registry=registry)
        rows = {r.url: r for r in ledger.list_documents()}
        texts = {url: ledger.document_text(r.id) or "" for url, r in rows.items()}
        second = ingest(ledger, [feed], settings=settings, registry=registry)
    assert first.added == 3 and not first.failures and second.added == 0
    assert set(rows) == {http_server.url(p) for p in STORIES}
    for path, (_title, body) in STORIES.items():
        row = rows[http_server.url(path)]
        assert row.title == f"Feed title {path[-1]}"  # the entry's title, not the page's
        assert row.published == date(2021, 3, int(path[-1]))  # the entry's date wins too
        assert row.source == "Lowland Wire" and row.format == "html"
        assert body[:40] in texts[http_server.url(path)]
        assert "Home World Sport" not in texts[http_server.url(path)]
        assert len(http_server.hits(path)) == 1  # the re-run did not fetch it again
    assert len(http_server.hits("/feed.xml")) == 2


def test_feeds_yaml_through_the_cli_credits_its_source(
    http_server: LocalServer, run: Callable[..., Result], write: WriteFile, tmp_path: Path
) -> None:
    feed = serve_stories(http_server, ["/news/2"])
    feeds = write("feeds.yaml", f"feeds:\n  - url: {feed}\n    source: Lowland Wire\n")
    registry = write("sources.yaml", "sources:\n  - {name: Lowland Wire, kind: wire, "
                     "affiliation: wire}\n")  # fmt: skip
    assert load_registry(registry).sources[0].name == "Lowland Wire"
    (tmp_path / "corroborate.toml").write_text("host_delay = 0\n")
    result = run("ingest", "--sources", str(registry), str(feeds))
    assert result.exit_code == 0, result.output
    assert "1 added" in result.stdout
    claims = run("claims", "--json")
    assert '"Turkey"' in claims.stdout  # the entry's page was extracted
    docs = run("documents", "--json")
    assert '"source": "Lowland Wire"' in docs.stdout


def test_malformed_feed_is_one_error_row_and_recovered_entries_are_kept(
    http_server: LocalServer, sqlite_url: str
) -> None:
    serve_stories(http_server)
    whole = rss(http_server.base, ["/news/1", "/news/2"])
    http_server.routes["/cut.xml"] = Route(whole[: whole.rindex(b"<item>") + 10], RSS)
    http_server.routes["/junk.xml"] = Route(b"<html>not a feed</html>", "application/xml")
    http_server.routes["/gone.xml"] = Route(b"", RSS, status=410)
    targets = [http_server.url(p) for p in ("/cut.xml", "/junk.xml", "/gone.xml")]
    with Ledger(sqlite_url) as ledger:
        report = ingest(ledger, targets, settings=Settings(host_delay=0.0))
        again = ingest(ledger, targets, settings=Settings(host_delay=0.0))
        errors = {e.location: e for e in ledger.list_errors()}
        docs = ledger.list_documents()
    assert report.added == 1 and again.added == 0
    assert [d.url for d in docs] == [http_server.url("/news/1")]
    assert set(errors) == set(targets)  # one row per broken feed, however often it is read
    assert "malformed feed" in errors[targets[0]].reason and errors[targets[0]].attempts == 2
    assert "not an RSS or Atom feed" in errors[targets[1]].reason
    assert "HTTP 410" in errors[targets[2]].reason


def test_an_entry_without_a_link_is_stored_from_its_content(
    http_server: LocalServer, sqlite_url: str
) -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Steppe Desk</title>
<entry><title>Brief</title><id>urn:brief:1</id><updated>2021-04-06T10:00:00Z</updated>
<content type="html">&lt;p&gt;Russia denied sending troops to the border.&lt;/p&gt;</content>
</entry></feed>"""
    http_server.routes["/atom"] = Route(atom, "application/atom+xml")
    feed = http_server.url("/atom")
    with Ledger(sqlite_url) as ledger:
        first = ingest(ledger, [feed], settings=Settings(host_delay=0.0))
        again = ingest(ledger, [feed], settings=Settings(host_delay=0.0))
        (row,) = ledger.list_documents()
        text = ledger.document_text(row.id)
    assert first.added == 1 and again.added == 0 and again.existing == 0  # known: not re-read
    assert text == "Russia denied sending troops to the border."
    assert row.origin == f"{feed}#urn:brief:1" and row.title == "Brief" and row.format == "feed"
    assert row.published == date(2021, 4, 6)
