"""Commands over documents: init, ingest, documents, sources, errors, settings, demo."""

from __future__ import annotations

import signal
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from corroborate.cli.app import (
    EXIT_INPUT_FAILED,
    EXIT_INTERRUPTED,
    StopRequest,
    cli,
    date_option,
    err,
    fail,
    ledger_of,
    out,
    progress_display,
    to_json,
    workspace_of,
)
from corroborate.cli.claims import (
    extractor_spec,
    make_extractor,
    scheduler_option,
    workers_option,
)
from corroborate.cli.findings import STANCE_MODEL, function_words
from corroborate.settings import Settings, SettingsError

SAMPLE_CAMPS = "karabakh-2020"  # the sample corpus's conflict

if TYPE_CHECKING:
    from corroborate.assess_run import Assessment
    from corroborate.ingest import SourceRegistry
    from corroborate.pipeline import IngestReport
    from corroborate.store import Ledger, LedgerStats
    from corroborate.workspace import Workspace


# the outlet registries a command reads besides the workspace's (ingest, watch)
sources_option = click.option(
    "--sources",
    "registries",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A sources.yaml registry of outlets (repeatable; the workspace's is always read).",
)


@cli.command("init")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--camps",
    metavar="NAME",
    help="The conflict's camps: a bundled name (see `corroborate camps`) or a camps YAML file.",
)
@click.pass_context
def init_cmd(ctx: click.Context, directory: Path | None, camps: str | None) -> None:
    """Create a workspace: corroborate.toml, sources.yaml and the ledger."""
    from corroborate.assess.camps import CAMPS_HELP, resolve_camps
    from corroborate.store import LedgerError
    from corroborate.workspace import init_workspace

    target = directory or ctx.find_root().params.get("workspace") or Path.cwd()
    try:
        if camps:
            resolve_camps(camps, base=target.resolve())  # a typo fails before anything is written
        workspace, created = init_workspace(
            target, database_url=ctx.find_root().params.get("db"), camps=camps
        )
    except (LedgerError, SettingsError, ValueError) as exc:
        fail(str(exc))
    for path in created:
        out.print(f"created {path}")
    out.print(f"workspace {workspace.root} ready; ledger at {workspace.settings.database_url}")
    if workspace.settings.camps:
        out.print(f"camps: {workspace.settings.camps}")
    else:
        out.print(f"camps: unset (every state is its own voice); {CAMPS_HELP}", markup=False)


@cli.command("camps")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of text.")
@click.pass_context
def camps_cmd(ctx: click.Context, as_json: bool) -> None:
    """The bundled conflicts' camps, with their sources, and the workspace's choice."""
    from corroborate.assess.camps import CAMPS_HELP, bundled_camps, bundled_conflicts

    chosen = workspace_of(ctx).settings.camps
    known = set(make_extractor(workspace_of(ctx)).kb.actor_types)
    listed = {name: bundled_camps(name) for name in bundled_conflicts()}
    if as_json:
        data = {
            "workspace": chosen or None,
            "bundled": {
                name: {"conflict": c.conflicts[0], "sources": list(c.sources),
                       "camps": sorted(set(c.actor_camp.values())),
                       "actors": c.actor_camp,
                       "unknown_to_knowledge_base": sorted(set(c.actor_camp) - known)}
                for name, c in listed.items()
            },
        }  # fmt: skip
        click.echo(to_json(data))
        return
    for name, c in listed.items():
        mark = " (this workspace)" if name in chosen.split(",") else ""
        out.print(f"[bold]{name}[/bold]{mark}: {c.conflicts[0]}")
        for camp in sorted(set(c.actor_camp.values())):
            members = ", ".join(a for a, k in c.actor_camp.items() if k == camp)
            out.print(f"  {camp}: {members}", markup=False)
        for source in c.sources:
            out.print(f"  source: {source}", markup=False)
        if unknown := sorted(a for a in c.actor_camp if a not in known):
            out.print(
                f"  not in the knowledge base (add them to lexicons/): {', '.join(unknown)}",
                markup=False,
            )
    if chosen:
        out.print(f"this workspace: camps = {chosen!r}", markup=False)
    else:
        out.print(f"this workspace: camps unset; {CAMPS_HELP}", markup=False)


def _load_registry(workspace: Workspace, extra: tuple[Path, ...]) -> SourceRegistry:
    from corroborate.ingest import RegistryError, load_registries

    paths = ([workspace.registry_path] if workspace.registry_path.is_file() else []) + list(extra)
    try:
        return load_registries(paths)
    except RegistryError as exc:
        fail(str(exc))


