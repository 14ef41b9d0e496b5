"""Re-mentions inside one article: "Putin agreed to a 30-day pause. … The agreement on the pause …"
reports one act twice; the chronicle lists it once, with the evidence of its fullest mention.

Two events are mentions of one act when they have the same type, the same polarity (modality), the same
proposition type (two promises by one leader are two promises when they promise different things), a
compatible mode (equal, or one of them without), exactly the same actors and the same recipients (at
least one participant named), and the same date. Undated mentions are never merged: an article that
lists several demands or attacks of the same parties without dates reports several acts (measured:
merging undated mentions cost 10 of 145 matched events on the dev gold set, a declaration's demands
among them). This is the store's fusion (store/fusion.py) inside one article, where fusion never merges.
"""

from __future__ import annotations

from kroniek.document import EventRecord


def merge_rementions(events: list[EventRecord]) -> list[EventRecord]:
    """The events of one article, each act once: later mentions merge into the first mention of their act,
    which takes the evidence, trigger and fields of the fullest of them."""
    kept: list[EventRecord] = []
    for event in events:
        same = next((k for k in kept if same_act(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        _absorb(same, event)
    return kept


def same_act(a: EventRecord, b: EventRecord) -> bool:
    """Whether two events of one article report the same act (see the module's rules)."""
    if a.event != b.event or a.modality != b.modality:
        return False
    if not (a.actor or a.recipient) or set(a.actor) != set(b.actor) or set(a.recipient) != set(b.recipient):
        return False
    if a.mode is not None and b.mode is not None and a.mode != b.mode:
        return False
    a_prop = a.proposition.event if a.proposition is not None else None
    b_prop = b.proposition.event if b.proposition is not None else None
    if a_prop is not None and b_prop is not None and a_prop != b_prop:
        return False
    return a.date is not None and b.date is not None and a.date.value == b.date.value


def fullness(event: EventRecord) -> tuple[int, int]:
    """How much a mention says: its filled fields, then the length of its evidence."""
    filled = sum(
        (
            event.mode is not None,
            event.proposition is not None,
            event.date is not None,
            event.location is not None,
            event.duration is not None,
            bool(event.quantities),
            event.source is not None,
        )
    )
    return filled, event.evidence.end - event.evidence.start


def _absorb(kept: EventRecord, other: EventRecord) -> None:
    """Merge ``other`` into ``kept`` in place: the fuller mention's evidence, trigger and fields win; a
    field only the other mention fills is taken from it."""
    fuller, lesser = (other, kept) if fullness(other) > fullness(kept) else (kept, other)
    note = f"re-mention: {lesser.entry_id} at {lesser.evidence.start}:{lesser.evidence.end}"
    merged = list(kept.explain.get("merged", [])) + list(other.explain.get("merged", [])) + [note]
    if fuller is other:
        kept.evidence, kept.trigger, kept.explain = other.evidence, other.trigger, dict(other.explain)
        kept.entry_id, kept.trigger_kind = other.entry_id, other.trigger_kind
    kept.explain["merged"] = merged
    for name in ("mode", "proposition", "date", "location", "duration", "source"):
        if getattr(fuller, name) is not None:
            setattr(kept, name, getattr(fuller, name))
        elif getattr(lesser, name) is not None:
            setattr(kept, name, getattr(lesser, name))
    kept.quantities = list(fuller.quantities or lesser.quantities)
    kept.confidence = max(kept.confidence, other.confidence)
