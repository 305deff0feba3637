"""Russian and Italian constructions whose actor or act the lexical stage missed; every
sentence is written for these tests (own words, no dev text)."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor


def claims_of(full: Extractor, text: str, lang: str) -> set[tuple[object, ...]]:
    result = full.extract(text, doc="t", language=lang)
    return {(c.subject, c.relation, c.recipient, c.speaker, c.polarity) for c in result.claims}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # "The howitzers delivered by France to Ukraine are already in the Donbas"
        ("Гаубицы, поставленные Францией на Украину, уже в Донбассе.", "France"),
        # "The tanks handed over by the Germans to Kyiv reached the front in spring"
        ("Танки, переданные немцами Киеву, дошли до фронта весной.", "Germany"),
        # "These missiles were sent to Ukraine by Sweden in winter"
        ("Эти ракеты были отправлены Украине Швецией зимой.", "Sweden"),
    ],
)
def test_russian_agent_of_a_passive_participle_is_in_the_instrumental(
    full: Extractor, text: str, actor: str
) -> None:
    assert (actor, "arms_supply", "Ukraine", "author", "affirm") in claims_of(full, text, "ru")


def test_russian_instrumental_not_after_a_participle_acts_not(full: Extractor) -> None:
    # "Poland delivered the tanks to Ukraine together with Norway": the partner after "with" is no
    # agent of a participle; the nominative still acts
    got = claims_of(full, "Польша вместе с Норвегией поставила Украине танки.", "ru")
    assert ("Poland", "arms_supply", "Ukraine", "author", "affirm") in got


@pytest.mark.parametrize(
    ("text", "lang", "trainer"),
    [
        # "Spain will train Ukrainian pilots at its bases": the demonym after a verb of training
        # is the trainees', the trainer is the verb's subject
        ("La Spagna addestrerà piloti ucraini nelle sue basi.", "it", "Spain"),
        ("Канада обучает украинских саперов на своих полигонах.", "ru", "Canada"),
    ],
)
def test_demonym_after_a_verb_of_training_is_the_trainees(
    full: Extractor, text: str, lang: str, trainer: str
) -> None:
    subjects = {c[0] for c in claims_of(full, text, lang) if c[1] == "training"}
    assert subjects == {trainer}


def test_italian_trainer_noun_keeps_its_demonym(full: Extractor) -> None:
    # "Polish instructors are training the recruits": the trainers' own demonym
    got = claims_of(full, "Gli istruttori polacchi addestrano le reclute da settimane.", "it")
    assert any(c[0] == "Poland" and c[1] == "training" for c in got)


@pytest.mark.parametrize(
    ("text", "lang", "giver"),
    [
        # "Moldova received mortars from Romania": the one named "from" gives
        ("Молдавия получила минометы от Румынии.", "ru", "Romania"),
        ("La Moldavia ha ricevuto mortai dalla Romania.", "it", "Romania"),
        # "Moldova received French mortars": the arms' demonym gives
        ("Молдавия получила французские минометы.", "ru", "France"),
        ("La Moldavia ha ricevuto mortai francesi.", "it", "France"),
        # "Moldova received new mortars": nobody is named giving, the receiver is still named
        ("Молдавия получила новые минометы.", "ru", None),
    ],
)
def test_receiver_of_arms_is_the_recipient(
    full: Extractor, text: str, lang: str, giver: str | None
) -> None:
    assert (giver, "arms_supply", "Moldova", "author", "affirm") in claims_of(full, text, lang)


def test_receiving_no_arms_is_no_supply(full: Extractor) -> None:
    # "Moldova received a loan from Romania": no arms near the verb
    assert not claims_of(full, "Молдавия получила кредит от Румынии.", "ru")
    assert not claims_of(full, "La Moldavia ha ricevuto un prestito dalla Romania.", "it")


@pytest.mark.parametrize(
    ("text", "lang", "giver"),
    [
        # "Norway gave Ukraine its old howitzers": the plainest verb of giving
        ("Норвегия дала Украине свои старые гаубицы.", "ru", "Norway"),
        # "Canada pours arms into Ukraine", "Canada has filled Kyiv with mortars": pouring and
        # filling a side with arms; the one filled is the recipient
        ("Il Canada sta riversando armi in Ucraina.", "it", "Canada"),
        ("Il Canada ha riempito Kiev di mortai.", "it", "Canada"),
    ],
)
def test_giving_pouring_filling_with_arms_supply(
    full: Extractor, text: str, lang: str, giver: str
) -> None:
    assert (giver, "arms_supply", "Ukraine", "author", "affirm") in claims_of(full, text, lang)


def test_giving_no_arms_is_no_supply(full: Extractor) -> None:
    # "Norway gave an answer to the sanctions", "Canada filled the square with flags"
    assert not claims_of(full, "Норвегия дала ответ на санкции Украины.", "ru")
    assert not claims_of(full, "Il Canada ha riempito la piazza di bandiere ucraine.", "it")


@pytest.mark.parametrize(
    "text",
    [
        # "The defence minister of Lithuania announced a delivery of mortars to Ukraine"
        "Министр обороны Литвы объявил о поставке минометов Украине.",
        # "The prime minister of Lithuania promised to hand Ukraine two radars"
        "Премьер-министр Литвы пообещал передать Украине два радара.",
        # "The head of Lithuania's foreign ministry reported a shipment of radars to Ukraine"
        "Глава МИД Литвы сообщил об отправке радаров Украине.",
    ],
)
def test_russian_title_before_its_state_in_the_genitive_is_the_state(
    full: Extractor, text: str
) -> None:
    got = claims_of(full, text, "ru")
    assert any(c[0] == "Lithuania" and c[1] == "arms_supply" and c[2] == "Ukraine" for c in got)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # "The Dutch government sent howitzers to Ukraine": a state named by its people's adjective
        ("Il governo olandese ha inviato obici all'Ucraina.", "Netherlands"),
        # "Ukraine received Norwegian mortars"
        ("L'Ucraina ha ricevuto mortai norvegesi.", "Norway"),
    ],
)
def test_italian_demonyms_of_more_states(full: Extractor, text: str, actor: str) -> None:
    assert (actor, "arms_supply", "Ukraine", "author", "affirm") in claims_of(full, text, "it")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # "Minsk called the fire at the depot a sabotage attack": the namer is no attacker
        ("Минск назвал пожар на складе диверсионной атакой.", "ru"),
        ("Minsk ha definito l'incendio al deposito un attacco di sabotaggio.", "it"),
    ],
)
def test_who_names_an_act_does_not_do_it(full: Extractor, text: str, lang: str) -> None:
    assert not any(c[0] == "Belarus" for c in claims_of(full, text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # "Deliveries of mortars to Ukraine by Denmark go on": agency named by a phrase, "by X"
        ("Le consegne di mortai da parte della Danimarca proseguono.", "it"),
        ("Поставки минометов Украине со стороны Дании продолжаются.", "ru"),
    ],
)
def test_agent_phrase_names_the_supplier(full: Extractor, text: str, lang: str) -> None:
    assert any(c[0] == "Denmark" and c[1] == "arms_supply" for c in claims_of(full, text, lang))
