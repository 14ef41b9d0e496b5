"""Small hand-written gold and predicted chronicles about invented countries and people."""

from __future__ import annotations

import copy
from typing import Any

import pytest

# Written for these tests (fictional actors); the last sentence repeats a word on purpose.
TEXT = (
    "Valdoria eist terugtrekking. Minister Jansen belde dinsdag met president Okoro over de grens. "
    "Okoro beloofde hulp aan Morland. Jansen zei: \u201eWij blijven praten.\u201d Valdoria eist ook geld."
)


def gold_dict() -> dict[str, Any]:
    return {
        "format": "chronicle/1",
        "article": {"id": "t1", "published": "2024-05-08", "language": "nl", "text": TEXT},
        "actors": [
            {
                "id": "a1",
                "name": "Valdoria",
                "kind": "state",
                "country": "VLD",
                "sector": "GOV",
                "wikidata": None,
                "mentions": [{"text": "Valdoria"}],
            },
            {
                "id": "a2",
                "name": "Piet Jansen",
                "kind": "person",
                "country": "VLD",
                "sector": "GOV",
                "wikidata": None,
                "mentions": [{"text": "Minister Jansen"}, {"text": "Jansen", "occurrence": 2}],
            },
            {
                "id": "a3",
                "name": "Ada Okoro",
                "kind": "person",
                "country": "MRL",
                "sector": "GOV",
                "wikidata": "Q999001",
                "mentions": [{"text": "president Okoro"}, {"text": "Okoro", "occurrence": 2}],
            },
            {
                "id": "a4",
                "name": "Morland",
                "kind": "state",
                "country": "MRL",
                "sector": "GOV",
                "wikidata": None,
                "mentions": [{"text": "Morland"}],
            },
        ],
        "events": [
            {
                "id": "e1",
                "event": "REQUEST",
                "actor": ["a1"],
                "recipient": [],
                "modality": "asserted",
                "proposition": {"event": "RETREAT", "mode": "withdraw", "text": "withdraw", "duration": None},
                "trigger": {"text": "eist"},
                "evidence": {"text": "Valdoria eist terugtrekking."},
            },
            {
                "id": "e2",
                "event": "CONSULT",
                "mode": "phone",
                "actor": ["a2", "a3"],
                "recipient": [],
                "modality": "asserted",
                "date": {"value": "2024-05-07", "precision": "day", "text": "dinsdag"},
                "trigger": {"text": "belde"},
                "evidence": {"text": "Minister Jansen belde dinsdag met president Okoro over de grens."},
            },
            {
                "id": "e3",
                "event": "AGREE",
                "actor": ["a3"],
                "recipient": ["a4"],
                "modality": "asserted",
                "proposition": {"event": "AID", "mode": None, "text": "aid", "duration": None},
                "trigger": {"text": "beloofde"},
                "evidence": {"text": "Okoro beloofde hulp aan Morland."},
                "alternatives": ["AID"],
            },
            {
                "id": "e4",
                "event": "REQUEST",
                "actor": ["a1"],
                "recipient": [],
                "modality": "asserted",
                "proposition": {"event": "AID", "mode": None, "text": "money", "duration": None},
                "trigger": {"text": "eist"},
                "evidence": {"text": "Valdoria eist ook geld."},
                "optional": True,
            },
        ],
        "statements": [
            {
                "speaker": "a2",
                "text": {"text": "Wij blijven praten."},
                "direct": True,
                "cue": {"text": "zei"},
                "channel": None,
            },
        ],
        "timexes": [{"text": "dinsdag", "type": "DATE", "value": "2024-05-07"}],
    }


def span(text: str, needle: str, occurrence: int = 1) -> dict[str, Any]:
    pos = -1
    for _ in range(occurrence):
        pos = TEXT.find(needle, pos + 1)
    assert pos >= 0, needle
    return {"text": needle, "start": pos, "end": pos + len(needle)}


def pred_dict() -> dict[str, Any]:
    """A prediction with offsets that gets every gold item right (tests then break it on purpose)."""
    from kroniek.evaluation.gold import parse_gold

    gold = parse_gold(gold_dict(), "t1")
    return gold.chronicle.model_dump()


@pytest.fixture
def gold() -> Any:
    from kroniek.evaluation.gold import parse_gold

    return parse_gold(gold_dict(), "t1")


@pytest.fixture
def pred() -> dict[str, Any]:
    return copy.deepcopy(pred_dict())
