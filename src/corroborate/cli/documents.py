"""Commands over documents: init, ingest, documents, sources, errors, settings, demo."""

from __future__ import annotations

import signal
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from corroborate.assess_run import Assessment
from corroborate.claims_run import extract_ledger
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
from corroborate.cli.findings import STANCE_MODEL, assess_for, function_words
from corroborate.ingest import RegistryError, SourceRegistry, load_registries, parse_field_mapping
from corroborate.model import Metadata
from corroborate.pipeline import IngestReport, ingest
from corroborate.pool import PoolError
from corroborate.report.build import build_role_report, render_report
from corroborate.settings import Settings, SettingsError
from corroborate.stance import StanceModel
from corroborate.stance_run import link_assessment
from corroborate.store import Ledger, LedgerError, LedgerStats
from corroborate.workspace import Workspace, init_workspace, sample_corpus


@cli.command("init")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.pass_context
def init_cmd(ctx: click.Context, directory: Path | None) -> None:
    """Create a workspace: corroborate.toml, sources.yaml and the ledger."""
    target = directory or ctx.find_root().params.get("workspace") or Path.cwd()
    try:
        workspace, created = init_workspace(target, database_url=ctx.find_root().params.get("db"))
    except (LedgerError, SettingsError) as exc:
        fail(str(exc))
    for path in created:
        out.print(f"created {path}")
    out.print(f"workspace {workspace.root} ready; ledger at {workspace.settings.database_url}")


def _load_registry(workspace: Workspace, extra: tuple[Path, ...]) -> SourceRegistry:
    paths = ([workspace.registry_path] if workspace.registry_path.is_file() else []) + list(extra)
    try:
        return load_registries(paths)
    except RegistryError as exc:
        fail(str(exc))


def _print_report(report: IngestReport, *, quiet: bool) -> None:
    for failure in report.failures:
        err.print(f"error: {failure}", markup=False)
    if report.interrupted:
        err.print("interrupted: finished work is saved; run the same command again to resume")
    if quiet:
        return
    for warning in report.warnings:
        err.print(f"warning: {warning}", markup=False)
    parts = [
        f"{report.added} added",
        f"{report.existing} already in the ledger",
        f"{len(report.failures)} failed",
    ]
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped (unsupported file type)")
    out.print(f"ingest: {report.inputs} inputs; " + ", ".join(parts))
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
@click.option(
    "--sources",
    "registries",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A sources.yaml registry of outlets (repeatable; the workspace's is always read).",
)
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
                    batch=settings.commit_every,
                )  # fmt: skip
                report.interrupted = extracted.interrupted
                if not quiet:
                    out.print(
                        f"extract: {report.extracted + extracted.documents} documents, "
                        f"{report.claims + extracted.claims} claims ({report.where})"
                    )
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
    table = Table(
        "setting", "default", "help", title="settings (corroborate.toml or CORROBORATE_*)"
    )
    for name, default, help_text in Settings.describe():
        table.add_row(name, repr(default), help_text)
    out.print(table)


def print_summary(stats: LedgerStats, *, heading: str) -> None:
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
    articles, registry_file = sample_corpus()
    try:
        workspace, _created = init_workspace(
            directory, database_url=ctx.find_root().params.get("db")
        )
        registry = load_registries([registry_file])
        with workspace.open_ledger() as ledger:
            report = run_ingest(
                ledger, [str(articles)], settings=workspace.settings, registry=registry, quiet=False
            )
            _print_report(report, quiet=False)
            extracted = extract_ledger(ledger, extractor=make_extractor(workspace))
            out.print(f"extract: {extracted.documents} documents, {extracted.claims} claims")
            print_summary(ledger.stats(), heading=f"sample corpus in {workspace.root}")
            print_claims(ledger)
            linked = link_assessment(
                ledger, assess_for(ctx, ledger), predict=StanceModel.load().predict,
                model=STANCE_MODEL, stopwords=function_words(),
            )  # fmt: skip
            out.print(f"stance: {linked.stored} documents linked to propositions they address")
            assessment = assess_for(ctx, ledger)
            print_statuses(assessment)
            for actor in ("Turkey", "Russia"):
                role = build_role_report(ledger, actor, assessment=assessment)
                path = workspace.root / f"report-{actor.lower()}.html"
                path.write_text(render_report(role, "html"), encoding="utf-8")
                out.print(f"role report for {actor}: {path}")
            sources_table = Table("source", "kind", "affiliation", "docs")
            for s in ledger.list_sources():
                sources_table.add_row(s.name, s.kind or "", s.affiliation or "", str(s.documents))
            out.print(sources_table)
    except (LedgerError, RegistryError, SettingsError) as exc:
        fail(str(exc))
    if not report.ok:
        sys.exit(EXIT_INPUT_FAILED)
