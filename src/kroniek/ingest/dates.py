"""Publication dates: read with dateparser, strictly for a date a person types, leniently for the
date an article's own header or metadata carries.

A date given on the command line or in a request (``--published``) is the caller's own statement: if
it cannot be read it is an error (E006). A date that comes with an article ("published: 2025-03-19
(stored date)", "2025-01-15 22:22 UK", a JSONL field, HTML metadata) is read as far as it goes: the
leading part that is a full date is kept and what follows is named in a note; a value with no readable
date at all leaves the article undated and says why (``ArticleDate.problem``), so that every path that
reads articles (``extract`` batches, ``ingest`` of JSONL and of files) can report it, never drop it.

dateparser is asked for absolute dates only (no "yesterday", no "now": kroniek never assumes today)
with day, month and year all present, day-first where the order is ambiguous (the European order of
the sources kroniek reads), in the languages kroniek supports.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from kroniek.errors import InputError

_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d", "%Y%m%d")
_DATEPARSER_LANGUAGES = ["en", "nl", "de", "fr"]
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
}
_CLOCK = re.compile(r"\d{1,2}[:.h]\d{2}")
# A value this long is not a date line; dateparser is not asked to search essays
_MAX_DATE_CHARS = 120
_MAX_PREFIX_WORDS = 8


@dataclass(frozen=True)
class ArticleDate:
    """A publication date as read: ISO text for the chronicle, the day for resolving relative dates,
    a note when part of the value was left out, and the reason when nothing could be read."""

    iso: str | None
    day: dt.date | None
    note: str | None = None
    problem: str | None = None


def _strict(raw: str) -> tuple[str, dt.date] | None:
    try:
        moment = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        if len(raw) <= 10:
            return moment.date().isoformat(), moment.date()
        return moment.isoformat(), moment.date()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(raw, fmt).date()
            return day.isoformat(), day
        except ValueError:
            continue
    return None


def _dateparser(raw: str) -> tuple[str, dt.date] | None:
    import dateparser  # imported here: only dates that are not ISO or numeric need it

    try:
        moment = dateparser.parse(raw, languages=_DATEPARSER_LANGUAGES, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):  # dateparser raises on some malformed numbers
        return None
    if moment is None:
        return None
    if moment.time() == dt.time(0) and not _CLOCK.search(raw):
        return moment.date().isoformat(), moment.date()
    return moment.isoformat(), moment.date()


def _read(raw: str) -> tuple[str, dt.date] | None:
    if len(raw) > _MAX_DATE_CHARS:
        return None
    return _strict(raw) or _dateparser(raw)


def parse_published(value: str | dt.date | None) -> tuple[str | None, dt.date | None]:
    """A publication date the caller gives (``--published``): (ISO text, day); unreadable is E006."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.isoformat(), value.date()
    if isinstance(value, dt.date):
        return value.isoformat(), value
    raw = str(value).strip()
    if not raw:
        return None, None
    found = _read(raw)
    if found is None:
        raise InputError("E006", value=raw)
    return found


def read_article_date(value: str | None, where: str = "the article") -> ArticleDate:
    """The publication date an article carries, read as far as it goes; never raises.

    The whole value first; else its longest leading run of words that is a full date ("2025-03-19
    (stored date)" -> 2025-03-19, "2025-01-15 22:22 UK" -> 2025-01-15T22:22), with a note naming the
    part left out; else no date, with the reason in ``problem``.
    """
    raw = (value or "").strip()
    if not raw:
        return ArticleDate(None, None)
    found = _read(raw)
    if found is not None:
        return ArticleDate(*found)
    words = raw.split()
    for size in range(min(len(words) - 1, _MAX_PREFIX_WORDS), 0, -1):
        head = " ".join(words[:size])
        found = _read(head)
        if found is not None:
            rest = " ".join(words[size:])
            return ArticleDate(*found, note=f"{where}: publication date {raw!r} read as {found[0]} ({rest!r} left out)")
    return ArticleDate(None, None, problem=f"{where}: publication date {raw!r} is not a date; the article is undated")
