"""General rules of the time stage (holidays, seasons, quarters, sets, shifts, numeric dates, clocks, a day
with its clock time), on sentences written for these tests, published Wednesday 2025-03-19."""

from __future__ import annotations

import datetime as dt

import pytest

from kroniek.errors import KroniekError
from kroniek.time import calendar
from kroniek.time.stage import make_time_stage

STAGE = make_time_stage()

CASES = [
    # (language, sentence, timex text, TIMEX3 value)
    ("en", "The ceasefire is meant to hold over Christmas.", "Christmas", "2024-12-25"),
    ("en", "Talks resumed after Easter 2024.", "Easter 2024", "2024-03-31"),
    ("en", "Stores reported record sales on Black Friday 2023.", "Black Friday 2023", "2023-11-24"),
    ("de", "Die Regierung tagte am Ostermontag 2024.", "Ostermontag 2024", "2024-04-01"),
    ("de", "Der Markt öffnet am 1. Advent 2025.", "1. Advent 2025", "2025-11-30"),
    ("fr", "Le cessez-le-feu doit tenir jusqu'à Noël 2025.", "Noël 2025", "2025-12-25"),
    ("nl", "Het kabinet viel vlak voor Pinksteren 2024.", "Pinksteren 2024", "2024-05-19"),
    ("en", "Profits fell in the first quarter of 2024.", "the first quarter of 2024", "2024-Q1"),
    ("de", "Der Umsatz stieg im dritten Quartal 2024.", "dritten Quartal 2024", "2024-Q3"),
    ("en", "The offensive began in the summer of 2023.", "summer of 2023", "2023-SU"),
    ("fr", "Les combats ont repris à l'été 2024.", "été 2024", "2024-SU"),
    ("en", "The council meets every Tuesday.", "every Tuesday", "XXXX-WXX-2"),
    ("de", "Die Demonstranten treffen sich montags.", "montags", "XXXX-WXX-1"),
    ("fr", "Les inspecteurs passent tous les lundis.", "tous les lundis", "XXXX-WXX-1"),
    ("nl", "Het overleg vindt elke maandag plaats.", "elke maandag", "XXXX-WXX-1"),
    ("en", "Inspections take place every two weeks.", "every two weeks", "P2W"),
    ("en", "The delegation will return in three weeks.", "in three weeks", "2025-04-09"),
    ("nl", "De delegatie komt over drie weken terug.", "over drie weken", "2025-04-09"),
    ("fr", "La délégation reviendra dans trois semaines.", "dans trois semaines", "2025-04-09"),
    ("en", "Shares closed at their lowest level in six years.", "in six years", "P6Y"),
    ("nl", "Het overleg begint om kwart voor tien.", "kwart voor tien", "2025-03-19T09:45"),
    ("nl", "De stemming was om tien over half negen 's avonds.", "tien over half negen 's avonds", "2025-03-19T20:40"),
    ("en", "The convoy left at a quarter to ten.", "a quarter to ten", "2025-03-19T09:45"),
    ("en", "Shelling resumed at ten past nine in the evening.", "ten past nine in the evening", "2025-03-19T21:10"),
    ("de", "Die Sitzung beginnt um halb acht.", "halb acht", "2025-03-19T07:30"),
    ("de", "Die Sirenen heulten um zehn Uhr abends.", "zehn Uhr abends", "2025-03-19T22:00"),
    ("fr", "La réunion commence à huit heures moins le quart.", "huit heures moins le quart", "2025-03-19T07:45"),
    ("fr", "Les tirs ont repris à neuf heures vingt du soir.", "neuf heures vingt du soir", "2025-03-19T21:20"),
    ("nl", "De ministers overleggen morgen in de avond.", "morgen in de avond", "2025-03-20TEV"),
    ("en", "The talks resume tomorrow in the morning.", "tomorrow in the morning", "2025-03-20TMO"),
    ("de", "Die Minister beraten morgen am Abend.", "morgen am Abend", "2025-03-20TEV"),
    ("fr", "Les ministres se réunissent demain dans la soirée.", "demain dans la soirée", "2025-03-20TEV"),
    ("en", "The mission will end two years from now.", "two years from now", "2027"),
    ("en", "Exports had slowed a year earlier.", "a year earlier", "2024"),
    ("en", "The strike began in March 2021 and ended two years later.", "two years later", "2023-03"),
    ("en", "Sales rose in the third quarter, up from a loss a year earlier.", "a year earlier", "2023-Q3"),
    ("en", "The strike began in March 2024 and ended two months later.", "two months later", "P2M"),
    ("en", "The negotiators left the day before yesterday.", "the day before yesterday", "2025-03-17"),
    ("en", "The meeting lasted two and a half hours.", "two and a half hours", "PT2H30M"),
    ("de", "Die Sitzung dauerte zweieinhalb Stunden.", "zweieinhalb Stunden", "PT2H30M"),
    ("fr", "La réunion a duré une heure et demie.", "une heure et demie", "PT1H30M"),
    ("fr", "La réunion a duré trois heures.", "trois heures", "PT3H"),
    ("en", "The ballot boxes close at 8pm.", "8pm", "2025-03-19T20:00"),
    ("en", "The vote opens Thursday at 3pm.", "Thursday at 3pm", "2025-03-20T15:00"),
    ("de", "Die Abstimmung beginnt morgen um 9 Uhr.", "morgen um 9 Uhr", "2025-03-20T09:00"),
    ("en", "The order was signed on 21/04/2024.", "21/04/2024", "2024-04-21"),
    ("en", "The order was signed on 04/21/2024.", "04/21/2024", "2024-04-21"),
    ("de", "Der Vertrag wurde am 22.02. unterzeichnet.", "22.02.", "2025-02-22"),
    ("de", "Die Zahlen für 11/2024 liegen vor.", "11/2024", "2024-11"),
    ("de", "Er kam am zweiten März an.", "zweiten März", "2025-03-02"),
    ("en", "The summit opens on the second of April.", "the second of April", "2025-04-02"),
    ("en", "The vote is set for next week Friday.", "next week Friday", "2025-03-28"),
    ("en", "The markets opened at 14:30 UTC.", "14:30 UTC", "2025-03-19T14:30Z"),
    ("nl", "De stembussen sluiten op twee april.", "twee april", "2025-04-02"),
    ("nl", "Het verdrag gaat in op de eerste van juni.", "eerste van juni", "2025-06-01"),
    ("nl", "De top was op zaterdag eenentwintig januari 2023.", "zaterdag eenentwintig januari 2023", "2023-01-21"),
    ("en", "The rally starts tonight at 7.", "tonight at 7", "2025-03-19T19:00"),
    ("en", "The envoys arrive tomorrow morning at eight.", "tomorrow morning at eight", "2025-03-20T08:00"),
    ("nl", "Het debat begint morgen om acht.", "morgen om acht", "2025-03-20T08:00"),
    ("de", "Die Sitzung beginnt morgen um 9.", "morgen um 9", "2025-03-20T09:00"),
    ("fr", "Les ministres arrivent demain vers 8.", "demain vers 8", "2025-03-20T08:00"),
    ("en", "The envoys left two days before yesterday.", "two days before yesterday", "2025-03-16"),
    ("en", "The truce began 2 weeks before Christmas 2024.", "2 weeks before Christmas 2024", "2024-12-11"),
    ("en", "The strike started 1 month, 3 days ago.", "1 month, 3 days ago", "2025-02-16"),
    ("nl", "De stemming is twee weken vanaf nu.", "twee weken vanaf nu", "2025-04-02"),
    ("nl", "Het bod verliep 2 jaar en 3 dagen geleden.", "2 jaar en 3 dagen geleden", "2023-03-16"),
    ("de", "Der Vertrag endet drei Tage nach Ostern 2025.", "drei Tage nach Ostern 2025", "2025-04-23"),
    ("fr", "Le vote a eu lieu deux jours avant Noël 2024.", "deux jours avant Noël 2024", "2024-12-23"),
]


