"""French and Italian sentences the lexical stage reads: who speaks, which side of the verb a
name stands on, what a verb of sending sends. Sentences are written for these tests (own words,
no dev text)."""

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


def test_a_partner_with_whom_does_not_speak(ex: Extractor) -> None:
    text = "Le Canada, après une rencontre avec la Lettonie, a déclaré qu'il enverrait des soldats."
    found = claims_of(ex, text, "fr")
    assert ("Canada", "troop_deployment") in {c[:2] for c in found}
    assert not [c for c in found if c[3] == "Latvia"]


def test_an_official_named_by_a_demonym_speaks_for_the_state(ex: Extractor) -> None:
    text = (
        "Un haut responsable allemand a déclaré que l'Allemagne avait envoyé des soldats "
        "en Lettonie."
    )
    found = claims_of(ex, text, "fr")
    assert ("Germany", "troop_deployment", "Latvia", "Germany", "affirm") in found


def test_a_person_no_pack_lists_speaks_in_french(ex: Extractor) -> None:
    text = "Selon Jean Dupuis, la Belgique a livré des munitions à la Lettonie."
    assert ("Belgium", "arms_supply", "Latvia", "Jean Dupuis", "affirm") in claims_of(
        ex, text, "fr"
    )


def test_a_verb_of_sending_sends_only_what_stands_near_it(ex: Extractor) -> None:
    far = (
        "Le ministre a promis une aide militaire et assuré que la Norvège continuera "
        "à livrer au Chili du poisson, du bois et des produits agricoles."
    )
    assert not [c for c in claims_of(ex, far, "fr") if c[1] == "troop_deployment"]
    near = "La Norvège continuera à livrer des armes au Chili."
    assert ("Norway", "arms_supply", "Chile") in {c[:3] for c in claims_of(ex, near, "fr")}


def test_a_military_adjective_is_no_troops(ex: Extractor) -> None:
    text = "La Norvège continue de fournir au Chili des capacités militaires nouvelles."
    assert not [c for c in claims_of(ex, text, "fr") if c[1] == "troop_deployment"]


def test_a_state_spelt_as_in_english_is_a_name(ex: Extractor) -> None:
    text = "Il Canada ha inviato armi al Mali."
    assert ("Canada", "arms_supply", "Mali") in {c[:3] for c in claims_of(ex, text, "it")}


@pytest.mark.parametrize(
    ("lang", "text", "patient"),
    [
        ("fr", "Selon la presse, l'ambassade du Canada à Lima a été attaquée hier soir.", "Canada"),
        ("fr", "Des officiers polonais seront formés au pilotage le mois prochain.", "Poland"),
        ("it", "Secondo i giornali, il consolato della Grecia è stato attaccato ieri.", "Greece"),
    ],
)
def test_what_stands_before_a_passive_is_acted_on(
    ex: Extractor, lang: str, text: str, patient: str
) -> None:
    assert not [c for c in claims_of(ex, text, lang) if c[0] == patient]


def test_a_passive_keeps_its_agent_and_a_name_with_stati(ex: Extractor) -> None:
    text = "Des munitions ont été livrées à la Lettonie par la Norvège."
    assert ("Norway", "arms_supply", "Latvia") in {c[:3] for c in claims_of(ex, text, "fr")}
    text = "Gli Stati Uniti addestrano i soldati della Lettonia."
    assert ("United States", "training") in {c[:2] for c in claims_of(ex, text, "it")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Norvège et la Suède ont condamné l'attaque de samedi."),
        ("it", "La Norvegia ha condannato duramente l'attacco di sabato."),
    ],
)
def test_who_condemns_an_act_does_not_commit_it(ex: Extractor, lang: str, text: str) -> None:
    assert not [c for c in claims_of(ex, text, lang) if c[1] == "combat"]


def test_whose_target_it_is_does_not_attack(ex: Extractor) -> None:
    text = "La foule a mené hier une attaque contre l'ambassade britannique."
    assert not [c for c in claims_of(ex, text, "fr") if c[0] == "United Kingdom"]
    text = "Les frappes britanniques ont visé un dépôt hier."
    assert ("United Kingdom", "combat") in {c[:2] for c in claims_of(ex, text, "fr")}


@pytest.mark.parametrize(
    ("lang", "text", "relation"),
    [
        ("fr", "Des munitions ont été livrées à la Lettonie par la Norvège.", "arms_supply"),
        ("fr", "Les munitions livrées au Chili par la Norvège sont arrivées.", "arms_supply"),
        ("it", "Le armi vendute al Cile dalla Norvegia sono arrivate.", "arms_supply"),
    ],
)
def test_a_participle_the_lemmatiser_leaves_is_its_verb(
    ex: Extractor, lang: str, text: str, relation: str
) -> None:
    assert ("Norway", relation) in {c[:2] for c in claims_of(ex, text, lang)}


