"""`watch` against a real feed server on 127.0.0.1: exactly once across restarts, 304s, broken
feeds, a redirect loop, a slow host, a huge entry, politeness and a clean SIGTERM."""

from __future__ import annotations

import itertools
import json
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from corroborate.ingest.feeds import FeedSpec
from corroborate.settings import Settings
from corroborate.store import Ledger
from corroborate.watch import STATE_NAME, Poller, PollReport, WatchState, watch
from tests.conftest import LocalServer, Route, entry_point
from tests.ingest.test_feeds import RSS, page, rss

BODY = "Officials in the district said a convoy of {n} trucks crossed the bridge overnight."


def add_stories(server: LocalServer, numbers: range, *, delay: float = 0.0) -> list[str]:
    paths = [f"/s/{n}" for n in numbers]
    for n, path in zip(numbers, paths, strict=True):
        server.routes[path] = Route(page(f"Story {n}", BODY.format(n=n)), delay=delay)
    return paths


def publish(server: LocalServer, path: str, stories: list[str], *, version: str) -> None:
    """The feed at `path` lists `stories`; its validators change with `version`."""
    server.routes[path] = Route(
        rss(server.base, stories),
        RSS,
        etag=f'"{version}"',
        last_modified=f"Mon, 01 Mar 2021 0{version[-1]}:00:00 GMT",
    )


def poller(ledger: Ledger, feeds: list[str], tmp_path: Path, **settings: object) -> Poller:
    chosen = Settings(host_delay=0.0, fetch_timeout=2.0).replace(**settings)
    state = WatchState.load(tmp_path / STATE_NAME)
    return Poller(ledger, [FeedSpec(u) for u in feeds], chosen, state)


def test_each_entry_once_across_restarts_with_conditional_get(
    http_server: LocalServer, sqlite_url: str, tmp_path: Path
) -> None:
    stories = add_stories(http_server, range(1, 5))
    publish(http_server, "/feed.xml", stories[:2], version="v1")
    feed = http_server.url("/feed.xml")
    counts = []
    for run in range(4):  # each run a fresh poller: a restart, with only the state file kept
        if run == 2:
            publish(http_server, "/feed.xml", stories, version="v2")  # two new entries
        with Ledger(sqlite_url) as ledger:
            p = poller(ledger, [feed], tmp_path)
            report = p.poll()
            p.close()
            counts.append((report.added, report.not_modified, len(ledger.list_documents())))
    assert counts == [(2, 0, 2), (0, 1, 2), (2, 0, 4), (0, 1, 4)]
    assert all(len(http_server.hits(s)) == 1 for s in stories)  # every page fetched once
    polls = http_server.hits("/feed.xml")
    assert "if-none-match" not in polls[0].headers
    assert polls[1].headers["if-none-match"] == '"v1"'
    assert polls[1].headers["if-modified-since"] == "Mon, 01 Mar 2021 01:00:00 GMT"
    assert polls[3].headers["if-none-match"] == '"v2"'
    state = json.loads((tmp_path / STATE_NAME).read_text())
    assert state["feeds"][feed]["etag"] == '"v2"'


def test_a_failed_page_is_retried_by_full_gets_until_it_is_stored(
    http_server: LocalServer, sqlite_url: str, tmp_path: Path
) -> None:
    stories = add_stories(http_server, range(1, 3))
    http_server.routes[stories[1]] = Route(b"", status=503)
    publish(http_server, "/feed.xml", stories, version="v1")
    feed = http_server.url("/feed.xml")
    added = []
    with Ledger(sqlite_url) as ledger:
        for n in range(4):
            if n == 2:
                add_stories(http_server, range(2, 3))  # the page is back
            added.append(poller(ledger, [feed], tmp_path).poll().added)
        errors = ledger.list_errors()
    assert added == [1, 0, 1, 0] and errors == []
    conditional = ["if-none-match" in r.headers for r in http_server.hits("/feed.xml")]
    assert conditional == [False, False, False, True]  # a 304 only once nothing is pending
    assert len(http_server.hits(stories[0])) == 1 and len(http_server.hits(stories[1])) == 3


