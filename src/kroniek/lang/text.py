"""Text helpers shared by every stage: one fold, one normaliser, one word tokenizer, one quote finder.

``fold(text)``      accent- and case-folded text with one space between words: the key under which names
                    compare ("Oekraïne", "OEKRAINE" and "Oekraine" fold alike; PETRARCH's underscores
                    become spaces; curly apostrophes and dashes become straight ones).
``normalise(word)`` lower case, one kind of apostrophe, single spaces, accents kept: the key under which
                    word lists are looked up ("zo’n" and "Zo'n" are one word, "één" stays "één").
``tokenize(text)``  word tokens with character offsets: elisions ("l'", "qu'"), initials ("J.F."),
                    hyphenated words and possessive "'s" are one token each; every other
                    non-space character is a token of its own. Each token carries its folded ``key``
                    and lower-cased ``low``.
``quote_spans(text)`` the spans of quotations, with their marks, for telling quoted words from reported ones.
``alternation(words)`` a word list as one regex alternation, longest first, each word escaped.

Everything here is language-independent; the words of a language live in ``kroniek/lang/<code>/``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_SPACES = re.compile(r"\s+")
_FOLD_MARKS = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2012": "-",
    }
)


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Accent- and case-folded form of ``text`` with one space between words."""
    text = text.translate(_FOLD_MARKS).replace("_", " ")
    if text.isascii():
        # the same result without decomposing: ASCII has no accents to strip and casefold() is lower()
        # there (the actor resolver folds every word span it tries: most of them are new, and ASCII)
        return _SPACES.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def normalise(word: str) -> str:
    """Lower case, one kind of apostrophe, single spaces: the key used for every word-list lookup."""
    return " ".join(word.replace("’", "'").replace("‘", "'").lower().split())


TOKEN_RE = re.compile(
    r"(?:[lLdDjJmMnNsStTcC]|[qQ]u)['’](?=[^\W\d_])|(?:[^\W\d_]{1,2}\.){2,}|\d+(?=[^\W\d_])|\w+(?:-\w+)*(?:['’](?![sS]\b)\w+(?:-\w+)*)*"
    r"|['’][sS]\b|[^\w\s]"
)


class Token(NamedTuple):
    # a named tuple, not a frozen dataclass: every word of every article makes one, and a frozen dataclass
    # sets each field through object.__setattr__ (three times the cost)
    start: int
    end: int
    text: str
    key: str  # fold(text)

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum() or self.text[:1] == "_"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of ``text``; offsets are shifted by ``offset`` (for tokenizing a slice of a document)."""
    return [Token(m.start() + offset, m.end() + offset, m.group(), fold(m.group())) for m in TOKEN_RE.finditer(text)]


# Opening quotation marks and the marks that may close each.
QUOTE_PAIRS: dict[str, str] = {"“": "”", "„": "“”", "«": "»", '"': '"', "‘": "’", "‚": "‘’"}


def _straight_quote_end(text: str, i: int) -> int | None:
    """The closing straight single quote of a quotation opened at ``i`` ("'Wij zijn hier,' zei hij"): a
    quote after a non-space and before a non-letter, in the same paragraph; apostrophes inside words
    ("zo'n", "Putin's") are passed over."""
    limit = min(len(text), i + 600)
    j = i + 1
    while j < limit:
        if text[j] == "\n" and j + 1 < len(text) and text[j + 1] == "\n":
            return None
        if text[j] == "'" and not text[j - 1].isspace() and (j + 1 == len(text) or not text[j + 1].isalpha()):
            return j
        j += 1
    return None


# every character at which a quotation can open (the straight single quote and the openers of QUOTE_PAIRS)
_OPENERS_RE = re.compile("['" + "".join(QUOTE_PAIRS) + "]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation in ``text``, marks included, in text order."""
    spans = []
    i = 0
    while i < len(text):
        # nothing can open at any other character: go to the next one that may (the same spans as stepping
        # one character at a time, without a Python step per character)
        found = _OPENERS_RE.search(text, i)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch == "'" and (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and text[i + 1].isalpha():
            j = _straight_quote_end(text, i)
            if j is not None:
                spans.append((i, j + 1))
                i = j + 1
                continue
        closers = QUOTE_PAIRS.get(ch)
        if closers is not None and not (ch in "‘'" and i > 0 and text[i - 1].isalpha()):
            ends = [j for j in (text.find(c, i + 1) for c in closers) if j != -1]
            j = min(ends) if ends else -1
            if j != -1 and j - i < 2000:
                spans.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return spans


def alternation(words: list[str]) -> str:
    """``words`` as a regex alternation without a group, longest first (so "beide partijen" is tried before
    "beide"), every word escaped; ties keep the list's order."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
