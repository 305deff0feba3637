"""Inputs a review found mishandled: each must fail alone, or be read right."""

from __future__ import annotations

from datetime import date

import pytest

from corroborate.ingest import ReadOptions, SourceRegistry, build_document, read_file
from corroborate.ingest.text import parse_date
from corroborate.model import Document, IngestFailure, Metadata, RawInput, Source
from corroborate.store import Ledger
from tests.conftest import WriteFile


def test_an_oversized_csv_field_fails_its_row_only(write: WriteFile) -> None:
    path = write("rows.csv", "title,text\nA,first row\nB," + "x" * 300 + "\nC,third row\n")
    items = list(read_file(path, ReadOptions(max_bytes=200)))
    assert [i.text for i in items if isinstance(i, RawInput)] == ["first row", "third row"]
    (bad,) = [i for i in items if isinstance(i, IngestFailure)]
    assert bad.origin == f"{path}:row 2" and "over the 200 cap" in bad.reason


def test_crlf_front_matter(write: WriteFile) -> None:
    path = write(
        "w.md", b"---\r\ntitle: T\r\nsource: Wire\r\ndate: 2020-10-02\r\n---\r\nBody text.\r\n"
    )
    (raw,) = list(read_file(path, ReadOptions()))
    assert isinstance(raw, RawInput)
    assert (raw.meta.source, raw.meta.published) == ("Wire", date(2020, 10, 2))
    assert raw.text.strip() == "Body text."


def test_unknown_encoding_for_csv_is_a_failure_not_a_crash(write: WriteFile) -> None:
    (item,) = list(read_file(write("r.csv", "text\nhello\n"), ReadOptions(encoding="nonsense")))
    assert isinstance(item, IngestFailure) and "unknown encoding" in item.reason


@pytest.mark.parametrize("text", ["October 5", "Tuesday", "2020", "5 October"])
def test_dates_missing_a_part_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="lacks a year, month or day"):
        parse_date(text)
    assert parse_date("5 October 2020") == date(2020, 10, 5)


def test_editing_the_registry_does_not_make_old_documents_new(ledger: Ledger) -> None:
    raw = RawInput("u", "A wire story about drone deliveries.", "html",
                   Metadata(url="https://news.wire.example/a"))  # fmt: skip
    before = build_document(raw, registry=SourceRegistry())
    after = build_document(raw, registry=SourceRegistry((Source("Wire", ("wire.example",)),)))
    assert isinstance(before, Document) and isinstance(after, Document)
    assert after.meta.source == "Wire" and before.meta.source is None
    assert ledger.write_batch([before]).added == 1
    assert ledger.write_batch([after]).existing == 1  # the same document, not a second one


def test_long_metadata_is_normalised_or_refused(ledger: Ledger) -> None:
    text = "Officials said the ministry denied every report about drone deliveries."
    odd = build_document(RawInput("a", text, "txt", Metadata(language="English (United States)")))
    assert isinstance(odd, Document) and odd.meta.language == "en"
    long_name = build_document(RawInput("b", text, "txt", Metadata(source="S" * 250)))
    assert isinstance(long_name, IngestFailure) and "over 200" in long_name.reason
    assert ledger.write_batch([odd]).added == 1  # PostgreSQL enforces column lengths
