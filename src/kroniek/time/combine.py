"""One timex from a day and a clock time that belong together: "Tuesday at 3pm", "morgen um 8 Uhr",
"ce soir à 19h", "21/04/2016, 20:00", "9h le 13 décembre", and a day with a bare hour: "tonight at 7".

Two timexes merge when one is a day (a date, possibly with a part of day) and the other a clock time, and
only a joiner of the language's ``[combine].joiners`` (or a comma) stands between them. The merged value
is the day with the clock time; a part of day turns a 12-hour clock into the afternoon or evening
("this evening at 7" = T19:00).

A bare hour ("7", "seven") alone is no timex (a number as often as a time); right after a day and one of
``[combine].bare_hour_joiners`` ("at", "om", "um", "vers") it is that day's hour when it ends the clause or
the parser reads the next word as a verb or particle ("morgen om 7 terug", "heute Morgen um 7 los"); before
a noun or name it is a count or an address ("Friday at 5 sites", "at 10 Downing Street"). Before a day
with its part of day it is that day's hour too ("at 7 this morning", "om 10 vanavond", "à 7 ce soir"); before
a bare day it stays a number ("the index closed at 7 on Monday").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from kroniek.document import TimexRecord

_DAY = re.compile(r"^(\d{4}-\d\d-\d\d|XXXX-XX-XX|XXXX-\d\d-\d\d|XXXX-WXX-\d)(?:T(MO|AF|EV|NI|MI))?$")
_CLOCK = re.compile(r"^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T(\d\d):(\d\d(?::\d\d)?Z?)$")  # Z: a UTC/GMT clock
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


def attach_hours_before(
    records: list[TimexRecord],
    text: str,
    hour_before: re.Pattern[str] | None,
    hour_of_word: Callable[[str], int | None],
) -> list[TimexRecord]:
    """``records`` with each day that has a part of day widened back to a joiner and a bare hour right before it
    ("at 7 this morning" = that morning at 07:00, "at 10 tonight" = 22:00)."""
    if hour_before is None:
        return records
    out: list[TimexRecord] = []
    for record in records:
        day = _DAY.match(record.value)
        previous_end = out[-1].end if out else 0
        found = (
            hour_before.search(text, max(previous_end, record.start - _POD_WINDOW), record.start)
            if day and day.group(2) and record.type in ("DATE", "TIME")
            else None
        )
        word = found.group("hour") if found else None
        hour = None if word is None else int(word) if word.isdigit() else hour_of_word(word)
        if found is None or hour is None or not 0 <= hour <= 24:
            out.append(record)
            continue
        clock = _CLOCK.match(f"XXXX-XX-XXT{hour % 24:02d}:00")
        assert clock is not None and day is not None  # the clock is built in its own form just above
        out.append(
            dataclasses.replace(
                record, start=found.start("hour"), type="TIME", value=_merged_value(day, clock), precision="time"
            )
        )
    return out


_POD_WINDOW = 40  # characters before a clock time searched for its part of day


def apply_clock_pods(
    records: list[TimexRecord],
    text: str,
    before: re.Pattern[str] | None,
    after: re.Pattern[str] | None,
    pod_of: Callable[[re.Match[str]], str | None],
) -> list[TimexRecord]:
    """``records`` with each clock time that a part of day stands right before or after ("'s avonds 7 uur",
    "abends um 8 Uhr", "7:00:25 's avonds", "8h20 du soir", "afternoon 7:00") moved to the afternoon or
    evening (as a word clock's own part of day does: "'s nachts" only from six on) and widened over the part
    of day where no other timex holds it. ``pod_of`` gives the TIMEX3 part of day of a match of either regex.
    Run before ``merge_day_and_clock``: a day's own part of day ("Tuesday afternoon at 3:00") is the merge's."""
    if before is None or after is None:
        return records
    out: list[TimexRecord] = []
    for index, record in enumerate(records):
        clock = _CLOCK.match(record.value) if record.type == "TIME" else None
        if clock is None:
            out.append(record)
            continue
        prev_end = out[-1].end if out else 0
        next_start = records[index + 1].start if index + 1 < len(records) else len(text)
        window_start = max(prev_end, record.start - _POD_WINDOW)
        found_before = before.search(text[window_start : record.start])
        found_after = after.match(text, record.end)
        if found_after is not None and found_after.end() > next_start:
            found_after = None
        found = found_after or found_before
        pod = pod_of(found) if found is not None else None
        if found is None or pod is None:
            out.append(record)
            continue
        hour = int(clock.group(1))
        if pod in _LATE_PARTS and hour < 12 and not (pod == "NI" and hour < 6):
            hour += 12
        day_part = record.value.split("T", 1)[0]
        start = window_start + found.start() if found is found_before else record.start
        end = found.end() if found is found_after else record.end
        out.append(dataclasses.replace(record, start=start, end=end, value=f"{day_part}T{hour:02d}:{clock.group(2)}"))
    return out


_DAILY_SET = re.compile(r"^(?:XXXX-WXX-(?P<weekday>\d)(?:T(?P<pod>MO|AF|EV|NI))?|P1D|T(?P<pod2>MO|AF|EV|NI))$")


def merge_set_and_clock(records: list[TimexRecord], text: str, joiners: re.Pattern[str] | None) -> list[TimexRecord]:
    """``records`` with each set of days and a clock time next to it ("every Monday at 4pm", "15.00 elke dag",
    "tous les soirs à 9 heures", "9am on Sundays") joined into one SET: that weekday at that time
    ("XXXX-WXX-1T16:00") or the time on every day ("T21:00"); a part of day moves the hour as a day's does."""
    if joiners is None or len(records) < 2:
        return records
    out: list[TimexRecord] = []
    index = 0
    while index < len(records):
        first = records[index]
        merged = None
        if index + 1 < len(records) and joiners.fullmatch(text[first.end : records[index + 1].start]):
            merged = _merge_set(first, records[index + 1])
        out.append(merged or first)
        index += 2 if merged is not None else 1
    return out


def _merge_set(first: TimexRecord, second: TimexRecord) -> TimexRecord | None:
    for set_record, clock_record in ((first, second), (second, first)):
        every = _DAILY_SET.match(set_record.value) if set_record.type == "SET" else None
        clock = _CLOCK.match(clock_record.value) if clock_record.type == "TIME" else None
        if every is None or clock is None:
            continue
        hour, pod = int(clock.group(1)), every.group("pod") or every.group("pod2")
        if pod in _LATE_PARTS and hour < 12 and not (pod == "NI" and hour < 6):
            hour += 12
        days = f"XXXX-WXX-{every.group('weekday')}" if every.group("weekday") else ""
        return dataclasses.replace(
            set_record, start=first.start, end=second.end, value=f"{days}T{hour:02d}:{clock.group(2)}"
        )
    return None


_DURATION_PARTS = re.compile(
    r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?(?:(?P<D>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<MIN>\d+(?:\.\d+)?)M)?(?:(?P<S>\d+(?:\.\d+)?)S)?)?$"
)
_DATE_UNITS, _TIME_UNITS = ("Y", "M", "W", "D"), ("H", "MIN", "S")


