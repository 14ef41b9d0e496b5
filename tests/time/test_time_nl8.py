"""Dutch regressions of round 8 (issue 13, nl8): a holiday's name that begins a person's name dates nothing; on
sentences written for these tests, published Wednesday 2025-03-19."""

from __future__ import annotations

import pytest
from timex_support import found_timexes as _found


@pytest.fixture
def nlp_pipeline() -> str:
    """Only the trained pipeline: the rule reads the parser's person entities, which the blank one lacks."""
    return "trained"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("nl", "Minister van Buitenlandse Zaken Ramadan Abdallah Goc bedankte de donoren voor hun steun."),
        ("en", "Foreign Minister Ramadan Abdallah Goc thanked the donors for their support."),
    ],
)
def test_a_holiday_inside_a_persons_name_is_no_date(make_doc, lang: str, sentence: str) -> None:
    assert "Ramadan" not in _found(make_doc, sentence, lang)


@pytest.mark.parametrize(
    ("lang", "sentence", "surface", "value"),
    [
        ("nl", "Tijdens de Ramadan bleef het rustig in de hoofdstad.", "Ramadan", "2025-03-01"),
        ("nl", "De onderhandelaars praten na de ramadan verder.", "ramadan", "2025-03-01"),
    ],
)
def test_the_holiday_alone_is_still_a_date(make_doc, lang: str, sentence: str, surface: str, value: str) -> None:
    assert _found(make_doc, sentence, lang).get(surface) == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # published 2025-03-19: July is four months ahead
        ("De ministers zouden elkaar in juli in Brussel ontmoeten.", "2025-07"),  # a plan made in the past
        ("De premier zou in juli een bezoek brengen aan Kenia.", "2025-07"),
        ("De legers trokken zich in juli terug uit de stad.", "2024-07"),  # past tense: last July
        ("Het konvooi zou in juli zijn beschoten door het leger.", "2024-07"),  # an alleged act, past
    ],
)
def test_a_month_ahead_in_a_plan_of_the_past(make_doc, sentence: str, value: str) -> None:
    assert _found(make_doc, sentence, "nl").get("juli") == value
