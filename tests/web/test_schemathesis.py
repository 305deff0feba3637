"""Schemathesis against the real server process over a real SQLite ledger: every operation of
/openapi.json, no server error, responses as documented, invalid input refused with a 4xx."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, note, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from corroborate.web.app import create_app
from corroborate.web.config import WebConfig
from tests.web.conftest import Fuzzing

Case = schemathesis.Case[Any]  # whatever the operation type


def served_schema() -> dict[str, Any]:
    """The app's OpenAPI schema, built in-process (test_the_schema_is_the_served_one checks it
    is what the server sends): schemathesis makes one test per operation at collection time."""
    app = create_app(WebConfig(database_url="sqlite://"))
    try:
        return app.openapi()
    finally:
        app.state.web.ledger.close()


OPENAPI = served_schema()
schema = schemathesis.openapi.from_dict(OPENAPI, config=schemathesis.Config(seed=20201002))

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    negative_data_rejection,
    unsupported_method,
]

# ids that exist in the fuzzed ledger, filled in before the first example is drawn
REAL_IDS: dict[str, list[object]] = {}


@pytest.fixture(autouse=True)
def real_ids(fuzzing: Fuzzing) -> None:
    REAL_IDS.update(fuzzing.ids)


def with_real_ids(values: object) -> st.SearchStrategy[object]:
    """Each generated id (path parameter, or merge source/target) either kept or swapped for a
    real one, so that requests get past the 404s to the handlers behind them."""
    if not isinstance(values, dict):
        return st.just(values)
    return st.fixed_dictionaries(
        {k: st.sampled_from(REAL_IDS[k]) | st.just(v) if k in REAL_IDS else st.just(v)
         for k, v in values.items()}
    )  # fmt: skip


@schema.hook("before_generate_path_parameters")
def real_path_ids(
    _context: schemathesis.HookContext, strategy: st.SearchStrategy[object]
) -> st.SearchStrategy[object]:
    return strategy.flatmap(with_real_ids)


# Schemathesis names every uploaded file "file", which the server refuses (415) before reading
# it. A legitimate client names its file: each upload gets a name with one of these suffixes,
# and content that is sometimes a document with YAML front matter, so that the ingest behind
# the 415 is exercised too.
SUFFIXES = (".md", ".txt", ".html", ".jsonl", ".csv", ".pdf", ".exe", "")
FILENAME = "__filename"  # carried in the generated body from the hook to the test, not sent
_SCALAR = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.sampled_from(["[1, 2]", "{a: b}", "null", "'<script>'", "2020-10-02T10:00:00"]),
)
_FRONT_MATTER = st.fixed_dictionaries(
    {"date": st.from_regex(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", fullmatch=True) | _SCALAR},
    optional={k: _SCALAR for k in ("title", "source", "published", "url", "language", "id")},
).map(lambda d: "---\n" + "".join(f"{k}: {v}\n" for k, v in d.items()) + "---\n")
_TEXT = st.sampled_from(
    ["Turkey supplied drones to Azerbaijan, Armenian officials said.", "Ankara denied it."]
) | st.text(max_size=200)


def as_upload(body: object) -> st.SearchStrategy[object]:
    if not isinstance(body, dict) or not isinstance(body.get("file"), str | bytes):
        return st.just(body)
    document = st.tuples(_FRONT_MATTER | st.just(""), _TEXT).map("".join)
    return st.fixed_dictionaries(
        {**{k: st.just(v) for k, v in body.items()},
         "file": document | st.just(body["file"]),
         FILENAME: st.just(".md") | st.sampled_from(SUFFIXES)}
    )  # fmt: skip


@schema.hook("before_generate_body")
def real_body_ids(
    context: schemathesis.HookContext, strategy: st.SearchStrategy[object]
) -> st.SearchStrategy[object]:
    if context.operation is not None and context.operation.path == "/api/documents":
        return strategy.flatmap(as_upload)
    return strategy.flatmap(with_real_ids)


def named_upload(case: Case) -> dict[str, Any]:
    """The multipart request a client sends for the generated body, its file named."""
    body = case.body
    if not isinstance(body, dict) or FILENAME not in body:
        return {}
    fields = dict(body)
    name, content = f"upload{fields.pop(FILENAME)}", fields.pop("file")
    case.body = fields | {"file": content}  # what the report shows, with this note:
    note(f"the file is sent as {name!r}, not as the reproduction's 'file'")
    data = {k: v for k, v in fields.items() if isinstance(v, str)}
    blob = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return {"files": {"file": (name, blob)}, "data": data}


def test_the_schema_is_the_served_one(fuzzing: Fuzzing) -> None:
    served = httpx.get(fuzzing.url + "/openapi.json", timeout=30).json()
    assert served == OPENAPI
    operations = {(m, p) for p, item in served["paths"].items() for m in item}
    assert {("post", "/api/documents"), ("post", "/api/claims/{claim_id}/reviews")} <= operations


def bounded(max_examples: int) -> settings:
    """Deterministic, no deadline (the first request after a review reassesses the ledger),
    nothing written to Hypothesis's example database."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


def call(case: Case, fuzzing: Fuzzing) -> None:
    upload = named_upload(case)
    case.call_and_validate(base_url=fuzzing.url, headers=fuzzing.headers, checks=CHECKS, **upload)


@schema.exclude(method="POST", path="/api/documents").parametrize()
@bounded(max_examples=25)
def test_api_conforms_to_its_schema(case: Case, fuzzing: Fuzzing) -> None:
    call(case, fuzzing)


@schema.include(method="POST", path="/api/documents").parametrize()
@bounded(max_examples=60)
def test_upload_conforms_to_its_schema(case: Case, fuzzing: Fuzzing) -> None:
    call(case, fuzzing)
