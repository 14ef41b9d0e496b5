"""Participants a preposition hid: the agent of a passive refusal or demand ("The proposal was rejected by X")
is its actor, not part of its complement (events/arguments.py); a subject after a fronted time phrase ("On
Sunday the government …") is no object of its preposition (events/clauses.py). Sentences written for these
tests."""

from events_support import make_doc, names, only, run_events

STATES = {
    "Poland": ["Poland", "Polen"],
    "Russia": ["Russia", "Rusland"],
}


def events_of(text: str, lang: str):
    doc = make_doc(text, lang, STATES)
    return doc, run_events(doc)


def test_en_agent_of_a_passive_refusal():
    doc, events = events_of("The proposal was rejected by Poland on Monday.", "en")
    reject = only(events, "REJECT")
    assert names(doc, reject.actor) == {"Poland"}


def test_en_a_by_phrase_far_inside_the_complement_stays_there():
    doc, events = events_of("Poland refused to accept any plan drafted in secret by Russia.", "en")
    reject = only(events, "REJECT")
    assert names(doc, reject.actor) == {"Poland"}
    assert "Russia" not in names(doc, reject.actor)


def test_en_a_fronted_time_phrase_does_not_govern_the_subject():
    # "On Sunday" governs Sunday; "the Polish government" opens its own noun phrase and is the subject
    doc = make_doc("On Sunday the Polish government condemned the attack.", "en", {"Poland": ["Polish government"]})
    accuse = only(run_events(doc), "ACCUSE")
    assert names(doc, accuse.actor) == {"Poland"}
