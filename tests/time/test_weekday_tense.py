"""A bare weekday takes the direction of the verb it dates, published Wednesday 2025-03-19.

In a past-tense report "on Monday" is the latest Monday on or before publication (2025-03-17), also when
the weekday is a fronted adverbial before a reporting verb ("On Monday, the agency reported ...");
a present-tense schedule or a future auxiliary points to the coming Monday (2025-03-24). Each case
runs under the trained and the blank nlp pipeline (``make_doc`` in tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from kroniek.document import ArticleDoc, TimexRecord
from kroniek.time.stage import make_time_stage

STAGE = make_time_stage()
LAST_MONDAY = "2025-03-17"
NEXT_MONDAY = "2025-03-24"


def timexes(doc: ArticleDoc) -> dict[str, TimexRecord]:
    STAGE(doc)
    return {doc.text[t.start : t.end]: t for t in doc.timexes}


CASES = [
    # (language, sentence, weekday as tagged, expected value, expected direction)
    ("en", "On Monday, the agency reported the army arrested two officers.", "Monday", LAST_MONDAY, "past"),
    ("en", "On Monday, the agency reported that rebels had seized the port.", "Monday", LAST_MONDAY, "past"),
    ("en", "On Monday, the ministry said it will reopen the border.", "Monday", LAST_MONDAY, "past"),
    ("en", "The ministry said on Monday it will reopen the border.", "Monday", LAST_MONDAY, "past"),
    ("en", "Iran on Monday said it will reopen the border.", "Monday", LAST_MONDAY, "past"),
    ("en", "Police on Monday arrested four men who will face trial.", "Monday", LAST_MONDAY, "past"),
    ("en", "The result will be announced on Monday.", "Monday", NEXT_MONDAY, "future"),
    ("en", "Late on Monday, police detained four protesters.", "Monday", LAST_MONDAY, "past"),
    ("en", "The rebels seized the airport on Monday.", "Monday", LAST_MONDAY, "past"),
    ("en", "The delegations meet in Geneva on Monday.", "Monday", NEXT_MONDAY, "future"),
    ("en", "The ministers will meet on Monday.", "Monday", NEXT_MONDAY, "future"),
    ("en", "On Monday, the ministers will meet in Geneva.", "Monday", NEXT_MONDAY, "future"),
    ("nl", "Maandag arresteerde de politie vier demonstranten.", "Maandag", LAST_MONDAY, "past"),
    ("nl", "Het persbureau meldde maandag dat het leger twee officieren had opgepakt.", "maandag", LAST_MONDAY, "past"),
    ("nl", "Maandag zei de minister dat het kabinet de grens zal openen.", "Maandag", LAST_MONDAY, "past"),
    ("nl", "Het ministerie zei maandag dat het de grens zal openen.", "maandag", LAST_MONDAY, "past"),
    ("nl", "De ministers vergaderen maandag in Brussel.", "maandag", NEXT_MONDAY, "future"),
    ("nl", "De ministers zullen maandag in Brussel vergaderen.", "maandag", NEXT_MONDAY, "future"),
]


@pytest.mark.parametrize(("lang", "sentence", "expression", "value", "direction"), CASES)
def test_bare_weekday_follows_tense(
    make_doc, lang: str, sentence: str, expression: str, value: str, direction: str
) -> None:
    found = timexes(make_doc(sentence, lang))
    assert expression in found, f"{expression!r} not tagged; got {sorted(found)}"
    assert (found[expression].value, found[expression].direction) == (value, direction)


def test_past_weekday_is_never_after_publication(make_doc) -> None:
    # A Monday article: the most recent Monday on or before publication is the publication day itself.
    sentence = "On Monday, the agency reported the army arrested two officers."
    found = timexes(make_doc(sentence, "en", published=dt.date(2025, 3, 17)))
    assert found["Monday"].value == LAST_MONDAY


@pytest.mark.parametrize(
    ("lang", "sentence", "value"),
    [
        ("en", "Inspectors left on Friday, having already searched the offices on Thursday.", "2025-03-13"),
        ("nl", "De politie heeft de verdachte dinsdag aangehouden.", "2025-03-18"),
        ("fr", "La police a arrêté le suspect mardi.", "2025-03-18"),
        ("nl", "De verdachte wordt dinsdag verhoord.", "2025-03-25"),
    ],
)
def test_a_perfect_reports_the_past_and_a_passive_does_not(make_doc, lang: str, sentence: str, value: str) -> None:
    doc = STAGE(make_doc(sentence, lang))
    assert doc.timexes[-1].value == value
