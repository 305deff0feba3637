"""The command group and what every command shares: workspace, ledger, output, signals."""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from corroborate import __version__
from corroborate.settings import SettingsError

if TYPE_CHECKING:
    from corroborate.store import Ledger
    from corroborate.workspace import Workspace

# Nothing heavy is imported here or in the command modules at import time: each command imports
# what it needs when it runs, so `corroborate --help` does not load the store, the extractor,
# the charts or the web app (tests/cli/test_startup.py guards this; benchmarks/cli_bench.py
# measures it).

EXIT_INPUT_FAILED = 1
EXIT_INTERRUPTED = 130

# Piped output gets wide tables rather than the 80 columns rich assumes off a terminal.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str) -> NoReturn:
    raise click.ClickException(message)


def workspace_of(ctx: click.Context) -> Workspace:
    from corroborate.workspace import open_workspace

    opts = ctx.find_root().params
    try:
        return open_workspace(opts.get("workspace"), database_url=opts.get("db"))
    except SettingsError as exc:
        fail(str(exc))


def ledger_of(ctx: click.Context) -> Ledger:
    from corroborate.store import LedgerError

    try:
        return workspace_of(ctx).open_ledger()
    except LedgerError as exc:
        fail(str(exc))


def to_json(value: Any) -> str:
    def default(o: Any) -> Any:
        if isinstance(o, date):
            return o.isoformat()
        if dataclasses.is_dataclass(o) and not isinstance(o, type):
            return dataclasses.asdict(o)
        raise TypeError(type(o).__name__)

    return json.dumps(value, default=default, ensure_ascii=False, indent=2)


def date_option(_ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    from corroborate.ingest.text import parse_date

    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param=param) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="corroborate")
@click.option("--db", metavar="URL", help="Ledger database URL (default: the workspace's).")
@click.option(
    "-w",
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    help="Workspace folder (default: the nearest with corroborate.toml, else the current one).",
)
def cli(db: str | None, workspace: Path | None) -> None:
    """Who claims what, who denies it, who merely repeats it."""


@contextmanager
def progress_display(
    description: str, *, total: int | None, quiet: bool
) -> Iterator[Callable[[int], None]]:
    """A progress line on stderr (count, rate, ETA) while the block runs; `quiet` or output not
    to a terminal shows nothing. Yields a function to call with the count done so far."""
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=True,
    )
    task = progress.add_task(description, total=total, rate="")
    started = time.monotonic()

    def advance(done: int) -> None:
        elapsed = time.monotonic() - started
        rate = f"{done / elapsed:,.0f}/s" if elapsed > 0 else ""
        progress.update(task, completed=done, rate=rate)

    with progress:
        yield advance


class StopRequest:
    """First SIGINT/SIGTERM asks the batch to stop at the next input; a second one aborts."""

    def __init__(self) -> None:
        self.requested = False

    def __call__(self, _signum: int, _frame: Any) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def is_set(self) -> bool:
        return self.requested
