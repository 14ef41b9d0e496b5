"""Acts only offered are no events (issue 13, spurious events of round 9): "Nortland offered Sudland talks",
"bood Sudland hulp aan", "bot den Studenten Gespräche an" report no talks and no aid yet. The annotators code
the offer (a promise, AGREE) or nothing, never the meeting or the aid as done.

events/attempts.py lets an offered act go when its verb stands in an infinitive ("offered to mediate"); this
module takes the nominal act: a noun trigger of a type in the stage setting ``offered_acts`` with an offer
word (``[cues].offer_words``) before it in its evidence, a few words back, and no other event's trigger in
between (that trigger would govern the noun instead). An offered resignation is not in the list: the
annotators code "bood zijn ontslag aan" as the resignation (RETREAT).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from kroniek.document import DroppedTrigger, EventRecord
from kroniek.events import fates
from kroniek.events.lexicon import Lexicon
from kroniek.events.token_table import token_table
from kroniek.events.unrealised import checked_types

# the types whose offered nouns are let go (config/default.toml lists the same); read only
OFFERED_TYPES = ["AID", "CONSULT", "COOPERATE"]
_REACH = 10  # tokens from the offer word to the noun: "invited X and Y to talks", "bot … zugleich an, die … Gespräche"


def checked_offered(names: object) -> frozenset[str]:
    """The ``offered_acts`` setting: a list of event types (E450)."""
    return checked_types(names, "offered_acts")


def drop_offered(
    nlp: Any, events: list[EventRecord], lexicon: Lexicon, types: frozenset[str]
) -> tuple[list[EventRecord], list[DroppedTrigger]]:
    """The events to report, and the fates of the nominal acts only offered."""
    words = lexicon.cues.offer_words
    if not types or not words or nlp is None or len(nlp) == 0:
        return events, []
    table = token_table(nlp)
    starts = [t.idx for t in nlp]
    trigger_starts = sorted(e.trigger[0].start for e in events if e.trigger)
    kept: list[EventRecord] = []
    dropped: list[DroppedTrigger] = []
    for event in events:
        if event.event in types and event.trigger_kind == "noun" and event.trigger:
            if _offered(table, starts, event, words, trigger_starts):
                dropped.append(fates.dropped_event(event, fates.ATTEMPTED))
                continue
        kept.append(event)
    return kept, dropped


def _offered(
    table: Any, starts: list[int], event: EventRecord, words: frozenset[str], trigger_starts: list[int]
) -> bool:
    noun = max(0, bisect_right(starts, event.trigger[0].start) - 1)
    first = max(0, bisect_right(starts, event.evidence.start) - 1, noun - _REACH)
    for k in range(noun - 1, first - 1, -1):
        if table.lowers[k] in words or table.lemmas[k] in words:
            between = (s for s in trigger_starts if starts[k] < s < event.trigger[0].start)
            return next(between, None) is None
    return False
