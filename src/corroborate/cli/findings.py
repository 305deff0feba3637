"""Commands over findings: propositions, report, export, merge, split."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import TYPE_CHECKING, get_args

import click

from corroborate.cli.app import cli, fail, ledger_of, out, workspace_of
from corroborate.report.formats import ExportFormat, ReportFormat

if TYPE_CHECKING:
    from corroborate.assess_run import Assessment
    from corroborate.store import Ledger

STANCE_MODEL = "fnc1-lightgbm"


def function_words() -> frozenset[str]:
    """Words a search for a claim should not require: the knowledge base's function words."""
    from corroborate.extract import default_kb

    return default_kb().grammar.function_words


def _author() -> str:
    """Who made a review from the command line: the login name, for the audit log."""
    return f"cli:{getpass.getuser()}"


def assess_for(ctx: click.Context, ledger: Ledger) -> Assessment:
    """The ledger assessed with the workspace's settings (weights, thresholds, camps file)."""
    from corroborate.assess_run import assess_ledger, assessment_settings

    try:
        workspace = workspace_of(ctx)
        settings, camps = assessment_settings(workspace.settings, base=workspace.root)
    except ValueError as exc:
        fail(str(exc))
    return assess_ledger(ledger, settings=settings, camps=camps)


def _write(text: str, path: Path | None) -> None:
    if path is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    out.print(f"wrote {path}")


@cli.command("propositions")
@click.option("--actor", help="Only propositions whose subject is this actor.")
@click.option("--status", help="Only this status (corroborated, contested, single-source, ...).")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.pass_context
def propositions_cmd(
    ctx: click.Context, actor: str | None, status: str | None, as_json: bool
) -> None:
    """Claims grouped across documents, with their status and why."""
    from rich.table import Table

    with ledger_of(ctx) as ledger:
        assessment = assess_for(ctx, ledger)
    props = assessment.propositions
    props = [p for p in props if (actor is None or p.subject == actor)
             and (status is None or p.status == status)]  # fmt: skip
    if as_json:
        click.echo(json.dumps([p.to_dict() for p in props], ensure_ascii=False, indent=2))
        return
    table = Table("id", "status", "statement", "mentions", "docs", "first", "last",
                  title=f"{len(props)} propositions")  # fmt: skip
    for p in props:
        table.add_row(p.id, p.status, p.statement, str(len(p.claim_ids)), str(p.documents),
                      str(p.first_seen or ""), str(p.last_seen or ""))  # fmt: skip
    out.print(table)
    out.print(assessment.camps.summary(), markup=False)


@cli.command("report")
@click.option("--actor", required=True, help="The actor whose role to report (canonical name).")
@click.option("--format", "fmt", type=click.Choice(get_args(ReportFormat)), default="md",
              show_default=True)  # fmt: skip
@click.option("--out", "path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")  # fmt: skip
@click.pass_context
def report_cmd(ctx: click.Context, actor: str, fmt: ReportFormat, path: Path | None) -> None:
    """The role of an actor: corroborated, contested, denied, single-source, with evidence."""
    from corroborate.report.build import build_role_report, render_report

    with ledger_of(ctx) as ledger:
        report = build_role_report(
            ledger, actor, assessment=assess_for(ctx, ledger), with_charts=fmt == "html"
        )
        _write(render_report(report, fmt), path)


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(get_args(ExportFormat)), required=True,
              help="csv/jsonl: claims with proposition and status; claimreview: schema.org "
              "JSON-LD; events: CAMEO-style event table.")  # fmt: skip
@click.option("--out", "path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")  # fmt: skip
@click.pass_context
def export_cmd(ctx: click.Context, fmt: ExportFormat, path: Path | None) -> None:
    """Export claims, propositions or events for other tools."""
    from corroborate.report.build import export

    with ledger_of(ctx) as ledger:
        _write(export(ledger, fmt, assessment=assess_for(ctx, ledger)), path)


@cli.command("merge")
@click.argument("source")
@click.argument("target")
@click.option("--note", default="", help="Why they are the same proposition.")
@click.pass_context
def merge_cmd(ctx: click.Context, source: str, target: str, note: str) -> None:
    """Merge proposition SOURCE into TARGET (ids from `propositions`); survives re-extraction."""
    from corroborate import reviews

    with ledger_of(ctx) as ledger:
        by_id = {p.id: p for p in assess_for(ctx, ledger).propositions}
        missing = [i for i in (source, target) if i not in by_id]
        if missing:
            fail(f"no proposition {', '.join(missing)} (see `corroborate propositions`)")
        try:
            reviews.merge(ledger, by_id[source], by_id[target], author=_author(), note=note)
        except reviews.ReviewError as exc:
            fail(str(exc))
    out.print(f"merged {source} into {target}")


