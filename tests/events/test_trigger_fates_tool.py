"""tools/trigger_fates.py: what became of a missed gold event, from the predictions and dropped triggers."""

from collections.abc import Callable
from types import ModuleType

from kroniek.chronicle.models import Event, Span
from kroniek.document import DroppedTrigger
from kroniek.events import fates

TEXT = "De gesprekken duurden lang. Polen veroordeelde de aanval."


def _event(event_type: str, start: int, end: int, trigger: tuple[int, int] | None = None) -> Event:
    span = Span(text=TEXT[start:end], start=start, end=end)
    spans = Span(text=TEXT[trigger[0] : trigger[1]], start=trigger[0], end=trigger[1]) if trigger else None
    return Event(id="e1", event=event_type, evidence=span, trigger=spans)


def test_a_miss_is_sorted_by_prediction_dropped_trigger_or_nothing(load_script: Callable[[str], ModuleType]) -> None:
    tool = load_script("tools/trigger_fates.py")
    first = TEXT.index(".") + 1
    talks = _event("CONSULT", 0, first, (3, 13))
    dropped = [
        DroppedTrigger(3, 13, "CONSULT", "nl.gesprek", fates.NO_PARTICIPANT),
        DroppedTrigger(TEXT.index("aanval"), TEXT.index("aanval") + 6, "ASSAULT", "nl.aanval", fates.PROPOSITION),
    ]
    assert tool._fate_of_miss(talks, [], dropped) == fates.NO_PARTICIPANT
    assert tool._fate_of_miss(talks, [_event("ACCUSE", 0, 10)], dropped) == tool.PREDICTED
    assert tool._fate_of_miss(talks, [], []) == tool.NO_TRIGGER
    # the dropped trigger on the gold trigger wins over another one in the evidence
    both = _event("ASSAULT", 0, len(TEXT), (TEXT.index("aanval"), TEXT.index("aanval") + 6))
    assert tool._fate_of_miss(both, [], dropped) == fates.PROPOSITION
