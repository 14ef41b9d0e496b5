"""Actor resolution, with sentences written for these tests (nl and en, some de and fr)."""

from __future__ import annotations

import datetime as dt

import spacy

from kroniek.actors.stage import actor_at, actor_index_at, make_actor_stage, resolve_pronoun
from kroniek.document import ArticleDoc


def mentions(doc: ArticleDoc) -> dict[str, str]:
    """surface text -> actor name"""
    return {doc.text[m.start : m.end]: a.name for m, a in doc.mentions()}


def actor(doc: ArticleDoc, name: str):
    found = [a for a in doc.actors if a.name == name]
    assert found, f"{name!r} not among {[a.name for a in doc.actors]}"
    return found[0]


# ------------------------------------------------------------------------------------------ names


def test_names_and_one_record_per_actor_nl(resolve) -> None:
    doc = resolve("Poetin ontving dinsdag Trump. Later belde Poetin opnieuw met Donald Trump.")
    putin = actor(doc, "Vladimir Putin")
    assert (putin.kind, putin.country, putin.sector, putin.wikidata) == ("person", "RUS", "GOV", "Q7747")
    assert len(putin.mentions) == 2
    assert len([a for a in doc.actors if a.name == "Donald Trump"]) == 1


def test_role_and_name_is_one_mention(resolve) -> None:
    doc = resolve("Volgens president Poetin is er geen haast bij.")
    m = actor(doc, "Vladimir Putin").mentions[0]
    assert doc.text[m.start : m.end] == "president Poetin"
    assert m.role_span is not None and doc.text[m.role_span.start : m.role_span.end] == "president"


def test_role_and_name_en(resolve) -> None:
    doc = resolve("Russian President Vladimir Putin spoke for an hour.", lang="en")
    assert mentions(doc) == {"Russian President Vladimir Putin": "Vladimir Putin"}


def test_surname_after_full_name(resolve) -> None:
    doc = resolve("De minister Jorrit Veldhuizenkamp reisde af. Veldhuizenkamp sprak daar met boeren.")
    person = actor(doc, "Jorrit Veldhuizenkamp")
    assert [doc.text[m.start : m.end] for m in person.mentions] == [
        "minister Jorrit Veldhuizenkamp",
        "Veldhuizenkamp",
    ]
    assert person.sector == "GOV"


def test_surname_that_is_a_common_word_needs_a_full_mention(resolve) -> None:
    doc = resolve("In May the talks resumed.", lang="en", published=dt.date(2017, 1, 1))
    assert not doc.actors
    doc = resolve("Theresa May met the press. May said little.", lang="en", published=dt.date(2017, 1, 1))
    assert len(actor(doc, "Theresa May").mentions) == 2


# ------------------------------------------------------------------------------------------ descriptions


def test_russian_president_2007_is_putin(resolve) -> None:
    doc = resolve("De Russische president waarschuwde het Westen.", published=dt.date(2007, 2, 10))
    assert mentions(doc) == {"De Russische president": "Vladimir Putin"}
    assert doc.actors[0].mentions[0].how == "description"


def test_russian_president_2009_is_medvedev(resolve) -> None:
    doc = resolve("De Russische president waarschuwde het Westen.", published=dt.date(2009, 2, 10))
    assert mentions(doc) == {"De Russische president": "Dmitry Medvedev"}


def test_russian_president_2009_is_medvedev_en(resolve) -> None:
    doc = resolve("The Russian President warned the West.", lang="en", published=dt.date(2009, 2, 10))
    assert mentions(doc) == {"The Russian President": "Dmitry Medvedev"}


def test_unknown_date_falls_back_to_current_holder(resolve) -> None:
    doc = resolve("The Russian president warned the West.", lang="en", published=None)
    assert actor(doc, "Vladimir Putin")
    assert any("publication date" in note for note in doc.notes)


def test_head_of_state_and_counterpart_nl(resolve) -> None:
    doc = resolve("Trump belde dinsdag met het Russische staatshoofd. Zijn Russische ambtgenoot stemde in.")
    putin = actor(doc, "Vladimir Putin")
    assert [doc.text[m.start : m.end] for m in putin.mentions] == [
        "het Russische staatshoofd",
        "Zijn Russische ambtgenoot",
    ]


