"""The quantities lexicon: counted nouns with their English names, modifiers kept in the English
noun phrase, and the context words that tell a count from a reference, an amount or a percentage.

Data files (``data/``): nouns.tsv, modifiers.tsv, context.toml, numbers.toml (see numbers.py).
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError

DATA_DIR = Path(__file__).resolve().parent / "data"


def norm(word: str) -> str:
    return " ".join(word.replace("’", "'").lower().split())


def _rows(name: str) -> list[list[str]]:
    path = DATA_DIR / name
    try:
        with path.open(encoding="utf-8") as fh:
            return [row for row in csv.reader(fh, delimiter="\t") if row and not row[0].startswith("#")]
    except OSError as exc:
        raise KroniekError("E142", detail=f"{path.name}: {exc}") from exc


@dataclass(frozen=True)
class QuantityLexicon:
    lang: str
    nouns: dict[str, str]  # normalised form (one or more words) -> English plural
    modifiers: dict[str, str]  # normalised form -> English
    context: dict[str, Any]

    @property
    def max_noun_words(self) -> int:
        return max((len(k.split()) for k in self.nouns), default=1)


@lru_cache(maxsize=8)
def quantity_lexicon(lang: str) -> QuantityLexicon:
    nouns: dict[str, str] = {}
    for row in _rows("nouns.tsv"):
        if len(row) >= 3 and row[0] == lang:
            for form in row[1].split(","):
                nouns[norm(form)] = row[2].strip()
    modifiers = {norm(row[1]): row[2].strip() for row in _rows("modifiers.tsv") if len(row) >= 3 and row[0] == lang}
    try:
        with (DATA_DIR / "context.toml").open("rb") as fh:
            context = tomllib.load(fh).get(lang, {})
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KroniekError("E142", detail=f"context.toml: {exc}") from exc
    return QuantityLexicon(lang, nouns, modifiers, context)


@lru_cache(maxsize=8)
def counted_noun_words(lang: str) -> frozenset[str]:
    """First words of the counted nouns of ``lang``: a four-digit number before one is a count, not a year."""
    try:
        lex = quantity_lexicon(lang)
    except KroniekError:
        return frozenset()
    return frozenset(k.split()[0] for k in lex.nouns)