def test_lost_state_costs_a_full_get_never_a_duplicate(
    http_server: LocalServer, sqlite_url: str, tmp_path: Path
) -> None:
    stories = add_stories(http_server, range(1, 4))
    publish(http_server, "/feed.xml", stories, version="v1")
    with Ledger(sqlite_url) as ledger:
        p = poller(ledger, [http_server.url("/feed.xml")], tmp_path)
        assert p.poll().added == 3
        (tmp_path / STATE_NAME).write_text("{half a file")  # damaged: started over
        again = poller(ledger, [http_server.url("/feed.xml")], tmp_path).poll()
        assert again.added == 0 and again.not_modified == 0 and not again.failures
        assert len(ledger.list_documents()) == 3
    assert all(len(http_server.hits(s)) == 1 for s in stories)


def test_bad_feeds_and_entries_are_error_rows_and_the_poll_goes_on(
    http_server: LocalServer, sqlite_url: str, tmp_path: Path
) -> None:
    good = add_stories(http_server, range(1, 3))
    publish(http_server, "/good.xml", good, version="v1")
    http_server.routes["/broken.xml"] = Route(b"<rss><channel><item><title>cut", RSS)
    http_server.routes["/junk.xml"] = Route(b"\x00\x01 not xml at all", RSS)
    http_server.routes["/loop.xml"] = Route(b"", redirect="/loop.xml")
    http_server.routes["/slow.xml"] = Route(rss(http_server.base, good), RSS, delay=3.0)
    http_server.routes["/huge/1"] = Route(page("Huge", "word " * 60_000))
    http_server.routes["/huge.xml"] = Route(rss(http_server.base, ["/huge/1", *good]), RSS)
    names = ["/broken.xml", "/junk.xml", "/loop.xml", "/slow.xml", "/huge.xml", "/good.xml"]
    feeds = [http_server.url(n) for n in names]
    with Ledger(sqlite_url) as ledger:
        reports = []
        for _ in range(4):
            p = poller(ledger, feeds, tmp_path, max_document_bytes=100_000, fetch_timeout=1.0)
            reports.append(p.poll())
            p.close()
        errors = {e.location: e for e in ledger.list_errors()}
        docs = ledger.list_documents()
    assert reports[0].feeds == 6 and reports[0].added == 2
    assert sorted(d.url or "" for d in docs) == sorted(http_server.url(s) for s in good)
    huge = http_server.url("/huge/1")
    assert set(errors) == {*feeds[:4], huge}  # one row each, however many polls
    assert "malformed feed" in errors[feeds[0]].reason or "not" in errors[feeds[0]].reason
    assert "too many redirects" in errors[feeds[2]].reason
    assert "timed out" in errors[feeds[3]].reason
    assert "byte cap" in errors[huge].reason
    assert errors[feeds[0]].attempts == 4
    # the huge page is tried watch_retries (3) times, then left as an error
    assert len(http_server.hits("/huge/1")) == 3 and errors[huge].attempts == 3


def test_one_request_per_host_every_host_delay_with_a_contact(
    http_server: LocalServer, sqlite_url: str, tmp_path: Path
) -> None:
    stories = add_stories(http_server, range(1, 5))
    publish(http_server, "/feed.xml", stories, version="v1")
    with Ledger(sqlite_url) as ledger:
        p = poller(ledger, [http_server.url("/feed.xml")], tmp_path, host_delay=0.4,
                   contact="desk@newsroom.example")  # fmt: skip
        assert p.poll().added == 4
    times = sorted(r.at for r in http_server.requests)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    # paced at 0.4 s when sent; arrival on a busy machine jitters by a few milliseconds
    assert len(times) == 5 and min(gaps) >= 0.3
    agents = {r.headers["user-agent"] for r in http_server.requests}
    assert agents == {"corroborate/0.1 (+claim ledger) (contact: desk@newsroom.example)"}


