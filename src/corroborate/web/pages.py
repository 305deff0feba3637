"""Server-rendered pages: overview, propositions, actors, documents, sources, search, reviews."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Query, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from corroborate.report.explain import sentence_of, voice_rows
from corroborate.reviews import CORRECTABLE, SPLIT_FIELDS, idempotency_digest, merge, review_claim
from corroborate.reviews import split as split_review
from corroborate.web.api import claim_of, document_of, proposition_of, recording, state_of
from corroborate.web.pagecache import PageCache, cached_page
from corroborate.web.render import page
from corroborate.web.security import AUTHOR_COOKIE, check_form_csrf
from corroborate.web.service import (
    ACTOR_PAGE_SHOWN,
    actor_report,
    actors,
    decision_of,
    filter_propositions,
    mentions,
    merge_targets,
    queue_certainty,
    review_queue,
    search_page,
    split_matches,
    status_counts,
)
from corroborate.web.views import Span, page_links, segments

router = APIRouter(include_in_schema=False)
PER_PAGE = 50
SECTION_SHOWN = ACTOR_PAGE_SHOWN  # propositions per status on an actor page; the rest: a link
SEARCH_SHOWN = 20  # documents per search page
MENTIONS_SHOWN = 20  # mentions per proposition page: each carries its review forms

Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Id = Annotated[int, Path(ge=1, le=2**62)]
PropId = Annotated[str, Path(pattern=r"^P[0-9a-f]{10}$")]
AuthorField = Annotated[str, Form(min_length=1, max_length=200)]
NoteField = Annotated[str, Form(max_length=4000)]
FormKey = Annotated[str, Form(max_length=100)]  # a hidden field: a resubmitted form is stored once
Csrf = Depends(check_form_csrf)


def _page_key(request: Request) -> tuple[PageCache, object]:
    state = state_of(request)
    version = state.reviewed().version  # bumped by any change to the ledger
    return state.pages, (version, state.cache.updating)


def _remember_author(response: Response, author: str) -> Response:
    response.set_cookie(AUTHOR_COOKIE, author, httponly=True, samesite="strict", max_age=90 * 86400)
    return response


@router.get("/", response_class=HTMLResponse)
@cached_page(_page_key)
def overview(request: Request) -> HTMLResponse:
    state = state_of(request)
    r = state.reviewed()
    return page(
        request,
        "overview.html",
        stats=state.ledger.stats(),
        claims=len(r.assessment.rows),
        sources=state.ledger.list_sources(),
        actors=actors(r),
        statuses=status_counts(r.assessment.propositions),
        queue=len(review_queue(r)),
        reviews=len(state.ledger.list_reviews()),
    )


@router.get("/propositions", response_class=HTMLResponse)
@cached_page(_page_key)
def propositions(
    request: Request,
    offset: Offset = 0,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    status: Annotated[str | None, Query(max_length=40)] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    recipient: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    r = state_of(request).reviewed()
    found = filter_propositions(
        r, actor=actor or None, status=status or None, text=q or None, recipient=recipient or None
    )
    shown = found[offset : offset + PER_PAGE]
    return page(
        request,
        "propositions.html",
        title="Propositions",
        props=shown,
        total=len(found),
        offset=offset,
        links=page_links(len(found), PER_PAGE, offset, len(shown)),
        filters={
            "actor": actor or "",
            "status": status or "",
            "q": q or "",
            "recipient": recipient or "",
        },
        statuses=list(status_counts([])),
    )


@router.get("/propositions/{pid}", response_class=HTMLResponse)
@cached_page(_page_key)
def proposition(request: Request, pid: PropId, offset: Offset = 0) -> HTMLResponse:
    state = state_of(request)
    r = state.reviewed()
    p = proposition_of(r, pid)
    every = mentions(r, p)
    rows = every[offset : offset + MENTIONS_SHOWN]
    docs = {d.id: d for d in state.ledger.get_documents(sorted({c.document_id for c in rows}))}
    clusters = r.assessment.clusters
    members = r.members
    items = []
    for c in rows:
        doc = docs.get(c.document_id)
        cluster = clusters.get(c.document_id)
        copies = sorted(
            d
            for d in (members.get(cluster, []) if cluster is not None else [])
            if d != c.document_id
        )
        items.append(
            {
                "claim": c,
                "record": r.assessment.claims.get(c.id),
                "decision": decision_of(r, c),
                "context": sentence_of(
                    doc.text, c.evidence_start, c.evidence_end, denial=c.polarity == "deny"
                )
                if doc
                else None,
                "title": doc.title if doc else None,
                "cluster": cluster if copies else None,
                "copies": copies[:20],
            }
        )
    return page(
        request,
        "proposition.html",
        title=p.statement,
        p=p,
        voices=voice_rows(p, hedged_weight=state.cache.settings.hedged_weight),
        camps=r.assessment.camps,
        items=items,
        offset=offset,
        links=page_links(len(every), MENTIONS_SHOWN, offset, len(rows)),
        merge_targets=merge_targets(r, p),
        split_fields=SPLIT_FIELDS,
        correctable=CORRECTABLE,
        relations=state.relations,
    )


def _back(request: Request, back: str, fallback: str) -> str:
    """Where to return after a form: only paths of this app, never another site."""
    if back.startswith("/") and not back.startswith("//") and "\\" not in back:
        return back
    return fallback


@router.post("/claims/{claim_id}/review", dependencies=[Csrf])
def review(
    request: Request,
    claim_id: Id,
    kind: Annotated[str, Form(pattern="^(accept|reject|correct|note)$")],
    author: AuthorField,
    note: NoteField = "",
    back: Annotated[str, Form(max_length=500)] = "",
    subject: Annotated[str | None, Form(max_length=200)] = None,
    relation: Annotated[str | None, Form(max_length=200)] = None,
    object: Annotated[str | None, Form(max_length=200)] = None,
    recipient: Annotated[str | None, Form(max_length=200)] = None,
    speaker: Annotated[str | None, Form(max_length=200)] = None,
    polarity: Annotated[str | None, Form(max_length=10)] = None,
    hedged: Annotated[str | None, Form(max_length=10)] = None,
    idempotency_key: FormKey = "",
) -> Response:
    state = state_of(request)
    r = state.reviewed(wait=False)
    row = claim_of(r, claim_id)
    changes: dict[str, Any] = {}
    if kind == "correct":
        given = {
            "subject": subject, "relation": relation, "object": object,
            "recipient": recipient, "speaker": speaker, "polarity": polarity,
        }  # fmt: skip
        for name, value in given.items():
            if value is not None and value.strip() != (getattr(row, name) or ""):
                changes[name] = value.strip() or None
        if hedged in ("true", "false") and (hedged == "true") != row.hedged:
            changes["hedged"] = hedged == "true"
    with recording(state):
        review_claim(
            state.ledger, row, kind=kind, author=author.strip(), note=note,
            changes=changes, relations=state.relations,
            idempotency_key=idempotency_digest(
                idempotency_key, request.url.path, kind, note, sorted(changes.items())
            ),
        )  # fmt: skip
    pid = r.of_claim.get(claim_id)  # the assessment read before the write: no rebuild here
    fallback = f"/propositions/{pid}" if pid else f"/documents/{row.document_id}"
    target = _back(request, back, fallback)
    return _remember_author(RedirectResponse(target, status_code=303), author.strip())


@router.post("/propositions/{pid}/merge", dependencies=[Csrf])
def merge_form(
    request: Request,
    pid: PropId,
    target: Annotated[str, Form(pattern=r"^P[0-9a-f]{10}$")],
    author: AuthorField,
    note: NoteField = "",
    idempotency_key: FormKey = "",
) -> Response:
    state = state_of(request)
    r = state.reviewed(wait=False)
    source, into = proposition_of(r, pid), proposition_of(r, target)
    key = idempotency_digest(idempotency_key, request.url.path, target, note)
    with recording(state):
        merge(state.ledger, source, into, author=author.strip(), note=note, idempotency_key=key)
    response = RedirectResponse(f"/propositions/{into.id}", status_code=303)
    return _remember_author(response, author.strip())


@router.post("/propositions/{pid}/split", dependencies=[Csrf])
def split_form(
    request: Request,
    pid: PropId,
    field: Annotated[str, Form(max_length=20)],
    value: Annotated[str, Form(min_length=1, max_length=200)],
    label: Annotated[str, Form(min_length=1, max_length=200)],
    author: AuthorField,
    note: NoteField = "",
    idempotency_key: FormKey = "",
) -> Response:
    state = state_of(request)
    r = state.reviewed(wait=False)
    p = proposition_of(r, pid)
    moved = split_matches(r, p, field, value) if field in SPLIT_FIELDS else 0
    key = idempotency_digest(idempotency_key, request.url.path, field, value, label, note)
    with recording(state):
        split_review(
            state.ledger, p, moved, field_name=field, value=value, label=label,
            author=author.strip(), note=note, idempotency_key=key,
        )  # fmt: skip
    target = pid if moved < len(p.claim_ids) else ""  # all moved: the source is gone
    response = RedirectResponse(f"/propositions/{target}" if target else "/propositions", 303)
    return _remember_author(response, author.strip())


@router.get("/actors/{actor}", response_class=HTMLResponse)
@cached_page(_page_key)
def actor_page(request: Request, actor: Annotated[str, Path(max_length=200)]) -> HTMLResponse:
    state = state_of(request)
    report = actor_report(state, state.reviewed(), actor)
    if report is None:
        raise HTTPException(404, f"no propositions about {actor!r}")
    return page(
        request, "actor.html", title=f"The role of {actor}", report=report, shown=SECTION_SHOWN
    )


@router.get("/documents", response_class=HTMLResponse)
@cached_page(_page_key)
def documents(
    request: Request,
    offset: Offset = 0,
    source: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    state = state_of(request)
    rows = state.ledger.list_documents(source=source or None, limit=PER_PAGE, offset=offset)
    return page(
        request,
        "documents.html",
        title="Documents",
        docs=rows,
        offset=offset,
        source=source or "",
        links=page_links(None, PER_PAGE, offset, len(rows)),
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
@cached_page(_page_key)
def document(request: Request, doc_id: Id) -> HTMLResponse:
    state = state_of(request)
    doc = document_of(state, doc_id)
    r = state.reviewed()
    claims = state.ledger.list_claims(document_id=doc_id)
    markers = state.ledger.framing_of_document(doc_id)
    spans = [
        Span(c.evidence_start, c.evidence_end, "claim",
             f"claim {c.id}: {c.speaker} — {c.subject or '?'} {c.relation} ({c.polarity})",
             f"c{c.id}")
        for c in claims
    ]  # fmt: skip
    spans += [Span(m.start, m.end, "framing", f"framing: {m.term} ({m.side})") for m in markers]
    cluster = r.assessment.clusters.get(doc_id)
    copies = sorted(r.members.get(cluster, [])) if cluster is not None else []
    return page(
        request,
        "document.html",
        title=doc.title or f"Document {doc.id}",
        doc=doc,
        parts=segments(doc.text, spans),
        claims=[(c, decision_of(r, c), r.of_claim.get(c.id)) for c in claims],
        markers=markers,
        copies=[d for d in copies if d != doc_id][:50],
    )


@router.get("/sources/{source_id}", response_class=HTMLResponse)
@cached_page(_page_key)
def source(request: Request, source_id: Id, offset: Offset = 0) -> HTMLResponse:
    state = state_of(request)
    found = [s for s in state.ledger.list_sources() if s.id == source_id]
    if not found:
        raise HTTPException(404, f"no source {source_id}")
    s = found[0]
    docs = state.ledger.list_documents(source=s.name, limit=PER_PAGE, offset=offset)
    r = state.reviewed()
    props = [p for p in r.assessment.propositions if s.name in p.outlets][:200]
    return page(
        request,
        "source.html",
        title=s.name,
        s=s,
        docs=docs,
        offset=offset,
        links=page_links(s.documents, PER_PAGE, offset, len(docs)),
        framing=state.ledger.framing_by_source().get(s.name, [])[:40],
        props=props,
    )


@router.get("/search", response_class=HTMLResponse)
@cached_page(_page_key)
def search(
    request: Request, q: Annotated[str, Query(max_length=300)] = "", offset: Offset = 0
) -> HTMLResponse:
    found = search_page(state_of(request), q, offset=offset, limit=SEARCH_SHOWN)
    results = found[:SEARCH_SHOWN]
    more = len(found) > SEARCH_SHOWN
    return page(
        request, "search.html", title=f"Search: {q}", q=q, results=results, offset=offset,
        links=page_links(None, SEARCH_SHOWN, offset, SEARCH_SHOWN if more else len(results)),
    )  # fmt: skip


@router.get("/queue", response_class=HTMLResponse)
def queue(request: Request, offset: Offset = 0) -> HTMLResponse:
    state = state_of(request)
    r = state.reviewed()
    pending = review_queue(r)
    shown = pending[offset : offset + PER_PAGE]
    sure = queue_certainty(r)
    docs = {d.id: d for d in state.ledger.get_documents(sorted({c.document_id for c in shown}))}
    claims = []
    for c in shown:
        doc = docs.get(c.document_id)
        context = (
            sentence_of(doc.text, c.evidence_start, c.evidence_end, denial=c.polarity == "deny")
            if doc
            else None
        )
        claims.append((c, r.of_claim.get(c.id), sure[c.id], context))
    return page(
        request,
        "queue.html",
        title="Review queue",
        claims=claims,
        total=len(pending),
        offset=offset,
        links=page_links(len(pending), PER_PAGE, offset, len(shown)),
    )


@router.post("/reviewer", dependencies=[Csrf])
def set_reviewer(
    request: Request, author: AuthorField, back: Annotated[str, Form(max_length=500)] = ""
) -> Response:
    """Remember the reviewer's name for this browser, so review forms stop asking for it."""
    target = _back(request, back, "/queue")
    return _remember_author(RedirectResponse(target, status_code=303), author.strip())


@router.get("/reviews", response_class=HTMLResponse)
def audit_log(request: Request, offset: Offset = 0) -> HTMLResponse:
    rows = list(reversed(state_of(request).ledger.list_reviews()))
    shown = rows[offset : offset + PER_PAGE]
    return page(
        request,
        "reviews.html",
        title="Audit log",
        reviews=shown,
        total=len(rows),
        offset=offset,
        links=page_links(len(rows), PER_PAGE, offset, len(shown)),
    )
