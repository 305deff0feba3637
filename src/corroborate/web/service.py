"""What the API and the pages share: lookups and filters over the cached, reviewed assessment."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

from corroborate.assess import Proposition
from corroborate.assess.status import STATUSES
from corroborate.extract import default_kb
from corroborate.report import charts
from corroborate.report.role import (
    UNKNOWN_LISTED,
    RoleReport,
    attach_sentences,
    quoted_documents,
    role_report,
)
from corroborate.review_priority import Certainty, certainty
from corroborate.reviews import Decision, claim_key, effective
from corroborate.store import ClaimRow, Ledger
from corroborate.store.search import FoundDocument, SearchHit, query_terms
from corroborate.web.assessment import AssessmentCache, Reviewed
from corroborate.web.config import WebConfig
from corroborate.web.pagecache import PageCache
from corroborate.web.views import Segment, snippet


@dataclass(slots=True)
class WebState:
    config: WebConfig
    ledger: Ledger
    cache: AssessmentCache
    relations: tuple[str, ...]
    pages: PageCache

    @classmethod
    def open(cls, config: WebConfig) -> WebState:
        ledger = Ledger(config.database_url)
        settings, camps = None, None
        if config.upload_workspace is not None:  # the workspace's weights and camps
            from corroborate.assess_run import assessment_settings
            from corroborate.settings import load_settings

            root = config.upload_workspace
            settings, camps = assessment_settings(load_settings(root), base=root)
        cache = AssessmentCache(
            ledger, recheck_seconds=config.recheck_seconds, settings=settings, camps=camps
        )
        return cls(
            config,
            ledger,
            cache,
            tuple(sorted(default_kb().relations)),
            PageCache(max_bytes=config.page_cache_bytes),
        )

    def reviewed(self, *, wait: bool = True) -> Reviewed:
        """The assessment; `wait=False` for a review's write, which never waits for a rebuild."""
        return self.cache.get(wait=wait)


ACTOR_PAGE_SHOWN = 25  # propositions per status an actor page shows (their quotes get sentences)
_charts_lock = threading.Lock()  # matplotlib's pyplot is not thread-safe


def actor_report(state: WebState, r: Reviewed, actor: str) -> RoleReport | None:
    """The role report of `actor` with its charts, built once per assessment (it walks every
    claim about the actor); None when no proposition names the actor."""
    key = f"report:{actor}"
    if key in r.memo:
        found: RoleReport = r.memo[key]
        return found
    a = r.assessment
    if not any(p.subject == actor or p.recipient == actor for p in a.propositions):
        return None
    if "framing" not in r.memo:
        r.memo["framing"] = (state.ledger.framing_by_source(), state.ledger.count_documents())
    framing, n_docs = r.memo["framing"]
    report = role_report(a, actor, framing=framing, documents=n_docs)
    if "unknown" not in r.memo:
        r.memo["unknown"] = state.ledger.list_unknown_actors(limit=UNKNOWN_LISTED)
    report.unknown_total, unknown = r.memo["unknown"]
    report.unknown_actors = [(u.name, u.documents) for u in unknown]
    shown = quoted_documents(report, a, per_section=ACTOR_PAGE_SHOWN)
    attach_sentences(report, a, {d.id: d.text for d in state.ledger.get_documents(sorted(shown))})
    with _charts_lock:
        dates = {
            p.id: [d for cid in p.claim_ids if (d := a.claims[cid].published)]
            for p in a.for_actor(actor)
        }
        report.charts = {
            "timeline": charts.timeline(a.for_actor(actor), dates),
            "coverage": charts.coverage(a.attention),
        }
    r.memo[key] = report
    return report


def warm(state: WebState, *, top_actors: int = 20) -> None:
    """Assess now and build the reports of the most discussed actors, so that the first visitors
    of a large ledger do not wait for them."""
    r = state.reviewed()
    for actor, _n, _statuses in actors(r)[:top_actors]:
        actor_report(state, r, actor)


class Found(NamedTuple):
    hit: SearchHit
    document: FoundDocument
    snippet: list[Segment]


def search_page(state: WebState, q: str, *, offset: int, limit: int) -> list[Found]:
    """The documents matching `q` from `offset` with their snippets: up to `limit` + 1, the one
    more saying there is a next page. The API and the search page both show these."""
    if not q.strip():
        return []
    ranked = state.ledger.search_documents(q, limit=min(offset + limit + 1, 1000))
    hits = ranked[offset : offset + limit + 1]
    docs = {d.id: d for d in state.ledger.get_documents([h.document_id for h in hits])}
    terms = query_terms(q)
    return [
        Found(h, docs[h.document_id], snippet(docs[h.document_id].text, terms))
        for h in hits
        if h.document_id in docs
    ]


