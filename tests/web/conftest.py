"""A real ledger built with the real CLI, and a real server process on a free loopback port."""

from __future__ import annotations

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


@dataclass(frozen=True)
class Server:
    url: str
    workspace: Path
    process: subprocess.Popen[bytes]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corroborate.web", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("web") / "ws"
    for step in (["init", str(root)],):
        done = run_cli(*step, cwd=root.parent)
        assert done.returncode == 0, done.stderr
    articles = write_corpus(root)
    done = run_cli("ingest", str(articles), cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    return root


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(workspace: Path, *extra: str, host: str = "127.0.0.1") -> Server:
    port = free_port()
    env = dict(os.environ, CORROBORATE_WEB_TOKEN="")
    proc = subprocess.Popen(
        [sys.executable, "-m", "corroborate.web", "-w", str(workspace), "serve",
         "--host", host, "--port", str(port), *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    headers = {"authorization": f"Bearer {TOKEN}"} if "--token" in extra else {}
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"server exited with {proc.returncode}: {err}")
        try:
            if httpx.get(url + "/api/sources", headers=headers, timeout=2).status_code < 500:
                return Server(url, workspace, proc)
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start within 20 s")


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
