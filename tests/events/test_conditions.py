"""An act in the condition of a promise, threat or demand is no event of its own (issue 13, embedded acts):
"Nortland threatened sanctions if Sudland attacked the border" reports no attack. Every sentence here is
written for these tests."""

import pytest
from events_support import make_doc, run_events

from kroniek.events import fates

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}


def _run(text: str, lang: str) -> tuple[list[str], list[str]]:
    doc = make_doc(text, lang, STATES)
    events = sorted(e.event for e in run_events(doc))
    return events, [d.entry_id for d in doc.dropped_triggers if d.reason == fates.CONDITION]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Nortland threatened sanctions against Sudland if Sudland attacked the border."),
        ("en", "If Sudland attacks the border, Nortland will impose sanctions, the minister warned."),
        ("nl", "Nortland dreigde met sancties tegen Sudland als Sudland de grens aanvalt."),
    ],
)
def test_the_condition_of_a_threat_is_no_event(lang: str, text: str):
    events, conditions = _run(text, lang)
    assert "ASSAULT" not in events
    assert "THREATEN" in events
    assert len(conditions) == 1


def test_a_condition_without_a_promise_or_threat_keeps_its_act():
    events, conditions = _run("Nortland will attack Sudland if the border stays closed.", "en")
    assert events == ["ASSAULT"]
    assert conditions == []


def test_an_act_before_the_condition_is_reported():
    events, _ = _run("Sudland attacked the border after Nortland had warned it.", "en")
    assert events == ["ASSAULT", "THREATEN"]
