"""URLs are fetched from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from corroborate.ingest import fetch_url
from corroborate.model import IngestFailure, RawInput
from tests.conftest import LocalServer, Route, make_pdf

PAGE = b"""<html><head><title>Wire | Story</title>
<meta property="article:published_time" content="2020-10-12"></head><body>
<nav>Home Sport Weather Markets</nav><article><h1>Flights to Yerevan</h1>
<p>Cargo flights landed in Yerevan this week, according to flight-tracking data reviewed by
observers, who could not say what the aircraft carried.</p></article>
<footer>All rights reserved.</footer></body></html>"""


def fetch(server: LocalServer, path: str, **kw: float | int) -> RawInput | IngestFailure:
    options: dict[str, float | int] = {"max_bytes": 1_000_000, "timeout": 5.0} | kw
    return fetch_url(server.url(path), **options)  # type: ignore[arg-type]


def test_html_page(http_server: LocalServer) -> None:
    http_server.routes["/story"] = Route(PAGE)
    raw = fetch(http_server, "/story")
    assert isinstance(raw, RawInput), raw
    assert raw.format == "html"
    assert "Cargo flights landed in Yerevan" in raw.text
    assert "Weather" not in raw.text
    assert raw.meta.url == http_server.url("/story")
    assert raw.meta.published is not None and raw.meta.published.isoformat() == "2020-10-12"


def test_redirect_records_final_url(http_server: LocalServer) -> None:
    http_server.routes["/old"] = Route(b"", redirect="/story")
    http_server.routes["/story"] = Route(PAGE)
    raw = fetch(http_server, "/old")
    assert isinstance(raw, RawInput)
    assert raw.origin == http_server.url("/old")
    assert raw.meta.url == http_server.url("/story")


def test_pdf_and_plain_text(http_server: LocalServer) -> None:
    http_server.routes["/r.pdf"] = Route(
        make_pdf("Monitors counted seven flights."), "application/pdf"
    )
    http_server.routes["/n.txt"] = Route(b"Plain note on arms deliveries.", "text/plain")
    pdf = fetch(http_server, "/r.pdf")
    txt = fetch(http_server, "/n.txt")
    assert isinstance(pdf, RawInput) and "seven flights" in pdf.text
    assert isinstance(txt, RawInput) and txt.text == "Plain note on arms deliveries."


def test_failures_are_one_line_reasons(http_server: LocalServer) -> None:
    http_server.routes["/img"] = Route(b"\x89PNG....", "image/png")
    http_server.routes["/big"] = Route(b"x" * 50_000, "text/plain")
    http_server.routes["/stream"] = Route(b"y" * 50_000, "text/plain", chunked=True)
    http_server.routes["/slow"] = Route(PAGE, delay=3.0)
    http_server.routes["/gone"] = Route(b"gone", status=410)
    cases = {
        "/missing": "HTTP 404",
        "/gone": "HTTP 410",
        "/img": "unsupported content type 'image/png'",
        "/big": "over the 10,000 byte cap",
        "/stream": "exceeds the 10,000 byte cap",
        "/slow": "timed out after 0.5 s",
    }
    for path, expected in cases.items():
        result = fetch(http_server, path, max_bytes=10_000, timeout=0.5)
        assert isinstance(result, IngestFailure), path
        assert result.origin == http_server.url(path)
        assert expected in result.reason, (path, result.reason)


def test_unreachable_host() -> None:
    result = fetch_url("http://127.0.0.1:9/none", max_bytes=1000, timeout=2.0)
    assert isinstance(result, IngestFailure)
    assert result.reason.startswith("cannot fetch")
