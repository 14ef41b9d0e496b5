"""Issue 2's acceptance on the bundled sample article: the four events a reader must find.

The sample is the one article text the project bundles; nothing in src/ knows its wording, so this
checks the general machinery (triggers, modality, propositions, dates, places, quantities) end to end.
"""

from __future__ import annotations

import pytest

from kroniek.chronicle.models import Chronicle, Event
from kroniek.extractor import Extractor


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Chronicle:
    return Extractor().extract(seed_text, published="2025-03-19", id="seed")


def names(chronicle: Chronicle, ids: list[str]) -> set[str]:
    by_id = {a.id: a.name for a in chronicle.actors}
    return {by_id[i] for i in ids}


def find(chronicle: Chronicle, event: str, mode: str | None = None) -> list[Event]:
    return [e for e in chronicle.events if e.event == event and (mode is None or e.mode == mode)]


@pytest.mark.xfail(
    strict=True,
    reason="issue 11: the discourse rules that dated this event were fitted to the sample article and are gone; "
    "discourse-level dates are the next quality push",
)
def test_phone_call(seed: Chronicle) -> None:
    calls = [e for e in find(seed, "CONSULT", "phone") if e.date and e.date.value == "2025-03-18"]
    assert calls, "no CONSULT/phone dated 2025-03-18"
    assert {"Donald Trump", "Vladimir Putin"} <= names(seed, calls[0].actor + calls[0].recipient)


def test_putins_promise(seed: Chronicle) -> None:
    promises = [
        e
        for e in find(seed, "AGREE")
        if e.proposition
        and e.proposition.event == "RETREAT"
        and e.proposition.mode == "ceasefire"
        and e.proposition.duration == "P30D"
        and "Vladimir Putin" in names(seed, e.actor)
    ]
    assert promises, "no AGREE by Putin with a RETREAT/ceasefire P30D proposition"


@pytest.mark.xfail(
    strict=True,
    reason="issue 11: the discourse rules that dated this event were fitted to the sample article and are gone; "
    "discourse-level dates are the next quality push",
)
def test_prisoner_exchange(seed: Chronicle) -> None:
    exchanges = [
        e
        for e in find(seed, "RETREAT", "release")
        if any(q.value == 175 for q in e.quantities)
        and e.modality == "planned"
        and e.date
        and e.date.value == "2025-03-19"
    ]
    assert exchanges, "no planned RETREAT/release of 175 on 2025-03-19"


def test_jeddah_talks(seed: Chronicle) -> None:
    talks = [
        e
        for e in find(seed, "CONSULT")
        if e.modality == "planned"
        and e.date
        and e.date.value == "2025-03-23"
        and e.location
        and e.location.name == "Jeddah"
    ]
    assert talks, "no planned CONSULT in Jeddah on 2025-03-23"