def test_a_voice_after_its_verb_may_carry_a_title(ex: Extractor) -> None:
    text = (
        "La Norvège a livré des munitions à la Lettonie, a précisé son Premier ministre Jens Olsen."
    )
    assert ("Norway", "arms_supply", "Latvia", "Jens Olsen", "affirm") in claims_of(ex, text, "fr")


def test_neither_the_receiver_nor_a_place_before_the_verb_speaks(ex: Extractor) -> None:
    text = "La Norvège a livré des munitions à la Lettonie, a indiqué Jens Olsen."
    assert {c[3] for c in claims_of(ex, text, "fr")} == {"Jens Olsen"}
    text = "La Norvège a livré des munitions en Lettonie, affirme le Chili."
    assert {c[3] for c in claims_of(ex, text, "fr")} == {"Chile"}


def test_a_voice_named_after_the_act_acts_only_in_its_own_quotation(ex: Extractor) -> None:
    text = "L'attaque contre le port de Riga a été préparée longtemps, affirme la Norvège."
    assert not [c for c in claims_of(ex, text, "fr") if c[0] == "Norway"]
    text = "« Des soldats partiront demain pour la Lettonie », a déclaré la Norvège."
    assert ("Norway", "troop_deployment") in {c[:2] for c in claims_of(ex, text, "fr")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Lettonie a demandé une aide militaire à la Norvège la semaine dernière."),
        ("it", "La Lettonia ha chiesto assistenza militare alla Norvegia."),
    ],
)
def test_who_asks_for_arms_receives_and_whom_it_asks_supplies(
    ex: Extractor, lang: str, text: str
) -> None:
    found = {c[:3] for c in claims_of(ex, text, lang)}
    assert ("Norway", "arms_supply", "Latvia") in found
    assert not [c for c in found if c[0] == "Latvia"]


def test_asking_for_arms_with_no_one_asked_is_no_supply(ex: Extractor) -> None:
    text = "La Lettonie a encore réclamé des armes hier."
    assert not claims_of(ex, text, "fr")


def test_a_denial_by_an_agent_is_a_second_voice(ex: Extractor) -> None:
    text = (
        "La Cina ha respinto le voci, smentite anche da Mosca, secondo le quali la Norvegia "
        "avrebbe venduto armi alla Russia."
    )
    found = {(c[0], c[1], c[3], c[4]) for c in claims_of(ex, text, "it")}
    assert ("Norway", "arms_supply", "China", "deny") in found
    assert ("Norway", "arms_supply", "Russia", "deny") in found


def test_a_denial_by_its_only_agent_is_that_agents(ex: Extractor) -> None:
    text = (
        "L'information selon laquelle la Norvège a vendu des armes au Chili a été démentie "
        "par Pékin."
    )
    found = {(c[0], c[2], c[3], c[4]) for c in claims_of(ex, text, "fr")}
    assert found == {("Norway", "Chile", "China", "deny")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Norvège a mobilisé vingt mille réservistes."),
        ("it", "La Norvegia ha mobilitato ventimila riservisti."),
    ],
)
def test_a_mobilised_army_is_a_force_size(ex: Extractor, lang: str, text: str) -> None:
    assert ("Norway", "force_size") in {c[:2] for c in claims_of(ex, text, lang)}


def test_a_name_right_after_against_is_the_target(ex: Extractor) -> None:
    text = "Il governo ha chiesto sanzioni contro la Norvegia e di fornire armi al Cile."
    assert not [c for c in claims_of(ex, text, "it") if c[0] == "Norway"]


@pytest.mark.parametrize(
    ("lang", "aim", "act"),
    [
        (
            "fr",
            "La Norvège forme une alliance pour se préparer à attaquer le Chili.",
            "La Norvège a attaqué le Chili.",
        ),
        (
            "it",
            "La Norvegia forma un'alleanza per prepararsi ad attaccare il Cile.",
            "La Norvegia ha attaccato il Cile.",
        ),
    ],
)
def test_an_infinitive_of_purpose_is_an_aim_not_an_act(
    ex: Extractor, lang: str, aim: str, act: str
) -> None:
    assert not [c for c in claims_of(ex, aim, lang) if c[1] == "combat"]
    assert ("Norway", "combat") in {c[:2] for c in claims_of(ex, act, lang)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le ministre allemand de la défense, Hans Vogel, a annoncé l'envoi de soldats.",
        ),
        ("it", "Il ministro tedesco della difesa, Hans Vogel, ha annunciato l'invio di soldati."),
    ],
)
def test_an_official_titled_by_a_demonym_speaks_and_acts_for_the_state(
    ex: Extractor, lang: str, text: str
) -> None:
    assert ("Germany", "troop_deployment", None, "Germany", "affirm") in claims_of(ex, text, lang)


