"""Finding time expressions in a text and resolving them (the work of the time stage).

``tag_timexes(doc)`` runs every pattern of the language's lexicon over ``doc.text``, keeps the
longest non-overlapping matches, and resolves each in text order (a phrase like "de volgende dag"
needs the last day named before it). Values follow TIMEX3; see kroniek.time.resolve.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from kroniek.chronicle.types import Precision, TimexType
from kroniek.document import ArticleDoc, CharSpan, TimexRecord
from kroniek.lang.numbers import parse_number
from kroniek.lang.text import normalise
from kroniek.time import kinds as K
from kroniek.time import resolve as R
from kroniek.time.combine import (
    apply_clock_pods,
    apply_day_pods,
    attach_bare_hours,
    attach_hours_before,
    merge_day_and_clock,
    merge_duration_parts,
    merge_set_and_clock,
)
from kroniek.time.compose import compose_counted_days
from kroniek.time.lexicon import Lexicon, Pattern, key_of, load_lexicon
from kroniek.time.tense import guess_direction, plan_in_the_past


@dataclass
class Candidate:
    start: int
    end: int
    pattern: Pattern
    order: int
    groups: dict[str, str | None]
    match_text: str


def _groups(match: re.Match[str]) -> dict[str, str | None]:
    """Named groups with numbered variants folded in: "pod2" fills "pod" when that is empty."""
    out: dict[str, str | None] = {}
    for name, value in match.groupdict().items():
        base = name.rstrip("0123456789")
        if value is not None and out.get(base) is None:
            out[base] = value
        out.setdefault(base, None)
    return out


def _span_of(match: re.Match[str]) -> tuple[int, int]:
    for name in ("t", "t2", "t3"):
        if match.groupdict().get(name) is not None:
            return match.start(name), match.end(name)
    return match.start(), match.end()


def _previous_word(text: str, start: int) -> str:
    found = re.search(r"([\w'’]+)\W*$", text[max(0, start - 40) : start])
    return normalise(found.group(1)) if found else ""


def _next_word(text: str, end: int) -> str:
    found = re.match(r"\s*([\w'’]+)", text[end : end + 40])
    return normalise(found.group(1)) if found else ""


# the labels of a person in the shipped and spaCy's pipelines (nl/de/fr "PER", en "PERSON")
PERSON_LABELS = ("PER", "PERSON")


def _inside_longer_person(doc: ArticleDoc, cand: Candidate) -> bool:
    """The candidate lies inside a person the parser's entities name with more words than the candidate
    ("Ramadan Mohamed Abdallah"): a given name that is also a holiday's name. An entity of the candidate's
    words alone is left alone: the parser takes a holiday alone for a name too often ("tijdens de Ramadan").
    Round 8, nl: the Islamic holidays added to lang/nl/time.toml dated a minister's statement by his name."""
    if doc.nlp is None:
        return False
    return any(
        e.label_ in PERSON_LABELS
        and e.start_char <= cand.start
        and cand.end <= e.end_char
        and (e.start_char, e.end_char) != (cand.start, cand.end)
        for e in doc.nlp.ents
    )


def _sentence_initial(doc: ArticleDoc, start: int) -> bool:
    sent = doc.sentence_of(start)
    if sent is not None and sent.start == start:
        return True
    return not doc.text[max(0, start - 3) : start].strip(" \t") or doc.text[max(0, start - 2) : start].rstrip(
        " "
    ).endswith(("\n", ".", "!", "?", ":"))


@dataclass
class _Resolving:
    """One candidate being resolved: the document, the match, the dates it is relative to."""

    doc: ArticleDoc
    cand: Candidate
    published: dt.date | None
    last_day: dt.date | None  # the last day named before it ("de volgende dag")
    pod: Any  # part of day ("avond" -> "EV"), or None
    # the last period named before it when no day came after it ("the third quarter ... a year earlier")
    last_period: str | None = None

    @property
    def g(self) -> dict[str, str | None]:
        return self.cand.groups

    def rec(
        self, type_: TimexType, value: str, precision: Precision, anchored: bool = True, direction: str | None = None
    ) -> TimexRecord:
        return TimexRecord(self.cand.start, self.cand.end, type_, value, precision, anchored, direction)