def test_counterpart_takes_the_office_of_the_anchor_en(resolve) -> None:
    doc = resolve(
        "Foreign Minister Sergey Lavrov called his Ukrainian counterpart.",
        lang="en",
        published=dt.date(2022, 1, 10),
    )
    assert mentions(doc)["his Ukrainian counterpart"] == "Dmytro Kuleba"


def test_german_and_french_descriptions(resolve) -> None:
    doc = resolve("Der russische Präsident drohte erneut.", lang="de", published=dt.date(2010, 1, 1))
    assert mentions(doc) == {"Der russische Präsident": "Dmitry Medvedev"}
    doc = resolve("Le président russe a menacé l'Europe.", lang="fr", published=dt.date(2007, 1, 1))
    assert mentions(doc)["Le président russe"] == "Vladimir Putin"


def test_bare_title_is_the_salient_holder(resolve) -> None:
    doc = resolve(
        "Premier Mark Rutte sprak in Brussel. De premier zei dat hij tevreden was.",
        published=dt.date(2019, 5, 1),
    )
    rutte = actor(doc, "Mark Rutte")
    hows = [m.how for m in rutte.mentions]
    assert hows == ["name", "description", "pronoun"]


def test_the_president_en(resolve) -> None:
    doc = resolve(
        "President Joe Biden met reporters. The President said nothing new.",
        lang="en",
        published=dt.date(2022, 5, 1),
    )
    assert mentions(doc)["The President"] == "Joe Biden"


def test_envoy_with_unknown_name_gets_country_and_sector(resolve) -> None:
    doc = resolve("De Franse gezant Pierre Testlaan landde in Kyiv.")
    envoy = actor(doc, "Pierre Testlaan")
    assert (envoy.kind, envoy.country, envoy.sector) == ("person", "FRA", "GOV")
    assert doc.text[envoy.mentions[0].start : envoy.mentions[0].end] == "Franse gezant Pierre Testlaan"


def test_known_envoy_with_description(resolve) -> None:
    doc = resolve("De Amerikaanse gezant Steve Witkoff reisde naar Moskou.")
    assert mentions(doc) == {"Amerikaanse gezant Steve Witkoff": "Steve Witkoff"}


def test_unknown_name_after_role_en(resolve) -> None:
    doc = resolve("The German ambassador Klaus Probemann left.", lang="en")
    person = actor(doc, "Klaus Probemann")
    assert (person.country, person.sector) == ("DEU", "GOV")


def test_names_with_initials(resolve) -> None:
    doc = resolve(
        "Benoemd is drs. K.L. Proefhuis tot staatssecretaris. Ook M. Rutte tekende.",
        published=dt.date(2015, 1, 1),
    )
    assert "drs. K.L. Proefhuis" in mentions(doc)
    assert mentions(doc)["M. Rutte"] == "Mark Rutte"


# ------------------------------------------------------------------------------------------ states


def test_capital_and_seat_resolve_to_the_state_nl(resolve) -> None:
    doc = resolve("Moskou eist dat het Kremlin wordt gehoord, meldt het Witte Huis.")
    russia = actor(doc, "Russia")
    assert (russia.kind, russia.sector) == ("state", "GOV")
    assert [(doc.text[m.start : m.end], m.how) for m in russia.mentions] == [
        ("Moskou", "metonym"),
        ("het Kremlin", "metonym"),
    ]
    assert actor(doc, "United States").mentions[0].how == "metonym"


def test_capital_as_place_is_not_an_actor(resolve) -> None:
    doc = resolve("De ministers kwamen bijeen in Moskou.")
    assert not doc.actors


def test_capital_in_a_source_phrase_is_its_state_en(resolve) -> None:
    # round 9: the "to" of "according to" is no locative; "to" alone still is
    doc = resolve("According to Kyiv, the talks will resume in March.", lang="en")
    assert mentions(doc) == {"Kyiv": "Ukraine"}
    doc = resolve("The delegation travelled to Kyiv in March.", lang="en")
    assert not doc.actors


