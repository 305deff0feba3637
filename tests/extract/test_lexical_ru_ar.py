"""Russian and Arabic kinds of sentence in the lexical engine, on sentences written for these
tests (own words, no dev text)."""

from __future__ import annotations

import pytest

from corroborate.extract import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


def claims_of(ex: Extractor, text: str, lang: str) -> set[tuple[object, ...]]:
    result = ex.extract(text, doc="t", language=lang)
    return {
        (c.subject, c.relation, c.recipient, c.speaker, c.polarity, c.hedged) for c in result.claims
    }


def test_arabic_voice_after_its_verb_and_title(ex: Extractor) -> None:
    # "the interior ministry in Bahrain said that Iran sent weapons to the militants"
    text = "قالت وزارة الداخلية في البحرين إن إيران أرسلت أسلحة إلى المسلحين."
    assert ("Iran", "arms_supply", None, "Bahrain", "affirm", False) in claims_of(ex, text, "ar")


def test_russian_voice_after_a_comma_is_the_speaker(ex: Extractor) -> None:
    # the reported words come first; the name before the verb is what was said, not who says it
    text = "Турция поставила Украине новые беспилотники, сообщил журналистам министр Германии."
    found = claims_of(ex, text, "ru")
    assert ("Turkey", "arms_supply", "Ukraine", "Germany", "affirm", False) in found
    assert not any(c[3] == "Turkey" for c in found)


def test_arabic_voice_acts_only_through_a_pronoun(ex: Extractor) -> None:
    # "Ankara said that the authorities foiled the smuggling of weapons": Turkey did not smuggle
    text = "قالت أنقرة إن السلطات أحبطت محاولة لتهريب أسلحة."
    assert not any(c[0] == "Turkey" for c in claims_of(ex, text, "ar"))
    # "Ankara said that it does not send weapons": the pronoun on "that" points back at Turkey
    text = "قالت أنقرة إنها لا ترسل أسلحة إلى ليبيا."
    assert ("Turkey", "arms_supply", "Libya", "Turkey", "deny", False) in claims_of(ex, text, "ar")


def test_arabic_name_after_a_verbal_noun_is_its_agent(ex: Extractor) -> None:
    # "the minister announced that Washington's training of the fighters is slow"
    text = "أعلن الوزير أن تدريب واشنطن لمقاتلي المعارضة بطيء."
    found = claims_of(ex, text, "ar")
    assert any(c[0] == "United States" and c[1] == "training" for c in found)


def test_arabic_unnamed_sources_speak_and_hedge(ex: Extractor) -> None:
    # "informed sources said that Iran deployed new forces in Syria"
    text = "قالت مصادر مطلعة إن إيران بدأت بنشر قوات جديدة في سوريا."
    found = claims_of(ex, text, "ar")
    assert ("Iran", "troop_deployment", "Syria", "informed sources", "affirm", True) in found


def test_arabic_libyan_sides_are_actors(ex: Extractor) -> None:
    # "the Libyan National Army said that Turkey sent weapons to the Accord government"
    text = "قال الجيش الوطني الليبي إن تركيا أرسلت أسلحة إلى حكومة الوفاق."
    found = claims_of(ex, text, "ar")
    assert (
        "Turkey",
        "arms_supply",
        "Government of National Accord",
        "Libyan National Army",
        "affirm",
        False,
    ) in found


def test_russian_option_not_considered_is_a_denial(ex: Extractor) -> None:
    # "sending NATO troops to Moldova is not being considered, the Kremlin spokesman said"
    text = "Ввод войск НАТО в Молдавию не рассматривается, сказал пресс-секретарь Кремля."
    found = claims_of(ex, text, "ru")
    assert ("NATO", "troop_deployment", "Moldova", "Russia", "deny", False) in found


def test_russian_indeclinable_name_is_not_a_recipient_by_case(ex: Extractor) -> None:
    # США carries every case; after the verb it is the supplier, Польше (dative) the recipient
    text = "Новые ракеты передали Польше США."
    found = claims_of(ex, text, "ru")
    assert ("United States", "arms_supply", "Poland", "author", "affirm", False) in found


def test_russian_state_in_a_title_speaks_with_its_official(ex: Extractor) -> None:
    # "said the spokesman of the President of Russia, Peskov": Russia speaks and does not act
    text = "Турция не поставляла оружие Ирану, сообщил пресс-секретарь президента РФ Песков."
    found = claims_of(ex, text, "ru")
    assert ("Turkey", "arms_supply", "Iran", "Russia", "deny", False) in found
    assert not any(c[0] == "Russia" for c in found)


