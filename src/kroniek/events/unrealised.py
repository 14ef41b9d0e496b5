"""Acts reported as not done are no events (issue 13, spurious events of round 9).

PLOVER codes what happened. An act the article says did not or will not happen ("Nortland will not
negotiate with rebels", "Sudland hat keine Waffen geliefert", "wij onderhandelen niet met ...") is coded by
the annotators as a refusal (REJECT with the act as its proposition) or not at all, never as the act itself.
The stage marks such an act ``negated`` (events/qualify.py); for the material acts and meetings listed in
the stage setting ``unrealised_acts`` this module lets it go (fate "act reported as not done"). Speech acts
keep their negated reading ("did not accuse", "nicht gefordert"): gold codes some of those negated.

Measured on the train split (round 9): 53 negated events of these types were scored, 3 of them matched
(6%); of the speech acts 30 of 101 (30%), too many to drop.
"""

from __future__ import annotations

from kroniek.chronicle.types import EVENT_TYPES
from kroniek.document import DroppedTrigger, EventRecord
from kroniek.errors import KroniekError
from kroniek.events import fates

# the types whose negated events are dropped (config/default.toml lists the same); read only
UNREALISED_TYPES = [
    "AID",
    "ASSAULT",
    "COERCE",
    "CONSULT",
    "COOPERATE",
    "MOBILIZE",
    "PROTEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
]


def checked_types(names: object) -> frozenset[str]:
    """The ``unrealised_acts`` setting: a list of event types (E450 names a value that is none)."""
    known = ", ".join(EVENT_TYPES)
    if isinstance(names, str) or not isinstance(names, list | tuple | set | frozenset):
        raise KroniekError("E450", value=names, known=known)
    for name in names:
        if name not in EVENT_TYPES:
            raise KroniekError("E450", value=name, known=known)
    return frozenset(names)


def drop_unrealised(events: list[EventRecord], types: frozenset[str]) -> tuple[list[EventRecord], list[DroppedTrigger]]:
    """The events to report, and the fates of the negated acts of ``types`` let go."""
    kept: list[EventRecord] = []
    dropped: list[DroppedTrigger] = []
    for event in events:
        if event.modality == "negated" and event.event in types:
            dropped.append(fates.dropped_event(event, fates.NOT_DONE))
        else:
            kept.append(event)
    return kept, dropped
