"""Acts reported as not done are no events (issue 13, spurious events of round 9).

PLOVER codes what happened. An act the article says did not or will not happen ("Nortland will not
negotiate with rebels", "Sudland hat keine Waffen geliefert", "wij onderhandelen niet met ...") is coded by
the annotators as a refusal (REJECT with the act as its proposition) or not at all, never as the act itself.
The stage marks such an act ``negated`` (events/qualify.py); for the material acts and meetings listed in
the stage setting ``unrealised_acts`` this module lets it go (fate "act reported as not done"). Speech acts
keep their negated reading ("did not accuse", "nicht gefordert"): gold codes some of those negated.

A negation right after a future or volitional word (``[cues].refusal_modals``: "will not negotiate", "werde
keine Waffen liefern", "n'envisageait pas de rencontrer") is a refusal: with the stage setting
``negated_refusals`` the act becomes a REJECT by the same actor with the act as its proposition (the gold
convention, docs/annotation.md "refusal"), asserted. A plain past ("did not attack") stays dropped.

Measured on the train split (round 9): 53 negated events of these types were scored, 3 of them matched
(6%); of the speech acts 30 of 101 (30%), too many to drop.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Any

from kroniek.chronicle.types import EVENT_TYPES
from kroniek.document import DroppedTrigger, EventRecord, PropositionRecord
from kroniek.events import fates
from kroniek.events.lexicon import Lexicon
from kroniek.events.settings import checked_names
from kroniek.events.token_table import token_table

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
_MODAL_REACH = 3  # tokens before the negation in which a future or volitional word makes it a refusal


def checked_types(names: object, setting: str = "unrealised_acts") -> frozenset[str]:
    """A setting that lists event types (``unrealised_acts``, ``offered_acts``; E450 names a value that is none)."""
    return checked_names(names, EVENT_TYPES, "E450", setting)


def drop_unrealised(
    events: list[EventRecord],
    types: frozenset[str],
    nlp: Any = None,
    lexicon: Lexicon | None = None,
    refusals: bool = False,
) -> tuple[list[EventRecord], list[DroppedTrigger]]:
    """The events to report, and the fates of the negated acts of ``types`` let go; with ``refusals`` a
    negated act after a future or volitional word is reported as a REJECT of it instead."""
    kept: list[EventRecord] = []
    dropped: list[DroppedTrigger] = []
    for event in events:
        if event.modality == "negated" and event.event in types:
            cue = _refusal_cue(nlp, event, lexicon) if refusals else None
            if cue is not None:
                kept.append(as_refusal(event, cue))
            else:
                dropped.append(fates.dropped_event(event, fates.NOT_DONE))
        else:
            kept.append(event)
    return kept, dropped


def as_refusal(event: EventRecord, cue: str) -> EventRecord:
    """The refusal of a negated act: REJECT by the same parties, the act as its proposition."""
    act = PropositionRecord(event=event.event, mode=event.mode, text=event.event.lower())
    explain = {**event.explain, "refusal": f"negated {event.event} after {cue!r}"}
    return replace(event, event="REJECT", mode=None, modality="asserted", proposition=act, explain=explain)


def _refusal_cue(nlp: Any, event: EventRecord, lexicon: Lexicon | None) -> str | None:
    """The future or volitional word just before a negation in the event's evidence up to its trigger."""
    if nlp is None or lexicon is None or not event.trigger or len(nlp) == 0:
        return None
    cues = lexicon.cues
    if not cues.refusal_modals:
        return None
    table = token_table(nlp)
    starts = [t.idx for t in nlp]
    first = max(0, bisect_right(starts, event.evidence.start) - 1)
    last = max(0, bisect_right(starts, event.trigger[-1].start) - 1)
    for n in range(first, last + 1):
        if table.quote_lows[n] not in cues.negation:
            continue
        for k in range(max(first, n - _MODAL_REACH), n):
            if table.quote_lows[k] in cues.refusal_modals:
                return table.quote_lows[k]
    return None
