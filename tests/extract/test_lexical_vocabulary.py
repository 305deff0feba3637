"""The ordinary words a news article uses for each relation, and the structural readings that
hold on unseen text, per language: weapons classes, verbs of sending in their inflected forms,
hedges and denials, the Arabic verb-first clause and future clitic, the Turkish postpositions.
Every sentence is written for these tests (own words, no dev text)."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor

Row = tuple[object, ...]


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def claims_of(ex: Extractor, text: str, lang: str) -> set[Row]:
    """(subject, relation, recipient, speaker, polarity, hedged) of each claim."""
    result = ex.extract(text, doc="t", language=lang)
    for c in result.claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    return {
        (c.subject, c.relation, c.recipient, c.speaker, c.polarity, c.hedged) for c in result.claims
    }


SUPPLY = "arms_supply"
DEPLOY = "troop_deployment"


# (language, sentence, a claim it must give)
WEAPONS_AND_VERBS = [
    # French: cannons, shells, bombs, warships, rifles; "livrent" read as "livrer"
    ("fr", "La France livre des canons à l'Ukraine.", ("France", SUPPLY, "Ukraine")),
    ("fr", "L'Allemagne a envoyé des obus à l'Ukraine.", ("Germany", SUPPLY, "Ukraine")),
    ("fr", "Les États-Unis fournissent des bombes à Israël.", ("United States", SUPPLY, "Israel")),
    (
        "fr",
        "Le Royaume-Uni a vendu des navires de guerre à la Pologne.",
        ("United Kingdom", SUPPLY, "Poland"),
    ),
    ("fr", "La Chine a cédé des fusils et des mitrailleuses au Mali.", ("China", SUPPLY, "Mali")),
    ("fr", "La Turquie a envoyé des militaires en Libye.", ("Turkey", DEPLOY, "Libya")),
    ("fr", "La Russie a tiré des missiles sur l'Ukraine.", ("Russia", "combat", None)),
    # Italian
    ("it", "L'Italia fornisce cannoni all'Ucraina.", ("Italy", SUPPLY, "Ukraine")),
    (
        "it",
        "Gli Stati Uniti hanno venduto bombe all'Arabia Saudita.",
        ("United States", SUPPLY, "Saudi Arabia"),
    ),
    (
        "it",
        "Il Regno Unito ha ceduto navi da guerra alla Polonia.",
        ("United Kingdom", SUPPLY, "Poland"),
    ),
    ("it", "La Cina ha inviato fucili e mitragliatrici al Mali.", ("China", SUPPLY, "Mali")),
    ("it", "La Russia ha lanciato missili contro l'Ucraina.", ("Russia", "combat", None)),
    ("it", "Hamas ha lanciato razzi contro Israele.", ("Hamas", "combat", None)),
    # Russian (pymorphy3 lemmas: "пушки" -> пушка, "хуситам" -> хусит)
    ("ru", "Франция передала Украине пушки.", ("France", SUPPLY, "Ukraine")),
    ("ru", "Великобритания передала Польше военные корабли.", ("United Kingdom", SUPPLY, "Poland")),
    ("ru", "Иран передал хуситам ракеты.", ("Iran", SUPPLY, "Houthis")),
    ("ru", "Польша передала Украине бронемашины и истребители.", ("Poland", SUPPLY, "Ukraine")),
    # Arabic: tanks, bombs and shells; the future's sa- on its verb
    ("ar", "قدمت روسيا دبابات ومدافع إلى سوريا.", ("Russia", SUPPLY, "Syria")),
    ("ar", "أرسلت روسيا قنابل وقذائف إلى سوريا.", ("Russia", SUPPLY, "Syria")),
    ("ar", "دربت الولايات المتحدة قوات أوكرانية.", ("United States", "training", None)),
    # Turkish
    ("tr", "İngiltere Polonya'ya savaş gemisi verdi.", ("United Kingdom", SUPPLY, "Poland")),
    ("tr", "İran Rusya'ya tank ve zırhlı araç gönderdi.", ("Iran", SUPPLY, "Russia")),
    ("tr", "ABD Ukrayna'ya füze ve roket gönderecek.", ("United States", SUPPLY, "Ukraine")),
]


@pytest.mark.parametrize(("lang", "text", "claim"), WEAPONS_AND_VERBS)
def test_the_ordinary_words_of_each_relation(
    ex: Extractor, lang: str, text: str, claim: Row
) -> None:
    assert claim in {c[:3] for c in claims_of(ex, text, lang)}


@pytest.mark.parametrize(
    ("lang", "text", "subjects"),
    [
        ("fr", "La France et l'Italie livrent des canons à l'Ukraine.", {"France", "Italy"}),
        ("it", "La Francia e l'Italia inviano proiettili all'Ucraina.", {"France", "Italy"}),
        # wa- ("and") on the second name
        (
            "ar",
            "أرسلت الولايات المتحدة وبريطانيا أسلحة إلى أوكرانيا.",
            {"United States", "United Kingdom"},
        ),
    ],
)
def test_names_joined_by_and_both_supply(
    ex: Extractor, lang: str, text: str, subjects: set[str]
) -> None:
    found = {c[0] for c in claims_of(ex, text, lang) if c[1] == SUPPLY}
    assert subjects <= found


@pytest.mark.parametrize(
    ("lang", "text", "claim"),
    [
        # where what is sent goes, when only a place is named ("en", "in", "في")
        ("fr", "La Russie a déployé des navires de guerre en Syrie.", ("Russia", DEPLOY, "Syria")),
        (
            "fr",
            "Washington a annoncé l'envoi de soldats en Irak.",
            ("United States", DEPLOY, "Iraq"),
        ),
        ("ar", "نشرت روسيا قوات في سوريا.", ("Russia", DEPLOY, "Syria")),
        # Arabic verb first: the name after the verb acts, the next one is its object
        ("ar", "زودت إيران الحوثيين بالصواريخ.", ("Iran", SUPPLY, "Houthis")),
        ("ar", "تدعم الصين روسيا.", ("China", "political_support", "Russia")),
        ("ar", "أسقطت الولايات المتحدة طائرة ركاب إيرانية.", ("United States", "combat", None)),
        ("ar", "أعلنت واشنطن أنها ستقدم ذخائر لأوكرانيا.", ("United States", SUPPLY, "Ukraine")),
        # Turkish "için" (for) follows the name it governs
        ("tr", "Rusya Suriye için paralı asker topluyor.", ("Russia", "foreign_fighters", "Syria")),
    ],
)
def test_structural_readings(ex: Extractor, lang: str, text: str, claim: Row) -> None:
    assert claim in {c[:3] for c in claims_of(ex, text, lang)}


def test_military_advisers_are_training_not_troops(ex: Extractor) -> None:
    found = claims_of(ex, "La Russia ha mandato consiglieri militari in Siria.", "it")
    assert ("Russia", "training", "Syria") in {c[:3] for c in found}
    assert DEPLOY not in {c[1] for c in found}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "L'Iran a apparemment livré des drones à la Russie."),
        ("fr", "L'Iran a vraisemblablement livré des drones à la Russie."),
        ("it", "L'Iran ha apparentemente fornito droni alla Russia."),
        ("ru", "Иран, по всей видимости, поставил беспилотники России."),
        # a vowel mark written on the passive ("it is believed") is the same word
        ("ar", "يُعتقد أن إيران أرسلت طائرات مسيرة إلى روسيا."),
        # "reports said that Iran...": the reports are no voice, and they hedge
        ("ar", "أفادت تقارير بأن إيران أرسلت طائرات مسيرة إلى روسيا."),
        # the impersonal passive of a speech verb ("it is claimed") hedges and names no voice
        ("tr", "İran'ın Rusya'ya İHA gönderdiği iddia ediliyor."),
    ],
)
def test_hedges_of_the_author(ex: Extractor, lang: str, text: str) -> None:
    found = claims_of(ex, text, lang)
    assert ("Iran", SUPPLY, "Russia", "author", "affirm", True) in found


def test_turkish_according_to_follows_its_source(ex: Extractor) -> None:
    found = claims_of(ex, "Reuters'a göre İran Rusya'ya İHA gönderiyor.", "tr")
    assert ("Iran", SUPPLY, "Russia", "Reuters", "affirm", False) in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "dément" (denies): simplemma reads the adjective
        ("fr", "Moscou dément livrer des armes à l'Arménie."),
    ],
)
def test_denials(ex: Extractor, lang: str, text: str) -> None:
    found = claims_of(ex, text, lang)
    assert ("Russia", SUPPLY, "Armenia", "Russia", "deny", False) in found


def test_an_elided_article_in_the_data_matches_the_text(ex: Extractor) -> None:
    # "d'après" is written with its apostrophe in cues.yaml; the text reads "d", "après"
    found = claims_of(ex, "D'après Le Monde, la France livre des canons à l'Ukraine.", "fr")
    assert ("France", SUPPLY, "Ukraine", "Le Monde", "affirm", False) in found


def test_reports_the_denier_calls_a_lie_are_not_a_second_voice(ex: Extractor) -> None:
    text = (
        "Moscou a qualifié de mensonge les informations selon lesquelles elle livre des armes "
        "à l'Arménie."
    )
    found = claims_of(ex, text, "fr")
    assert ("Russia", SUPPLY, "Armenia", "Russia", "deny", False) in found
    assert not [c for c in found if c[4] == "affirm"]


@pytest.mark.parametrize(
    ("lang", "text", "claim"),
    [
        # verb first: the source "according to" cites does not act, the name after the verb does
        (
            "ar",
            "بحسب البنتاغون، أرسلت إيران طائرات مسيرة إلى روسيا.",
            ("Iran", SUPPLY, "Russia", "United States", "affirm", False),
        ),
        # a Turkish verb carries its own negation ("göndermiyor": does not send)
        (
            "tr",
            "Peskov'a göre Rusya Ermenistan'a silah göndermiyor.",
            ("Russia", SUPPLY, "Armenia", "Russia", "deny", False),
        ),
        # "the ministry of defence of Russia": the institution with its state in the genitive
        (
            "ru",
            "Министерство обороны России опровергло информацию о поставках оружия.",
            ("Russia", SUPPLY, None, "Russia", "deny", False),
        ),
    ],
)
def test_voices_and_negation(ex: Extractor, lang: str, text: str, claim: Row) -> None:
    assert claim in claims_of(ex, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "claim"),
    [
        # verb forms the lemmatizer leaves as written: listed as such
        ("ar", "سلحت إيران الحوثيين.", ("Iran", SUPPLY, "Houthis")),
        ("tr", "İsrail dün gece Suriye'ye saldırdı.", ("Israel", "combat", "Syria")),
    ],
)
def test_forms_the_lemmatizer_leaves_alone(ex: Extractor, lang: str, text: str, claim: Row) -> None:
    assert claim in {c[:3] for c in claims_of(ex, text, lang)}
