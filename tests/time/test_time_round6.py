"""Timex classes from the round-6 error counts on the tuning halves of the Recognizers specs (issue 14): an hour
in words after a clock preposition, a month or a weekday with a direction word, durations in weekends and whole
units, sets counted per unit; on sentences written for these tests, published Wednesday 2025-03-19."""

from __future__ import annotations

import pytest

from kroniek.time.stage import make_time_stage

STAGE = make_time_stage()

CASES = [
    # (language, sentence, timex text, TIMEX3 value)
    # an hour in words with its noun after a clock preposition is a time of day, not a number of hours
    ("nl", "De raad komt om zeven uur bijeen.", "zeven uur", "2025-03-19T07:00"),
    ("nl", "De stemming begint rond elf uur.", "elf uur", "2025-03-19T11:00"),
    ("fr", "Le conseil se réunit à sept heures.", "sept heures", "2025-03-19T07:00"),
    ("fr", "Le vote commence vers vingt heures.", "vingt heures", "2025-03-19T20:00"),
    ("fr", "Le vote commence à vingt-deux heures trente.", "vingt-deux heures trente", "2025-03-19T22:30"),
]


@pytest.mark.parametrize(("lang", "sentence", "surface", "value"), CASES)
def test_round6_classes(make_doc, lang: str, sentence: str, surface: str, value: str) -> None:
    doc = STAGE(make_doc(sentence, lang))
    found = {doc.text[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == value, found


@pytest.mark.parametrize(
    ("lang", "sentence", "surface", "value"),
    [
        ("nl", "Het debat duurde zeven uur.", "zeven uur", "PT7H"),
        ("fr", "Le débat a duré sept heures.", "sept heures", "PT7H"),
        ("fr", "Le débat a duré pendant sept heures.", "sept heures", "PT7H"),
    ],
)
def test_hours_without_a_clock_preposition_stay_a_duration(
    make_doc, lang: str, sentence: str, surface: str, value: str
) -> None:
    doc = STAGE(make_doc(sentence, lang))
    found = {doc.text[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == value, found
