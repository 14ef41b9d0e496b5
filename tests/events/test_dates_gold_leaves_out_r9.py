"""Dates the gold leaves out, round 9 (issue 14): a timex of the act that a request, offer, agreement, refusal or
threat is about dates that act, not the speech act ("called on its supporters to strike on Thursday": the call
is undated, A23 #78, A27 #11). Every sentence here is written for these tests; published Wednesday 2025-03-19."""

import pytest
from events_support import make_doc, run_statements_and_events

from kroniek.document import ArticleDoc, TimexRecord
from kroniek.events.when import embedded_acts_date

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}
PUBLISHED = "2025-03-19"
THURSDAY = "2025-03-20"


def _doc(text: str, lang: str, timex: str) -> ArticleDoc:
    return make_doc(text, lang, STATES, timexes=[(timex, "DATE", THURSDAY)], published=PUBLISHED)


def _timex(doc: ArticleDoc) -> TimexRecord:
    return doc.timexes[0]


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "timex"),
    [
        ("en", "Nortland called on Sudland to release the prisoners on Thursday.", "called", "Thursday"),
        ("en", "Nortland threatened to close its border with Sudland on Thursday.", "threatened", "Thursday"),
        ("nl", "Nortland riep Sudland op donderdag de gevangenen vrij te laten.", "riep", "donderdag"),
    ],
)
def test_a_timex_of_the_requested_act_is_that_acts(lang: str, text: str, trigger: str, timex: str) -> None:
    doc = _doc(text, lang, timex)
    assert embedded_acts_date(doc, _timex(doc), text.index(trigger))


@pytest.mark.parametrize(
    ("lang", "text", "trigger", "timex"),
    [
        ("en", "On Thursday Nortland called on Sudland to release the prisoners.", "called", "Thursday"),
        ("en", "Nortland called on Sudland on Thursday to release the prisoners.", "called", "Thursday"),
        ("nl", "Donderdag riep Nortland Sudland op de gevangenen vrij te laten.", "riep", "Donderdag"),
        # a complement with a subject of its own reports what was said: left to the other rules
        ("en", "Nortland pledged that its army would leave the border on Thursday.", "pledged", "Thursday"),
        # a date before its noun names a thing, whatever verb the parser hangs the noun on
        ("en", "Nortland advised its citizens to leave Sudland in its Thursday travel alert.", "advised", "Thursday"),
    ],
)
def test_a_timex_of_the_call_itself_dates_the_call(lang: str, text: str, trigger: str, timex: str) -> None:
    doc = _doc(text, lang, timex)
    assert not embedded_acts_date(doc, _timex(doc), text.index(trigger))


def _dates(text: str, lang: str, timex: str, event_type: str) -> list[str | None]:
    doc = _doc(text, lang, timex)
    return [e.date.value if e.date else None for e in run_statements_and_events(doc).events if e.event == event_type]


def test_the_events_stage_leaves_the_call_undated() -> None:
    assert _dates("Nortland called on Sudland to release the prisoners on Thursday.", "en", "Thursday", "REQUEST") == [
        None
    ]


def test_the_events_stage_dates_a_call_by_its_own_day() -> None:
    dates = _dates("On Thursday Nortland called on Sudland to release the prisoners.", "en", "Thursday", "REQUEST")
    assert dates and all(d is not None for d in dates)


def test_an_ask_for_a_time_already_past_is_history_and_keeps_its_date() -> None:
    text = "Nortland had called on Sudland to release the prisoners in 2019."
    doc = make_doc(text, "en", STATES, timexes=[("2019", "DATE", "2019")], published=PUBLISHED)
    assert not embedded_acts_date(doc, _timex(doc), text.index("called"))
