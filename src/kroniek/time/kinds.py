"""Resolvers for the pattern kinds added for unseen news: holidays, seasons, sets, shifts from a day
("in three weeks", "two days later"), numeric dates in any order, clock times with am/pm, and a weekday
with its day of the month ("Friday the 26th"). Each takes the tagger and the candidate being resolved
(``kroniek.time.tagger._Resolving``) and returns a TimexRecord or None, as the tagger's own resolvers do.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from kroniek.chronicle.types import Precision
from kroniek.document import CharSpan, TimexRecord
from kroniek.lang.numbers import parse_number
from kroniek.time import calendar as C
from kroniek.time import resolve as R
from kroniek.time.lexicon import key_of
from kroniek.time.tense import guess_direction

if TYPE_CHECKING:
    from kroniek.time.tagger import Tagger, _Resolving


def _year_of(tagger: Tagger, r: _Resolving) -> int | None:
    """The year the text gives: digits, or "last year"/"vorig jaar" (``ydir``) from the publication year."""
    if r.g.get("year"):
        return int(r.g["year"] or 0)
    if r.g.get("ydir") and r.published is not None:
        return r.published.year + int(tagger.lex.lookup("ydir", r.g["ydir"]) or 0)
    return None


def holiday(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "Christmas", "Ostermontag 2017", "la Toussaint", "vorig jaar Pasen": the rule's date in the year the
    text names, else the occurrence next to the publication date (in ``dir`` where given)."""
    rule = tagger.lex.holidays.get(key_of(r.g.get("holiday") or ""))
    if rule is None:
        return None
    year = _year_of(tagger, r)
    day: dt.date | None
    if year is not None:
        day = rule(year)
    elif r.published is not None:
        day = C.occurrence(rule, r.published, tagger._dir(r.g.get("dir")))
    else:
        return r.rec("DATE", "XXXX-XX-XX", "day", False)
    return r.rec("DATE", day.isoformat(), "day") if day else None


