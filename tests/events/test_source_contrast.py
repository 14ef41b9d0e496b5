"""No source for a clause the author sets against a report (issue 14): "X said A, while/but Y did B" states
B in the author's own voice; nor from "…, said X" where X is the subject of what was said. Every sentence
here is written for these tests."""

import pytest
from test_attribution_scopes import run, source_name

from kroniek.document import ArticleDoc, EventRecord


def sanctions(doc: ArticleDoc) -> EventRecord:
    found = [e for e in doc.events if e.event == "SANCTION"]
    assert len(found) == 1, [(e.event, e.explain) for e in doc.events]
    return found[0]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Council said Nortland would send aid, while Sudland imposed new sanctions on Nortland."),
        ("nl", "De Raad zei dat Nortland hulp zou sturen, terwijl Sudland nieuwe sancties tegen Nortland instelde."),
        (
            "de",
            "Der Rat sagte, Nortland werde Hilfe schicken, während Sudland neue Sanktionen gegen Nortland verhängte.",
        ),
        (
            "fr",
            "Le Conseil a déclaré que Nortland enverrait de l'aide, tandis que Sudland a imposé de nouvelles "
            "sanctions contre Nortland.",
        ),
    ],
)
def test_a_contrasting_clause_after_a_report_is_the_authors(lang: str, text: str):
    doc = run(text, lang)
    assert source_name(doc, sanctions(doc)) is None


def test_the_report_itself_keeps_its_source_en():
    doc = run("The Council said Nortland would send aid, while Sudland imposed new sanctions on Nortland.", "en")
    aid = [e for e in doc.events if e.event == "AID"]
    assert aid and source_name(doc, aid[0]) == "Ostrava Council"


def test_a_clause_after_but_is_the_authors_en():
    doc = run("The Council said on Monday that Nortland wanted talks, but Sudland imposed new sanctions.", "en")
    assert source_name(doc, sanctions(doc)) is None


def test_a_while_clause_inside_the_report_stays_reported_en():
    # no comma: "while" joins two things the Council reported
    doc = run("The Council said that Sudland imposed new sanctions while talks with Nortland went on.", "en")
    assert source_name(doc, sanctions(doc)) == "Ostrava Council"


def test_said_before_the_subject_of_what_was_said_names_no_source_en():
    # ", said Sudland would respond": the comma closed an apposition, Sudland is who will respond
    text = "Nortland attacked the port on Monday, and Ana Vell, a senior envoy, said Sudland would respond."
    doc = run(text, "en", {"Nortland": ["Nortland"], "Sudland": ["Sudland"], "Ana Vell": ["Ana Vell"]})
    attack = [e for e in doc.events if e.event == "ASSAULT"]
    assert attack and source_name(doc, attack[0]) is None


def test_said_at_the_end_names_the_source_en():
    text = "Nortland will send aid to Sudland, said Ana Vell on Monday."
    doc = run(text, "en", {"Nortland": ["Nortland"], "Sudland": ["Sudland"], "Ana Vell": ["Ana Vell"]})
    aid = [e for e in doc.events if e.event == "AID"]
    assert aid and source_name(doc, aid[0]) == "Ana Vell"
