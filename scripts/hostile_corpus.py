"""Write a corpus of hostile inputs: the cases that once crashed a batch, and fuzzed files.

    python scripts/hostile_corpus.py OUT_DIR [--fuzz 1000] [--seed 15]

OUT_DIR gets `corpus/` (every file), `named/` (a FIFO and a link to /dev/zero, which only fail
when named on the command line) and `manifest.json`: for each named case, the location its
outcome is recorded under and whether it must be stored as a document or be one error row;
fuzzed files may be either, but never a traceback, never a lost batch. Deterministic for a
seed. Every text is written here, in this project's own words.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path

# Plain sentences the extractor finds claims in; the fuzz mutates them.
SENTENCES = (
    "The defence ministry said that Turkey sent combat drones to Azerbaijan in October.",
    "Ankara denied that it had deployed Syrian fighters near the front line.",
    "According to the monitor, Russia delivered ammunition to Armenia by cargo flights.",
    "Officials in Baku rejected reports that F-16 jets were stationed at Ganja.",
    "Reportedly, volunteers from abroad trained local units in the mountains.",
)


@dataclass(frozen=True, slots=True)
class Case:
    """One named input: where its outcome is recorded and what it must be."""

    name: str
    target: str  # what to put on the command line ("" when the corpus folder covers it)
    location: str  # the document origin or error-row location
    expect: str  # "document" or "error"
    reason: str = ""  # words the error's reason must contain


def _text(rng: random.Random, marker: str, sentences: int = 6) -> str:
    body = " ".join(rng.choice(SENTENCES) for _ in range(sentences))
    return f"{marker}. {body} End of {marker}."


def _pdf(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_compression(False)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def _encrypted_pdf(text: str, password: str) -> bytes:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(_pdf(text)))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password="owner-secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _flate_bomb(decompressed: int) -> bytes:
    """A one-page PDF whose content stream inflates to `decompressed` bytes of spaces."""
    packer = zlib.compressobj(9)
    parts = [packer.compress(b"BT /F1 12 Tf 72 712 Td (A small page.) Tj ET\n")]
    chunk = b" " * (1 << 20)
    for _ in range(decompressed // len(chunk)):
        parts.append(packer.compress(chunk))
    parts.append(packer.flush())
    stream = b"".join(parts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        prev = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\ntitle: laughs\n---\nA body after the header.\n"


def named_cases(corpus: Path, named: Path, rng: random.Random) -> list[Case]:
    """The inputs that once stopped a batch, hung it or were refused wrongly."""
    cases: list[Case] = []

    def put(name: str, data: bytes | str, expect: str, reason: str = "", row: bool = False) -> None:
        path = corpus / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        location = f"{path}:row 1" if row else str(path)
        cases.append(Case(name, "", location, expect, reason))

    def row(fields: dict[str, object]) -> str:
        return json.dumps(fields) + "\n"

    put(
        "encrypted-empty-password.pdf", _encrypted_pdf(_text(rng, "Encrypted open"), ""), "document"
    )
    put(
        "encrypted-with-password.pdf",
        _encrypted_pdf(_text(rng, "Encrypted shut"), "s3cret"),
        "error",
        "encrypted PDF with a password",
    )
    put("flate-bomb.pdf", _flate_bomb(120 << 20), "error", "PDF")
    put(
        "long-number.jsonl",
        '{"text": "Numbers.", "n": ' + "9" * 5000 + "}\n",
        "error",
        "number",
        True,
    )
    put(
        "deep.jsonl",
        '{"text": "Deep.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
        "error",
        "nested",
        True,
    )
    put(
        "surrogate-text.jsonl",
        row({"text": _text(rng, "Lone \ud800 surrogate")}),
        "document",
        row=True,
    )
    put(
        "surrogate-title.jsonl",
        row({"text": _text(rng, "Title surrogate"), "title": "bad \udfff title"}),
        "document",
        row=True,
    )
    put(
        "surrogate-front-matter.md",
        '---\ntitle: "caf\\ud800"\n---\n' + _text(rng, "Front matter surrogate"),
        "document",
    )
    put("nul-text.jsonl", row({"text": _text(rng, "Null \u0000 inside")}), "document", row=True)
    put(
        "bad-url.jsonl",
        row({"text": _text(rng, "Broken URL"), "url": "http://[::1"}),
        "document",
        row=True,
    )
    put(
        "credentials-url.jsonl",
        row({"text": _text(rng, "Credential URL"), "url": "https://user:pw@wire.example/a\u0000b"}),
        "document",
        row=True,
    )
    put(
        "bad-timestamp.md",
        '---\ndate: !!timestamp "notatime"\n---\n' + _text(rng, "Timestamp"),
        "error",
        "YAML",
    )
    put(
        "deep-front-matter.md",
        "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + _text(rng, "Deep header"),
        "error",
        "nested",
    )
    put("billion-laughs.md", _billion_laughs(), "error", "alias")
    put("utf-16.txt", _text(rng, "Sixteen bits").encode("utf-16"), "document")
    put(
        "utf-32.md",
        ("---\ntitle: wide\n---\n" + _text(rng, "Thirty-two bits")).encode("utf-32"),
        "document",
    )
    put(
        "deep.html",
        "<html><body>"
        + "<div>" * 100_000
        + _text(rng, "Deep page")
        + "</div>" * 100_000
        + "</body></html>",
        "document",
    )
    put("repeated-claim.txt", " ".join(["Turkey sent drones to Azerbaijan."] * 5_000), "document")
    odd_name = os.fsdecode(b"caf\xe9-latin1-name.txt")
    put(odd_name, _text(rng, "Odd file name"), "document")
    cases[-1] = Case(
        odd_name,
        "",
        str(corpus / odd_name)
        .encode("utf-8", "surrogateescape")
        .decode("utf-8", "backslashreplace"),
        "document",
    )
    # only refused when named: inside a folder they are not files and are passed over
    fifo = named / "pipe.txt"
    os.mkfifo(fifo)
    cases.append(Case("fifo", str(fifo), str(fifo), "error", "FIFO"))
    zero = named / "zero.txt"
    zero.symlink_to("/dev/zero")
    cases.append(Case("dev-zero link", str(zero), str(zero), "error", "character device"))
    cases.append(Case("broken URL", "http://[::1", "http://[::1", "error", "cannot fetch"))
    return cases


def _mutate(data: bytes, rng: random.Random) -> bytes:
    kind = rng.randrange(7)
    buf = bytearray(data)
    if kind == 0 and buf:  # truncated
        return bytes(buf[: rng.randrange(len(buf))])
    if kind == 1:  # bytes flipped
        for _ in range(rng.randint(1, 12)):
            if buf:
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        return bytes(buf)
    if kind == 2:  # hostile bytes inserted
        junk = rng.choice([b"\x00", b"\xff\xfe", b"\xed\xa0\x80", b"\x1b[2J", b"\r", b"\\ud800"])
        at = rng.randrange(len(buf) + 1)
        return bytes(buf[:at]) + junk * rng.randint(1, 50) + bytes(buf[at:])
    if kind == 3:  # a region repeated
        if len(buf) > 2:
            a = rng.randrange(len(buf) - 1)
            b = rng.randrange(a + 1, len(buf))
            return bytes(buf[:b]) + bytes(buf[a:b]) * rng.randint(2, 200) + bytes(buf[b:])
        return bytes(buf)
    if kind == 4:  # deep nesting of the format's own brackets
        opener, closer = rng.choice([(b"[", b"]"), (b"{", b"}"), (b"<b>", b"</b>")])
        n = rng.randint(100, 5000)
        at = rng.randrange(len(buf) + 1)
        return bytes(buf[:at]) + opener * n + closer * n + bytes(buf[at:])
    if kind == 5:  # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 400)))
    return bytes(buf)  # unchanged: a valid input must still go in


def _seed_file(fmt: str, marker: str, rng: random.Random) -> bytes:
    text = _text(rng, marker)
    if fmt == "txt":
        return text.encode("utf-8")
    if fmt == "md":
        return f"---\ntitle: {marker}\ndate: 2020-10-05\nsource: Example Wire\n---\n{text}".encode()
    if fmt == "html":
        return (
            f"<html><head><title>{marker}</title></head><body><article><h1>{marker}</h1>"
            f"<p>{text}</p><p>{_text(rng, marker)}</p></article></body></html>"
        ).encode()
    if fmt == "pdf":
        return _pdf(text)
    if fmt == "jsonl":
        objects = [{"text": _text(rng, f"{marker} row {i}"), "title": marker} for i in range(3)]
        return "".join(json.dumps(r) + "\n" for r in objects).encode()
    lines = [f'"{_text(rng, f"{marker} row {i}")}",{marker},2020-10-0{i + 1}' for i in range(3)]
    return ("text,title,date\n" + "\n".join(lines) + "\n").encode()


def write_corpus(out: Path, *, fuzz: int = 1000, seed: int = 15) -> dict[str, object]:
    """Write the corpus under `out` and return the manifest (also written as manifest.json)."""
    rng = random.Random(seed)
    corpus, named = out / "corpus", out / "named"
    corpus.mkdir(parents=True)
    named.mkdir()
    cases = named_cases(corpus, named, rng)
    fuzzed = []
    formats = ("txt", "md", "html", "pdf", "jsonl", "csv")
    for i in range(fuzz):
        fmt = formats[i % len(formats)]
        marker = f"Fuzz case {i:05d}"
        path = corpus / "fuzz" / f"{i:05d}.{fmt}"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(_mutate(_seed_file(fmt, marker, rng), rng))
        fuzzed.append(str(path))
    manifest: dict[str, object] = {
        "seed": seed,
        "corpus": str(corpus),
        "targets": [str(corpus)] + [c.target for c in cases if c.target],
        "cases": [asdict(c) for c in cases],
        "fuzzed": fuzzed,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="an empty or new folder")
    parser.add_argument("--fuzz", type=int, default=1000, help="fuzzed files (default 1000)")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    manifest = write_corpus(args.out, fuzz=args.fuzz, seed=args.seed)
    cases = manifest["cases"]
    assert isinstance(cases, list)
    print(f"{len(cases)} named cases and {args.fuzz} fuzzed files in {args.out}")


if __name__ == "__main__":
    main()
