"""tools/group_misses.py: gold group mentions the actors stage missed, by class and construction."""

from collections.abc import Callable
from types import ModuleType

from kroniek.chronicle.models import Actor, Article, Chronicle, Event, Span


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(text=words, start=start, end=start + len(words))


def test_constructions(load_script: Callable[[str], ModuleType]) -> None:
    construction = load_script("tools/group_misses.py").construction
    assert construction(["27", "burgers"]) == "number"
    assert construction(["hundreds", "of", "farmers"]) == "number"
    assert construction(["students", "and", "workers"]) == "coordinated"
    assert construction(["the", "protesters"]) == "plain"


def test_rows_classify_missed_group_mentions(load_script: Callable[[str], ModuleType]) -> None:
    tool = load_script("tools/group_misses.py")
    text = "Police arrested 40 protesters and two gunmen. The fishermen watched while the onlookers cheered."
    protesters = Actor(id="a1", name="protesters", kind="group", mentions=[_span(text, "40 protesters")])
    gunmen = Actor(id="a2", name="gunmen", kind="group", mentions=[_span(text, "two gunmen")])
    fishermen = Actor(id="a3", name="fishermen", kind="group", mentions=[_span(text, "The fishermen")])
    onlookers = Actor(id="a4", name="onlookers", kind="group", mentions=[_span(text, "the onlookers")])
    arrest = Event(id="e1", event="COERCE", recipient=["a1", "a2"], evidence=_span(text, "Police arrested"))
    watch = Event(id="e2", event="PROTEST", actor=["a3"], evidence=_span(text, "The fishermen watched"))
    gold = Chronicle(
        article=Article(id="t1", language="en", text=text),
        actors=[protesters, gunmen, fishermen, onlookers],
        events=[arrest, watch],
    )
    lists = {("en", "protesters"): True, ("en", "fishermen"): False}
    found = [(text.index("protesters"), text.index("protesters") + len("protesters"))]
    rows = {r["head"]: r for r in tool.article_rows(gold, found, lists)}
    assert rows["protesters"]["class"] == "found" and rows["protesters"]["construction"] == "number"
    assert rows["gunmen"]["class"] == "absent" and rows["gunmen"]["construction"] == "number"
    assert rows["fishermen"]["class"] == "listed, not bare"
    assert "onlookers" not in rows  # a group that is no event's participant is not counted