def test_an_aside_after_the_subject_keeps_it_the_voice(ex: Extractor) -> None:
    text = (
        "Après une longue réunion, la Norvège, inquiète de la situation sur place avec le "
        "Chili, a annoncé qu'elle enverrait des soldats."
    )
    found = claims_of(ex, text, "fr")
    assert ("Norway", "troop_deployment", None, "Norway", "affirm") in found
    text = (
        "La Norvegia ha bombardato le città, inclusa la Lettonia, al fine di evitare pesanti "
        "perdite tra la popolazione civile, ha affermato il portavoce del governo."
    )
    found = claims_of(ex, text, "it")
    assert ("Norway", "combat") in {c[:2] for c in found}
    assert "Latvia" not in {c[3] for c in found}  # a name inside the clause has no aside


def test_a_launcher_compound_is_a_thing_sent(ex: Extractor) -> None:
    text = "La Norvège commence à fournir des lance-roquettes M270 au Chili."
    result = ex.extract(text, doc="t", language="fr")
    found = {(c.subject, c.relation, c.recipient, c.object) for c in result.claims}
    assert ("Norway", "arms_supply", "Chile", "M270") in found


def test_an_article_after_and_still_joins_two_suppliers(ex: Extractor) -> None:
    text = "Des armes ont été livrées au Chili par la Norvège et des pays européens."
    found = {c[:3] for c in claims_of(ex, text, "fr")}
    assert {("Norway", "arms_supply", "Chile"), ("European countries", "arms_supply", "Chile")} <= (
        found
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Norvège a nié toute implication dans ces incidents."),
        ("it", "La Norvegia ha negato ogni coinvolgimento negli scontri."),
    ],
)
def test_a_denied_involvement_is_a_denial_by_its_actor(ex: Extractor, lang: str, text: str) -> None:
    assert ("Norway", "political_support", None, "Norway", "deny") in claims_of(ex, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Selon Pékin, les États-Unis ont livré des missiles au Chili."),
        ("it", "Secondo Pechino, gli Stati Uniti hanno consegnato missili al Cile."),
    ],
)
def test_the_voice_before_a_comma_is_not_a_second_actor(
    ex: Extractor, lang: str, text: str
) -> None:
    found = claims_of(ex, text, lang)
    assert ("United States", "arms_supply", "Chile", "China", "affirm") in found
    assert not [c for c in found if c[0] == "China"]


def test_a_voice_after_its_verb_may_carry_a_first_name(ex: Extractor) -> None:
    text = "La Norvège enverra des chars au Chili, a annoncé le chancelier Olaf Scholz."
    assert ("Norway", "arms_supply", "Chile", "Germany", "affirm") in claims_of(ex, text, "fr")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Les miliciens soutenus par la Norvège ont attaqué un convoi."),
        ("it", "I miliziani sostenuti dalla Norvegia hanno attaccato un convoglio."),
    ],
)
def test_a_patron_in_an_epithet_neither_acts_nor_speaks(
    ex: Extractor, lang: str, text: str
) -> None:
    assert not [c for c in claims_of(ex, text, lang) if "Norway" in (c[0], c[3])]


@pytest.mark.parametrize(
    ("lang", "text", "speaker"),
    [
        ("fr", "La Norvège livre des munitions au Chili, a révélé la Suède.", "Sweden"),
        ("it", "La Norvegia fornisce munizioni al Cile, ha assicurato la Svezia.", "Sweden"),
        ("it", "Kiev accusa la Norvegia di aver inviato armi al Cile.", "Ukraine"),
    ],
)
def test_more_verbs_of_saying_and_a_present_of_delivering(
    ex: Extractor, lang: str, text: str, speaker: str
) -> None:
    assert ("Norway", "arms_supply", "Chile", speaker, "affirm") in claims_of(ex, text, lang)


