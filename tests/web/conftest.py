"""A real ledger built with the real CLI, and a real server process on a free loopback port."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.web.corpus import write_corpus

TOKEN = "test-token-0123456789abcdef"
# workers import the app and assess the ledger before they answer; on a shared, loaded 2-core
# machine two of them took over 20 s to start
START_SECONDS = 90


@dataclass(frozen=True)
class Server:
    url: str
    workspace: Path
    process: subprocess.Popen[bytes]
    log: Path | None = None  # its stderr (tracebacks), when started with a tmpdir


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corroborate.web", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def build_workspace(root: Path) -> Path:
    """A workspace at `root` with the corpus ingested and extracted, through the real CLI."""
    done = run_cli("init", str(root), cwd=root.parent)
    assert done.returncode == 0, done.stderr
    articles = write_corpus(root)
    done = run_cli("ingest", str(articles), cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    return root


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_workspace(tmp_path_factory.mktemp("web") / "ws")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    workspace: Path, *extra: str, host: str = "127.0.0.1", tmpdir: Path | None = None
) -> Server:
    """`tmpdir` becomes the process's TMPDIR (where uploads are spooled before ingest) and
    holds its stderr, which a long run fills beyond what an unread pipe can take."""
    port = free_port()
    env = dict(os.environ, CORROBORATE_WEB_TOKEN="")
    log = None
    if tmpdir is not None:
        tmpdir.mkdir(parents=True, exist_ok=True)
        env["TMPDIR"] = str(tmpdir)
        log = tmpdir / "server.log"
    with log.open("wb") if log else contextlib.nullcontext(subprocess.PIPE) as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "corroborate.web", "-w", str(workspace), "serve",
             "--host", host, "--port", str(port), *extra],
            stdout=subprocess.DEVNULL, stderr=stderr, env=env,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    headers = {"authorization": f"Bearer {TOKEN}"} if "--token" in extra else {}
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = log.read_text() if log else proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"server exited with {proc.returncode}: {err}")
        try:
            if httpx.get(url + "/api/sources", headers=headers, timeout=2).status_code < 500:
                return Server(url, workspace, proc, log)
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"server did not start within {START_SECONDS} s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def server(workspace: Path) -> Iterator[Server]:
    s = start_server(workspace)
    yield s
    stop_server(s)


@pytest.fixture
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def fuzz_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over a ledger of its own: the reviews and uploads schemathesis sends must not
    change what the other web tests see. Its uploads are spooled under the same tmp folder."""
    base = tmp_path_factory.mktemp("fuzz")
    s = start_server(build_workspace(base / "ws"), tmpdir=base / "tmp")
    yield s
    stop_server(s)


@dataclass(frozen=True)
class Fuzzing:
    """What schemathesis needs besides the schema: where to send requests, what a legitimate
    client sends with them, and ids that exist in the ledger (to mix with generated ones)."""

    url: str
    headers: dict[str, str]
    ids: dict[str, list[object]]


@pytest.fixture(scope="module")
def fuzzing(fuzz_server: Server) -> Fuzzing:
    with httpx.Client(base_url=fuzz_server.url, timeout=30) as c:
        csrf = c.get("/api/sources").cookies["corroborate_csrf"]
        pids = [p["id"] for p in c.get("/api/propositions?limit=500").json()["items"]]
        ids: dict[str, list[object]] = {
            "pid": pids, "source": pids, "target": pids,
            "claim_id": [x["id"] for x in c.get("/api/claims?limit=500").json()["items"]],
            "doc_id": [d["id"] for d in c.get("/api/documents?limit=500").json()["items"]],
        }  # fmt: skip
    assert all(ids.values()), ids
    # a multipart upload must echo the CSRF cookie in a header; JSON bodies need nothing
    headers = {"x-csrf-token": csrf, "cookie": f"corroborate_csrf={csrf}"}
    return Fuzzing(fuzz_server.url, headers, ids)
