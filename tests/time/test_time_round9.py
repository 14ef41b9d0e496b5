"""Round 9 (issue 14): half-years and the end of a range of weekdays, on sentences written for these tests,
published Wednesday 2025-03-19."""

from __future__ import annotations

import pytest
from timex_support import STAGE
from timex_support import found_timexes as _found


@pytest.mark.parametrize(
    ("lang", "sentence", "surface", "value"),
    [
        ("en", "Exports grew in the first half of 2024.", "the first half of 2024", "2024-H1"),
        ("en", "Exports shrank in the second half of last year.", "the second half of last year", "2024-H2"),
        ("en", "Talks resume in the second half of the year.", "the second half of the year", "2025-H2"),
        ("en", "The firm lost money in H2 2023.", "H2 2023", "2023-H2"),
        ("de", "Der Absatz stieg in der ersten Jahreshälfte 2024.", "ersten Jahreshälfte 2024", "2024-H1"),
        ("de", "Im zweiten Halbjahr fiel der Absatz.", "zweiten Halbjahr", "2024-H2"),
        (
            "de",
            "Im ersten Halbjahr des vergangenen Jahres fiel er.",
            "ersten Halbjahr des vergangenen Jahres",
            "2024-H1",
        ),
        ("nl", "De export groeide in de eerste helft van 2024.", "de eerste helft van 2024", "2024-H1"),
        ("nl", "Het tweede halfjaar van 2023 was zwak voor de haven.", "Het tweede halfjaar van 2023", "2023-H2"),
        ("nl", "In de tweede helft van het jaar volgt een besluit.", "de tweede helft van het jaar", "2025-H2"),
    ],
)
def test_a_half_year(make_doc, lang: str, sentence: str, surface: str, value: str) -> None:
    assert _found(make_doc, sentence, lang).get(surface) == value


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "The visitors scored twice in the second half of the match."),
        ("en", "The first half of the speech was about roads."),
        ("fr", "La première moitié du discours portait sur les routes."),
        ("nl", "In de tweede helft scoorden de bezoekers twee keer."),
    ],
)
def test_a_half_that_is_no_half_year(make_doc, lang: str, sentence: str) -> None:
    assert not any(v.endswith(("-H1", "-H2")) for v in _found(make_doc, sentence, lang).values())


@pytest.mark.parametrize(
    ("lang", "sentence", "start", "end", "values"),
    [
        ("en", "The summit runs from Monday to Friday.", "Monday", "Friday", ("2025-03-24", "2025-03-28")),
        ("en", "The strike lasted from Monday until Friday.", "Monday", "Friday", ("2025-03-10", "2025-03-14")),
        ("en", "The fair stays open Friday through Monday.", "Friday", "Monday", None),
        ("de", "Der Gipfel dauert von Montag bis Freitag.", "Montag", "Freitag", ("2025-03-24", "2025-03-28")),
        ("fr", "Le sommet se tient du lundi au vendredi.", "lundi", "vendredi", ("2025-03-24", "2025-03-28")),
        ("nl", "De top duurt van maandag tot en met vrijdag.", "maandag", "vrijdag", ("2025-03-24", "2025-03-28")),
        ("nl", "De beurs is open van vrijdag tot maandag.", "vrijdag", "maandag", None),
    ],
)
def test_the_end_of_a_weekday_range_follows_its_start(
    make_doc, lang: str, sentence: str, start: str, end: str, values: tuple[str, str] | None
) -> None:
    doc = STAGE(make_doc(sentence, lang))
    by_text = {doc.text[t.start : t.end]: t for t in doc.timexes}
    first, second = by_text[start], by_text[end]
    assert first.value < second.value <= _plus_days(first.value, 7)
    if values is not None:
        assert (first.value, second.value) == values
    if first.readings and second.readings:  # the events stage picks a reading: both keep the order
        for way in ("past", "future"):
            assert first.readings[way] < second.readings[way]


def test_two_days_named_apart_keep_their_own_readings(make_doc) -> None:
    found = _found(make_doc, "They met on Monday and again on Friday.", "en")
    assert found == {"Monday": "2025-03-17", "Friday": "2025-03-14"}


def _plus_days(value: str, days: int) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)).isoformat()
