"""Where an event happened (issue 14): the location rules, each with sentences written for it, run through
the places stage and the events stage; ``explain`` names the rule that chose the place."""

from events_support import make_doc, only, run_events

from kroniek.document import ArticleDoc, PlaceMention
from kroniek.places.stage import make_places_stage

PLACES = make_places_stage()


def placed(doc: ArticleDoc) -> ArticleDoc:
    PLACES(doc)
    return doc


def found(doc: ArticleDoc) -> dict[str, PlaceMention]:
    return {doc.text[p.start : p.end]: p for p in placed(doc).places}


# --- the gazetteer: regions, seas, supranational areas ---------------------------------------------------


def test_supranational_regions_in_four_languages():
    cases = [
        ("De spanningen in het Midden-Oosten lopen verder op.", "nl", "Midden-Oosten"),
        ("Tensions in the Middle East rose again on Monday.", "en", "Middle East"),
        ("Die Lage im Nahen Osten bleibt angespannt.", "de", "Nahen Osten"),
        ("La situation au Proche-Orient reste tendue.", "fr", "Proche-Orient"),
    ]
    for text, lang, surface in cases:
        place = found(make_doc(text, lang, {}))[surface]
        assert (place.name, place.feature, place.locative) == ("Middle East", "region", True), text


def test_regions_and_seas_that_geonames_cities_lack():
    doc = make_doc(
        "Schepen in de Golf van Aden en de Straat van Hormuz werden bij Darfur en Kosovo vergeleken.", "nl", {}
    )
    names = {p.name for p in placed(doc).places}
    assert {"Gulf of Aden", "Strait of Hormuz", "Darfur", "Kosovo"} <= names
    assert "Aden" not in names  # the longer name wins over the city inside it


def test_a_region_is_never_read_as_its_city():
    strip = found(make_doc("Die Armee rückte im Gazastreifen und in Gaza vor.", "de", {}))
    assert strip["Gazastreifen"].name == strip["Gaza"].name == "Gaza Strip"
    city = found(make_doc("Er fielen raketten op Gaza-Stad.", "nl", {}))
    assert city["Gaza-Stad"].name == "Gaza City"


def test_the_english_name_news_uses():
    doc = make_doc("Les négociations ont eu lieu à Washington et à Cologne.", "fr", {})
    assert {p.name for p in placed(doc).places} >= {"Washington, D.C.", "Cologne"}


def test_months_and_compass_words_are_not_towns():
    assert "March" not in found(make_doc("The court ruled in March that the ban was lawful.", "en", {}))
    assert "Norden" not in found(make_doc("Die Armee verlegte Soldaten in den Norden.", "de", {}))


# --- the events stage: which place is the event's ---------------------------------------------------------


def test_a_country_the_actors_stage_reads_as_a_state_is_the_place_after_a_static_preposition():
    cases = [
        (
            "Ethiopië en Somalië overlegden woensdag in Turkije.",
            "nl",
            {"Ethiopia": ["Ethiopië"], "Somalia": ["Somalië"]},
        ),
        ("Ethiopia and Somalia met in Turkey on Wednesday.", "en", {"Ethiopia": ["Ethiopia"], "Somalia": ["Somalia"]}),
    ]
    for text, lang, actors in cases:
        turkey = text.split(" in ")[1].split()[0].rstrip(".")
        doc = placed(make_doc(text, lang, {**actors, "Turkey": [turkey]}))
        meeting = only(run_events(doc), "CONSULT")
        assert meeting.location is not None and meeting.location.name == "Turkey", text
        assert meeting.explain["location"] == "locative place in its evidence", text


def test_a_country_in_a_phrase_that_modifies_a_noun_is_a_topic_not_the_place():
    doc = placed(
        make_doc(
            "Putin en Macron overlegden over de situatie in Oekraïne.",
            "nl",
            {"Vladimir Putin": ["Putin"], "Emmanuel Macron": ["Macron"], "Ukraine": ["Oekraïne"]},
            kinds={"Vladimir Putin": "person", "Emmanuel Macron": "person"},
        )
    )
    assert only(run_events(doc), "CONSULT").location is None


def test_a_speech_act_takes_no_city_named_without_a_locative_word():
    kinds = {"Justin Trudeau": "person"}
    doc = placed(
        make_doc("Trudeau accused Beijing of breaking its word.", "en", {"Justin Trudeau": ["Trudeau"]}, kinds=kinds)
    )
    assert not doc.places[0].metonym and not doc.places[0].locative
    accuse = only(run_events(doc), "ACCUSE")
    assert accuse.location is None
    doc = placed(
        make_doc(
            "Trudeau accused Beijing of breaking its word in Ottawa.",
            "en",
            {"Justin Trudeau": ["Trudeau"]},
            kinds=kinds,
        )
    )
    accuse = only(run_events(doc), "ACCUSE")
    assert accuse.location is not None and accuse.location.name == "Ottawa"


def test_a_country_after_to_is_a_recipient_not_the_place():
    doc = placed(make_doc("Germany sent weapons to Ukraine.", "en", {"Germany": ["Germany"], "Ukraine": ["Ukraine"]}))
    aid = only(run_events(doc), "AID")
    assert aid.location is None