def filter_propositions(
    r: Reviewed,
    *,
    actor: str | None = None,
    status: str | None = None,
    relation: str | None = None,
    recipient: str | None = None,
    text: str | None = None,
) -> list[Proposition]:
    needle = text.lower() if text else None
    return [
        p
        for p in r.assessment.propositions
        if (actor is None or p.subject == actor)
        and (status is None or p.status == status)
        and (relation is None or p.relation == relation)
        and (recipient is None or p.recipient == recipient)
        and (needle is None or needle in p.statement.lower())
    ]


def decision_of(r: Reviewed, row: ClaimRow) -> Decision | None:
    return r.decisions.get(claim_key(row))


def claim_dict(r: Reviewed, row: ClaimRow) -> dict[str, Any]:
    d = decision_of(r, row)
    data = asdict(row)
    data["review"] = {
        "state": d.state if d else "unreviewed",
        "corrections": dict(d.fields) if d else {},
        "notes": list(d.notes) if d else [],
    }
    data["effective"] = effective(row, d)
    data["proposition_id"] = r.of_claim.get(row.id)
    return data


def _oldest_first(c: ClaimRow) -> tuple[object, ...]:
    return (c.published is None, c.published, c.document_id, c.id)


def mentions(r: Reviewed, p: Proposition) -> list[ClaimRow]:
    """The proposition's claims, oldest first (sorted once per assessment: a proposition of a
    large ledger has thousands)."""
    key = f"mentions:{p.id}"
    if key not in r.memo:
        rows = [r.assessment.rows[i] for i in p.claim_ids if i in r.assessment.rows]
        r.memo[key] = sorted(rows, key=_oldest_first)
    found: list[ClaimRow] = r.memo[key]
    return found


def merge_targets(r: Reviewed, p: Proposition, *, limit: int = 50) -> list[Proposition]:
    """Propositions `p` may be merged into: same subject, same relation first, then the most
    mentioned."""
    key = f"subject:{p.subject}"
    if key not in r.memo:
        same = [o for o in r.assessment.propositions if o.subject == p.subject]
        r.memo[key] = sorted(same, key=lambda o: -len(o.claim_ids))
    same_subject: list[Proposition] = r.memo[key]
    others = [o for o in same_subject if o.id != p.id]
    return sorted(others, key=lambda o: o.relation != p.relation)[:limit]


def actors(r: Reviewed) -> list[tuple[str, int, dict[str, int]]]:
    """(actor, propositions, propositions per status), most propositions first."""
    if "actors" in r.memo:
        found: list[tuple[str, int, dict[str, int]]] = r.memo["actors"]
        return found
    per: dict[str, Counter[str]] = {}
    for p in r.assessment.propositions:
        if p.subject:
            per.setdefault(p.subject, Counter())[p.status] += 1
    rows = [(a, sum(c.values()), {s: c[s] for s in STATUSES if c[s]}) for a, c in per.items()]
    r.memo["actors"] = sorted(rows, key=lambda t: (-t[1], t[0]))
    return actors(r)


def status_counts(props: Sequence[Proposition]) -> dict[str, int]:
    c = Counter(p.status for p in props)
    return {s: c[s] for s in STATUSES}


def queue_certainty(r: Reviewed) -> dict[int, Certainty]:
    """How sure the ledger is of each claim no analyst has decided on (review_priority)."""
    if "certainty" not in r.memo:
        rows = r.assessment.rows.values()
        r.memo["certainty"] = {
            row.id: certainty(row, r.by_id.get(r.of_claim.get(row.id, "")))
            for row in rows
            if claim_key(row) not in r.decisions
        }
    found: dict[int, Certainty] = r.memo["certainty"]
    return found


def review_queue(r: Reviewed) -> list[ClaimRow]:
    """Claims no analyst has decided on yet, least certain first (review_priority.certainty)."""
    if "queue" not in r.memo:
        sure = queue_certainty(r)
        pending = [r.assessment.rows[i] for i in sure]
        r.memo["queue"] = sorted(pending, key=lambda c: (sure[c.id].value, c.id))
    queue: list[ClaimRow] = r.memo["queue"]
    return queue


def split_matches(r: Reviewed, p: Proposition, field_name: str, value: str) -> int:
    needle = value.strip().lower()
    return sum(
        1
        for i in p.claim_ids
        if needle and needle in str(getattr(r.assessment.claims[i], field_name, "") or "").lower()
    )
