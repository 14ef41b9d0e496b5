"""An accusation's content is alleged, not reported (docs/annotation.md: "X accused Y of <act>" is one ACCUSE):
"Nortland accused Sudland of shelling a power station" makes no ASSAULT. Every sentence here is written for
these tests."""

import pytest
from events_support import make_doc, run_statements_and_events
from test_attribution_scopes import STATES, run

from kroniek.events import fates


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Nortland accused Sudland of shelling a power station near the border on Monday."),
        ("nl", "Nortland beschuldigde Sudland ervan de grens te hebben aangevallen."),
        ("fr", "Nortland a accusé Sudland d'avoir bombardé une centrale électrique près de la frontière."),
    ],
)
def test_the_alleged_act_is_no_event_of_its_own(lang: str, text: str):
    doc = run(text, lang)
    assert [e.event for e in doc.events] == ["ACCUSE"], [(e.event, e.explain) for e in doc.events]
    assert any(d.reason == fates.ALLEGATION for d in doc.dropped_triggers)


def test_an_act_after_the_accusation_clause_is_reported():
    doc = run("Nortland accused Sudland of lying, and Sudland shelled a power station on Monday.", "en")
    assert sorted(e.event for e in doc.events) == ["ACCUSE", "ASSAULT"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Nortland accused Sudland of shelling a power station near the border on Monday."),
        ("nl", "Nortland beschuldigde Sudland ervan de grens te hebben aangevallen."),
        ("fr", "Nortland a accusé Sudland d'avoir bombardé une centrale électrique près de la frontière."),
    ],
)
def test_the_setting_turns_the_rule_off(lang: str, text: str):
    doc = make_doc(text, lang, STATES)
    run_statements_and_events(doc, allegation_content=False)
    assert sorted(e.event for e in doc.events) == ["ACCUSE", "ASSAULT"]
