"""The model's type replaces a lexicon event's where it is sure of another (setting ``model_retype``, round 9)."""

from __future__ import annotations

from kroniek.document import CharSpan, EventRecord, PropositionRecord
from kroniek.events.learned import ModelSignals, TriggerScore, retype_events

# "Arvania withdrew from the accord." : the lexicon reads "withdrew" as RETREAT; the model, seeing "from the
# accord", as REJECT
TEXT = "Arvania withdrew from the accord."
TRIGGER = CharSpan(8, 16)


def lexicon_event(entry_id: str = "en.withdraw") -> EventRecord:
    return EventRecord(
        event="RETREAT",
        evidence=CharSpan(0, len(TEXT)),
        trigger=[TRIGGER],
        mode="withdraw",
        actor=[0],
        entry_id=entry_id,
    )


def signals(label: str, probability: float) -> ModelSignals:
    return ModelSignals(scores={TRIGGER.start: TriggerScore(1, label, probability, 0.9)})


def test_a_sure_model_type_replaces_the_lexicon_type_and_its_mode() -> None:
    event = lexicon_event()
    retype_events([event], signals("REJECT", 0.8), 0.7)
    assert event.event == "REJECT"
    assert event.mode is None
    assert event.explain["retyped"] == {"lexicon": "RETREAT", "model": "REJECT"}


def test_an_unsure_model_or_the_setting_off_keeps_the_lexicon_type() -> None:
    for probability, cut in ((0.6, 0.7), (0.95, 0.0)):
        event = lexicon_event()
        retype_events([event], signals("REJECT", probability), cut)
        assert (event.event, event.mode) == ("RETREAT", "withdraw")


def test_the_same_type_outside_and_model_proposals_are_left_alone() -> None:
    for label, entry_id in (("RETREAT", "en.withdraw"), ("O", "en.withdraw"), ("REJECT", "model:RETREAT")):
        event = lexicon_event(entry_id)
        retype_events([event], signals(label, 0.9), 0.5)
        assert event.event == "RETREAT"


def test_a_proposition_stays_only_with_a_type_that_carries_one() -> None:
    # "Norland demanded talks": REQUEST with a proposition; retyped to CONSULT it loses it, to REJECT it keeps it
    for label, kept in (("CONSULT", False), ("REJECT", True)):
        event = lexicon_event()
        event.event = "REQUEST"
        event.proposition = PropositionRecord(event="CONSULT", text="talks")
        retype_events([event], signals(label, 0.9), 0.5)
        assert (event.proposition is not None) == kept