def season(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    name = tagger.lex.lookup("season", r.g.get("season"))
    if not name:
        return None
    value = C.season_value(str(name), r.published, _year_of(tagger, r), tagger._dir(r.g.get("dir")))
    return r.rec("DATE", value, "season", not value.startswith("X"))


def timex_set(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "every Monday" / "montags" = XXXX-WXX-1, "every two weeks" / "alle zwei Wochen" = P2W,
    "every other day" = P2D; a part of day or clock time after a weekday is kept ("XXXX-WXX-3TEV"); "every
    morning" / "tous les matins" = TMO (a time of day on every day), "every weekend" = XXXX-WXX-WE."""
    g = r.g
    weekday = tagger.lex.lookup("weekday", g.get("weekday"))
    pod = r.pod or (tagger.lex.lookup("pod", (g.get("pod") or "")[:-1]) if g.get("pod") else None)  # "matins"
    if weekday:
        return r.rec("SET", f"XXXX-WXX-{int(weekday)}" + (f"T{pod}" if pod else ""), "vague")
    if g.get("weekend"):
        return r.rec("SET", "XXXX-WXX-WE", "vague")
    if pod:
        return r.rec("SET", f"T{pod}", "vague")
    unit = tagger.lex.lookup("unit", g.get("unit"))
    if not unit:
        return None
    amount: float = 2 if g.get("other") else 1
    if g.get("num"):
        parsed = parse_number(g["num"] or "", tagger.lang)
        if parsed is None or parsed[1]:
            return None
        amount = parsed[0]
    return r.rec("SET", R.duration_value(amount, str(unit)), "vague")


def shift(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "in three weeks", "dans trois jours", "over twee dagen", "two weeks from now" (from the publication
    date) and "two days later", "a year earlier" (from the last day or period named, else the publication
    date). Days and weeks give a day; months and years give a month or a year, as TIMEX3 values a shift
    by its unit ("a year earlier" = "2024", not a day), and from a named period its own kind of period
    ("the third quarter ... a year earlier" = "2024-Q3")."""
    unit = tagger.lex.lookup("unit", r.g.get("unit"))
    amount: float | None = 1.0 if r.g.get("one") else None
    if r.g.get("num"):
        parsed = parse_number(r.g["num"] or "", tagger.lang)
        amount = None if parsed is None or parsed[1] else parsed[0]
    if r.g.get("count"):
        amount = float(tagger.lex.lookup("count", r.g["count"]) or 0) or None
        unit = unit or tagger.lex.lookup("count_unit", r.g["count"])
    if unit not in ("D", "W", "M", "Y") or amount is None or not float(amount).is_integer():
        return None
    if r.g.get("ahead") and guess_direction(r.doc, CharSpan(r.cand.start, r.cand.end), tagger.lex) != "future":
        # "the lowest level in six years": in a report, "in" + a span is how long, not when
        return r.rec("DURATION", R.duration_value(amount, str(unit)), "vague")
    steps = int(amount) * (-1 if r.g.get("back") else 1)
    from_named = bool(r.g.get("later") or r.g.get("back"))
    if from_named and unit != "Y":
        # TIMEX3 annotates "three days later" as the length P3D ("later" relates it to another time); only
        # a year earlier/later, comparing one period with the same one a year apart, is a date
        return r.rec("DURATION", R.duration_value(amount, str(unit)), "vague")
    if from_named and r.last_period:
        moved = R.shift_period(r.last_period, steps, str(unit))
        if moved is not None:
            return r.rec("DATE", moved, _period_precision(moved))
    base = r.last_day if from_named and r.last_day else r.published
    if base is None:
        return r.rec("DATE", "XXXX-XX-XX", "day", False)
    if unit in ("M", "Y"):
        value, precision = R.shift(base, steps, str(unit))
        return r.rec("DATE", value, precision)
    day = base + dt.timedelta(days=steps * (7 if unit == "W" else 1))
    return r.rec("DATE", day.isoformat(), "day")


def _period_precision(period: str) -> Precision:
    """The precision of a period value as the resolvers write it (quarters and halves are "vague")."""
    if re.fullmatch(r"\d{4}", period):
        return "year"
    if re.fullmatch(r"\d{4}-\d\d", period):
        return "month"
    return "season" if period[5:] in ("SP", "SU", "FA", "WI") else "vague"


def _four_digit(year_text: str) -> int:
    if len(year_text) == 4:
        return int(year_text)
    return 2000 + int(year_text) if int(year_text) < 50 else 1900 + int(year_text)


def numdate(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "18.03.2025", "03/18/2025", "2015/08/12", "22/04" (no year: the nearest one), "11/2016" (a month).
    The pattern says which number is the day; where that cannot be (a month over 12) the two swap."""
    g = r.g
    if g.get("iso"):
        try:
            return r.rec("DATE", dt.date.fromisoformat(g["iso"] or "").isoformat(), "day")
        except ValueError:
            return None
    month = int(g.get("monthnum") or 0)
    year = _four_digit(g["year"] or "") if g.get("year") else None
    if not g.get("day"):  # a month: "11/2016", "2016-05"
        if year is None or not 1 <= month <= 12:
            return None
        return r.rec("DATE", f"{year:04d}-{month:02d}", "month")
    day = int(g["day"] or 0)
    if month > 12 and day <= 12:
        day, month = month, day
    if year is None:
        if r.published is None:
            return r.rec("DATE", f"XXXX-{month:02d}-{day:02d}", "day", False)
        if not 1 <= month <= 12:
            return None
        year = R.nearest_year(r.published, month, day, None)
    try:
        return r.rec("DATE", dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def clock(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "17:07", "5:30 pm", "3pm", "15.30 Uhr", "17h30", "7:56:30", "noon": on the last day named, else
    the publication date."""
    g = r.g
    fixed = tagger.lex.lookup("clock_word", g.get("clock_word"))
    if fixed:
        hour, minute = (int(part) for part in str(fixed).split(":"))
    else:
        hour, minute = int(g.get("hour") or 0), int(g.get("minute") or 0)
    ampm = re.sub(r"[.\s]", "", (g.get("ampm") or "").lower())
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23:
        return None
    second = f":{int(g['second'] or 0):02d}" if g.get("second") else ""
    second += "Z" if g.get("zone") else ""  # "18:00 UTC"
    anchor = r.last_day or r.published
    base = anchor.isoformat() if anchor else "XXXX-XX-XX"
    return r.rec("TIME", f"{base}T{hour:02d}:{minute:02d}{second}", "time", anchor is not None)


_LATE_PODS = {"AF": 0, "EV": 0, "NI": 6}  # part of day -> the first hour of the twelve that it moves to the afternoon


def word_clock(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """A clock time read out: "half acht" = 07:30 (half before the hour), "kwart voor tien" = 09:45, "tien over
    half negen" = 08:40, "ten past nine", "Viertel nach acht", "sept heures et quart", "huit heures moins le
    quart"; a part of day after it ("'s avonds", "in the evening", "du soir") moves an hour under twelve to the
    afternoon or evening ("'s nachts" only from six on: "drie uur 's nachts" is 03:00)."""
    g = r.g
    hour = _clock_number(tagger, "clock_hour", g.get("hour"))
    if hour is None or not 0 <= hour <= 24:
        return None
    minutes = hour * 60 - (30 if g.get("half") else 0)
    if g.get("before_hour"):  # "viertel acht": 45 minutes before eight
        minutes -= int(tagger.lex.lookup("before_hour", g["before_hour"]) or 0)
    if g.get("minutes"):  # after the hour unless a word says before ("kwart voor", "moins le quart")
        step = _clock_number(tagger, "clock_minutes", g.get("minutes"))
        sign = tagger.lex.lookup("clock_rel", g["rel"]) if g.get("rel") else 1
        if step is None or sign is None or not 0 < step < 60:
            return None
        minutes += int(sign) * step
    pod = tagger.lex.lookup("clock_pod", g.get("clock_pod"))
    hour, minute = divmod(minutes % (24 * 60), 60)
    if pod in _LATE_PODS and _LATE_PODS[str(pod)] <= hour < 12:
        hour += 12
    ampm = re.sub(r"[.\s]", "", (g.get("ampm") or "").lower())  # "eight forty pm"
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    anchor = r.last_day or r.published
    base = anchor.isoformat() if anchor else "XXXX-XX-XX"
    return r.rec("TIME", f"{base}T{hour:02d}:{minute:02d}", "time", anchor is not None)


def _clock_number(tagger: Tagger, cls: str, word: str | None) -> int | None:
    """An hour or a number of minutes in words ("acht", "kwart") or digits."""
    if word is None:
        return None
    listed = tagger.lex.lookup(cls, word)
    if listed is not None:
        return int(listed)
    if word.isdigit():
        return int(word)
    # "forty", "trente-cinq", "thirty five" (read out, the tens and units apart)
    parsed = parse_number(re.sub(r"\s+", "-", word.strip()), tagger.lang) if cls == "clock_minutes" else None
    return int(parsed[0]) if parsed is not None and not parsed[1] and float(parsed[0]).is_integer() else None


def weekday_and_day(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "Friday the 26th", "Dienstag, der 25.": the day of that number next to the publication date that
    falls on that weekday (within a year either way)."""
    weekday = tagger.lex.lookup("weekday", r.g.get("weekday"))
    day_text = r.g.get("day")
    day_number = int(day_text) if day_text else tagger.lex.lookup("ordinal", r.g.get("ordinal"))
    if not weekday or not day_number or r.published is None:
        return None
    best: dt.date | None = None
    for months in range(-12, 13):
        first = R.add_months(r.published, months)
        try:
            candidate = first.replace(day=int(day_number))
        except ValueError:
            continue
        if candidate.isoweekday() == int(weekday) and (
            best is None or abs((candidate - r.published).days) < abs((best - r.published).days)
        ):
            best = candidate
    return r.rec("DATE", best.isoformat(), "day") if best else None


def quarter(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "the first quarter of 2009" = 2009-Q1; without a year the last such quarter that has begun by the
    publication date ("the fourth quarter" in a January report is last year's)."""
    g = r.g
    number = int((g["qnum"] or "Q0")[1]) if g.get("qnum") else tagger.lex.lookup("quarter", g.get("quarter"))
    if not number:
        return None
    year = _year_of(tagger, r)
    if year is None:
        if r.published is None:
            return r.rec("DATE", f"XXXX-Q{int(number)}", "vague", False)
        year = r.published.year - (1 if 3 * (int(number) - 1) + 1 > r.published.month else 0)
    return r.rec("DATE", f"{year:04d}-Q{int(number)}", "vague")


def half_year(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "the first half of 2024", "H2 2023", "im ersten Halbjahr", "au premier semestre", "het tweede halfjaar"
    = 2024-H1 / 2023-H2 (TimeML); without a year the last such half that has begun by the publication date,
    as for quarters ("the second half" in a March report is last year's)."""
    g = r.g
    number = int((g["hnum"] or "H0")[1]) if g.get("hnum") else tagger.lex.lookup("half", g.get("half"))
    if not number or int(number) not in (1, 2):
        return None
    year = _year_of(tagger, r)
    if year is None and g.get("ythis") and r.published is not None:
        year = r.published.year  # "of the year": the publication year
    if year is None:
        if r.published is None:
            return r.rec("DATE", f"XXXX-H{int(number)}", "vague", False)
        year = r.published.year - (1 if 6 * (int(number) - 1) + 1 > r.published.month else 0)
    return r.rec("DATE", f"{year:04d}-H{int(number)}", "vague")


def week_of_year(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "the first week of 2015" = 2015-W01, "week 10" / "KW 10" = that ISO week of the publication year (or
    the year named), "the last week of 2015" = its last ISO week (2015-W53)."""
    g = r.g
    year = _year_of(tagger, r)
    if year is None and r.published is not None:
        year = r.published.year
    if g.get("wlast"):
        number = dt.date(year, 12, 28).isocalendar()[1] if year is not None else None
    elif g.get("wnum"):
        number = int(g["wnum"] or 0)
    else:
        number = tagger.lex.lookup("ordinal", g.get("ordinal"))
    if not number or not 1 <= int(number) <= 53:
        return None
    if year is None:
        return r.rec("DATE", f"XXXX-W{int(number):02d}", "week", False)
    if int(number) > dt.date(year, 12, 28).isocalendar()[1]:
        return None
    return r.rec("DATE", f"{year:04d}-W{int(number):02d}", "week")


def _ordinal_number(tagger: Tagger, r: _Resolving) -> int | None:
    """The count an ordinal gives: a word ("second", "derde"), digits ("3rd", "3e"), or -1 for "last"."""
    if r.g.get("nlast"):
        return -1
    if r.g.get("nth"):
        return int(r.g["nth"] or 0)
    number = tagger.lex.lookup("ordinal", r.g.get("ordinal"))
    return int(number) if number else None


def _month_meant(tagger: Tagger, r: _Resolving) -> tuple[int, int] | None:
    """(year, month) of "of March [2024]", "of next month" / "van volgende maand" (``mdir``), or, where no
    month is named, the publication month ("the second Sunday" is one of this month)."""
    assert r.published is not None
    month = tagger.lex.lookup("month", r.g.get("month"))
    if month:
        year = _year_of(tagger, r)
        if year is None:
            year = R.nearest_year(r.published, int(month), None, tagger._dir(r.g.get("dir")))
        return year, int(month)
    step = {"past": -1, "future": 1, "this": 0}.get(tagger._dir(r.g.get("mdir")) or "this", 0)
    first = R.add_months(r.published.replace(day=1), step)
    return first.year, first.month


def nth_in_month(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "the first Sunday of March", "de derde dinsdag van volgende maand", "le dernier lundi du mois": that
    weekday of the month; without a weekday, "the 20th of next month" / "de 20e van volgende maand": that day
    of the month. A month without a year is the one nearest the publication date."""
    number = _ordinal_number(tagger, r)
    if number is None or r.published is None:
        return None
    year_month = _month_meant(tagger, r)
    if year_month is None:
        return None
    year, month = year_month
    weekday = tagger.lex.lookup("weekday", r.g.get("weekday"))
    day: dt.date | None
    if weekday:
        if not -1 <= number <= 5 or number == 0:
            return None
        day = C.nth_weekday(year, month, number, int(weekday))
    else:
        try:
            day = dt.date(year, month, number)
        except ValueError:
            return None
    return r.rec("DATE", day.isoformat(), "day") if day else None


def decade(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "the 1990s", "the '90s", "the nineties", "de jaren negentig", "die 90er Jahre", "les années 1990": TIMEX3
    "199". Two digits or a word name a decade of the century before the publication decade's ("the 90s" = 199),
    or of the publication's own century where that decade has begun ("the 20s" in 2025 = 202)."""
    digits = r.g.get("decade")
    if digits:
        if len(digits) == 4:
            return r.rec("DATE", digits[:3], "decade") if digits.endswith("0") else None
        tens = int(digits)
    else:
        listed = tagger.lex.lookup("decade_word", r.g.get("decade_word"))
        if listed is None:
            return None
        tens = int(listed)
    if tens % 10 or not 0 <= tens < 100:
        return None
    if r.published is None:
        return r.rec("DATE", f"XX{tens // 10}", "decade", False)
    century = r.published.year // 100 - (1 if tens > r.published.year % 100 else 0)
    return r.rec("DATE", f"{century:02d}{tens // 10}", "decade")


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(numeral: str) -> int | None:
    """A Roman numeral up to XXX ("XIX" = 19), or None where the letters are none."""
    values = [_ROMAN.get(c) for c in numeral.upper()]
    if not values or None in values:
        return None
    digits = [int(v or 0) for v in values]
    # a smaller numeral before a larger one is taken off it ("IX" = 9)
    return sum(-d if d < nxt else d for d, nxt in zip(digits, [*digits[1:], 0], strict=True))


def century(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """ "the 20th century", "das 19. Jahrhundert", "le XXe siècle", "de twintigste eeuw": TIMEX3 "19", the
    hundreds of its years (the twentieth century holds 1901-2000, written 19 as TIMEX3 does)."""
    g = r.g
    number: int | None = None
    if g.get("cnum"):
        number = int(g["cnum"] or 0)
    elif g.get("roman"):
        number = _roman(g["roman"] or "")
    elif g.get("ordinal"):
        listed = tagger.lex.lookup("century_word", g["ordinal"]) or tagger.lex.lookup("ordinal", g["ordinal"])
        number = int(listed) if listed else None
    if number is None or not 1 <= number <= 30:
        return None
    return r.rec("DATE", f"{number - 1:02d}", "century")


def short_year(tagger: Tagger, r: _Resolving) -> TimexRecord | None:
    """A year in two digits: after a full year and a dash ("1957-58": 1958, "1999-00": 2000; the later year of
    a span of at most ten, never a date in digits), else with an apostrophe ("since '82") the latest such year
    up to five years after publication (in 2008 "'82" is 1982, "'12" 2012)."""
    digits = r.g.get("yy") or ""
    before = r.g.get("full_year")
    if before:
        year = int(before) // 100 * 100 + int(digits)
        if year <= int(before):  # "1999-00": the next century; "2016-12" is a month, not a span of years
            year += 100
            if year - int(before) > 10:
                return None
        return r.rec("DATE", str(year), "year")
    if r.published is None:
        return None
    year = r.published.year // 100 * 100 + int(digits)
    return r.rec("DATE", str(year - 100 if year > r.published.year + 5 else year), "year")