def _duration_parts(value: str) -> dict[str, str] | None:
    found = _DURATION_PARTS.match(value)
    if found is None or value in ("P", "PT"):
        return None
    return {unit: amount for unit, amount in found.groupdict().items() if amount is not None}


def _duration_of(parts: dict[str, str]) -> str:
    date = "".join(f"{parts[u]}{u}" for u in _DATE_UNITS if u in parts)
    clock = "".join(f"{parts[u]}{'M' if u == 'MIN' else u}" for u in _TIME_UNITS if u in parts)
    return "P" + date + (f"T{clock}" if clock else "")


def merge_duration_parts(records: list[TimexRecord], text: str, span_and: re.Pattern[str] | None) -> list[TimexRecord]:
    """``records`` with durations in a row of different units joined into one ("two years and three months" =
    P2Y3M, "een week en drie dagen" = P1W3D, "2 days, 1 month" = P1M2D): only a comma or the language's
    ``counted_and`` word stands between them. Two spans of one unit ("five days, ten days") stay apart."""
    if span_and is None or len(records) < 2:
        return records
    out: list[TimexRecord] = []
    for record in records:
        parts = _duration_parts(record.value) if record.type == "DURATION" else None
        previous = out[-1] if out else None
        held = _duration_parts(previous.value) if previous is not None and previous.type == "DURATION" else None
        if (
            previous is not None
            and parts is not None
            and held is not None
            and not set(parts) & set(held)
            and span_and.fullmatch(text[previous.end : record.start])
        ):
            out[-1] = dataclasses.replace(previous, end=record.end, value=_duration_of({**held, **parts}))
            continue
        out.append(record)
    return out


_BARE_DAY = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d)$")


def apply_day_pods(
    records: list[TimexRecord],
    text: str,
    before: re.Pattern[str] | None,
    after: re.Pattern[str] | None,
    pod_of: Callable[[re.Match[str]], str | None],
) -> list[TimexRecord]:
    """``records`` with each day that has no time of its own joined to a part of day written apart from it,
    after it ("Tuesday, in the afternoon", "nächsten Montag Nachmittag", "5 feb 's ochtends") or before it
    ("in the afternoon, this Friday", "la soirée mardi"): the day's value gets the TIMEX3 part of day
    (``2025-03-25TAF``) and the span grows over it, where no other timex holds those words. Patterns already
    catch the compounds and the common orders ("Tuesday afternoon", "mardi après-midi"); this is for the rest.
    Run after ``merge_day_and_clock``: a day with a clock time keeps its clock time."""
    if before is None or after is None:
        return records
    out: list[TimexRecord] = []
    for index, record in enumerate(records):
        if record.type != "DATE" or not _BARE_DAY.match(record.value):
            out.append(record)
            continue
        prev_end = out[-1].end if out else 0
        next_start = records[index + 1].start if index + 1 < len(records) else len(text)
        window_start = max(prev_end, record.start - _POD_WINDOW)
        found_after = after.match(text, record.end)
        if found_after is not None and found_after.end() > next_start:
            found_after = None
        found_before = None if found_after else before.search(text[window_start : record.start])
        found = found_after or found_before
        pod = pod_of(found) if found is not None else None
        if found is None or pod is None:
            out.append(record)
            continue
        start = window_start + found.start() if found is found_before else record.start
        end = found.end() if found is found_after else record.end
        readings = {way: f"{value}T{pod}" for way, value in record.readings.items()} if record.readings else None
        out.append(
            dataclasses.replace(
                record,
                start=start,
                end=end,
                type="TIME",
                value=f"{record.value}T{pod}",
                precision="time",
                readings=readings,
            )
        )
    return out