def test_russian_question_word_opens_what_is_said(ex: Extractor) -> None:
    # "the analyst explained why Britain sends instructors": Britain is not the voice
    text = "Аналитик Иван Петров объяснил, почему Британия отправляет Украине инструкторов."
    found = claims_of(ex, text, "ru")
    assert not any(c[3] == "United Kingdom" for c in found)


def test_russian_aid_in_the_form_of_troops_is_a_deployment(ex: Extractor) -> None:
    # "the French promise Moldova help in the form of two thousand soldiers"
    text = "Французы обещают Молдавии помощь в виде двух тысяч солдат."
    found = claims_of(ex, text, "ru")
    assert ("France", "troop_deployment", "Moldova", "author", "affirm", False) in found


def test_a_demonym_far_down_a_list_does_not_supply(ex: Extractor) -> None:
    # "Canada announced a military aid package that includes shells, fuel, trucks, medicine
    # and two German tanks": the package is Canada's, not Germany's
    text = (
        "Оттава объявила о новом пакете военной помощи, который включает снаряды, топливо, "
        "грузовики, медикаменты, палатки и два немецких танка."
    )
    found = claims_of(ex, text, "ru")
    assert any(c[0] == "Canada" and c[1] == "arms_supply" for c in found)
    assert not any(c[0] == "Germany" for c in found)


def test_a_quote_keeps_the_voice_over_a_sentence_naming_no_actor(ex: Extractor) -> None:
    # the voice (TASS) is named; a sentence with no actor follows; then a quotation opens
    text = (
        "Об угрозе сообщил ТАСС. Ситуация остается очень напряженной. "
        "«Теперь Франция отправляет Армении инструкторов, и это только начало»."
    )
    found = claims_of(ex, text, "ru")
    assert ("France", "training", "Armenia", "TASS", "affirm", False) in found


def test_arabic_voice_is_the_stretch_before_that(ex: Extractor) -> None:
    # "said Ahmad Salim, the spokesman of the office of the Libyan National Army, that Turkey
    # sent weapons": the army is the voice however long the title
    text = (
        "وقال أحمد سالم المتحدث الرسمي باسم المكتب الإعلامي التابع للجيش الوطني الليبي "
        "إن تركيا أرسلت أسلحة إلى طرابلس."
    )
    found = claims_of(ex, text, "ar")
    assert any(c[:2] == ("Turkey", "arms_supply") and c[3] == "Libyan National Army" for c in found)


def test_arabic_article_after_li_is_restored(ex: Extractor) -> None:
    # "للجيش الوطني الليبي" is li- + al-jaysh: the Libyan National Army, with its "to"
    text = "أرسلت تركيا أسلحة للجيش الوطني الليبي."
    found = claims_of(ex, text, "ar")
    assert ("Turkey", "arms_supply", "Libyan National Army", "author", "affirm", False) in found


def test_arabic_verb_then_noun_then_name_is_the_actor(ex: Extractor) -> None:
    # "the coalition's aircraft struck Houthi positions": the name completing the noun acts
    text = "وقصفت طائرات التحالف مواقع للحوثيين قرب الحديدة."
    found = claims_of(ex, text, "ar")
    assert any(c[:3] == ("Saudi-led coalition", "combat", "Houthis") for c in found)


def test_arabic_belonging_to_marks_the_owner_not_the_recipient(ex: Extractor) -> None:
    # "a patrol belonging to the Russian army was seen near the town": Russia is deployed
    text = "شوهدت دورية تابعة للجيش الروسي قرب المدينة."
    found = claims_of(ex, text, "ar")
    assert any(c[:2] == ("Russia", "troop_deployment") and c[2] != "Russia" for c in found)


def test_arabic_shipment_with_arms_is_a_supply(ex: Extractor) -> None:
    # "the authorities seized a shipment of explosives and weapons from Iran"
    text = "ضبطت السلطات الشحنة التي ضمت متفجرات وأسلحة من إيران."
    found = claims_of(ex, text, "ar")
    assert any(c[:2] == ("Iran", "arms_supply") for c in found)


