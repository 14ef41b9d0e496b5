"""Places that are not an act's (issue 14, round 6): a country is the place only of an act done across a
territory or of a meeting (events/where.py ``too_coarse``), a phone call has no place (``PLACELESS_MODES``),
and a meeting happens where the party it receives or summons is based. Every sentence here is written for
these tests."""

from events_support import make_doc, only, run_events

from kroniek.document import ArticleDoc
from kroniek.events.stage import EventsStage
from kroniek.places.stage import make_places_stage

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}


def placed(text: str, lang: str, actors: dict[str, list[str]] | None = None) -> ArticleDoc:
    doc = make_doc(text, lang, actors or STATES, published="2025-03-21")
    make_places_stage()(doc)
    return doc


def place_name(doc: ArticleDoc, kind: str) -> str | None:
    location = only(run_events(doc), kind).location
    return location.name if location is not None else None


# --- a country is too coarse for most acts ---------------------------------------------------------------


def test_a_country_in_a_demand_aid_or_release_is_not_its_place_en_nl_fr():
    doc = placed("Nortland riep zijn burgers in Kenia op binnen te blijven.", "nl")
    assert place_name(doc, "REQUEST") is None
    doc = placed("Nortland delivered food aid to the refugees in Kenya on Monday.", "en")
    assert place_name(doc, "AID") is None
    doc = placed("Nortland heeft maandag vijf gevangenen in Kenia vrijgelaten.", "nl")
    assert place_name(doc, "RETREAT") is None
    events = run_events(placed("Nortland a libéré lundi cinq prisonniers détenus au Kenya.", "fr"))
    assert only(events, "RETREAT").location is None
    detention = only(events, "COERCE").location  # the detention was there, across the country
    assert detention is not None and detention.name == "Kenya"


def test_a_city_in_a_demand_still_is_en():
    doc = placed("Nortland urged Sudland in Nairobi on Monday to release the prisoners.", "en")
    assert place_name(doc, "REQUEST") == "Nairobi"


def test_a_country_stays_the_place_of_talks_and_attacks_en_nl():
    doc = placed("Nortland and Sudland held talks in Kenya on Monday.", "en")
    assert place_name(doc, "CONSULT") == "Kenya"
    doc = placed("Nortland heeft maandag stellingen van Sudland in Kenia aangevallen.", "nl")
    assert place_name(doc, "ASSAULT") == "Kenya"


# --- a call has no place -----------------------------------------------------------------------------------


def test_a_phone_call_takes_no_place_from_its_sentence_en_de():
    doc = placed("Nortland phoned Sudland on Monday, the minister said in Nairobi.", "en")
    assert place_name(doc, "CONSULT") is None
    doc = placed("Nortland telefonierte am Montag mit Sudland, sagte der Minister in Nairobi.", "de")
    assert place_name(doc, "CONSULT") is None


def test_a_phone_call_takes_no_place_from_the_dateline_en():
    doc = make_doc("NAIROBI (AFP) - Nortland phoned Sudland on Monday.", "en", STATES, published="2025-03-21")
    make_places_stage()(doc)
    EventsStage()(doc)
    call = only(doc.events, "CONSULT")
    assert call.location is None and "location" not in call.explain
    doc = make_doc("NAIROBI (AFP) - Nortland met Sudland on Monday.", "en", STATES, published="2025-03-21")
    make_places_stage()(doc)
    EventsStage()(doc)
    meeting = only(doc.events, "CONSULT")
    assert meeting.location is not None and meeting.location.name == "Nairobi"


# --- a meeting is where the party it receives is based ------------------------------------------------------


def test_a_summons_happens_where_the_summoned_ambassador_is_fr():
    actors = {**STATES, "Sudland ambassador": ["l'ambassadeur de Sudland"]}
    doc = placed("Nortland a convoqué mercredi l'ambassadeur de Sudland à Nairobi.", "fr", actors)
    assert place_name(doc, "CONSULT") == "Nairobi"


def test_a_demand_to_an_ambassador_still_has_no_place_de():
    actors = {**STATES, "Sudland ambassador": ["den Botschafter"]}
    doc = placed("Nortland forderte den Botschafter in Nairobi auf, die Gefangenen freizulassen.", "de", actors)
    assert place_name(doc, "REQUEST") is None


# --- a fronted setting of a statement (round 9: it is the statement's place) --------------------------------


def test_a_fronted_setting_is_where_a_statement_was_made_en_nl_de_fr():
    cases = [
        ("In Nairobi, Nortland accused Sudland of espionage.", "en"),
        ("In Nairobi beschuldigde Nortland Sudland van spionage.", "nl"),
        ("In Nairobi warf Nortland Sudland Spionage vor.", "de"),
        ("À Nairobi, Nortland a accusé Sudland d'espionnage.", "fr"),
    ]
    for text, lang in cases:
        assert place_name(placed(text, lang), "ACCUSE") == "Nairobi", text


def test_a_fronted_setting_stays_the_place_of_a_meeting_and_a_placed_statement_en():
    doc = placed("In Nairobi, Nortland met Sudland on Monday.", "en")
    assert place_name(doc, "CONSULT") == "Nairobi"
    doc = placed("Nortland accused Sudland of espionage in Nairobi on Monday.", "en")
    assert place_name(doc, "ACCUSE") == "Nairobi"


# --- the part of a city before its name --------------------------------------------------------------------


def test_a_part_of_the_city_before_its_name_keeps_it_locative_en_nl_de_fr():
    cases = [
        ("Police fired tear gas in central Nairobi on Monday.", "en"),
        ("De politie zette traangas in in het centrum van Nairobi.", "nl"),
        ("Die Polizei ging im Zentrum von Nairobi gegen die Menge vor.", "de"),
        ("La police a dispersé la foule dans le centre de Nairobi.", "fr"),
    ]
    for text, lang in cases:
        doc = placed(text, lang)
        place = next(p for p in doc.places if p.name == "Nairobi")
        assert place.locative, text


def test_words_that_name_towns_only_in_geonames_are_no_places_en():
    doc = placed(
        "Protesters threw Molotov cocktails at the police in Nairobi. A judge sentenced David and his brother.", "en"
    )
    assert [p.name for p in doc.places] == ["Nairobi"]


# --- a place inside a noun phrase after a locative word (round 9) ------------------------------------------


def test_a_place_deep_in_a_phrase_after_a_locative_word_is_not_the_acts_en_nl_de_fr():
    # the last pass that took any place within four words of a locative word is gone: "in de verdediging van
    # Nairobi" is a topic, not where the accusation was made
    cases = [
        ("Nortland accused Sudland of failing in the defence of Nairobi.", "en"),
        ("Nortland beschuldigde Sudland ervan in de verdediging van Nairobi te falen.", "nl"),
        ("Nortland warf Sudland vor, bei der Verteidigung von Nairobi zu versagen.", "de"),
        ("Nortland a accusé Sudland d'avoir échoué dans la défense de Nairobi.", "fr"),
    ]
    for text, lang in cases:
        assert place_name(placed(text, lang), "ACCUSE") is None, text
