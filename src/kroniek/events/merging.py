"""Article-level merges of the events stage: one event where the text reports one act more than once in a
row. A list ("X benoemd tot …;\nY benoemd tot …") is one appointment, a meeting named several times ("the
talks … the phone call") is one meeting, and two triggers of one act in one clause ("steun en waardering")
are one event with both triggers. Two coordinated acts of one clause ("imposed a curfew and suspended …",
events/conjuncts.touching_conjuncts) are not a list and stay apart. Moved out of events/stage.py (round 9)."""

from __future__ import annotations

from dataclasses import replace

from kroniek.document import CharSpan, EventRecord
from kroniek.events.conjuncts import touching_conjuncts


def merge_copy(event: EventRecord) -> EventRecord:
    """A copy that the article-level merges may change without changing ``event``: they extend its trigger,
    recipient, quantity and "merged" lists and replace its evidence and mode."""
    explain = {k: list(v) if isinstance(v, list) else v for k, v in event.explain.items()}
    return replace(
        event,
        trigger=list(event.trigger),
        recipient=list(event.recipient),
        quantities=list(event.quantities),
        explain=explain,
    )


def merge_lists(events: list[EventRecord], text: str) -> list[EventRecord]:
    """One event per list: "X benoemd tot …;\nY benoemd tot …" are one appointment with both appointees.
    Consecutive events from the same lexicon entry, with the same actors, whose evidence spans are
    separated only by punctuation and white space, are merged."""
    merged: list[EventRecord] = []
    for event in sorted(events, key=lambda e: e.evidence.start):
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.entry_id == event.entry_id
            and set(prev.actor) == set(event.actor)
            and prev.modality == event.modality
            and 0 <= event.evidence.start - prev.evidence.end <= 4
            and not text[prev.evidence.end : event.evidence.start].strip(" ;,\n\t-–•")
        ):
            if touching_conjuncts(text[prev.evidence.end : event.evidence.start]):
                # two acts of one clause: the later shares the earlier's date, as it shared it when merged
                event.date = event.date or prev.date
                merged.append(event)
                continue
            prev.evidence = CharSpan(prev.evidence.start, event.evidence.end)
            prev.trigger.extend(event.trigger)
            prev.recipient.extend(r for r in event.recipient if r not in prev.recipient)
            prev.quantities.extend(event.quantities)
            prev.explain.setdefault("merged", []).append("list item")
            continue
        merged.append(event)
    return merged


def merge_repeated_talks(events: list[EventRecord]) -> list[EventRecord]:
    """One article naming one meeting several times ("the talks between A and B ... the phone call ...
    in the conversation") reports one meeting: a CONSULT without a mode whose participants, date and
    modality equal those of a CONSULT with a mode (phone, visit) is another mention of it, not a second
    meeting. A nominal mention ("het gesprek") is dropped in favour of the specific one; a verbal one
    ("X spoke with Y") is the report itself: it stays and takes the mode, and the nominal specific
    mention ("the phone call") goes. Undated mentions are kept: without a date two talks cannot be told
    apart from one."""

    def key(e: EventRecord) -> tuple[frozenset[int], str, str]:
        assert e.date is not None
        return frozenset(e.actor) | frozenset(e.recipient), e.date.value, e.modality

    dropped: set[int] = set()
    for event in events:
        if event.event != "CONSULT" or event.mode is not None or event.date is None:
            continue
        same = next(
            (
                s
                for s in events
                if s.event == "CONSULT"
                and s.mode
                and s.date is not None
                and id(s) not in dropped
                and key(s) == key(event)
            ),
            None,
        )
        if same is None:
            continue
        if event.trigger_kind == "verb" and same.trigger_kind == "noun":
            event.mode = same.mode
            event.explain.setdefault("merged", []).append(f"repeated mention: {same.entry_id}")
            dropped.add(id(same))
        else:
            same.explain.setdefault("merged", []).append(f"repeated mention: {event.entry_id}")
            dropped.add(id(event))
    return [e for e in events if id(e) not in dropped]


def merge_into(events: list[EventRecord], event: EventRecord) -> bool:
    """Two triggers of one event in one clause ("steun en waardering", "during a call … discussed"): keep
    one event with both triggers."""
    for other in events:
        if (
            other.evidence == event.evidence
            and other.event == event.event
            and (other.mode == event.mode or other.mode is None or event.mode is None)
            and set(other.actor) == set(event.actor)
            and other.modality == event.modality
        ):
            other.mode = other.mode or event.mode  # "a phone call … discussed": the call's mode
            other.trigger.extend(t for t in event.trigger if t not in other.trigger)
            other.trigger.sort(key=lambda s: s.start)
            other.recipient.extend(r for r in event.recipient if r not in other.recipient)
            other.explain.setdefault("merged", []).append(event.entry_id)
            return True
    return False
