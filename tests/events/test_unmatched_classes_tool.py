"""tools/unmatched_classes.py: why a gold event with a prediction in its evidence is still missed."""

from collections.abc import Callable
from types import ModuleType

from kroniek.chronicle.models import Actor, Article, Chronicle, Event, Span
from kroniek.evaluation.gold import GoldChronicle
from kroniek.evaluation.scorer import score_article

TEXT = "Nortland attacked Sudland, the Nortland ministry said. Envoys from Westland met Sudland."


def _span(words: str) -> Span:
    start = TEXT.index(words)
    return Span(text=words, start=start, end=start + len(words))


def _event(eid: str, kind: str, trigger: str, sentence: str, actor: list[str], recipient: list[str], **kw) -> Event:
    return Event(
        id=eid, event=kind, trigger=_span(trigger), evidence=_span(sentence), actor=actor, recipient=recipient, **kw
    )


def _actor(aid: str, name: str, kind: str, mention: str, country: str | None = None) -> Actor:
    return Actor(id=aid, name=name, kind=kind, country=country, mentions=[_span(mention)])  # type: ignore[arg-type]


FIRST = "Nortland attacked Sudland, the Nortland ministry said."
SECOND = "Envoys from Westland met Sudland."
ARTICLE = Article(id="t", language="en", text=TEXT)


def _classes(tool: ModuleType, pred_events: list[Event], pred_actors: list[Actor]) -> dict[str, str]:
    gold_actors = [
        _actor("a1", "Nortland", "state", "Nortland attacked", "NOR"),
        _actor("a2", "Sudland", "state", "Sudland,", "SUD"),
        _actor("a3", "Westland", "state", "Westland", "WES"),
    ]
    gold_events = [
        _event("g1", "ASSAULT", "attacked", FIRST, ["a1"], ["a2"]),
        _event("g2", "CONSULT", "met", SECOND, ["a3"], ["a2"]),
    ]
    gold = GoldChronicle(
        key="t", path=None, chronicle=Chronicle(article=ARTICLE, actors=gold_actors, events=gold_events)
    )
    pred = Chronicle(article=ARTICLE, actors=pred_actors, events=pred_events)
    return {g.id: kind for g, _, kind, _ in tool.classified_unmatched(gold, pred, score_article(gold, pred))}


def test_misses_are_classed_by_type_and_participants(load_script: Callable[[str], ModuleType]) -> None:
    tool = load_script("tools/unmatched_classes.py")
    ministry = _actor("p1", "Nortland Ministry", "organization", "Nortland ministry", "NOR")
    sudland = _actor("p2", "Sudland", "state", "Sudland,", "SUD")
    envoy = _actor("p3", "Westland envoys", "group", "Envoys from Westland", "WES")
    # the ministry that reports the attack is its actor: the reporter (its source) as participant; the
    # meeting's prediction names Sudland but has another type
    classes = _classes(
        tool,
        [
            _event("e1", "ASSAULT", "attacked", FIRST, ["p1"], [], source="p1"),
            _event("e2", "ACCUSE", "met", SECOND, ["p2"], []),
        ],
        [ministry, sudland, envoy],
    )
    assert classes == {"g1": tool.SOURCE, "g2": tool.WRONG_TYPE}
    # right type, but only the envoys (a group of Westland where the gold has the state) are linked
    classes = _classes(tool, [_event("e2", "CONSULT", "met", SECOND, ["p3"], [])], [envoy])
    assert classes == {"g2": tool.OTHER_KIND}


def test_a_matched_event_is_not_classed(load_script: Callable[[str], ModuleType]) -> None:
    tool = load_script("tools/unmatched_classes.py")
    westland = _actor("p4", "Westland", "state", "Westland", "WES")
    classes = _classes(tool, [_event("e2", "CONSULT", "met", SECOND, ["p4"], [])], [westland])
    assert classes == {}
