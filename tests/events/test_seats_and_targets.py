"""Where an act happened versus where its parties are based (issue 14): a place that locates a party of the
act ("the government in Islamabad") is not the act's place unless the act is done on the ground (a protest,
an attack, an arrest), and an attack with no place of its own is where its target city lies ("strikes on
Port Sudan"). Every sentence here is written for these tests."""

from events_support import make_doc, only, run_events

from kroniek.document import ArticleDoc
from kroniek.events.where import RULE_TARGET
from kroniek.places.stage import make_places_stage

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}


def placed(text: str, lang: str, actors: dict[str, list[str]] | None = None) -> ArticleDoc:
    doc = make_doc(text, lang, actors or STATES)
    make_places_stage()(doc)
    return doc


def place_name(doc: ArticleDoc, kind: str) -> str | None:
    location = only(run_events(doc), kind).location
    return location.name if location is not None else None


# --- a party's seat -----------------------------------------------------------------------------------


def test_the_seat_of_a_speaking_party_is_not_where_it_spoke_en_nl():
    actors = {**STATES, "Nortland government": ["The government"]}
    doc = placed("The government in Nairobi accused Sudland of arming the rebels.", "en", actors)
    assert place_name(doc, "ACCUSE") is None
    actors = {**STATES, "Nortland junta": ["De junta"]}
    doc = placed("De junta in Niamey beschuldigde Sudland van spionage.", "nl", actors)
    assert place_name(doc, "ACCUSE") is None


def test_the_seat_after_an_actor_without_a_parse_de():
    actors = {**STATES, "Nortland authorities": ["die Behörden"]}
    doc = placed("Sudland forderte die Behörden in Nairobi auf, die Gefangenen freizulassen.", "de", actors)
    assert place_name(doc, "REQUEST") is None


def test_a_place_of_the_act_itself_stays_en_nl():
    # the place hangs on the verb, not on a party
    doc = placed("Nortland accused Sudland of espionage in Nairobi on Monday.", "en")
    assert place_name(doc, "ACCUSE") == "Nairobi"
    doc = placed("Nortland en Sudland hebben woensdag in Nairobi een akkoord getekend.", "nl")
    assert place_name(doc, "AGREE") == "Nairobi"


def test_a_party_on_the_ground_acts_where_it_stands_en():
    actors = {**STATES, "Nortland police": ["Police"]}
    doc = placed("Police in Nairobi arrested twelve protesters from Sudland.", "en", actors)
    assert place_name(doc, "COERCE") == "Nairobi"


# --- the target of an attack -------------------------------------------------------------------------


def test_an_attack_is_where_its_target_city_lies_en_de():
    actors = {**STATES, "Sudland state": ["Nairobi"]}  # the actors stage read the capital as its state
    doc = placed("Nortland launched drone strikes on Nairobi overnight.", "en", actors)
    attack = only(run_events(doc), "ASSAULT")
    assert attack.location is not None and attack.location.name == "Nairobi"
    assert attack.explain["location"] == RULE_TARGET
    doc = placed("Nortland bombardierte in der Nacht Ziele in der Stadt Mombasa.", "de", actors)
    assert place_name(doc, "ASSAULT") == "Mombasa"


def test_an_attack_on_a_country_has_no_target_place_en():
    doc = placed("Nortland launched drone strikes on Sudland overnight.", "en")
    assert place_name(doc, "ASSAULT") is None
