"""An ordinal weekday of a month ("the first Sunday of March") and an ordinal day of a month counted from the
publication month ("the 20th of next month"), on sentences written for these tests, published Wednesday
2025-03-19."""

from __future__ import annotations

import pytest

from kroniek.time.stage import make_time_stage

STAGE = make_time_stage()

CASES = [
    # (language, sentence, timex text, TIMEX3 value)
    ("en", "Voters go to the polls on the first Sunday of May.", "the first Sunday of May", "2025-05-04"),
    ("en", "The committee meets on the last Friday of the month.", "the last Friday of the month", "2025-03-28"),
    ("en", "The vote is set for the third Tuesday of May 2026.", "the third Tuesday of May 2026", "2026-05-19"),
    ("en", "Parliament reconvenes on the 2nd Monday of next month.", "the 2nd Monday of next month", "2025-04-14"),
    ("en", "The rally was held on the second Sunday.", "the second Sunday", "2025-03-09"),
    ("en", "The loan falls due on the 20th of next month.", "the 20th of next month", "2025-04-20"),
    ("en", "Payments stop on the fifteenth day of next month.", "the fifteenth day of next month", "2025-04-15"),
    ("nl", "De verkiezingen zijn op de eerste zondag van mei.", "de eerste zondag van mei", "2025-05-04"),
    ("nl", "De raad vergadert de laatste vrijdag van de maand.", "de laatste vrijdag van de maand", "2025-03-28"),
    ("nl", "Het overleg was op de 2e dinsdag.", "de 2e dinsdag", "2025-03-11"),
    ("nl", "De huur moet op de 20e van volgende maand betaald zijn.", "de 20e van volgende maand", "2025-04-20"),
    ("fr", "Le scrutin a lieu le premier dimanche de mai.", "le premier dimanche de mai", "2025-05-04"),
    ("fr", "Le conseil siège le dernier vendredi du mois.", "le dernier vendredi du mois", "2025-03-28"),
    ("fr", "La séance est fixée au deuxième lundi du mois prochain.", "deuxième lundi du mois prochain", "2025-04-14"),
    ("de", "Die Wahl findet am ersten Sonntag im Mai statt.", "ersten Sonntag im Mai", "2025-05-04"),
    ("de", "Der Rat tagt am letzten Freitag des Monats.", "letzten Freitag des Monats", "2025-03-28"),
]


@pytest.mark.parametrize(("lang", "sentence", "surface", "value"), CASES)
def test_ordinal_in_month(make_doc, lang: str, sentence: str, surface: str, value: str) -> None:
    doc = STAGE(make_doc(sentence, lang))
    found = {doc.text[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == value, found


@pytest.mark.parametrize(
    ("lang", "sentence", "surface", "value"),
    [
        # an ordinal weekday counted from something other than a month is no day of this month: the weekday alone
        ("en", "On the first Monday after the vote the cabinet met.", "Monday", "2025-03-17"),
        # "last Sunday" without a month is the Sunday before, not the last Sunday of this month
        ("en", "The minister resigned last Sunday.", "last Sunday", "2025-03-16"),
        ("nl", "De minister trad afgelopen zondag af.", "afgelopen zondag", "2025-03-16"),
    ],
)
def test_not_an_ordinal_of_this_month(make_doc, lang: str, sentence: str, surface: str, value: str) -> None:
    doc = STAGE(make_doc(sentence, lang))
    found = {doc.text[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == value, found


def test_a_day_the_month_does_not_have_is_no_date(make_doc) -> None:
    """ "the 31st of next month" published in March: April has 30 days."""
    doc = STAGE(make_doc("The deadline is the 31st of next month.", "en"))
    assert not any(t.value.startswith("2025-04") for t in doc.timexes)


@pytest.mark.parametrize(
    ("lang", "sentence", "surface", "value"),
    [
        # a year joined to its day or month by "of"/"in"/"van"
        ("en", "The charter was signed on July 4th of 1995.", "July 4th of 1995", "1995-07-04"),
        ("en", "The treaty lapsed on 28 June in 2020.", "28 June in 2020", "2020-06-28"),
        ("nl", "Het verdrag werd getekend op 4 juli van 1995.", "4 juli van 1995", "1995-07-04"),
        ("nl", "De staking begon in juni van 1992.", "juni van 1992", "1992-06"),
        # nights counted as days; a fortnight is two weeks
        ("en", "The suspects spent two nights in custody.", "two nights", "P2D"),
        ("nl", "De verdachten zaten drie nachten vast.", "drie nachten", "P3D"),
        ("fr", "Les suspects ont passé deux nuits en garde à vue.", "deux nuits", "P2D"),
        ("de", "Die Verdächtigen verbrachten zwei Nächte in Haft.", "zwei Nächte", "P2D"),
        ("en", "The mission lasted a fortnight.", "a fortnight", "P2W"),
    ],
)
def test_year_joined_by_a_preposition_and_night_counts(
    make_doc, lang: str, sentence: str, surface: str, value: str
) -> None:
    doc = STAGE(make_doc(sentence, lang))
    found = {doc.text[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == value, found


def test_a_single_night_is_no_duration(make_doc) -> None:
    """ "a night of clashes" names the night, not a stretch of one day."""
    doc = STAGE(make_doc("It was a night of clashes in the capital.", "en"))
    assert not any(t.value == "P1D" for t in doc.timexes)


@pytest.mark.parametrize(
    ("lang", "sentence", "surface", "value"),
    [
        ("en", "The summit was moved to the week after next.", "the week after next", "2025-W14"),
        ("en", "Elections are due the year after next.", "the year after next", "2027"),
        ("nl", "De top is verplaatst naar de maand na de volgende.", "de maand na de volgende", "2025-05"),
    ],
)
def test_the_unit_after_next(make_doc, lang: str, sentence: str, surface: str, value: str) -> None:
    doc = STAGE(make_doc(sentence, lang))
    found = {doc.text[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == value, found


@pytest.mark.parametrize(
    ("lang", "sentence", "surface", "value"),
    [
        ("nl", "De stembussen sloten rond het middaguur.", "middaguur", "2025-03-19T12:00"),
        ("fr", "Les bureaux de vote ferment à la mi-journée.", "mi-journée", "2025-03-19T12:00"),
        ("en", "The polls closed at mid-day.", "mid-day", "2025-03-19T12:00"),
    ],
)
def test_noon_words(make_doc, lang: str, sentence: str, surface: str, value: str) -> None:
    doc = STAGE(make_doc(sentence, lang))
    found = {doc.text[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == value, found
