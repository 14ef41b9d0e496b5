"""Open classes of timexes from the held-out suites (issue 14): a part of day around a clock time, sets at a
clock time, durations of several units, days written with dashes or abbreviated months, observance days and
"Friday the 21st", on sentences written for these tests, published Wednesday 2025-03-19."""

from __future__ import annotations

import pytest

from kroniek.time.stage import make_time_stage

STAGE = make_time_stage()

CASES = [
    # (language, sentence, timex text, TIMEX3 value)
    ("nl", "De stemming begon 's avonds om 7 uur.", "'s avonds om 7 uur", "2025-03-19T19:00"),
    ("de", "Die Sitzung endete abends um 8 Uhr.", "abends um 8 Uhr", "2025-03-19T20:00"),
    ("fr", "Le vote a commencé à 8h20 du soir.", "8h20 du soir", "2025-03-19T20:20"),
    ("en", "The council meets every Monday at 4pm.", "every Monday at 4pm", "XXXX-WXX-1T16:00"),
    ("nl", "De raad vergadert elke dag om 15.00 uur.", "elke dag om 15.00 uur", "T15:00"),
    ("en", "The siege lasted two years and three months.", "two years and three months", "P2Y3M"),
    ("nl", "Het beleg duurde een week en drie dagen.", "een week en drie dagen", "P1W3D"),
    ("nl", "De brand woedde afgelopen nacht.", "afgelopen nacht", "2025-03-18TNI"),
    ("en", "Patrols go out every evening.", "every evening", "TEV"),
    ("nl", "Er is elk weekend een markt.", "elk weekend", "XXXX-WXX-WE"),
    ("fr", "Le traité a été signé le 3 fevrier 2024.", "3 fevrier 2024", "2024-02-03"),
    ("en", "The deal was signed on 3-Oct-2024.", "3-Oct-2024", "2024-10-03"),
    ("fr", "Le décret date du 22 janv. 2024.", "22 janv. 2024", "2024-01-22"),
    ("fr", "Le décret date du 22-oct-2024.", "22-oct-2024", "2024-10-22"),
    ("nl", "Het besluit is van 12-mrt-2024.", "12-mrt-2024", "2024-03-12"),
    ("de", "Der Vertrag ist vom 12-Okt-2024.", "12-Okt-2024", "2024-10-12"),
    ("en", "Marches were held on International Women's Day.", "International Women's Day", "2025-03-08"),
    ("nl", "Er waren optochten op Internationale Vrouwendag.", "Internationale Vrouwendag", "2025-03-08"),
    ("de", "Am Weltfrauentag gab es Demonstrationen.", "Weltfrauentag", "2025-03-08"),
    ("nl", "De winkels waren vol op Black Friday.", "Black Friday", "2024-11-29"),
    ("nl", "Het bezoek is gepland op vrijdag de 21ste.", "vrijdag de 21ste", "2025-03-21"),
    ("en", "The visit is planned for Friday the twenty-first.", "Friday the twenty-first", "2025-03-21"),
    # a day and a part of day written apart from it
    ("en", "The vote is on Tuesday, in the afternoon.", "Tuesday, in the afternoon", "2025-03-25TAF"),
    ("de", "Die Abstimmung ist nächsten Montag Nachmittag.", "nächsten Montag Nachmittag", "2025-03-24TAF"),
    ("fr", "Le vote aura lieu mardi l'après-midi.", "mardi l'après-midi", "2025-03-25TAF"),
    ("nl", "De stemming is op 5 feb 's ochtends.", "5 feb 's ochtends", "2025-02-05TMO"),
    # the edge of a week, month or year is that week, month or year
    ("en", "The law will pass by the end of the year.", "the end of the year", "2025"),
    ("en", "Prices rise again later in the year.", "later in the year", "2025"),
    ("nl", "Het verdrag gaat in aan het begin van volgende maand.", "het begin van volgende maand", "2025-04"),
    ("de", "Das Gesetz tritt zum Jahresende in Kraft.", "Jahresende", "2025"),
    ("de", "Die Wahl findet Anfang nächsten Monats statt.", "Anfang nächsten Monats", "2025-04"),
    ("fr", "La loi sera votée d'ici la fin de l'année.", "la fin de l'année", "2025"),
    ("en", "The vote is on Tuesday late-evening.", "Tuesday late-evening", "2025-03-25TEV"),
    # a week counted in a year, and a month written in digits next to its year
    ("en", "Deliveries resume in the first week of 2026.", "the first week of 2026", "2026-W01"),
    ("en", "The plant closed in the last week of 2015.", "the last week of 2015", "2015-W53"),
    ("en", "Deliveries resume in week 10.", "week 10", "2025-W10"),
    ("nl", "De leveringen hervatten in de eerste week van 2026.", "de eerste week van 2026", "2026-W01"),
    ("de", "Die Lieferungen beginnen in KW 12.", "KW 12", "2025-W12"),
    ("fr", "Les livraisons reprennent la première semaine de 2026.", "la première semaine de 2026", "2026-W01"),
    ("en", "Sales figures for 11-2016 are out.", "11-2016", "2016-11"),
    # spans with words between the count and the unit, a clock in UTC before its day
    ("en", "Stocks fell for six straight days.", "six straight days", "P6D"),
    ("en", "Prices rose over the past three years.", "the past three years", "P3Y"),
    ("fr", "Les prix ont augmenté ces trois dernières années.", "trois dernières années", "P3Y"),
    ("de", "Die Aktien fielen drei aufeinanderfolgende Tage.", "drei aufeinanderfolgende Tage", "P3D"),
    ("nl", "De aandelen daalden drie opeenvolgende dagen.", "drie opeenvolgende dagen", "P3D"),
    ("en", "Profits rose this fiscal year.", "this fiscal year", "2025"),
    ("en", "The polls close at 15:00 GMT Saturday.", "15:00 GMT Saturday", "2025-03-22T15:00Z"),
    # a bare hour with a part of day after it
    ("fr", "Le vote commence à 8 du soir.", "8 du soir", "2025-03-19T20:00"),
    ("fr", "Le vote commence vers 10 dans la soirée.", "10 dans la soirée", "2025-03-19T22:00"),
    ("nl", "De stemming begint om 7 's avonds.", "7 's avonds", "2025-03-19T19:00"),
    ("de", "Die Abstimmung beginnt um 8 abends.", "8 abends", "2025-03-19T20:00"),
    # a clock time read out as two numbers, with am/pm or a part of day
    ("en", "The flight leaves at eight forty pm.", "eight forty pm", "2025-03-19T20:40"),
    ("fr", "Le vol part à cinq trente du matin.", "cinq trente du matin", "2025-03-19T05:30"),
]


