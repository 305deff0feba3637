"""Extraction speed and memory on a synthetic news corpus built from the knowledge base.

usage: python benchmarks/extract_bench.py [N_DOCS]      (synthetic; default 10000 documents)
       python benchmarks/extract_bench.py --real ../shared/data/news-dev/articles.jsonl \\
           --real ../shared/data/world-dev/articles.jsonl   (real articles: the measure)
       python benchmarks/extract_bench.py --languages ARTICLES.jsonl [ARTICLES.jsonl ...]
       (docs/s per language on the first 50 real articles of each: a record's `lang`, else English;
       e.g. ../shared/data/multi-dev/articles.jsonl ../shared/data/news-dev/articles.jsonl)

Documents are generated on the fly (streamed, never all in memory) from sentence templates
filled with the lexicons' actors, equipment and verbs, plus filler sentences with no actor, in
roughly the proportion of real news. Reports, on one core: documents/s and words/s for
extraction and for a bare tokenizer pass over the same documents in the same run, their ratio,
and peak memory after a quarter, half and all of the corpus (flat means streaming works).
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from corroborate.extract import Extractor, default_kb
from corroborate.extract.compiled import compiled_modules
from corroborate.extract.parse.extractor import MAX_SENTENCE_CHARS
from corroborate.extract.tokens import sentence_spans, tokenize

ACTORS = ["Turkey", "Russia", "Iran", "Israel", "Azerbaijan", "Armenia", "Pakistan", "France"]
DEMONYMS = ["Turkish", "Russian", "Iranian", "Israeli", "Azerbaijani", "Armenian"]
THINGS = ["drones", "F-16s", "Bayraktar TB2 drones", "Tor-M1 systems", "Harop munitions",
          "weapons and ammunition", "military advisers", "Syrian fighters", "troops",
          "cargo flights", "Iskander missiles", "S-300 batteries"]  # fmt: skip
TEMPLATES = [
    "{a} sold {b} {t} last year, officials said.",
    "The {d} defence ministry said {a} had delivered {t} to {b}.",
    "{a} denied sending {t} to {b}, calling the reports baseless.",
    "According to the observatory, {a} reportedly recruited {n} fighters for {b}.",
    "{d} {t} were stationed near the front, {b} claimed.",
    "{a} accused {c} of supplying {t} to {b}, which {c} rejected.",
    "{a} and {c} backed {b} diplomatically throughout the war.",
    "{b} mobilised {n} troops in the first week of fighting.",
    "Analysts said {d} instructors trained {b} forces to operate {t}.",
    "{a} flew {t} to {b} via a third country, according to flight data.",
]
FILLER = [
    "Residents of the town spent the night in basements as shelling continued.",
    "The ceasefire brokered last month collapsed within hours.",
    "Prices of bread and fuel rose sharply in the capital this week.",
    "Journalists were taken on a tour of the damaged hospital on Friday.",
    "The parliament held an emergency session that lasted until midnight.",
    "Schools in the region were closed and exams postponed until further notice.",
    "Aid groups said thousands of families had left their homes since the fighting began.",
    "The governor promised compensation for damaged houses and vehicles.",
]


def documents(n: int, seed: int = 7) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(n):
        sentences = []
        for _ in range(40):  # about 450 words: a news-length article
            if rng.random() < 0.35:
                a, b, c = rng.sample(ACTORS, 3)
                slots = {"a": a, "b": b, "c": c, "d": rng.choice(DEMONYMS), "t": rng.choice(THINGS)}
                slots["n"] = rng.choice(["300", "1,200", "about 4,000", "hundreds of"])
                sentences.append(rng.choice(TEMPLATES).format(**slots))
            else:
                sentences.append(rng.choice(FILLER))
        yield " ".join(sentences)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(n: int, work: Callable[[str], object]) -> tuple[float, int, list[float]]:
    words = 0
    marks: list[float] = []
    checkpoints = {n // 4, n // 2, n}
    start = time.perf_counter()
    for i, text in enumerate(documents(n), start=1):
        words += text.count(" ") + 1
        work(text)
        if i in checkpoints:
            marks.append(peak_mib())
    return time.perf_counter() - start, words, marks


def main(n: int) -> None:
    kb = default_kb()
    extractor = Extractor(kb)
    extractor.extract("warm-up: Turkey sold drones to Azerbaijan.", doc="warm")
    gen_time, words, _ = timed(n, lambda text: None)
    tok_time, _, _ = timed(n, tokenize)
    claims = 0

    def run(text: str) -> None:
        nonlocal claims
        claims += len(extractor.extract(text, doc="bench").claims)

    ext_time, _, marks = timed(n, run)
    tok_net, ext_net = tok_time - gen_time, ext_time - gen_time
    print(f"compiled (mypyc): {len(compiled_modules())} extraction modules")
    print(f"corpus: {n:,} synthetic documents, {words:,} words ({words / n:.0f} per document)")
    print(f"bare tokenizer: {n / tok_net:,.0f} docs/s, {words / tok_net:,.0f} words/s")
    print(f"extraction:     {n / ext_net:,.0f} docs/s, {words / ext_net:,.0f} words/s, "
          f"{claims:,} claims")  # fmt: skip
    print(f"extraction / tokenizer time: {ext_net / tok_net:.2f}x")
    quarter, half, full = marks
    print(f"peak memory (MiB) after 1/4, 1/2, all: {quarter:.0f}, {half:.0f}, {full:.0f}")


def real_articles(paths: list[str]) -> None:
    """The measure that counts: real articles (read from ../shared, never shipped), one core.

    Reports the parser stage's cost where it is paid: documents/s of the whole extractor and of
    the rule stage alone, a bare spaCy tokenizer pass over the same texts in the same run, the
    share of sentences the prefilter sends to the parser, and peak memory with the model loaded
    after half and all of the corpus (flat means nothing accumulates)."""
    texts: list[str] = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    extractor = Extractor()
    rules = Extractor(parse=False)
    parser = extractor.parser
    assert parser is not None, "the knowledge base names no spaCy pipeline"
    nlp = parser.nlp
    extractor.extract("warm-up: Turkey sold drones to Azerbaijan.", doc="warm")
    rules.extract("warm-up: Turkey sold drones to Azerbaijan.", doc="warm")  # its loads, untimed
    words = sum(len(t.split()) for t in texts)
    sentences = sum(
        len(list(sentence_spans(t, abbreviations=extractor.kb.grammar.abbreviations)))
        for t in texts
    )
    start = time.perf_counter()
    for t in texts:
        nlp.tokenizer(t)
    tok = time.perf_counter() - start
    start = time.perf_counter()
    for t in texts:
        rules.extract(t, doc="real")
    rule_time = time.perf_counter() - start
    parser.parsed = 0
    claims = 0
    marks: list[float] = []
    start, cpu0 = time.perf_counter(), time.process_time()
    for k, t in enumerate(texts, start=1):
        claims += len(extractor.extract(t, doc="real").claims)
        if k in (len(texts) // 2, len(texts)):
            marks.append(peak_mib())
    ext, cpu = time.perf_counter() - start, time.process_time() - cpu0
    n = len(texts)
    print(f"real articles: {n} documents, {words:,} words, {sentences:,} sentences")
    print(f"  spaCy tokenizer alone: {n / tok:,.0f} docs/s")
    print(f"  rule stage alone:      {n / rule_time:,.0f} docs/s")
    print(f"  whole extractor:       {n / ext:,.1f} docs/s, {words / ext:,.0f} words/s, "
          f"{claims} claims; {ext / tok:.0f}x the tokenizer pass")  # fmt: skip
    # on a shared machine the wall clock counts other processes' turns; CPU seconds do not
    print(f"  whole extractor per CPU second (one core): {n / cpu:,.1f} docs/s")
    print(f"  sentences parsed: {parser.parsed:,} of {sentences:,} "
          f"({parser.parsed / max(sentences, 1):.0%}); over {MAX_SENTENCE_CHARS} chars "
          f"and skipped: {parser.skipped_long}")  # fmt: skip
    print(f"  peak memory (MiB) after 1/2, all: {marks[0]:.0f}, {marks[-1]:.0f}")


PER_LANGUAGE = 50  # documents per language, the first in file order


def per_language(paths: list[str]) -> None:
    """Docs/s and words/s per language on one core, packs loaded before the clock starts."""
    by_lang: dict[str, list[str]] = {}
    for path in paths:
        with Path(path).open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    item = json.loads(line)
                    lang = str(item.get("lang") or item.get("language") or "en")
                    texts = by_lang.setdefault(lang, [])
                    if len(texts) < PER_LANGUAGE:
                        texts.append(item["text"])
    extractor = Extractor()
    rates: dict[str, float] = {}
    for lang, texts in sorted(by_lang.items()):
        start = time.perf_counter()
        extractor.extract(texts[0], doc="warm", language=lang)  # loads the pack
        load = time.perf_counter() - start
        words = sum(len(t.split()) for t in texts)
        start = time.perf_counter()
        claims = sum(len(extractor.extract(t, doc="b", language=lang).claims) for t in texts)
        secs = time.perf_counter() - start
        rates[lang] = len(texts) / secs
        print(f"{lang}: {len(texts)} docs, {words / len(texts):.0f} words/doc: "
              f"{len(texts) / secs:,.1f} docs/s, {words / secs:,.0f} words/s, {claims} claims "
              f"(pack load {load:.1f} s)")  # fmt: skip
    if "en" in rates:
        for lang, rate in sorted(rates.items()):
            print(f"  {lang} speed / English: {rate / rates['en']:.2f}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--languages" in args:
        per_language(args[args.index("--languages") + 1 :])
        sys.exit(0)
    real: list[str] = []
    while "--real" in args:
        i = args.index("--real")
        real.append(args[i + 1])
        del args[i : i + 2]
    if real:
        real_articles(real)
    else:
        main(int(args[0]) if args else 10_000)
