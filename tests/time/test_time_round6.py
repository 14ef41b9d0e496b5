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
    # a number of minutes with its noun before or after the hour
    ("en", "The polls closed at twenty minutes past eight.", "twenty minutes past eight", "2025-03-19T08:20"),
    ("en", "The alarm rang at three minutes to ten.", "three minutes to ten", "2025-03-19T09:57"),
    ("en", "The train left at 10 past 9.", "10 past 9", "2025-03-19T09:10"),
    ("nl", "De trein vertrok om vijf minuten na acht.", "vijf minuten na acht", "2025-03-19T08:05"),
    ("nl", "Het alarm ging om drie minuten voor half zes.", "drie minuten voor half zes", "2025-03-19T05:27"),
    ("de", "Der Zug fuhr um zwanzig Minuten nach acht Uhr.", "zwanzig Minuten nach acht Uhr", "2025-03-19T08:20"),
    (
        "fr",
        "Le train part à huit heures moins vingt-trois minutes.",
        "huit heures moins vingt-trois minutes",
        "2025-03-19T07:37",
    ),
    # weekends as a unit of durations and sets
    ("en", "The protests went on for three weekends.", "three weekends", "P3WE"),
    ("nl", "De markt is er elke twee weekenden.", "elke twee weekenden", "P2WE"),
    ("fr", "Le marché a lieu tous les deux week-ends.", "tous les deux week-ends", "P2WE"),
    ("de", "Die Proteste dauerten drei Wochenenden.", "drei Wochenenden", "P3WE"),
    # a whole unit
    ("nl", "De staking duurde de volle week.", "de volle week", "P1W"),
    ("nl", "Het overleg duurde de gehele dag.", "de gehele dag", "P1D"),
    ("fr", "Les négociations ont duré une pleine journée.", "une pleine journée", "P1D"),
    # once per unit, plural weekdays, inflected adjectives of a set
    ("en", "The council meets once a week.", "once a week", "P1W"),
    ("nl", "De raad vergadert eenmaal per maand.", "eenmaal per maand", "P1M"),
    ("fr", "Le conseil se réunit une fois par semaine.", "une fois par semaine", "P1W"),
    ("de", "Der Rat tagt einmal im Monat.", "einmal im Monat", "P1M"),
    ("fr", "Le marché se tient les lundis.", "les lundis", "XXXX-WXX-1"),
    ("fr", "Les réunions ont lieu tous les mardis soirs.", "tous les mardis soirs", "XXXX-WXX-2TEV"),
    ("nl", "Het bedrijf publiceert driemaandelijkse cijfers.", "driemaandelijkse", "P3M"),
    # the present, a qualified unit ("working week", "kalenderjaar"), "current" / "huidige"
    ("en", "At the present time no talks are planned.", "At the present time", "PRESENT_REF"),
    ("nl", "Op het moment wordt er niet onderhandeld.", "Op het moment", "PRESENT_REF"),
    ("en", "The vote is expected next working week.", "next working week", "2025-W13"),
    ("nl", "De stemming is volgende werkweek.", "volgende werkweek", "2025-W13"),
    ("nl", "De begroting voor dit kalenderjaar is rond.", "dit kalenderjaar", "2025"),
    ("de", "Der Umsatz stieg im vergangenen Geschäftsjahr.", "im vergangenen Geschäftsjahr", "2024"),
    ("nl", "De uitgaven in het huidige jaar stijgen.", "huidige jaar", "2025"),
    # a count glued to its unit
    ("en", "The strike lasted 3.5years.", "3.5years", "P3.5Y"),
    ("en", "A 24h strike was called.", "24h", "PT24H"),
    ("fr", "La grève a duré 3jours.", "3jours", "P3D"),
    ("fr", "Le mandat dure 3,5ans.", "3,5ans", "P3.5Y"),
    # a leap day without a year: the nearest leap year
    ("en", "The treaty was signed on Feb 29.", "Feb 29", "2024-02-29"),
    ("nl", "Het verdrag werd op 29 februari getekend.", "29 februari", "2024-02-29"),
    # decades
    ("en", "Inflation was high in the 1970s.", "the 1970s", "197"),
    ("en", "The party was founded in the early '90s.", "the early '90s", "199"),
    ("en", "The town grew in the late nineties.", "the late nineties", "199"),
    ("nl", "De partij werd in de jaren negentig opgericht.", "de jaren negentig", "199"),
    ("nl", "De wijk groeide in de jaren '70.", "de jaren '70", "197"),
    ("de", "Die Partei wurde in den 90er-Jahren gegründet.", "90er-Jahren", "199"),
    ("de", "Die Stadt wuchs in den Neunzigerjahren.", "Neunzigerjahren", "199"),
    ("fr", "Le parti a été fondé dans les années 1990.", "les années 1990", "199"),
    ("fr", "La ville a grandi dans les années quatre-vingt-dix.", "les années quatre-vingt-dix", "199"),
    # a clock time with a part of day after it is one timex, not a pattern started inside the clock time
    ("nl", "De trein vertrok om 09:00 's ochtends.", "09:00 's ochtends", "2025-03-19T09:00"),
    # a weekday in a week named before it, with "op" or a dash between
    ("nl", "De stemming is volgende week op dinsdag.", "volgende week op dinsdag", "2025-03-25"),
    ("en", "The vote was held previous week - Monday.", "previous week - Monday", "2025-03-10"),
    # hour and minutes glued before am/pm, a four-digit clock time with its zone, a clock word written apart
    ("en", "The flight leaves at 1140 a.m.", "1140 a.m.", "2025-03-19T11:40"),
    ("en", "Trading resumed at 0800 UTC.", "0800 UTC", "2025-03-19T08:00Z"),
    ("en", "The curfew starts at mid-night.", "mid-night", "2025-03-19T00:00"),
    # a joiner and a bare hour before a day with its part of day
    ("en", "The troops left at 7 this morning.", "7 this morning", "2025-03-19T07:00"),
    ("en", "The vote closes at ten tonight.", "ten tonight", "2025-03-19T22:00"),
    ("nl", "De troepen vertrokken om 7 vanmorgen.", "7 vanmorgen", "2025-03-19T07:00"),
    ("fr", "Le vote se termine à 8 ce soir.", "8 ce soir", "2025-03-19T20:00"),
    ("de", "Die Truppen zogen um 7 heute Morgen ab.", "7 heute Morgen", "2025-03-19T07:00"),
    # a month with a direction word: the next or the last one of that name
    ("nl", "De wet gaat aanstaande februari in.", "aanstaande februari", "2026-02"),
    ("nl", "De wet ging afgelopen februari in.", "afgelopen februari", "2025-02"),
    ("de", "Das Gesetz tritt nächsten Februar in Kraft.", "nächsten Februar", "2026-02"),
    # "een paar" counts two, as "a couple of"; "het weekend" alone is a weekend as "the weekend"
    ("nl", "De gesprekken duurden een paar weken.", "een paar weken", "P2W"),
    ("nl", "Na het weekend begint de campagne.", "weekend", "2025-W12-WE"),
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
        ("en", "The talks took from 20 minutes to 2 hours.", "20 minutes", "PT20M"),
    ],
)
def test_hours_without_a_clock_preposition_stay_a_duration(
    make_doc, lang: str, sentence: str, surface: str, value: str
) -> None:
    doc = STAGE(make_doc(sentence, lang))
    found = {doc.text[t.start : t.end]: t.value for t in doc.timexes}
    assert found.get(surface) == value, found


@pytest.mark.parametrize(
    ("lang", "sentence", "values"),
    [
        ("fr", "Les manifestants sont sortis en plein jour.", []),
        ("nl", "Het bleef tot tien minuten voor tijd gelijk.", ["PT10M"]),
        ("de", "Der Kandidat ist in den 50ern.", []),
        ("en", "About 3 Americans were held there.", []),
        ("en", "The house debated 102 amendments.", []),
        ("en", "The index closed at 7 on Monday.", ["2025-03-17"]),
    ],
)
def test_no_duration_or_clock_from_an_idiom(make_doc, lang: str, sentence: str, values: list[str]) -> None:
    """ "en plein jour" is broad daylight; "tien minuten voor tijd" is a span before the end of a match; "in den
    50ern" is an age; "am" starting a word is no am/pm ("3 Americans", "102 amendments")."""
    assert [t.value for t in STAGE(make_doc(sentence, lang)).timexes] == values


def test_a_weekend_counted_back_is_that_weekend(make_doc) -> None:
    doc = STAGE(make_doc("The rally took place two weekends ago.", "en"))
    assert [t.value for t in doc.timexes] == ["2025-W10-WE"]
