"""The FastAPI application: API, pages, static files, guards and error shapes."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from corroborate import __version__
from corroborate.web import api, pages, security, upload
from corroborate.web.config import CONFIG_ENV, WebConfig
from corroborate.web.render import page
from corroborate.web.service import WebState, warm

STATIC = Path(__file__).with_name("static")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(
    request: Request,
    status: int,
    message: str,
    details: list[str],
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The error as JSON (API) or a page, keeping the exception's headers (Allow on a 405)."""
    if _wants_json(request):
        body = {"error": {"status": status, "message": message, "details": details}}
        return JSONResponse(body, status_code=status, headers=headers)
    response = page(request, "error.html", status, title="Error", status=status,
                    message=message, details=details)  # fmt: skip
    response.headers.update(headers or {})
    return response


def _where(loc: tuple[object, ...] | list[object]) -> str:
    return ".".join(str(p) for p in loc)


def create_app(config: WebConfig) -> FastAPI:
    state = WebState.open(config)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # a worker takes connections only once it has assessed the ledger, so with several
        # workers nobody waits behind a cold one
        await asyncio.to_thread(warm, state)
        # pages are mostly Python under one GIL: a few threads serve as many requests as forty,
        # without the hand-offs that dominated at 20 concurrent clients
        anyio.to_thread.current_default_thread_limiter().total_tokens = config.threads
        yield
        state.ledger.close()

    app = FastAPI(
        title="corroborate workbench",
        version=__version__,
        description="Claims, propositions, documents and sources of a corroborate ledger; "
        "analysts' reviews (accept, reject, correct, note, merge, split) as audit-logged records.",
        docs_url=None,  # the interactive docs page loads scripts from a CDN: not served
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.web = state

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), [], exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [f"{_where(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors()]
        return _error(request, 422, "invalid request: " + "; ".join(details), details)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        return _error(request, 500, f"internal error ({type(exc).__name__}); see the log", [])

    security.install(app, config)
    app.include_router(api.router)
    app.include_router(upload.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def from_environment() -> FastAPI:
    """The app of one worker process when `corroborate serve --workers N` starts several: the
    parent passes its configuration in the environment (uvicorn imports workers by name)."""
    return create_app(WebConfig.from_json(os.environ[CONFIG_ENV]))
