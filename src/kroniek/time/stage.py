"""The time stage (``time.timexes/v1``): time expressions with TIMEX3 values in doc.timexes.

Relative expressions ("dinsdag", "vorige week", "drie weken geleden") resolve against
doc.published. Without a publication date they stay underspecified ("XXXX-WXX-2",
anchored=False) and the document records a note. The events stage can re-resolve a bare
weekday once it knows the event's modality: see ``kroniek.time.resolve.reanchor``.
"""

from __future__ import annotations

from kroniek.document import ArticleDoc
from kroniek.time.lexicon import LANGUAGES
from kroniek.time.tagger import tagger_for


class TimeStage:
    name = "time.timexes/v1"
    requires = ("nlp",)
    provides = ("timexes",)

    def __init__(self, languages: tuple[str, ...] = LANGUAGES) -> None:
        self.languages = tuple(languages)

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        if doc.lang not in self.languages:
            doc.notes.append(f"time: no temporal lexicon for language {doc.lang!r}; no timexes tagged")
            return doc
        from kroniek.quantities.lexicon import counted_noun_words

        tagger = tagger_for(doc.lang, counted_noun_words(doc.lang))
        doc.timexes = tagger.tag(doc)
        unresolved = [t for t in doc.timexes if not t.anchored]
        if unresolved:
            doc.notes.append(
                f"time: no publication date, so {len(unresolved)} relative time expression(s) "
                f"stay unresolved "
                f"(e.g. {doc.text[unresolved[0].start : unresolved[0].end]!r} = {unresolved[0].value})"
            )
        return doc


def make_time_stage(languages: list[str] | None = None) -> TimeStage:
    return TimeStage(tuple(languages) if languages else LANGUAGES)
