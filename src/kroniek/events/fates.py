"""Where triggers die: the reasons the events stage lets a trigger word go without an event.

The stage records every trigger it finds but does not report on ``doc.dropped_triggers`` with one of
these reasons; ``kroniek explain`` lists them and tools/trigger_fates.py counts them per corpus split
(docs/events.md), so that a rule change can be judged by the losses it removes.
"""

from __future__ import annotations

from typing import Any

from kroniek.document import DroppedTrigger, EventRecord

# a verb form used as a modifier ("the US-led forces"), a charge ("murder charges"), a participle
# describing a noun ("the detained journalists"): another word sense, no event
WORD_SENSE = "word sense"
INSIDE_NAME = "inside a name"  # "Popular Mobilization Forces"
PROPOSITION = "proposition of another trigger"  # "demanded that Russia withdraw": typed, not reported
ALLEGATION = "content of an accusation"  # "accused Kyiv of shelling": alleged, not reported as done
CONDITION = "condition of another act"  # "would respond if Nortland attacked": the attack is no event
ATTEMPTED = "only attempted or wanted"  # "tried to meet Y": no meeting (events/attempts.py)
NOT_DONE = "act reported as not done"  # "will not negotiate": a refusal, not a meeting (events/unrealised.py)
NO_PARTICIPANT = "no participant"  # neither actor nor recipient found
NOUN_RECIPIENT_ONLY = "noun with only a recipient"  # "support to X"
LOW_CONFIDENCE = "below min_confidence"
MERGED = "merged with another mention"  # a second trigger of one event: not a loss

DROP_REASONS = (
    WORD_SENSE,
    INSIDE_NAME,
    PROPOSITION,
    ALLEGATION,
    CONDITION,
    ATTEMPTED,
    NOT_DONE,
    NO_PARTICIPANT,
    NOUN_RECIPIENT_ONLY,
    LOW_CONFIDENCE,
    MERGED,
)


def dropped(nlp: Any, match: Any, reason: str) -> DroppedTrigger:
    """The record of a trigger match (events.triggers.TriggerMatch) let go for ``reason``."""
    last = nlp[match.end - 1]
    return DroppedTrigger(
        start=int(nlp[match.start].idx),
        end=int(last.idx) + len(last.text),
        event=match.entry.event,
        entry_id=match.entry.id,
        reason=reason,
    )


def dropped_event(event: EventRecord, reason: str) -> DroppedTrigger:
    """The record of an event let go after it was made (below min_confidence), at its first trigger."""
    return DroppedTrigger(event.trigger[0].start, event.trigger[0].end, event.event, event.entry_id, reason)
