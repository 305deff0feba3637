"""The command line, in-process through click and as the installed console script."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from corroborate.settings import Settings
from corroborate.workspace import sample_corpus
from tests.conftest import SHARED, LocalServer, Route, WriteFile, make_pdf, run_process

Run = Callable[..., Result]
GOOD = "The defence ministry said cargo flights had carried weapons, which the embassy denied."


def documents(run: Run, *args: str) -> list[dict[str, object]]:
    result = run(*args, "documents", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def sample_counts() -> tuple[int, int]:
    """(documents, inputs read) of the sample: its articles plus its Telegram posts with text,
    a forward being the same document as its original post."""
    articles = sample_corpus()[0]
    posts: list[tuple[str, str]] = []
    for export in sorted(articles.rglob("result.json")):
        channel = json.loads(export.read_text(encoding="utf-8"))
        for m in channel["messages"]:
            text = "".join(e["text"] for e in m.get("text_entities", []))
            if m["type"] == "message" and text.strip():
                posts.append((m.get("forwarded_from") or channel["name"], text))
    md = len(list(articles.glob("*.md")))
    return md + len(set(posts)), md + len(posts)


def test_init_creates_workspace_and_is_safe_to_repeat(run: Run, tmp_path: Path) -> None:
    result = run("init", "ws")
    assert result.exit_code == 0, result.output
    ws = tmp_path / "ws"
    assert (ws / "corroborate.toml").is_file() and (ws / "sources.yaml").is_file()
    assert (ws / "corroborate.db").is_file()
    (ws / "corroborate.toml").write_text('database_url = "sqlite:///other.db"\n')
    again = run("init", "ws")
    assert again.exit_code == 0 and "created" not in again.stdout
    assert "other.db" in (ws / "corroborate.toml").read_text()
    assert (ws / "other.db").is_file()  # relative URLs in the config are workspace-relative


def test_sample_corpus_and_seed_ingest_once(run: Run, tmp_path: Path) -> None:
    articles, registry = sample_corpus()
    assert 25 <= len(list(articles.glob("*.md"))) <= 40
    expected, read = sample_counts()
    assert read == expected + 1  # one post is forwarded by the other channel
    targets = [str(articles)]
    if (SHARED / "seed").is_dir():
        targets.append(str(SHARED / "seed"))
        expected += len(list((SHARED / "seed").glob("*.txt")))
        read += len(list((SHARED / "seed").glob("*.txt")))
    first = run("ingest", "--sources", str(registry), *targets)
    assert first.exit_code == 0, first.output
    assert f"{expected} added, 1 already in the ledger, 0 failed" in first.stdout
    second = run("ingest", "--sources", str(registry), *targets)
    assert second.exit_code == 0
    assert f"0 added, {read} already in the ledger" in second.stdout
    rows = documents(run)
    assert len(rows) == expected
    sources = json.loads(run("sources", "--json").stdout)
    known = {s["name"]: s for s in sources}
    assert all(r["source"] in known for r in rows if r["format"] in ("md", "telegram"))
    assert all(known[r["source"]]["affiliation"] for r in rows if r["format"] in ("md", "telegram"))
    channels = [s for s in sources if s["kind"] == "telegram_channel"]
    assert len(channels) == 2 and all(s["documents"] >= 4 for s in channels)


def test_broken_and_good_files_through_the_console_script(write: WriteFile, tmp_path: Path) -> None:
    write("good1.txt", GOOD)
    write("good2.md", "---\ntitle: Second\n---\nThe observatory reported fighters moving south.")
    write("broken1.txt", b"\x00\x01\x02\x03binary")
    write("broken2.pdf", b"%PDF-1.7\n1 0 obj <<")
    write("broken3.jsonl", b"{not json}\n")
    db = f"sqlite:///{tmp_path / 'l.db'}"
    proc = run_process(["--db", db, "ingest", str(tmp_path / "in")], cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert (
        "ingest: 5 files read (1 JSONL/CSV file gave 1 row, one document each); "
        "5 documents: 2 added, 0 already in the ledger, 3 failed"
    ) in proc.stdout
    assert len(proc.stderr.strip().splitlines()) == 3  # one line per failure
    errors = run_process(["--db", db, "errors", "--json"], cwd=tmp_path)
    reasons = {Path(e["location"]).name: e["reason"] for e in json.loads(errors.stdout)}
    assert set(reasons) == {"broken1.txt", "broken2.pdf", "broken3.jsonl:row 1"}
    assert "binary data" in reasons["broken1.txt"]
    assert "PDF" in reasons["broken2.pdf"]
    assert "invalid JSON" in reasons["broken3.jsonl:row 1"]
    listed = run_process(["--db", db, "documents", "--json"], cwd=tmp_path)
    assert len(json.loads(listed.stdout)) == 2
    # fixing a file and re-running clears its error and adds only the new document
    write("broken1.txt", "Now a readable note on drone deliveries.")
    rerun = run_process(["--db", db, "ingest", "--quiet", str(tmp_path / "in")], cwd=tmp_path)
    assert rerun.returncode == 1 and rerun.stdout == ""
    after = json.loads(run_process(["--db", db, "errors", "--json"], cwd=tmp_path).stdout)
    assert len(after) == 2
    assert (
        len(json.loads(run_process(["--db", db, "documents", "--json"], cwd=tmp_path).stdout)) == 3
    )


def test_all_good_exits_zero_and_quiet_prints_nothing(run: Run, write: WriteFile) -> None:
    path = write("a.txt", GOOD)
    result = run("ingest", "-q", str(path))
    assert result.exit_code == 0
    assert result.output == ""


def test_metadata_flags(run: Run, write: WriteFile) -> None:
    path = write("a.txt", GOOD)
    result = run(
        "ingest",
        str(path),
        "--source",
        "Example Wire",
        "--date",
        "2020-10-05",
        "--url",
        "https://wire.example/x",
        "--title",
        "Flights",
        "--author",
        "Desk",
    )
    assert result.exit_code == 0, result.output
    (row,) = documents(run)
    assert row["source"] == "Example Wire" and row["published"] == "2020-10-05"
    assert row["title"] == "Flights" and row["url"] == "https://wire.example/x"
    bad = run("ingest", str(path), "--date", "someday")
    assert bad.exit_code == 2 and "--date" in bad.output


def test_jsonl_field_mapping_from_the_command_line(run: Run, write: WriteFile) -> None:
    path = write("feed.jsonl", json.dumps({"story": GOOD, "outlet": "Feed", "when": "2020-11-01"}))
    result = run("ingest", str(path), "--field", "text=story", "--field", "date=when")
    assert result.exit_code == 0, result.output
    (row,) = documents(run)
    assert row["published"] == "2020-11-01" and row["source"] == "Feed"
    bad = run("ingest", str(path), "--field", "colour=red")
    assert bad.exit_code == 2 and "unknown field 'colour'" in bad.output


def test_urls_with_registry_match(
    run: Run, tmp_path: Path, write: WriteFile, http_server: LocalServer
) -> None:
    http_server.routes["/story"] = Route(
        b"<html><body><article><p>" + GOOD.encode() * 3 + b"</p></article></body></html>"
    )
    http_server.routes["/report.pdf"] = Route(make_pdf(GOOD), "application/pdf")
    registry = write(
        "sources.yaml",
        "sources:\n  - name: Local Monitor\n    domains: [127.0.0.1]\n    kind: monitor\n",
    )
    result = run(
        "ingest",
        "--sources",
        str(registry),
        http_server.url("/story"),
        http_server.url("/report.pdf"),
        http_server.url("/nothing"),
    )
    assert result.exit_code == 1
    assert "ingest: 3 URLs read; 3 documents: 2 added" in result.stdout
    assert "HTTP 404" in result.stderr
    rows = documents(run)
    assert {r["source"] for r in rows} == {"Local Monitor"}
    assert {r["format"] for r in rows} == {"html", "pdf"}


def test_db_flag_overrides_the_workspace(run: Run, tmp_path: Path, write: WriteFile) -> None:
    run("init", "ws")
    other = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    assert run("-w", "ws", "--db", other, "ingest", str(write("a.txt", GOOD))).exit_code == 0
    assert len(documents(run, "--db", other)) == 1
    assert documents(run, "-w", "ws") == []


def test_clear_errors_for_bad_configuration(run: Run, tmp_path: Path, write: WriteFile) -> None:
    bad_registry = write("sources.yaml", "sources:\n  - name: X\n    kind: blog\n")
    result = run("ingest", "--sources", str(bad_registry), str(write("a.txt", GOOD)))
    assert result.exit_code == 1
    assert str(bad_registry) in result.output and "kind" in result.output
    (tmp_path / "corroborate.toml").write_text("colour = 'red'\n")
    result = run("documents")
    assert result.exit_code == 1 and "unknown setting 'colour'" in result.output
    (tmp_path / "corroborate.toml").unlink()
    result = run("--db", "nonsense", "documents")
    assert result.exit_code == 1 and "not a database URL" in result.output


def test_settings_lists_every_setting(run: Run) -> None:
    result = run("settings")
    assert result.exit_code == 0
    for name, _default, _help in Settings.describe():
        assert name in result.stdout


def test_demo_ingests_and_summarises_the_sample(run: Run, tmp_path: Path) -> None:
    result = run("demo", "--dir", "demo")
    assert result.exit_code == 0, result.output
    n, read = sample_counts()
    assert f"{n} documents from" in result.stdout
    assert "by affiliation" in result.stdout
    assert "messages skipped (" in result.stdout and "media only" in result.stdout
    for actor, channel in (("turkey", "Syunik Front Notes"), ("russia", "Don Front Correspondent")):
        report = (tmp_path / "demo" / f"report-{actor}.html").read_text(encoding="utf-8")
        assert channel in report  # the channel is a voice in the role report
    again = run("demo", "--dir", "demo")
    assert f"0 added, {read} already in the ledger" in again.stdout


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_listings_on_an_empty_ledger(run: Run, fmt: str) -> None:
    args = ["--json"] if fmt == "json" else []
    for command in ("documents", "sources", "errors"):
        result = run(command, *args)
        assert result.exit_code == 0, result.output
        if fmt == "json":
            assert json.loads(result.stdout) == []


def test_init_with_a_relative_db_keeps_one_ledger(
    run: Run, tmp_path: Path, write: WriteFile
) -> None:
    assert run("--db", "sqlite:///stray.db", "init", "ws3").exit_code == 0
    assert run("-w", "ws3", "ingest", str(write("a.txt", GOOD))).exit_code == 0
    assert len(documents(run, "--db", "sqlite:///stray.db")) == 1  # the same file both times
    assert not (tmp_path / "ws3" / "stray.db").exists()


def test_camps_setting_and_self_merge(run: Run, tmp_path: Path, write: WriteFile) -> None:
    write("a.txt", "Armenia said Turkish F-16s shot down an Armenian Su-25, which Ankara denied.")
    assert run("ingest", str(tmp_path / "in")).exit_code == 0
    (tmp_path / "corroborate.toml").write_text('camps = "missing.yaml"\n')
    result = run("propositions")
    assert result.exit_code == 1 and "missing.yaml" in result.output
    (tmp_path / "corroborate.toml").unlink()
    props = json.loads(run("propositions", "--json").stdout)
    same = run("merge", props[0]["id"], props[0]["id"])
    assert same.exit_code == 1 and "into itself" in same.output
