"""The REST API under /api/: thin handlers over the ledger and the cached assessment."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Path, Query, Request

from corroborate.assess import Proposition
from corroborate.reviews import ReviewError, idempotency_digest, merge, review_claim, split
from corroborate.store import ClaimRow
from corroborate.store.search import FoundDocument
from corroborate.web.assessment import Reviewed
from corroborate.web.schemas import (
    ActorOut,
    ClaimOut,
    ClaimReviewIn,
    DocumentDetailOut,
    DocumentOut,
    ErrorOut,
    MergeIn,
    Page,
    PropositionDetailOut,
    PropositionOut,
    ReviewCreated,
    ReviewOut,
    SearchHitOut,
    SourceOut,
    SplitIn,
)
from corroborate.web.service import (
    WebState,
    actors,
    claim_dict,
    filter_propositions,
    mentions,
    review_queue,
    search_page,
    split_matches,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut},
    404: {"model": ErrorOut},
    422: {"model": ErrorOut},
}
router = APIRouter(prefix="/api", responses=ERRORS)

Limit = Annotated[int, Query(ge=1, le=500, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]
PropId = Annotated[str, Path(pattern=r"^P[0-9a-f]{10}$", description="proposition id")]
Name = Annotated[str | None, Query(max_length=200)]


def state_of(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def page(items: list[Any], limit: int, offset: int, total: int | None) -> dict[str, Any]:
    if total is not None:
        more = offset + limit < total
    else:
        more = len(items) > limit
        items = items[:limit]
    return {
        "items": items,
        "limit": limit,
        "offset": offset,
        "total": total,
        "next_offset": offset + limit if more else None,
    }


IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        pattern=r"^[!-~]{1,100}$",
        description="any unique string; a retried request with the same key is stored once "
        "and answers with the first review's id",
    ),
]


def created(state: WebState, rid: int, detail: str) -> dict[str, Any]:
    return {"review_id": rid, "detail": detail, "updating": state.cache.updating}


@contextmanager
def recording(state: WebState) -> Iterator[None]:
    """Around a review's write (shared with the pages): a refused review is a 400 with its
    reason, and a recorded one is seen by the next assessment."""
    try:
        yield
    except ReviewError as exc:
        raise HTTPException(400, str(exc)) from None
    state.cache.invalidate()


def proposition_of(r: Reviewed, pid: str) -> Proposition:
    """The proposition, or a 404 that says why an id can vanish (shared with the pages)."""
    found = r.by_id.get(pid)
    if found is None:
        raise HTTPException(404, f"no proposition {pid} (ids change only when claims do)")
    return found


def claim_of(r: Reviewed, claim_id: int) -> ClaimRow:
    row = r.assessment.rows.get(claim_id)
    if row is None:
        raise HTTPException(404, f"no claim {claim_id} (claim ids change on re-extraction)")
    return row


def document_of(state: WebState, doc_id: int) -> FoundDocument:
    found = state.ledger.get_documents([doc_id])
    if not found:
        raise HTTPException(404, f"no document {doc_id}")
    return found[0]


@router.get("/propositions", response_model=Page[PropositionOut])
def list_propositions(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    actor: Name = None,
    status: Annotated[
        str | None,
        Query(pattern="^(corroborated|contested|single-source|one-sided|unverified|denied-only)$"),
    ] = None,
    relation: Name = None,
    recipient: Name = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the statement")] = None,
) -> dict[str, Any]:
    """Propositions (claims grouped across documents) with status and explanation."""
    r = state_of(request).reviewed()
    found = filter_propositions(
        r, actor=actor, status=status, relation=relation, recipient=recipient, text=q
    )
    return page(found[offset : offset + limit], limit, offset, len(found))


@router.get("/propositions/merge", include_in_schema=False)
def merge_takes_post() -> None:
    """Without it, GET .../merge reaches get_proposition and fails as a malformed id (422)."""
    raise HTTPException(405, "Method Not Allowed: merge takes POST", headers={"Allow": "POST"})


@router.get("/propositions/{pid}", response_model=PropositionDetailOut)
def get_proposition(request: Request, pid: PropId) -> dict[str, Any]:
    """One proposition with every mention (claim) behind it."""
    state = state_of(request)
    r = state.reviewed()  # once: the proposition and its mentions from one assessment
    p = proposition_of(r, pid)
    data = PropositionOut.model_validate(p).model_dump()
    data["mentions"] = [claim_dict(r, c) for c in mentions(r, p)]
    return data


@router.post("/propositions/merge", response_model=ReviewCreated, status_code=201, tags=["reviews"])
def merge_propositions(
    request: Request, body: MergeIn, idempotency_key: IdempotencyKey = None
) -> dict[str, Any]:
    """Merge `source` into `target` (an analyst decision, kept in the audit log)."""
    state = state_of(request)
    r = state.reviewed(wait=False)
    source, target = proposition_of(r, body.source), proposition_of(r, body.target)
    key = idempotency_digest(idempotency_key, request.url.path)
    with recording(state):
        rid = merge(
            state.ledger, source, target, author=body.author, note=body.note, idempotency_key=key
        )
    return created(state, rid, f"{source.id} merged into {target.id}")


@router.post(
    "/propositions/{pid}/split", response_model=ReviewCreated, status_code=201, tags=["reviews"]
)
def split_proposition(
    request: Request, pid: PropId, body: SplitIn, idempotency_key: IdempotencyKey = None
) -> dict[str, Any]:
    """Move the mentions whose `field` contains `value` into a proposition of their own."""
    state = state_of(request)
    r = state.reviewed(wait=False)
    p = proposition_of(r, pid)
    moved = split_matches(r, p, body.field, body.value)
    key = idempotency_digest(idempotency_key, request.url.path)
    with recording(state):
        rid = split(
            state.ledger, p, moved, field_name=body.field, value=body.value,
            label=body.label, author=body.author, note=body.note, idempotency_key=key,
        )  # fmt: skip
    return created(state, rid, f"{moved} mention(s) split from {p.id}")


@router.get("/claims", response_model=Page[ClaimOut])
def list_claims(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    subject: Name = None,
    relation: Name = None,
    speaker: Name = None,
    document_id: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> dict[str, Any]:
    """Claims as extracted, in document order; each says how analysts reviewed it."""
    state = state_of(request)
    rows = state.ledger.list_claims(
        subject=subject, relation=relation, speaker=speaker, document_id=document_id,
        limit=limit + 1, offset=offset,
    )  # fmt: skip
    r = state.reviewed()
    return page([claim_dict(r, c) for c in rows], limit, offset, None)


@router.get("/claims/queue", response_model=Page[ClaimOut])
def claim_queue(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Claims no analyst has decided on, least confident first: the review queue."""
    r = state_of(request).reviewed()
    queue = review_queue(r)
    items = [claim_dict(r, c) for c in queue[offset : offset + limit]]
    return page(items, limit, offset, len(queue))


