"""Building reports and exports from a ledger: the library functions behind the CLI."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

from corroborate.assess_run import Assessment, assess_ledger
from corroborate.extract import default_kb
from corroborate.report import charts
from corroborate.report.exports import (
    CLAIM_FIELDS,
    EVENT_FIELDS,
    claim_rows,
    claimreview,
    event_rows,
    to_csv,
    to_jsonl,
)
from corroborate.report.formats import ExportFormat, ReportFormat
from corroborate.report.render import to_html, to_json, to_markdown
from corroborate.report.role import (
    UNKNOWN_LISTED,
    RoleReport,
    attach_sentences,
    quoted_documents,
    role_report,
)
from corroborate.store import Ledger

__all__ = ["ExportFormat", "ReportFormat", "build_role_report", "export", "render_report"]


def build_role_report(
    ledger: Ledger, actor: str, *, assessment: Assessment | None = None, with_charts: bool = True
) -> RoleReport:
    a = assessment or assess_ledger(ledger)
    report = role_report(
        a, actor, framing=ledger.framing_by_source(), documents=ledger.stats().documents
    )
    report.unknown_total, unknown = ledger.list_unknown_actors(limit=UNKNOWN_LISTED)
    report.unknown_actors = [(u.name, u.documents) for u in unknown]
    docs = ledger.get_documents(sorted(quoted_documents(report, a)))
    attach_sentences(report, a, {d.id: d.text for d in docs})
    if with_charts:
        dates: dict[str, list[date]] = defaultdict(list)
        for p in a.propositions:
            dates[p.id] = [d for cid in p.claim_ids if (d := a.claims[cid].published)]
        report.charts = {
            "timeline": charts.timeline(a.for_actor(actor), dates),
            "network": charts.network(a.propositions),
            "coverage": charts.coverage(a.attention),
        }
    return report


def render_report(report: RoleReport, fmt: ReportFormat) -> str:
    if fmt == "md":
        return to_markdown(report)
    if fmt == "json":
        return to_json(report)
    return to_html(report)


def export(ledger: Ledger, fmt: ExportFormat, *, assessment: Assessment | None = None) -> str:
    a = assessment or assess_ledger(ledger)
    if fmt == "csv":
        return to_csv(claim_rows(a), CLAIM_FIELDS)
    if fmt == "jsonl":
        return to_jsonl(claim_rows(a))
    if fmt == "events":
        return to_csv(event_rows(a, default_kb().statement_cameo), EVENT_FIELDS)
    return json.dumps(claimreview(a), ensure_ascii=False, indent=2)
