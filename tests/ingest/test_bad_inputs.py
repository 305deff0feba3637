"""Bad inputs become one-line failures that name the file (and row); nothing raises."""

from __future__ import annotations

import pytest

from corroborate.ingest import ReadOptions, read_file
from corroborate.model import IngestFailure, RawInput, Skipped
from tests.conftest import WriteFile, make_pdf


def failures(items: list[RawInput | IngestFailure | Skipped]) -> list[IngestFailure]:
    return [i for i in items if isinstance(i, IngestFailure)]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", "binary data"),
        (
            "latin1.txt",
            "Gyumri base, café, Erdoğan".encode("latin-1", "replace"),
            "not valid utf-8",
        ),
        ("empty.md", b"", "empty file"),
        ("blank.txt", b"   \n\n  ", "empty file"),
        ("truncated.pdf", None, "unreadable PDF"),
        ("fake.pdf", b"<html>not a pdf</html>", "not a PDF"),
        ("unclosed.md", b"---\ntitle: x\nno end of front matter", "never closed"),
        ("badyaml.md", b"---\ntitle: [unclosed\n---\nbody", "not valid YAML"),
        # YAML reads it as a date and raises ValueError, not a YAMLError (a 500 on upload)
        ("baddate.md", b"---\ndate: 2020-13-45\n---\nbody", "month must be in 1..12"),
        ("table.xlsx", b"PK\x03\x04", "unsupported file type"),
        ("binary.html", b"\x00\x00\x00<html>", "binary data"),
    ],
)
def test_bad_file_gives_one_line_reason(
    write: WriteFile, name: str, content: bytes | None, expected: str
) -> None:
    if content is None:
        content = make_pdf("A report on drone deliveries. " * 40)[:700]
    path = write(name, content)
    (item,) = list(read_file(path, ReadOptions()))
    assert isinstance(item, IngestFailure), item
    assert item.origin == str(path)
    assert expected in item.reason
    assert "\n" not in item.reason


def test_file_over_the_size_cap(write: WriteFile) -> None:
    path = write("big.txt", "word " * 400)
    (item,) = list(read_file(path, ReadOptions(max_bytes=1000)))
    assert isinstance(item, IngestFailure)
    assert "over the 1,000 byte cap" in item.reason
    assert "max_document_bytes" in item.reason


def test_pdf_without_text_layer(write: WriteFile) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a page with a drawing and no text, like a scan
    (item,) = list(read_file(write("scan.pdf", bytes(pdf.output())), ReadOptions()))
    assert isinstance(item, IngestFailure)
    assert "no text layer" in item.reason and "OCR" in item.reason


def test_other_encodings_are_read_when_named(write: WriteFile) -> None:
    path = write("latin1.txt", "Le ministère a démenti toute livraison d'armes.".encode("latin-1"))
    (item,) = list(read_file(path, ReadOptions(encoding="latin-1")))
    assert isinstance(item, RawInput)
    assert "ministère" in item.text


def test_a_json_message_ending_in_at_does_not_say_at_twice(write: WriteFile) -> None:
    path = write("quote.jsonl", '{"text": "never closed}')
    (failure,) = failures(list(read_file(path, ReadOptions())))
    assert failure.reason == "invalid JSON (Unterminated string starting at column 10)"


def test_malformed_jsonl_rows_fail_alone(write: WriteFile) -> None:
    path = write(
        "rows.jsonl",
        '{"text": "Turkey denied sending troops."}\n'
        '{"text": "unterminated\n'
        "[1, 2, 3]\n"
        '{"title": "no text"}\n'
        + '{"text": "'
        + "x" * 300
        + '"}\n'
        + '{"text": "Russia said it delivered no arms."}\n',
    )
    items = list(read_file(path, ReadOptions(max_bytes=200)))
    good = [i for i in items if isinstance(i, RawInput)]
    assert [g.text for g in good] == [
        "Turkey denied sending troops.",
        "Russia said it delivered no arms.",
    ]
    bad = {f.origin: f.reason for f in failures(items)}
    assert bad[f"{path}:row 2"] == "invalid JSON (Invalid control character at column 23)"
    assert bad[f"{path}:row 3"] == "row is not a JSON object"
    assert bad[f"{path}:row 4"].startswith("no text")
    assert "cap" in bad[f"{path}:row 5"]
    assert len(bad) == 4


def test_csv_row_with_extra_cells_fails_alone(write: WriteFile) -> None:
    path = write(
        "rows.csv", "title,text\nA,Good row about drones.\nB,bad,extra,cells\nC,Another row.\n"
    )
    items = list(read_file(path, ReadOptions()))
    assert [i.text for i in items if isinstance(i, RawInput)] == [
        "Good row about drones.",
        "Another row.",
    ]
    (bad,) = failures(items)
    assert bad.origin == f"{path}:row 2"
    assert "more cells than header columns" in bad.reason


def test_binary_csv_fails_as_a_whole(write: WriteFile) -> None:
    path = write("rows.csv", b"title,text\x00\x00\x01")
    (item,) = list(read_file(path, ReadOptions()))
    assert isinstance(item, IngestFailure) and item.origin == str(path)
