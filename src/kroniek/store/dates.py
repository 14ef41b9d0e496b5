"""Calendar arithmetic on TIMEX3 values and ISO 8601 durations, for blocking, windows and queries.

A TIMEX3 date value ("2025-03-18", "2025-W11", "2025-W21-WE", "2025-03", "2025", "2025-SU", "202")
becomes the interval of days it covers; values that name no interval ("PAST_REF", "PRESENT_REF")
become None. Durations ("P30D", "P2W", "P1M", "P1Y", "PT2H") are added to a day for commitment windows.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from kroniek.errors import KroniekError

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DECADE = re.compile(r"^(\d{3})X?$")
_DURATION = re.compile(
    r"^P(?:(?P<y>\d+(?:\.\d+)?)Y)?(?:(?P<mo>\d+(?:\.\d+)?)M)?(?:(?P<w>\d+(?:\.\d+)?)W)?(?:(?P<d>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<mi>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)
# Northern-hemisphere meteorological seasons (TIMEX3 leaves the boundaries to the application).
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 2)}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date value covers, or None when it names no interval."""
    if not value:
        return None
    value = value.strip()
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), _month_end(year, month)
        if m := _YEAR.match(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := _QUARTER.match(value):
            year, quarter = int(m[1]), int(m[2])
            return dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
        if m := _SEASON.match(value):
            year = int(m[1])
            first, last = _SEASON_MONTHS[m[2]]
            if first > last:  # winter runs into the next year
                return dt.date(year, first, 1), _month_end(year + 1, last)
            return dt.date(year, first, 1), _month_end(year, last)
        if m := _DECADE.match(value):
            decade = int(m[1]) * 10
            return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
    except ValueError:
        return None
    return None


def parse_day(value: str | dt.date | None, option: str = "date") -> dt.date | None:
    """A YYYY-MM-DD (or ISO datetime) string into a date; E208 names the option when unreadable."""
    if value is None or isinstance(value, dt.date):
        return value
    text = value.strip()
    if not text:
        return None
    m = _DAY.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise KroniekError("E208", value=value, option=option)


def published_day(value: str | None) -> dt.date | None:
    """The day of an article's ``published`` (ISO date or datetime), or None when absent or unreadable."""
    try:
        return parse_day(value)
    except KroniekError:
        return None


def add_duration(start: dt.date, duration: str | None) -> dt.date | None:
    """The last day of a period of ``duration`` that begins on ``start`` (P30D from 03-18 -> 04-17).

    Day counts run from the start day as day 0, as in "thirty days from Tuesday": 2025-03-18 + P30D
    is 2025-04-17. Months and years move the calendar date; hours and minutes stay on the start day.
    """
    if not duration:
        return None
    m = _DURATION.match(duration.strip())
    if not m or not any(m.groupdict().values()):
        return None
    parts = {k: float(v) if v else 0.0 for k, v in m.groupdict().items()}
    months = int(parts["y"] * 12 + parts["mo"])
    year, month = start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    end = dt.date(year, month, day)
    days = parts["w"] * 7 + parts["d"] + (parts["h"] / 24 + parts["mi"] / 1440 + parts["s"] / 86400)
    return end + dt.timedelta(days=int(days))
