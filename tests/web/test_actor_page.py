"""The workbench's actor page on a new workspace about another war: camps unset, and the names
the knowledge base lacks listed, as in the role report."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.cli.test_camps import KARABAKH_CAMPS, SUDAN, UNKNOWN
from tests.web.conftest import Server, run_cli, start_server, stop_server


@pytest.fixture(scope="module")
def sudan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("sudan")
    assert run_cli("init", "ws", cwd=root).returncode == 0
    for name, text in SUDAN.items():
        (root / "in").mkdir(exist_ok=True)
        (root / "in" / name).write_text(text, encoding="utf-8")
    done = run_cli("-w", "ws", "ingest", "in", cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    s = start_server(Path(root / "ws"))
    yield s
    stop_server(s)


def test_actor_page_lists_unknown_actors_and_unset_camps(sudan: Server) -> None:
    page = httpx.get(sudan.url + "/actors/United Arab Emirates", timeout=30)
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert 'data-test="camps">Camps are unset' in text
    assert not any(camp in text for camp in KARABAKH_CAMPS)
    [note] = [p for p in text.split("<p ") if 'data-test="unknown-actors"' in p]
    assert "Unknown actors: 3 names" in note and "Wadi Hawar Brigade (2 documents)" in note
    assert all(name in note for name in UNKNOWN) and "lexicons/" in note
