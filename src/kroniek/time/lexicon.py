"""Per-language temporal lexicons: word classes and patterns read from ``kroniek/lang/<lang>/time.toml``.

A pattern's regex refers to word classes as ``{class}``; they are expanded here into alternations
(longest word first, spaces matching any run of spaces). Fixed classes are {num} (numbers in
digits or words, shared with the quantities stage), {day}, {year}, {yy}, {monthnum}, {hour} and
{minute}. Lookups of a matched word go through ``Lexicon.lookup`` (case- and apostrophe-insensitive).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kroniek import lang as lang_packs
from kroniek.chronicle.types import TimexType, timex_type
from kroniek.errors import KroniekError
from kroniek.lang.numbers import number_pattern
from kroniek.lang.text import fold, normalise
from kroniek.lang.wordtrie import SPACE_RUN, Atom, folded, trie_alternation
from kroniek.pipeline.regex_cache import compiled_patterns_kept
from kroniek.time.calendar import holiday_rule
from kroniek.time.compose import CountedWords
from kroniek.time.firstchars import first_char_guard, guards_kept

FIXED_CLASSES = {
    "day": r"(?:3[01]|[12]\d|0?[1-9])",
    "year": r"(?:1[89]\d\d|20\d\d)",
    "yy": r"(?:\d\d)",
    "monthnum": r"(?:1[0-2]|0?[1-9])",
    "hour": r"(?:2[0-3]|[01]?\d)",
    "minute": r"(?:[0-5]\d)",
}


def key_of(word: str) -> str:
    """The key of a word or phrase in the lexicon's tables: folded (``kroniek.lang.text.fold``: lower case, one
    kind of apostrophe, no accents), so that "soiree", "apres-midi" and "Fruh" find "soirée", "après-midi" and
    "früh" (text typed without accents, as the patterns also match it: see ``_word_regex``)."""
    return fold(word)


def _accent_class(char: str) -> str:
    """A regex for one character of a listed word: an accented letter also matches its bare letter."""
    bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    if bare == char or len(bare) != 1:
        return re.escape(char)
    return f"[{char}{bare}]"


@dataclass(frozen=True)
class Pattern:
    kind: str
    regex: re.Pattern[str]
    needs: str | None = None
    case_sensitive: bool = False
    glued_end: bool = False  # may touch the next word ("17:07Nederland" in scraped headers)
    # a pattern's ``requires`` (a regex): a text where it is not found is not scanned with the pattern
    requires: re.Pattern[str] | None = None


@dataclass
class Lexicon:
    lang: str
    words: dict[str, dict[str, Any]]  # class -> normalised word -> value
    vague: dict[str, tuple[TimexType, str]]  # normalised phrase -> (TYPE, VALUE)
    anaphoric: dict[str, int]
    tense: dict[str, Any]
    month_cue: dict[str, Any]
    filters: dict[str, Any]
    anchor: dict[str, Any] = field(default_factory=dict)
    # [range]: the words between two days of a range ("Monday to Friday"), see kroniek.time.ranges
    ranges: dict[str, Any] = field(default_factory=dict)
    patterns: list[Pattern] = field(default_factory=list)
    # normalised holiday name -> year -> date (from [holidays], see kroniek.time.calendar)
    holidays: dict[str, Callable[[int], dt.date | None]] = field(default_factory=dict)
    # what may stand between a day and a clock time that belong together ("Tuesday at 3pm", "um")
    joiners: re.Pattern[str] | None = None
    # a joiner and a bare hour after a day ("tonight at 7", "morgenochtend om 7"): see kroniek.time.combine
    bare_hour: re.Pattern[str] | None = None
    # a joiner and a bare hour right before a day with its part of day ("at 7 this morning"): kroniek.time.combine
    hour_before: re.Pattern[str] | None = None
    # the same joiners as words: after one, "zeven uur" / "sept heures" is a time of day, not a duration
    clock_prepositions: frozenset[str] = frozenset()
    # the words that join a span to the day it counts from ("two days before yesterday"): kroniek.time.compose
    counted: CountedWords | None = None
    # a part of day right before or after a clock time ("'s avonds 7 uur", "8h20 du soir"): kroniek.time.combine
    pod_before: re.Pattern[str] | None = None
    pod_after: re.Pattern[str] | None = None
    # a part of day after a day, also a bare one ("nächsten Montag Nachmittag"): kroniek.time.combine
    day_pod_after: re.Pattern[str] | None = None

    def lookup(self, cls: str, word: str | None) -> Any:
        if word is None:
            return None
        table = self.words.get(cls, {})
        key = key_of(word)
        return table.get(key if key in table else key.rstrip("."))


_APOSTROPHES = "'’‘"
_APOSTROPHE: Atom = ("['’‘]", folded(_APOSTROPHES))


@lru_cache(maxsize=1024)  # the few hundred letters of a language's words
def _char_atom(char: str) -> Atom:
    """One character of a listed word as :func:`_word_regex` writes it, with the characters it matches."""
    if char in _APOSTROPHES:
        return _APOSTROPHE
    source = _accent_class(char)
    bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return source, folded({char, bare} if source != re.escape(char) else {char})


def _word_atoms(word: str) -> list[Atom]:
    """The items of :func:`_word_regex` (joined, they are its regex), for kroniek.lang.wordtrie."""
    atoms: list[Atom] = []
    for k, part in enumerate(word.split()):
        if k:
            atoms.append(SPACE_RUN)
        atoms.extend(_char_atom(c) for c in part)
    return atoms


def _word_regex(word: str) -> str:
    # A space in a listed phrase matches any run of white space; apostrophes match both forms; an accented
    # letter matches the bare one too ("soirée" finds "soiree").
    parts = ["".join(_accent_class(c) for c in p) for p in word.split()]
    joined = r"\s+".join(parts)
    # One pass: replacing "'" first and then "’" would rewrite the class just inserted.
    return re.sub(r"\\?['’‘]", "['’‘]", joined)


def _alternation(words: list[str], capitalised: bool = False) -> str:
    return _trie_of(tuple(words), capitalised)


@lru_cache(maxsize=256)  # a class's words appear in many patterns: its trie is built once (bounded: per class)
def _trie_of(words: tuple[str, ...], capitalised: bool) -> str:
    forms = {w[:1].upper() + w[1:] for w in words} if capitalised else set(words)
    ordered = sorted(forms, key=lambda w: (-len(w), w))  # longest first; ties by the word, the same in every process
    # as a trie: the same matches in the same order, but the regex engine follows one branch per letter
    # instead of trying every word at every word start (about half of the time stage's pattern scans)
    return trie_alternation([_word_atoms(w) for w in ordered])


def _expand(template: str, classes: dict[str, list[str]], lang: str, capitalised: bool) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(0) == " ?":
            return r"\s*"
        if match.group(0) == " ":
            return r"\s+"
        name = match.group(1)
        if name == "num":
            return f"(?:{number_pattern(lang)})"
        if name in FIXED_CLASSES:
            return FIXED_CLASSES[name]
        if name in classes:
            caps = capitalised and name in ("weekday", "month")
            return _alternation(classes[name], capitalised=caps)
        raise KroniekError("E140", lang=lang, detail=f"unknown word class {{{name}}} in a pattern")

    # One pass over the template: a space written in the template is any white space, but the spaces inside an
    # inserted class stay as they are (the number pattern holds escaped spaces, "hundreds\\ of": rewriting
    # those after the insertion made them a literal backslash, so "tens of thousands" was never read).
    return re.sub(r"\{([a-z_]+)\}| \?| ", replace, template)


def _vague_value(lang: str, phrase: str, value: str) -> tuple[TimexType, str]:
    """ "DATE PRESENT_REF" -> ("DATE", "PRESENT_REF"); E140 names a phrase whose type is not a TIMEX3 type."""
    parts = value.split()
    try:
        return timex_type(parts[0]), parts[1]
    except (IndexError, ValueError) as exc:
        raise KroniekError("E140", lang=lang, detail=f"[vague] {phrase!r} = {value!r}: {exc}") from exc


def _between(phrases: list[str]) -> re.Pattern[str] | None:
    """White space, one of ``phrases``, white space (what stands between a span and its day)."""
    if not phrases:
        return None
    alternation = "|".join(_word_regex(w) for w in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\s+(?:{alternation})\s+", re.IGNORECASE)


def _counted_words(combine: dict[str, Any], words: dict[str, dict[str, Any]]) -> CountedWords | None:
    before, after = combine.get("counted_before", []), combine.get("counted_after", [])
    if not (before or after):
        return None
    joiners = "|".join(_word_regex(w) for w in combine.get("counted_and", []))
    ago_words = sorted(words.get("ago", {}), key=len, reverse=True)
    return CountedWords(
        before=_between(before),
        after=_between(after),
        from_now=_between(combine.get("counted_from", [])),
        span_and=re.compile(rf"\s*,?\s*(?:(?:{joiners})\s+)?" if joiners else r"\s*,?\s*", re.IGNORECASE),
        ago=re.compile(r"(?<!\w)(?:" + "|".join(_word_regex(w) for w in ago_words) + r")(?!\w)", re.IGNORECASE)
        if ago_words
        else None,
        deictic=frozenset(words.get("deictic", {})),
    )


def _clock_pod_regexes(
    classes: dict[str, list[str]], joiners: list[str]
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(a part of day that ends the text before a clock time, one that opens the text after it). Group
    ``clock_pod`` holds a ``[words.clock_pod]`` phrase ("'s avonds", "du soir", "abends"), group ``pod`` a
    ``[words.pod]`` word, alone before the clock ("afternoon 7:00") or after a ``pod_intro`` ("in the evening",
    "dans la soirée"). A joiner may stand between a part of day and the clock after it ("abends um 8 Uhr")."""
    if not classes.get("clock_pod") and not classes.get("pod"):
        return None, None
    clock_pod = _alternation(classes["clock_pod"]) if classes.get("clock_pod") else r"(?!)"
    pod = _alternation(classes["pod"]) if classes.get("pod") else r"(?!)"
    intro = _alternation(classes["pod_intro"]) if classes.get("pod_intro") else r"(?!)"
    joiner = _alternation(joiners) if joiners else r"(?!)"
    before = re.compile(
        rf"(?<!\w)(?:(?P<clock_pod>{clock_pod})|(?:{intro})\s*(?P<pod>{pod})|(?P<pod2>{pod}))"
        rf"\s*,?\s*(?:{joiner}\s+)?$",
        re.IGNORECASE,
    )
    after = re.compile(rf"\s*,?\s*(?:(?P<clock_pod>{clock_pod})|(?:{intro})\s*(?P<pod>{pod}))(?!\w)", re.IGNORECASE)
    return before, after


