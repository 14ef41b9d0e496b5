"""The dateline's place as the place of a protest, an attack or a meeting in the paragraph it opens
(events/where.py ``dateline_place``). Every sentence here is written for these tests."""

from events_support import make_doc, only

from kroniek.document import ArticleDoc
from kroniek.events.stage import EventsStage
from kroniek.places.stage import make_places_stage

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}


def run(text: str, lang: str) -> ArticleDoc:
    doc = make_doc(text, lang, STATES, published="2025-03-21")
    make_places_stage()(doc)
    EventsStage()(doc)
    return doc


def test_an_attack_in_the_lead_takes_the_dateline_place_en():
    doc = run(
        "Border clash\n\nKYIV (AFP) - Nortland attacked Sudland on Monday.\n\nNortland met Sudland on Tuesday.",
        "en",
    )
    attack = only(doc.events, "ASSAULT")
    assert attack.location is not None and attack.location.name == "Kyiv"
    assert "dateline" in attack.explain["location"]
    assert only(doc.events, "CONSULT").location is None  # a later paragraph may be anywhere


def test_a_speech_act_does_not_take_the_dateline_place_nl():
    doc = run("DEN HAAG - Nortland beschuldigde Sudland van spionage.", "nl")
    assert only(doc.events, "ACCUSE").location is None


def test_an_own_place_wins_over_the_dateline_de():
    doc = run("BERLIN (dpa) - Nortland hat Sudland in Wien angegriffen.", "de")
    attack = only(doc.events, "ASSAULT")
    assert attack.location is not None and attack.location.name == "Vienna"


def test_a_dateline_of_two_places_names_no_place_fr():
    doc = run("DAKAR/BAMAKO (AFP) - Nortland a attaqué Sudland lundi.", "fr")
    assert only(doc.events, "ASSAULT").location is None
    doc = run("DAKAR (AFP) - Nortland a attaqué Sudland lundi.", "fr")
    attack = only(doc.events, "ASSAULT")
    assert attack.location is not None and attack.location.name == "Dakar"
