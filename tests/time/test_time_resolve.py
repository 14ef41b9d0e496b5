"""Date arithmetic and re-anchoring of bare weekdays."""

from __future__ import annotations

import datetime as dt

from kroniek.document import TimexRecord
from kroniek.time.resolve import duration_value, half_duration, iso_week, nearest_year, reanchor, weekday_date

WEDNESDAY = dt.date(2025, 3, 19)


def test_weekday_same_day_is_publication_day_either_way() -> None:
    assert weekday_date(WEDNESDAY, 3, "past") == WEDNESDAY
    assert weekday_date(WEDNESDAY, 3, "future") == WEDNESDAY


def test_weekday_past_and_future() -> None:
    assert weekday_date(WEDNESDAY, 7, "past") == dt.date(2025, 3, 16)
    assert weekday_date(WEDNESDAY, 7, "future") == dt.date(2025, 3, 23)
    assert weekday_date(WEDNESDAY, 2, "future") == dt.date(2025, 3, 25)
    assert weekday_date(WEDNESDAY, 3, "strict_past") == dt.date(2025, 3, 12)


def test_reanchor_moves_a_bare_weekday_to_the_future() -> None:
    timex = TimexRecord(0, 6, "DATE", "2025-03-16", "day", True, "past")
    moved = reanchor(timex, WEDNESDAY, "future")
    assert moved.value == "2025-03-23"
    assert moved.direction == "future"
    assert timex.value == "2025-03-16"  # the original is not changed


def test_reanchor_keeps_part_of_day() -> None:
    timex = TimexRecord(0, 12, "TIME", "2025-03-18TEV", "time", True, "past")
    assert reanchor(timex, WEDNESDAY, "future").value == "2025-03-25TEV"


def test_reanchor_leaves_explicit_dates_alone() -> None:
    timex = TimexRecord(0, 8, "DATE", "2025-03-18", "day", True, None)
    assert reanchor(timex, WEDNESDAY, "future") is timex


def test_reanchor_underspecified_weekday_gets_a_date_once_published_is_known() -> None:
    timex = TimexRecord(0, 7, "DATE", "XXXX-WXX-7", "day", False, "past")
    moved = reanchor(timex, WEDNESDAY, "future")
    assert (moved.value, moved.anchored) == ("2025-03-23", True)
    assert not reanchor(timex, None, "future").anchored


def test_nearest_year_crosses_new_year() -> None:
    assert nearest_year(dt.date(2021, 12, 31), 1, 9, None) == 2022
    assert nearest_year(dt.date(2020, 1, 5), 12, 27, None) == 2019
    assert nearest_year(dt.date(2020, 1, 11), 11, None, None) == 2019


def test_durations() -> None:
    assert duration_value(30, "D") == "P30D"
    assert duration_value(2, "H") == "PT2H"
    assert duration_value(None, "Y") == "PXY"
    assert half_duration("H", and_a_half=True) == "PT90M"
    assert half_duration("Y", and_a_half=False) == "P6M"


def test_iso_week_at_year_start() -> None:
    assert iso_week(dt.date(2020, 1, 2)) == "2020-W01"
