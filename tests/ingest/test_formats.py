"""Each supported format becomes documents with text and metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from corroborate.ingest import (
    ReadOptions,
    SourceRegistry,
    build_document,
    parse_field_mapping,
    plan_inputs,
    read_file,
)
from corroborate.model import Document, IngestFailure, Metadata, RawInput, Source
from tests.conftest import WriteFile, make_pdf

ARTICLE = (
    "Azerbaijani officials said on Tuesday that drones bought from Turkey had struck "
    "artillery positions near the front line, a claim Armenian officials rejected."
)


def read_one(path: Path, **options: object) -> RawInput:
    items = list(read_file(path, ReadOptions(**options)))  # type: ignore[arg-type]
    assert len(items) == 1, items
    assert isinstance(items[0], RawInput), items[0]
    return items[0]


def build(raw: RawInput, **kwargs: object) -> Document:
    doc = build_document(raw, **kwargs)  # type: ignore[arg-type]
    assert isinstance(doc, Document), doc
    return doc


def test_plain_text_is_normalised_and_hashed(write: WriteFile) -> None:
    path = write("a.txt", "  " + ARTICLE + "   \r\n\r\n\r\n\r\nSecond paragraph.\r\n")
    doc = build(read_one(path))
    assert doc.text == ARTICLE + "\n\nSecond paragraph."
    assert doc.format == "txt"
    assert doc.meta.language == "en"
    assert len(doc.content_hash) == 64
    same_words = build(RawInput(origin="x", text=ARTICLE + "\nSecond   paragraph.", format="txt"))
    assert same_words.content_hash == doc.content_hash  # whitespace does not make a new text


def test_markdown_front_matter_gives_metadata(write: WriteFile) -> None:
    path = write(
        "b.md",
        "---\ntitle: Drones at the front\nsource: Example Wire\ndate: 2020-10-04\n"
        "url: https://wire.example/a\nauthor: Desk\nid: w-17\n---\n" + ARTICLE + "\n",
    )
    raw = read_one(path)
    assert raw.text.strip() == ARTICLE
    assert raw.meta == Metadata(
        source="Example Wire",
        url="https://wire.example/a",
        title="Drones at the front",
        author="Desk",
        published=date(2020, 10, 4),
        external_id="w-17",
    )


def test_markdown_bad_date_keeps_text_and_warns(write: WriteFile) -> None:
    path = write("c.md", "---\ntitle: T\ndate: the day after\n---\n" + ARTICLE)
    raw = read_one(path)
    assert raw.meta.published is None
    assert raw.text.strip() == ARTICLE
    assert len(raw.warnings) == 1
    assert str(path) in raw.warnings[0] and "date" in raw.warnings[0]


def test_html_main_text_without_boilerplate(write: WriteFile) -> None:
    html = f"""<html><head><title>Site | Story</title>
    <meta name="author" content="Jane Roe">
    <meta property="article:published_time" content="2020-10-07T09:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/s">Sport</a> <a href="/w">Weather</a></nav>
    <article><h1>Drones over the front</h1><p>{ARTICLE}</p>
    <p>Independent observers could not confirm either account on the day.</p></article>
    <footer>Subscribe to our newsletter. Copyright 2020 Site Media.</footer></body></html>"""
    doc = build(read_one(write("p.html", html)))
    assert ARTICLE in doc.text
    assert "Independent observers" in doc.text
    assert "newsletter" not in doc.text and "Weather" not in doc.text
    assert doc.meta.author == "Jane Roe"
    assert doc.meta.published == date(2020, 10, 7)
    assert doc.meta.title and "Drones over the front" in doc.meta.title
    assert doc.format == "html"


def test_pdf_text_layer_and_metadata(write: WriteFile) -> None:
    path = write("r.pdf", make_pdf(ARTICLE, title="Field report", author="Monitor desk"))
    doc = build(read_one(path))
    assert "drones bought from Turkey" in " ".join(doc.text.split())
    assert doc.meta.title == "Field report"
    assert doc.meta.author == "Monitor desk"
    assert doc.meta.published is not None  # fpdf2 stamps a creation date
    assert doc.format == "pdf"


def test_jsonl_rows_with_default_and_mapped_fields(write: WriteFile) -> None:
    path = write(
        "rows.jsonl",
        '{"id": "a1", "text": "Russia said it sent no troops.", "date": "2020-10-01",'
        ' "source": "Example Wire", "lang": "en"}\n'
        "\n"
        '{"id": "a2", "body": "Iran denied that arms crossed its territory.", "headline": "H"}\n',
    )
    items = list(read_file(path, ReadOptions()))
    assert [type(i) for i in items] == [RawInput, RawInput]
    first, second = items
    assert isinstance(first, RawInput) and isinstance(second, RawInput)
    assert first.origin == f"{path}:row 1"
    assert first.meta.published == date(2020, 10, 1)
    assert first.meta.source == "Example Wire"
    assert first.meta.language == "en"
    assert second.origin == f"{path}:row 3"  # rows are named by their line in the file
    assert second.text.startswith("Iran denied")
    assert second.meta.title == "H"

    custom = write(
        "custom.jsonl", '{"story": "Pakistan denied sending troops.", "when": "1/10/2020"}\n'
    )
    mapping = parse_field_mapping(["text=story", "date=when"])
    (row,) = list(read_file(custom, ReadOptions(fields=mapping)))
    assert isinstance(row, RawInput)
    assert row.text == "Pakistan denied sending troops."
    assert row.meta.published == date(2020, 1, 10)


def test_csv_rows_with_mapping(write: WriteFile) -> None:
    path = write(
        "rows.csv",
        "headline,content,outlet,published\n"
        'First,"Armenia said a Turkish jet downed its plane, which Ankara denied.",'
        "Example Wire,2020-09-29\n"
        "Second,Azerbaijan denied using foreign fighters.,Baku Desk,2020-09-30\n",
    )
    items = list(read_file(path, ReadOptions()))
    assert all(isinstance(i, RawInput) for i in items)
    texts = [i.text for i in items if isinstance(i, RawInput)]
    assert texts[0].startswith("Armenia said a Turkish jet")
    sources = [i.meta.source for i in items if isinstance(i, RawInput)]
    assert sources == ["Example Wire", "Baku Desk"]
    assert items[1].origin == f"{path}:row 2"


def test_field_mapping_rejects_unknown_fields() -> None:
    for bad in (["colour=red"], ["text"], ["text="]):
        try:
            parse_field_mapping(bad)
        except ValueError as exc:
            assert "--field" in str(exc)
        else:
            raise AssertionError(f"{bad} was accepted")


def test_folder_walk_is_recursive_sorted_and_skips_hidden_and_unknown(write: WriteFile) -> None:
    write("z.txt", ARTICLE)
    write("sub/deeper/a.md", ARTICLE)
    write(".git/config.txt", "hidden")
    write("sub/.hidden.txt", "hidden")
    image = write("photo.png", b"\x89PNG")
    plan = plan_inputs([str(image.parent), str(image.parent / "missing.txt")])
    assert [Path(p).name for p in plan.inputs] == ["a.md", "z.txt"]
    assert [Path(p).name for p in plan.skipped] == ["photo.png"]
    assert [f.reason for f in plan.missing] == ["no such file or folder"]


def test_metadata_precedence_flags_then_file_then_registry() -> None:
    registry = SourceRegistry((Source(name="Example Wire", domains=("wire.example",)),))
    raw = RawInput(
        origin="x.md",
        text=ARTICLE,
        format="md",
        meta=Metadata(url="https://news.wire.example/2020/story", title="From file"),
    )
    doc = build(raw, registry=registry)
    assert doc.meta.source == "Example Wire"  # matched on a parent domain of the URL host
    assert doc.meta.title == "From file"
    flagged = build(raw, registry=registry, overrides=Metadata(source="Other", title="Flag"))
    assert flagged.meta.source == "Other" and flagged.meta.title == "Flag"
    assert flagged.dedupe_key != doc.dedupe_key  # another outlet's copy is another document
    assert flagged.content_hash == doc.content_hash  # ... of the same text


def test_language_is_detected_per_document() -> None:
    samples = {
        "en": "The ministry said the drones were delivered before the fighting began.",
        "de": "Das Ministerium erklärte, die Drohnen seien vor Beginn der Kämpfe geliefert worden.",
        "fr": "Le ministère a déclaré que les drones avaient été livrés avant les combats.",
        "ru": "Министерство заявило, что беспилотники были поставлены до начала боевых действий.",
        "tr": "Bakanlık, insansız hava araçlarının çatışmalardan önce teslim edildiğini söyledi.",
    }
    for code, text in samples.items():
        assert build(RawInput(origin=code, text=text, format="txt")).meta.language == code
    assert build(RawInput(origin="short", text="Yes.", format="txt")).meta.language is None


def test_whitespace_only_text_is_a_failure() -> None:
    result = build_document(RawInput(origin="blank.txt", text=" \n\t ", format="txt"))
    assert isinstance(result, IngestFailure)
    assert result.origin == "blank.txt"
