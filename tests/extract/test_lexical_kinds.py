"""Kinds of sentence the lexical stage reads across languages: epithets that describe rather
than claim, a statement announced by a colon, the case on a Turkish head noun. Sentences are
written for these tests (own words, no dev text)."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def claims_of(ex: Extractor, text: str, lang: str) -> list[tuple[object, ...]]:
    result = ex.extract(text, doc="t", language=lang)
    for c in result.claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
    return [(c.subject, c.relation, c.recipient, c.speaker, c.polarity) for c in result.claims]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "İran destekli milisler dün kuzeydeki köylere girdi."),
        ("ar", "دخلت الميليشيات المدعومة من إيران إلى البلدة أمس."),
        ("it", "Le milizie sostenute dall'Iran sono entrate ieri nella città."),
    ],
)
def test_an_epithet_is_not_a_claim(ex: Extractor, lang: str, text: str) -> None:
    assert not [c for c in claims_of(ex, text, lang) if c[1] == "political_support"]


def test_a_supporting_verb_still_claims(ex: Extractor) -> None:
    found = claims_of(ex, "İran milislere destek veriyor.", "tr")
    assert ("Iran", "political_support") in {c[:2] for c in found}


def test_turkish_head_noun_case_names_the_recipient(ex: Extractor) -> None:
    found = claims_of(ex, "Rusya rejim güçlerine destek veriyor.", "tr")
    assert ("Russia", "political_support", "Syrian government", "author", "affirm") in found


def test_a_colon_announces_whose_statement_follows(ex: Extractor) -> None:
    text = (
        "Dışişleri Bakanlığı açıklamasından öne çıkanlar şöyle:\n\n"
        "Rusya rejim güçlerine destek veriyor.\n\n"
        "Fransa Ankara ile görüşmeye devam ediyor."
    )
    found = claims_of(ex, text, "tr")
    assert ("Russia", "political_support", "Syrian government", "Turkey", "affirm") in found


def test_without_a_colon_the_author_speaks(ex: Extractor) -> None:
    text = "Dışişleri Bakanlığı bir açıklama yaptı.\n\nRusya rejim güçlerine destek veriyor."
    found = claims_of(ex, text, "tr")
    assert ("Russia", "political_support", "Syrian government", "author", "affirm") in found


def test_a_general_verb_of_giving_needs_an_arms_object(ex: Extractor) -> None:
    text = "Германия предоставит убежище тысячам беженцев."
    assert not [c for c in claims_of(ex, text, "ru") if c[1] == "arms_supply"]
    text = "Германия предоставит Польше танки."
    assert ("Germany", "arms_supply", "Poland") in {c[:3] for c in claims_of(ex, text, "ru")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Stati Uniti e Gran Bretagna inviano armi all'Arabia Saudita."),
        ("ru", "США и Великобритания поставляют оружие Саудовской Аравии."),
        ("tr", "ABD ve İngiltere Suudi Arabistan'a silah sattı."),
    ],
)
def test_names_joined_by_and_both_act(ex: Extractor, lang: str, text: str) -> None:
    subjects = {c[0] for c in claims_of(ex, text, lang) if c[1] == "arms_supply"}
    assert {"United States", "United Kingdom"} <= subjects


def test_an_adviser_by_title_is_not_training(ex: Extractor) -> None:
    text = "Советник президента Иван Петров заявил, что переговоры продолжатся в Турции."
    assert not [c for c in claims_of(ex, text, "ru") if c[1] == "training"]


def test_the_demonym_on_the_arms_names_the_supplier(ex: Extractor) -> None:
    text = "L'esercito ucraino combatte con armi americane nel sud del paese."
    found = claims_of(ex, text, "it")
    # "combatte" is no transfer: only a verb of giving with the arms makes a supply
    assert not [c for c in found if c[1] == "arms_supply"]
    text = "L'Ucraina ha ricevuto e schierato obici forniti con munizioni americane."
    assert ("United States", "arms_supply") in {c[:2] for c in claims_of(ex, text, "it")}


def test_an_inflected_demonym_is_a_demonym(ex: Extractor) -> None:
    text = "Centinaia di soldati britannici sono stati schierati in Estonia."
    assert ("United Kingdom", "troop_deployment") in {c[:2] for c in claims_of(ex, text, "it")}


def test_arabic_to_on_the_head_noun_names_the_recipient(ex: Extractor) -> None:
    text = "وقالت الحكومة إن الأسلحة الإيرانية المهربة لميليشيات الحوثي وصلت عبر البحر."
    found = claims_of(ex, text, "ar")
    assert ("Iran", "arms_supply", "Houthis") in {c[:3] for c in found}


def test_a_dateline_is_a_sentence_of_its_own(ex: Extractor) -> None:
    text = "AA\n\nMSB'nin açıklamasında Türkiye'nin Azerbaycan'a asker gönderdiği belirtildi."
    found = claims_of(ex, text, "tr")
    assert ("Turkey", "troop_deployment", "Azerbaijan", "Turkey", "affirm") in found


def test_a_quotation_keeps_the_voice_that_opened_it(ex: Extractor) -> None:
    text = (
        "Об этом заявил обозреватель «Известий» Иван Петров.\n\n"
        "«Германия передала Польше новые танки. Это только начало»."
    )
    found = claims_of(ex, text, "ru")
    assert ("Germany", "arms_supply", "Poland", "Izvestia", "affirm") in found


def test_after_the_quotation_the_author_speaks_again(ex: Extractor) -> None:
    text = (
        "Об этом заявил обозреватель «Известий» Иван Петров.\n\n"
        "«Это только начало», - добавил он.\n\n"
        "Германия передала Польше новые танки."
    )
    found = claims_of(ex, text, "ru")
    assert ("Germany", "arms_supply", "Poland", "author", "affirm") in found


def test_support_by_sending_arms_is_the_arms_not_a_second_claim(ex: Extractor) -> None:
    text = "Ankara milislere destek için silah gönderdi."
    found = {c[:2] for c in claims_of(ex, text, "tr")}
    assert ("Turkey", "arms_supply") in found
    assert ("Turkey", "political_support") not in found


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("ar", "أعلنت وزارة الخارجية الإيرانية أن قوات تركية دخلت إلى إدلب.", "Iran"),
        ("ru", "Украинский МИД заявил, что Германия передала Польше танки.", "Ukraine"),
        (
            "it",
            "Il governo britannico ha dichiarato che la Germania fornisce armi alla Polonia.",
            "United Kingdom",
        ),
    ],
)
def test_a_ministry_named_by_a_demonym_speaks_for_its_state(
    ex: Extractor, lang: str, text: str, speaker: str
) -> None:
    assert speaker in {c[3] for c in claims_of(ex, text, lang)}


def test_a_person_no_pack_lists_is_the_voice(ex: Extractor) -> None:
    text = "Marco Bianchi ha dichiarato che la Germania fornisce armi alla Polonia."
    assert ("Germany", "arms_supply", "Poland", "Marco Bianchi", "affirm") in claims_of(
        ex, text, "it"
    )


def test_a_russian_name_is_the_voice_in_latin_letters(ex: Extractor) -> None:
    text = (
        "Сергей Иванов заявил, что Германия передала Польше танки.\n\n"
        "Иванов также сказал, что Франция поставляет Польше оружие."
    )
    found = claims_of(ex, text, "ru")
    assert ("Germany", "arms_supply", "Poland", "Sergei Ivanov", "affirm") in found
    # the surname alone is the person named in full before
    assert ("France", "arms_supply", "Poland", "Sergei Ivanov", "affirm") in found


def test_the_accusative_is_acted_on_and_a_later_trigger_is_tried(ex: Extractor) -> None:
    # the first trigger (attack) has no actor before it; the killing has one, Turkey, and the
    # regime's soldiers (accusative on the head noun) are its target, not its actor
    text = "Saldırıya karşılık veren Türk Silahlı Kuvvetleri, 40 rejim askerini öldürdü."
    found = {c[:2] for c in claims_of(ex, text, "tr")}
    assert ("Turkey", "combat") in found
    assert ("Syrian government", "combat") not in found
    # "armed" in the army's name is not weapons given
    assert not [c for c in found if c[1] == "arms_supply"]


def test_a_speech_participle_names_the_speaker_after_it(ex: Extractor) -> None:
    text = "Fransa'nın Yunanistan'a silah sattığını açıklayan Çavuşoğlu, görüşmeye devam etti."
    assert ("France", "arms_supply", "Greece", "Turkey", "affirm") in claims_of(ex, text, "tr")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "tr",
            "Rusya inkar etse de Rus savaş uçaklarının İdlib'i bombaladığını belirten Erdoğan, "
            "toplantıya katıldı.",
        ),
        ("ru", "Хотя Россия это отрицает, Эрдоган заявил, что российская авиация бомбила Идлиб."),
    ],
)
def test_a_concessive_denial_is_a_second_voice(ex: Extractor, lang: str, text: str) -> None:
    found = {(c[0], c[1], c[3], c[4]) for c in claims_of(ex, text, lang)}
    assert ("Russia", "combat", "Turkey", "affirm") in found
    assert ("Russia", "combat", "Russia", "deny") in found


def test_a_sentence_pointing_back_names_the_voice_of_the_one_before(ex: Extractor) -> None:
    text = (
        "La Germania fornisce armi alla Polonia. "
        "Lo ha annunciato il ministro della difesa di Kiev in un'intervista."
    )
    assert ("Germany", "arms_supply", "Poland", "Ukraine", "affirm") in claims_of(ex, text, "it")
    text = "Германия передала Польше танки. Об этом заявил Песков."
    assert ("Germany", "arms_supply", "Poland", "Russia", "affirm") in claims_of(ex, text, "ru")


def test_a_name_far_before_the_trigger_is_another_clause(ex: Extractor) -> None:
    text = (
        "La Francia ha ospitato ieri a Parigi una lunga riunione sul clima e sull'energia, "
        "mentre più tardi nella serata sono iniziati in un altro paese i bombardamenti."
    )
    assert not [c for c in claims_of(ex, text, "it") if c[0] == "France"]
    text = "La Francia ha avviato ieri i bombardamenti."
    assert ("France", "combat") in {c[:2] for c in claims_of(ex, text, "it")}


def test_a_verb_of_passing_on_before_an_outlet_reports(ex: Extractor) -> None:
    text = "Над Донецком работает ПВО, передает ТАСС."
    assert not [c for c in claims_of(ex, text, "ru") if c[1] == "arms_supply"]


def test_the_voice_acts_after_that_only_through_a_pronoun(ex: Extractor) -> None:
    text = "Москва не раз заявляла, что поставки оружия только затягивают конфликт."
    assert not [c for c in claims_of(ex, text, "ru") if c[0] == "Russia"]
    text = "Москва заявила, что она не поставляет оружие Ирану."
    found = claims_of(ex, text, "ru")
    assert ("Russia", "arms_supply", "Iran", "Russia", "deny") in found


def test_a_partner_with_whom_is_not_the_voice(ex: Extractor) -> None:
    text = "Rusya ile görüşen Türkiye, Suriye'ye asker gönderdiğini açıkladı."
    found = claims_of(ex, text, "tr")
    assert ("Turkey", "troop_deployment", "Syria", "Turkey", "affirm") in found
    assert not [c for c in found if c[3] == "Russia"]


def test_a_model_designation_is_no_object_of_training(ex: Extractor) -> None:
    # "Moscow sent military instructors and Orlan-10 drones to Libya": the instructors train,
    # the drone is no one's trainee
    text = "Москва отправила в Ливию военных инструкторов и беспилотники Orlan-10."
    found = ex.extract(text, doc="t", language="ru").claims
    assert [(c.relation, c.object) for c in found if c.relation == "training"] == [
        ("training", None)
    ]
