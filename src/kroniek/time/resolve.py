"""Turning what a pattern found into a TIMEX3 value, relative to the publication date.

Public API for the events stage:

``reanchor(timex, published, direction) -> TimexRecord``
    Re-resolve a bare weekday ("woensdag", "on Sunday") once the event's modality is known.
    The time stage resolves a bare weekday by the tense of its sentence and records that choice in
    ``timex.direction`` ("past" or "future"); timexes with ``direction is None`` (explicit dates,
    "vorige week dinsdag", "komende zaterdag", durations ...) are returned unchanged. Call it with
    ``direction="future"`` for a planned event and ``"past"`` for an asserted one:

        from kroniek.time.resolve import reanchor
        event.date = reanchor(timex, doc.published, "future" if event.modality == "planned" else "past")

    A weekday equal to the publication day resolves to the publication date either way
    ("Dat moet woensdag plaatsvinden" in a Wednesday article). Without a publication date the
    value stays underspecified ("XXXX-WXX-3") and ``anchored`` stays False.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

from kroniek.chronicle.types import Precision
from kroniek.document import TimexRecord

UNIT_DAYS = {"D": 1, "W": 7}
TIME_UNITS = {"H", "MIN", "S"}


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


def weekday_date(published: dt.date, weekday: int, direction: str | None) -> dt.date:
    """The date of ISO ``weekday`` (1 = Monday) nearest the publication date in ``direction``.

    The publication day itself is returned when it is that weekday and no direction forces
    another week ("woensdag" in a Wednesday article). "past" is the latest such day before it,
    "future" the first after it.
    """
    delta = weekday - published.isoweekday()
    if delta == 0 and direction not in ("strict_past", "strict_future"):
        return published
    if direction in ("future", "strict_future"):
        return published + dt.timedelta(days=delta if delta > 0 else delta + 7)
    return published + dt.timedelta(days=delta if delta < 0 else delta - 7)


def nearest_year(published: dt.date, month: int, day: int | None, direction: str | None) -> int:
    """Year for a day/month without one: nearest the publication date, or in ``direction``."""
    best = published.year
    best_gap: int | None = None
    years = range(published.year - 1, published.year + 2)
    if (month, day) == (2, 29):  # a leap day: the nearest leap year (up to four years either way)
        years = range(published.year - 4, published.year + 5)
    for year in years:
        if (month, day) == (2, 29) and not calendar.isleap(year):
            continue
        try:
            last = 29 if (month, day) == (2, 29) else 28 if month == 2 else 31
            candidate = dt.date(year, month, min(day or 15, last))
        except ValueError:
            continue
        gap = (candidate - published).days
        if day is None:  # month precision: compare months
            gap = (year * 12 + month) - (published.year * 12 + published.month)
        if direction == "past" and gap > 0:
            continue
        if direction == "future" and gap < 0:
            continue
        if best_gap is None or abs(gap) < abs(best_gap):
            best, best_gap = year, gap
    return best


def day_value(day: dt.date, pod: str | None = None) -> str:
    return day.isoformat() + (f"T{pod}" if pod else "")


def duration_value(amount: float | None, unit: str) -> str:
    """P30D, PT2H, P13Y, P2DE; ``amount`` None gives the vague PXD/PTXH."""
    if amount is None:
        text = "X"
    elif float(amount).is_integer():
        text = str(int(amount))
    else:
        text = f"{amount:g}"
    if unit in TIME_UNITS:
        return f"PT{text}{'M' if unit == 'MIN' else unit}"
    return f"P{text}{unit}"


def half_duration(unit: str, and_a_half: bool) -> str:
    """'anderhalf uur' = PT1H30M, 'een half jaar' = P6M: TIMEX3 has no fractions."""
    smaller = {
        "Y": ("M", 12),
        "M": ("D", 30),
        "W": ("D", 7),
        "D": ("H", 24),
        "H": ("MIN", 60),
        "MIN": ("S", 60),
    }
    if unit not in smaller:
        return duration_value(1.5 if and_a_half else 0.5, unit)
    small, factor = smaller[unit]
    amount = factor * (1.5 if and_a_half else 0.5)
    return duration_value(round(amount), small)


def and_a_half(whole: int, unit: str) -> str:
    """ "two and a half hours" = PT2H30M, "drei Jahre und ein halbes" = P3Y6M: TIMEX3 has no fractions."""
    half = half_duration(unit, and_a_half=False)
    if unit in TIME_UNITS:
        letter = "M" if unit == "MIN" else unit
        return f"PT{whole}{letter}{half[2:]}"
    if half.startswith("PT"):  # half a day: P2DT12H
        return f"P{whole}{unit}{half[1:]}"
    return f"P{whole}{unit}{half[1:]}"


def shift(published: dt.date, amount: int, unit: str) -> tuple[str, Precision]:
    """The date ``amount`` units from the publication date, at the unit's precision."""
    if unit in ("D", "H", "MIN", "S"):
        days = amount if unit == "D" else 0
        return (published + dt.timedelta(days=days)).isoformat(), "day"
    if unit == "W":
        return iso_week(published + dt.timedelta(weeks=amount)), "week"
    if unit == "WE":  # "two weekends ago": the weekend of that week
        return iso_week(published + dt.timedelta(weeks=amount)) + "-WE", "week"
    if unit == "M":
        return add_months(published, amount).isoformat()[:7], "month"
    if unit == "Y":
        return str(published.year + amount), "year"
    if unit == "DE":
        return str(published.year + 10 * amount)[:3], "decade"
    return str(published.year + 100 * amount)[:2], "century"