# what the parser may call the word after a bare hour for the hour to be one ("om 7 terug", "um 7 los")
_AFTER_HOUR_POS = frozenset({"VERB", "AUX", "ADP", "PART", "ADV", "SCONJ", "CCONJ"})


def _verb_or_particle_at(doc: ArticleDoc, at: int) -> bool:
    """Whether the parser reads the word at character ``at`` as a verb, particle or function word; False
    without a tagging pipeline (the blank one cannot tell "at 7 sites" from "om 7 terug")."""
    if doc.nlp is None or not doc.nlp.has_annotation("POS"):
        return False
    span = doc.nlp.char_span(at, at + 1, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].pos_ in _AFTER_HOUR_POS


class Tagger:
    # pattern kind -> the method that resolves it (filled after the class body)
    _RESOLVERS: ClassVar[dict[str, Callable[[Tagger, _Resolving], TimexRecord | None]]] = {}

    def __init__(self, lang: str, non_year_words: frozenset[str] = frozenset()) -> None:
        self.lex: Lexicon = load_lexicon(lang)
        self.lang = lang
        # Words after a four-digit number that make it a count, not a year ("2000 soldaten").
        self.non_year_words = non_year_words
        self._attributive = {normalise(w) for w in self.lex.anchor.get("attributive_after", [])}

    # ---- finding -------------------------------------------------------------------------
    def candidates(self, doc: ArticleDoc) -> list[Candidate]:
        text = doc.text
        found: list[Candidate] = []
        for order, pattern in enumerate(self.lex.patterns):
            if pattern.requires is not None and pattern.requires.search(text) is None:
                continue
            for match in pattern.regex.finditer(text):
                start, end = _span_of(match)
                if end <= start:
                    continue
                cand = Candidate(start, end, pattern, order, _groups(match), match.group(0))
                if self._acceptable(doc, cand):
                    found.append(cand)
        return found

    def _acceptable(self, doc: ArticleDoc, cand: Candidate) -> bool:
        g, text, lex = cand.groups, doc.text, self.lex
        kind = cand.pattern.kind
        if (
            kind == "date"
            and cand.pattern.needs == "month_cue"
            and not (g.get("day") or g.get("year") or g.get("boundary") or g.get("dir"))
        ):
            month = normalise(g.get("month") or "")
            cue = lex.month_cue
            prev = _previous_word(text, cand.start)
            if month in [normalise(w) for w in cue.get("ambiguous", [])] or not cue.get("alone_ok", False):
                return prev in [normalise(w) for w in cue.get("before", [])]
            return True
        if kind == "season" and not (g.get("year") or g.get("dir")):
            # "the Arab Spring", "the fall of Kabul": a season alone needs a word such as "in" or "this" before it
            before = {normalise(w) for w in lex.month_cue.get("before", [])}
            return _previous_word(text, cand.start) in before
        if kind == "short_year" and not g.get("full_year"):
            # "since '82", "de '73": after a word that may stand before a month; not a quote opened on a number
            before = {normalise(w) for w in lex.month_cue.get("before", [])}
            if _previous_word(text, cand.start) not in before:
                return False
        if kind in ("year", "short_year") and not g.get("boundary"):
            nxt = _next_word(text, cand.end)
            if nxt in self.non_year_words or text[cand.end : cand.end + 2].strip().startswith(("%", "‰")):
                return False
            if text[max(0, cand.start - 2) : cand.start].strip() in ("€", "$", "£", "nr", "Nr", "No"):
                return False
            if re.search(r"(?:\d[.,]|[.,]\d?)$", text[max(0, cand.start - 2) : cand.start]):
                return False  # part of a bigger number: "1.2000", "12,2000"
            return True
        if kind == "holiday" and _inside_longer_person(doc, cand):
            return False  # "Minister Ramadan Mohamed Goc": a holiday's name that is part of a person's name
        if kind == "vague":
            phrase = normalise(cand.match_text)
            if phrase in [normalise(w) for w in lex.filters.get("not_sentence_initial", [])] and _sentence_initial(
                doc, cand.start
            ):
                return False
        if kind == "duration" and not (g.get("num") or g.get("half") or g.get("count") or g.get("whole")):
            return False
        if kind == "word_clock" and not (
            g.get("minutes") or g.get("half") or g.get("before_hour") or g.get("clock_pod") or g.get("oclock")
        ):
            # "acht", "sept heures": a number or a duration as much as a time of day; after "om", "à" an hour
            # with its noun ("om zeven uur", "à sept heures") is the time of day
            return " " in cand.match_text.strip() and self._after_clock_preposition(text, cand.start)
        if kind == "duration" and self._hours_after_clock_preposition(text, cand):
            return False  # "om zeven uur", "à sept heures": the word_clock reading of the same words
        if kind == "shift" and lex.lookup("unit", g.get("unit")) not in (None, "D", "W", "M", "Y"):
            return False  # "in 5 minutes": a time of day kroniek does not compute; the duration stays
        if kind == "duration" and lex.lookup("unit", g.get("unit")) == "S" and not re.match(r"\d", g.get("num") or ""):
            return False  # "a second time", "een seconde kans": an ordinal, not a duration
        return True

    def _after_clock_preposition(self, text: str, start: int) -> bool:
        """After "om", "à", "um" or a part of day read with a clock ("'s avonds zeven uur", "abends ein Uhr"):
        an hour with its noun is a time of day there, not a duration."""
        if key_of(_previous_word(text, start)) in self.lex.clock_prepositions:
            return True
        before = key_of(text[max(0, start - 24) : start]).rstrip()
        return any(
            before.endswith(pod) and (len(before) == len(pod) or not before[-len(pod) - 1].isalnum())
            for pod in self.lex.words.get("clock_pod", {})
        )

    def _hours_after_clock_preposition(self, text: str, cand: Candidate) -> bool:
        """A whole number of hours up to 24 right after a clock preposition ("om zeven uur")."""
        g = cand.groups
        if g.get("approx") or self.lex.lookup("unit", g.get("unit")) != "H":
            return False
        if not self._after_clock_preposition(text, cand.start):
            return False
        parsed = parse_number(g.get("num") or "", self.lang)
        return parsed is not None and not parsed[1] and float(parsed[0]).is_integer() and 0 <= parsed[0] <= 24

    @staticmethod
    def select(cands: list[Candidate]) -> list[Candidate]:
        """Longest first, then a phrase of the ``anaphoric`` list, then the pattern listed first; no two
        chosen spans overlap. A listed anaphoric phrase is the more specific reading of its words: "dezelfde
        avond" is the evening of the day last named, not this evening (the deictic pattern of "dezelfde")."""
        chosen: list[Candidate] = []
        for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.pattern.kind != "anaphoric", c.order, c.start)):
            if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
                chosen.append(cand)
        return sorted(chosen, key=lambda c: c.start)

    # ---- resolving -----------------------------------------------------------------------
    def tag(self, doc: ArticleDoc) -> list[TimexRecord]:
        published = doc.published
        out: list[TimexRecord] = []
        last_day: dt.date | None = None
        last_period: str | None = None
        for cand in self.select(self.candidates(doc)):
            record = self.resolve(doc, cand, published, last_day, last_period)
            if record is None:
                continue
            out.append(record)
            attributive = _previous_word(doc.text, cand.start) in self._attributive
            # a shift ("a year earlier") counts from the time being talked about; it does not become that time
            if (
                attributive
                or not record.anchored
                or record.type not in ("DATE", "TIME")
                or cand.pattern.kind == "shift"
            ):
                continue
            if re.match(r"^\d{4}-\d\d-\d\d", record.value):
                last_day, last_period = dt.date.fromisoformat(record.value[:10]), None
            elif R.PERIOD.match(record.value):
                last_period = record.value
        counted = compose_counted_days(out, doc.text, published, self.lex.counted)
        counted = merge_duration_parts(counted, doc.text, self.lex.counted.span_and if self.lex.counted else None)
        podded = apply_clock_pods(counted, doc.text, self.lex.pod_before, self.lex.pod_after, self._pod_of_match)
        merged = merge_set_and_clock(
            merge_day_and_clock(podded, doc.text, self.lex.joiners), doc.text, self.lex.joiners
        )
        merged = apply_day_pods(merged, doc.text, self.lex.pod_before, self.lex.day_pod_after, self._pod_of_match)
        merged = attach_bare_hours(
            merged, doc.text, self.lex.bare_hour, self._clock_hour_of, lambda at: _verb_or_particle_at(doc, at)
        )
        return attach_hours_before(merged, doc.text, self.lex.hour_before, self._clock_hour_of)

    def _pod_of_match(self, found: re.Match[str]) -> str | None:
        """The TIMEX3 part of day of a match of the lexicon's ``pod_before`` / ``pod_after``."""
        if found.group("clock_pod"):
            value = self.lex.lookup("clock_pod", found.group("clock_pod"))
        else:
            value = self.lex.lookup("pod", found.groupdict().get("pod") or found.groupdict().get("pod2"))
        return str(value) if value else None

    def _clock_hour_of(self, word: str) -> int | None:
        hour = self.lex.lookup("clock_hour", word)
        return int(hour) if hour is not None else None

    def _dir(self, word: str | None) -> str | None:
        value = self.lex.lookup("dir", word)
        return str(value) if value else None

    def resolve(
        self,
        doc: ArticleDoc,
        cand: Candidate,
        published: dt.date | None,
        last_day: dt.date | None,
        last_period: str | None = None,
    ) -> TimexRecord | None:
        """The TIMEX3 record of one candidate, by its pattern's kind (one method per kind)."""
        resolver = self._RESOLVERS.get(cand.pattern.kind)
        if resolver is None:
            return None
        pod = self.lex.lookup("pod", cand.groups.get("pod"))
        return resolver(self, _Resolving(doc, cand, published, last_day, pod, last_period))

    def _vague(self, r: _Resolving) -> TimexRecord | None:
        type_, value = self.lex.vague[key_of(r.cand.match_text)]
        return r.rec(type_, value, "vague")

    def _vague_unit(self, r: _Resolving) -> TimexRecord | None:
        unit = self.lex.lookup("unit", r.g.get("unit"))
        return r.rec("DURATION", R.duration_value(None, str(unit)), "vague") if unit else None

    def _duration(self, r: _Resolving) -> TimexRecord | None:
        g = r.g
        unit = self.lex.lookup("unit", g.get("unit"))
        if not unit:
            return None
        if g.get("half"):
            value = R.half_duration(str(unit), normalise(g["half"] or "").startswith(("ander", "eineinhalb")))
            return r.rec("DURATION", value, "vague")
        if g.get("whole"):  # "all day", "den ganzen Tag", "toute la journée"
            return r.rec("DURATION", R.duration_value(1, str(unit)), "vague")
        if g.get("count"):  # "a couple of weeks"
            count = self.lex.lookup("count", g["count"])
            return r.rec("DURATION", R.duration_value(float(count) if count else None, str(unit)), "vague")
        parsed = parse_number(g.get("num") or "", self.lang)
        if parsed is None:
            return None
        amount, vague = parsed
        if g.get("plushalf") and not vague:  # "two and a half hours", "trois ans et demi"
            return r.rec("DURATION", R.and_a_half(int(amount), str(unit)), "vague")
        return r.rec("DURATION", R.duration_value(None if vague else amount, str(unit)), "vague")

    def _year(self, r: _Resolving) -> TimexRecord | None:
        return r.rec("DATE", str(int(r.g["year"] or 0)), "year")

    def _deictic(self, r: _Resolving) -> TimexRecord | None:
        g, pod = r.g, r.pod
        if g.get("deictic_pod"):
            offset_text, pod = str(self.lex.lookup("deictic_pod", g["deictic_pod"])).split()
            offset = int(offset_text)
        elif g.get("deictic"):
            offset = int(self.lex.lookup("deictic", g["deictic"]))
        elif g.get("pdir"):  # "deze ochtend", "afgelopen nacht", "vergangene Nacht", "la nuit dernière"
            offset = {"past": -1, "future": 1}.get(self._dir(g["pdir"]) or "this", 0)
        else:  # "this evening"
            offset = 0
        if r.published is None:
            return r.rec("TIME" if pod else "DATE", "XXXX-XX-XX" + (f"T{pod}" if pod else ""), "day", False)
        day = r.published + dt.timedelta(days=offset)
        return r.rec("TIME" if pod else "DATE", R.day_value(day, pod), "time" if pod else "day")

    def _anaphoric(self, r: _Resolving) -> TimexRecord | None:
        offset = self.lex.anaphoric[key_of(r.cand.match_text)]
        anchor = r.last_day or r.published
        if anchor is None:
            return r.rec("DATE", "XXXX-XX-XX", "day", False)
        return r.rec("DATE", (anchor + dt.timedelta(days=offset)).isoformat(), "day")

    def _weekend(self, r: _Resolving) -> TimexRecord | None:
        weekend_dir = self._dir(r.g.get("dir"))
        if r.published is None:
            return r.rec("DATE", "XXXX-WXX-WE", "week", False)
        if weekend_dir is None:  # "the weekend": the last one in a report, the coming one in a plan
            weekend_dir = guess_direction(r.doc, CharSpan(r.cand.start, r.cand.end), self.lex)
        return r.rec("DATE", R.weekend_value(r.published, weekend_dir), "week")

    def _same_unit(self, r: _Resolving, unit: str) -> TimexRecord | None:
        """ "that year", "the same month", "datzelfde jaar", "im selben Jahr": the unit of the period or day last
        named ("In 2019 ... that year" is 2019), or None where none was named or it has no such unit."""
        period = r.last_period
        if period is not None:
            found = R.PERIOD.match(period)
            if found and unit == "Y":
                return r.rec("DATE", found.group(1), "year")
            if found and unit == "M" and found.group(2):
                return r.rec("DATE", period, "month")
            return None
        if r.last_day is None:
            return None
        if unit == "Y":
            return r.rec("DATE", str(r.last_day.year), "year")
        if unit == "M":
            return r.rec("DATE", r.last_day.isoformat()[:7], "month")
        if unit == "W":
            return r.rec("DATE", R.iso_week(r.last_day), "week")
        return None

    def _relunit(self, r: _Resolving) -> TimexRecord | None:
        same_word = r.g.get("dir")
        if same_word and key_of(same_word) in self.lex.words.get("same_dir", {}):
            same = self._same_unit(r, str(self.lex.lookup("unit", r.g.get("unit")) or ""))
            if same is not None:
                return same
        # an edge of the unit ("the end of the year", "Ende des Monats") without a direction is this one
        direction = self._dir(r.g.get("dir")) or ("this" if r.g.get("edge") or r.g.get("after_next") else None)
        unit = self.lex.lookup("unit", r.g.get("unit"))
        if not unit or not direction:
            return None
        amount = {"past": -1, "future": 1}.get(direction, 0)
        if r.g.get("after_next"):  # "the month after next", "de maand na de volgende": two on
            amount = 2
        if r.published is None:
            under = {"W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}.get(str(unit), "XXXX")
            return r.rec("DATE", under, "vague", False)
        value, precision = R.shift(r.published, amount, str(unit))
        return r.rec("DATE", value, precision)

    def _ago(self, r: _Resolving) -> TimexRecord | None:
        unit = self.lex.lookup("unit", r.g.get("unit"))
        parsed = parse_number(r.g.get("num") or "", self.lang)
        if not unit or parsed is None:
            return None
        if r.published is None or parsed[1]:
            return r.rec("DATE", "PAST_REF", "vague", r.published is not None)
        value, precision = R.shift(r.published, -int(parsed[0]), str(unit))
        return r.rec("DATE", value, precision)

    def _date(self, r: _Resolving) -> TimexRecord | None:
        g, lex, published, pod, rec = r.g, self.lex, r.published, r.pod, r.rec
        month = lex.lookup("month", g.get("month"))
        if not month:
            return None
        day = int(g["day"] or 0) if g.get("day") else None
        if day is None and g.get("ordinal"):  # "the second of August", "zweiten Mai", "eerste mei", "twee oktober"
            day = int(lex.lookup("ordinal", g["ordinal"]) or lex.lookup("day_word", g["ordinal"]) or 0) or None
        direction = self._dir(g.get("dir"))
        year: int | None = int(g["year"] or 0) if g.get("year") else None
        anchored = True
        if year is None and g.get("ydir"):
            ydir = int(lex.lookup("ydir", g["ydir"]) or 0)  # "vorig jaar maart": years from this one
            year = published.year + ydir if published else None
        elif year is None and published is not None:
            ahead = (int(month) - published.month) % 12
            if direction is None and day is None and g.get("boundary") is None and 4 <= ahead <= 6:
                # a month four to six months ahead in a clause about the past is the last one ("sales fell in
                # January", published in August: this January, not the nearer next one); a month closer ahead
                # is more often a plan reported in the past ("chose firms for a program to run through June")
                span = CharSpan(r.cand.start, r.cand.end)
                guessed = guess_direction(r.doc, span, lex)
                # "zouden elkaar in april ontmoeten": the past tense of a plan, still ahead (nl8, round 8)
                direction = "past" if guessed == "past" and not plan_in_the_past(r.doc, span, lex) else None
            if direction == "this":
                year = published.year
            else:
                year = R.nearest_year(published, int(month), day, direction)
        if year is None:
            anchored = False
        year_text = f"{year:04d}" if year is not None else "XXXX"
        if day is None:
            return rec("DATE", f"{year_text}-{int(month):02d}", "month", anchored)
        try:
            if year is not None:
                dt.date(year, int(month), day)
        except ValueError:
            return None
        value = f"{year_text}-{int(month):02d}-{day:02d}" + (f"T{pod}" if pod else "")
        return rec("TIME" if pod else "DATE", value, "time" if pod else "day", anchored)

    def _weekday(self, r: _Resolving) -> TimexRecord | None:
        g, lex, published, pod, rec = r.g, self.lex, r.published, r.pod, r.rec
        weekday = lex.lookup("weekday", g.get("weekday"))
        if not weekday:
            return None
        weekday = int(weekday)
        type_: TimexType = "TIME" if pod else "DATE"
        precision: Precision = "time" if pod else "day"
        explicit = self._dir(g.get("dir"))
        week_dir = self._dir(g.get("wdir"))
        if published is None:
            return rec(
                type_,
                f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else ""),
                precision,
                False,
                None if (explicit or week_dir) else "past",
            )
        if week_dir:  # "vorige week dinsdag": that weekday in the previous / this / next ISO week
            weeks = {"past": -1, "future": 1}.get(week_dir, 0)
            monday = published - dt.timedelta(days=published.isoweekday() - 1) + dt.timedelta(weeks=weeks)
            return rec(type_, R.day_value(monday + dt.timedelta(days=weekday - 1), pod), precision)
        if explicit:  # "afgelopen zondag", "komende zaterdag", "mardi dernier", "this Tuesday"
            if explicit == "this":
                monday = published - dt.timedelta(days=published.isoweekday() - 1)
                return rec(type_, R.day_value(monday + dt.timedelta(days=weekday - 1), pod), precision)
            strict = "strict_past" if explicit == "past" else "strict_future"
            return rec(type_, R.day_value(R.weekday_date(published, weekday, strict), pod), precision)
        direction = guess_direction(r.doc, CharSpan(r.cand.start, r.cand.end), lex)
        return rec(type_, R.day_value(R.weekday_date(published, weekday, direction), pod), precision, True, direction)