def test_an_elided_article_before_a_receiver_in_italian(ex: Extractor) -> None:
    text = "Washington ha annunciato un pacchetto di aiuti militari per l'Ucraina."
    assert ("United States", "arms_supply", "Ukraine") in {c[:3] for c in claims_of(ex, text, "it")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Norvège dénonce la présence de mercenaires du groupe Wagner au Chili."),
        ("it", "La Norvegia denuncia la presenza di mercenari del gruppo Wagner in Cile."),
    ],
)
def test_a_group_after_of_owns_the_personnel(ex: Extractor, lang: str, text: str) -> None:
    found = {c[:2] for c in claims_of(ex, text, lang)}
    assert ("Wagner Group", "foreign_fighters") in found
    assert not [c for c in found if c[0] == "Norway"]


def test_a_state_after_of_is_where_they_come_from_not_whose(ex: Extractor) -> None:
    text = "Des soldats du Chili ont été envoyés en Norvège."
    assert not [c for c in claims_of(ex, text, "fr") if c[0] == "Chile"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Norvège enverra des blindés au Chili."),
        ("fr", "La Norvège pourrait livrer des avions de chasse au Chili."),
        ("it", "La Norvegia invierà mezzi blindati al Cile."),
        ("it", "La Norvegia potrebbe consegnare caccia al Cile."),
    ],
)
def test_armour_and_fighter_jets_are_things_sent(ex: Extractor, lang: str, text: str) -> None:
    assert ("Norway", "arms_supply", "Chile") in {c[:3] for c in claims_of(ex, text, lang)}


def test_forces_named_by_a_demonym_receive_as_their_state(ex: Extractor) -> None:
    text = "La Norvège a livré des missiles aux forces ukrainiennes."
    assert ("Norway", "arms_supply", "Ukraine") in {c[:3] for c in claims_of(ex, text, "fr")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le Chili utilise des drones turcs depuis l'été."),
        ("it", "Il Cile usa droni turchi dall'estate."),
    ],
)
def test_who_uses_arms_of_a_make_receives_them_from_its_maker(
    ex: Extractor, lang: str, text: str
) -> None:
    assert ("Turkey", "arms_supply", "Chile") in {c[:3] for c in claims_of(ex, text, lang)}


def test_using_arms_of_no_named_make_supplies_nothing(ex: Extractor) -> None:
    assert not claims_of(ex, "Le Chili utilise des drones depuis l'été.", "fr")
    assert not claims_of(ex, "La Turquie utilise des drones turcs.", "fr")


@pytest.mark.parametrize(
    ("lang", "text", "state"),
    [
        ("fr", "Des instructeurs israéliens forment l'armée du Chili.", "Israel"),
        ("fr", "Des conseillers militaires biélorusses sont arrivés au Chili.", "Belarus"),
        ("it", "Istruttori israeliani addestrano l'esercito del Cile.", "Israel"),
        ("it", "Consiglieri militari bielorussi sono arrivati in Cile.", "Belarus"),
    ],
)
def test_demonyms_of_more_states_name_them(ex: Extractor, lang: str, text: str, state: str) -> None:
    assert (state, "training") in {c[:2] for c in claims_of(ex, text, lang)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Norvège a conclu une vente de gaz au Chili."),
        ("fr", "La Norvège a dû céder du terrain au Chili."),
        ("it", "La Norvegia ha firmato una fornitura di gas al Cile."),
    ],
)
def test_selling_or_supplying_without_arms_is_no_arms_supply(
    ex: Extractor, lang: str, text: str
) -> None:
    assert not [c for c in claims_of(ex, text, lang) if c[1] == "arms_supply"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Norvège a vendu des armes au Chili."),
        ("it", "La Norvegia ha venduto armi al Cile."),
    ],
)
def test_selling_arms_is_arms_supply(ex: Extractor, lang: str, text: str) -> None:
    assert ("Norway", "arms_supply", "Chile") in {c[:3] for c in claims_of(ex, text, lang)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Dans le nord de la Norvège, des instructeurs ont assuré la formation des recrues."),
        (
            "it",
            "Nel nord della Norvegia gli istruttori hanno curato l'addestramento delle reclute.",
        ),
    ],
)
def test_a_part_of_a_country_is_a_place_not_an_actor(ex: Extractor, lang: str, text: str) -> None:
    assert not [c for c in claims_of(ex, text, lang) if c[0] == "Norway"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Norvège soutient le Chili depuis le début."),
        ("it", "La Norvegia sostiene il Cile dall'inizio."),
    ],
)
def test_whom_one_backs_is_the_direct_object(ex: Extractor, lang: str, text: str) -> None:
    assert ("Norway", "political_support", "Chile") in {c[:3] for c in claims_of(ex, text, lang)}


