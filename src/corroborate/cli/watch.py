"""`corroborate watch`: poll feeds, ingest new entries, extract and re-assess (thin)."""

from __future__ import annotations

import signal
import sys
import threading
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from corroborate.cli.app import EXIT_INPUT_FAILED, cli, err, fail, ledger_of, out, workspace_of
from corroborate.cli.claims import make_extractor
from corroborate.cli.documents import _load_registry, sources_option
from corroborate.cli.findings import assess_for

if TYPE_CHECKING:
    from corroborate.watch import PollReport

FEEDS_NAME = "feeds.yaml"


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ")


@cli.command("watch")
@click.option(
    "--feeds",
    "feeds_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help=f"The feeds to poll (default: {FEEDS_NAME} in the workspace).",
)
@click.option(
    "--interval",
    type=click.FloatRange(min=1),
    help="Seconds between polls (default: the watch_interval setting).",
)
@click.option("--once", is_flag=True, help="Poll every feed once, then exit.")
@click.option("--no-extract", is_flag=True, help="Store new documents without extracting claims.")
@sources_option
@click.pass_context
def watch_cmd(
    ctx: click.Context,
    feeds_file: Path | None,
    interval: float | None,
    once: bool,
    no_extract: bool,
    registries: tuple[Path, ...],
) -> None:
    """Poll RSS/Atom feeds, ingest each new entry once, extract its claims and re-assess.

    Conditional GET (ETag, If-Modified-Since), one request per host every host_delay seconds,
    a User-Agent naming the tool and the contact setting. SIGTERM or Ctrl-C stops it between two
    requests with every finished entry committed; exit status 0. With --once, 1 when any feed
    or entry failed.
    """
    from corroborate.claims_run import extract_ledger
    from corroborate.ingest.feeds import FeedListError, load_feeds
    from corroborate.watch import STATE_NAME, Poller, WatchState, watch

    workspace = workspace_of(ctx)
    settings = workspace.settings
    path = feeds_file or workspace.root / FEEDS_NAME
    try:
        feeds = load_feeds(path)
    except FeedListError as exc:
        fail(str(exc))
    if not feeds:
        fail(f"{path}: no feeds listed")
    if not settings.contact:
        err.print(
            "warning: the contact setting is empty: set it (corroborate.toml or "
            "CORROBORATE_CONTACT) so that site operators can reach you",
            markup=False,
        )
    registry = _load_registry(workspace, registries)
    stop = threading.Event()

    def on_signal(_signum: int, _frame: Any) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    failed = False
    try:
        with ledger_of(ctx) as ledger:
            extractor = None if no_extract else make_extractor(workspace)
            state = WatchState.load(workspace.root / STATE_NAME)
            poller = Poller(ledger, feeds, settings, state, registry=registry, stop=stop)

            def on_poll(report: PollReport) -> None:
                nonlocal failed
                failed |= bool(report.failures)
                for failure in report.failures:
                    err.print(f"error: {failure}", markup=False)
                out.print(
                    f"{_stamp()} watch: {report.feeds} feeds ({report.not_modified} unchanged); "
                    f"{report.added} added, {report.existing} already in the ledger, "
                    f"{len(report.failures)} failed",
                    markup=False,
                )
                if extractor is None or not report.added or stop.is_set():
                    return
                extracted = extract_ledger(ledger, extractor=extractor, should_stop=stop.is_set)
                statuses = Counter(p.status for p in assess_for(ctx, ledger).propositions)
                summary = ", ".join(f"{n} {s}" for s, n in statuses.most_common())
                out.print(
                    f"{_stamp()} extract: {extracted.documents} documents, "
                    f"{extracted.claims} claims; assess: {summary or 'no propositions'}",
                    markup=False,
                )

            try:
                watch(
                    poller,
                    interval=interval or settings.watch_interval,
                    once=once,
                    on_poll=on_poll,
                )
            finally:
                poller.close()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if stop.is_set():
        out.print(f"{_stamp()} watch: stopped; every finished entry is saved")
        return
    if once and failed:
        sys.exit(EXIT_INPUT_FAILED)