Tagger._RESOLVERS = {
    "vague": Tagger._vague,
    "vague_unit": Tagger._vague_unit,
    "duration": Tagger._duration,
    "numdate": K.numdate,
    "year": Tagger._year,
    "date": Tagger._date,
    "clock": K.clock,
    "word_clock": K.word_clock,
    "holiday": K.holiday,
    "season": K.season,
    "set": K.timex_set,
    "shift": K.shift,
    "weekday_day": K.weekday_and_day,
    "quarter": K.quarter,
    "half_year": K.half_year,
    "week_of_year": K.week_of_year,
    "nth_in_month": K.nth_in_month,
    "deictic": Tagger._deictic,
    "anaphoric": Tagger._anaphoric,
    "weekday": Tagger._weekday,
    "weekend": Tagger._weekend,
    "relunit": Tagger._relunit,
    "ago": Tagger._ago,
    "decade": K.decade,
    "century": K.century,
    "short_year": K.short_year,
}

_TAGGERS: dict[tuple[str, frozenset[str]], Tagger] = {}


def tagger_for(lang: str, non_year_words: frozenset[str] = frozenset()) -> Tagger:
    key = (lang, non_year_words)
    if key not in _TAGGERS:
        _TAGGERS[key] = Tagger(lang, non_year_words)
    return _TAGGERS[key]
