"""Helpers for the events stage: which timex dates an event, which gives its duration.

``date_for(doc, evidence, modality=None, near=None) -> TimexRecord | None``
    The calendar timex (DATE or TIME with a concrete value such as 2025-03-18, 2025-W11, 2025-03)
    inside the evidence span, the one nearest ``near`` (e.g. the trigger's offset) when there are
    several. A bare weekday is re-resolved for the event's modality ("planned" looks forward,
    anything else back) with ``kroniek.time.resolve.reanchor``. Vague values (PRESENT_REF ...)
    and unanchored ones are not returned: an event gets a date only when the text fixes one.
    The part of day is dropped (2022-01-08TAF -> 2022-01-08, precision "day"): event dates are days.

``duration_for(doc, evidence, near=None) -> TimexRecord | None``
    The DURATION timex with a number (P30D, PT2H; not PXD) inside the evidence span.
"""

from __future__ import annotations

import dataclasses
import re

from kroniek.document import ArticleDoc, CharSpan, TimexRecord
from kroniek.time.resolve import reanchor

_CALENDAR = re.compile(r"^\d{4}(?:-(?:W\d\d(?:-WE)?|\d\d(?:-\d\d)?))?(?:T\w+)?$")
_DURATION = re.compile(r"^PT?\d")


def _nearest(timexes: list[TimexRecord], near: int | None) -> TimexRecord | None:
    if not timexes:
        return None
    if near is None:
        return timexes[0]
    return min(timexes, key=lambda t: min(abs(t.start - near), abs(t.end - near)))


def date_for(
    doc: ArticleDoc, evidence: CharSpan, modality: str | None = None, near: int | None = None
) -> TimexRecord | None:
    inside = [
        t
        for t in doc.timexes
        if evidence.start <= t.start
        and t.end <= evidence.end
        and t.type in ("DATE", "TIME")
        and (t.direction is not None or (t.anchored and _CALENDAR.match(t.value)))
    ]
    chosen = _nearest(inside, near)
    if chosen is None:
        return None
    if chosen.direction is not None:
        chosen = reanchor(chosen, doc.published, "future" if modality == "planned" else "past")
    if not (chosen.anchored and _CALENDAR.match(chosen.value)):
        return None
    if "T" in chosen.value:  # an event date is a day: "zaterdagmiddag 8 januari" dates it 2022-01-08
        chosen = dataclasses.replace(chosen, value=chosen.value.split("T")[0], precision="day")
    return chosen


def duration_for(doc: ArticleDoc, evidence: CharSpan, near: int | None = None) -> TimexRecord | None:
    inside = [
        t
        for t in doc.timexes
        if evidence.start <= t.start and t.end <= evidence.end and t.type == "DURATION" and _DURATION.match(t.value)
    ]
    return _nearest(inside, near)