def test_a_later_mention_without_recipient_is_the_same_claim(ex: Extractor) -> None:
    # the second sentence repeats the M113 supply without naming Poland: one claim
    text = (
        "Германия передала Польше бронетранспортеры M113. "
        "Всего это будут двадцать бронетранспортеров M113, которые предоставит Германия."
    )
    found = ex.extract(text, doc="t", language="ru").claims
    supplies = [c for c in found if c.relation == "arms_supply" and c.subject == "Germany"]
    assert len(supplies) == 1
    assert supplies[0].recipient == "Poland"
    assert len(supplies[0].mentions) == 2


def test_russian_outlet_named_in_latin_letters_speaks(ex: Extractor) -> None:
    # "so writes the columnist of the journal Defense News": an outlet no list holds
    text = (
        "Германия скоро передаст Литве новые гаубицы, считает обозреватель журнала Defense News. "
        "Автор отметил, что Франция тоже отправит Литве инструкторов."
    )
    found = claims_of(ex, text, "ru")
    assert ("Germany", "arms_supply", "Lithuania", "Defense News", "affirm", False) in found
    assert ("France", "training", "Lithuania", "Defense News", "affirm", False) in found


def test_arabic_speech_participle_keeps_the_voice(ex: Extractor) -> None:
    # Turkey speaks; the next sentence's "..., pointing out that" continues an unnamed official
    # whose words are Turkey's until another voice is named
    text = (
        "وقالت أنقرة إن الوضع صعب. وتحدث المسؤول عن الحوار، "
        "مشيرا إلى أن أنقرة ستواصل دعم حكومة الوفاق."
    )
    found = claims_of(ex, text, "ar")
    assert any(c[:2] == ("Turkey", "political_support") and c[3] == "Turkey" for c in found)


def test_arabic_led_by_is_not_the_actor_and_provided_arms_supply(ex: Extractor) -> None:
    # "the coalition led by the Kingdom provided the fighters with modern weapons"
    text = "وقدمت قوات التحالف بقيادة المملكة أسلحة حديثة للمقاتلين."
    found = claims_of(ex, text, "ar")
    assert any(c[:2] == ("Saudi-led coalition", "arms_supply") for c in found)
    assert not any(c[0] == "Saudi Arabia" for c in found)


def test_russian_latin_name_after_a_speech_verb_is_an_outlet(ex: Extractor) -> None:
    # "British instructors train Georgian soldiers, writes The Guardian"
    text = "Британские инструкторы обучают грузинских военных, пишет The Guardian."
    found = claims_of(ex, text, "ru")
    assert any(c[:2] == ("United Kingdom", "training") and c[3] == "The Guardian" for c in found)


def test_a_voice_is_never_conjoined_to_the_actor(ex: Extractor) -> None:
    # "According to Reuters, Germany will send a battalion to Lithuania": Reuters sends nothing
    text = "По данным Reuters, Германия направит в Литву батальон."
    found = claims_of(ex, text, "ru")
    assert ("Germany", "troop_deployment", "Lithuania", "Reuters", "affirm", False) in found
    assert not any(c[0] == "Reuters" for c in found)


def test_russian_seat_of_power_speaks(ex: Extractor) -> None:
    # "China supplies Iran with drones, they say in Washington": Washington is the voice
    text = "Китай поставляет Ирану беспилотники, утверждают в Вашингтоне."
    found = claims_of(ex, text, "ru")
    assert ("China", "arms_supply", "Iran", "United States", "affirm", False) in found


def test_russian_state_in_a_persons_title_speaks(ex: Extractor) -> None:
    # "Canada's defence minister Anna Petrova said that Ottawa will send Latvia howitzers"
    text = "Министр обороны Канады Анна Петрова заявила, что Оттава отправит Латвии гаубицы."
    found = claims_of(ex, text, "ru")
    assert ("Canada", "arms_supply", "Latvia", "Canada", "affirm", False) in found


def test_russian_bringing_in_troops_is_a_deployment(ex: Extractor) -> None:
    # "Turkey is bringing a battalion into Azerbaijan"
    text = "Турция вводит в Азербайджан батальон."
    found = claims_of(ex, text, "ru")
    assert ("Turkey", "troop_deployment", "Azerbaijan", "author", "affirm", False) in found


def test_arabic_voice_acts_before_the_name_after_a_verbal_noun(ex: Extractor) -> None:
    # "Tehran denied supplying the Houthis with missiles": Iran denies, the Houthis receive
    text = "نفت طهران تزويد الحوثيين بالصواريخ."
    found = claims_of(ex, text, "ar")
    assert any(c[:2] == ("Iran", "arms_supply") and c[3:5] == ("Iran", "deny") for c in found)
    assert not any(c[0] == "Houthis" for c in found)