UNKNOWN_SHOWN = 10  # names an ingest summary lists; the role report lists more


def unknown_line(names: set[str] | frozenset[str]) -> str | None:
    """The ingest summary's line about names the knowledge base lacks (None when there are none):
    they count as their own voices with no camp, which a reader must know."""
    if not names:
        return None
    listed = sorted(names)
    shown = ", ".join(listed[:UNKNOWN_SHOWN])
    more = f" and {len(listed) - UNKNOWN_SHOWN} more" if len(listed) > UNKNOWN_SHOWN else ""
    return (
        f"unknown actors: {len(listed)} name{'s' if len(listed) != 1 else ''} not in the "
        f"knowledge base ({shown}{more}): none has a type, a state or a camp, so claims made by "
        "or about them may be missed. A lexicon file in the workspace's lexicons/ folder can "
        "give them aliases, a type and a state; `corroborate report` lists them all."
    )


def _as_named(slowest: tuple[int, float] | None) -> tuple[str, float] | None:
    return (f"document {slowest[0]}", slowest[1]) if slowest else None


def _print_report(report: IngestReport, *, quiet: bool) -> None:
    for failure in report.failures:
        err.print(f"error: {failure}", markup=False)
    if report.interrupted:
        err.print("interrupted: finished work is saved; run the same command again to resume")
    if quiet:
        return
    for warning in report.warnings:
        err.print(f"warning: {warning}", markup=False)
    out.print(report.summary(), markup=False)
    if report.slowest is not None:
        out.print(f"slowest input: {report.slowest[1]:.2f} s, {report.slowest[0]}", markup=False)
    if report.failures:
        out.print("see `corroborate errors` for the full list with reasons")


def run_ingest(
    ledger: Ledger,
    targets: list[str],
    *,
    settings: Settings,
    registry: SourceRegistry,
    quiet: bool,
    **kwargs: Any,
) -> IngestReport:
    from corroborate.pipeline import ingest

    with progress_display("ingesting", total=None, quiet=quiet) as advance:
        return ingest(
            ledger, targets, settings=settings, registry=registry, on_written=advance, **kwargs
        )


