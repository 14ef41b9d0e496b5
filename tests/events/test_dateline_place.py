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


def test_a_headline_that_opens_with_a_place_does_not_hide_the_dateline_en():
    """Round 7: the places stage flags a place that opens the text (a headline's first word) as a dateline
    too; the dateline proper, followed by its dash, is still the lead paragraph's place."""
    doc_headline = run("Kenya: a tense week\n\nNAIROBI (AFP) - Nortland attacked Sudland on Monday.", "en")
    flagged = [p for p in doc_headline.places if p.dateline]
    assert len(flagged) == 2, flagged  # the headline's "Kenya" and the dateline
    attack = only(doc_headline.events, "ASSAULT")
    assert attack.location is not None and attack.location.name == "Nairobi"


def test_an_attack_takes_the_place_of_the_paragraph_before_it_en():
    """Round 7: an act on the ground with no place of its own happened where the paragraph's last sentences
    put the fighting; a speech act does not take that place, nor does an attack further back."""
    doc = run("Fighting broke out in Kharkiv on Sunday. Nortland attacked Sudland on Monday.", "en")
    attack = only(doc.events, "ASSAULT")
    assert attack.location is not None and attack.location.name == "Kharkiv"
    assert "on the ground" in attack.explain["location"]
    doc = run("Fighting broke out in Kharkiv on Sunday. Nortland accused Sudland of spying.", "en")
    assert only(doc.events, "ACCUSE").location is None
    far = run(
        "Fighting broke out in Kharkiv on Sunday. The mayor spoke. Schools closed. Shops closed. "
        "Nortland attacked Sudland on Monday.",
        "en",
    )
    assert only(far.events, "ASSAULT").location is None