@pytest.mark.parametrize(("lang", "sentence", "surface", "value"), CASES)
def test_open_classes(make_doc, lang: str, sentence: str, surface: str, value: str) -> None:
    doc = STAGE(make_doc(sentence, lang))
    found = {doc.text[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == value, found


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "The team lost in week 10 of the season."),
        ("nl", "Het team verloor in week 10 van het seizoen."),
    ],
)
def test_a_week_of_a_season_is_no_week_of_the_year(make_doc, lang: str, sentence: str) -> None:
    assert STAGE(make_doc(sentence, lang)).timexes == []


@pytest.mark.parametrize(
    ("lang", "sentence", "values"),
    [
        ("en", "The firm showed on Tuesday the first model of its new car.", ["2025-03-18"]),
        ("nl", "Het kabinet zette maandag de eerste stap.", ["2025-03-17"]),
    ],
)
def test_an_ordinal_before_a_noun_is_no_day_of_the_month(make_doc, lang: str, sentence: str, values: list[str]) -> None:
    assert [t.value for t in STAGE(make_doc(sentence, lang)).timexes] == values


@pytest.mark.parametrize(("lang", "sentence", "surface"), [("en", "The court ruled on 21 March.", "21 March")])
def test_a_full_stop_after_a_month_ends_the_sentence(make_doc, lang: str, sentence: str, surface: str) -> None:
    doc = STAGE(make_doc(sentence, lang))
    assert [doc.text[t.start : t.end] for t in doc.timexes] == [surface]


@pytest.mark.parametrize(
    ("lang", "sentence"), [("en", "Eight forty people came."), ("fr", "Cinq trente personnes sont venues.")]
)
def test_two_numbers_without_am_pm_or_part_of_day_are_no_clock_time(make_doc, lang: str, sentence: str) -> None:
    assert STAGE(make_doc(sentence, lang)).timexes == []


def test_a_part_of_day_in_the_next_sentence_stays_apart(make_doc) -> None:
    doc = STAGE(make_doc("The accord took effect on Tuesday. Evening rallies followed.", "en"))
    assert [t.value for t in doc.timexes] == ["2025-03-18"]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("nl", "Het kabinet besprak vrijdag de 21ste maart de begroting."),
        ("en", "The court ruled on Friday the 21st of March."),
    ],
)
def test_a_weekday_with_a_day_and_a_month_is_one_date(make_doc, lang: str, sentence: str) -> None:
    doc = STAGE(make_doc(sentence, lang))
    assert [t.value for t in doc.timexes] == ["2025-03-21"]


@pytest.mark.parametrize(
    ("lang", "sentence", "surface"),
    [
        ("nl", "De raad stemde maandag over het plan. De minister trad dezelfde avond af.", "dezelfde avond"),
        ("en", "The council voted on Monday. The minister resigned the same evening.", "the same evening"),
        ("de", "Der Rat stimmte am Montag ab. Der Minister trat am selben Abend zurück.", "am selben Abend"),
        ("fr", "Le conseil a voté lundi. Le ministre a démissionné le soir même.", "le soir même"),
    ],
)
def test_the_same_evening_is_the_evening_of_the_day_last_named(
    make_doc, lang: str, sentence: str, surface: str
) -> None:
    """Not the publication day's evening (Wednesday 2025-03-19): the day the text named before it, Monday."""
    doc = STAGE(make_doc(sentence, lang))
    found = {sentence[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == "2025-03-17", found
