"""Who may talk to the app and how: Host check, token, CSRF, upload limits, response headers."""

from __future__ import annotations

import hmac
import re
import secrets
from urllib.parse import urlencode, urlsplit

from fastapi import Form, HTTPException, Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corroborate.web.config import WebConfig

CSRF_COOKIE = "corroborate_csrf"
AUTHOR_COOKIE = "corroborate_author"  # the reviewer name a browser last signed with
CSRF_HEADER = "x-csrf-token"
TOKEN_COOKIE = "corroborate_token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{32,64}")  # what secrets.token_urlsafe(32) gives

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
_HEADER_BYTES = tuple((k.encode(), v.encode()) for k, v in HEADERS.items())  # per response


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and hmac.compare_digest(a.encode(), b.encode())


def _deny(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    return Response(message, status_code=status, media_type="text/plain; charset=utf-8")


def _host_allowed(config: WebConfig, header: str) -> bool:
    host = urlsplit("//" + header).hostname or ""
    names = config.host_names
    if "*" in names or (config.token and config.host in ("0.0.0.0", "::")):
        return True
    return host in names or f"[{host}]" in names


def _origin_ok(request: Request) -> bool:
    """Unsafe requests from a browser must come from this app's own pages."""
    site = request.headers.get("sec-fetch-site")
    if site in ("cross-site", "same-site"):
        return False
    if site == "same-origin":
        return True
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


def _api_csrf_ok(request: Request) -> bool:
    """JSON bodies and custom headers cannot be sent cross-site without a CORS preflight, which
    this app never grants; a multipart or form upload must echo the CSRF cookie in a header."""
    if request.headers.get("authorization", "").lower().startswith("bearer "):
        return True
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        return True
    return _same(request.headers.get(CSRF_HEADER), request.cookies.get(CSRF_COOKIE))


class Guard:
    """Every request passes here first (a plain ASGI middleware: a BaseHTTPMiddleware costs
    a task and a stream per request, which shows at hundreds of requests a second)."""

    def __init__(self, app: ASGIApp, config: WebConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        extra = list(_HEADER_BYTES)
        refused = self._refusal(request)
        csrf = request.cookies.get(CSRF_COOKIE)
        # a cookie is whatever the client sends: only the shape we issue is taken as a token
        fresh = refused is None and (csrf is None or not TOKEN_SHAPE.fullmatch(csrf))
        request.state.csrf = secrets.token_urlsafe(32) if fresh or csrf is None else csrf
        if fresh:
            cookie = Response()
            _set_cookie(cookie, CSRF_COOKIE, request.state.csrf, self.config)
            extra += [h for h in cookie.raw_headers if h[0] == b"set-cookie"]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                added = [(k, v) for k, v in extra if k == b"set-cookie" or k not in present]
                message["headers"] = [*message.get("headers", []), *added]
            await send(message)

        if refused is not None:
            await refused(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, request: Request) -> Response | None:
        config = self.config
        if not _host_allowed(config, request.headers.get("host", "")):
            return _deny(request, 400, "unexpected Host header (DNS rebinding protection)")
        if config.token:
            given = request.headers.get("authorization", "")
            bearer = given[7:] if given.lower().startswith("bearer ") else None
            query = request.query_params.get("token")
            if _same(query, config.token) and request.method == "GET":
                rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
                target = request.url.path + ("?" + urlencode(rest) if rest else "")
                response: Response = RedirectResponse(target, status_code=303)
                _set_cookie(response, TOKEN_COOKIE, config.token, config)
                return response
            if not (
                _same(bearer, config.token)
                or _same(request.cookies.get(TOKEN_COOKIE), config.token)
            ):
                return _deny(
                    request,
                    401,
                    "this workbench needs its token: send 'Authorization: Bearer <token>' "
                    "or open any page once with ?token=<token>",
                )
        if request.method in UNSAFE:
            if not _origin_ok(request):
                return _deny(request, 403, "cross-site request refused")
            if request.url.path.startswith("/api/") and not _api_csrf_ok(request):
                return _deny(
                    request,
                    403,
                    "CSRF check failed: send JSON, or the corroborate_csrf cookie's value in "
                    "the X-CSRF-Token header",
                )
        return None


def install(app: object, config: WebConfig) -> None:
    from fastapi import FastAPI

    assert isinstance(app, FastAPI)
    app.add_middleware(Guard, config=config)


def _set_cookie(response: Response, name: str, value: str, config: WebConfig) -> None:
    response.set_cookie(
        name, value, httponly=True, samesite="strict", secure=config.secure_cookies, path="/"
    )


def check_form_csrf(request: Request, csrf_token: str = Form("")) -> None:
    """Dependency of every state-changing form: its hidden field must match the cookie."""
    if not _same(csrf_token, request.cookies.get(CSRF_COOKIE)):
        raise HTTPException(403, "CSRF check failed: reload the page and submit the form again")