def test_arabic_future_deployment_and_plural_demonym(ex: Extractor) -> None:
    # "the American defence ministry said it will deploy a thousand soldiers"
    text = "أكدت وزارة الدفاع الأمريكية أنها ستنشر ألف جندي في المنطقة."
    found = claims_of(ex, text, "ar")
    assert ("United States", "troop_deployment", None, "United States", "affirm", False) in found
    # "informed sources said Russian military advisers are present in Syria"
    text = "قالت مصادر مطلعة إن مستشارين عسكريين روس يتواجدون في سوريا."
    found = claims_of(ex, text, "ar")
    assert ("Russia", "training", "Syria", "informed sources", "affirm", True) in found


def test_arabic_his_country_points_back_at_the_voice(ex: Extractor) -> None:
    # "the Turkish foreign ministry spokesman denied that his country sent weapons to Libya"
    text = "نفى المتحدث باسم الخارجية التركية أن تكون بلاده أرسلت أسلحة إلى ليبيا."
    found = claims_of(ex, text, "ar")
    assert any(c[:5] == ("Turkey", "arms_supply", "Libya", "Turkey", "deny") for c in found)


def test_arabic_the_supplied_is_the_object_of_supply_verbs(ex: Extractor) -> None:
    # "the Russian foreign ministry said Moscow does not supply Armenia with weapons"
    text = "قالت الخارجية الروسية إن موسكو لا تزود أرمينيا بالأسلحة."
    found = claims_of(ex, text, "ar")
    assert ("Russia", "arms_supply", "Armenia", "Russia", "deny", False) in found


def test_arabic_transported_is_not_according_to(ex: Extractor) -> None:
    # "the Washington Post revealed that the United States moved weapons to Ukraine"
    text = "كشفت صحيفة واشنطن بوست أن الولايات المتحدة نقلت أسلحة إلى أوكرانيا."
    found = claims_of(ex, text, "ar")
    assert any(
        c[:3] == ("United States", "arms_supply", "Ukraine") and c[3] == "Washington Post"
        for c in found
    )
    assert not any(c[3] == "Ukraine" for c in found)


def test_arabic_destroying_is_combat(ex: Extractor) -> None:
    # "the military spokesman explained that the coalition forces destroyed a Houthi launcher"
    text = "وأوضح المتحدث العسكري أن قوات التحالف دمرت منصة صواريخ حوثية."
    found = claims_of(ex, text, "ar")
    assert any(c[:2] == ("Saudi-led coalition", "combat") for c in found)


def test_arabic_forces_claim_only_their_owner(ex: Extractor) -> None:
    # "Turkish forces entered the town": Turkey is present
    found = claims_of(ex, "دخلت قوات تركية إلى البلدة.", "ar")
    assert any(c[:2] == ("Turkey", "troop_deployment") for c in found)
    # "Iran welcomed the withdrawal of the forces from the border": no one is said to deploy
    found = claims_of(ex, "رحبت إيران بانسحاب القوات من الحدود.", "ar")
    assert not any(c[1] == "troop_deployment" for c in found)


def test_russian_taking_part_in_hostilities_is_combat(ex: Extractor) -> None:
    # "Kazakhstan will not take part in the hostilities, its president said"
    text = "Казахстан не будет участвовать в боевых действиях, заявил президент Казахстана."
    found = claims_of(ex, text, "ru")
    assert ("Kazakhstan", "combat", None, "Kazakhstan", "deny", False) in found


def test_mercenaries_from_a_country_are_not_sent_by_it(ex: Extractor) -> None:
    # "mercenaries from Romania fight for the Georgian army": origin is not a sender
    text = "Наемники из Румынии воюют на стороне грузинской армии."
    found = claims_of(ex, text, "ru")
    assert not any(c[0] == "Romania" for c in found)


def test_arabic_stressed_is_a_reporting_verb(ex: Extractor) -> None:
    # "the Turkish defence minister stressed that Ankara will not send forces to Syria"
    text = "وشدد وزير الدفاع التركي على أن أنقرة لن ترسل قوات إلى سوريا."
    found = claims_of(ex, text, "ar")
    assert ("Turkey", "troop_deployment", "Syria", "Turkey", "deny", False) in found
