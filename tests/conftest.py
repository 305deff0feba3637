"""Shared fixtures: real SQLite files, an optional real PostgreSQL, a real HTTP server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result
from sqlalchemy.engine import make_url

from corroborate.cli import cli
from corroborate.extract import Claim, Extractor
from corroborate.store import Ledger

PG_ENV = "CORROBORATE_TEST_PG_URL"
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Hypothesis (under schemathesis) keeps caches in ./.hypothesis, some of them written at
    collection: put them in this run's tmp folder instead (the factory pytest made at
    configure time; the tmp_path_factory fixture comes too late)."""
    from hypothesis.configuration import set_hypothesis_home_dir

    factory: pytest.TempPathFactory = session.config._tmp_path_factory  # type: ignore[attr-defined]
    set_hypothesis_home_dir(factory.mktemp("hypothesis"))


# -- databases ------------------------------------------------------------------------------


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database per test, dropped afterwards."""
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL tests need {PG_ENV}=postgresql+psycopg://user@host/db")
    name = f"corroborate_t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as exc:
        admin.dispose()
        pytest.skip(f"PostgreSQL at {admin_url} unreachable: {exc.orig}")
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger_url(request: pytest.FixtureRequest) -> str:
    """Each storage test runs on a SQLite file and, when configured, on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def ledger(ledger_url: str) -> Iterator[Ledger]:
    with Ledger(ledger_url) as opened:
        yield opened


# -- files ----------------------------------------------------------------------------------

WriteFile = Callable[[str, str | bytes], Path]


@pytest.fixture
def write(tmp_path: Path) -> WriteFile:
    """Write a text or bytes file under tmp_path/in, creating folders; returns its path."""

    def _write(rel: str, content: str | bytes) -> Path:
        path = tmp_path / "in" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def make_pdf(text: str, *, title: str | None = None, author: str | None = None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


# -- the command line -----------------------------------------------------------------------


@pytest.fixture
def run(tmp_path: Path) -> Callable[..., Result]:
    """Invoke the real click command group in-process, in tmp_path."""

    def _run(*args: str) -> Result:
        runner = CliRunner()
        cwd = Path.cwd()
        os.chdir(tmp_path)
        try:
            return runner.invoke(cli, list(args), catch_exceptions=False)
        finally:
            os.chdir(cwd)

    return _run


def entry_point() -> list[str]:
    """The installed console script, as a user runs it."""
    script = Path(sys.executable).with_name("corroborate")
    if script.exists():
        return [str(script)]
    found = shutil.which("corroborate")
    return [found] if found else [sys.executable, "-m", "corroborate"]


def run_process(
    args: list[str], cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        entry_point() + args, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


# -- a real HTTP server on 127.0.0.1 --------------------------------------------------------


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    chunked: bool = False
    redirect: str | None = None
    etag: str | None = None  # answered with 304 when the request names it (If-None-Match)
    last_modified: str | None = None  # likewise for If-Modified-Since


@dataclass(frozen=True)
class Seen:
    """One request the server received."""

    path: str
    at: float  # time.monotonic()
    headers: dict[str, str]


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)

    def hits(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == path]

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    server_state = LocalServer(base="")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            server_state.requests.append(
                Seen(self.path, time.monotonic(), {k.lower(): v for k, v in self.headers.items()})
            )
            route = server_state.routes.get(self.path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.delay:
                time.sleep(route.delay)
            if route.redirect:
                self.send_response(302)
                self.send_header("Location", route.redirect)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            unchanged = (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
            )
            if unchanged:
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            if route.chunked:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for i in range(0, len(route.body), 4096):
                    piece = route.body[i : i + 4096]
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
                return
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *_args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server_state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server_state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def ex() -> Extractor:
    """The rule stage alone, for the tests of its rules: it holds no state between documents."""
    return Extractor(parse=False)


@pytest.fixture(scope="session")
def full() -> Extractor:
    """The whole extractor, rules and parser stage, as every command runs it."""
    return Extractor()


def claims(ex: Extractor, text: str) -> list[Claim]:
    return ex.extract(text, doc="t").claims


def tuples(ex: Extractor, text: str) -> set[tuple[object, ...]]:
    """(subject, relation, recipient, speaker, polarity) of each claim in `text`."""
    return {(c.subject, c.relation, c.recipient, c.speaker, c.polarity) for c in claims(ex, text)}


# -- a corpus with claims, for the worker pool and the Dask cluster -----------------------------

_SUPPLIERS = ["Turkey", "Russia", "Iran", "Israel", "Pakistan", "France"]
_RECEIVERS = ["Azerbaijan", "Armenia"]
_LINES = [
    "{a} sent drones to {b}, officials said.",
    "{a} denied delivering missiles to {b}.",
    "{a} reportedly supplied weapons to {b}, according to the observatory.",
    "Farmers near the river reported a quiet night and repaired a damaged bridge.",
    "The town council met on {n} occasions this month to discuss the water supply.",
]


def claims_corpus_rows(n: int, *, seed: int = 3) -> list[dict[str, object]]:
    """`n` JSONL rows of short news-like texts, most of them carrying claims; each text unique."""
    import random

    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for i in range(n):
        lines = [
            rng.choice(_LINES).format(
                a=rng.choice(_SUPPLIERS), b=rng.choice(_RECEIVERS), n=rng.randint(2, 9)
            )
            for _ in range(4)
        ]
        text = f"Bulletin {i}. " + " ".join(lines)
        rows.append({"id": f"b{i}", "text": text, "source": f"Outlet {i % 5}"})
    return rows


def write_claims_corpus(path: Path, n: int) -> Path:
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in claims_corpus_rows(n):
            fh.write(json.dumps(row) + "\n")
    return path


def assert_extracted_once(url: str, ex: Extractor, *, documents: int) -> dict[int, object]:
    """Every document is stored once, extracted once by `ex`'s version, and its stored claims
    are exactly what `ex` finds in its text (none lost, none twice). Returns each document's
    extraction time, to check later that a re-run did not redo it."""
    from collections import Counter

    with Ledger(url) as ledger, ledger.engine.connect() as conn:
        texts: dict[int, str] = dict(conn.execute(sa.text("select id, text from documents")).all())
        assert len(texts) == documents
        hashes = conn.execute(sa.text("select count(distinct content_hash) from documents"))
        assert hashes.scalar_one() == documents, "a document is stored twice"
        done = conn.execute(sa.text("select document_id, extractor, extracted_at from extractions"))
        extracted = {int(d): (v, at) for d, v, at in done.all()}
        assert set(extracted) == set(texts), "a document was never extracted"
        assert {v for v, _ in extracted.values()} == {ex.version}
        stored = Counter(
            (int(r[0]), r[1], r[2], r[3], r[4], r[5], int(r[6]))
            for r in conn.execute(
                sa.text(
                    "select document_id, subject, relation, recipient, speaker, polarity, "
                    "evidence_start from claims"
                )
            )
        )
    expected = Counter(
        (doc_id, c.subject, c.relation, c.recipient, c.speaker, c.polarity, c.evidence.start)
        for doc_id, text in texts.items()
        for c in ex.extract(str(text), doc=str(doc_id)).claims
    )
    assert sum(expected.values()) > documents // 2, "the corpus should carry claims"
    assert stored == expected
    return {d: at for d, (_v, at) in extracted.items()}
