"""Telegram Desktop exports: a few hundred messages written for the tests, read for real."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from corroborate.ingest import ReadOptions, SourceRegistry, load_registry, read_file
from corroborate.ingest.telegram import flatten_text
from corroborate.model import IngestFailure, RawInput, Skipped
from corroborate.pipeline import ingest
from corroborate.settings import Settings
from corroborate.store import Ledger
from tests.conftest import WriteFile
from tests.ingest.telegram_export import make_export

SOURCES = """\
sources:
  - name: Border Diary
    domains: [t.me/border_diary]
    kind: telegram_channel
    affiliation: diary_group
  - name: Steppe Signal
    domains: [t.me/steppe_signal]
    kind: telegram_channel
    affiliation: steppe_group
"""


def _registry(write: WriteFile) -> SourceRegistry:
    return load_registry(write("sources.yaml", SOURCES))


def _dump(write: WriteFile, rel: str, export: dict[str, object]) -> Path:
    return write(rel, json.dumps(export, ensure_ascii=False, indent=1))


def test_flatten_keeps_every_part_in_order() -> None:
    parts = ["Plain ", {"type": "bold", "text": "bold"}, {"type": "text_link", "text": " link",
             "href": "https://x.example"}, " end"]  # fmt: skip
    assert flatten_text(parts) == "Plain bold link end"
    assert flatten_text("as is") == "as is"
    assert flatten_text(None) == ""


def test_three_hundred_messages_with_dates_permalinks_and_counts(
    write: WriteFile, sqlite_url: str
) -> None:
    made = make_export(count=300)
    path = _dump(write, "diary/result.json", made.export)
    registry = _registry(write)
    with Ledger(sqlite_url) as ledger:
        report = ingest(ledger, [str(path)], settings=Settings(), registry=registry)
        rows = ledger.list_documents()
        again = ingest(ledger, [str(path.parent)], settings=Settings(), registry=registry)
    assert not report.failures
    assert report.added == len(made.texts) > 200
    reasons = [s.reason.split(" (")[0] for s in report.passed_over]
    assert reasons.count("media only") == len(made.media_only) > 10
    assert reasons.count("service message") == len(made.service) >= 1
    assert again.added == 0 and again.existing == len(made.texts)  # a re-run adds nothing
    by_id = {int(r.origin.rsplit(" ", 1)[1]): r for r in rows}
    assert set(by_id) == set(made.texts)
    for msg_id, row in by_id.items():
        assert row.published == date.fromisoformat(made.dates[msg_id])
        assert row.url == f"https://t.me/border_diary/{msg_id}"
        assert row.format == "telegram"
        expected = made.forwards.get(msg_id, "Border Diary")
        assert row.source == expected, msg_id
    forwards = [by_id[i] for i in made.forwards]
    assert forwards and all("forwarded by Border Diary" in (r.title or "") for r in forwards)
    replies = [by_id[i] for i in made.replies]
    parent = "reply to https://t.me/border_diary/"
    assert replies and all(parent in (r.title or "") for r in replies)
    assert all("edited 20" in (by_id[i].title or "") for i in made.edited)


def test_flattened_text_is_stored_and_claim_offsets_point_into_it(
    write: WriteFile, sqlite_url: str
) -> None:
    made = make_export(count=120, seed=3)
    path = _dump(write, "result.json", made.export)
    with Ledger(sqlite_url) as ledger:
        ingest(ledger, [str(path)], settings=Settings(), registry=_registry(write))
        rows = {int(r.origin.rsplit(" ", 1)[1]): r for r in ledger.list_documents()}
        stored = {i: ledger.document_text(r.id) for i, r in rows.items()}
    entity_posts = [
        m["id"] for m in made.export["messages"] if any(
            e.get("type") == "text_link" for e in m.get("text_entities", []))
    ]  # fmt: skip
    assert entity_posts
    for msg_id in entity_posts:
        assert stored[msg_id] == made.texts[msg_id].strip()
        assert "maps.example" not in (stored[msg_id] or "")  # link targets never enter the text

    from corroborate.extract import Extractor

    ex = Extractor()
    checked = 0
    for msg_id in entity_posts:
        text = stored[msg_id] or ""
        for claim in ex.extract(text, doc=str(msg_id)).claims:
            span = claim.evidence
            assert text[span.start : span.end] == span.text
            checked += 1
    assert checked > 3


def test_forward_and_original_are_one_document_credited_to_the_original(
    write: WriteFile, sqlite_url: str
) -> None:
    post = "Our sources say Turkey has sent armoured vehicles to Georgia this week."
    original = make_export(name="Steppe Signal", channel_id=1_700_000_002, count=40, seed=11)
    message = {"id": 41, "type": "message", "date": "2021-04-01T10:00:00", "text": post,
               "date_unixtime": "1617271200", "from": "Steppe Signal"}  # fmt: skip
    message["text_entities"] = [{"type": "plain", "text": post}]
    original.export["messages"].append(message)
    relay = make_export(count=60, seed=12, forwarded_texts={30: post})
    a = _dump(write, "steppe/result.json", original.export)
    b = _dump(write, "diary/result.json", relay.export)
    registry = _registry(write)
    with Ledger(sqlite_url) as ledger:
        first = ingest(ledger, [str(a)], settings=Settings(), registry=registry)
        second = ingest(ledger, [str(b)], settings=Settings(), registry=registry)
        rows = [r for r in ledger.list_documents() if r.content_hash]
        same = [r for r in rows if ledger.document_text(r.id) == post]
        sources = {s.name: s for s in ledger.list_sources()}
    assert first.added == len(original.texts) + 1
    assert second.existing == 1  # the forward is the original post: counted once
    assert len(same) == 1 and same[0].source == "Steppe Signal"
    assert same[0].url == "https://t.me/steppe_signal/41"
    assert sources["Steppe Signal"].kind == "telegram_channel"


def test_private_channel_has_no_permalinks(write: WriteFile) -> None:
    made = make_export(kind="private_channel", count=30, seed=5)
    path = _dump(write, "result.json", made.export)
    items = list(read_file(path, ReadOptions(telegram_usernames={"Border Diary": "border_diary"})))
    raws = [i for i in items if isinstance(i, RawInput)]
    assert raws and all(r.meta.url is None for r in raws)
    assert all(r.meta.external_id == f"telegram:1700000001:{r.origin.rsplit(' ', 1)[1]}"
               for r in raws)  # fmt: skip


def test_bad_messages_fail_alone_and_the_export_goes_on(write: WriteFile, sqlite_url: str) -> None:
    made = make_export(count=50, seed=9)
    messages = made.export["messages"]
    messages.insert(10, {"type": "message", "text": "no id here"})
    messages.insert(20, {"id": 999, "type": "message", "text": 42})
    path = _dump(write, "result.json", made.export)
    with Ledger(sqlite_url) as ledger:
        report = ingest(ledger, [str(path)], settings=Settings())
        errors = ledger.list_errors()
    assert report.added == len(made.texts)
    assert sorted(e.location for e in errors) == [f"{path}:message #10", f"{path}:message 999"]
    assert "numeric `id`" in errors[0].reason or "numeric `id`" in errors[1].reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"name": "X", "messages": [', "invalid JSON"),
        (b'{"hello": 1}', "not a Telegram Desktop export"),
        (b"[1, 2]", "expected a JSON object"),
        (b'{"messages": []}', "no channel `name`"),
    ],
)
def test_broken_exports_are_one_error_each(write: WriteFile, content: bytes, reason: str) -> None:
    path = write("bad.json", content)
    items = list(read_file(path, ReadOptions()))
    assert len(items) == 1 and isinstance(items[0], IngestFailure)
    assert reason in items[0].reason and items[0].origin == str(path)


def test_folders_read_telegram_exports_but_not_other_json(write: WriteFile) -> None:
    from corroborate.ingest import plan_inputs

    _dump(write, "chan/result.json", make_export(count=5).export)
    write("chan/other.json", '{"settings": true}')
    plan = plan_inputs([str(write("notes.txt", "x").parent)])
    assert [Path(p).name for p in plan.inputs] == ["result.json", "notes.txt"]
    assert [Path(p).name for p in plan.skipped] == ["other.json"]


def test_whole_account_export_reads_every_chat(write: WriteFile) -> None:
    one = make_export(count=20, seed=1).export
    two = make_export(name="Steppe Signal", count=20, seed=2).export
    path = _dump(write, "result.json", {"chats": {"list": [one, two]}})
    items = list(read_file(path, ReadOptions()))
    sources = {i.meta.source for i in items if isinstance(i, RawInput)}
    assert {"Border Diary", "Steppe Signal"} <= sources
    assert any(isinstance(i, Skipped) for i in items)
    assert all(":Steppe Signal:message" in i.origin or ":Border Diary:message" in i.origin
               for i in items)  # fmt: skip


def test_cli_prints_skipped_messages(write: WriteFile, tmp_path: Path) -> None:
    from tests.conftest import run_process

    made = make_export(count=80, seed=4)
    path = _dump(write, "result.json", made.export)
    registry = write("sources.yaml", SOURCES)
    proc = run_process(["ingest", "--no-extract", "--sources", str(registry), str(path)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    skipped = len(made.media_only) + len(made.service)
    assert f"{len(made.texts)} added" in proc.stdout
    assert f"{skipped} messages skipped" in proc.stdout
    assert f"{len(made.media_only)} media only" in proc.stdout


def test_registry_knows_channels_by_their_t_me_address(write: WriteFile) -> None:
    registry = _registry(write)
    assert registry.telegram_usernames() == {
        "Border Diary": "border_diary",
        "Steppe Signal": "steppe_signal",
    }
    assert registry.match_url("https://t.me/Steppe_Signal/12") == "Steppe Signal"
    assert registry.match_url("https://t.me/someone_else/12") is None


def test_forward_from_a_hidden_account_stays_with_the_channel_and_says_so(
    write: WriteFile,
) -> None:
    made = make_export(count=10, seed=2)
    text = "A post whose author hid their account from forwards."
    made.export["messages"].append(
        {
            "id": 11,
            "type": "message",
            "date": "2021-03-09T10:00:00",
            "text": text,
            "forwarded_from": None,
        }
    )
    path = _dump(write, "result.json", made.export)
    items = list(read_file(path, ReadOptions()))
    raw = next(i for i in items if isinstance(i, RawInput) and i.text == text)
    assert raw.meta.source == "Border Diary"
    assert raw.meta.title == f"[forwarded from a hidden account] {text}"
    assert raw.meta.published == date(2021, 3, 9)  # no unixtime: the export's own date


def test_older_exports_without_text_entities_read_the_text_field() -> None:
    from corroborate.ingest.telegram import Channel, message_to_raw

    channel = Channel("Border Diary", "public_channel", "1", "border_diary")
    message = {"id": 5, "type": "message", "date": "2019-05-02T23:30:00",
               "text": ["Seen at ", {"type": "hashtag", "text": "#dawn"}, "."]}  # fmt: skip
    raw = message_to_raw(message, channel=channel, origin="r.json:message 5", max_bytes=1000)
    assert isinstance(raw, RawInput)
    assert raw.text == "Seen at #dawn." and raw.meta.url == "https://t.me/border_diary/5"
