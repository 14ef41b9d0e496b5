"""The quantities lexicon: counted nouns with their English names, modifiers kept in the English
noun phrase, and the context words that tell a count from a reference, an amount or a percentage.

Read from ``kroniek/lang/<code>/quantities.toml`` (numbers come from ``kroniek.lang.numbers``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kroniek import lang as lang_packs
from kroniek.lang.text import normalise as norm


@dataclass(frozen=True)
class QuantityLexicon:
    lang: str
    nouns: dict[str, str]  # normalised form (one or more words) -> English plural
    modifiers: dict[str, str]  # normalised form -> English
    context: dict[str, Any]

    @property
    def max_noun_words(self) -> int:
        return max((len(k.split()) for k in self.nouns), default=1)


@lru_cache(maxsize=16)  # one entry per language: bounded (docs/reliability.md)
def quantity_lexicon(lang: str) -> QuantityLexicon:
    table = lang_packs.get(lang).table("quantities")
    nouns = {norm(form): english for english, forms in table.get("nouns", {}).items() for form in forms}
    modifiers = {norm(form): english for form, english in table.get("modifiers", {}).items()}
    return QuantityLexicon(lang, nouns, modifiers, dict(table.get("context", {})))