def test_capital_and_seat_en(resolve) -> None:
    doc = resolve("Downing Street said Kyiv must decide.", lang="en")
    assert mentions(doc) == {"Downing Street": "United Kingdom", "Kyiv": "Ukraine"}


def test_adjective_only_when_nothing_better(resolve) -> None:
    doc = resolve("De Russische inval werd veroordeeld.")
    assert mentions(doc) == {"Russische": "Russia"}
    doc = resolve("Rusland ontkende de Russische inval.")
    assert [doc.text[m.start : m.end] for m in actor(doc, "Russia").mentions] == ["Rusland"]


def test_groups_from_adjective_and_noun(resolve) -> None:
    doc = resolve("De Oekraïense soldaten hielden stand.")
    group = actor(doc, "Ukrainian soldiers")
    assert (group.kind, group.country, group.sector) == ("group", "UKR", "MIL")
    doc = resolve("Ukrainian civilians fled the town.", lang="en")
    assert actor(doc, "Ukrainian civilians").sector == "CVL"


def test_government_is_the_state(resolve) -> None:
    doc = resolve("De Russische regering reageerde niet.")
    assert mentions(doc) == {"De Russische regering": "Russia"}


def test_no_nested_mentions(resolve) -> None:
    doc = resolve("De Algemene Vergadering van de Verenigde Naties stemde. Ook de VN-Veiligheidsraad sprak.")
    spans = sorted((m.start, m.end) for m, _a in doc.mentions())
    for (_s1, e1), (s2, _e2) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2
    assert (
        mentions(doc)["De Algemene Vergadering van de Verenigde Naties".replace("De ", "", 1)]
        == "United Nations General Assembly"
    )


# ------------------------------------------------------------------------------------------ pronouns


def test_pronouns_nl(resolve) -> None:
    doc = resolve("Zelensky sprak het parlement toe. Hij vroeg om meer wapens.")
    zelensky = actor(doc, "Volodymyr Zelenskyy")
    assert [(doc.text[m.start : m.end], m.how) for m in zelensky.mentions][1] == ("Hij", "pronoun")


def test_pronouns_en(resolve) -> None:
    doc = resolve(
        "Antony Blinken arrived late. He said that his talks went well.",
        lang="en",
        published=dt.date(2023, 1, 1),
    )
    blinken = actor(doc, "Antony Blinken")
    assert [doc.text[m.start : m.end] for m in blinken.mentions] == ["Antony Blinken", "He", "his"]


def test_pronoun_too_far_away_is_left_alone(resolve) -> None:
    doc = resolve("Poetin zweeg. Het regende. Het waaide. De zon scheen niet. Hij lachte.")
    assert [doc.text[m.start : m.end] for m in actor(doc, "Vladimir Putin").mentions] == ["Poetin"]


def test_we_in_a_government_text_is_the_home_state(resolve) -> None:
    doc = resolve("Wij veroordelen deze aanval. „Wij geven niet op”, zei Zelensky.")
    netherlands = actor(doc, "Netherlands")
    assert [doc.text[m.start : m.end] for m in netherlands.mentions] == ["Wij"]


# ------------------------------------------------------------------------------------------ NER and helpers


def test_entities_from_the_nlp_layer_become_actors(resolve) -> None:
    nlp = spacy.blank("en")
    text = "Yesterday Qorvath Mensiluk criticised Blorvex Industries sharply."
    sdoc = nlp(text)
    sdoc.ents = [sdoc.char_span(10, 26, label="PER"), sdoc.char_span(38, 56, label="ORG")]
    doc = resolve(text, lang="en", nlp=sdoc)
    assert actor(doc, "Qorvath Mensiluk").kind == "person"
    assert actor(doc, "Blorvex Industries").kind == "organization"
    assert all(m.how == "ner" for a in doc.actors for m in a.mentions)


def test_works_with_tokens_only_and_with_a_spacy_doc(resolve) -> None:
    text = "Poetin belde Zelensky."
    plain = resolve(text)
    with_doc = resolve(text, nlp=spacy.blank("nl")(text))
    assert mentions(plain) == mentions(with_doc) == {"Poetin": "Vladimir Putin", "Zelensky": "Volodymyr Zelenskyy"}


