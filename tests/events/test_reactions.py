"""The addressee of a reaction (issue 14, "recipients"): a condemnation or rejection that names no addressee
is addressed to the actor of the act reported just before it. Every sentence here is written for these
tests."""

from events_support import make_doc, names, only

from kroniek.document import CharSpan, EventRecord
from kroniek.events.reactions import REACTION_REACH, address_reactions
from kroniek.events.stage import EventsStage
from kroniek.statements.stage import StatementsStage


def event(kind: str, start: int, end: int, actor: list[int], recipient: list[int] | None = None) -> EventRecord:
    return EventRecord(event=kind, evidence=CharSpan(start, end), actor=actor, recipient=recipient or [])  # type: ignore[arg-type]


def test_a_rejection_without_addressee_goes_to_the_actor_before():
    act = event("COERCE", 0, 50, [0], [1])
    rejection = event("REJECT", 60, 100, [1])
    address_reactions([act, rejection])
    assert rejection.recipient == [0]
    assert "reacts to" in rejection.explain["recipient"]


def test_a_reaction_that_names_its_addressee_keeps_it():
    act = event("COERCE", 0, 50, [0], [1])
    condemnation = event("ACCUSE", 60, 100, [1], [2])
    address_reactions([act, condemnation])
    assert condemnation.recipient == [2]


def test_the_reactions_own_side_and_far_acts_are_not_addressed():
    own = event("COERCE", 0, 50, [1])  # the same actor acted before: nothing to react to
    far = event("ASSAULT", 0, 10, [0])
    rejection = event("REJECT", 10 + REACTION_REACH + 1, 10 + REACTION_REACH + 40, [1])
    address_reactions([far, rejection])
    assert rejection.recipient == []
    rejection_after_own = event("REJECT", 60, 100, [1])
    address_reactions([own, rejection_after_own])
    assert rejection_after_own.recipient == []


def test_other_types_are_left_alone():
    act = event("ASSAULT", 0, 50, [0], [1])
    request = event("REQUEST", 60, 100, [1])
    address_reactions([act, request])
    assert request.recipient == []


def test_a_condemnation_in_the_next_sentence_en():
    text = "Nortland imposed new sanctions on Sudland on Monday. Sudland condemned the sanctions on Tuesday."
    doc = make_doc(text, "en", {"Nortland": ["Nortland"], "Sudland": ["Sudland"]})
    StatementsStage()(doc)
    EventsStage()(doc)
    condemnation = only(doc.events, "ACCUSE")
    assert names(doc, condemnation.actor) == {"Sudland"}
    assert names(doc, condemnation.recipient) == {"Nortland"}
