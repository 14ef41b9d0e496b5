"""Page stamps: time expressions that date the page, not anything it reports.

``mark_page_stamps(doc)`` sets ``TimexRecord.stamp`` on every timex that stands on a short line opening
with a stamp word ("Published: 19 March 2025", "Stand: 18.03.2025 14:05 Uhr", "Gepubliceerd: …", "Mis à
jour le …") or on a byline that carries a time ("By Jane Roe, 14:32", "Von Max Muster | 12.03.2025").
The events stage never dates an event by one; the time stage keeps them, since they are timexes all the
same. The words are per language in ``lang/<code>/words.toml`` (``page_stamps``, ``bylines``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kroniek import lang as lang_packs
from kroniek.document import ArticleDoc
from kroniek.lang.text import alternation

STAMP_LINE_MAX = 120  # characters: a stamp or byline is a short line of its own, not a sentence of the report


NAME = r"[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+)+"  # two or more capitalised words: the author
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


@lru_cache(maxsize=16)  # one entry per language
def _patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(a line that opens with a stamp word, a line that opens with a byline word and an author's name)."""
    pack = lang_packs.get(lang)

    def opening(words: list[str]) -> str:
        return "(?i:" + alternation(words) + ")"

    stamps = pack.words("words", "page_stamps")
    bylines = pack.words("words", "bylines")
    stamp = re.compile(r"^\s*" + opening(stamps) + r"\b") if stamps else None
    byline = re.compile(r"^\s*" + opening(bylines) + r"\s+" + NAME) if bylines else None
    return stamp, byline


def mark_page_stamps(doc: ArticleDoc) -> None:
    """Mark the timexes that stamp the page (see the module doc). A byline counts only when its line
    carries a clock time ("By Jane Roe, 14:32"), so that "By Tuesday, Russia had …" stays a sentence."""
    if doc.lang not in lang_packs.SUPPORTED:
        return
    stamp, byline = _patterns(doc.lang)
    text = doc.text
    for timex in doc.timexes:
        line_start = text.rfind("\n", 0, timex.start) + 1
        line_end = text.find("\n", timex.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if len(line) > STAMP_LINE_MAX:
            continue
        if (stamp is not None and stamp.match(line)) or (
            byline is not None and byline.match(line) and CLOCK.search(line)
        ):
            timex.stamp = True