def _day_pod_after(classes: dict[str, list[str]]) -> re.Pattern[str] | None:
    """A part of day that opens the text after a day: as after a clock time, or a bare ``[words.pod]`` word
    ("Montag Nachmittag", "Tuesday, evening"); after a clock time a bare one is too often the next clause's."""
    if not classes.get("clock_pod") and not classes.get("pod"):
        return None
    clock_pod = _alternation(classes["clock_pod"]) if classes.get("clock_pod") else r"(?!)"
    pod = _alternation(classes["pod"]) if classes.get("pod") else r"(?!)"
    intro = _alternation(classes["pod_intro"]) if classes.get("pod_intro") else r"(?!)"
    return re.compile(
        rf"\s*,?\s*(?:(?P<clock_pod>{clock_pod})|(?:{intro})\s*(?P<pod>{pod})|(?P<pod2>{pod}))(?!\w)", re.IGNORECASE
    )


@lru_cache(maxsize=8)
def load_lexicon(lang: str) -> Lexicon:
    """The time words and patterns of ``lang`` (E140 when kroniek has none or one is malformed)."""
    # The long patterns (alternations of every month, number and unit word) compile in pure Python, about
    # 25 ms of every process that meets the language; their programs are kept in the disk cache instead.
    with compiled_patterns_kept(f"time-{lang}"), guards_kept(f"time-{lang}") as guard_of:
        return _build_lexicon(lang, guard_of)