def test_a_venue_is_reported_as_its_city():
    doc = placed(
        make_doc(
            "Trump ontving Macron dinsdag in het Witte Huis.",
            "nl",
            {"Donald Trump": ["Trump"], "Emmanuel Macron": ["Macron"]},
            kinds={"Donald Trump": "person", "Emmanuel Macron": "person"},
        )
    )
    consult = only(run_events(doc), "CONSULT")
    assert consult.location is not None and consult.location.name == "Washington, D.C."


def test_the_meetings_place_alone_carries_with_carry_place():
    text = (
        "On Tuesday, Trump met with Putin in Riyadh. Trump praised the Saudi king. "
        "Oil prices rose sharply. The two leaders agreed to a ceasefire."
    )
    leaders = {"Donald Trump": ["Trump"], "Vladimir Putin": ["Putin"]}
    kinds = {"Donald Trump": "person", "Vladimir Putin": "person"}
    doc = placed(
        make_doc(text, "en", leaders, [("On Tuesday", "DATE", "2025-03-18")], published="2025-03-19", kinds=kinds)
    )
    assert only(run_events(doc), "AGREE").location is None  # off by default (config: carry_place)
    doc.events.clear()
    agree = only(run_events(doc, carry_place=True), "AGREE")
    assert agree.location is not None and agree.location.name == "Riyadh"
    assert agree.explain["location"].startswith("running place")
    assert agree.date is None  # the date carries only with carry_discourse


def test_a_meeting_takes_the_place_of_an_earlier_sentence_other_acts_only_with_carry_place():
    text = "Minister Kaag was dinsdag in Genève voor de mensenrechtenraad. Kaag had ook een ontmoeting met Guterres."
    persons = {"Sigrid Kaag": "person", "António Guterres": "person"}
    doc = placed(make_doc(text, "nl", {"Sigrid Kaag": ["Kaag"], "António Guterres": ["Guterres"]}, kinds=persons))
    meeting = only(run_events(doc), "CONSULT")
    assert meeting.location is not None and meeting.location.name == "Geneva"
    assert meeting.explain["location"] == "locative place in an earlier sentence"

    # a material act off the ground (round 7: acts on the ground take it, tests/events/test_dateline_place.py)
    text = "The minister was in Geneva on Tuesday. Police freed two protesters."
    police = {"Police": ["Police"]}
    doc = placed(make_doc(text, "en", police, kinds={"Police": "organisation"}))
    assert only(run_events(doc), "RETREAT").location is None
    doc = placed(make_doc(text, "en", police, kinds={"Police": "organisation"}))
    release = only(run_events(doc, carry_place=True), "RETREAT")
    assert release.location is not None and release.location.name == "Geneva"


def test_without_a_parse_the_static_preposition_alone_makes_a_state_the_place():
    text = "Die USA hatten Stellungen der Miliz im Jemen bombardiert."
    doc = placed(make_doc(text, "de", {"United States": ["USA"], "Yemen": ["Jemen"]}))
    assert doc.nlp is not None and not doc.nlp.has_annotation("DEP")
    assault = only(run_events(doc), "ASSAULT")
    assert assault.location is not None and assault.location.name == "Yemen"


# --- a visit's destination ----------------------------------------------------------------------------

VISITORS = {"Anna Verhoef": ["Verhoef"], "Ukraine": ["Oekraïne", "Ukraine"]}
VISITOR_KINDS = {"Anna Verhoef": "person"}


def test_a_visits_destination_is_its_place_in_four_languages():
    cases = [
        ("Het bezoek van Verhoef aan Kyiv duurde twee dagen.", "nl", "Kyiv"),
        ("Verhoef's visit to Kyiv lasted two days.", "en", "Kyiv"),
        ("Der Besuch von Verhoef in Kiew dauerte zwei Tage.", "de", "Kyiv"),
        ("Verhoef a effectué mardi une visite à Kyiv.", "fr", "Kyiv"),
        ("Verhoef visited Kyiv on Tuesday.", "en", "Kyiv"),
    ]
    for text, lang, name in cases:
        doc = placed(make_doc(text, lang, VISITORS, kinds=VISITOR_KINDS))
        visit = only(run_events(doc), "CONSULT")
        assert visit.location is not None and visit.location.name == name, text
        assert visit.explain["location"] == "destination of the visit", text


def test_a_visit_to_a_country_that_is_also_the_host_takes_the_country():
    doc = placed(
        make_doc("Het bezoek van Verhoef aan Oekraïne duurde twee dagen.", "nl", VISITORS, kinds=VISITOR_KINDS)
    )
    visit = only(run_events(doc), "CONSULT")
    assert visit.location is not None and visit.location.name == "Ukraine"


def test_a_place_far_from_the_visit_or_after_punctuation_is_no_destination():
    doc = placed(
        make_doc(
            "Het bezoek van Verhoef van twee dagen aan de hoofdstad van het land, Kyiv, is voorbij.",
            "nl",
            VISITORS,
            kinds=VISITOR_KINDS,
        )
    )
    visit = only(run_events(doc), "CONSULT")
    assert visit.explain.get("location") != "destination of the visit"


def test_a_host_receiving_a_visitor_names_no_destination():
    hosts = {"Anna Verhoef": ["Verhoef"], "Piet Smit": ["Smit"]}
    persons = {"Anna Verhoef": "person", "Piet Smit": "person"}
    doc = placed(make_doc("Verhoef received Smit in Kyiv on Tuesday.", "en", hosts, kinds=persons))
    visit = only(run_events(doc), "CONSULT")
    assert visit.location is not None and visit.location.name == "Kyiv"
    assert visit.explain["location"] != "destination of the visit"