@router.get("/claims/{claim_id}", response_model=ClaimOut)
def get_claim(request: Request, claim_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    r = state_of(request).reviewed()
    return claim_dict(r, claim_of(r, claim_id))


@router.post(
    "/claims/{claim_id}/reviews", response_model=ReviewCreated, status_code=201, tags=["reviews"]
)
def post_claim_review(
    request: Request,
    claim_id: Annotated[int, Path(ge=1, le=2**62)],
    body: ClaimReviewIn,
    idempotency_key: IdempotencyKey = None,
) -> dict[str, Any]:
    """Accept, reject, correct or annotate a claim. The next assessment uses it (rebuilt in the
    background; `updating` says when reads still show the previous one)."""
    state = state_of(request)
    row = claim_of(state.reviewed(wait=False), claim_id)
    changes = body.changes.model_dump(exclude_unset=True) if body.changes else {}
    key = idempotency_digest(idempotency_key, request.url.path)
    with recording(state):
        rid = review_claim(
            state.ledger, row, kind=body.kind, author=body.author, note=body.note,
            changes=changes, relations=state.relations, idempotency_key=key,
        )  # fmt: skip
    return created(state, rid, f"claim {claim_id}: {body.kind} recorded")


@router.get("/documents", response_model=Page[DocumentOut])
def list_documents(
    request: Request, limit: Limit = 50, offset: Offset = 0, source: Name = None
) -> dict[str, Any]:
    """Documents, oldest first; `source` keeps one outlet's."""
    state = state_of(request)
    rows = state.ledger.list_documents(source=source, limit=limit + 1, offset=offset)
    return page(rows, limit, offset, None)


@router.get("/documents/{doc_id}", response_model=DocumentDetailOut)
def get_document(request: Request, doc_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    """A document's text with its claims and framing markers (character offsets)."""
    state = state_of(request)
    doc = document_of(state, doc_id)
    r = state.reviewed()
    return {
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "published": doc.published,
        "url": doc.url,
        "text": doc.text,
        "copy_cluster": r.assessment.clusters.get(doc.id),
        "claims": [claim_dict(r, c) for c in state.ledger.list_claims(document_id=doc_id)],
        "framing": state.ledger.framing_of_document(doc_id),
    }


@router.get("/sources", response_model=Page[SourceOut])
def list_sources(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Outlets with kind, affiliation group and document count."""
    rows = state_of(request).ledger.list_sources()
    return page(rows[offset : offset + limit], limit, offset, len(rows))


@router.get("/actors", response_model=Page[ActorOut])
def list_actors(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Actors that are the subject of propositions, with propositions per status."""
    found = actors(state_of(request).reviewed())
    items = [{"actor": a, "propositions": n, "by_status": s} for a, n, s in found]
    return page(items[offset : offset + limit], limit, offset, len(items))


@router.get("/search", response_model=Page[SearchHitOut])
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=300, description="words to look for")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Full-text search over documents: those with every word first, then those with any word;
    best first among the most recently added matches."""
    found = search_page(state_of(request), q, offset=offset, limit=limit)
    items = [
        {
            "document_id": f.hit.document_id, "score": f.hit.score, "title": f.hit.title,
            "source": f.document.source, "published": f.document.published,
            "snippet": "".join(s.text for s in f.snippet),
        }
        for f in found
    ]  # fmt: skip
    return page(items, limit, offset, None)


@router.get("/reviews", response_model=Page[ReviewOut], tags=["reviews"])
def list_reviews(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    kind: Annotated[str | None, Query(pattern="^(accept|reject|correct|note|merge|split)$")] = None,
) -> dict[str, Any]:
    """The audit log: every analyst decision with who, when, before and after; newest first."""
    rows = state_of(request).ledger.list_reviews()
    if kind is not None:
        rows = [r for r in rows if r["kind"] == kind]
    rows.reverse()
    return page(rows[offset : offset + limit], limit, offset, len(rows))