# A named period coarser than a day that "a year earlier" can count from: a year, month, quarter, half or season.
PERIOD = re.compile(r"^(\d{4})(?:-(\d\d)|-(Q[1-4]|H[12]|SP|SU|FA|WI))?$")


def shift_period(period: str, amount: int, unit: str) -> str | None:
    """``period`` moved by ``amount`` units at its own precision ("2025-Q3" a year back = "2024-Q3", "2025-10"
    three months on = "2026-01"); None where the unit does not fit the period (a month from a year, a week)."""
    match = PERIOD.match(period)
    if match is None or unit not in ("M", "Y"):
        return None
    year, month, part = int(match.group(1)), match.group(2), match.group(3)
    months = amount * (12 if unit == "Y" else 1)
    if month:
        return add_months(dt.date(year, int(month), 1), months).isoformat()[:7]
    if months % 12 == 0:
        return f"{year + months // 12:04d}" + (f"-{part}" if part else "")
    if part and part.startswith("Q") and months % 3 == 0:
        index = year * 4 + int(part[1]) - 1 + months // 3
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    return None


def weekend_value(published: dt.date, direction: str | None) -> str:
    saturday = weekday_date(published, 6, direction if direction in ("past", "future") else None)
    if direction == "this" or direction is None:
        saturday = published + dt.timedelta(days=6 - published.isoweekday())
    return iso_week(saturday) + "-WE"


_UNDERSPECIFIED_WEEKDAY = re.compile(r"^XXXX-WXX-(\d)(T[\w:]+)?$")
_DAY_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)(T[\w:]+)?$")


def reanchor(timex: TimexRecord, published: dt.date | None, direction: str) -> TimexRecord:
    """A copy of a bare-weekday timex resolved towards ``direction`` ("past" or "future").

    Timexes that are not bare weekdays (``direction is None``) come back unchanged. See the module
    docstring for how the events stage uses it.
    """
    if timex.direction is None or direction not in ("past", "future"):
        return timex
    pod: str | None = None
    weekday: int
    under = _UNDERSPECIFIED_WEEKDAY.match(timex.value)
    if under:
        weekday, pod = int(under.group(1)), (under.group(2) or "")[1:] or None
    else:
        day = _DAY_VALUE.match(timex.value)
        if not day:
            return timex
        weekday = dt.date.fromisoformat(day.group(1)).isoweekday()
        pod = (day.group(2) or "")[1:] or None
    if published is None:
        return dataclasses.replace(timex, direction=direction)
    value = day_value(weekday_date(published, weekday, direction), pod)
    return dataclasses.replace(timex, value=value, direction=direction, anchored=True)
