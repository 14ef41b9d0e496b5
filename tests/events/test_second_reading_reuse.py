"""The model's second reading reuses the sentences its signals leave alone, and gives exactly the events a
full second reading gives."""

from events_support import make_doc

from kroniek.events.clauses import TokenIndex
from kroniek.events.learned import ModelSignals
from kroniek.events.lexicon import TriggerEntry
from kroniek.events.stage import EventsStage

TEXT = (
    "Russia attacked Ukraine on Monday. "
    "The French minister snubbed Germany. "
    "Germany criticised Russia. "
    "France praised Germany for its help."
)
ACTORS = {"Russia": ["Russia"], "Ukraine": ["Ukraine"], "France": ["France", "French"], "Germany": ["Germany"]}


def _token(doc, word: str) -> int:
    return next(t.i for t in doc.nlp if t.text == word)


def _proposal(word: str) -> TriggerEntry:
    return TriggerEntry(
        id="model:COERCE", forms=((word,),), event="COERCE", kind="verb", gloss="test", confidence=0.5, stem=False
    )


def _readings_both_ways(signals_for):
    doc = make_doc(TEXT, "en", ACTORS)
    stage = EventsStage(event_model="none")
    lexicon = stage.lexicon("en")
    index = TokenIndex(doc.nlp)
    first = stage._read_sentences(doc, lexicon, index, ModelSignals())
    signals = signals_for(doc)
    reused = stage._read_sentences(doc, lexicon, index, signals, first)
    full = stage._read_sentences(doc, lexicon, index, signals)
    return first, reused, full


def test_a_proposal_recomputes_its_sentence_and_reuses_the_others() -> None:
    first, reused, full = _readings_both_ways(
        lambda doc: ModelSignals(proposals={_token(doc, "snubbed"): _proposal("snubbed")})
    )
    assert [r.events for r in reused] == [r.events for r in full]
    assert reused[0] is first[0]  # before the proposal: taken over as it was
    assert reused[1] is not first[1]  # the proposal's sentence is read again
    assert any(e.entry_id == "model:COERCE" for e in reused[1].events)


def test_a_veto_gives_the_same_events_as_a_full_second_reading() -> None:
    first, reused, full = _readings_both_ways(lambda doc: ModelSignals(vetoed=frozenset({_token(doc, "criticised")})))
    assert [r.events for r in reused] == [r.events for r in full]
    assert not any(e.entry_id and "critic" in e.entry_id for r in reused for e in r.events)
    assert reused[1] is first[1]