def test_backing_nobody_named_is_no_claim_but_its_denial_is(ex: Extractor) -> None:
    assert not claims_of(ex, "Le peuple norvégien a besoin du soutien de la Norvège.", "fr")
    text = "La Norvège a nié toute implication dans ces incidents."
    assert ("Norway", "political_support", None, "Norway", "deny") in claims_of(ex, text, "fr")


def test_regrouping_forces_is_a_force_size(ex: Extractor) -> None:
    text = "La Norvegia sta raggruppando centomila uomini al confine con la Svezia."
    assert ("Norway", "force_size") in {c[:2] for c in claims_of(ex, text, "it")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Nel nord del Cile combattono ormai centinaia di mercenari."),
        ("fr", "Des centaines de mercenaires combattent désormais dans le nord du Chili."),
    ],
)
def test_fighters_nobody_is_said_to_send_are_unspecified(
    ex: Extractor, lang: str, text: str
) -> None:
    assert ("unspecified", "foreign_fighters") in {c[:2] for c in claims_of(ex, text, lang)}


@pytest.mark.parametrize(
    "text",
    [
        # recruiting with no recruiter named says nothing of who sends whom
        "In Cile è cominciato il reclutamento di cittadini norvegesi.",
        # volunteers with nothing foreign or sent about them may be anyone's
        "Centinaia di volontari distribuiscono cibo nel nord del Cile.",
        # a fighter who speaks is a voice, not fighters somewhere
        "Un mercenario disse a un cronista che la Norvegia aveva consegnato armi al Cile.",
    ],
)
def test_recruiting_or_a_speaking_fighter_is_no_unsent_fighters(ex: Extractor, text: str) -> None:
    assert not [c for c in claims_of(ex, text, "it") if c[0] == "unspecified"]


@pytest.mark.parametrize(
    "text",
    [
        "Secondo: la Norvegia ha consegnato armi al Cile.",
        "La Norvegia ha consegnato armi al Cile, diventato un “secondo Perù” per Oslo.",
    ],
)
def test_secondo_as_a_number_cites_no_one(ex: Extractor, text: str) -> None:
    found = claims_of(ex, text, "it")
    assert ("Norway", "arms_supply", "Chile", "author", "affirm") in found


def test_a_speech_verb_in_a_relative_clause_is_no_voice_of_the_sentence(ex: Extractor) -> None:
    text = (
        "La Norvegia ha consegnato armi al Cile del presidente Gabriel Boric, "
        "che afferma di volere la pace."
    )
    found = claims_of(ex, text, "it")
    assert ("Norway", "arms_supply", "Chile", "author", "affirm") in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "I russi affermano che in Cile combattono centinaia di mercenari."),
        ("fr", "Les Russes affirment que des centaines de mercenaires combattent au Chili."),
    ],
)
def test_a_people_named_by_its_demonym_speaks_for_its_state(
    ex: Extractor, lang: str, text: str
) -> None:
    found = claims_of(ex, text, lang)
    assert ("unspecified", "foreign_fighters", "Russia") in {(c[0], c[1], c[3]) for c in found}
    assert not [c for c in found if c[0] == "Russia"]  # who speaks does not send them


def test_a_demonym_on_a_noun_is_no_voice(ex: Extractor) -> None:
    text = "Istruttori russi affermano che la Norvegia ha consegnato armi al Cile."
    assert "Russia" not in {c[3] for c in claims_of(ex, text, "it")}


def test_reports_a_voice_rejects_still_affirm_for_their_source(ex: Extractor) -> None:
    text = (
        "Il governo turco ha respinto i resoconti dei media occidentali, secondo cui "
        "la Turchia avrebbe venduto armi al Cile."
    )
    found = claims_of(ex, text, "it")
    assert ("Turkey", "arms_supply", "Chile", "Western media", "affirm") in found
    assert ("Turkey", "arms_supply", "Chile", "Turkey", "deny") in found


def test_reports_according_to_which_speak_for_their_source(ex: Extractor) -> None:
    text = (
        "Circolano da giorni resoconti dei media occidentali secondo cui la Norvegia "
        "avrebbe venduto armi al Cile."
    )
    found = claims_of(ex, text, "it")
    assert ("Norway", "arms_supply", "Chile", "Western media", "affirm") in found


def test_a_partner_named_after_its_person_and_title_does_not_act(ex: Extractor) -> None:
    text = "La giunta, con Gabriel Boric Presidente Cile, ha bombardato le città del sud."
    assert not [c for c in claims_of(ex, text, "it") if c[0] == "Chile"]
    alone = "Il Cile ha bombardato le città del sud."
    assert ("Chile", "combat") in {c[:2] for c in claims_of(ex, alone, "it")}
