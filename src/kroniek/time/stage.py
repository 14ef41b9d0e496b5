"""The time stage (``time.timexes/v1``): time expressions with TIMEX3 values in doc.timexes.

Relative expressions ("dinsdag", "vorige week", "drie weken geleden") resolve against
doc.published. Without a publication date they stay underspecified ("XXXX-WXX-2",
anchored=False) and the document records a note. A bare weekday ("woensdag", "on Sunday") is resolved
by the tense of its sentence, and both of its readings are recorded in ``TimexRecord.readings``
({"past": ..., "future": ...}), so that the events stage can pick one by the event's modality.
"""

from __future__ import annotations

from functools import lru_cache

from kroniek import lang as lang_packs
from kroniek.document import ArticleDoc
from kroniek.lang import SUPPORTED
from kroniek.lang.text import normalise
from kroniek.time.ranges import order_ranges
from kroniek.time.resolve import reanchor
from kroniek.time.stamps import mark_page_stamps
from kroniek.time.tagger import tagger_for


class TimeStage:
    name = "time.timexes/v1"
    requires = ("nlp",)
    provides = ("timexes",)

    def __init__(self, languages: tuple[str, ...] | None = None) -> None:
        self.languages = tuple(languages) if languages is not None else SUPPORTED

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        if doc.lang not in self.languages:
            doc.notes.append(f"time: no temporal lexicon for language {doc.lang!r}; no timexes tagged")
            return doc
        tagger = tagger_for(doc.lang, counted_noun_words(doc.lang))
        doc.timexes = tagger.tag(doc)
        for timex in doc.timexes:
            if timex.direction is not None and doc.published is not None:
                timex.readings = {way: reanchor(timex, doc.published, way).value for way in ("past", "future")}
        order_ranges(doc, doc.timexes, tagger.lex)
        mark_page_stamps(doc)
        unresolved = [t for t in doc.timexes if not t.anchored]
        if unresolved:
            doc.notes.append(
                f"time: no publication date, so {len(unresolved)} relative time expression(s) "
                f"stay unresolved "
                f"(e.g. {doc.text[unresolved[0].start : unresolved[0].end]!r} = {unresolved[0].value})"
            )
        return doc


@lru_cache(maxsize=16)  # one entry per language: bounded (docs/reliability.md)
def counted_noun_words(lang: str) -> frozenset[str]:
    """First words of the nouns that numbers count in ``lang`` (lang/<code>/quantities.toml): a four-digit
    number before one is a count, not a year ("2000 soldaten")."""
    nouns = lang_packs.get(lang).table("quantities").get("nouns", {})
    return frozenset(normalise(form).split()[0] for forms in nouns.values() for form in forms)


def make_time_stage(languages: list[str] | None = None) -> TimeStage:
    """Factory named in the registry; ``languages`` (default: every language in kroniek/lang) limits the stage."""
    return TimeStage(tuple(languages) if languages else None)
