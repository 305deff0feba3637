"""Commands over claims: extract, eval, claims, reextract."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from corroborate.cli.app import (
    EXIT_INPUT_FAILED,
    EXIT_INTERRUPTED,
    StopRequest,
    cli,
    err,
    fail,
    ledger_of,
    out,
    progress_display,
    to_json,
    workspace_of,
)

if TYPE_CHECKING:
    from rich.table import Table

    from corroborate.claims_run import FileExtraction
    from corroborate.extract import Extractor
    from corroborate.work import ExtractorSpec
    from corroborate.workspace import Workspace

lexicons_option = click.option(
    "--lexicons",
    multiple=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A folder of extra lexicon YAML files (repeatable).",
)


def extractor_spec(workspace: Workspace, extra: tuple[Path, ...] = ()) -> ExtractorSpec:
    """The extractor the workspace asks for, as worker processes build it (checked here)."""
    from corroborate.work import ExtractorSpec, extractor_for

    folders = [str(Path(p).resolve()) for p in workspace.settings.lexicons.split(os.pathsep) if p]
    if (workspace.root / "lexicons").is_dir():
        folders.append(str(workspace.root / "lexicons"))
    folders.extend(str(Path(p).resolve()) for p in extra)
    spec = ExtractorSpec("en", tuple(folders))
    try:
        extractor_for(spec)
    except ValueError as exc:
        fail(str(exc))
    return spec


def make_extractor(workspace: Workspace, extra: tuple[Path, ...] = ()) -> Extractor:
    from corroborate.work import extractor_for

    return extractor_for(extractor_spec(workspace, extra))


workers_option = click.option(
    "--workers",
    type=click.IntRange(min=0),
    help="Worker processes for building and extracting (default: setting `workers`, 0: every "
    "core).",
)
scheduler_option = click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="Extract on this Dask cluster instead (default: setting `scheduler`).",
)


def _claims_table(items: list[FileExtraction]) -> Table:
    from rich.table import Table

    table = Table("doc", "subject", "relation", "object", "recipient", "qty", "speaker", "pol",
                  "hedged", "evidence", title="claims")  # fmt: skip
    for item in items:
        for c in item.extraction.claims:
            qty = "" if c.quantity is None else c.quantity.span()
            table.add_row(item.doc, c.subject or "-", c.relation, c.object or "", c.recipient or "",
                          qty, c.speaker, c.polarity, "yes" if c.hedged else "",
                          c.evidence.text[:60])  # fmt: skip
    return table


@cli.command("extract")
@click.argument("targets", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl",
              show_default=True)  # fmt: skip
@click.option("--framing", is_flag=True, help="Also print framing markers (JSONL, kind=framing).")
@click.option("--field", "fields", multiple=True, metavar="FIELD=COLUMN",
              help="Map a JSONL/CSV column to a field, as for ingest.")  # fmt: skip
@click.option("--encoding", default="utf-8", show_default=True)
@lexicons_option
@click.pass_context
def extract_cmd(
    ctx: click.Context,
    targets: tuple[str, ...],
    fmt: str,
    framing: bool,
    fields: tuple[str, ...],
    encoding: str,
    lexicons: tuple[Path, ...],
) -> None:
    """Print the claims in files, folders or URLs (claims-contract JSONL, or a table)."""
    from corroborate.claims_run import FileExtraction, extract_files
    from corroborate.ingest import parse_field_mapping

    try:
        mapping = parse_field_mapping(fields)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--field") from None
    workspace = workspace_of(ctx)
    extractor = make_extractor(workspace, lexicons)
    failed = 0
    collected: list[FileExtraction] = []
    for item in extract_files(
        list(targets), extractor=extractor, settings=workspace.settings, fields=mapping,
        encoding=encoding,
    ):  # fmt: skip
        if not isinstance(item, FileExtraction):
            err.print(f"error: {item}", markup=False)
            failed += 1
            continue
        for note in item.extraction.notes:
            err.print(f"note: {item.doc}: {note}", markup=False)
        if fmt == "table":
            collected.append(item)
            continue
        for claim in item.extraction.claims:
            click.echo(json.dumps(claim.to_contract(), ensure_ascii=False))
        if framing:
            for mark in item.extraction.framing:
                record = {"doc": item.doc, "kind": "framing", "term": mark.term,
                          "side": mark.side, "start": mark.start, "end": mark.end}  # fmt: skip
                click.echo(json.dumps(record, ensure_ascii=False))
    if fmt == "table":
        out.print(_claims_table(collected))
    if failed:
        sys.exit(EXIT_INPUT_FAILED)


@cli.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.argument("targets", nargs=-1, required=True)
@click.option("--loose", is_flag=True, help="Ignore object and recipient; speaker as author/other.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="Only the score line, not missed/spurious.")
@lexicons_option
@click.pass_context
def eval_cmd(
    ctx: click.Context,
    gold: Path,
    targets: tuple[str, ...],
    loose: bool,
    as_json: bool,
    quiet: bool,
    lexicons: tuple[Path, ...],
) -> None:
    """Extract claims from TARGETS and score them against GOLD (claims-contract JSONL)."""
    from corroborate.claims_run import FileExtraction, extract_files
    from corroborate.evaluate import iter_lines, load_jsonl, score

    try:
        gold_claims = load_jsonl(gold)
    except ValueError as exc:
        fail(str(exc))
    workspace = workspace_of(ctx)
    extractor = make_extractor(workspace, lexicons)
    predicted: list[dict[str, object]] = []
    for item in extract_files(list(targets), extractor=extractor, settings=workspace.settings):
        if isinstance(item, FileExtraction):
            predicted.extend(c.to_contract() for c in item.extraction.claims)
        else:
            err.print(f"error: {item}", markup=False)
    result = score(gold_claims, predicted, loose=loose)
    if as_json:
        click.echo(json.dumps(result.summary()))
        return
    if not quiet:
        for line in iter_lines(result):
            click.echo(line)
    click.echo(
        f"precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}  "
        f"(tp {result.tp}, predicted {result.predicted}, gold {result.gold_required}; "
        f"hedged acc {result.hedged_accuracy}, quantity acc {result.quantity_accuracy})"
    )


@cli.command("claims")
@click.option("--subject", help="Only claims about this actor (canonical name).")
@click.option("--relation", help="Only this relation.")
@click.option("--speaker", help="Only claims voiced by this speaker ('author' for the texts).")
@click.option("--document", "document_id", type=int, help="Only claims of this document id.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.pass_context
def claims_cmd(
    ctx: click.Context,
    subject: str | None,
    relation: str | None,
    speaker: str | None,
    document_id: int | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """List the claims stored in the ledger."""
    from rich.table import Table

    with ledger_of(ctx) as ledger:
        rows = ledger.list_claims(subject=subject, relation=relation, speaker=speaker,
                                  document_id=document_id, limit=limit)  # fmt: skip
    if as_json:
        out.print(to_json(rows), markup=False)
        return
    table = Table("doc", "date", "source", "speaker", "pol", "subject", "relation", "object",
                  "recipient", "evidence", title=f"{len(rows)} claims")  # fmt: skip
    for r in rows:
        table.add_row(str(r.document_id), r.published.isoformat() if r.published else "",
                      r.source or "", r.speaker, r.polarity + ("?" if r.hedged else ""),
                      r.subject or "-", r.relation, r.object or "", r.recipient or "",
                      r.evidence_text[:60])  # fmt: skip
    out.print(table)


@cli.command("reextract")
@click.option(
    "--all", "everything", is_flag=True, help="Re-extract every document, not only stale ones."
)
@lexicons_option
@workers_option
@scheduler_option
@click.option("-q", "--quiet", is_flag=True, help="No progress display and no summary line.")
@click.pass_context
def reextract_cmd(
    ctx: click.Context,
    everything: bool,
    lexicons: tuple[Path, ...],
    workers: int | None,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Extract claims from documents not yet extracted by this extractor version.

    Exit status 130 when interrupted (finished work is kept; run again to resume)."""
    from corroborate.claims_run import extract_ledger
    from corroborate.pool import PoolError
    from corroborate.work import extractor_for

    workspace = workspace_of(ctx)
    settings = workspace.settings.replace(workers=workers, scheduler=scheduler)
    spec = extractor_spec(workspace, lexicons)
    version = extractor_for(spec).version
    stop = StopRequest()
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with ledger_of(ctx) as ledger:
            if everything:
                ledger.reset_extractions()
            total = ledger.pending_count(version)
            with progress_display("extracting", total=total, quiet=quiet) as advance:
                report = extract_ledger(
                    ledger, extractor=spec, workers=settings.workers,
                    scheduler=settings.scheduler, should_stop=stop.is_set,
                    batch=settings.commit_every, on_written=advance,
                    max_seconds=settings.max_extract_seconds,
                    max_claims=settings.max_claims_per_document,
                )  # fmt: skip
    except PoolError as exc:
        fail(str(exc))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if not quiet:
        out.print(
            f"extract: {report.documents} documents, {report.claims} claims, "
            f"{report.framing} framing markers (extractor {version})"
        )
    if report.interrupted:
        err.print("interrupted: finished work is saved; run the same command again to resume")
        sys.exit(EXIT_INTERRUPTED)
