"""Choosing an event's date and duration from the timexes in its evidence."""

from __future__ import annotations

from kroniek.document import CharSpan
from kroniek.time.select import date_for, duration_for
from kroniek.time.stage import make_time_stage

STAGE = make_time_stage()


def whole(text: str) -> CharSpan:
    return CharSpan(0, len(text))


def test_planned_event_looks_forward(make_doc) -> None:
    text = "De minister sprak zondag met haar collega."  # past tense: last Sunday
    doc = STAGE(make_doc(text))
    assert date_for(doc, whole(text)).value == "2025-03-16"
    assert date_for(doc, whole(text), modality="planned").value == "2025-03-23"


def test_vague_and_unanchored_values_give_no_date(make_doc) -> None:
    text = "De gesprekken worden binnenkort hervat."
    assert date_for(STAGE(make_doc(text)), whole(text)) is None
    text = "De minister sprak dinsdag met haar collega."
    assert date_for(STAGE(make_doc(text, published=None)), whole(text)) is None


def test_nearest_date_and_duration(make_doc) -> None:
    text = "Op 18 maart beloofde hij dertig dagen niet aan te vallen; op 20 maart volgde overleg."
    doc = STAGE(make_doc(text))
    assert date_for(doc, whole(text), near=text.index("beloofde")).value == "2025-03-18"
    assert date_for(doc, whole(text), near=text.index("volgde")).value == "2025-03-20"
    assert duration_for(doc, whole(text)).value == "P30D"


def test_event_date_drops_part_of_day(make_doc) -> None:
    text = "Het kabinet besloot dinsdagavond tot nieuwe sancties."
    chosen = date_for(STAGE(make_doc(text)), whole(text))
    assert (chosen.value, chosen.precision) == ("2025-03-18", "day")


def test_vague_duration_is_not_a_duration(make_doc) -> None:
    text = "De gevechten duurden dagenlang."
    assert duration_for(STAGE(make_doc(text)), whole(text)) is None
