"""The end of a range of weekdays comes after its start: "from Monday to Friday", "von Montag bis Freitag",
"du lundi au vendredi", "van maandag tot en met vrijdag" (issue 14, round 9).

Each bare weekday is resolved on its own by the tense of its sentence, so in a report published on a
Wednesday "the talks run from Monday to Friday" gave next Monday and this Friday: an end before its start.
A bare weekday that ends a range (the words between the two days are in ``[range] joiners`` of the
language's time.toml) is counted from the day that starts it instead: the first such weekday after it
(a week on for the same weekday). When both are bare weekdays, the range read as past ends on the end's
past reading ("the strike ran from Monday to Friday" on a Wednesday: last week's) and the range read as
future starts on the start's future reading; both days take the start's tense, and their readings stay in
order, so the events stage that picks a reading by modality keeps the range whole.
"""

from __future__ import annotations

import datetime as dt

from kroniek.document import ArticleDoc, TimexRecord
from kroniek.lang.text import normalise
from kroniek.time.lexicon import Lexicon


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if len(value) == 10 else None
    except ValueError:
        return None


def order_ranges(doc: ArticleDoc, timexes: list[TimexRecord], lex: Lexicon) -> None:
    """Moves the bare weekday that ends a range to the first such weekday after the range's start day."""
    joiners = {normalise(w) for w in lex.ranges.get("joiners", [])}
    if not joiners:
        return
    ordered = sorted(timexes, key=lambda t: t.start)
    for first, second in zip(ordered, ordered[1:], strict=False):
        if second.direction is None or first.precision != "day" or second.precision != "day":
            continue  # only a bare weekday moves (a date the text gives is kept)
        between = normalise(" ".join(doc.text[first.end : second.start].split()))
        if between not in joiners:
            continue
        start, end = _day(first.value), _day(second.value)
        if start is None or end is None:
            continue
        delta = dt.timedelta(days=(end.isoweekday() - start.isoweekday()) % 7 or 7)
        if first.readings and second.readings and first.direction is not None:
            # both bare weekdays: a range in the past ends on the end's past reading ("ran from Monday to
            # Friday" on a Wednesday: last week's), one ahead starts on the start's future reading
            past_end = _day(second.readings.get("past", ""))
            future_start = _day(first.readings.get("future", ""))
            if past_end is None or future_start is None:
                continue
            first.readings = {"past": (past_end - delta).isoformat(), "future": future_start.isoformat()}
            second.readings = {"past": past_end.isoformat(), "future": (future_start + delta).isoformat()}
            first.value = first.readings[first.direction]
            second.value, second.direction = second.readings[first.direction], first.direction
        else:
            second.value = (start + delta).isoformat()
            second.readings, second.direction = None, None
