"""Calendar rules the time stage reads from ``[holidays]`` and ``[words.season]`` of ``lang/<code>/time.toml``.

A holiday is written as a rule, not as a list of dates, so that it resolves in any year:

- ``"12-25"``: a fixed day (Christmas);
- ``"easter+1"``, ``"easter-2"``: days after or before Western Easter Sunday (Easter Monday, Good Friday);
- ``"11:4:4"``: the 4th Thursday of November (``month:n:weekday``, ISO weekdays, ``n = -1`` the last one);
- ``"12-25:-4:7"``: the 4th Sunday before 25 December (``MM-DD:-n:weekday``; the first Sunday of Advent);
- ``"hijri:09-01"``: a day of the Islamic calendar (``hijri:MM-DD``; the first of Ramadan), by the tabular
  calendar: the day it begins where the month is set by sighting the moon may differ by a day or two.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable

from kroniek.errors import KroniekError

_FIXED = re.compile(r"^(\d\d)-(\d\d)$")
_EASTER = re.compile(r"^easter([+-]\d+)?$")
_NTH = re.compile(r"^(\d\d):(-?[1-5]):([1-7])$")
_BEFORE = re.compile(r"^(\d\d)-(\d\d):-([1-9]):([1-7])$")
_HIJRI = re.compile(r"^hijri:(\d\d)-(\d\d)$")
# the first day of the Islamic calendar (1 Muharram 1 AH, 16 July 622 Julian) as a proleptic Gregorian ordinal
_HIJRI_EPOCH = dt.date(622, 7, 19).toordinal()
SEASONS = ("SP", "SU", "FA", "WI")


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    day = (h + leap - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, n: int, weekday: int) -> dt.date | None:
    if n > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        return day if day.month == month else None
    last = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def hijri_day(year: int, month: int, day: int) -> dt.date:
    """A day of the tabular Islamic calendar (30-year cycle, 11 leap years) as a Gregorian date."""
    days = (year - 1) * 354 + (3 + 11 * year) // 30 + math.ceil(29.5 * (month - 1)) + day - 1
    return dt.date.fromordinal(_HIJRI_EPOCH + days)


def hijri_in_year(year: int, month: int, day: int) -> dt.date | None:
    """The first day in Gregorian ``year`` that is ``day`` of Islamic ``month`` (the Islamic year is eleven
    days shorter, so a Gregorian year holds that day once or, rarely, twice)."""
    guess = (year - 622) * 33 // 32
    dates = [hijri_day(hy, month, day) for hy in range(guess - 1, guess + 3) if hy >= 1]
    return min((d for d in dates if d.year == year), default=None)


def holiday_rule(lang: str, name: str, rule: str) -> Callable[[int], dt.date | None]:
    """The function year -> date of one ``[holidays]`` entry; E145 names an entry it cannot read."""
    fixed, from_easter, nth, before = _FIXED.match(rule), _EASTER.match(rule), _NTH.match(rule), _BEFORE.match(rule)
    hijri = _HIJRI.match(rule)
    if hijri:
        h_month, h_day = int(hijri.group(1)), int(hijri.group(2))
        if not 1 <= h_month <= 12 or not 1 <= h_day <= 30:
            raise KroniekError("E145", lang=lang, name=name, rule=rule)
        return lambda year: hijri_in_year(year, h_month, h_day)
    if fixed:
        month, day = int(fixed.group(1)), int(fixed.group(2))

        def fixed_day(year: int) -> dt.date | None:
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None

        if not 1 <= month <= 12 or not 1 <= day <= 31:
            raise KroniekError("E145", lang=lang, name=name, rule=rule)
        return fixed_day
    if from_easter:
        offset = int(from_easter.group(1) or 0)
        return lambda year: easter(year) + dt.timedelta(days=offset)
    if nth:
        month, n, weekday = int(nth.group(1)), int(nth.group(2)), int(nth.group(3))
        if not 1 <= month <= 12 or n == 0:
            raise KroniekError("E145", lang=lang, name=name, rule=rule)
        return lambda year: nth_weekday(year, month, n, weekday)
    if before:
        month, day, n, weekday = (int(before.group(i)) for i in range(1, 5))

        def weekday_before(year: int) -> dt.date | None:
            anchor = dt.date(year, month, day)
            gap = (anchor.isoweekday() - weekday) % 7 or 7
            return anchor - dt.timedelta(days=gap + 7 * (n - 1))

        return weekday_before
    raise KroniekError("E145", lang=lang, name=name, rule=rule)


def occurrence(rule: Callable[[int], dt.date | None], published: dt.date, direction: str | None) -> dt.date | None:
    """The holiday's date next to the publication date: the last one before it ("past"), the next one
    ("future"), this year's ("this"), or the nearest one."""
    dates = [d for d in (rule(year) for year in range(published.year - 1, published.year + 2)) if d is not None]
    if direction == "this":
        return next((d for d in dates if d.year == published.year), None)
    if direction == "past":
        past = [d for d in dates if d < published]
        return past[-1] if past else None
    if direction == "future":
        future = [d for d in dates if d > published]
        return future[0] if future else None
    return min(dates, key=lambda d: abs((d - published).days), default=None)


def season_of(day: dt.date) -> tuple[int, str]:
    """(year, season) of a day by meteorological seasons; December counts as the winter of its year."""
    return day.year, SEASONS[((day.month - 3) % 12) // 3]


def season_value(season: str, published: dt.date | None, year: int | None, direction: str | None) -> str:
    """TIMEX3 value of a season: "2016-SU"; the year from the text, else by ``direction`` from the publication
    date ("next spring" in November is next year's), else the publication year."""
    if year is not None:
        return f"{year:04d}-{season}"
    if published is None:
        return f"XXXX-{season}"
    now_year, now_season = season_of(published)
    order = SEASONS.index(season) - SEASONS.index(now_season)
    if direction == "future" and order <= 0:
        now_year += 1
    elif direction == "past" and order >= 0:
        now_year -= 1
    return f"{now_year:04d}-{season}"
