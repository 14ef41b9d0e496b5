"""Event dates, round 7 (issue 14): the words of a timex never count as the verb that governs it. Every
sentence here is written for these tests."""

from events_support import make_doc

from kroniek.document import ArticleDoc
from kroniek.events.stage import EventsStage
from kroniek.statements.stage import StatementsStage

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}
PUBLISHED = "2025-03-19"


def run(text: str, lang: str, timexes: list[tuple[str, str, str]]) -> ArticleDoc:
    doc = make_doc(text, lang, STATES, timexes=timexes, published=PUBLISHED)
    StatementsStage()(doc)
    EventsStage()(doc)
    return doc


def test_a_timex_word_tagged_as_a_participle_still_dates_the_act_nl():
    # the Dutch tagger reads "volgende" in "volgende week" as a participle modifying "week"
    doc = run(
        "Nortland stuurt volgende week een delegatie naar Sudland om te bemiddelen.",
        "nl",
        [("volgende week", "DATE", "2025-W13")],
    )
    dated = [e for e in doc.events if e.event == "CONSULT"]
    assert dated and all(e.date is not None and e.date.value == "2025-W13" for e in dated)