def test_helpers(resolve) -> None:
    doc = resolve("Trump belde Poetin. Hij was tevreden.")
    start = doc.text.index("Poetin")
    mention, record = actor_at(doc, start, start + 6)
    assert record.name == "Vladimir Putin" and mention.how == "name"
    assert actor_index_at(doc, start + 1, start + 3) == mention.actor
    assert doc.actors[resolve_pronoun(doc, doc.text.index("Hij"))].name == "Vladimir Putin"
    assert actor_at(doc, 0, 0) is None


def test_factory_reads_settings(tmp_path) -> None:
    stage = make_actor_stage(user_actors=[], first_person_plural=False)
    assert stage.name == "actors.resolve/v1" and stage.requires == ("nlp",) and stage.provides == ("actors",)
    assert stage.first_person_plural is False


def test_empty_and_odd_input(resolve) -> None:
    assert resolve("").actors == []
    assert resolve("??? --- 123 \n\n ...").actors == []


# ------------------------------------------------------------------------------------------ institutions


def test_speaker_of_the_chamber(resolve) -> None:
    doc = resolve("De voorzitter van de Tweede Kamer opende het debat.", published=dt.date(2022, 6, 1))
    assert mentions(doc) == {"De voorzitter van de Tweede Kamer": "Vera Bergkamp"}
    # in a letter's address the chamber stays its own mention
    doc = resolve("Aan de Voorzitter van de Tweede Kamer\n\nGeachte voorzitter,", published=dt.date(2024, 6, 1))
    found = mentions(doc)
    assert found["de Voorzitter"] == "Martin Bosma"
    assert "House of Representatives (Netherlands)" in found.values()


def test_the_cabinet_on_the_date(resolve) -> None:
    doc = resolve("Het kabinet heeft besloten de steun te verhogen.", published=dt.date(2023, 3, 1))
    cabinet = actor(doc, "Fourth Rutte cabinet")
    assert (cabinet.kind, cabinet.country, cabinet.sector) == ("organization", "NLD", "GOV")


def test_national_army(resolve) -> None:
    doc = resolve("L'armée syrienne a bombardé la ville.", lang="fr")
    assert [a.name for a in doc.actors] == ["Syrian Arab Army"]
    doc = resolve("De Syrische strijdkrachten trokken zich terug.")
    assert [a.name for a in doc.actors] == ["Syrian Arab Army"]
    doc = resolve("Het Noorse leger oefende.")
    army = actor(doc, "Norwegian Armed Forces")
    assert (army.kind, army.country, army.sector) == ("organization", "NOR", "MIL")


def test_unknown_ministry(resolve) -> None:
    doc = resolve("The Ministry of Health of Ukraine asked for help.", lang="en")
    ministry = actor(doc, "Ministry of Health (Ukraine)")
    assert (ministry.kind, ministry.country, ministry.sector) == ("organization", "UKR", "GOV")


def test_coordinated_adjectives(resolve) -> None:
    doc = resolve("The Ukrainian and Russian delegations met again.", lang="en")
    assert {a.name for a in doc.actors} == {"Ukraine", "Russia"}


def test_genitives(resolve) -> None:
    doc = resolve("Putins Krieg und Russlands Wirtschaft.", lang="de")
    assert {a.name for a in doc.actors} == {"Vladimir Putin", "Russia"}
    doc = resolve("Russia's army and Ukraine's allies.", lang="en")
    assert mentions(doc)["Ukraine"] == "Ukraine"


def test_double_surname_with_initials(resolve) -> None:
    doc = resolve("Benoemd is mr. P.Q. Testers-van der Proef, die eerder sprak.")
    assert "mr. P.Q. Testers-van der Proef" in mentions(doc)


def test_initial_is_not_a_sentence_end(resolve) -> None:
    doc = resolve("Zij kozen plan B. Daarna kwam Rusland.")
    assert mentions(doc) == {"Rusland": "Russia"}


