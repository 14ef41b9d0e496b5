"""The characters a regular expression's match can begin with, for a cheap look-ahead before the pattern.

Python's regex engine tries every pattern at every position of the text; a pattern that begins with a
long alternation ("{num} {unit} ...", a holiday list) costs as much at a comma as at a word. A leading
``(?=[...])`` of the characters a match can begin with rejects most positions in one class test, and
cannot change what matches: the set is a superset (both cases of every letter, look-arounds ignored) or,
where it cannot be told (``.``, a negated class, a back-reference, a pattern that can match nothing),
there is no look-ahead at all.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import string
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kroniek.pipeline.datacache import cached_value, store_value

# the regex parser of the standard library (Python 3.11+; private, without type stubs)
sre_constants: Any = importlib.import_module("re._constants")
sre_parse: Any = importlib.import_module("re._parser")

C = sre_constants
_CATEGORY_CHARS = {C.CATEGORY_DIGIT: set(string.digits), C.CATEGORY_SPACE: set(" \t\n\r\f\v\xa0\u2009\u202f")}
_FirstSet = tuple[set[str] | None, bool]  # (characters or None = any, can match the empty string)


def _class_chars(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] <= 400:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av in _CATEGORY_CHARS and av is not C.CATEGORY_SPACE:
            chars |= _CATEGORY_CHARS[av]
        else:  # negation, \w, \s (Unicode spaces), wide ranges: any character
            return None
    return chars


def _item(op: Any, av: Any) -> _FirstSet:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        return _class_chars(av), False
    if op is C.SUBPATTERN:
        return _sequence(av[-1])
    if op is C.ATOMIC_GROUP:
        return _sequence(av)
    if op is C.BRANCH:
        chars: set[str] = set()
        nullable = False
        for alternative in av[1]:
            first, empty = _sequence(alternative)
            if first is None:
                return None, False
            chars |= first
            nullable = nullable or empty
        return chars, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
        first, empty = _sequence(av[2])
        return first, empty or av[0] == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero-width: the next item decides
        return set(), True
    return None, False  # ANY, NOT_LITERAL, CATEGORY outside a class, GROUPREF ...: cannot tell


def _sequence(items: Any) -> _FirstSet:
    chars: set[str] = set()
    for op, av in items:
        first, empty = _item(op, av)
        if first is None:
            return None, False
        chars |= first
        if not empty:
            return chars, False
    return chars, True


def first_char_guard(source: str, flags: int = 0) -> str:
    """``(?=[...])`` of the characters a match of ``source`` can begin with (any case), or "" where that
    cannot be told."""
    try:
        first, empty = _sequence(sre_parse.parse(source, flags))
    except (re.error, RecursionError):
        return ""
    if first is None or empty or not first:
        return ""
    cased = first | {c.lower() for c in first} | {c.upper() for c in first if len(c.upper()) == 1}
    body = "".join(re.escape(c) for c in sorted(cased))
    return f"(?i:(?=[{body}]))" if flags & re.IGNORECASE == 0 else f"(?=[{body}])"


@contextlib.contextmanager
def guards_kept(name: str) -> Iterator[Callable[[str, int], str]]:
    """:func:`first_char_guard`, with the guards computed before read from kroniek's disk cache (keyed by the
    pattern source and flags): parsing a language's ~30 long patterns with the pure-Python regex parser took
    about 30 ms of every process that met the language. The guards asked for in the block are stored when it
    ends, so the entry holds what the current patterns need and nothing else."""
    sources = [Path(__file__), Path(sre_parse.__file__)]
    stored = cached_value(f"guards-{name}", sources)
    known: dict[tuple[str, int], str] = stored if isinstance(stored, dict) else {}
    asked: dict[tuple[str, int], str] = {}

    def guard(source: str, flags: int = 0) -> str:
        key = (source, int(flags))
        found = known.get(key)
        asked[key] = first_char_guard(source, flags) if not isinstance(found, str) else found
        return asked[key]

    yield guard
    if asked.keys() != known.keys():
        store_value(f"guards-{name}", sources, asked)
