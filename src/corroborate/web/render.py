"""Jinja2 templates (autoescaped, always) and the filters they use."""

from __future__ import annotations

import base64
import secrets
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from fastapi import Request
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.responses import HTMLResponse

from corroborate.report.charts_text import CAPTIONS
from corroborate.report.explain import LEGEND
from corroborate.report.render import HEADINGS, figure_text, quote_voice
from corroborate.report.role import web_url
from corroborate.web.security import AUTHOR_COOKIE

TEMPLATES = Path(__file__).with_name("templates")
# The idempotency key of the forms of the page being rendered: a marker when the page is
# rendered for the page cache (each served copy gets fresh keys), else a fresh key.
_FORM_KEY: ContextVar[str] = ContextVar("form_key", default="")


def form_key() -> str:
    """For a form's hidden `idempotency_key`: a resubmitted form is stored once."""
    return _FORM_KEY.get() or secrets.token_hex(12)


def _svg_data_uri(svg: str) -> str:
    """Charts go in <img>: an image cannot run script, whatever text it carries."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _num(value: float) -> str:
    return f"{value:g}"


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, every variable: corpus text is hostile
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the package: no stat() per page
    )
    env.filters["href"] = web_url
    env.filters["svg_uri"] = _svg_data_uri
    env.filters["num"] = _num
    env.globals["form_key"] = form_key
    env.globals["headings"] = HEADINGS
    env.globals["legend"] = LEGEND
    env.globals["captions"] = CAPTIONS
    env.globals["figure_text"] = figure_text
    env.globals["quote_voice"] = quote_voice
    return env


ENV = make_env()


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("title", "corroborate")
    web = getattr(request.app.state, "web", None)
    context.setdefault("updating", bool(web is not None and web.cache.updating))
    # a page rendered for the page cache carries markers, replaced per visitor when served
    markers = getattr(request.state, "markers", None)
    csrf, author = markers or (
        getattr(request.state, "csrf", ""),
        request.cookies.get(AUTHOR_COOKIE, ""),
    )
    token = _FORM_KEY.set(getattr(request.state, "form_key_marker", ""))
    try:
        html = ENV.get_template(name).render(request=request, csrf=csrf, author=author, **context)
    finally:
        _FORM_KEY.reset(token)
    return HTMLResponse(html, status_code=status_code)
