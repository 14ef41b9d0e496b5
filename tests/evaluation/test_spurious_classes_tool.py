"""tools/spurious_classes.py: the class of a spurious prediction, from the gold and the predictions alone.
The article is written for this test."""

from collections.abc import Callable
from types import ModuleType

from kroniek.chronicle.models import Actor, Article, Chronicle, Event, Proposition, Span
from kroniek.evaluation.gold import GoldChronicle, GoldEventExtras

TEXT = (
    "Nortland demanded that Sudland withdraw its troops. "
    "Nortland sent riot police to the border. "
    "Nortland attacked Sudland on Monday. "
    "The attack on Sudland was condemned."
)
ACTORS = [Actor(id="a1", name="Nortland", kind="state"), Actor(id="a2", name="Sudland", kind="state")]


def _span(words: str, after: int = 0) -> Span:
    start = TEXT.index(words, after)
    return Span(text=words, start=start, end=start + len(words))


def _event(eid: str, kind: str, trigger: str, sentence: str, **fields: object) -> Event:
    evidence = _span(sentence)
    fields.setdefault("actor", ["a1"])
    return Event(id=eid, event=kind, trigger=_span(trigger, evidence.start), evidence=evidence, **fields)


def _chronicle(events: list[Event]) -> Chronicle:
    return Chronicle(article=Article(id="t", language="en", text=TEXT), actors=ACTORS, events=events)


DEMAND = "Nortland demanded that Sudland withdraw its troops."
RIOT = "Nortland sent riot police to the border."
ATTACK = "Nortland attacked Sudland on Monday."
AGAIN = "The attack on Sudland was condemned."


def _classes(tool: ModuleType) -> dict[str, str]:
    gold_events = [
        _event("g1", "REQUEST", "demanded", DEMAND, proposition=Proposition(event="RETREAT")),
        _event("g2", "ASSAULT", "attacked", ATTACK, recipient=["a2"]),
    ]
    gold = GoldChronicle(key="t", path=None, chronicle=_chronicle(gold_events), extras={"g2": GoldEventExtras()})
    pred_events = [
        _event("p1", "REQUEST", "demanded", DEMAND, actor=["a2"]),  # another actor: naming
        _event("p2", "RETREAT", "withdraw", DEMAND),  # the demanded act
        _event("p3", "PROTEST", "riot", RIOT),  # no gold event, never a gold PROTEST trigger
        _event("p4", "ASSAULT", "attacked", ATTACK, recipient=["a2"]),  # matched
        _event("p5", "ASSAULT", "attack", AGAIN, recipient=["a2"]),  # the same attack again
    ]
    pred = _chronicle(pred_events)
    known = tool.gold_trigger_words([gold])
    classifier = tool.Classifier(gold, pred, known)
    matched = {"p4"}
    return {e.id: classifier.classify(e, matched) for e in pred.events if e.id != "p4"}


def test_each_spurious_prediction_gets_its_class(load_script: Callable[[str], ModuleType]) -> None:
    classes = _classes(load_script("tools/spurious_classes.py"))
    assert classes["p1"] == "naming"
    assert classes["p2"] == "embedded"
    assert classes["p3"] == "wrong sense"
    assert classes["p5"] == "duplicate"
