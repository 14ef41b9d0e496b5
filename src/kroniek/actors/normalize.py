"""Normalisation of names and aliases, shared by the knowledge-base build and the resolver.

Both sides must produce the same key for the same name, so this is the one place that decides how
"Oekraïne", "OEKRAINE" and "Oekraine" compare: accents are folded, case is folded, and runs of
whitespace (and PETRARCH's underscores) become one space.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans(
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
    text = text.translate(_APOSTROPHES).replace("_", " ")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def is_acronym(alias: str) -> bool:
    """Short all-capital aliases ("AP", "IS", "NSC") only match with their exact case."""
    letters = [ch for ch in alias if ch.isalpha()]
    return 0 < len(letters) <= 5 and sum(ch.isupper() for ch in letters) >= 2 and alias == alias.upper()
