"""A gerund after "by", "after", "before" is the clause subject's act (issue 13, round 7): "Nortland responded by
attacking Sudland". Every sentence here is written for these tests."""

from events_support import make_doc, names

from kroniek.document import ArticleDoc
from kroniek.events.stage import EventsStage

ACTORS = {"Nortland": ["Nortland"], "Sudland": ["Sudland"], "the police": ["police"]}


def run(text: str) -> ArticleDoc:
    doc = make_doc(text, "en", ACTORS)
    EventsStage()(doc)
    return doc


def test_gerund_after_by_takes_the_subject_and_its_object():
    doc = run("Nortland responded by attacking Sudland on Monday.")
    assault = [e for e in doc.events if e.event == "ASSAULT"]
    assert assault, [(d.event, d.reason) for d in doc.dropped_triggers]
    assert names(doc, assault[0].actor) == {"Nortland"}
    assert names(doc, assault[0].recipient) == {"Sudland"}


def test_gerund_after_a_report_verb_is_not_the_speakers():
    doc = run("The police said a man was detained after attacking Sudland's consulate.")
    assert all("the police" not in names(doc, e.actor) for e in doc.events if e.event == "ASSAULT")


def test_a_noun_after_by_is_no_gerund():
    doc = run("Nortland was shaken by the attack on Sudland.")
    assert all("gerund" not in str(e.explain) for e in doc.events)
