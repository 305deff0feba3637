"""Role reports, exports and the demo on a real ledger built from hand-written articles."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from corroborate.assess_run import assess_ledger
from corroborate.claims_run import extract_ledger
from corroborate.extract import Extractor
from corroborate.ingest import SourceRegistry, build_document
from corroborate.model import Document, Metadata, RawInput, Source
from corroborate.report.build import build_role_report, export, render_report
from corroborate.store import Ledger

Run = Callable[..., Result]
ARTICLES = [
    ("Yerevan Desk", "armenian_government", "2020-09-29",
     "Armenia's defence ministry said a Turkish F-16 shot down an Armenian Su-25 on Tuesday. "
     "Ankara denied it."),
    ("Neutral Wire", "wire", "2020-10-02",
     "Turkey sold Bayraktar TB2 drones to Azerbaijan before the war, export records show."),
    ("Monitor Bulletin", "monitor", "2020-10-05",
     "The monitor said Turkey had delivered armed drones to Azerbaijan in the summer."),
    ("Baku Daily", "azerbaijani_government", "2020-10-06",
     "Azerbaijan denied that Pakistani troops were fighting alongside its army. "
     "The <script>alert('x')</script> claim is fabricated, officials said."),
]  # fmt: skip


@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    registry = SourceRegistry(tuple(Source(name=n, affiliation=a) for n, a, _d, _t in ARTICLES))
    ledger.upsert_sources(registry.sources)
    docs = []
    for name, _aff, day, text in ARTICLES:
        from datetime import date

        built = build_document(
            RawInput(
                f"{name}.txt", text, "txt", Metadata(source=name, published=date.fromisoformat(day))
            )
        )
        assert isinstance(built, Document)
        docs.append(built)
    ledger.write_batch(docs)
    extract_ledger(ledger, extractor=Extractor())
    return ledger


def test_role_report_sections_quotes_and_statuses(filled: Ledger) -> None:
    a = assess_ledger(filled)
    drones = next(p for p in a.for_actor("Turkey") if p.relation == "arms_supply")
    assert drones.status == "corroborated"  # a wire and a monitor: two independent third parties
    assert {v.group for v in drones.affirming} == {"wire", "monitor"}
    report = build_role_report(filled, "Turkey", assessment=a, with_charts=False)
    assert report.counts["corroborated"] >= 1
    md = render_report(report, "md")
    assert "# The role of Turkey" in md and "## Corroborated" in md
    assert "Neutral Wire, 2020-10-02" in md
    data = json.loads(render_report(report, "json"))
    assert data["actor"] == "Turkey" and data["counts"]["corroborated"] >= 1


def test_html_report_is_self_contained_and_escapes_corpus_text(ledger: Ledger) -> None:
    hostile = (
        "Turkey sold <script>alert('x')</script> drones to Azerbaijan, "
        "<img src=x onerror=alert(1)> the ministry said."
    )
    doc = build_document(
        RawInput("h.txt", hostile, "txt", Metadata(source="Evil Post", url="javascript:alert(1)"))
    )
    assert isinstance(doc, Document)
    ledger.write_batch([doc])
    extract_ledger(ledger, extractor=Extractor())
    a = assess_ledger(ledger)
    sections = build_role_report(ledger, "Turkey", assessment=a).sections
    quote = next(q for v in sections["single-source"] for q in v.quotes)
    assert "<script>" in quote.text  # the evidence really carries the payload
    html = render_report(build_role_report(ledger, "Turkey", assessment=a), "html")
    assert "<svg" in html  # charts inline
    assert "&lt;script&gt;" in html and "<script" not in html
    assert "<img" not in html and "javascript:" not in html
    assert not re.search(r"""(src|href)=["']https?://""", html)  # nothing loaded from elsewhere
    assert "<link" not in html and "<metadata>" not in html
    reviews = json.loads(export(ledger, "claimreview"))
    assert "javascript:" not in json.dumps(reviews)


def test_exports(filled: Ledger) -> None:
    rows = list(csv.DictReader(io.StringIO(export(filled, "csv"))))
    assert rows and all(r["proposition_id"].startswith("P") for r in rows)
    assert {r["status"] for r in rows} <= {
        "corroborated", "contested", "single-source", "one-sided", "unverified", "denied-only"
    }  # fmt: skip
    events = list(csv.DictReader(io.StringIO(export(filled, "events"))))
    denial = next(e for e in events if e["polarity"] == "deny")
    assert denial["cameo_code"] == "016"
    supply = next(e for e in events if e["event_type"] == "arms_supply")
    assert supply["cameo_code"] == "072" and supply["source_actor"] == "Turkey"
    reviews = json.loads(export(filled, "claimreview"))
    assert all(r["@type"] == "ClaimReview" and r["itemReviewed"]["appearance"] for r in reviews)
    assert {r["reviewRating"]["alternateName"] for r in reviews} >= {"corroborated"}
    lines = export(filled, "jsonl").splitlines()
    assert len(lines) == len(rows)


def test_report_export_and_review_commands(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    registry = ["sources:"]
    for name, aff, day, text in ARTICLES:
        slug = name.lower().replace(" ", "-")
        (folder / f"{slug}.md").write_text(f"---\nsource: {name}\ndate: {day}\n---\n{text}\n")
        registry += [f"  - name: {name}", f"    affiliation: {aff}"]
    (tmp_path / "sources.yaml").write_text("\n".join(registry) + "\n")
    assert run("ingest", str(folder), "--sources", str(tmp_path / "sources.yaml")).exit_code == 0
    props = json.loads(run("propositions", "--actor", "Turkey", "--json").stdout)
    assert any(p["status"] == "corroborated" for p in props)
    result = run("report", "--actor", "Turkey", "--format", "html", "--out", "out/turkey.html")
    assert (
        result.exit_code == 0 and (tmp_path / "out" / "turkey.html").read_text().count("<svg") == 3
    )
    assert run("export", "--format", "events", "--out", "ev.csv").exit_code == 0
    assert (tmp_path / "ev.csv").read_text().startswith("date,source_actor,target_actor,cameo_code")
    assert len(props) >= 2  # supply (corroborated) and the F-16 accusation
    merged = run("merge", props[0]["id"], props[1]["id"], "--note", "same act")
    assert merged.exit_code == 0
    after = json.loads(run("propositions", "--actor", "Turkey", "--json").stdout)
    assert len(after) == len(props) - 1
    missing = run("merge", "Pnope", "Pnope2")
    assert missing.exit_code == 1 and "no proposition" in missing.output