@cli.command("split")
@click.argument("source")
@click.option(
    "--field",
    "field_name",
    required=True,
    type=click.Choice(["outlet", "speaker", "object", "evidence", "affiliation"]),
)
@click.option("--value", required=True, help="Claims whose field contains this move out.")
@click.option("--label", required=True, help="A name for the new proposition.")
@click.option("--note", default="")
@click.pass_context
def split_cmd(
    ctx: click.Context, source: str, field_name: str, value: str, label: str, note: str
) -> None:
    """Split claims out of proposition SOURCE into a new one; survives re-extraction."""
    from corroborate import reviews

    with ledger_of(ctx) as ledger:
        assessment = assess_for(ctx, ledger)
        by_id = {p.id: p for p in assessment.propositions}
        if source not in by_id:
            fail(f"no proposition {source} (see `corroborate propositions`)")
        p = by_id[source]
        moved = sum(
            1
            for cid in p.claim_ids
            if value.lower() in str(getattr(assessment.claims[cid], field_name, "") or "").lower()
        )
        try:
            reviews.split(
                ledger, p, moved, field_name=field_name, value=value, label=label,
                author=_author(), note=note,
            )  # fmt: skip
        except reviews.ReviewError as exc:
            fail(str(exc))
    out.print(f"split claims with {field_name} containing {value!r} out of {source}")


@cli.command("check")
@click.argument("claim")
@click.option("--limit", type=click.IntRange(min=1, max=500), default=30, show_default=True,
              help="How many retrieved documents to label.")  # fmt: skip
@click.option("--all", "show_all", is_flag=True, help="Also list documents labelled unrelated.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.pass_context
def check_cmd(ctx: click.Context, claim: str, limit: int, show_all: bool, as_json: bool) -> None:
    """Documents in the ledger that address CLAIM: agree, disagree or discuss, with the passage."""
    from rich.table import Table

    from corroborate.check import check_claim
    from corroborate.cli.claims import make_extractor
    from corroborate.stance import StanceModel

    stopwords = function_words()
    model = StanceModel.load()
    extractor = make_extractor(workspace_of(ctx))
    with ledger_of(ctx) as ledger:
        results = check_claim(
            ledger, claim, stance=model.predict, limit=limit, stopwords=stopwords,
            extractor=extractor,
        )  # fmt: skip
    if not show_all:
        results = [r for r in results if r.label != "unrelated"]
    if as_json:
        rows = [_as_dict(r) for r in results]
        click.echo(json.dumps(rows, default=str, ensure_ascii=False, indent=2))
        return
    table = Table(
        "doc", "label", "conf", "by", "outlet", "date", "passage", title=f"{len(results)} documents"
    )
    for r in results:
        by = "claims" if r.decided_by == "extracted claims" else "model"
        table.add_row(str(r.document_id), r.label, f"{r.confidence:.2f}", by, r.source or "",
                      str(r.published or ""), _cut(r.passage or "", PASSAGE_CHARS))  # fmt: skip
    out.print(table, markup=False)


PASSAGE_CHARS = 160


def _cut(text: str, n: int) -> str:
    """At most n characters, cut at a word, with an ellipsis when anything was left out."""
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    space = text.rfind(" ", 0, n - 1)
    return text[: space if space > n // 2 else n - 1].rstrip(" ,;:") + "…"


def _as_dict(obj: object) -> dict[str, object]:
    from dataclasses import asdict, is_dataclass

    assert is_dataclass(obj) and not isinstance(obj, type)
    return asdict(obj)


@cli.command("link-stance")
@click.option("--per-proposition", type=click.IntRange(min=1, max=200), default=15,
              show_default=True, help="Documents retrieved per proposition.")  # fmt: skip
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.7, show_default=True)
@click.pass_context
def link_stance_cmd(ctx: click.Context, per_proposition: int, min_confidence: float) -> None:
    """Label documents that address a proposition without an extracted claim (agree/disagree),
    and store that as stance evidence the assessment weighs lower."""
    from corroborate.stance import StanceModel
    from corroborate.stance_run import link_assessment

    stopwords = function_words()
    model = StanceModel.load()
    with ledger_of(ctx) as ledger:
        report = link_assessment(
            ledger, assess_for(ctx, ledger), predict=model.predict, model=STANCE_MODEL,
            per_proposition=per_proposition, min_confidence=min_confidence, stopwords=stopwords,
        )  # fmt: skip
    labelled = f"{report.pairs} document-proposition pairs labelled"
    out.print(f"stance: {labelled}, {report.stored} agree/disagree kept")
