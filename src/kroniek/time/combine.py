"""One timex from a day and a clock time that belong together: "Tuesday at 3pm", "morgen um 8 Uhr",
"ce soir à 19h", "21/04/2016, 20:00", "9h le 13 décembre".

Two timexes merge when one is a day (a date, possibly with a part of day) and the other a clock time, and
only a joiner of the language's ``[combine].joiners`` (or a comma) stands between them. The merged value
is the day with the clock time; a part of day turns a 12-hour clock into the afternoon or evening
("this evening at 7" = T19:00).
"""

from __future__ import annotations

import dataclasses
import re

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
