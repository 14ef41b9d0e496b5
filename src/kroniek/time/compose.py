"""One date from a span of time counted from a day: "two days before yesterday", "2 weeks before Christmas",
"three months after Easter", "twee weken vanaf nu", and from several spans in a row: "1 month, 21 days ago",
"2 jaar, 1 maand en 21 dagen geleden".

The tagger finds the pieces apart ("two days" = P2D, "yesterday" = a day); this pass joins them where only the
language's words stand between them (``[combine]``: ``counted_before`` / ``counted_after`` for the relation,
``counted_from`` for "from"-words that count only from now or a deictic day, ``counted_and`` between spans).
The joined timex is the day moved by the spans, at day precision: the pieces name one day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from kroniek.document import TimexRecord
from kroniek.lang.text import fold

_SPAN = re.compile(r"^P(\d+)([DWMY])$")
_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)$")


@dataclass(frozen=True)
class CountedWords:
    """The language's words of ``[combine]`` that join counted spans and days, as compiled patterns."""

    before: re.Pattern[str] | None  # "two days before yesterday"
    after: re.Pattern[str] | None  # "three months after Easter"
    from_now: re.Pattern[str] | None  # "two weeks from now": only with now or a deictic day
    span_and: re.Pattern[str]  # what stands between two spans: a comma, "and"
    ago: re.Pattern[str] | None  # the language's "ago" words, found in an "ago" timex ("21 days ago")
    deictic: frozenset[str]  # folded words that name a day from the publication date ("yesterday")


def _moved(day: dt.date, amount: int, unit: str) -> dt.date:
    if unit in ("D", "W"):
        return day + dt.timedelta(days=amount * (7 if unit == "W" else 1))
    months = amount * (12 if unit == "Y" else 1)
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _spans_before(records: list[TimexRecord], last: int, text: str, words: CountedWords) -> int:
    """Index of the first of the spans that end at ``records[last]`` and follow each other ("1 month, 21 days")."""
    first = last
    while (
        first > 0
        and _SPAN.match(records[first - 1].value)
        and words.span_and.fullmatch(text[records[first - 1].end : records[first].start])
    ):
        first -= 1
    return first


def _moved_by(spans: list[TimexRecord], day: dt.date, sign: int) -> dt.date:
    for span in spans:
        found = _SPAN.match(span.value)
        assert found is not None  # only spans are gathered
        day = _moved(day, sign * int(found.group(1)), found.group(2))
    return day


def _relation(between: str, anchor: TimexRecord, text: str, words: CountedWords) -> int:
    """+1 after, -1 before, 0 when the words between a span and the next timex relate neither."""
    if words.after and words.after.fullmatch(between):
        return 1
    if words.before and words.before.fullmatch(between):
        return -1
    anchor_text = fold(text[anchor.start : anchor.end])
    if words.from_now and words.from_now.fullmatch(between):
        # "two days from Monday" may be where a stretch of two days starts; from now or tomorrow it is a day
        if anchor.value == "PRESENT_REF" or anchor_text in words.deictic:
            return 1
    return 0


def _joined_day(
    out: list[TimexRecord], record: TimexRecord, text: str, published: dt.date | None, words: CountedWords
) -> tuple[int, dt.date] | None:
    """(index in ``out`` of the first span, the day) when ``record`` ends spans just before it in ``out``."""
    if not out or not _SPAN.match(out[-1].value):
        return None
    between = text[out[-1].end : record.start]
    if (
        words.ago is not None
        and record.precision == "day"
        and _DAY.match(record.value)
        and record.anchored
        and words.ago.search(text[record.start : record.end])
        and words.span_and.fullmatch(between)
    ):
        first = _spans_before(out, len(out) - 1, text, words)  # "1 month, 21 days ago": 21 days ago less a month
        return first, _moved_by(out[first:], dt.date.fromisoformat(record.value), -1)
    relation = _relation(between, record, text, words)
    if not relation and not between.strip():
        # "deux jours avant Noël": the shift pattern took the relation word into the span ("deux jours avant")
        tail = re.search(r"\s(\S+)$", text[out[-1].start : out[-1].end])
        relation = _relation(f" {tail.group(1)}{between}", record, text, words) if tail else 0
    anchor = None
    if relation:
        if record.value == "PRESENT_REF":
            anchor = published
        elif _DAY.match(record.value) and record.anchored:
            anchor = dt.date.fromisoformat(record.value)
    if anchor is None:
        return None
    first = _spans_before(out, len(out) - 1, text, words)
    return first, _moved_by(out[first:], anchor, relation)


def compose_counted_days(
    records: list[TimexRecord], text: str, published: dt.date | None, words: CountedWords | None
) -> list[TimexRecord]:
    """``records`` (in text order) with spans counted from a day ("two days before yesterday"), and chains of
    spans before an "ago" day ("1 month, 21 days ago"), joined into one DATE."""
    if words is None or len(records) < 2:
        return records
    out: list[TimexRecord] = []
    for record in records:
        joined = _joined_day(out, record, text, published, words)
        if joined is None:
            out.append(record)
            continue
        first, day = joined
        start = out[first].start
        del out[first:]
        out.append(TimexRecord(start, record.end, "DATE", day.isoformat(), "day"))
    return out
