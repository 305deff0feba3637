"""The stance model: metric arithmetic, hand-written pairs, a pinned dev-split regression."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import corroborate.cli.stance  # noqa: F401  (registers stance-eval)
from corroborate.cli.app import cli
from corroborate.stance import LABELS, StanceModel
from corroborate.stance.cues import cue_index
from corroborate.stance.data import dev_sample, load_split, split_bodies
from corroborate.stance.metrics import confusion_matrix, metrics_from_confusion, stance_metrics
from corroborate.stance.text import sentences

FNC = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "fnc-1"

# The fixed 300-pair dev sample (60 agree, 40 disagree, 80 discuss, 120 unrelated: more related
# pairs than the dev split has, so its FNC share is lower than the split's 0.869) measured
# FNC 0.745 and macro-F1 0.695 with the shipped model. Pins sit a little under.
PIN_FNC = 0.72
PIN_MACRO_F1 = 0.66

HEADLINE = "Russia sent fighter jets to Syria"
UNRELATED = (
    "A new bakery opened on the high street on Saturday. The owners said they would sell bread "
    "and cakes every morning. Customers queued for hours to taste the pastries."
)
AGREE = (
    "Russia has sent a squadron of fighter jets to Syria, the defence ministry confirmed on "
    "Tuesday. The jets landed at an air base near Latakia. Satellite images show the Russian "
    "fighter jets parked on the runway. The deployment is the largest since the war began."
)
DISAGREE = (
    "Claims that Russia sent fighter jets to Syria are a hoax. The photos that went viral on "
    "social media were doctored, and the story is completely false. There is no evidence that "
    "any Russian jets are in Syria. The website that first published the story is a satirical "
    "site known for fake news."
)


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel.load()


# -- metrics --------------------------------------------------------------------------------


def test_fnc_score_arithmetic_on_a_hand_built_confusion() -> None:
    # rows gold, columns predicted, in LABELS order (agree, disagree, discuss, unrelated)
    confusion = [
        [2, 1, 0, 1],  # agree: 2 exact (2 x 1.0), 1 other related (0.25), 1 unrelated (0)
        [0, 1, 0, 0],  # disagree: 1 exact (1.0)
        [0, 0, 3, 1],  # discuss: 3 exact (3.0), 1 unrelated (0)
        [1, 0, 0, 5],  # unrelated: 1 called related (0), 5 right (5 x 0.25)
    ]
    m = metrics_from_confusion(confusion)
    assert m.fnc_score == pytest.approx(7.5)
    assert m.fnc_max == pytest.approx(9 * 1.0 + 6 * 0.25)
    assert m.fnc_share == pytest.approx(7.5 / 10.5)
    agree = m.per_class["agree"]
    assert agree.precision == pytest.approx(2 / 3)
    assert (agree.recall, agree.support) == (0.5, 4)
    assert agree.f1 == pytest.approx(4 / 7)
    assert m.per_class["disagree"].f1 == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert m.per_class["unrelated"].f1 == pytest.approx(2 * (5 / 7) * (5 / 6) / (5 / 7 + 5 / 6))
    assert m.macro_f1 == pytest.approx(sum(c.f1 for c in m.per_class.values()) / 4)
    assert m.accuracy == pytest.approx(11 / 15)

    gold = [g for i, g in enumerate(LABELS) for j in range(4) for _ in range(confusion[i][j])]
    pred = [LABELS[j] for i in range(4) for j in range(4) for _ in range(confusion[i][j])]
    assert confusion_matrix(gold, pred) == confusion
    assert stance_metrics(gold, pred) == m


def test_perfect_and_all_unrelated_predictions() -> None:
    gold = ["agree", "discuss", "unrelated", "unrelated"]
    assert stance_metrics(gold, gold).fnc_share == 1.0
    lazy = stance_metrics(gold, ["unrelated"] * 4)
    assert lazy.fnc_share == pytest.approx(0.5 / 2.5)


# -- pieces ---------------------------------------------------------------------------------


def test_cues_come_from_the_extractor_lexicon() -> None:
    index = cue_index()

    def kinds(tokens: list[str]) -> dict[str, int]:
        return dict(zip(index.kinds, index.count(tokens), strict=True))

    counts = kinds(["moscow", "denied", "it", ",", "calling", "it", "baseless"])
    assert counts["deny_verbs"] == 1
    assert counts["deny_predicates"] == 1
    assert kinds(["it", "isn't", "true"])["negations"] == 1
    assert kinds(["reportedly", "sent"])["hedges"] == 1


def test_sentences_keep_offsets() -> None:
    text = 'He said "no." Then he left!\n\nA new line  starts here'
    for s in sentences(text):
        assert text[s.start : s.end] == s.text
    assert [s.text for s in sentences(text)] == [
        'He said "no."',
        "Then he left!",
        "A new line  starts here",
    ]


def test_split_is_body_disjoint_and_deterministic() -> None:
    ids = [str(i) for i in range(1000)]
    train, dev = split_bodies(ids)
    assert not train & dev
    assert len(dev) == 200
    assert (train, dev) == split_bodies(list(reversed(ids)))


# -- the model on hand-written pairs --------------------------------------------------------


def test_clear_unrelated_agree_and_disagree(model: StanceModel) -> None:
    unrelated, agree, disagree = model.predict(
        [(HEADLINE, UNRELATED), (HEADLINE, AGREE), (HEADLINE, DISAGREE)]
    )
    assert unrelated.label == "unrelated"
    assert unrelated.confidence > 0.9
    assert agree.label == "agree"
    assert disagree.label == "disagree"
    for p in (unrelated, agree, disagree):
        assert set(p.probabilities) == set(LABELS)
        assert sum(p.probabilities.values()) == pytest.approx(1.0)
        assert p.confidence == max(p.probabilities.values())
    assert agree.passage.text.startswith("Russia has sent a squadron of fighter jets to Syria")
    assert AGREE[agree.passage.start : agree.passage.end] == agree.passage.text
    assert "hoax" in disagree.passage.text


def test_features_are_cached_per_body(model: StanceModel) -> None:
    first = model.featurizer.body(AGREE)
    model.predict([("Syria received Russian jets", AGREE), ("Jets landed in Latakia", AGREE)])
    assert model.featurizer.body(AGREE) is first
    assert StanceModel.load() is model


def test_empty_inputs(model: StanceModel) -> None:
    assert model.predict([]) == []
    [p] = model.predict([("", "")])
    assert p.label in LABELS
    assert p.passage.start == p.passage.end == 0


def test_stance_eval_command(tmp_path: Path) -> None:
    bodies = tmp_path / "bodies.csv"
    stances = tmp_path / "stances.csv"
    bodies.write_text(
        "Body ID,articleBody\n" + "".join(f'{i},"{t}"\n' for i, t in enumerate([UNRELATED, AGREE])),
        encoding="utf-8",
    )
    stances.write_text(
        f"Headline,Body ID,Stance\n{HEADLINE},0,unrelated\n{HEADLINE},1,agree\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["stance-eval", "--stances", str(stances), "--bodies", str(bodies)]
    )
    assert result.exit_code == 0, result.output
    assert "FNC score    1.25 of 1.25 = 1.0000" in result.output
    assert "macro-F1" in result.output
    assert "pairs/s" in result.output
    missing = CliRunner().invoke(
        cli, ["stance-eval", "--stances", str(bodies), "--bodies", str(bodies)]
    )
    assert missing.exit_code != 0
    assert "Headline" in missing.output


# -- regression on the dev split ------------------------------------------------------------


def test_dev_sample_regression(model: StanceModel) -> None:
    if not (FNC / "train_stances.csv").is_file():
        pytest.skip(f"FNC-1 training data not found at {FNC} (../shared is not in this checkout)")
    data = load_split(FNC)
    sample = dev_sample(data)
    preds = model.predict([(p.headline, data.bodies[p.body_id]) for p in sample])
    m = stance_metrics([p.stance or "" for p in sample], [p.label for p in preds])
    assert m.fnc_share >= PIN_FNC, m
    assert m.macro_f1 >= PIN_MACRO_F1, m