@pytest.mark.parametrize(("lang", "sentence", "surface", "value"), CASES)
def test_general_rules(make_doc, lang: str, sentence: str, surface: str, value: str) -> None:
    doc = STAGE(make_doc(sentence, lang))
    found = {doc.text[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == value, found


def test_a_time_of_day_with_a_dot_is_not_a_date_of_the_day_and_month(make_doc) -> None:
    doc = STAGE(make_doc("Die Sitzung beginnt um 14.30 Uhr.", "de"))
    assert [t.value for t in doc.timexes] == ["2025-03-19T14:30"]


@pytest.mark.parametrize(
    "sentence",
    ["The Arab Spring changed the region.", "The fall of the city came quickly.", "Around 24/7 coverage ran."],
)
def test_words_that_look_like_times_are_not(make_doc, sentence: str) -> None:
    doc = STAGE(make_doc(sentence, "en"))
    assert doc.timexes == []


@pytest.mark.parametrize(
    ("lang", "sentence", "values"),
    [
        # a bare number after a day that does not end the clause is a count or an address, not an hour
        ("en", "The ministers met on Tuesday at 10 Downing Street.", ["2025-03-18"]),
        ("en", "The inspectors looked on Friday at 5 sites.", ["2025-03-14"]),
        ("en", "The index ended Monday at 7,245.5 points.", ["2025-03-17"]),
        # a cardinal glued to a month by a hyphen names something else
        ("nl", "De twee maart-akkoorden bleven van kracht.", []),
        # "from" a named day may start a stretch of time: only from now or a deictic day is it one day
        ("en", "The talks will run two days from Monday.", ["P2D", "2025-03-24"]),
    ],
)
def test_numbers_next_to_a_day_that_are_no_part_of_it(make_doc, lang: str, sentence: str, values: list[str]) -> None:
    doc = STAGE(make_doc(sentence, lang))
    assert [t.value for t in doc.timexes if t.precision != "month"] == values


def test_easter_by_the_computus() -> None:
    assert [calendar.easter(y) for y in (2019, 2024, 2025)] == [
        dt.date(2019, 4, 21),
        dt.date(2024, 3, 31),
        dt.date(2025, 4, 20),
    ]


def test_weekday_rules() -> None:
    thanksgiving = calendar.holiday_rule("en", "thanksgiving", "11:4:4")
    memorial = calendar.holiday_rule("en", "memorial day", "05:-1:1")
    advent = calendar.holiday_rule("de", "1. Advent", "12-25:-4:7")
    assert thanksgiving(2024) == dt.date(2024, 11, 28)
    assert memorial(2024) == dt.date(2024, 5, 27)
    assert advent(2024) == dt.date(2024, 12, 1)


def test_nearest_occurrence_of_a_holiday() -> None:
    christmas = calendar.holiday_rule("en", "christmas", "12-25")
    assert calendar.occurrence(christmas, dt.date(2025, 1, 10), None) == dt.date(2024, 12, 25)
    assert calendar.occurrence(christmas, dt.date(2025, 1, 10), "future") == dt.date(2025, 12, 25)


def test_a_bad_holiday_rule_is_a_catalogue_error() -> None:
    with pytest.raises(KroniekError) as caught:
        calendar.holiday_rule("en", "founders day", "the third monday")
    assert caught.value.code == "E145"
    assert "founders day" in str(caught.value)


def test_season_values() -> None:
    assert calendar.season_value("SP", dt.date(2025, 3, 19), None, "future") == "2026-SP"
    assert calendar.season_value("SU", dt.date(2025, 3, 19), None, "past") == "2024-SU"
    assert calendar.season_value("WI", None, None, None) == "XXXX-WI"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Prices rose five to ten percent."),
        ("nl", "De raad stemde met acht voor een motie."),
        ("fr", "Il a dormi sept heures."),
        ("nl", "Zij kregen acht uur de tijd."),
    ],
)
def test_numbers_that_are_no_clock_reading(make_doc, lang: str, sentence: str) -> None:
    """A number word alone, a range or a duration is not a time of day."""
    doc = STAGE(make_doc(sentence, lang))
    assert not [t for t in doc.timexes if t.type == "TIME"], [(doc.text[t.start : t.end], t.value) for t in doc.timexes]


def test_a_shift_does_not_move_the_time_it_counts_from(make_doc) -> None:
    """Two "a year earlier" about the same quarter both mean the quarter before it, not a chain of years."""
    doc = make_doc(
        "Revenue fell in the third quarter from a year earlier; costs were higher than a year earlier.", "en"
    )
    values = [t.value for t in STAGE(doc).timexes if doc.text[t.start : t.end] == "a year earlier"]
    assert values == ["2023-Q3", "2023-Q3"]
