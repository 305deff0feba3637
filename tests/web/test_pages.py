"""The review queue page: ordered by certainty that moves with the evidence, each claim in its
sentence, and the reviewer's name asked once."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from tests.web.conftest import Server, build_workspace, start_server, stop_server
from tests.web.helpers import csrf_of


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own: other tests' reviews empty the shared one's queue."""
    s = start_server(build_workspace(tmp_path_factory.mktemp("queue") / "ws"))
    yield s
    stop_server(s)


def test_queue_orders_by_varying_certainty_and_shows_sentences(fresh: Server) -> None:
    page = httpx.get(fresh.url + "/queue", timeout=30).text
    values = [float(v) for v in re.findall(r"certainty ([0-9.]+):", page)]
    assert len(values) >= 5
    assert values == sorted(values)  # least certain first
    assert len(set(values)) >= 3  # not the extractor's two constants
    quotes = re.findall(r'<div class="context" data-test="quote">(.*?)</div>', page, re.S)
    assert quotes and all("<mark>" in q for q in quotes)
    assert any(re.sub(r"<[^>]+>", "", q).strip().endswith(".") for q in quotes)


def test_the_reviewer_name_is_asked_once(fresh: Server) -> None:
    with httpx.Client(base_url=fresh.url, timeout=30) as browser:
        first = browser.get("/queue").text
        assert "asked once for this browser" in first
        assert first.count('name="author"') > 2  # no name yet: each form asks, and the top one
        token = csrf_of(browser)
        done = browser.post(
            "/reviewer", data={"author": "Dana", "csrf_token": token, "back": "/queue"}
        )
        assert done.status_code == 303 and done.headers["location"] == "/queue"
        after = browser.get("/queue").text
        assert 'data-test="reviewer-name">Dana<' in after
        assert "Your name" not in after  # the item forms carry it, hidden
        assert after.count('type="hidden" name="author" value="Dana"') >= 2
        refused = browser.post("/reviewer", data={"author": "Eve", "back": "/queue"})
        assert refused.status_code == 403  # CSRF like every other form
