"""One timex from a day and a clock time that belong together: "Tuesday at 3pm", "morgen um 8 Uhr",
"ce soir à 19h", "21/04/2016, 20:00", "9h le 13 décembre", and a day with a bare hour: "tonight at 7".

Two timexes merge when one is a day (a date, possibly with a part of day) and the other a clock time, and
only a joiner of the language's ``[combine].joiners`` (or a comma) stands between them. The merged value
is the day with the clock time; a part of day turns a 12-hour clock into the afternoon or evening
("this evening at 7" = T19:00).

A bare hour ("7", "seven") alone is no timex (a number as often as a time); right after a day and one of
``[combine].bare_hour_joiners`` ("at", "om", "um", "vers") it is that day's hour when it ends the clause or
the parser reads the next word as a verb or particle ("morgen om 7 terug", "heute Morgen um 7 los"); before
a noun or name it is a count or an address ("Friday at 5 sites", "at 10 Downing Street").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from kroniek.document import TimexRecord

_DAY = re.compile(r"^(\d{4}-\d\d-\d\d|XXXX-XX-XX|XXXX-\d\d-\d\d|XXXX-WXX-\d)(?:T(MO|AF|EV|NI|MI))?$")
_CLOCK = re.compile(r"^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T(\d\d):(\d\d(?::\d\d)?)$")
_LATE_PARTS = ("AF", "EV", "NI")


def _merged_value(day: re.Match[str], clock: re.Match[str]) -> str:
    hour = int(clock.group(1))
    if day.group(2) in _LATE_PARTS and hour < 12 and not (day.group(2) == "NI" and hour < 5):
        hour += 12
    return f"{day.group(1)}T{hour:02d}:{clock.group(2)}"


def merge_day_and_clock(records: list[TimexRecord], text: str, joiners: re.Pattern[str] | None) -> list[TimexRecord]:
    """``records`` (in text order) with each day + clock pair joined into one TIME record."""
    if joiners is None or len(records) < 2:
        return records
    out: list[TimexRecord] = []
    index = 0
    while index < len(records):
        first = records[index]
        merged = None
        if index + 1 < len(records):
            second = records[index + 1]
            if joiners.fullmatch(text[first.end : second.start]):
                merged = _merge(first, second)
        out.append(merged or first)
        index += 2 if merged is not None else 1
    return out


def _merge(first: TimexRecord, second: TimexRecord) -> TimexRecord | None:
    for day_record, clock_record in ((first, second), (second, first)):
        day = _DAY.match(day_record.value)
        clock = _CLOCK.match(clock_record.value)
        if day and clock and day_record.type in ("DATE", "TIME"):
            return dataclasses.replace(
                day_record,
                start=first.start,
                end=second.end,
                type="TIME",
                value=_merged_value(day, clock),
                precision="time",
            )
    return None


def attach_bare_hours(
    records: list[TimexRecord],
    text: str,
    bare_hour: re.Pattern[str] | None,
    hour_of_word: Callable[[str], int | None],
    verb_or_particle_at: Callable[[int], bool],
) -> list[TimexRecord]:
    """``records`` with each day that a joiner and a bare hour follow ("tonight at 7") widened to that hour."""
    if bare_hour is None:
        return records
    out: list[TimexRecord] = []
    for index, record in enumerate(records):
        day = _DAY.match(record.value)
        found = bare_hour.match(text, record.end) if day and record.type in ("DATE", "TIME") else None
        next_start = records[index + 1].start if index + 1 < len(records) else len(text)
        if (
            day is None
            or found is None
            or found.end() > next_start
            or (found.group("next") is not None and not verb_or_particle_at(found.start("next")))
        ):
            out.append(record)
            continue
        word = found.group("hour")
        hour = int(word) if word.isdigit() else hour_of_word(word)
        if hour is None or not 0 <= hour <= 24:
            out.append(record)
            continue
        clock = _CLOCK.match(f"XXXX-XX-XXT{hour % 24:02d}:00")
        assert clock is not None  # built in the clock's own form just above
        out.append(
            dataclasses.replace(record, end=found.end(), type="TIME", value=_merged_value(day, clock), precision="time")
        )
    return out