def test_datelines_are_not_actors(resolve) -> None:
    doc = resolve("WASHINGTON (Testpers) - Moskou reageerde.\nDen Haag, 12 maart 2024\nRusland zweeg.")
    assert {doc.text[m.start : m.end] for m, _a in doc.mentions()} == {"Moskou", "Rusland"}


def test_country_abbreviation_is_not_initials(resolve) -> None:
    doc = resolve("U.S. Secretary of State Marco Rubio flew in.", lang="en", published=dt.date(2025, 3, 1))
    assert mentions(doc)["Secretary of State Marco Rubio"] == "Marco Rubio"


def test_pronouns_agree_in_gender(resolve) -> None:
    doc = resolve(
        "Minister Kaag sprak met Rutte. Zij zei dat haar plan klaar was. Hij knikte.",
        published=dt.date(2021, 6, 1),
    )
    found = {(doc.text[m.start : m.end], m.how): a.name for m, a in doc.mentions()}
    assert found[("Zij", "pronoun")] == "Sigrid Kaag"
    assert found[("Hij", "pronoun")] == "Mark Rutte"


def test_first_person_in_a_dutch_letter_is_the_signer(resolve) -> None:
    text = "Hierbij informeer ik uw Kamer over de steun.\n\nDe Minister van Proefzaken,\n\nT.Q. Voorbeeldsma"
    doc = resolve(text)
    signer = actor(doc, "T.Q. Voorbeeldsma")
    assert [doc.text[m.start : m.end] for m in signer.mentions][0] == "ik"
    assert resolve("Ik denk dat Rusland zal winnen.").actors[0].name == "Russia"  # no signature: no author


def test_entity_surname_joins_the_full_name(resolve) -> None:
    nlp = spacy.blank("en")
    text = "Envoy Qorvath Mensiluk arrived. Later Mensiluk left."
    sdoc = nlp(text)
    start = text.index("Mensiluk", 30)
    sdoc.ents = [sdoc.char_span(start, start + 8, label="PER")]
    doc = resolve(text, lang="en", nlp=sdoc)
    assert [a.name for a in doc.actors] == ["Qorvath Mensiluk"]
    assert len(doc.actors[0].mentions) == 2


def test_zijn_is_a_possessive_only_with_a_pos_tag(resolve) -> None:
    text = "Zelensky sprak. Zijn woorden zijn krachtig."
    plain = resolve(text)
    assert [m.how for m in actor(plain, "Volodymyr Zelenskyy").mentions] == ["name"]
    sdoc = spacy.blank("nl")(text)
    for tok in sdoc:
        tok.pos_ = "DET" if tok.idx == text.index("Zijn") else ("AUX" if tok.lower_ == "zijn" else "X")
    tagged = resolve(text, nlp=sdoc)
    hows = [(tagged.text[m.start : m.end], m.how) for m in actor(tagged, "Volodymyr Zelenskyy").mentions]
    assert hows == [("Zelensky", "name"), ("Zijn", "pronoun")]


def test_names_inside_compounds(resolve) -> None:
    doc = resolve("The EU-Ukraine summit condemned anti-Russia propaganda.", lang="en")
    assert {a.name for a in doc.actors} == {"European Union", "Ukraine", "Russia"}


def test_the_secretary_is_the_us_secretary_of_state(resolve) -> None:
    doc = resolve(
        "Secretary Blinken met Foreign Minister Dmytro Kuleba. The Secretary left.",
        lang="en",
        published=dt.date(2022, 3, 16),
    )
    assert mentions(doc)["The Secretary"] == "Antony Blinken"


def test_a_datetime_publication_date_is_accepted(resolve) -> None:
    doc = resolve("De Russische president sprak.", published=dt.datetime(2009, 2, 10, 14, 30))
    assert mentions(doc) == {"De Russische president": "Dmitry Medvedev"}


def test_the_people_of_a_country(resolve) -> None:
    doc = resolve("Miljoenen Oekraïners zijn gevlucht naar de Verenigde Staten.")
    people = actor(doc, "Ukrainians")
    assert (people.kind, people.country, people.sector) == ("group", "UKR", "CVL")
    assert actor(doc, "United States").kind == "state"
