"""The addressee of a reaction (issue 14, "recipients"): a condemnation or rejection that names no addressee,
by the party an act was just done to, is addressed to whoever did that act. Every sentence here is written
for these tests."""

from events_support import make_doc, names, only, run_statements_and_events

from kroniek.chronicle.models import Article
from kroniek.document import ActorRecord, ArticleDoc, CharSpan, EventRecord
from kroniek.events.reactions import REACTION_REACH, address_reactions


def bare_doc(*countries: str | None) -> ArticleDoc:
    doc = ArticleDoc(article=Article(id="t", language="en", text=""))
    doc.actors = [ActorRecord(key=f"a{i}", name=f"a{i}", kind="state", country=c) for i, c in enumerate(countries)]
    return doc


def event(kind: str, start: int, end: int, actor: list[int], recipient: list[int] | None = None) -> EventRecord:
    return EventRecord(event=kind, evidence=CharSpan(start, end), actor=actor, recipient=recipient or [])  # type: ignore[arg-type]


def test_the_answer_of_the_party_acted_on_goes_to_the_actor():
    doc = bare_doc("NOR", "SUD")
    act = event("COERCE", 0, 50, [0], [1])
    rejection = event("REJECT", 60, 100, [1])
    address_reactions(doc, [act, rejection])
    assert rejection.recipient == [0]
    assert "answers" in rejection.explain["recipient"]


def test_a_body_of_the_state_acted_on_answers_for_it():
    doc = bare_doc("NOR", "SUD", "SUD")  # a2: Sudland's foreign ministry
    act = event("SANCTION", 0, 50, [0], [1])
    condemnation = event("ACCUSE", 60, 100, [2])
    address_reactions(doc, [act, condemnation])
    assert condemnation.recipient == [0]


def test_a_third_partys_condemnation_gets_no_recipient():
    doc = bare_doc("NOR", "SUD", "EST")
    act = event("ASSAULT", 0, 50, [0], [1])
    condemnation = event("ACCUSE", 60, 100, [2])
    address_reactions(doc, [act, condemnation])
    assert condemnation.recipient == []


def test_named_addressees_far_acts_and_other_types_are_left_alone():
    doc = bare_doc("NOR", "SUD", "EST")
    act = event("COERCE", 0, 50, [0], [1])
    named = event("ACCUSE", 60, 100, [1], [2])
    request = event("REQUEST", 60, 100, [1])
    far = event("REJECT", 50 + REACTION_REACH + 1, 50 + REACTION_REACH + 40, [1])
    address_reactions(doc, [act, named, request, far])
    assert named.recipient == [2]
    assert request.recipient == []
    assert far.recipient == []


def test_a_rejection_in_the_next_sentence_en():
    text = "Nortland accused Sudland of spying on Monday. Sudland rejected the accusation on Tuesday."
    doc = make_doc(text, "en", {"Nortland": ["Nortland"], "Sudland": ["Sudland"]})
    run_statements_and_events(doc)
    rejection = only(doc.events, "REJECT")
    assert names(doc, rejection.actor) == {"Sudland"}
    assert names(doc, rejection.recipient) == {"Nortland"}


def test_a_third_partys_condemnation_in_the_next_sentence_en():
    text = "Nortland attacked Sudland on Monday. Estland condemned the attack on Tuesday."
    doc = make_doc(text, "en", {"Nortland": ["Nortland"], "Sudland": ["Sudland"], "Estland": ["Estland"]})
    run_statements_and_events(doc)
    condemnation = only(doc.events, "ACCUSE")
    assert names(doc, condemnation.actor) == {"Estland"}
    assert condemnation.recipient == []
