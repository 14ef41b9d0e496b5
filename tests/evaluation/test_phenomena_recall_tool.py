"""tools/phenomena_recall.py: recall of required gold events by hard-case tag and language. The article is
written for this test."""

from collections import defaultdict
from collections.abc import Callable
from types import ModuleType

from kroniek.chronicle.models import Actor, Article, Chronicle, Event, Span
from kroniek.evaluation.gold import GoldChronicle, GoldEventExtras

TEXT = "Westmark urged both sides to stop. Nortland spoke of a provocation. Nortland shelled Sudland."
ACTORS = [
    Actor(id="a1", name="Nortland", kind="state"),
    Actor(id="a2", name="Sudland", kind="state"),
    Actor(id="a3", name="Westmark", kind="state"),
]


def _event(eid: str, kind: str, trigger: str, actor: list[str], recipient: list[str]) -> Event:
    start = TEXT.index(trigger)
    end = TEXT.index(".", start) + 1
    sentence = TEXT[TEXT.rfind(".", 0, start) + 1 : end].strip()
    s = TEXT.index(sentence)
    return Event(
        id=eid,
        event=kind,  # type: ignore[arg-type]
        trigger=Span(text=trigger, start=start, end=start + len(trigger)),
        evidence=Span(text=sentence, start=s, end=s + len(sentence)),
        actor=actor,
        recipient=recipient,
    )


def _chronicle(events: list[Event]) -> Chronicle:
    return Chronicle(article=Article(id="t", language="en", text=TEXT), actors=ACTORS, events=events)


def test_recall_and_participants_by_tag(load_script: Callable[[str], ModuleType]) -> None:
    tool = load_script("tools/phenomena_recall.py")
    gold_events = [
        _event("g1", "REQUEST", "urged", ["a3"], ["a1", "a2"]),
        _event("g2", "ACCUSE", "spoke of", ["a1"], []),
        _event("g3", "ASSAULT", "shelled", ["a1"], ["a2"]),
    ]
    extras = {
        "g1": GoldEventExtras(phenomena=("collective_participant",)),
        "g2": GoldEventExtras(phenomena=("implicit_speech_act",)),
    }
    gold = GoldChronicle(key="t", path=None, chronicle=_chronicle(gold_events), extras=extras)
    pred = _chronicle(
        [
            _event("p1", "REQUEST", "urged", ["a3"], []),  # matched, the parties lost
            _event("p3", "ASSAULT", "shelled", ["a1"], ["a2"]),  # matched whole
        ]
    )
    table = defaultdict(tool.Cell)
    missed = tool.tally(gold, pred, table)
    assert (table[("collective_participant", "en")].gold, table[("collective_participant", "en")].matched) == (1, 1)
    assert table[("collective_participant", "all")].participants == 0
    assert (table[("implicit_speech_act", "en")].gold, table[("implicit_speech_act", "en")].matched) == (1, 0)
    assert table[("(none)", "en")].participants == 1
    assert [tag for tag, _ in missed] == ["implicit_speech_act"]
