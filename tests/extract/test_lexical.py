"""The multilingual lexical stage and the routing by language, on sentences written for these
tests (own words, no dev text)."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor
from corroborate.extract.lexical import available_languages, detect_language, route


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def claims_of(ex: Extractor, text: str, lang: str | None) -> list[tuple[object, ...]]:
    result = ex.extract(text, doc="t", language=lang)
    for c in result.claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    return [
        (c.subject, c.relation, c.recipient, c.speaker, c.polarity, c.hedged) for c in result.claims
    ]


def test_every_measured_language_has_a_pack() -> None:
    assert {"ru", "uk", "tr", "ar", "fr", "it", "es"} <= available_languages()
    assert "en" not in available_languages()  # English is the rule engine's


CASES = [
    # Russian: nominative subject, dative recipient, speaker of the speech verb
    (
        "ru",
        "Министр заявил, что Германия передала Польше новые танки Leopard 2.",
        ("Germany", "arms_supply", "Poland", "author", "affirm", False),
    ),
    (
        "ru",
        "Лавров заявил, что Россия не поставляет оружие Ирану.",
        ("Russia", "arms_supply", "Iran", "Russia", "deny", False),
    ),
    (
        "ru",
        "По данным ТАСС, Франция якобы отправила в Армению военных инструкторов.",
        ("France", "training", "Armenia", "TASS", "affirm", True),
    ),
    # Ukrainian: the same cases from the Ukrainian dictionaries
    (
        "uk",
        "Зеленський заявив, що Канада передала Україні нові гаубиці.",
        ("Canada", "arms_supply", "Ukraine", "Ukraine", "affirm", False),
    ),
    # Turkish: dative suffix names the recipient, ablative the supplier
    (
        "tr",
        "Bakan Akar, Fransa'nın Yunanistan'a yeni savaş uçakları gönderdiğini söyledi.",
        ("France", "arms_supply", "Greece", "Turkey", "affirm", False),
    ),
    (
        "tr",
        "BAE'den gelen silahlar Hafter güçlerine teslim edildi.",
        ("United Arab Emirates", "arms_supply", "Khalifa Haftar", "author", "affirm", False),
    ),
    # French: the reportive conditional hedges, "selon" names the speaker
    (
        "fr",
        "Selon Reuters, la Turquie aurait livré des drones à l'Éthiopie.",
        ("Turkey", "arms_supply", "Ethiopia", "Reuters", "affirm", True),
    ),
    # Italian: "da" before a name is the supplier of a passive, the conditional hedges
    (
        "it",
        "Secondo l'ANSA, la Libia sarebbe stata rifornita di armi dalla Turchia.",
        ("Turkey", "arms_supply", None, "ANSA", "affirm", True),
    ),
    # Arabic: the demonym on the trigger's noun, the clitic "to" marks the recipient
    (
        "ar",
        "وقال المتحدث إن قوات تركية دخلت إلى الأراضي السورية.",
        ("Turkey", "troop_deployment", None, "author", "affirm", False),
    ),
    (
        "ar",
        "نفت إيران إرسال أسلحة للحوثيين في اليمن.",
        ("Iran", "arms_supply", "Houthis", "Iran", "deny", False),
    ),
    # Spanish: a pack with no gold set yet, read by the same stages
    (
        "es",
        "Según EFE, Estados Unidos enviará 3.000 soldados a Irak.",
        ("United States", "troop_deployment", "Iraq", "EFE", "affirm", False),
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_claim_per_language(ex: Extractor, lang: str, text: str, expected: tuple[object]) -> None:
    assert expected in claims_of(ex, text, lang)


def test_values_are_canonical_english_and_evidence_original(ex: Extractor) -> None:
    text = "Лавров заявил, что Россия не поставляет оружие Ирану."
    (claim,) = ex.extract(text, doc="t", language="ru").claims
    assert claim.subject == "Russia" and claim.recipient == "Iran"
    assert "Россия" in claim.evidence.text


def test_lowercase_word_is_not_a_name(ex: Extractor) -> None:
    """ "того" (of that) is also Togo's name in Russian: only a capitalised word is a name."""
    text = "Кроме того, США передали Украине новые ракеты."
    subjects = {c[0] for c in claims_of(ex, text, "ru")}
    assert subjects == {"United States"}


def test_language_without_pack_is_skipped_with_a_note(ex: Extractor) -> None:
    text = (
        "Die Regierung in Ankara hat nach Angaben des Ministeriums weitere Drohnen an "
        "Aserbaidschan geliefert, obwohl die Opposition im Parlament dagegen protestiert hat."
    )
    result = ex.extract(text, doc="t")
    assert result.claims == [] and result.language == "de"
    assert result.note is not None and "'de'" in result.note
    # a stored code is honoured too, and never read as English
    stored = ex.extract(
        "Die Türkei lieferte Drohnen an Aserbaidschan, sagte er.", doc="t", language="de"
    )
    assert stored.claims == [] and stored.note is not None


def test_short_english_stays_english(ex: Extractor) -> None:
    """py3langid guesses wildly on a few words; stored guesses like these still read English."""
    for text, stored in [
        ("Turkey sold drones to Azerbaijan.", "pcm"),
        ("Iran supplies drones to Russia, officials said.", "ca"),
        ("Turkey sold drones to Azerbaijan.", None),
    ]:
        result = ex.extract(text, doc="t", language=stored)
        assert result.language == "en"
        assert any(c.subject == "Turkey" or c.subject == "Iran" for c in result.claims)


def test_detection_and_routing() -> None:
    assert (
        detect_language("Россия передала Сербии новые истребители, сообщили в министерстве.")
        == "ru"
    )
    assert route("anything at all", "en") == "en"
    assert (
        route("Türkiye Libya'ya asker gönderdi ve Trablus hükümetine destek verdi.", "tr") == "tr"
    )
    assert route("", None) == "en"


def test_framing_terms_per_language(ex: Extractor) -> None:
    text = "Спецоперация продолжается, заявили в Кремле."
    terms = [f.term for f in ex.extract(text, doc="t", language="ru").framing]
    assert terms == ["Спецоперация"]


def test_version_covers_the_packs(ex: Extractor) -> None:
    assert ex.version.count("+") == 2  # rules, English lexicons, language packs


def test_sample_corpus_russian_and_turkish_articles(ex: Extractor) -> None:
    """The bundled Russian and Turkish articles yield their ministries' own claims."""
    from corroborate.workspace import sample_corpus

    folder = sample_corpus()[0]
    found = {}
    for name, lang in [
        ("35-moscow-denies-arms-flights.md", "ru"),
        ("36-ankara-rejects-mercenary-claims.md", "tr"),
    ]:
        raw = (folder / name).read_text(encoding="utf-8")
        assert f"language: {lang}" in raw
        body = raw.split("---", 2)[2]
        found[lang] = claims_of(ex, body, None)  # detected from the text alone
    assert ("Russia", "arms_supply", "Armenia", "Russia", "deny", False) in found["ru"]
    assert ("Turkey", "foreign_fighters", "Azerbaijan", "Turkey", "deny", False) in found["tr"]