@cli.command("ingest")
@click.argument("targets", nargs=-1, required=True)
@click.option("--source", help="Outlet name for every input (overrides file metadata).")
@click.option("--date", "published", callback=date_option, help="Publication date, YYYY-MM-DD.")
@click.option("--url", help="Original URL of the document.")
@click.option("--title", help="Title of the document.")
@click.option("--author", help="Author of the document.")
@click.option("--language", help="ISO 639-1 code; detected when not given.")
@sources_option
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="Map a JSONL/CSV column to a field: text, title, date, url, source, author, language, id.",
)
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of inputs.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.option("--no-extract", is_flag=True, help="Store documents without extracting claims.")
@workers_option
@scheduler_option
@click.pass_context
def ingest_cmd(
    ctx: click.Context,
    targets: tuple[str, ...],
    source: str | None,
    published: date | None,
    url: str | None,
    title: str | None,
    author: str | None,
    language: str | None,
    registries: tuple[Path, ...],
    fields: tuple[str, ...],
    encoding: str,
    quiet: bool,
    no_extract: bool,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Ingest files, folders (recursively) and http(s) URLs into the ledger, and extract claims.

    Exit status: 0 when every input was stored or already present, 1 when any failed,
    130 when interrupted (finished work is kept; run again to resume).
    """
    from corroborate.claims_run import extract_ledger
    from corroborate.ingest import parse_field_mapping
    from corroborate.ingest.feeds import FeedListError
    from corroborate.model import Metadata
    from corroborate.pipeline import expand_feed_lists
    from corroborate.pool import PoolError

    try:
        mapping = parse_field_mapping(fields)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--field") from None
    workspace = workspace_of(ctx)
    settings = workspace.settings.replace(workers=workers, scheduler=scheduler)
    spec = None if no_extract else extractor_spec(workspace)
    registry = _load_registry(workspace, registries)
    overrides = Metadata(
        source=source, url=url, title=title, author=author, published=published, language=language
    )
    stop = StopRequest()
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with ledger_of(ctx) as ledger:
            try:
                expand_feed_lists(targets)  # a feeds.yaml that cannot be read is a usage error
            except FeedListError as exc:
                fail(str(exc))
            report = run_ingest(
                ledger,
                list(targets),
                settings=settings,
                registry=registry,
                quiet=quiet,
                overrides=overrides,
                fields=mapping,
                encoding=encoding,
                should_stop=stop.is_set,
                extractor=spec,
            )
            if spec is not None and not report.interrupted:
                # documents stored earlier without claims, or by an older extractor
                extracted = extract_ledger(
                    ledger, extractor=spec, workers=settings.workers,
                    scheduler=settings.scheduler, should_stop=stop.is_set,
                    batch=settings.commit_every, max_seconds=settings.max_extract_seconds,
                    max_claims=settings.max_claims_per_document,
                )  # fmt: skip
                report.interrupted = extracted.interrupted
                if not quiet:
                    slow = max(
                        [s for s in (report.slowest_extraction, _as_named(extracted.slowest)) if s],
                        key=lambda s: s[1],
                        default=None,
                    )
                    out.print(
                        f"extract: {report.extracted + extracted.documents} documents, "
                        f"{report.claims + extracted.claims} claims ({report.where})"
                        + (f"; slowest: {slow[1]:.2f} s, {slow[0]}" if slow else "")
                    )
                    if line := unknown_line(report.unknown | extracted.unknown):
                        out.print(line, markup=False)
    except PoolError as exc:
        fail(str(exc))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    _print_report(report, quiet=quiet)
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if report.failures:
        sys.exit(EXIT_INPUT_FAILED)


@cli.command("documents")
@click.option("--source", help="Only documents of this outlet.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many rows.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.pass_context
def documents_cmd(
    ctx: click.Context, source: str | None, limit: int | None, offset: int, as_json: bool
) -> None:
    """List documents in the ledger, oldest first."""
    from rich.table import Table

    with ledger_of(ctx) as ledger:
        rows = ledger.list_documents(source=source, limit=limit, offset=offset)
    if as_json:
        out.print(to_json(rows), markup=False)
        return
    table = Table("id", "date", "source", "title", "lang", "chars", title=f"{len(rows)} documents")
    for r in rows:
        table.add_row(
            str(r.id),
            r.published.isoformat() if r.published else "",
            r.source or "",
            (r.title or r.origin)[:70],
            r.language or "",
            str(r.chars),
        )
    out.print(table)


@cli.command("sources")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.pass_context
def sources_cmd(ctx: click.Context, as_json: bool) -> None:
    """List outlets with their kind, affiliation group and document count."""
    from rich.table import Table

    with ledger_of(ctx) as ledger:
        rows = ledger.list_sources()
    if as_json:
        out.print(to_json(rows), markup=False)
        return
    table = Table("name", "kind", "affiliation", "country", "domains", "docs", title="sources")
    for r in rows:
        table.add_row(
            r.name,
            r.kind or "",
            r.affiliation or "",
            r.country or "",
            " ".join(r.domains),
            str(r.documents),
        )
    out.print(table)


@cli.command("errors")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of lines.")
@click.pass_context
def errors_cmd(ctx: click.Context, as_json: bool) -> None:
    """List inputs that failed to ingest, with reasons (a later success removes them)."""
    with ledger_of(ctx) as ledger:
        rows = ledger.list_errors()
    if as_json:
        out.print(to_json(rows), markup=False)
        return
    for r in rows:
        out.print(f"{r.location}: {r.reason}", markup=False)
    out.print(f"{len(rows)} errors")


@cli.command("settings")
def settings_cmd() -> None:
    """List every setting with its default and help."""
    from rich.table import Table

    table = Table(
        "setting", "default", "help", title="settings (corroborate.toml or CORROBORATE_*)"
    )
    for name, default, help_text in Settings.describe():
        table.add_row(name, repr(default), help_text)
    out.print(table)


def print_summary(stats: LedgerStats, *, heading: str) -> None:
    from rich.table import Table

    span = (
        f"{stats.first_published} to {stats.last_published}" if stats.first_published else "undated"
    )
    out.print(f"[bold]{heading}[/bold]")
    out.print(
        f"{stats.documents} documents from {stats.sources} sources, {stats.words:,} words, {span}; "
        f"{stats.errors} ingest errors"
    )
    table = Table("affiliation group", "documents", title="by affiliation")
    for group, n in stats.by_affiliation.items():
        table.add_row(group, str(n))
    out.print(table)
    langs = ", ".join(f"{k} {v}" for k, v in stats.by_language.items())
    out.print(f"languages: {langs}")


def print_claims(ledger: Ledger, *, actors: tuple[str, ...] = ("Turkey", "Russia")) -> None:
    from rich.table import Table

    stats = ledger.claim_stats()
    table = Table("relation", "affirm", "deny", title=f"{stats.claims} claims by relation")
    for relation, counts in stats.by_relation.items():
        table.add_row(relation, str(counts.get("affirm", 0)), str(counts.get("deny", 0)))
    out.print(table)
    for actor in actors:
        rows = ledger.list_claims(subject=actor)
        claims_table = Table("date", "outlet", "speaker", "says", "relation", "object", "recipient",
                             "evidence", title=f"claims about {actor}: {len(rows)}")  # fmt: skip
        for r in rows:
            says = r.polarity + (" (hedged)" if r.hedged else "")
            claims_table.add_row(r.published.isoformat() if r.published else "", r.source or "",
                                 r.speaker, says, r.relation, r.object or "", r.recipient or "",
                                 r.evidence_text[:70])  # fmt: skip
        out.print(claims_table)


def print_statuses(assessment: Assessment) -> None:
    from rich.table import Table

    table = Table("status", "propositions", title=f"{len(assessment.propositions)} propositions")
    for status, n in Counter(p.status for p in assessment.propositions).most_common():
        table.add_row(status, str(n))
    out.print(table)


@cli.command("demo")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("demo-workspace"),
    show_default=True,
    help="Workspace folder for the demo.",
)
@click.pass_context
def demo_cmd(ctx: click.Context, directory: Path) -> None:
    """Ingest the sample corpus, extract and assess claims, write HTML role reports."""
    from rich.table import Table

    from corroborate.assess_run import assess_ledger, assessment_settings
    from corroborate.claims_run import extract_ledger
    from corroborate.ingest import RegistryError, load_registries
    from corroborate.report.build import build_role_report, render_report
    from corroborate.stance import StanceModel
    from corroborate.stance_run import link_assessment
    from corroborate.store import LedgerError
    from corroborate.workspace import init_workspace, open_workspace, sample_corpus

    articles, registry_file = sample_corpus()
    try:
        workspace, _created = init_workspace(
            directory, database_url=ctx.find_root().params.get("db"), camps=SAMPLE_CAMPS
        )
        if not workspace.settings.camps:  # a demo workspace made before camps were a setting
            config = workspace.root / "corroborate.toml"
            with config.open("a", encoding="utf-8") as f:
                f.write(f'camps = "{SAMPLE_CAMPS}"\n')
            workspace = open_workspace(
                workspace.root, database_url=ctx.find_root().params.get("db")
            )
        assess_settings, camps = assessment_settings(workspace.settings, base=workspace.root)
        registry = load_registries([registry_file])
        with workspace.open_ledger() as ledger:
            report = run_ingest(
                ledger, [str(articles)], settings=workspace.settings, registry=registry, quiet=False
            )
            _print_report(report, quiet=False)
            extracted = extract_ledger(ledger, extractor=make_extractor(workspace))
            out.print(f"extract: {extracted.documents} documents, {extracted.claims} claims")
            if line := unknown_line(report.unknown | extracted.unknown):
                out.print(line, markup=False)
            print_summary(ledger.stats(), heading=f"sample corpus in {workspace.root}")
            print_claims(ledger)
            linked = link_assessment(
                ledger, assess_ledger(ledger, settings=assess_settings, camps=camps),
                predict=StanceModel.load().predict,
                model=STANCE_MODEL, stopwords=function_words(),
            )  # fmt: skip
            out.print(f"stance: {linked.stored} documents linked to propositions they address")
            assessment = assess_ledger(ledger, settings=assess_settings, camps=camps)
            print_statuses(assessment)
            out.print(assessment.camps.summary(), markup=False)
            for actor in ("Turkey", "Russia"):
                role = build_role_report(ledger, actor, assessment=assessment)
                path = workspace.root / f"report-{actor.lower()}.html"
                path.write_text(render_report(role, "html"), encoding="utf-8")
                out.print(f"role report for {actor}: {path}")
            sources_table = Table("source", "kind", "affiliation", "docs")
            for s in ledger.list_sources():
                sources_table.add_row(s.name, s.kind or "", s.affiliation or "", str(s.documents))
            out.print(sources_table)
    except (LedgerError, RegistryError, SettingsError, ValueError) as exc:
        fail(str(exc))
    if not report.ok:
        sys.exit(EXIT_INPUT_FAILED)
