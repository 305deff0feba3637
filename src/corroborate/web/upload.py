"""Upload-triggered ingest: a document file in, stored and extracted through the library."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from typing import Annotated, Any

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from starlette.responses import HTMLResponse, RedirectResponse, Response

from corroborate.web.api import ERRORS, state_of
from corroborate.web.render import page
from corroborate.web.schemas import ErrorOut, IngestOut
from corroborate.web.security import check_form_csrf
from corroborate.web.service import WebState

router = APIRouter(responses=ERRORS)

# suffix -> content types a browser or client may send for it
ALLOWED = {
    ".txt": {"text/plain"},
    ".md": {"text/markdown", "text/plain", "text/x-markdown"},
    ".html": {"text/html"},
    ".htm": {"text/html"},
    ".pdf": {"application/pdf"},
    ".jsonl": {"application/jsonl", "application/x-ndjson", "application/json", "text/plain"},
    ".csv": {"text/csv", "text/plain", "application/vnd.ms-excel"},
}
GENERIC = {"", "application/octet-stream"}
CHUNK = 64 * 1024


def _suffix(filename: str | None, content_type: str | None) -> str:
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED:
        raise HTTPException(415, f"unsupported file type {suffix or '(none)'}: one of "
                                 + ", ".join(sorted(ALLOWED)))  # fmt: skip
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype not in GENERIC and ctype not in ALLOWED[suffix]:
        raise HTTPException(415, f"content type {ctype} does not match a {suffix} file")
    return suffix


async def _save(file: UploadFile, folder: Path, suffix: str, limit: int) -> Path:
    """Copy the upload under a name of our own (never the client's), refusing oversize input."""
    target = folder / f"upload{suffix}"
    size = 0
    with target.open("wb") as out:
        while chunk := await file.read(CHUNK):
            size += len(chunk)
            if size > limit:
                raise HTTPException(413, f"file larger than the {limit:,} byte upload limit")
            out.write(chunk)
    if size == 0:
        raise HTTPException(400, "the uploaded file is empty")
    return target


def _ingest(state: WebState, path: Path, source: str | None, label: str) -> dict[str, Any]:
    from corroborate.claims_run import extract_ledger
    from corroborate.cli.claims import make_extractor
    from corroborate.ingest.registry import RegistryError, load_registries
    from corroborate.model import Metadata
    from corroborate.pipeline import ingest
    from corroborate.workspace import open_workspace

    workspace = open_workspace(state.config.upload_workspace or path.parent)
    try:
        registry = load_registries(
            [workspace.registry_path] if workspace.registry_path.is_file() else []
        )
    except RegistryError as exc:
        raise HTTPException(500, f"the workspace's sources.yaml is invalid: {exc}") from None
    report = ingest(
        state.ledger, [str(path)], settings=workspace.settings, registry=registry,
        overrides=Metadata(source=source or None, title=label or None),
    )  # fmt: skip
    extracted = extract_ledger(state.ledger, extractor=make_extractor(workspace))
    state.cache.invalidate()
    return {
        "added": report.added,
        "existing": report.existing,
        "failed": len(report.failures),
        "claims": extracted.claims,
        "errors": [f.reason.replace(str(path), label or "upload") for f in report.failures],
    }


_INGESTING: anyio.CapacityLimiter | None = None


async def _handle(state: WebState, file: UploadFile, source: str | None) -> dict[str, Any]:
    suffix = _suffix(file.filename, file.content_type)
    limit = min(state.config.max_upload_bytes, 2**31)
    with tempfile.TemporaryDirectory(prefix="corroborate-upload-") as tmp:
        path = await _save(file, Path(tmp), suffix, limit)
        label = Path((file.filename or "upload").replace("\\", "/")).name[:200]
        # one ingest at a time, outside the pages' threads: an upload's extraction must not
        # hold up the pages, nor two of them write at once
        global _INGESTING
        if _INGESTING is None:
            _INGESTING = anyio.CapacityLimiter(1)
        work = functools.partial(_ingest, state, path, source, label)
        return await anyio.to_thread.run_sync(work, limiter=_INGESTING)


UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorOut, "description": "larger than the upload limit"},
    415: {"model": ErrorOut, "description": "not one of the accepted file types"},
}


@router.post(
    "/api/documents",
    response_model=IngestOut,
    status_code=201,
    tags=["ingest"],
    responses=UPLOAD_ERRORS,
)
async def upload_api(
    request: Request,
    file: Annotated[UploadFile, File(description="a .txt, .md, .html, .pdf, .jsonl or .csv")],
    source: Annotated[str | None, Form(max_length=200)] = None,
) -> dict[str, Any]:
    """Ingest one file and extract its claims (multipart; send the CSRF header or a token)."""
    return await _handle(state_of(request), file, source)


@router.get("/upload", response_class=HTMLResponse, include_in_schema=False)
def upload_form(request: Request) -> HTMLResponse:
    limit = state_of(request).config.max_upload_bytes
    return page(request, "upload.html", title="Upload", limit=limit, allowed=sorted(ALLOWED))


@router.post("/upload", include_in_schema=False, dependencies=[Depends(check_form_csrf)])
async def upload_page(
    request: Request,
    file: Annotated[UploadFile, File()],
    source: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    result = await _handle(state_of(request), file, source.strip() or None)
    if result["failed"]:
        raise HTTPException(400, "could not ingest the file: " + "; ".join(result["errors"]))
    return RedirectResponse(f"/documents?added={result['added']}", status_code=303)
