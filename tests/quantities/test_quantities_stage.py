"""The quantities stage and the number reader on sentences written for these tests."""

from __future__ import annotations

import pytest

from kroniek.document import ArticleDoc
from kroniek.lang.numbers import parse_number
from kroniek.quantities.stage import make_quantities_stage
from kroniek.time.stage import make_time_stage

TIME = make_time_stage()
STAGE = make_quantities_stage()


def quantities(doc: ArticleDoc, with_time: bool = True) -> list[tuple[str, float, str, str | None]]:
    if with_time:
        TIME(doc)
        doc.provided.add("timexes")
    STAGE(doc)
    return [(doc.text[q.start : q.end], q.value, q.what, q.unit) for q in doc.quantities]


@pytest.mark.parametrize(
    ("lang", "words", "value"),
    [
        ("nl", "dertig", 30),
        ("nl", "drieëntwintig", 23),
        ("nl", "1,5 miljoen", 1_500_000),
        ("nl", "400.000", 400_000),
        ("nl", "honderden", 100),
        ("en", "two dozen", 24),
        ("en", "twenty-five", 25),
        ("en", "1,500", 1500),
        ("de", "zwanzig", 20),
        ("de", "dreiundzwanzig", 23),
        ("fr", "vingt-trois", 23),
        ("fr", "vingt et un", 21),
        ("fr", "soixante-douze", 72),
    ],
)
def test_number_words(lang: str, words: str, value: float) -> None:
    parsed = parse_number(words, lang)
    assert parsed is not None and parsed[0] == value


def test_soldiers_exchanged(make_doc) -> None:
    found = quantities(make_doc("De landen wisselden gisteren 175 soldaten uit."))
    assert found == [("175 soldaten", 175, "soldiers", None)]


def test_modifiers_kept_nationality_dropped(make_doc) -> None:
    found = quantities(make_doc("Rusland draagt ook 23 ernstig gewonde Oekraïense soldaten over."))
    assert found == [("23 ernstig gewonde Oekraïense soldaten", 23, "seriously wounded soldiers", None)]


def test_vague_and_scaled_numbers(make_doc) -> None:
    found = quantities(make_doc("Er vielen honderden doden en ruim 1,5 miljoen mensen sloegen op de vlucht."))
    assert ("honderden doden", 100, "dead", None) in found
    assert ("ruim 1,5 miljoen mensen", 1_500_000, "people", None) in found


def test_english_german_french_counts(make_doc) -> None:
    assert quantities(make_doc("The army lost two dozen drones.", "en")) == [("two dozen drones", 24, "drones", None)]
    assert quantities(make_doc("Zwanzig Soldaten wurden gefangen genommen.", "de")) == [
        ("Zwanzig Soldaten", 20, "soldiers", None)
    ]
    assert quantities(make_doc("Les rebelles ont capturé vingt-trois soldats gouvernementaux.", "fr")) == [
        ("vingt-trois soldats gouvernementaux", 23, "government soldiers", None)
    ]


def test_dates_durations_ordinals_and_references_are_not_quantities(make_doc) -> None:
    text = "Op 18 maart 2025 begon de 37e zitting; volgens artikel 43 duurt het bestand dertig dagen."
    assert quantities(make_doc(text)) == []


def test_dates_excluded_even_when_run_alone(make_doc) -> None:
    assert quantities(make_doc("Het akkoord van 18 maart 2025 geldt dertig dagen."), with_time=False) == []


def test_number_counting_nothing_named_is_skipped(make_doc) -> None:
    assert quantities(make_doc("Het waren er uiteindelijk 12, zei de woordvoerder.")) == []


def test_money_and_percentages_carry_a_unit(make_doc) -> None:
    found = quantities(make_doc("Nederland geeft 17 mld. euro, dat is 5,9% van het budget."))
    assert ("17 mld. euro", 17_000_000_000, "euros", "EUR") in found
    assert ("5,9%", 5.9, "percent", "percent") in found


def test_articles_alone_are_not_counts(make_doc) -> None:
    assert quantities(make_doc("Een soldaat raakte gewond.")) == []


def test_unsupported_language_recorded(make_doc) -> None:
    doc = make_doc("Ventitré soldati.", "it")
    STAGE(doc)
    assert doc.quantities == [] and doc.notes