def test_watch_loops_until_stopped(
    http_server: LocalServer, sqlite_url: str, tmp_path: Path
) -> None:
    stories = add_stories(http_server, range(1, 3))
    publish(http_server, "/feed.xml", stories, version="v1")
    with Ledger(sqlite_url) as ledger:
        p = poller(ledger, [http_server.url("/feed.xml")], tmp_path)
        seen: list[int] = []

        def on_poll(report: PollReport) -> None:
            seen.append(len(http_server.hits("/feed.xml")))
            if len(seen) == 3:
                p.stop.set()

        started = time.monotonic()
        assert watch(p, interval=0.2, on_poll=on_poll) == 3
        assert time.monotonic() - started < 5
    assert seen == [1, 2, 3]


def _watch_cli(tmp_path: Path, feed: str, *extra: str) -> list[str]:
    (tmp_path / "feeds.yaml").write_text(f"feeds:\n  - {feed}\n")
    (tmp_path / "corroborate.toml").write_text('host_delay = 0\ncontact = "ops@desk.example"\n')
    return ["watch", *extra]


def test_cli_once_twice_then_sigterm_mid_poll_keeps_everything_exactly_once(
    http_server: LocalServer, tmp_path: Path, run: Callable[..., Result]
) -> None:
    stories = add_stories(http_server, range(1, 9), delay=0.4)
    publish(http_server, "/feed.xml", stories[:2], version="v1")
    args = _watch_cli(tmp_path, http_server.url("/feed.xml"), "--once", "--no-extract")
    first = run(*args)
    assert first.exit_code == 0, first.output
    assert "2 added" in first.stdout and "warning" not in first.stderr
    second = run(*args)
    assert "1 unchanged" in second.stdout and "0 added" in second.stdout

    publish(http_server, "/feed.xml", stories, version="v2")  # six more, slow to fetch
    proc = subprocess.Popen(
        [*entry_point(), "watch", "--interval", "30", "--no-extract"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while len(http_server.hits(stories[3])) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    out, errors = proc.communicate(timeout=60)
    assert proc.returncode == 0, errors
    assert "stopped; every finished entry is saved" in out
    fetched = [s for s in stories if http_server.hits(s)]
    assert len(fetched) < len(stories)  # it stopped mid-poll
    docs = json.loads(run("documents", "--json").stdout)
    assert len(docs) == len(fetched)  # whatever was fetched was committed

    last = run(*args)
    assert last.exit_code == 0, last.output
    docs = json.loads(run("documents", "--json").stdout)
    assert sorted(d["url"] for d in docs) == sorted(http_server.url(s) for s in stories)
    assert all(len(http_server.hits(s)) == 1 for s in stories)  # exactly once, across restarts


def test_cli_extracts_and_reassesses_new_entries(
    http_server: LocalServer, tmp_path: Path, run: Callable[..., Result]
) -> None:
    http_server.routes["/a"] = Route(page("A", "Turkey supplied drones to Azerbaijan, the "
                                          "ministry said on Monday."))  # fmt: skip
    publish(http_server, "/feed.xml", ["/a"], version="v1")
    result = run(*_watch_cli(tmp_path, http_server.url("/feed.xml"), "--once"))
    assert result.exit_code == 0, result.output
    assert "1 added" in result.stdout and "1 claims" in result.stdout
    assert "assess: 1 single-source" in result.stdout


def test_cli_refuses_a_missing_feed_list_and_warns_without_contact(
    tmp_path: Path, run: Callable[..., Result]
) -> None:
    missing = run("watch", "--once")
    assert missing.exit_code == 1 and "feeds.yaml: cannot read" in missing.stderr
    (tmp_path / "feeds.yaml").write_text("feeds:\n  - http://127.0.0.1:9/none.xml\n")
    result = run("watch", "--once", "--no-extract")
    assert result.exit_code == 1
    assert "contact setting is empty" in result.stderr
    assert "error: http://127.0.0.1:9/none.xml: cannot fetch" in result.stderr
