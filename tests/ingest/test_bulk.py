"""Bulk inputs streamed by row or record: JSONL(.gz), Parquet and WARC, each damaged part one
error row naming the file and the row or record, and the batch going on."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from corroborate.ingest import ReadOptions, plan_inputs, read_file
from corroborate.model import IngestFailure, RawInput
from corroborate.pipeline import ingest
from corroborate.settings import Settings
from corroborate.store import Ledger
from tests.conftest import WriteFile, run_process

ONE = Settings(workers=1)


def _rows(n: int, *, kind: str = "Dispatch") -> list[str]:
    return [
        json.dumps({"id": f"r{i}", "text": f"{kind} {i}: the convoy crossed the border at dawn."})
        for i in range(n)
    ]


def test_a_malformed_record_in_a_100k_line_jsonl_is_one_failure(write: WriteFile) -> None:
    lines = _rows(100_000)
    lines[61_233] = '{"id": "broken", "text": "no closing brace"'
    path = write("big.jsonl", "\n".join(lines) + "\n")
    raws = failures = 0
    for item in read_file(path, ReadOptions()):  # streamed: nothing is kept here
        if isinstance(item, RawInput):
            raws += 1
        else:
            failures += 1
            failure = item
    assert (raws, failures) == (99_999, 1)
    assert failure.origin == f"{path}:row 61234"
    assert failure.reason.startswith("invalid JSON")


def test_jsonl_gz_and_a_truncated_gz(ledger: Ledger, write: WriteFile) -> None:
    good = write(
        "good.jsonl.gz", gzip.compress(("\n".join(_rows(40, kind="Note")) + "\n").encode())
    )
    whole = gzip.compress(("\n".join(_rows(3000)) + "\n").encode())
    cut = write("cut.ndjson.gz", whole[: len(whole) * 2 // 3])
    assert plan_inputs([str(good.parent)]).inputs == (str(cut), str(good))
    report = ingest(ledger, [str(cut), str(good)], settings=ONE)
    (failure,) = report.failures
    assert failure.origin.startswith(f"{cut}:row ")
    assert "gzip stream truncated after row" in failure.reason
    kept = int(failure.origin.rsplit(" ", 1)[1]) - 1
    assert 0 < kept < 3000
    assert report.added == kept + 40  # the rows before the damage, and the next file
    assert [(e.location, e.reason) for e in ledger.list_errors()] == [
        (failure.origin, failure.reason)
    ]


def test_parquet_rows_with_a_bad_row_and_a_damaged_file(ledger: Ledger, write: WriteFile) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = [f"Bulletin {i}: shelling was reported near the airport." for i in range(30)]
    texts[7] = "   "
    table = pa.table({"body": texts, "headline": [f"H{i}" for i in range(30)],
                      "published": ["2020-10-05"] * 30})  # fmt: skip
    sink = io.BytesIO()
    pq.write_table(table, sink, row_group_size=8)
    path = write("feed.parquet", sink.getvalue())
    damaged = write("damaged.parquet", b"PAR1 this is not really parquet")
    report = ingest(ledger, [str(damaged), str(path)], settings=ONE)
    assert report.added == 29
    assert sorted(f.origin for f in report.failures) == [str(damaged), f"{path}:row 8"]
    docs = ledger.list_documents()
    assert {d.title for d in docs} == {f"H{i}" for i in range(30)} - {"H7"}
    assert {str(d.published) for d in docs} == {"2020-10-05"}


def _warc(pages: list[tuple[str, bytes, str]], *, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, body, kind in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return buf.getvalue()


def _page(i: int) -> bytes:
    return (
        f"<html><head><title>Story {i}</title></head><body><nav>Home | World</nav><article>"
        f"<p>Story {i}. Artillery units moved north overnight, residents of the valley said, "
        "and two bridges were closed to civilian traffic until further notice.</p>"
        "</article></body></html>"
    ).encode()


def test_warc_pages_and_a_broken_record(ledger: Ledger, write: WriteFile) -> None:
    pages = [(f"https://wire.example/{i}", _page(i), "text/html; charset=utf-8") for i in range(4)]
    pages.insert(2, ("https://wire.example/logo.png", b"\x89PNG...", "image/png"))
    data = _warc(pages, gz=False)
    fourth = data.index(b"WARC/1.0", data.index(b"wire.example/2"))  # the record after page 2
    broken = write("crawl.warc", data[:fourth] + b"NOT A WARC HEADER\r\n" + data[fourth + 8 :])
    clean = write("other.warc.gz", _warc(pages[:2], gz=True))
    report = ingest(ledger, [str(broken), str(clean)], settings=ONE)
    (failure,) = report.failures
    assert failure.origin == f"{broken}:record 5"  # 1-2 pages, 3 the image, 4 page 2, 5 broken
    assert "damaged WARC record" in failure.reason
    docs = ledger.list_documents()
    assert report.added == len(docs) == 3  # pages 0, 1, 2 of the broken file
    assert report.existing == 2  # the clean file archives pages 0 and 1 again
    assert {d.url for d in docs} == {f"https://wire.example/{i}" for i in range(3)}
    assert all(d.format == "html" and d.title and d.title.startswith("Story") for d in docs)
    text = ledger.document_text(docs[0].id) or ""
    assert "Artillery units" in text and "Home | World" not in text  # trafilatura's main text


def test_truncated_warc_gz_record(write: WriteFile) -> None:
    pages = [(f"https://wire.example/{i}", _page(i), "text/html") for i in range(3)]
    data = _warc(pages, gz=True)
    path = write("cut.warc.gz", data[:-60])
    items = list(read_file(path, ReadOptions()))
    assert [type(i) for i in items] == [RawInput, RawInput, IngestFailure]
    assert isinstance(items[2], IngestFailure) and items[2].origin == f"{path}:record 3"
    assert "truncated" in items[2].reason


def test_cli_ingests_a_folder_of_bulk_files_and_lists_the_errors(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl.gz").write_bytes(gzip.compress("\n".join(_rows(5)).encode())[:-12])
    (folder / "b.warc").write_bytes(
        _warc([("https://x.example/1", _page(1), "text/html")], gz=False)
    )
    db = f"sqlite:///{tmp_path / 'l.db'}"
    done = run_process(
        ["--db", db, "ingest", "--workers", "1", "--no-extract", str(folder)], tmp_path
    )
    assert done.returncode == 1, done.stderr
    assert f"error: {folder / 'a.jsonl.gz'}:row " in done.stderr
    errors = run_process(["--db", db, "errors"], tmp_path)
    assert errors.stdout.count("a.jsonl.gz:row ") == 1 and "1 errors" in errors.stdout
    docs = run_process(["--db", db, "documents", "--json"], tmp_path)
    assert "https://x.example/1" in docs.stdout