def _build_lexicon(lang: str, guard_of: Callable[[str, int], str] = first_char_guard) -> Lexicon:
    if not lang_packs.has(lang):
        raise KroniekError("E140", lang=lang, detail="kroniek has no folder kroniek/lang/" + lang)
    data = lang_packs.get(lang).table("time")
    raw_words: dict[str, dict[str, Any]] = data.get("words", {})
    words = {cls: {key_of(k): v for k, v in table.items()} for cls, table in raw_words.items()}
    classes = {cls: list(table) for cls, table in raw_words.items()}
    raw_holidays: dict[str, str] = data.get("holidays", {})
    if raw_holidays:
        classes["holiday"] = list(raw_holidays)
    lex = Lexicon(
        lang=lang,
        words=words,
        vague={key_of(k): _vague_value(lang, k, v) for k, v in data.get("vague", {}).items()},
        anaphoric={key_of(k): int(v) for k, v in data.get("anaphoric", {}).items()},
        tense=data.get("tense", {}),
        month_cue=data.get("month_cue", {}),
        filters=data.get("filters", {}),
        anchor=data.get("anchor", {}),
        ranges=data.get("range", {}),
        holidays={key_of(name): holiday_rule(lang, name, str(rule)) for name, rule in raw_holidays.items()},
    )
    joiners = data.get("combine", {}).get("joiners", [])
    if joiners:
        alternation = "|".join(_word_regex(w) for w in sorted(joiners, key=len, reverse=True))
        lex.joiners = re.compile(rf"\s*,?\s*(?:(?:{alternation})\s+)?", re.IGNORECASE)
    bare_joiners = data.get("combine", {}).get("bare_hour_joiners", [])
    lex.clock_prepositions = frozenset(key_of(w) for w in bare_joiners)
    if bare_joiners:
        alternation = "|".join(_word_regex(w) for w in sorted(bare_joiners, key=len, reverse=True))
        hour_words = _alternation(classes["clock_hour"]) if classes.get("clock_hour") else r"(?!)"
        # The hour ends the clause ("tonight at 7.") or a word follows (group `next`) that kroniek.time.combine
        # asks the parser about: "om 7 terug" is an hour, "Monday at 10 Downing Street" a place; "ended the
        # day at 7,245.5" is a level.
        lex.bare_hour = re.compile(
            rf"\s+(?:{alternation})\s+(?P<hour>2[0-4]|1\d|0?\d|{hour_words})"
            r"(?:(?=\s*(?:[.,;:!?)](?!\d)|$))|(?=\s+(?P<next>\w)))",
            re.IGNORECASE,
        )
        lex.hour_before = re.compile(
            rf"(?<![\w.,:])(?:{alternation})\s+(?P<hour>2[0-4]|1\d|0?\d|{hour_words})\s+$", re.IGNORECASE
        )
    lex.counted = _counted_words(data.get("combine", {}), words)
    lex.pod_before, lex.pod_after = _clock_pod_regexes(classes, data.get("combine", {}).get("joiners", []))
    lex.day_pod_after = _day_pod_after(classes)
    for entry in data.get("patterns", []):
        case = bool(entry.get("case", False))
        source = _expand(entry["regex"], classes, lang, capitalised=case)
        flags = 0 if case else re.IGNORECASE
        try:
            end = r"(?!\d)" if entry.get("glued_end") else r"(?!\w)"
            # one group around the whole pattern, so that both boundaries hold for every alternative
            guard = guard_of(source, flags)  # same matches, most positions rejected at once
            regex = re.compile(rf"{guard}(?<![\w.])(?<!\d:)(?:{source}){end}", flags)
        except re.error as exc:
            raise KroniekError("E140", lang=lang, detail=f"bad pattern {entry['regex']!r}: {exc}") from exc
        requires = re.compile(entry["requires"], re.IGNORECASE) if entry.get("requires") else None
        lex.patterns.append(
            Pattern(entry["kind"], regex, entry.get("needs"), case, bool(entry.get("glued_end")), requires)
        )
    for phrases, kind in ((list(data.get("vague", {})), "vague"), (list(data.get("anaphoric", {})), "anaphoric")):
        if phrases:
            alternation = _alternation([normalise(p) for p in phrases])
            starts = {phrase.lstrip()[:1].lower() for phrase in phrases}
            if "" not in starts and not starts & {"'", "’"}:
                # A cheap first-letter test before trying every phrase (the same matches). Phrases
                # that start with an apostrophe are written as a class by _word_regex: no shortcut.
                first = "".join(re.escape(c) for c in sorted(starts | {key_of(c) for c in starts}))
                alternation = rf"(?=[{first}])(?:{alternation})"
            lex.patterns.append(Pattern(kind, re.compile(rf"(?<!\w){alternation}(?!\w)", re.IGNORECASE)))
    return lex
