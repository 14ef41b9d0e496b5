"""Who reports an act is no party to it (issue 13, round 8): an outlet or office named in a source phrase
("laut Tass", "Wie die Agentur Tass meldet, …") and the subject of a report verb whose reported clause has a
subject of its own ("The ministry said soldiers had killed …"). Every sentence here is written for these tests."""

from events_support import make_doc, names

from kroniek.document import ArticleDoc
from kroniek.events.stage import EventsStage

ACTORS = {
    "Nortland": ["Nortland"],
    "Sudland": ["Sudland"],
    "Nortland Ministry of Defence": ["The defence ministry"],
    "Nortland police": ["die Polizei", "the police"],
    "TASS": ["Nachrichtenagentur Tass", "Tass"],
}
KINDS = {"TASS": "media", "Nortland police": "organization", "Nortland Ministry of Defence": "organization"}


def run(text: str, lang: str) -> ArticleDoc:
    doc = make_doc(text, lang, ACTORS, kinds=KINDS)
    EventsStage()(doc)
    return doc


def participants(doc: ArticleDoc) -> set[str]:
    return {n for e in doc.events for n in names(doc, [*e.actor, *e.recipient])}


def test_an_agency_named_by_a_fronted_as_clause_is_no_participant():
    doc = run("Wie die Nachrichtenagentur Tass meldet, nahm die Polizei am Montag drei Demonstranten fest.", "de")
    assert "TASS" not in participants(doc), [(e.event, names(doc, e.actor)) for e in doc.events]


def test_an_agency_after_laut_is_no_participant():
    doc = run("Laut Tass griff Nortland am Montag einen Grenzposten von Sudland an.", "de")
    assault = [e for e in doc.events if e.event == "ASSAULT"]
    assert assault, [(d.event, d.reason) for d in doc.dropped_triggers]
    assert "TASS" not in participants(doc)
    assert names(doc, assault[0].actor) == {"Nortland"}


def test_the_reporter_is_not_the_actor_of_a_clause_with_its_own_subject():
    doc = run("The defence ministry said soldiers had killed twelve fighters near the border.", "en")
    assert all("Nortland Ministry of Defence" not in names(doc, e.actor) for e in doc.events if e.event == "ASSAULT"), [
        (e.event, names(doc, e.actor), e.explain.get("path")) for e in doc.events
    ]


def test_a_pronoun_subject_leaves_the_reporter_its_act():
    # "it" may be the ministry again: the reported clause has no subject of its own that excludes it
    doc = run("The defence ministry said on Monday it had attacked Sudland.", "en")
    assault = [e for e in doc.events if e.event == "ASSAULT"]
    assert assault, [(d.event, d.reason) for d in doc.dropped_triggers]
    assert names(doc, assault[0].recipient) == {"Sudland"}


def test_a_named_subject_after_the_report_verb_still_acts():
    doc = run("The defence ministry said Nortland had attacked Sudland.", "en")
    assault = [e for e in doc.events if e.event == "ASSAULT"]
    assert assault, [(d.event, d.reason) for d in doc.dropped_triggers]
    assert names(doc, assault[0].actor) == {"Nortland"}


def test_a_v2_reported_clause_with_its_own_subject_drops_the_reporter():
    doc = run("Nortland teilte am Montag mit, Soldaten hätten Rebellen angegriffen.", "de")
    assert all("Nortland" not in names(doc, e.actor) for e in doc.events if e.event == "ASSAULT"), [
        (e.event, names(doc, e.actor)) for e in doc.events
    ]


def test_a_v2_reported_clause_with_a_pronoun_keeps_the_reporter():
    doc = run("Nortland erklärte am Montag, es habe Sudland angegriffen.", "de")
    assault = [e for e in doc.events if e.event == "ASSAULT"]
    assert assault, [(d.event, d.reason) for d in doc.dropped_triggers]
    assert names(doc, assault[0].actor) == {"Nortland"}
