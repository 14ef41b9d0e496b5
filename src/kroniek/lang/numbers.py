"""The one number reader: numbers written in digits or words, in every language with a folder in kroniek/lang.

The word lists live in ``lang/<code>/numbers.toml``; this module turns them into one regular expression per
language (``number_lexicon(lang).regex``) and a parser (``parse_number``) so that the time stage ("dertig dagen",
"three weeks") and the quantities stage ("175 soldaten", "1,5 miljoen", "two dozen") read numbers
the same way. Compound words (25 = "vijfentwintig", "twenty-five", "fünfundzwanzig", "vingt-cinq")
are generated from units and tens by each language's compound rule rather than listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kroniek.lang import get as language_pack
from kroniek.lang.wordtrie import literal_atoms, trie_alternation


@dataclass(frozen=True)
class NumberLexicon:
    lang: str
    words: dict[str, int]  # lower-cased word -> value, compounds included (1..99)
    scales: dict[str, int]  # lower-cased scale word -> multiplier
    vague: dict[str, int]  # lower-cased vague plural -> order of magnitude
    approx: tuple[str, ...]
    decimal_comma: bool
    regex: re.Pattern[str] = field(repr=False)
    # the number words alone, longest first (parse_number reads a word number's value with it)
    words_regex: re.Pattern[str] = field(repr=False, default=re.compile("(?!)"))


def _alternation(words: list[str]) -> str:
    # Longest first so that "vijfentwintig" wins over "vijf" and "dix-sept" over "dix"; written as a trie
    # (kroniek.lang.wordtrie: the same matches, one branch per letter instead of ~200 alternatives tried)
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return trie_alternation([literal_atoms(w, re.escape) for w in ordered])


def _compound_words(table: dict[str, object]) -> dict[str, int]:
    units = {k.lower(): int(v) for k, v in dict(table["units"]).items()}  # type: ignore[call-overload]
    tens = {k.lower(): int(v) for k, v in dict(table["tens"]).items()}  # type: ignore[call-overload]
    words = {**units, **tens}
    rule = str(table["compound"])
    joiner = str(table.get("joiner", ""))
    by_value: dict[int, str] = {}
    for word, value in units.items():
        by_value.setdefault(value, word)
    for ten_word, ten in tens.items():
        if ten % 10:  # not a round ten (never in the tables, kept for safety)
            continue
        for unit in range(1, 10 if ten not in (70, 90) or "and_one" not in table else 10):
            unit_word = by_value.get(unit)
            if unit_word is None:
                continue
            if rule == "unit_and_tens":
                join = str(table.get("joiner_after_e", joiner)) if unit_word.endswith("e") else joiner
                stem = unit_word
                if table.get("joiner") == "und" and unit_word in ("eins", "eine"):
                    stem = "ein"
                words.setdefault(f"{stem}{join}{ten_word}", ten + unit)
            else:
                if unit == 1 and "and_one" in table and ten not in (80,):
                    words.setdefault(f"{ten_word}{table['and_one']}{unit_word}", ten + unit)
                else:
                    words.setdefault(f"{ten_word}{joiner}{unit_word}", ten + unit)
    # French 71-79 and 91-99 are built on 11-19 ("soixante-douze", "quatre-vingt-treize").
    if "and_one" in table:
        teen_words = {v: k for k, v in units.items() if 10 <= v <= 19}
        for base_word, base in (("soixante", 60), ("quatre-vingt", 80)):
            for teen, teen_word in teen_words.items():
                link = f"{table['and_one']}" if (base, teen) == (60, 11) else joiner
                words.setdefault(f"{base_word}{link}{teen_word}", base + teen)
    return words


@lru_cache(maxsize=16)  # one entry per language: bounded (docs/reliability.md)
def number_lexicon(lang: str) -> NumberLexicon:
    table = language_pack(lang).table("numbers")
    words = _compound_words(table)
    scales = {k.lower(): int(v) for k, v in table["scales"].items()}
    vague = {k.lower(): int(v) for k, v in table["vague"].items()}
    decimal_comma = bool(table.get("decimal_comma", False))
    if decimal_comma:  # 400.000 / 400 000 / 1,5
        digits = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
    else:  # 400,000 / 1.5 (and the continental 400.000)
        digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d,])|\d+(?:\.\d+)?"
    scale_alt = _alternation(list(scales))
    word_alt = _alternation(list(words))
    pattern = (
        rf"(?:{digits})(?:\s?(?:{scale_alt})(?!\w))?"
        rf"|(?:{word_alt})(?:[ -](?:{scale_alt})(?!\w))*"
        rf"|(?:{_alternation(list(vague))})"
    )
    if all(words) and all(vague):
        # Every match starts with a digit or with the first letter of a number word. Saying so up
        # front lets the regex engine skip other positions with one character test instead of
        # trying some 200 word alternatives at each (3x faster; the same matches).
        first = "".join(re.escape(c) for c in sorted({w[0] for w in (*words, *vague)}))
        pattern = rf"(?=[\d{first}])(?:{pattern})"
    return NumberLexicon(
        lang=lang,
        words=words,
        scales=scales,
        vague=vague,
        approx=tuple(table.get("approx", [])),
        decimal_comma=decimal_comma,
        regex=re.compile(pattern, re.IGNORECASE),
        words_regex=re.compile(word_alt),
    )


def number_pattern(lang: str) -> str:
    """The regular expression (source) of a number in ``lang``, for embedding in other patterns."""
    return number_lexicon(lang).regex.pattern


def _parse_digits(text: str, decimal_comma: bool) -> float:
    if decimal_comma:
        cleaned = re.sub(r"[.\u00a0\u202f ](?=\d{3}\b)", "", text).replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        # "400.000 Euros" in an English text from a continental writer: a thousands point
        cleaned = text.replace(".", "")
    else:
        cleaned = text.replace(",", "")
    return float(cleaned)


def parse_number(text: str, lang: str) -> tuple[float, bool] | None:
    """Value of a number expression and whether it is approximate ("honderden"); None if unreadable."""
    lex = number_lexicon(lang)
    raw = text.strip()
    low = raw.lower()
    if low in lex.vague:
        return float(lex.vague[low]), True
    match = re.match(r"[\d.,\u00a0\u202f ]*\d", raw)
    value: float
    rest: str
    if match:
        try:
            value = _parse_digits(match.group(0).strip(), lex.decimal_comma)
        except ValueError:
            return None
        rest = low[match.end() :]
    else:
        word_match = lex.words_regex.match(low)
        if not word_match:
            return None
        value = float(lex.words[word_match.group(0)])
        rest = low[word_match.end() :]
    for scale in re.findall(r"[^\s-]+", rest):
        if scale in lex.scales:
            value *= lex.scales[scale]
        else:
            return None
    return value, False


def as_number(value: float) -> int | float:
    """An int where the value is whole, so that JSON shows 175 and not 175.0."""
    return int(value) if float(value).is_integer() else value
