"""Facts about one place mention that the places stage records on it for later stages.

``is_locative(doc, place)``: a locative word introduces the place, possibly through describing words
("in de Saudische kuststad Jeddah", "at Baghdad", "à Saraqeb"); recorded as ``PlaceMention.locative``.
``is_dateline(doc, place)``: the place opens a line as the dateline ("Den Haag, 29 mei 2017", "KYIV -");
recorded as ``PlaceMention.dateline``. The events stage chooses an event's venue from these fields.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kroniek import lang as lang_packs
from kroniek.document import ArticleDoc, PlaceMention
from kroniek.places.gazetteer import load_gazetteer


def is_locative(doc: ArticleDoc, place: PlaceMention, key: str = "locative") -> bool:
    """Is the place introduced by a locative word, possibly through describing words
    ("in de Saudische kuststad Jeddah", "at Baghdad", "à Saraqeb")? ``key``: the list of the language's
    places.toml that holds the words ("static_locative": only words that never name a recipient)."""
    locatives, descriptors, stems = _locative_words(doc.lang, key)
    words = _WORDS.findall(doc.text[max(0, place.start - 80) : place.start])
    for word in reversed(words[-6:]):
        low = word.lower().replace("’", "'")
        if low in locatives:
            return True
        if low in descriptors or low.startswith(stems):
            continue
        return False
    return False


_WORDS = re.compile(r"[\w'’-]+|[^\w\s]")


@lru_cache(maxsize=16)
def _locative_words(lang: str, key: str = "locative") -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """The language's locative words (places.toml ``key``), the gazetteer's describing words and its demonym
    stems (one tuple, for one ``str.startswith``), built once per language instead of for every place mention."""
    gaz = load_gazetteer()
    locatives = frozenset(w.lower() for w in lang_packs.get(lang).words("places", key))
    descriptors = frozenset(w.lower() for w in gaz.extra.get("descriptors", {}).get("words", []))
    return locatives, descriptors, tuple(stem for stem, _ in gaz.demonyms)


def is_dateline(doc: ArticleDoc, place: PlaceMention) -> bool:
    """The place opens its line and is followed by a date or a dash: the dateline, not a venue."""
    return opens_dateline(doc.text, place.start, place.end) or place.start == 0


def opens_dateline(text: str, start: int, end: int) -> bool:
    """The name at ``start:end`` opens its line and a date, an agency in brackets or a dash follows it:
    "KYIV, March 3 (Reuters) -", "DEN HAAG -", "LOMÉ (AFP) -", "Den Haag, 29 mei 2017"."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    after = text[end : end + 80]
    return bool(_DATE_AFTER.match(after) or _DASH_AFTER.match(after))


# "Den Haag, 29 mei 2017", "Paris, le 3 mars", "KYIV -" at the end of its line
_DATE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:,|—|–|-|:)[ \t]*(?:\d|\w+ \d|$)")
# "KYIV, March 3 (Reuters) - ", "LOMÉ (AFP) - ", "DEN HAAG - ": an optional date and agency, then a dash
_DASH_AFTER = re.compile(r"[ \t]*(?:,[^\n()\-–—]{1,30})?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[-–—][ \t]+\S")
