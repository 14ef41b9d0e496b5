"""Timex classes from the round-7 error counts on the tuning halves of the Recognizers specs (issue 14): a day and
a month in digits with a slash and no year, and the number words inside the time patterns; on sentences written
for these tests, published Wednesday 2025-03-19."""

from __future__ import annotations

import re

import pytest

from kroniek.time.lexicon import _expand
from kroniek.time.stage import make_time_stage

STAGE = make_time_stage()


@pytest.mark.parametrize(
    ("lang", "sentence", "surface", "value"),
    [
        # day and month with a slash, the order of the language; the nearest such day to publication
        ("nl", "De raad vergadert op 22/4 opnieuw.", "22/4", "2025-04-22"),
        ("fr", "Le conseil se réunit le 3/11 à Lyon.", "3/11", "2024-11-03"),
        ("en", "The council meets on 4/22 again.", "4/22", "2025-04-22"),
        ("de", "Der Rat tagt am 22/4 erneut.", "22/4", "2025-04-22"),
        # a first number over 12 can only be the day, in any order
        ("en", "The council met on 17/3 in Leeds.", "17/3", "2025-03-17"),
    ],
)
def test_day_and_month_with_a_slash(make_doc, lang: str, sentence: str, surface: str, value: str) -> None:
    doc = STAGE(make_doc(sentence, lang))
    found = {doc.text[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == value, found


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Two thirds, 2/3 of the seats, went to the coalition."),
        ("nl", "De partij won 2/3 van de zetels."),
        ("fr", "Le parti a gagné 2/3 des sièges."),
        ("de", "Die Partei gewann 2/3 der Sitze."),
        ("nl", "De hulplijn is 24/7 bereikbaar."),
        ("en", "The hotline is open 24/7 for callers."),
        ("nl", "Ajax won met 3-1 van Feyenoord."),
    ],
)
def test_a_fraction_a_score_or_all_the_time_is_no_date(make_doc, lang: str, sentence: str) -> None:
    assert [t.value for t in STAGE(make_doc(sentence, lang)).timexes] == []


def test_tens_of_thousands_is_read_inside_a_time_pattern() -> None:
    # the escaped spaces of the number pattern survive its insertion into a time pattern
    source = _expand("{num} days", {}, "en", capitalised=False)
    assert "\\\\s" not in source
    assert re.fullmatch(source, "tens of thousands days", re.IGNORECASE)
